//! Typos in a query word of another language: a Latin-script word that neither the
//! translations nor the French data know in any form, and that is not a French word, reaches
//! the translations' words within the edits the French index allows for its length (one from
//! five letters, two from nine), weighted as the French index weighs them.

use crate::search::expand::{lexicon, stems};
use crate::search::typo::{allowed, distance::distance};
use crate::search::weights::TYPO_MAX_LEN;
use crate::search::weights::kind::{TYPO_1, TYPO_2};

use super::{LangIndex, Posting};
use crate::kb::fold::letter_mask;

/// A word of the translations as written (folded), its term, and its letters.
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Spelling {
    pub word: Box<str>,
    term: Box<str>,
    mask: u32,
}

impl Spelling {
    /// The term this spelling is indexed under.
    pub(super) fn term(&self) -> &str {
        &self.term
    }

    pub(super) fn new(word: String, term: String) -> Self {
        Self {
            mask: letter_mask(&word),
            word: word.into_boxed_str(),
            term: term.into_boxed_str(),
        }
    }
}

/// True for a word of the translations a typo may be compared with: Latin letters only.
pub(super) fn candidate(word: &str) -> bool {
    word.len() >= 4 && word.len() <= TYPO_MAX_LEN && word.bytes().all(|b| b.is_ascii_lowercase())
}

impl LangIndex {
    /// The postings of the terms `word` may be a typo of, each with its weight (the closest
    /// spelling of a term counts).
    pub(super) fn typos(&self, word: &str) -> Vec<(f32, &[Posting])> {
        // A French word the data lacks is rarely a typo; but the word list knows stems, not
        // forms (`docter` has the stem of `docte`): such a word reaches a translation's word one
        // edit away only (`doctor`).
        let french = lexicon::is_french(word, &stems::stem(word));
        let max = if french {
            allowed(word.len()).min(1)
        } else {
            allowed(word.len())
        };
        if max == 0 || !candidate(word) {
            return Vec::new();
        }
        let mask = letter_mask(word);
        let mut near: Vec<(&str, usize)> = Vec::new();
        for s in &self.spellings {
            // Each edit adds or removes at most one letter of the word's set of letters.
            let fits = (mask & !s.mask).count_ones() as usize <= max
                && (s.mask & !mask).count_ones() as usize <= max;
            let Some(d) = fits
                .then(|| distance(word.as_bytes(), s.word.as_bytes(), max))
                .flatten()
            else {
                continue;
            };
            match near.iter_mut().find(|(t, _)| *t == &*s.term) {
                Some((_, best)) => *best = (*best).min(d),
                None => near.push((&s.term, d)),
            }
        }
        near.into_iter()
            .filter_map(|(term, d)| {
                let at = self.terms.binary_search_by(|(t, _)| (**t).cmp(term)).ok()?;
                let factor = if d <= 1 { TYPO_1 } else { TYPO_2 };
                Some((factor, self.terms[at].1.as_slice()))
            })
            .collect()
    }
}
