//! A query against the translations: its meaningful words, each word's BM25 points per
//! translation (exact term, start of a term for the word being typed, else a typo), the bonus
//! of neighbouring words, and one hit per item.

// Counts of words and translations are small: they are exact as `f32`.
#![allow(clippy::cast_precision_loss)]

use std::collections::{BTreeSet, HashMap};

use crate::search::expand::stems::is_place_word;
use crate::search::weights::PLACE;

use super::{
    ADJACENT, B, CONTACT, K1, Kind, LangHit, LangIndex, LangResults, Posting, Reading, WEIGHT, fold,
};

/// What each translation gathered from the query's words.
struct Tally {
    score: Vec<f32>,
    matched: Vec<usize>,
    /// The query's words matched, each weighing its share (see [`share`]).
    weight: Vec<f32>,
    foreign: Vec<usize>,
    typos: Vec<usize>,
}

impl Tally {
    fn new(n: usize) -> Self {
        Self {
            score: vec![0.0; n],
            matched: vec![0; n],
            weight: vec![0.0; n],
            foreign: vec![0; n],
            typos: vec![0; n],
        }
    }
}

/// What a query word weighs, in points and in coverage: a town keeps [`PLACE`] of it, as in the
/// French index (`doctor namur`: the topic is the doctor).
fn share(word: &str) -> f32 {
    if is_place_word(word) { PLACE } else { 1.0 }
}

/// The meaningful words of `query`, in order, and each one once.
fn query_words(query: &str) -> (Vec<String>, Vec<String>) {
    let words: Vec<String> = fold::words(query)
        .into_iter()
        .filter(|w| !fold::is_stop(w))
        .collect();
    let mut unique: Vec<String> = Vec::new();
    for w in &words {
        if !unique.contains(w) {
            unique.push(w.clone());
        }
    }
    (words, unique)
}

impl LangIndex {
    /// The translations matching `query`, best first (one hit per item: its best language),
    /// and which side knows each word. `known` tells whether the French vocabulary knows a
    /// folded word.
    #[must_use]
    pub fn search(&self, query: &str, known: impl Fn(&str) -> bool) -> LangResults {
        let typing = !query.ends_with(|c: char| c.is_whitespace());
        let (words, unique) = query_words(query);
        if self.docs.is_empty() || unique.is_empty() {
            return LangResults::default();
        }
        let mut reading = Reading {
            words: unique.len(),
            ..Reading::default()
        };
        let mut tally = Tally::new(self.docs.len());
        let last = unique.len() - 1;
        for (i, word) in unique.iter().enumerate() {
            let term = fold::stem(word);
            let prefix = typing && i == last && term.chars().count() >= 3;
            let mut found: Vec<(f32, &[Posting])> = self.lookup(&term, prefix).collect();
            let foreign = !known(word);
            // A word neither side knows, nor French: perhaps a typo of a translation's word.
            let typo = found.is_empty() && foreign && {
                found = self.typos(word);
                !found.is_empty()
            };
            let best = self.points(&found);
            let share = share(word);
            match (!typo && best.iter().any(|p| *p > 0.0), foreign) {
                (true, true) => reading.translations += 1,
                (true, false) => reading.both += 1,
                (false, false) => reading.french += 1,
                (false, true) => reading.neither += 1,
            }
            for (d, points) in best.into_iter().enumerate() {
                if points > 0.0 {
                    tally.score[d] += points * share;
                    tally.matched[d] += 1;
                    tally.weight[d] += share;
                    tally.foreign[d] += usize::from(foreign && !typo);
                    tally.typos[d] += usize::from(typo);
                }
            }
        }
        let stems: Vec<String> = words.iter().map(|w| fold::stem(w)).collect();
        let phrase = self.neighbours(&stems, &mut tally);
        let total: f32 = unique.iter().map(|w| share(w)).sum();
        LangResults {
            hits: self.hits(&tally, &phrase, unique.len(), total),
            reading,
        }
    }

