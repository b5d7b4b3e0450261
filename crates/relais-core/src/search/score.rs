//! Stage 5: BM25F. For each expansion of a term, the document's pseudo-frequency of the word is
//! the sum over fields of `weight(field) × tf / (1 − b + b × len / mean len)`; the word scores
//! `kind weight × idf × tf~ × (k1 + 1) / (k1 + tf~)`, and a term keeps, per document, its best
//! expansion. A synonym alternative scores its member's words the same way, below the literal
//! words (its kind weight), and replaces the terms it stands for when it scores more than they
//! do. Buffers live in a [`Scratch`] reused from one keystroke to the next.

use super::expand::{Alternative, Expanded, Expansion, Term};
use super::index::Index;
use super::weights::{B, FIELD_WEIGHT, K1};
use super::{FIELDS, Field, MatchKind};

pub const NONE: u32 = u32::MAX;

mod contacts;
pub use contacts::contacts;

/// The match of one term in one document.
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    pub score: f32,
    /// Vocabulary word of the best match (the first word of a synonym member).
    pub id: u32,
    pub kind: MatchKind,
    pub weight: f32,
    /// The field that gave the best match most.
    pub field: Field,
    /// Fields where the term is found as written (not a typo, synonym or part), as bits.
    pub literal: u8,
    /// (group, member) of a synonym in [`Index::synonyms`].
    pub member: (u16, u16),
    /// While the term is scored: the sum over its expansions of weight × rarity × frequency,
    /// and the highest weight × rarity among them.
    evidence: f32,
    top: f32,
}

pub const EMPTY: Slot = Slot {
    score: 0.0,
    id: NONE,
    kind: MatchKind::Exact,
    weight: 0.0,
    field: Field::Answer,
    literal: 0,
    member: (u16::MAX, u16::MAX),
    evidence: 0.0,
    top: 0.0,
};

/// BM25's saturation of a pseudo-frequency.
pub fn saturate(tf: f32, k1: f32) -> f32 {
    tf * (k1 + 1.0) / (k1 + tf)
}

/// True for kinds that stand for the word as written: they earn the neighbour bonus.
pub fn is_literal(kind: MatchKind) -> bool {
    matches!(
        kind,
        MatchKind::Exact
            | MatchKind::Stem
            | MatchKind::Family
            | MatchKind::Glued
            | MatchKind::Prefix
    )
}

/// Buffers reused across queries.
#[derive(Default)]
pub struct Scratch {
    /// Per document: its index in `touched`, or [`NONE`].
    slot_of: Vec<u32>,
    /// Documents matched by some term, in the order first met.
    pub touched: Vec<u32>,
    /// `terms` slots per touched document.
    pub slots: Vec<Slot>,
    pub terms: usize,
    /// Per document, while one word is scored: its pseudo-frequency and the fields holding it.
    acc: Vec<f32>,
    fields: Vec<u8>,
    acc_docs: Vec<u32>,
    /// Per vocabulary word: bit `i` when term `i` reaches it as written, bit `16 + i` when it
    /// reaches it at all.
    pub vmask: Vec<u32>,
    vtouched: Vec<u32>,
}

impl Scratch {
    fn reset(&mut self, index: &Index, terms: usize) {
        let n = index.docs.len();
        if self.slot_of.len() != n {
            self.slot_of = vec![NONE; n];
            self.acc = vec![0.0; n];
            self.fields = vec![0; n];
        }
        if self.vmask.len() != index.vocab.words.len() {
            self.vmask = vec![0; index.vocab.words.len()];
        }
        for &doc in &self.touched {
            self.slot_of[doc as usize] = NONE;
        }
        for &id in &self.vtouched {
            self.vmask[id as usize] = 0;
        }
        self.touched.clear();
        self.vtouched.clear();
        self.slots.clear();
        self.terms = terms;
    }

    /// The slots of the `at`-th touched document.
    pub fn slots_of(&self, at: usize) -> &[Slot] {
        &self.slots[at * self.terms..(at + 1) * self.terms]
    }

