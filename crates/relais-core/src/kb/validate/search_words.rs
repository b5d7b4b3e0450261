//! What only the search reads: the `ask` phrasings of entries and contacts, the word families
//! (`families:`) and the colloquial forms (`colloquial:`).

use crate::kb::raw::Spanned;

use super::Checker;
use super::positions::clamp;
use crate::kb::Severity;
use crate::kb::fold::tokenize;
use crate::kb::raw::Text;

/// Fewest `ask` phrasings advised (a remark below), and most accepted per entry or contact.
pub const MIN_ASK: usize = 3;
pub const MAX_ASK: usize = 8;
/// Longest colloquial form, in words.
pub const MAX_FORM_WORDS: usize = 3;

impl Checker<'_> {
    /// An entry's or contact's `ask` list: non-empty texts, at most [`MAX_ASK`], no repeats.
    pub(super) fn ask(&mut self, file: usize, ask: &[Text]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, t) in ask.iter().enumerate() {
            let text = self.text(file, "ask", t, true);
            if i == MAX_ASK {
                self.error_at(
                    file,
                    &t.referenced,
                    format!("« ask » : au plus {MAX_ASK} formulations (gardez les plus courantes)"),
                );
            }
            if out.iter().any(|o| o.to_lowercase() == text.to_lowercase()) {
                self.error_at(
                    file,
                    &t.referenced,
                    format!(
                        "« ask » : formulation en double « {text} »",
                        text = crate::kb::text::quotable(&text)
                    ),
                );
                continue;
            }
            out.push(text);
        }
        if let Some(first) = ask.first().filter(|_| out.len() < MIN_ASK) {
            let loc = first.referenced;
            self.push(
                Severity::Info,
                file,
                clamp(loc.line()),
                clamp(loc.column()),
                format!(
                    "« ask » : {} formulation(s) ; visez-en de {MIN_ASK} à {MAX_ASK}",
                    out.len()
                ),
            );
        }
        out
    }

    /// Word families: at least two single words each.
    pub(super) fn families(&mut self, raw: &[(usize, Spanned<Vec<Text>>)]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for (file, group) in raw {
            let words: Vec<String> = group
                .value
                .iter()
                .map(|w| self.text(*file, "families", w, true))
                .collect();
            if words.len() < 2 {
                self.error_at(
                    *file,
                    &group.referenced,
                    "une famille de mots doit contenir au moins deux mots".to_owned(),
                );
                continue;
            }
            for (w, t) in words.iter().zip(&group.value) {
                if tokenize(w).len() != 1 {
                    self.error_at(
                        *file,
                        &t.referenced,
                        format!("famille de mots : « {w} » doit être un seul mot (les expressions vont dans « synonyms »)", w = crate::kb::text::quotable(w)),
                    );
                }
            }
            out.push(words);
        }
        out
    }

    /// Colloquial forms: `[form, words]` pairs, a form of one to [`MAX_FORM_WORDS`] words, each
    /// form once.
    pub(super) fn colloquial(
        &mut self,
        raw: &[(usize, Spanned<Vec<Text>>)],
    ) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (file, pair) in raw {
            let [form, words] = pair.value.as_slice() else {
                self.error_at(
                    *file,
                    &pair.referenced,
                    "forme familière : écrivez [forme, mots], par exemple [jpeu, je peux]"
                        .to_owned(),
                );
                continue;
            };
            let form_text = self.text(*file, "colloquial", form, true);
            let words_text = self.text(*file, "colloquial", words, true);
            let folded: Vec<String> = tokenize(&form_text).into_iter().map(|t| t.word).collect();
            if folded.is_empty() || folded.len() > MAX_FORM_WORDS {
                self.error_at(
                    *file,
                    &form.referenced,
                    format!(
                        "forme familière « {form_text} » : de 1 à {MAX_FORM_WORDS} mots",
                        form_text = crate::kb::text::quotable(&form_text)
                    ),
                );
                continue;
            }
            if tokenize(&words_text).is_empty() {
                self.error_at(
                    *file,
                    &words.referenced,
                    format!(
                        "forme familière « {form_text} » : aucun mot pour la remplacer",
                        form_text = crate::kb::text::quotable(&form_text)
                    ),
                );
                continue;
            }
            let same = |(f, _): &(String, String)| {
                tokenize(f)
                    .into_iter()
                    .map(|t| t.word)
                    .eq(folded.iter().cloned())
            };
            if out.iter().any(same) {
                self.error_at(
                    *file,
                    &form.referenced,
                    format!(
                        "forme familière « {form_text} » en double",
                        form_text = crate::kb::text::quotable(&form_text)
                    ),
                );
                continue;
            }
            out.push((form_text, words_text));
        }
        out
    }
}
