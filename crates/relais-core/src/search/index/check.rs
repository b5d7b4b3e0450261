//! Whether an index read back from a compiled form holds together: every offset, range and id
//! within what it points into. The form's checksum catches damage, not a form written on
//! purpose with a right checksum; the query path indexes these tables without checking, so a
//! form that fails here is refused (and the YAML parsed) rather than searched.

use super::super::{FIELDS, Kind, SearchIndex};
use super::{Index, POSTING, SEP};
use crate::kb::KnowledgeBase;

/// What the postings of a compiled form are, seen once: the largest document they name
/// (`None` when there are none), whether their bytes are whole postings, how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostingsSeen {
    max_doc: Option<u32>,
    whole: bool,
    count: usize,
}

impl PostingsSeen {
    /// Goes through the postings `bytes` once.
    #[must_use]
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            max_doc: bytes
                .chunks_exact(POSTING)
                .map(|b| super::posting(b).0)
                .max(),
            whole: bytes.len().is_multiple_of(POSTING),
            count: bytes.len() / POSTING,
        }
    }
}

impl Index {
    /// True when every table of the index is within the bounds of the others.
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        self.tables_fit() && self.postings_fit(PostingsSeen::of(&self.postings))
    }

    /// [`Self::is_consistent`] but for the postings.
    #[must_use]
    pub fn tables_fit(&self) -> bool {
        let words = self.vocab.words.len();
        let v = &self.vocab;
        let same_len = [
            v.display.len(),
            v.mask.len(),
            v.df.len(),
            v.idf.len(),
            v.short.len(),
            v.stop.len(),
            v.stems.len(),
        ]
        .iter()
        .all(|&n| n == words);
        let sorted = v.words.windows(2).all(|w| w[0] < w[1]);
        let by_len = v.by_len.iter().flatten().all(|&id| (id as usize) < words);
        let offsets = self.offsets.len() == words * FIELDS + 1
            && self.offsets.windows(2).all(|w| w[0] <= w[1]);
        let seq = self
            .seq
            .iter()
            .all(|&id| id == SEP || (id as usize) < words);
        let doc_ranges = self.docs.iter().all(|d| {
            d.seq.windows(2).all(|w| w[0] <= w[1])
                && d.seq[4] as usize <= self.seq.len()
                && d.ranges as usize <= self.title_ranges.len()
        });
        let members = self
            .synonyms
            .iter()
            .flatten()
            .filter_map(|m| m.ids.as_ref())
            .flatten()
            .all(|&id| (id as usize) < words);
        let families = self
            .family_of
            .iter()
            .all(|&(_, f)| (f as usize) < self.families.len());
        same_len && sorted && by_len && offsets && seq && doc_ranges && members && families
    }
}

impl Index {
    /// True when the postings, seen as `seen`, fit this index: whole, every document in it,
    /// every word's postings within them.
    #[must_use]
    pub fn postings_fit(&self, seen: PostingsSeen) -> bool {
        seen.whole
            && seen.max_doc.is_none_or(|d| (d as usize) < self.docs.len())
            && self
                .offsets
                .last()
                .is_some_and(|&o| o as usize <= seen.count)
    }
}

impl SearchIndex {
    /// True when this index (read back from a compiled form) holds together and belongs to
    /// `kb`: [`Self::holds_together`] and [`Self::belongs_to`].
    #[must_use]
    pub fn is_consistent(&self, kb: &KnowledgeBase) -> bool {
        self.holds_together() && self.belongs_to(kb)
    }

    /// True when every offset, range and id of this index is within bounds: what can be
    /// checked without the knowledge base (while it is still being decoded).
    #[must_use]
    pub fn holds_together(&self) -> bool {
        self.index.is_consistent() && self.lang.holds_together()
    }

    /// [`Self::holds_together`] but for the postings and the translations' index, which the
    /// compiled form keeps apart (each checked where it is decoded).
    #[must_use]
    pub(crate) fn holds_together_but_postings(&self) -> bool {
        self.index.tables_fit()
    }

    /// The translations' index, which the compiled form keeps apart (see [`Self::set_lang`]).
    pub(crate) fn lang(&self) -> &super::super::lang::LangIndex {
        &self.lang
    }

    /// Puts back the translations' index of a compiled form.
    pub(crate) fn set_lang(&mut self, lang: super::super::lang::LangIndex) {
        self.lang = lang;
    }

    /// The postings as the compiled form keeps them, apart (see [`Self::set_postings`]).
    pub(crate) fn postings_bytes(&self) -> &[u8] {
        &self.index.postings
    }

    /// Puts back the postings of a compiled form, seen once as `seen`; false (and nothing
    /// changed) when they do not fit this index.
    pub(crate) fn set_postings(&mut self, bytes: Vec<u8>, seen: PostingsSeen) -> bool {
        let fits = self.index.postings_fit(seen);
        if fits {
            self.index.postings = bytes;
        }
        fits
    }

    /// True when this index, which holds together, belongs to `kb`: its documents are `kb`'s
    /// entries then its contacts, in order, as the index is built; every highlighted title
    /// word is inside its title; every translated document is one of them.
    #[must_use]
    pub fn belongs_to(&self, kb: &KnowledgeBase) -> bool {
        let index = &self.index;
        let items = kb
            .entries
            .iter()
            .map(|e| (e.id.as_str(), Kind::Faq, e.title.as_str()))
            .chain(
                kb.contacts
                    .iter()
                    .map(|c| (c.id.as_str(), Kind::Contact, c.name.as_str())),
            );
        let same_docs = index.docs.len() == kb.entries.len() + kb.contacts.len()
            && index.docs.iter().zip(items).all(|(d, (id, kind, title))| {
                let words = (d.seq[1] - d.seq[0]) as usize;
                *d.id == *id
                    && d.kind == kind
                    && (0..words).all(|p| {
                        index
                            .title_ranges
                            .get(d.ranges as usize + p)
                            .is_none_or(|&(s, e)| title.get(s as usize..e as usize).is_some())
                    })
            });
        same_docs && {
            let known: std::collections::HashSet<(&str, Kind)> = if self.lang.is_empty() {
                std::collections::HashSet::new()
            } else {
                index.docs.iter().map(|d| (&*d.id, d.kind)).collect()
            };
            self.lang.docs_known(|id, kind| known.contains(&(id, kind)))
        }
    }

    /// Breaks one table of the index, for the tests of [`crate::compiled`]: an offset, a
    /// posting, a title range, a document id, the order of the documents.
    #[cfg(test)]
    pub(crate) fn break_for_test(&mut self, what: usize) {
        let index = &mut self.index;
        match what {
            0 => index.offsets[1] = u32::MAX,
            1 => index.postings[..4].copy_from_slice(&u32::MAX.to_le_bytes()),
            2 => index.title_ranges[0].1 = u32::MAX,
            3 => index.docs[0].id = "nulle-part".into(),
            // Two documents exchanged: each names an entry of the base, not the one it indexes.
            _ => index.docs.swap(0, 1),
        }
    }
}