    fn at(&mut self, doc: u32) -> usize {
        let mut at = self.slot_of[doc as usize];
        if at == NONE {
            at = self.touched.len() as u32;
            self.slot_of[doc as usize] = at;
            self.touched.push(doc);
            self.slots.extend(std::iter::repeat_n(EMPTY, self.terms));
        }
        at as usize
    }

    fn mark(&mut self, id: u32, bits: u32) {
        let m = &mut self.vmask[id as usize];
        if *m == 0 {
            self.vtouched.push(id);
        }
        *m |= bits;
    }

    /// Weighs word `id` in every document holding it (only the short fields if `short_only`)
    /// and calls `f(self, doc, pseudo-frequency, strongest field holding it, fields as bits)`.
    fn word(
        &mut self,
        index: &Index,
        id: u32,
        short_only: bool,
        mut f: impl FnMut(&mut Self, u32, f32, Field, u8),
    ) {
        let fields = if short_only {
            &Field::ALL[..3]
        } else {
            &Field::ALL[..]
        };
        for &field in fields {
            let fi = field as usize;
            for (doc, tf) in index.postings(id, field) {
                #[allow(clippy::cast_precision_loss)] // word counts
                let len = index.docs[doc as usize].len[fi] as f32;
                let norm = 1.0 - B[fi] + B[fi] * len / index.avg_len[fi];
                let c = FIELD_WEIGHT[fi] * f32::from(tf) / norm;
                let d = doc as usize;
                if self.fields[d] == 0 {
                    self.acc_docs.push(doc);
                }
                self.acc[d] += c;
                self.fields[d] |= 1 << fi;
            }
        }
        let docs = std::mem::take(&mut self.acc_docs);
        for &doc in &docs {
            let d = doc as usize;
            let tf = std::mem::take(&mut self.acc[d]);
            let bits = std::mem::take(&mut self.fields[d]);
            // The strongest field holding the word.
            let best = Field::ALL[bits.trailing_zeros() as usize % FIELDS];
            f(self, doc, tf, best, bits);
        }
        self.acc_docs = docs;
        self.acc_docs.clear();
    }
}

/// Scores every term of `q` in every document it reaches.
pub fn score(index: &Index, scratch: &mut Scratch, q: &Expanded) {
    scratch.reset(index, q.terms.len());
    for (i, term) in q.terms.iter().enumerate() {
        let cap = idf_cap(index, &term.expansions);
        for e in &term.expansions {
            expansion(index, scratch, i, e, cap);
        }
        // The term's evidence in each document, from all its expansions, saturated once.
        let n = scratch.terms;
        for slot in scratch.slots.iter_mut().skip(i).step_by(n) {
            if slot.top > 0.0 {
                slot.score = slot.top * saturate(slot.evidence / slot.top, K1);
            }
        }
    }
    for a in &q.alternatives {
        alternative(index, scratch, a, &q.terms);
    }
}

/// A glued word (`policewatch`) is another, more precise word than the term: it keeps its own
/// rarity.
fn capped(kind: MatchKind) -> bool {
    is_literal(kind) && kind != MatchKind::Glued
}

/// The rarity of a term: that of its most common form as written, so that a rare inflection
/// (`médicales`) weighs no more than the word (`médicale`).
pub fn idf_cap(index: &Index, expansions: &[Expansion]) -> f32 {
    expansions
        .iter()
        .filter(|e| capped(e.kind))
        .map(|e| index.vocab.idf[e.id as usize])
        .fold(f32::INFINITY, f32::min)
}

/// The rarity an expansion scores with.
pub fn idf_of(index: &Index, e: &Expansion, cap: f32) -> f32 {
    let own = index.vocab.idf[e.id as usize];
    if capped(e.kind) { own.min(cap) } else { own }
}

