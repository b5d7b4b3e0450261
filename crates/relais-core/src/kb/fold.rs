//! Folding text and queries to the same form: NFC, lower case, accents and ligatures removed,
//! apostrophes, quotes, hyphens and punctuation as word separators. Each word keeps its byte
//! range in the original text, so highlights land on the unfolded text. Stage 1 of the
//! pipeline; also the small word tools later stages share: letter masks, glued elisions.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::kb::text::is_nfc;

/// A folded word and where it came from in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub word: String,
    pub range: Range<usize>,
}

/// Folds one character into `out` (lower case ASCII letters and digits when possible).
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        // Typographic apostrophes and quotes are separators, like the ASCII ones.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00AB}' | '\u{00BB}' | '\u{201C}'
        | '\u{201D}' => out.push(' '),
        _ => {
            for l in c.to_lowercase() {
                match crate::kb::translit::translit(l) {
                    Some(s) => out.extend(s.chars().map(|c| c.to_ascii_lowercase())),
                    None => out.push(' '),
                }
            }
        }
    }
}

/// The whole text folded, without word boundaries (for tests and fuzzy matching).
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if is_nfc(text) {
        for c in text.chars() {
            fold_char(c, &mut out);
        }
    } else {
        for c in text.nfc() {
            fold_char(c, &mut out);
        }
    }
    out
}

/// Calls `f` with each folded word of `text` and its byte range in `text`, without allocating
/// per word. Words are runs of ASCII letters and digits after folding; everything else
/// separates words. Text from the knowledge base is already NFC; a query may not be, so a
/// combining mark (which folds to nothing) extends the current word instead of splitting it.
pub fn for_each_token(text: &str, f: impl FnMut(&str, Range<usize>)) {
    if !is_nfc(text) {
        // Ranges then refer to the normalised text: only queries get here, whose ranges are
        // not used (the knowledge base is normalised at load).
        let normal: String = text.nfc().collect();
        return tokens_of_normal(&normal, f);
    }
    tokens_of_normal(text, f);
}

fn tokens_of_normal(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let mut buf = String::new();
    let mut word = String::new();
    let mut start = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        let next = at + c.len_utf8();
        if c.is_ascii_alphanumeric() {
            if word.is_empty() {
                start = at;
            }
            word.push(c.to_ascii_lowercase());
            end = next;
            continue;
        }
        buf.clear();
        fold_char(c, &mut buf);
        if buf.is_empty() && !word.is_empty() {
            end = next;
        }
        for folded in buf.chars() {
            if folded.is_ascii_alphanumeric() {
                if word.is_empty() {
                    start = at;
                }
                word.push(folded);
                end = next;
            } else if !word.is_empty() {
                f(&word, start..end);
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        f(&word, start..end);
    }
}

/// Splits `text` into folded words with their original byte ranges.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(text, |word, range| {
        tokens.push(Token {
            word: word.to_owned(),
            range,
        });
    });
    tokens
}

/// The set of characters of a folded word as bits (a-z, then digits sharing six bits), for a
/// cheap test before an edit distance: `k` edits change at most `k` letters of each side.
#[must_use]
pub fn letter_mask(word: &str) -> u32 {
    word.bytes().fold(0, |mask, b| {
        let bit = match b {
            b'a'..=b'z' => u32::from(b - b'a'),
            b'0'..=b'9' => 26 + u32::from(b - b'0') % 6,
            _ => 31,
        };
        mask | (1 << bit)
    })
}

/// If `word` looks like an elided article or pronoun glued to the next word (`lhebergeur`,
/// `dasile`, `sinscrire`, `quon`), the word without it.
#[must_use]
pub fn unglue_elision(word: &str) -> Option<&str> {
    let rest = word
        .strip_prefix("qu")
        .or_else(|| word.strip_prefix(['l', 'd', 'j', 'n', 's', 'c', 'm', 't']))?;
    let first = rest.bytes().next()?;
    (rest.len() >= 3 && matches!(first, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h'))
        .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn folds_accents_case_ligatures_and_elision() {
        assert_eq!(
            words("L’Hébergeur d'ŒUVRE « aidé »"),
            ["l", "hebergeur", "d", "oeuvre", "aide"]
        );
        assert_eq!(words("sans-papiers, Æsop!"), ["sans", "papiers", "aesop"]);
        assert_eq!(fold("Ça"), "ca");
    }

    #[test]
    fn keeps_original_ranges() {
        let text = "Où l'hébergeur Œuvre";
        let t = tokenize(text);
        assert_eq!(&text[t[0].range.clone()], "Où");
        assert_eq!(&text[t[2].range.clone()], "hébergeur");
        assert_eq!(&text[t[3].range.clone()], "Œuvre");
    }

    #[test]
    fn decomposed_accents_stay_in_one_word() {
        assert_eq!(words("he\u{301}bergeur"), ["hebergeur"]);
        // Ranges of a text that is not NFC refer to its NFC form (queries only).
        let text = "E\u{301}cole";
        assert_eq!(tokenize(text)[0].range, 0.."\u{c9}cole".len());
    }

    #[test]
    fn glued_elisions_come_apart() {
        assert_eq!(unglue_elision("lhebergeur"), Some("hebergeur"));
        assert_eq!(unglue_elision("dasile"), Some("asile"));
        assert_eq!(unglue_elision("quon"), None);
        assert_eq!(unglue_elision("droits"), None);
        assert_eq!(unglue_elision("sinscrire"), Some("inscrire"));
    }

    #[test]
    fn letter_masks_hold_the_letters() {
        assert_eq!(letter_mask("abc"), 0b111);
        assert_eq!(letter_mask("cab"), letter_mask("abc"));
    }
}
