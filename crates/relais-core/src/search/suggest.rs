//! "Vouliez-vous dire" when a query finds nothing or nothing sure: for each query word that
//! reaches no vocabulary word (the policy is [`super::typo`]'s), the nearest word of the data
//! (fewest edits, then the most common), in its original spelling.

use super::expand::Expanded;
use super::index::Index;
use super::typo;

/// Corrections for the words of query `q` that match nothing.
pub fn suggest(index: &Index, q: &Expanded) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in q.terms.iter().filter(|t| typo::suggests(t)) {
        if let Some(id) = typo::nearest(index, &t.text) {
            let shown = index.vocab.display[id as usize].to_string();
            if !out.contains(&shown) {
                out.push(shown);
            }
        }
    }
    out
}
