//! Forgiving search over entries and contacts, behind a narrow API:
//! [`SearchIndex::new`] once at load, [`SearchIndex::query`] at each keystroke.
//!
//! Text and query are folded the same way ([`fold`]). Each query word is matched against the
//! index vocabulary as an exact word, a prefix, a word within a typo or two, or a synonym from
//! the data; each match scores by the field it was found in (title > keywords > summary >
//! answer; for contacts name > topics > description). Documents matching more query words rank
//! first. Hits carry highlight positions in the original title and the reasons of their score.

pub mod fold;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::kb::text::edit_distance;
use fold::{Token, is_stop_word, tokenize};

/// What a hit points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Faq,
    Contact,
}

/// The fields a word can be found in, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Keywords,
    Summary,
    Answer,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Self::Title => 10.0,
            Self::Keywords => 7.0,
            Self::Summary => 3.0,
            Self::Answer => 1.0,
        }
    }
}

/// How a query word matched a word of the text, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    Exact,
    Prefix,
    Typo,
    Synonym,
}

impl MatchKind {
    fn weight(self) -> f32 {
        match self {
            Self::Exact => 1.0,
            Self::Prefix => 0.75,
            Self::Typo => 0.5,
            Self::Synonym => 0.4,
        }
    }
}

/// Why a hit scored: one query word, the word it matched, where and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub query_word: String,
    pub matched: String,
    pub field: Field,
    pub kind: MatchKind,
    pub points: f32,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: Kind,
    pub score: f32,
    /// Byte ranges of the matched words in the original title (or contact name).
    pub positions: Vec<Range<usize>>,
    pub reasons: Vec<Reason>,
}

/// A searchable document: an entry or a contact, its words by field.
struct Doc {
    id: String,
    kind: Kind,
    title_tokens: Vec<Token>,
}

/// One occurrence of a vocabulary word.
#[derive(Clone, Copy)]
struct Posting {
    doc: u32,
    field: Field,
    /// Word position in the field, for adjacency bonuses.
    pos: u32,
}

/// The index, built once from a knowledge base.
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Sorted folded words, for exact lookup, prefix ranges and typo scans.
    vocab: Vec<String>,
    postings: Vec<Vec<Posting>>,
    /// An original spelling of each vocabulary word, for "did you mean".
    display: Vec<String>,
    /// Folded synonym groups, each member a list of words.
    synonyms: Vec<Vec<Vec<String>>>,
    fallback: Vec<String>,
}

