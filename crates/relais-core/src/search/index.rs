//! The index, built once from a knowledge base: a sorted vocabulary of folded words with their
//! document frequency, rarity, stems, letter masks and length buckets; postings (document, term
//! frequency) per word and field; each document's field lengths; the word sequences of the
//! short fields (for neighbours and highlights); and the data's synonym groups, word families
//! and colloquial forms, resolved to the vocabulary.

mod build;
mod check;

pub use check::PostingsSeen;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::expand::colloquial::Rule;
use super::expand::stems::stem;
use super::{FIELDS, Field, Kind};

/// Marks the boundary between two phrases (keywords, `ask` items) in a word sequence.
pub const SEP: u32 = u32::MAX;

/// One searchable document: an entry or a contact.
#[derive(Serialize, Deserialize)]
pub struct IndexDoc {
    pub id: Box<str>,
    pub kind: Kind,
    /// Length of the title in characters, for the tie-break (shorter first).
    pub title_len: u32,
    /// Length of each field in meaningful words (stop words left out).
    pub len: [u32; crate::search::FIELDS],
    /// Offsets in [`Index::seq`] of the title, `ask`, keywords and summary, and their end.
    pub seq: [u32; 5],
    /// Offset in [`Index::title_ranges`] of the first title word.
    pub ranges: u32,
}

/// The folded vocabulary, sorted, with what each word needs at query time.
#[derive(Default, Serialize, Deserialize)]
pub struct Vocab {
    pub words: Vec<Box<str>>,
    /// An original spelling, lower case, accents kept (for suggestions and explanations).
    pub display: Vec<Box<str>>,
    pub mask: Vec<u32>,
    /// Number of documents containing the word.
    pub df: Vec<u32>,
    /// BM25 rarity: `ln(1 + (N - df + 0.5) / (df + 0.5))`.
    pub idf: Vec<f32>,
    /// Found in a title, `ask` or keywords.
    pub short: Vec<bool>,
    pub stop: Vec<bool>,
    /// Word ids by word length, for typo scans.
    pub by_len: Vec<Vec<u32>>,
    /// The stem of each word, computed the first time it is needed: at start, stemming the
    /// whole vocabulary would cost more than building the rest of the index.
    #[serde(with = "stems_serde")]
    pub stems: Vec<OnceLock<Box<str>>>,
}

