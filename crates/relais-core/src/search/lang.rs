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
pub mod page;
mod query;
mod typo;

/// The search index of French data `data` with the English translation file `en`, for the
/// tests of the translations' search.
#[cfg(test)]
fn index_with_english(data: String, en: &str) -> super::SearchIndex {
    use crate::kb::SourceFile;
    let files = [
        SourceFile {
            name: "kb.yaml".into(),
            text: data,
        },
        SourceFile {
            name: "i18n/en/entries.yaml".into(),
            text: en.into(),
        },
    ];
    let (kb, _) =
        crate::kb::validate::validate(&files, jiff::civil::date(2026, 11, 27)).expect("valid");
    super::SearchIndex::new(&kb)
}

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
type Posting = (u32, u8, u16);
type Postings = Vec<Posting>;

#[derive(serde::Serialize, serde::Deserialize)]
struct Doc {
    id: Box<str>,
    kind: Kind,
    #[serde(with = "crate::compiled::lang_code")]
    lang: crate::compiled::LangCode,
    len: [u32; crate::search::lang::FIELDS],
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
    /// Query words the French vocabulary does not know that this translation matched (not
    /// counting typos: the French index corrects those too).
    pub foreign: usize,
    /// Query words it matched only through a typo (`scabis` for `scabies`).
    pub typos: usize,
    /// Its title or one of its `ask` holds the whole query (two words or more), word for word.
    pub phrase: bool,
    /// The share of the query's words matched (0 to 1), a town counting as [`PLACE`] of a
    /// word, as in French: it says where, not what.
    ///
    /// [`PLACE`]: crate::search::weights::PLACE
    pub covered: f32,
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
    /// The share of the query's words matched (0 to 1), a town counting as part of a word.
    #[must_use]
    pub fn coverage(&self) -> f32 {
        self.covered
    }
}

/// The index of every translation of a knowledge base.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub struct LangIndex {
    docs: Vec<Doc>,
    /// Sorted terms, each with its postings (document, field, term frequency).
    #[serde(with = "crate::compiled::lang_terms")]
    terms: Vec<(Box<str>, Postings)>,
    /// The Latin-script words of the translations as written (folded), each with its term,
    /// sorted: what a typo is compared with.
    spellings: Vec<typo::Spelling>,
    avg: [f32; crate::search::lang::FIELDS],
}

impl LangIndex {
    /// Indexes the translations of `kb`.
    #[must_use]
    pub fn build(kb: &KnowledgeBase) -> Self {
        let mut map: HashMap<String, Postings> = HashMap::new();
        let mut spelled: HashMap<String, String> = HashMap::new();
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
                        for w in fold::words(text) {
                            if typo::candidate(&w) && !spelled.contains_key(&w) {
                                let term = fold::stem(&w);
                                spelled.insert(w, term);
                            }
                        }
                        let mut these = fold::terms(text);
                        if f >= 2 {
                            // Titles and `ask` say « 16 », « 24 hours »; the rest, phone numbers.
                            these.retain(|t| !fold::is_small_number(t));
                        }
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
        // Over the translations that have the field: a contact has no title, most have no
        // `ask`, and their zeros would make every title look long.
        for (f, a) in avg.iter_mut().enumerate() {
            let total: u32 = docs.iter().map(|d| d.len[f]).sum();
            let with = docs.iter().filter(|d| d.len[f] > 0).count();
            *a = (total as f32 / with.max(1) as f32).max(1.0);
        }
        let mut terms: Vec<_> = map
            .into_iter()
            .map(|(k, v)| (k.into_boxed_str(), v))
            .collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        let mut spellings: Vec<_> = spelled
            .into_iter()
            .map(|(w, t)| typo::Spelling::new(w, t))
            .collect();
        spellings.sort_by(|a, b| a.word.cmp(&b.word));
        Self {
            docs,
            terms,
            spellings,
            avg,
        }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// True when the terms are sorted and every posting points to a document and a field of
    /// this index (see `index::check`).
    #[must_use]
    pub fn holds_together(&self) -> bool {
        let docs = self.docs.len();
        self.terms.windows(2).all(|w| w[0].0 < w[1].0)
            && self
                .terms
                .iter()
                .flat_map(|(_, p)| p)
                .all(|&(d, f, _)| (d as usize) < docs && usize::from(f) < FIELDS)
    }

    /// True when every document is an item `known` knows (see `index::check`).
    #[must_use]
    pub fn docs_known(&self, known: impl Fn(&str, Kind) -> bool) -> bool {
        self.docs.iter().all(|d| known(&d.id, d.kind))
    }

    /// The postings of the terms equal to `term`, or starting with it when `prefix`.
    fn lookup(&self, term: &str, prefix: bool) -> impl Iterator<Item = (f32, &[Posting])> {
        let start = self.terms.partition_point(|(t, _)| &**t < term);
        self.terms[start..]
            .iter()
            .take_while(move |(t, _)| t.starts_with(term) && (prefix || &**t == term))
            .map(move |(t, p)| (if &**t == term { 1.0 } else { PREFIX_FACTOR }, p.as_slice()))
    }
}
