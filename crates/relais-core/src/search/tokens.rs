//! Stage 2: the folded words of a query, in order, with the one being typed marked.

use super::fold::for_each_token;

use super::weights::MAX_WORDS;

/// One folded word of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// The last word, not followed by a separator: the user may still be typing it.
    pub typing: bool,
}

/// The folded words of `query`, at most [`MAX_WORDS`].
pub fn words(query: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut last_end = 0;
    for_each_token(query, |w, range| {
        if out.len() < MAX_WORDS {
            out.push(Word {
                text: w.to_owned(),
                typing: false,
            });
            last_end = range.end;
        }
    });
    if last_end == query.len()
        && let Some(last) = out.last_mut()
    {
        last.typing = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_the_last_one_may_be_typed() {
        let w = words("Les droits de l’hébergeur");
        let texts: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["les", "droits", "de", "l", "hebergeur"]);
        assert!(w[4].typing && !w[0].typing);
        assert!(!words("hébergeur ")[0].typing);
        assert!(words("?! …").is_empty());
        assert_eq!(words(&"mot ".repeat(10_000)).len(), MAX_WORDS);
    }
}