impl SearchIndex {
    /// Builds the index of `kb`'s entries and contacts.
    #[must_use]
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut builder = Builder::default();
        for e in &kb.entries {
            let doc = builder.doc(&e.id, Kind::Faq, &e.title);
            builder.add(doc, Field::Title, &e.title);
            for k in &e.keywords {
                builder.add(doc, Field::Keywords, k);
            }
            builder.add(doc, Field::Summary, &e.summary);
            builder.add(doc, Field::Answer, &e.answer);
        }
        for c in &kb.contacts {
            let doc = builder.doc(&c.id, Kind::Contact, &c.name);
            builder.add(doc, Field::Title, &c.name);
            builder.add(doc, Field::Keywords, &c.id.replace('-', " "));
            for t in &c.topics {
                builder.add(doc, Field::Keywords, t);
            }
            builder.add(doc, Field::Summary, &c.description);
            builder.add(doc, Field::Answer, &c.region);
            for extra in [&c.notes, &c.address, &c.hours].into_iter().flatten() {
                builder.add(doc, Field::Answer, extra);
            }
        }
        let synonyms = kb
            .synonyms
            .iter()
            .map(|g| {
                g.iter()
                    .map(|m| words_of(m))
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .collect();
        builder.finish(synonyms, kb.meta.fallback_contacts.clone())
    }

    /// Number of indexed documents.
    #[must_use]
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The contacts to show when nothing is found.
    #[must_use]
    pub fn fallback_contacts(&self) -> &[String] {
        &self.fallback
    }

    /// Searches `query`, best first. An empty query (or one of separators only) finds nothing.
    #[must_use]
    pub fn query(&self, query: &str) -> Vec<Hit> {
        let terms = query_terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut scores: HashMap<u32, DocScore> = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            let last = i + 1 == terms.len();
            for (vocab, kind) in self.expand(term, last, &terms) {
                let weight = kind.weight();
                for p in &self.postings[vocab] {
                    let s = scores
                        .entry(p.doc)
                        .or_insert_with(|| DocScore::new(terms.len()));
                    let points = p.field.weight() * weight;
                    let best = &mut s.best[i];
                    if best.as_ref().is_none_or(|(b, ..)| points > *b) {
                        *best = Some((points, vocab, p.field, kind));
                    }
                    if p.field == Field::Title {
                        s.title_positions[i].push(p.pos);
                    }
                }
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(doc, s)| self.hit(doc, &s, &terms))
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        hits
    }

    /// Vocabulary words close to the query words that matched nothing, in their original
    /// spelling: "Vouliez-vous dire : hébergeur ?".
    #[must_use]
    pub fn suggest(&self, query: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for term in query_terms(query) {
            let best = self
                .vocab
                .iter()
                .enumerate()
                .filter(|(_, w)| w.len() > 2 && w.len().abs_diff(term.len()) <= 3)
                .map(|(i, w)| (edit_distance(&term, w), i))
                .filter(|&(d, _)| d <= 3.min(term.len().div_ceil(2)))
                .min_by_key(|&(d, i)| (d, std::cmp::Reverse(self.postings[i].len())));
            if let Some((_, i)) = best.filter(|&(_, i)| !out.contains(&self.display[i])) {
                out.push(self.display[i].clone());
            }
        }
        out
    }

    /// The vocabulary words a query word matches, with how.
    fn expand(&self, term: &str, last: bool, terms: &[String]) -> Vec<(usize, MatchKind)> {
        let mut found: HashMap<usize, MatchKind> = HashMap::new();
        let mut add = |i: usize, kind: MatchKind| {
            let slot = found.entry(i).or_insert(kind);
            *slot = (*slot).min(kind);
        };
        if let Ok(i) = self.vocab.binary_search_by(|w| w.as_str().cmp(term)) {
            add(i, MatchKind::Exact);
        }
        // Prefixes: always for the word being typed, from 3 letters for the others.
        if last || term.len() >= 3 {
            let start = self.vocab.partition_point(|w| w.as_str() < term);
            for i in start..self.vocab.len() {
                if !self.vocab[i].starts_with(term) {
                    break;
                }
                add(i, MatchKind::Prefix);
            }
        }
        let max_typos = match term.len() {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        };
        if max_typos > 0 {
            for (i, w) in self.vocab.iter().enumerate() {
                if w.len().abs_diff(term.len()) <= max_typos && edit_distance(term, w) <= max_typos
                {
                    add(i, MatchKind::Typo);
                }
            }
        }
        for word in self.synonyms_of(term, terms) {
            if let Ok(i) = self.vocab.binary_search(&word) {
                add(i, MatchKind::Synonym);
            }
        }
        found.into_iter().collect()
    }

    /// Words of the synonym groups that contain `term`, as a one-word member or inside a
    /// member phrase that the query contains whole.
    fn synonyms_of(&self, term: &str, terms: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for group in &self.synonyms {
            let hit = group.iter().any(|member| {
                member.iter().any(|w| w == term) && member.iter().all(|w| terms.contains(w))
            });
            if hit {
                for member in group {
                    out.extend(
                        member
                            .iter()
                            .filter(|w| *w != term && !is_stop_word(w))
                            .cloned(),
                    );
                }
            }
        }
        out
    }

    fn hit(&self, doc: u32, s: &DocScore, terms: &[String]) -> Hit {
        let d = &self.docs[doc as usize];
        let matched = s.best.iter().filter(|b| b.is_some()).count();
        let base: f32 = s.best.iter().flatten().map(|(p, ..)| p).sum();
        // Matching more of the query matters more than where: square the coverage.
        #[allow(clippy::cast_precision_loss)] // a handful of words
        let coverage = matched as f32 / terms.len() as f32;
        let mut score = base * coverage * coverage;
        // Adjacent query words in the title, in order.
        for pair in s.title_positions.windows(2) {
            if pair[0].iter().any(|p| pair[1].contains(&(p + 1))) {
                score += 5.0;
            }
        }
        let reasons = s
            .best
            .iter()
            .zip(terms)
            .filter_map(|(b, term)| {
                b.map(|(points, vocab, field, kind)| Reason {
                    query_word: term.clone(),
                    matched: self.vocab[vocab].clone(),
                    field,
                    kind,
                    points,
                })
            })
            .collect();
        let positions = d
            .title_tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| s.title_positions.iter().any(|ps| ps.contains(&(*i as u32))))
            .map(|(_, t)| t.range.clone())
            .collect();
        Hit {
            id: d.id.clone(),
            kind: d.kind,
            score: (score * 100.0).round() / 100.0,
            positions,
            reasons,
        }
    }
}

