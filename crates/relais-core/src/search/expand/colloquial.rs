//! Colloquial and SMS forms (`jpeu`, `kes ke`, `qqn`), from the data's `colloquial:` table:
//! each form, one to three folded words, is read as the words it stands for, before stop words
//! are dropped — so `jheberge qqn` is searched as « j'héberge quelqu'un ».

use super::super::fold::tokenize;
use super::super::tokens::Word;

/// One line of the table, folded.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Rule {
    pub form: Vec<Box<str>>,
    pub words: Vec<Box<str>>,
    /// As written in the data, for explanations.
    pub text: (Box<str>, Box<str>),
}

/// The table, longest forms first.
pub fn rules(table: &[(String, String)]) -> Vec<Rule> {
    let fold =
        |s: &str| -> Vec<Box<str>> { tokenize(s).into_iter().map(|t| t.word.into()).collect() };
    let mut out: Vec<Rule> = table
        .iter()
        .map(|(form, words)| Rule {
            form: fold(form),
            words: fold(words),
            text: (form.as_str().into(), words.as_str().into()),
        })
        .filter(|r| !r.form.is_empty() && !r.words.is_empty())
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.form.len()));
    out
}

/// A query word after the table, and the rule that made it.
pub struct Rewritten {
    pub word: Word,
    pub rule: Option<u16>,
}

/// `words` with every colloquial form replaced. The word being typed is left alone while it may
/// still grow into a word of the data (`c` on the way to `centre`): `starts_word` says so.
pub fn rewrite(
    rules: &[Rule],
    words: &[Word],
    starts_word: impl Fn(&str) -> bool,
) -> Vec<Rewritten> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let found = rules.iter().enumerate().find(|(_, r)| {
            let n = r.form.len();
            i + n <= words.len()
                && r.form
                    .iter()
                    .zip(&words[i..i + n])
                    .all(|(f, w)| **f == w.text)
                && !(words[i + n - 1].typing && starts_word(&words[i + n - 1].text))
        });
        let Some((at, rule)) = found else {
            out.push(Rewritten {
                word: words[i].clone(),
                rule: None,
            });
            i += 1;
            continue;
        };
        for w in &rule.words {
            out.push(Rewritten {
                word: Word {
                    text: w.to_string(),
                    typing: false,
                },
                rule: Some(at as u16),
            });
        }
        i += rule.form.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tokens::words;

    fn texts(rules: &[Rule], q: &str, prefix: bool) -> Vec<String> {
        rewrite(rules, &words(q), |_| prefix)
            .into_iter()
            .map(|r| r.word.text)
            .collect()
    }

    #[test]
    fn forms_become_their_words_longest_first() {
        let table = [
            ("kes ke".to_owned(), "qu'est-ce que".to_owned()),
            ("ke".to_owned(), "que".to_owned()),
            ("jheberge".to_owned(), "j'héberge".to_owned()),
            ("c".to_owned(), "c'est".to_owned()),
        ];
        let r = rules(&table);
        assert_eq!(
            texts(&r, "kes ke jheberge", false),
            ["qu", "est", "ce", "que", "j", "heberge"]
        );
        assert_eq!(texts(&r, "ke faire", false), ["que", "faire"]);
        // Being typed and the start of a word of the data: left as typed.
        assert_eq!(texts(&r, "c", true), ["c"]);
        assert_eq!(texts(&r, "c grave ", true), ["c", "est", "grave"]);
    }
}