    /// Each translation's BM25 points for one query word found through `found` (the best of
    /// its forms).
    fn points(&self, found: &[(f32, &[Posting])]) -> Vec<f32> {
        let n = self.docs.len() as f32;
        let mut best = vec![0.0f32; self.docs.len()];
        for &(factor, postings) in found {
            let df = postings.iter().map(|p| p.0).collect::<BTreeSet<_>>().len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &(d, f, tf) in postings {
                let f = usize::from(f);
                let len = self.docs[d as usize].len[f] as f32;
                let tf = f32::from(tf);
                let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg[f]));
                let cell = &mut best[d as usize];
                *cell = cell.max(WEIGHT[f] * idf * norm * factor);
            }
        }
        best
    }

    /// Adds the bonus of two query words side by side in a title or an `ask`, as in the query
    /// (« without papers »), and tells which translations hold the whole query that way.
    fn neighbours(&self, stems: &[String], tally: &mut Tally) -> Vec<bool> {
        let mut phrase = vec![false; self.docs.len()];
        for (d, doc) in self.docs.iter().enumerate() {
            if tally.matched[d] < 2 {
                continue;
            }
            let holds = |query: &[String], p: &[Box<str>]| {
                p.windows(query.len())
                    .any(|t| t.iter().zip(query).all(|(a, b)| **a == **b))
            };
            phrase[d] = doc.phrases.iter().any(|p| holds(stems, p));
            let pairs = stems
                .windows(2)
                .filter(|pair| doc.phrases.iter().any(|p| holds(pair, p)))
                .count();
            tally.score[d] += ADJACENT * pairs as f32;
        }
        phrase
    }

    /// One hit per item (its best language), best first.
    fn hits(&self, tally: &Tally, phrase: &[bool], words: usize, total: f32) -> Vec<LangHit> {
        let mut best: HashMap<&str, LangHit> = HashMap::new();
        for (d, doc) in self.docs.iter().enumerate() {
            if tally.matched[d] == 0 {
                continue;
            }
            let coverage = tally.weight[d] / total;
            let kind = if doc.kind == Kind::Contact {
                CONTACT
            } else {
                1.0
            };
            let hit = LangHit {
                id: doc.id.to_string(),
                kind: doc.kind,
                lang: doc.lang,
                score: tally.score[d] * coverage * kind,
                matched: tally.matched[d],
                words,
                foreign: tally.foreign[d],
                typos: tally.typos[d],
                phrase: phrase[d],
                covered: coverage,
            };
            if best.get(&*doc.id).is_none_or(|h| h.score < hit.score) {
                best.insert(&doc.id, hit);
            }
        }
        let mut hits: Vec<LangHit> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use crate::search::SearchIndex;

    fn index() -> SearchIndex {
        let data = "categories: [{id: c, title: C}]\nentries:\n\
                    - {id: soins, title: Se faire soigner, category: c, summary: Rien, \
                    answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n\
                    - {id: ville, title: Namur, category: c, summary: Rien, \
                    answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n";
        let en = "lang: en\nentries:\n  - id: soins\n    status: machine\n    date: 2026-10-01\n    \
                  title: \"Getting care\"\n    summary: \"See a doctor for free, with or without \
                  papers, any day of the week.\"\n\
                  \x20 - id: ville\n    status: machine\n    date: 2026-10-01\n    \
                  title: \"Namur\"\n    summary: \"The town.\"\n";
        super::super::index_with_english(data.into(), en)
    }

    #[test]
    fn a_town_says_where_not_what_in_the_translations_too() {
        // The town is in a title, the doctor only in a summary: the doctor is what is asked.
        let index = index();
        let results = index.lang.search("doctor namur ", |w| w == "namur");
        assert_eq!(results.hits[0].id, "soins", "{:?}", results.hits);
        assert!((results.hits[0].coverage() - 2.0 / 3.0).abs() < 1e-4);
    }

    #[test]
    fn a_word_french_only_by_its_stem_is_still_a_typo_one_edit_away() {
        // `docter` has the stem of `docte`: the word list knows it, yet it is `doctor` mistyped.
        use crate::search::expand::{lexicon, stems};
        assert!(lexicon::is_french("docter", &stems::stem("docter")));
        let results = index().lang.search("docter ", |_| false);
        assert_eq!(results.hits.first().map(|h| h.id.as_str()), Some("soins"));
        assert_eq!(results.hits[0].typos, 1);
    }
}