/// Per-document accumulator during a query.
struct DocScore {
    /// Best (points, vocab index, field, kind) per query word.
    best: Vec<Option<(f32, usize, Field, MatchKind)>>,
    /// Title word positions matched by each query word.
    title_positions: Vec<Vec<u32>>,
}

impl DocScore {
    fn new(terms: usize) -> Self {
        Self {
            best: vec![None; terms],
            title_positions: vec![Vec::new(); terms],
        }
    }
}

/// The folded, meaningful words of a query; stop words are dropped unless nothing else is left.
fn query_terms(query: &str) -> Vec<String> {
    let all: Vec<String> = tokenize(query)
        .into_iter()
        .map(|t| t.word)
        .take(32)
        .collect();
    let meaningful: Vec<String> = all.iter().filter(|w| !is_stop_word(w)).cloned().collect();
    if meaningful.is_empty() {
        all
    } else {
        meaningful
    }
}

fn words_of(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.word).collect()
}

#[derive(Default)]
struct Builder {
    docs: Vec<Doc>,
    words: HashMap<String, (Vec<Posting>, String)>,
}

impl Builder {
    fn doc(&mut self, id: &str, kind: Kind, title: &str) -> u32 {
        self.docs.push(Doc {
            id: id.to_owned(),
            kind,
            title_tokens: tokenize(title),
        });
        u32::try_from(self.docs.len() - 1).unwrap_or(u32::MAX)
    }

    fn add(&mut self, doc: u32, field: Field, text: &str) {
        for (pos, token) in tokenize(text).into_iter().enumerate() {
            let entry = self
                .words
                .entry(token.word)
                .or_insert_with(|| (Vec::new(), text[token.range].to_owned()));
            entry.0.push(Posting {
                doc,
                field,
                pos: u32::try_from(pos).unwrap_or(u32::MAX),
            });
        }
    }

    fn finish(self, synonyms: Vec<Vec<Vec<String>>>, fallback: Vec<String>) -> SearchIndex {
        let mut words: Vec<(String, (Vec<Posting>, String))> = self.words.into_iter().collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        let mut vocab = Vec::with_capacity(words.len());
        let mut postings = Vec::with_capacity(words.len());
        let mut display = Vec::with_capacity(words.len());
        for (word, (p, shown)) in words {
            vocab.push(word);
            postings.push(p);
            display.push(shown.to_lowercase());
        }
        SearchIndex {
            docs: self.docs,
            vocab,
            postings,
            display,
            synonyms,
            fallback,
        }
    }
}
