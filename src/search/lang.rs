//! Search across languages: a small index of the translations (titles, `ask`, summaries and
//! cards of entries, `ask` and descriptions of contacts), apart from the French one, so that
//! `free lawyer`, `doctor` or `محامي` find the entry, and the hit says which language matched.
//!
//! French scoring is left alone: the translations only lead when the query reads as another
//! language (see [`fuse`]).

// Counts of words and translations are small: they are exact as `f32`.
#![allow(clippy::cast_precision_loss)]

pub mod fold;
pub mod fuse;

use std::collections::HashMap;

use crate::kb::KnowledgeBase;
use crate::kb::i18n::language;

use super::Kind;

/// Title, `ask` (other ways to ask), summary, card (or a contact's description).
const FIELDS: usize = 4;
/// Field weights: a word of the title says more than one of the card; an `ask` phrasing is a
/// second title, a bit below the title.
const WEIGHT: [f32; FIELDS] = [3.0, 2.5, 1.5, 1.0];
/// A word typed so far (the last one, three letters or more) matching the start of a word.
const PREFIX_FACTOR: f32 = 0.5;
/// Points for two query words next to each other in a title or an `ask`.
const ADJACENT: f32 = 2.0;
/// Share of its points a contact keeps, as in the French index for a contact the query does
/// not name (a translated contact has no name of its own): the entry that explains the
/// situation comes before the organisation its text describes.
const CONTACT: f32 = 0.8;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Document, field, term frequency.
type Postings = Vec<(u32, u8, u16)>;

struct Doc {
    id: Box<str>,
    kind: Kind,
    lang: &'static str,
    len: [u32; FIELDS],
    /// The terms of the title and of each `ask` phrasing in order, for the bonus of
    /// neighbouring query words.
    phrases: Vec<Vec<Box<str>>>,
}

/// One translation that matched a query.
#[derive(Debug, Clone, PartialEq)]
pub struct LangHit {
    pub id: String,
    pub kind: Kind,
    /// The language that matched (`en`, `ar`…).
    pub lang: &'static str,
    pub score: f32,
    /// Meaningful query words matched, out of `words`.
    pub matched: usize,
    pub words: usize,
    /// Query words the French vocabulary does not know that this translation matched.
    pub foreign: usize,
    /// Its title or one of its `ask` holds the whole query (two words or more), word for word.
    pub phrase: bool,
}

/// Which side knows each meaningful word of a query: the translations only, the French data
/// only, both (`police`, `centre`, the names: `Fedasil`, `Dublin`) or neither (a typo).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    pub words: usize,
    pub translations: usize,
    pub french: usize,
    pub both: usize,
    pub neither: usize,
}

impl Reading {
    /// The share of the query the French index can read (0 to 1): its French words, and half
    /// of the words both sides or neither know.
    #[must_use]
    pub fn french_share(&self) -> f32 {
        if self.words == 0 {
            return 1.0;
        }
        (self.french as f32 + 0.5 * (self.both + self.neither) as f32) / self.words as f32
    }

    /// True when every word of the query is a word of the translations.
    #[must_use]
    pub fn all_translated(&self) -> bool {
        self.words > 0 && self.translations + self.both == self.words
    }
}

/// The translations matching a query, best first, and how the query reads.
#[derive(Debug, Default)]
pub struct LangResults {
    pub hits: Vec<LangHit>,
    pub reading: Reading,
}

impl LangHit {
    /// The share of the query's words matched (0 to 1).
    #[must_use]
    pub fn coverage(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.matched as f32 / self.words as f32
        }
    }
}

/// The index of every translation of a knowledge base.
#[derive(Default)]
pub struct LangIndex {
    docs: Vec<Doc>,
    /// Sorted terms, each with its postings (document, field, term frequency).
    terms: Vec<(Box<str>, Postings)>,
    avg: [f32; FIELDS],
}

