//! From a query to what it matches in the vocabulary: the meaningful folded words of the query
//! (terms), and for each term the vocabulary words it reaches — exactly, by a shared stem, as
//! a prefix, within a typo or two, glued to its neighbour (`police watch` = `policewatch`) or
//! with a glued elision undone (`lhebergeur`) — and the synonym alternatives of the data.

use super::MatchKind;
use super::fold::{for_each_token, is_stop_word, letter_mask, stem, unglue_elision};
use super::index::Index;
use super::typo;

/// Longest query taken into account, in words; the rest is ignored.
pub const MAX_TERMS: usize = 12;

/// A meaningful word of the query.
#[derive(Debug, Clone)]
pub struct Term {
    pub text: String,
    /// The last word, not followed by a separator: the user may still be typing it.
    pub typing: bool,
}

/// One vocabulary word that a term reaches, and how well.
#[derive(Debug, Clone, Copy)]
pub struct Expansion {
    pub id: u32,
    pub kind: MatchKind,
    /// Share of the field's weight this match earns (1.0 for an exact word).
    pub weight: f32,
    /// Only count matches in titles and keywords (prefixes of one or two letters).
    pub short_only: bool,
    /// Rarity of what the user typed, for a stem of a known word (`héberger` reaching
    /// `héberge` weighs as `héberger`); `None` to use the reached word's own.
    pub idf: Option<f32>,
}

impl Expansion {
    /// The rarity factor this expansion scores with.
    pub fn idf(&self, index: &Index) -> f32 {
        self.idf.unwrap_or(index.vocab.idf[self.id as usize])
    }
}

/// A synonym of some query words: every word in `ids` must be in the document.
#[derive(Debug, Clone)]
pub struct Alternative {
    /// The query terms it stands for.
    pub covers: std::ops::Range<usize>,
    pub ids: Vec<u32>,
    pub weight: f32,
    /// (group, member) in [`Index::synonyms`], for explanations.
    pub member: (u16, u16),
}

/// Weights of each kind of match, before field weight and rarity.
pub mod weight {
    pub const EXACT: f32 = 1.0;
    pub const PLURAL: f32 = 0.95;
    pub const STEM: f32 = 0.8;
    pub const GLUED: f32 = 0.9;
    pub const TYPO_1: f32 = 0.65;
    pub const TYPO_2: f32 = 0.55;
    pub const TYPO_PREFIX: f32 = 0.45;
    pub const SYNONYM: f32 = 0.5;
    pub const FUZZY: f32 = 0.35;
}

/// The meaningful words of `query`: folded, stop words dropped unless nothing else is left, at
/// most [`MAX_TERMS`].
pub fn parse(query: &str) -> Vec<Term> {
    let mut all: Vec<String> = Vec::new();
    let mut last_end = 0;
    for_each_token(query, |w, range| {
        if all.len() < 4 * MAX_TERMS {
            all.push(w.to_owned());
            last_end = range.end;
        }
    });
    let typing_last = last_end == query.len();
    let keep_all = all.iter().all(|w| is_stop_word(w));
    let count = all.len();
    all.into_iter()
        .enumerate()
        .filter(|(_, w)| keep_all || !is_stop_word(w))
        .map(|(i, text)| Term {
            text,
            typing: typing_last && i + 1 == count,
        })
        .take(MAX_TERMS)
        .collect()
}

/// Fills `out` with the vocabulary words `terms[i]` reaches, best kind per word.
pub fn expand(index: &Index, terms: &[Term], i: usize, out: &mut Vec<Expansion>) {
    out.clear();
    let term = &terms[i];
    let vocab = &index.vocab;
    let t = term.text.as_str();
    direct(index, t, term.typing, 1.0, out);
    // A glued elision (`lhebergeur`), when the word as typed is unknown.
    if vocab.find(t).is_none()
        && let Some(rest) = unglue_elision(t)
    {
        direct(index, rest, term.typing, 0.95, out);
    }
    // Two query words typed apart that the data writes as one (`police watch`).
    for (a, b) in [(i.checked_sub(1), Some(i)), (Some(i), Some(i + 1))] {
        let (Some(a), Some(b)) = (a, b) else { continue };
        if let (Some(x), Some(y)) = (terms.get(a), terms.get(b)) {
            let glued = format!("{}{}", x.text, y.text);
            if let Some(id) = vocab.find(&glued) {
                add(out, id, MatchKind::Exact, weight::GLUED, false);
            }
        }
    }
    // Typos are looked for even when the word exists: a slip can make another real word
    // (`entre` for `centre`); the exact word still scores higher.
    typos(index, t, term.typing, out);
}

