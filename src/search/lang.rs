//! Search across languages: a small index of the translations (titles, summaries and cards of
//! entries, descriptions of contacts), apart from the French one, so that `free lawyer`,
//! `doctor` or `محامي` find the entry, and the hit says which language matched.
//!
//! French scoring is left alone: the translations only lead when the query reads as another
//! language — it has a word the French data does not know, and a translation covers more of
//! it than the best French hit does (or as much, when the French hit is not sure).

// Counts of words and translations are small: they are exact as `f32`.
#![allow(clippy::cast_precision_loss)]

pub mod fold;

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
/// Points for two query words next to each other in a title.
const ADJACENT: f32 = 2.0;
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

    /// The translations matching `query`, best first (one hit per item: its best language).
    /// `known` tells whether the French vocabulary knows a folded word.
    #[must_use]
    pub fn search(&self, query: &str, known: impl Fn(&str) -> bool) -> Vec<LangHit> {
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
            return Vec::new();
        }
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
        for (d, doc) in self.docs.iter().enumerate() {
            if matched[d] < 2 {
                continue;
            }
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
            let hit = LangHit {
                id: doc.id.to_string(),
                kind: doc.kind,
                lang: doc.lang,
                score: score[d] * coverage,
                matched: matched[d],
                words,
                foreign: foreign[d],
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
        hits
    }
}

/// Why a hit found through a translation is not a sure answer.
/// How much a French hit counts beside the translations, when the query reads as another
/// language: sure, or not.
const FRENCH_SURE: f32 = 1.0;
const FRENCH_UNSURE: f32 = 0.8;
const PARTIAL: &str = "la traduction ne contient qu'une partie de la question";

impl super::SearchIndex {
    /// The French results, or the translations first when the query reads as another
    /// language (see the module's doc); French results are returned untouched otherwise.
    pub(super) fn with_translations(
        &self,
        french: super::Results,
        query: &str,
        opts: super::QueryOptions,
    ) -> super::Results {
        if self.lang.is_empty() {
            return french;
        }
        let vocab = &self.index.vocab;
        let mut hits = self.lang.search(query, |w| vocab.find(w).is_some());
        hits.retain(|h| opts.kind.is_none_or(|k| k == h.kind));
        let Some(top) = hits.first() else {
            return french;
        };
        let (fr_cov, fr_sure) = french.hits.first().map_or((0.0, false), |h| {
            let cov = if h.words == 0 {
                0.0
            } else {
                h.matched as f32 / h.words as f32
            };
            (cov, french.sure())
        });
        let cov = top.coverage();
        let leads = top.foreign > 0 && (cov > fr_cov || (!fr_sure && cov >= fr_cov));
        if !leads {
            return french;
        }
        let doubt = (cov < 1.0).then_some(PARTIAL);
        let fr_weight = if fr_sure { FRENCH_SURE } else { FRENCH_UNSURE };
        let lang_max = top.score.max(f32::EPSILON);
        let fr_max = french
            .hits
            .first()
            .map_or(1.0, |h| h.score.max(f32::EPSILON));
        let mut fused: Vec<(f32, super::Hit)> = Vec::new();
        for h in hits.iter().filter(|h| h.foreign > 0) {
            fused.push((
                h.coverage() * h.score / lang_max,
                super::Hit {
                    id: h.id.clone(),
                    kind: h.kind,
                    score: 0.0,
                    positions: Vec::new(),
                    reasons: Vec::new(),
                    matched: h.matched,
                    words: h.words,
                    coverage: h.coverage(),
                    matched_lang: Some(h.lang),
                },
            ));
        }
        // Both sides counted against the same words: the French index also counts the
        // English words it treats as meaningful (« at », « is »), which would sink it here.
        let words = top.words.max(1) as f32;
        for h in french.hits {
            let cov = (h.matched as f32 / words).min(1.0);
            let points = fr_weight * cov * h.score / fr_max;
            match fused.iter_mut().find(|(_, o)| o.id == h.id) {
                Some((p, o)) => {
                    *p += points;
                    o.positions = h.positions;
                }
                None => fused.push((points, h)),
            }
        }
        fused.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        let out = fused
            .into_iter()
            .take(opts.limit)
            .map(|(p, mut h)| {
                h.score = (p * 1000.0).round() / 1000.0;
                h
            })
            .collect();
        super::Results { hits: out, doubt }
    }
}
