//! The typo policy, in one place, for matching and suggestions alike. A query word is
//! corrected only when the data does not know it in any form (exact, stem, family, prefix,
//! glued) and it is not a French word ([`Known::Unknown`]); it then reaches vocabulary words
//! within [`allowed`] edits, and for the word being typed, words whose beginning is within one
//! edit. Suggestions ("Vouliez-vous dire") are made for the same words, looking a little
//! further ([`suggestion_allowed`]).

pub mod distance;

use super::MatchKind;
use super::expand::{Expansion, Known, Term, add, lexicon, stems};
use super::fold::letter_mask;
use super::index::Index;
use super::weights::{self, SUGGEST_FROM, TYPO_FROM, TYPO_MAX_LEN};

/// What the data and the word list know of a term that the data does (`in_data`) or does not
/// hold in some form.
#[must_use]
pub fn known(in_data: bool, word: &str, stem: &str) -> Known {
    if in_data {
        Known::Data
    } else if lexicon::is_french(word, stem) {
        Known::French
    } else {
        Known::Unknown
    }
}

/// True when a term may be corrected: neither the data nor French knows it.
#[must_use]
pub fn corrects(known: Known) -> bool {
    known == Known::Unknown
}

/// How many typos a query word of `len` letters may carry when it is matched.
#[must_use]
pub fn allowed(len: usize) -> usize {
    TYPO_FROM.iter().filter(|&&from| len >= from).count()
}

/// How many edits a suggestion for a word of `len` letters may make, if any is made.
#[must_use]
pub fn suggestion_allowed(len: usize) -> Option<usize> {
    let n = SUGGEST_FROM.iter().filter(|&&from| len >= from).count();
    (n > 0).then_some(n)
}

/// True when a suggestion is looked for `term`: it reaches no word but by typos, and it is not
/// a French word the data lacks.
#[must_use]
pub fn suggests(term: &Term) -> bool {
    term.known != Known::French && !term.expansions.iter().any(|e| e.kind < MatchKind::Typo)
}

/// Pushes the typo expansions of `t` into `out`.
pub fn typos(index: &Index, t: &str, typing: bool, out: &mut Vec<Expansion>) {
    let max = allowed(t.len());
    if max == 0 || t.len() > TYPO_MAX_LEN {
        return;
    }
    let vocab = &index.vocab;
    let mask = letter_mask(t);
    let fits = |id: u32, k: usize| {
        let m = vocab.mask[id as usize];
        (mask & !m).count_ones() as usize <= k && (m & !mask).count_ones() as usize <= k
    };
    let from = out.len();
    let lo = t.len() - max;
    let hi = (t.len() + max).min(TYPO_MAX_LEN);
    for len in lo..=hi {
        for &id in &vocab.by_len[len] {
            if !fits(id, max) {
                continue;
            }
            let w = vocab.words[id as usize].as_bytes();
            if let Some(d) = distance::distance(t.as_bytes(), w, max).filter(|&d| d > 0) {
                let wt = if d == 1 && distance::is_slip(t.as_bytes(), w) {
                    weights::kind::TYPO_SLIP
                } else if d == 1 {
                    weights::kind::TYPO_1
                } else {
                    weights::kind::TYPO_2
                };
                add(out, id, MatchKind::Typo, wt, false);
            }
        }
    }
    // The word a typo reaches stands for its forms too (`hebergment` → `hébergement`, and
    // `héberger`, `héberge`), each below the corrected word.
    let corrected: Vec<(u32, f32)> = out[from..].iter().map(|e| (e.id, e.weight)).collect();
    for (id, wt) in corrected {
        for other in vocab.with_stem(vocab.stem_of(id)) {
            let (a, b) = (&*vocab.words[id as usize], &*vocab.words[other as usize]);
            if other != id && b.len() >= weights::SHORT_STEM && !stems::apart(a, b) {
                add(out, other, MatchKind::Typo, wt * weights::kind::STEM, false);
            }
        }
    }
    if typing {
        let m1 = |id: u32| (mask & !vocab.mask[id as usize]).count_ones() <= 1;
        for bucket in &vocab.by_len[t.len()..] {
            for &id in bucket {
                if m1(id)
                    && distance::prefix_distance(
                        t.as_bytes(),
                        vocab.words[id as usize].as_bytes(),
                        1,
                    )
                    .is_some()
                {
                    add(out, id, MatchKind::Typo, weights::kind::TYPO_PREFIX, true);
                }
            }
        }
    }
}

/// Words of the titles, `ask` and keywords that hold `t` inside (`watch` in `policewatch`), for
/// a word that reaches nothing else.
pub fn parts(index: &Index, t: &str, out: &mut Vec<Expansion>) {
    if t.len() < weights::PART_FROM {
        return;
    }
    for (id, w) in index.vocab.words.iter().enumerate() {
        if w.len() > t.len() && !w.starts_with(t) && w.contains(t) && index.vocab.short[id] {
            add(out, id as u32, MatchKind::Part, weights::kind::PART, true);
        }
    }
}

/// The vocabulary word closest to `word` within [`suggestion_allowed`] edits; ties go to the
/// word found in more documents, then the first in order.
#[must_use]
pub fn nearest(index: &Index, word: &str) -> Option<u32> {
    let max = suggestion_allowed(word.len())?;
    if word.len() > TYPO_MAX_LEN {
        return None;
    }
    let vocab = &index.vocab;
    let mask = letter_mask(word);
    let lo = word.len().saturating_sub(max).max(SUGGEST_FROM[0]);
    let hi = (word.len() + max).min(TYPO_MAX_LEN);
    let mut best: Option<(usize, std::cmp::Reverse<u32>, u32)> = None;
    for bucket in &vocab.by_len[lo..=hi] {
        for &id in bucket {
            let m = vocab.mask[id as usize];
            if (mask & !m).count_ones() as usize > max || (m & !mask).count_ones() as usize > max {
                continue;
            }
            let w = vocab.words[id as usize].as_bytes();
            if let Some(d) = distance::distance(word.as_bytes(), w, max) {
                let key = (d, std::cmp::Reverse(vocab.df[id as usize]), id);
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
        }
    }
    best.map(|(_, _, id)| id)
}

#[cfg(test)]
mod tests {
    use super::super::expand::stems::stem;
    use super::*;

    #[test]
    fn allowed_typos_grow_with_length() {
        assert_eq!(
            (allowed(4), allowed(5), allowed(8), allowed(9)),
            (0, 1, 1, 2)
        );
        assert_eq!(
            [2, 3, 4, 5, 8, 9].map(suggestion_allowed),
            [None, Some(1), Some(1), Some(2), Some(2), Some(3)]
        );
    }

    #[test]
    fn only_unknown_words_are_corrected() {
        assert_eq!(known(true, "herbergeur", "herbergeur"), Known::Data);
        assert_eq!(known(false, "manger", &stem("manger")), Known::French);
        let k = known(false, "herbergeur", "herbergeur");
        assert!(corrects(k) && !corrects(Known::French) && !corrects(Known::Data));
    }
}
