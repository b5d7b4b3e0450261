//! Prints `word stem` for each word read on standard input, with the Snowball French stemmer
//! the search uses (to check the phone page's own stemmer: tests/browser).

use std::io::BufRead;

fn main() {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French);
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let w = line.trim();
        if !w.is_empty() {
            println!("{w} {}", stemmer.stem(w));
        }
    }
}