impl Vocab {
    pub fn find(&self, word: &str) -> Option<u32> {
        self.words
            .binary_search_by(|w| (**w).cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of the words starting with `prefix` (a contiguous range of the sorted vocabulary).
    pub fn prefixed(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.words.partition_point(|w| &**w < prefix);
        let len = self.words[start..]
            .iter()
            .take_while(|w| w.starts_with(prefix))
            .count();
        start as u32..(start + len) as u32
    }

    /// The stem of word `id`.
    pub fn stem_of(&self, id: u32) -> &str {
        self.stems[id as usize].get_or_init(|| stem(&self.words[id as usize]).into())
    }

    /// The words of stem `s`, in vocabulary order. A stem is its word but for at most its last
    /// two letters, and keeps its first letter (checked on 1.4 million French forms, and by
    /// `tests/search_props.rs`), so only the words starting with the rest are stemmed.
    pub fn with_stem<'a>(&'a self, s: &'a str) -> impl Iterator<Item = u32> + 'a {
        let keep = s.len().saturating_sub(2).max(1).min(s.len());
        let head = s.get(..keep).unwrap_or_default();
        self.prefixed(head).filter(move |&id| self.stem_of(id) == s)
    }
}

/// A member of a synonym group: its meaningful folded words, their stems, and their ids in the
/// vocabulary (`None` when some word is not in the data in any form).
#[derive(Serialize, Deserialize)]
pub struct Member {
    pub words: Vec<Box<str>>,
    pub stems: Vec<Box<str>>,
    pub ids: Option<Vec<u32>>,
    pub text: Box<str>,
}

/// Everything the query path reads. Saved whole in the compiled form ([`crate::compiled`]).
#[derive(Default, Serialize, Deserialize)]
pub struct Index {
    pub docs: Vec<IndexDoc>,
    pub vocab: Vocab,
    /// (document, term frequency), grouped by word then field, by document: [`POSTING`]
    /// bytes each, little endian, as they are in the compiled form, where they are a part of
    /// their own, read straight into this buffer ([`crate::compiled`]).
    #[serde(skip)]
    pub postings: Vec<u8>,
    /// Start of the postings of (word, field) at `word * FIELDS + field`; one extra at the end.
    #[serde(with = "crate::compiled::numbers")]
    pub offsets: Vec<u32>,
    /// Mean length of each field over the documents.
    pub avg_len: [f32; crate::search::FIELDS],
    /// Word ids of each document's title, `ask`, keywords and summary, in order.
    #[serde(with = "crate::compiled::numbers")]
    pub seq: Vec<u32>,
    /// Byte ranges in the original title of each title word.
    pub title_ranges: Vec<(u32, u32)>,
    pub synonyms: Vec<Vec<Member>>,
    /// Word families, as stems; and (stem, family), sorted, to find a stem's families.
    pub families: Vec<Vec<Box<str>>>,
    family_of: Vec<(Box<str>, u32)>,
    pub colloquial: Vec<Rule>,
}

/// Bytes of a posting: the document (u32), the term frequency (u16).
pub const POSTING: usize = 6;

/// The postings of `(document, term frequency)` as bytes.
pub fn posting_bytes(postings: &[(u32, u16)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(postings.len() * POSTING);
    for &(doc, tf) in postings {
        out.extend_from_slice(&doc.to_le_bytes());
        out.extend_from_slice(&tf.to_le_bytes());
    }
    out
}

/// The posting in `b` (`POSTING` bytes).
fn posting(b: &[u8]) -> (u32, u16) {
    (
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        u16::from_le_bytes([b[4], b[5]]),
    )
}

impl Index {
    /// Documents containing word `id` in `field`, with the word's frequency there.
    pub fn postings(&self, id: u32, field: Field) -> impl Iterator<Item = (u32, u16)> + '_ {
        let at = id as usize * FIELDS + field as usize;
        let (start, end) = (self.offsets[at] as usize, self.offsets[at + 1] as usize);
        self.postings[start * POSTING..end * POSTING]
            .chunks_exact(POSTING)
            .map(posting)
    }

    /// The word sequence of `doc`'s short field (title, `ask`, keywords or summary).
    pub fn seq_of(&self, doc: u32, field: Field) -> &[u32] {
        let d = &self.docs[doc as usize];
        let f = (field as usize).min(3);
        &self.seq[d.seq[f] as usize..d.seq[f + 1] as usize]
    }

    /// The families whose stems include `s`.
    pub fn families_of<'a>(&'a self, s: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.family_of.partition_point(|(st, _)| &**st < s);
        self.family_of[start..]
            .iter()
            .take_while(move |(st, _)| &**st == s)
            .map(|&(_, f)| f)
    }
}

/// The stems in the compiled form: every one computed (at compile time, not at start), so
/// that a loaded index never stems a word.
mod stems_serde {
    use std::sync::OnceLock;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(stems: &[OnceLock<Box<str>>], s: S) -> Result<S::Ok, S::Error> {
        let all: Vec<Option<&str>> = stems.iter().map(|c| c.get().map(|b| &**b)).collect();
        all.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<OnceLock<Box<str>>>, D::Error> {
        let all = Vec::<Option<Box<str>>>::deserialize(d)?;
        Ok(all
            .into_iter()
            .map(|s| {
                let cell = OnceLock::new();
                if let Some(s) = s {
                    let _ = cell.set(s);
                }
                cell
            })
            .collect())
    }
}
