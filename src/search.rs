//! Forgiving search over entries and contacts, behind a narrow API: [`SearchIndex::new`] once
//! at load, [`SearchIndex::query`] at each keystroke, [`SearchIndex::suggest`] and
//! [`SearchIndex::fallback_contacts`] when nothing is found.
//!
//! Text and query are folded the same way ([`fold`]: NFC, case, accents, ligatures,
//! apostrophes, elision, punctuation). Each meaningful query word reaches vocabulary words
//! exactly, by stem, as a prefix, within typos, glued to its neighbour, through the data's
//! synonyms, or as a fuzzy subsequence of a title or keyword (`frizbee`); see `terms` and
//! `fuzzy`. Ranking (`rank`): field (title > keywords > summary > answer; for contacts name >
//! topics > description) × kind of match (exact > stem > prefix > typo > synonym > fuzzy) ×
//! rarity, plus neighbouring words, times the share of the query matched. Every hit carries
//! the reasons of its score and highlight ranges in the original title.

pub mod fold;
mod fuzzy;
mod index;
mod rank;
mod suggest;
mod terms;
mod typo;

use std::ops::Range;
use std::sync::{Mutex, TryLockError};

use serde::Serialize;

use crate::kb::KnowledgeBase;

/// What a hit points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Faq,
    Contact,
}

/// The fields a word can be found in, strongest first. For contacts: name, then topics, then
/// description, then the rest (region, notes, address, hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Keywords,
    Summary,
    Answer,
}

impl Field {
    /// Every field, strongest first.
    pub const ALL: [Self; 4] = [Self::Title, Self::Keywords, Self::Summary, Self::Answer];

    /// Points of an exact match of a rare word in this field.
    #[must_use]
    pub fn weight(self) -> f32 {
        match self {
            Self::Title => 10.0,
            Self::Keywords => 7.0,
            Self::Summary => 3.0,
            Self::Answer => 1.0,
        }
    }

    /// The field's name in French, for explanations.
    #[must_use]
    pub fn label(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (Self::Title, Kind::Faq) => "titre",
            (Self::Title, Kind::Contact) => "nom",
            (Self::Keywords, Kind::Faq) => "mots-clés",
            (Self::Keywords, Kind::Contact) => "thèmes",
            (Self::Summary, Kind::Faq) => "résumé",
            (Self::Summary, Kind::Contact) => "description",
            (Self::Answer, Kind::Faq) => "réponse",
            (Self::Answer, Kind::Contact) => "coordonnées",
        }
    }
}

/// How a query word matched, strongest first; the last two are bonuses, not word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The same word once folded (`hebergeur` = `hébergeur`).
    Exact,
    /// The same word but for a plural or feminine ending (`aidantes` = `aidant`).
    Stem,
    /// The beginning of a word (`héberg` → `hébergement`).
    Prefix,
    /// A word one or two edits away (`herbergeur` → `hébergeur`).
    Typo,
    /// A word of the same synonym group in the data (`flic` → `police`).
    Synonym,
    /// A near-contiguous subsequence of a title or keyword (`watch` → `policewatch`).
    Fuzzy,
    /// Bonus: two query words next to each other in a field.
    Adjacent,
    /// Bonus: the whole query nearly contiguous in the title.
    Phrase,
}

impl MatchKind {
    /// The kind's name in French, for explanations.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Exact => "mot exact",
            Self::Stem => "même mot (pluriel, féminin)",
            Self::Prefix => "début de mot",
            Self::Typo => "faute de frappe",
            Self::Synonym => "synonyme",
            Self::Fuzzy => "approché",
            Self::Adjacent => "mots voisins",
            Self::Phrase => "expression",
        }
    }
}

/// Why a hit scored: one query word, the word it matched, where and how, and the points earned.
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
    /// Byte ranges of the matched words in the original title (or contact name), sorted.
    pub positions: Vec<Range<usize>>,
    pub reasons: Vec<Reason>,
    /// How many of the query's meaningful words this hit matches...
    pub matched: usize,
    /// ...out of how many.
    pub words: usize,
    /// The factor the score was multiplied by for the share of the query matched (0 to 1).
    pub coverage: f32,
}

/// Hits returned by [`SearchIndex::query`] at most.
pub const DEFAULT_LIMIT: usize = 100;

/// Options of [`SearchIndex::query_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryOptions {
    /// Most hits returned (the best ones).
    pub limit: usize,
    /// Only hits of this kind.
    pub kind: Option<Kind>,
}

impl Default for QueryOptions {
    fn default() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            kind: None,
        }
    }
}

/// The index, built once from a knowledge base.
pub struct SearchIndex {
    index: index::Index,
    fallback: Vec<String>,
    /// Buffers reused from one query to the next (a fresh set is used if they are busy).
    scratch: Mutex<rank::Scratch>,
}

impl SearchIndex {
    /// Builds the index of `kb`'s entries and contacts.
    #[must_use]
    pub fn new(kb: &KnowledgeBase) -> Self {
        Self {
            index: index::Index::build(kb),
            fallback: kb.meta.fallback_contacts.clone(),
            scratch: Mutex::new(rank::Scratch::default()),
        }
    }

    /// Number of indexed documents.
    #[must_use]
    pub fn len(&self) -> usize {
        self.index.docs.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.index.docs.is_empty()
    }

    /// The contacts to show when nothing is found, as the data names them.
    #[must_use]
    pub fn fallback_contacts(&self) -> &[String] {
        &self.fallback
    }

    /// Searches `query`, best first, at most [`DEFAULT_LIMIT`] hits. A query without words
    /// finds nothing.
    #[must_use]
    pub fn query(&self, query: &str) -> Vec<Hit> {
        self.query_with(query, QueryOptions::default())
    }

    /// Searches `query` with a limit and a kind filter.
    #[must_use]
    pub fn query_with(&self, query: &str, opts: QueryOptions) -> Vec<Hit> {
        match self.scratch.try_lock() {
            Ok(mut scratch) => rank::run(&self.index, &mut scratch, query, opts),
            Err(TryLockError::Poisoned(p)) => {
                let mut scratch = p.into_inner();
                rank::run(&self.index, &mut scratch, query, opts)
            }
            Err(TryLockError::WouldBlock) => {
                rank::run(&self.index, &mut rank::Scratch::default(), query, opts)
            }
        }
    }

    /// Corrections for the query words that match nothing, in their original spelling
    /// ("Vouliez-vous dire : hébergeur ?"), most likely first.
    #[must_use]
    pub fn suggest(&self, query: &str) -> Vec<String> {
        suggest::suggest(&self.index, query)
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("documents", &self.index.docs.len())
            .field("words", &self.index.vocab.words.len())
            .finish_non_exhaustive()
    }
}
