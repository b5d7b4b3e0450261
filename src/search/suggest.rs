//! "Vouliez-vous dire" when a query finds nothing or nothing sure: for each query word that
//! reaches no vocabulary word, the nearest word of the data (fewest edits, then the most
//! common), in its original spelling.

use super::expand::{self, Known, distance};
use super::fold::letter_mask;
use super::index::Index;
use super::tokens;

/// Corrections for the words of `query` that match nothing.
pub fn suggest(index: &Index, query: &str) -> Vec<String> {
    let q = expand::expand(index, &tokens::words(query));
    let mut out: Vec<String> = Vec::new();
    for t in &q.terms {
        let reached = t.expansions.iter().any(|e| e.kind < super::MatchKind::Typo);
        if reached || t.known == Known::French {
            continue;
        }
        if let Some(id) = nearest(index, &t.text) {
            let shown = index.vocab.display[id as usize].to_string();
            if !out.contains(&shown) {
                out.push(shown);
            }
        }
    }
    out
}

/// The vocabulary word closest to `word`: at most one edit up to 4 letters, two up to 8, three
/// beyond; ties go to the word found in more documents, then the first in order.
fn nearest(index: &Index, word: &str) -> Option<u32> {
    let max = match word.len() {
        0..=2 => return None,
        3..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    if word.len() > distance::MAX_LEN {
        return None;
    }
    let vocab = &index.vocab;
    let mask = letter_mask(word);
    let lo = word.len().saturating_sub(max).max(3);
    let hi = (word.len() + max).min(distance::MAX_LEN);
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
