//! Makes `src/search/expand/lexicon.txt` from a Hunspell French dictionary (the Debian package
//! `hunspell-fr-classical`, MPL-2.0):
//! `cargo run --example lexicon -- /usr/share/hunspell/fr.dic > src/search/expand/lexicon.txt`.
//! Keeps lower-case lemmas (no proper nouns), folds them as the search does, keeps those of
//! three letters or more made of letters only, and writes their stems, sorted, once each.

use std::collections::BTreeSet;

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage : lexicon FR.DIC");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let mut stems = BTreeSet::new();
    for line in text.lines().skip(1) {
        let lemma = line.split(['/', '\t', ' ']).next().unwrap_or_default();
        if lemma.chars().next().is_none_or(|c| !c.is_lowercase()) {
            continue;
        }
        let folded = relais::search::fold::fold(lemma);
        if folded.len() < 3 || !folded.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        stems.insert(relais::search::stem(&folded));
    }
    let mut out = String::new();
    for s in stems {
        out.push_str(&s);
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}