fn expansion(index: &Index, scratch: &mut Scratch, i: usize, e: &Expansion, cap: f32) {
    let literal = is_literal(e.kind);
    scratch.mark(e.id, (u32::from(literal) << i) | (1 << (16 + i)));
    let w = e.weight * idf_of(index, e, cap);
    scratch.word(index, e.id, e.short_only, |s, doc, tf, field, bits| {
        let at = s.at(doc);
        let slot = &mut s.slots[at * s.terms + i];
        if literal {
            slot.literal |= bits;
        }
        slot.evidence += w * tf;
        slot.top = slot.top.max(w);
        let points = w * saturate(tf, K1);
        if points > slot.score {
            *slot = Slot {
                score: points,
                id: e.id,
                kind: e.kind,
                weight: e.weight,
                field,
                literal: slot.literal,
                member: EMPTY.member,
                evidence: slot.evidence,
                top: slot.top,
            };
        }
    });
}

/// A synonym member: the mean of its words' scores (all must be in the document), times the
/// number of terms it stands for, times its weight, and never rarer than those terms: a member
/// rarer than the words it stands for (`sans papiers` -> `illégal`, where `sans` is common)
/// would otherwise outscore them as written.
fn alternative(index: &Index, scratch: &mut Scratch, a: &Alternative, terms: &[Term]) {
    let mut found: Vec<(u32, f32, Field)> = Vec::new();
    for (k, &id) in a.ids.iter().enumerate() {
        let mut this: Vec<(u32, f32, Field)> = Vec::new();
        let idf = index.vocab.idf[id as usize];
        scratch.word(index, id, false, |_, doc, tf, field, _| {
            this.push((doc, idf * saturate(tf, K1), field));
        });
        if k == 0 {
            found = this;
        } else {
            this.sort_unstable_by_key(|x| x.0);
            found.retain_mut(|x| match this.binary_search_by_key(&x.0, |y| y.0) {
                Ok(j) => {
                    x.1 += this[j].1;
                    true
                }
                Err(_) => false,
            });
        }
        if found.is_empty() {
            return;
        }
    }
    #[allow(clippy::cast_precision_loss)] // a few words
    let (n, covered) = (a.ids.len() as f32, a.covers.len() as f32);
    let rarity = rarity_share(index, a, terms, covered);
    for t in a.covers.clone() {
        for &id in &a.ids {
            scratch.mark(id, 1 << (16 + t));
        }
    }
    for (doc, sum, field) in found {
        let points = a.weight * sum / n * covered * rarity;
        let at = scratch.at(doc);
        let slots = &mut scratch.slots[at * scratch.terms..(at + 1) * scratch.terms];
        // Never above the words as written: only terms missing from the document take it.
        let covered_slots = &slots[a.covers.clone()];
        if covered_slots
            .iter()
            .all(|s| s.score > 0.0 && is_literal(s.kind))
        {
            continue;
        }
        let own: f32 = covered_slots.iter().map(|s| s.score).sum();
        if points > own {
            for s in &mut slots[a.covers.clone()] {
                *s = Slot {
                    score: points / covered,
                    id: a.ids[0],
                    kind: MatchKind::Synonym,
                    weight: a.weight,
                    field,
                    literal: s.literal,
                    member: a.member,
                    ..EMPTY
                };
            }
        }
    }
}

/// The share of its rarity a synonym member keeps: the rarity of the terms it stands for (each
/// as written, or the member's own for a word the data lacks) over the member's mean rarity
/// times their number (`covered`), at most 1.
fn rarity_share(index: &Index, a: &Alternative, terms: &[Term], covered: f32) -> f32 {
    #[allow(clippy::cast_precision_loss)] // a few words
    let own = a
        .ids
        .iter()
        .map(|&id| index.vocab.idf[id as usize])
        .sum::<f32>()
        / a.ids.len() as f32;
    let theirs: f32 = terms[a.covers.clone()]
        .iter()
        .map(|t| {
            let cap = idf_cap(index, &t.expansions);
            if cap.is_finite() { cap } else { own }
        })
        .sum();
    if own <= 0.0 {
        1.0
    } else {
        (theirs / (own * covered)).min(1.0)
    }
}

#[cfg(test)]
mod tests;
