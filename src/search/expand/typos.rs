//! Typo correction, for query words the data does not know in any form and that are not
//! French words: vocabulary words within one edit (five letters and more) or two (nine and
//! more), and for the word being typed, words whose beginning is within one edit.

use super::super::fold::letter_mask;
use super::super::index::Index;
use super::distance::{self, MAX_LEN};
use super::{Expansion, MatchKind, weight};

/// Pushes the typo expansions of `t` into `out`.
pub fn typos(index: &Index, t: &str, typing: bool, out: &mut Vec<Expansion>) {
    let max = distance::allowed(t.len());
    if max == 0 || t.len() > MAX_LEN {
        return;
    }
    let vocab = &index.vocab;
    let mask = letter_mask(t);
    let fits = |id: u32, k: usize| {
        let m = vocab.mask[id as usize];
        (mask & !m).count_ones() as usize <= k && (m & !mask).count_ones() as usize <= k
    };
    let lo = t.len() - max;
    let hi = (t.len() + max).min(MAX_LEN);
    for len in lo..=hi {
        for &id in &vocab.by_len[len] {
            if !fits(id, max) {
                continue;
            }
            let w = vocab.words[id as usize].as_bytes();
            if let Some(d) = distance::distance(t.as_bytes(), w, max).filter(|&d| d > 0) {
                let wt = if d == 1 {
                    weight::TYPO_1
                } else {
                    weight::TYPO_2
                };
                super::add(out, id, MatchKind::Typo, wt, false);
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
                    super::add(out, id, MatchKind::Typo, weight::TYPO_PREFIX, true);
                }
            }
        }
    }
}

/// Words of the titles, `ask` and keywords that hold `t` inside (`watch` in `policewatch`), for
/// a word that reaches nothing else.
pub fn parts(index: &Index, t: &str, out: &mut Vec<Expansion>) {
    if t.len() < 4 {
        return;
    }
    for (id, w) in index.vocab.words.iter().enumerate() {
        if w.len() > t.len() && !w.starts_with(t) && w.contains(t) && index.vocab.short[id] {
            super::add(out, id as u32, MatchKind::Part, weight::PART, true);
        }
    }
}
