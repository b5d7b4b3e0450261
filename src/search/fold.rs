//! Folding text and queries to the same form: NFC, lower case, accents and ligatures removed,
//! apostrophes, quotes, hyphens and punctuation as word separators. Each word keeps its byte
//! range in the original text, so highlights land on the unfolded text.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

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
                match deunicode::deunicode_char(l) {
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
    for c in text.nfc() {
        fold_char(c, &mut out);
    }
    out
}

/// Splits `text` into folded words with their original byte ranges. Words are runs of ASCII
/// letters and digits after folding; everything else separates words.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut buf = String::new();
    let mut current: Option<Token> = None;
    for (at, c) in text.char_indices() {
        buf.clear();
        fold_char(c, &mut buf);
        let end = at + c.len_utf8();
        for f in buf.chars() {
            if f.is_ascii_alphanumeric() {
                let token = current.get_or_insert_with(|| Token {
                    word: String::new(),
                    range: at..end,
                });
                token.word.push(f);
                token.range.end = end;
            } else {
                tokens.extend(current.take());
            }
        }
        // A combining mark folds to nothing and must not split a word.
        if let (true, Some(t)) = (buf.is_empty(), current.as_mut()) {
            t.range.end = end;
        }
    }
    tokens.extend(current);
    tokens
}

/// French words that carry no meaning for search, including the elided forms left by
/// apostrophes (`l'`, `d'`, `qu'`...).
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du",
    "elle", "en", "est", "et", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs",
    "lui", "m", "ma", "me", "mes", "moi", "mon", "n", "ne", "nos", "notre", "nous", "on", "ou",
    "par", "pas", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sur", "t", "ta",
    "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
];

/// True for French stop words (on folded words).
#[must_use]
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
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
        let text = "Où l'hébergeur";
        let t = tokenize(text);
        assert_eq!(&text[t[0].range.clone()], "Où");
        assert_eq!(&text[t[2].range.clone()], "hébergeur");
    }

    #[test]
    fn decomposed_accents_stay_in_one_word() {
        assert_eq!(words("he\u{301}bergeur"), ["hebergeur"]);
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("les") && is_stop_word("qu") && !is_stop_word("droits"));
    }
}