impl LangIndex {
    /// Indexes the translations of `kb`.
    #[must_use]
    pub fn build(kb: &KnowledgeBase) -> Self {
        let mut map: HashMap<String, Postings> = HashMap::new();
        let mut docs = Vec::new();
        let mut add =
            |docs: &mut Vec<Doc>, id: &str, kind, code: &str, fields: [&[&str]; FIELDS]| {
                let Some(lang) = language(code).map(|l| l.code).filter(|c| *c != "fr") else {
                    return;
                };
                let d = u32::try_from(docs.len()).unwrap_or(u32::MAX);
                let mut len = [0; FIELDS];
                let mut phrases = Vec::new();
                for (f, texts) in fields.iter().enumerate() {
                    let mut terms = Vec::new();
                    for text in *texts {
                        let these = fold::terms(text);
                        if f < 2 {
                            phrases
                                .push(these.iter().map(|t| t.clone().into_boxed_str()).collect());
                        }
                        terms.extend(these);
                    }
                    len[f] = u32::try_from(terms.len()).unwrap_or(u32::MAX);
                    for t in terms {
                        let list = map.entry(t).or_default();
                        match list.last_mut() {
                            Some((ld, lf, tf)) if *ld == d && usize::from(*lf) == f => {
                                *tf = tf.saturating_add(1);
                            }
                            _ => list.push((d, f as u8, 1)),
                        }
                    }
                }
                docs.push(Doc {
                    id: id.into(),
                    kind,
                    lang,
                    len,
                    phrases,
                });
            };
        for t in &kb.translations.entries {
            let card = t.card.as_deref().unwrap_or("");
            let ask: Vec<&str> = t.ask.iter().map(String::as_str).collect();
            add(
                &mut docs,
                &t.id,
                Kind::Faq,
                &t.lang,
                [&[&t.title], &ask, &[&t.summary], &[card]],
            );
        }
        for t in &kb.translations.contacts {
            let ask: Vec<&str> = t.ask.iter().map(String::as_str).collect();
            add(
                &mut docs,
                &t.id,
                Kind::Contact,
                &t.lang,
                [&[], &ask, &[], &[&t.description]],
            );
        }
        let mut avg = [0.0; FIELDS];
        for (f, a) in avg.iter_mut().enumerate() {
            let total: u32 = docs.iter().map(|d| d.len[f]).sum();
            *a = (total as f32 / docs.len().max(1) as f32).max(1.0);
        }
        let mut terms: Vec<_> = map
            .into_iter()
            .map(|(k, v)| (k.into_boxed_str(), v))
            .collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        Self { docs, terms, avg }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The postings of the terms equal to `term`, or starting with it when `prefix`.
    fn lookup(&self, term: &str, prefix: bool) -> impl Iterator<Item = (f32, &[(u32, u8, u16)])> {
        let start = self.terms.partition_point(|(t, _)| &**t < term);
        self.terms[start..]
            .iter()
            .take_while(move |(t, _)| t.starts_with(term) && (prefix || &**t == term))
            .map(move |(t, p)| (if &**t == term { 1.0 } else { PREFIX_FACTOR }, p.as_slice()))
    }

    /// The translations matching `query`, best first (one hit per item: its best language),
    /// and which side knows each word. `known` tells whether the French vocabulary knows a
    /// folded word.
    #[must_use]
    pub fn search(&self, query: &str, known: impl Fn(&str) -> bool) -> LangResults {
        let typing = !query.ends_with(|c: char| c.is_whitespace());
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
        if self.docs.is_empty() || unique.is_empty() {
            return LangResults::default();
        }
        let mut reading = Reading {
            words: unique.len(),
            ..Reading::default()
        };
        let n = self.docs.len() as f32;
        let mut score = vec![0.0f32; self.docs.len()];
        let mut matched = vec![0usize; self.docs.len()];
        let mut foreign = vec![0usize; self.docs.len()];
        let last = unique.len() - 1;
        for (i, word) in unique.iter().enumerate() {
            let term = fold::stem(word);
            let prefix = typing && i == last && term.chars().count() >= 3;
            let mut best = vec![0.0f32; self.docs.len()];
            for (factor, postings) in self.lookup(&term, prefix) {
                let df = postings
                    .iter()
                    .map(|p| p.0)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len() as f32;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                for &(d, f, tf) in postings {
                    let f = usize::from(f);
                    let len = self.docs[d as usize].len[f] as f32;
                    let tf = f32::from(tf);
                    let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / self.avg[f]));
                    let points = WEIGHT[f] * idf * norm * factor;
                    let cell = &mut best[d as usize];
                    *cell = cell.max(points);
                }
            }
            let foreign_word = !known(word);
            let translated = best.iter().any(|p| *p > 0.0);
            match (translated, foreign_word) {
                (true, true) => reading.translations += 1,
                (true, false) => reading.both += 1,
                (false, false) => reading.french += 1,
                (false, true) => reading.neither += 1,
            }
            for (d, points) in best.into_iter().enumerate() {
                if points > 0.0 {
                    score[d] += points;
                    matched[d] += 1;
                    foreign[d] += usize::from(foreign_word);
                }
            }
        }
        // Two query words side by side in a title or an `ask`, as in the query (« without
        // papers »).
        let stems: Vec<String> = words.iter().map(|w| fold::stem(w)).collect();
        let mut phrase = vec![false; self.docs.len()];
        for (d, doc) in self.docs.iter().enumerate() {
            if matched[d] < 2 {
                continue;
            }
            phrase[d] = doc.phrases.iter().any(|p| {
                p.windows(stems.len())
                    .any(|t| t.iter().zip(&stems).all(|(a, b)| **a == **b))
            });
            let pairs = stems
                .windows(2)
                .filter(|p| {
                    doc.phrases
                        .iter()
                        .any(|phrase| phrase.windows(2).any(|t| *t[0] == *p[0] && *t[1] == *p[1]))
                })
                .count();
            score[d] += ADJACENT * pairs as f32;
        }
        let words = unique.len();
        let mut best: HashMap<&str, LangHit> = HashMap::new();
        for (d, doc) in self.docs.iter().enumerate() {
            if matched[d] == 0 {
                continue;
            }
            let coverage = matched[d] as f32 / words as f32;
            let kind_factor = if doc.kind == Kind::Contact {
                CONTACT
            } else {
                1.0
            };
            let hit = LangHit {
                id: doc.id.to_string(),
                kind: doc.kind,
                lang: doc.lang,
                score: score[d] * coverage * kind_factor,
                matched: matched[d],
                words,
                foreign: foreign[d],
                phrase: phrase[d],
            };
            match best.get(&*doc.id) {
                Some(h) if h.score >= hit.score => {}
                _ => {
                    best.insert(&doc.id, hit);
                }
            }
        }
        let mut hits: Vec<LangHit> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        LangResults { hits, reading }
    }
}