/// Exact, stem and prefix matches of the word `t`, and its typos.
fn direct(index: &Index, t: &str, typing: bool, scale: f32, out: &mut Vec<Expansion>) {
    let vocab = &index.vocab;
    if let Some(id) = vocab.find(t) {
        add(out, id, MatchKind::Exact, weight::EXACT * scale, false);
    }
    let typed_idf = vocab.find(t).map(|id| vocab.idf[id as usize]);
    if t.len() >= 4 {
        for id in vocab.with_stem(stem(t)) {
            // A plural is the same word; another ending (`héberge`, `héberger`) a near one.
            let w = &*vocab.words[id as usize];
            let plural = w.trim_end_matches(['s', 'x']) == t.trim_end_matches(['s', 'x']);
            let wt = if plural { weight::PLURAL } else { weight::STEM };
            add(out, id, MatchKind::Stem, wt * scale, false);
            if let Some(e) = out
                .iter_mut()
                .find(|e| e.id == id && e.kind == MatchKind::Stem)
            {
                e.idf = typed_idf;
            }
        }
    }
    if typing || t.len() >= 3 {
        let short_only = t.len() < 3;
        for id in vocab.prefixed(t) {
            #[allow(clippy::cast_precision_loss)] // word lengths
            let typed = t.len() as f32 / vocab.words[id as usize].len() as f32;
            let base = if typing {
                0.55 + 0.35 * typed
            } else {
                0.45 + 0.3 * typed
            };
            add(out, id, MatchKind::Prefix, base * scale, short_only);
        }
    }
}

/// Words within the allowed number of typos of `t`, and for the word being typed, words
/// whose beginning is within one typo of it.
fn typos(index: &Index, t: &str, typing: bool, out: &mut Vec<Expansion>) {
    let max = typo::allowed(t.len());
    if max == 0 || t.len() > typo::MAX_LEN {
        return;
    }
    let vocab = &index.vocab;
    let mask = letter_mask(t);
    let fits = |id: u32, k: usize| {
        let m = vocab.mask[id as usize];
        (mask & !m).count_ones() as usize <= k
    };
    let lo = t.len() - max;
    let hi = (t.len() + max).min(typo::MAX_LEN);
    for len in lo..=hi {
        for &id in &vocab.by_len[len] {
            let m = vocab.mask[id as usize];
            if !fits(id, max) || (m & !mask).count_ones() as usize > max {
                continue;
            }
            let w = vocab.words[id as usize].as_bytes();
            if let Some(d) = typo::distance(t.as_bytes(), w, max).filter(|&d| d > 0) {
                let wt = if d == 1 {
                    weight::TYPO_1
                } else {
                    weight::TYPO_2
                };
                add(out, id, MatchKind::Typo, wt, false);
            }
        }
    }
    if typing {
        for bucket in &vocab.by_len[t.len()..] {
            for &id in bucket {
                if !fits(id, 1) {
                    continue;
                }
                let w = vocab.words[id as usize].as_bytes();
                if typo::prefix_distance(t.as_bytes(), w, 1).is_some() {
                    add(out, id, MatchKind::Typo, weight::TYPO_PREFIX, true);
                }
            }
        }
    }
}

/// Adds or upgrades the expansion of word `id`.
fn add(out: &mut Vec<Expansion>, id: u32, kind: MatchKind, weight: f32, short_only: bool) {
    if let Some(e) = out.iter_mut().find(|e| e.id == id) {
        if weight > e.weight {
            *e = Expansion {
                id,
                kind,
                weight,
                short_only,
                idf: None,
            };
        }
        return;
    }
    out.push(Expansion {
        id,
        kind,
        weight,
        short_only,
        idf: None,
    });
}

/// The synonym alternatives of the query: for each member of a group found in the query (as
/// consecutive terms), every other member of the group that occurs in the data.
pub fn alternatives(
    index: &Index,
    terms: &[Term],
    expansions: &[Vec<Expansion>],
) -> Vec<Alternative> {
    let mut out = Vec::new();
    for (g, group) in index.synonyms.iter().enumerate() {
        for (m, member) in group.iter().enumerate() {
            let Some(at) = find_member(member, terms, expansions) else {
                continue;
            };
            let covers = at..at + member.words.len();
            for (o, other) in group.iter().enumerate() {
                let Some(ids) = other.ids.as_ref().filter(|_| o != m) else {
                    continue;
                };
                if out
                    .iter()
                    .any(|a: &Alternative| a.covers == covers && a.ids == *ids)
                {
                    continue;
                }
                out.push(Alternative {
                    covers: covers.clone(),
                    ids: ids.clone(),
                    weight: weight::SYNONYM,
                    member: (g as u16, o as u16),
                });
            }
        }
    }
    out
}

/// Where `member` occurs in the query as consecutive terms (same word or same stem; a single
/// word may also be reached through a typo).
fn find_member(
    member: &super::index::Member,
    terms: &[Term],
    expansions: &[Vec<Expansion>],
) -> Option<usize> {
    let k = member.words.len();
    if k > terms.len() {
        return None;
    }
    (0..=terms.len() - k).find(|&at| {
        (0..k).all(|j| {
            let t = &terms[at + j].text;
            let same = **t == *member.words[j] || (t.len() >= 4 && stem(t) == &*member.stems[j]);
            let typo = k == 1
                && member.ids.as_ref().is_some_and(|ids| {
                    expansions[at]
                        .iter()
                        .any(|e| e.id == ids[0] && e.kind == MatchKind::Typo)
                });
            same || typo
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_drops_stop_words_and_marks_the_word_being_typed() {
        let t = parse("Les droits de l’hébergeur");
        let words: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["droits", "hebergeur"]);
        assert!(t[1].typing && !t[0].typing);
        assert!(!parse("hébergeur ").last().is_some_and(|t| t.typing));
        assert_eq!(parse("le la").len(), 2);
        assert!(parse("?! …").is_empty());
    }

    #[test]
    fn parse_is_bounded() {
        let long = "mot ".repeat(10_000);
        assert_eq!(parse(&long).len(), MAX_TERMS);
    }
}
