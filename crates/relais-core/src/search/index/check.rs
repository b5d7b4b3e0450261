//! Whether an index read back from a compiled form holds together: every offset, range and id
//! within what it points into. The form's checksum catches damage, not a form written on
//! purpose with a right checksum; the query path indexes these tables without checking, so a
//! form that fails here is refused (and the YAML parsed) rather than searched.

use super::super::{FIELDS, Kind, SearchIndex};
use super::{Index, SEP};
use crate::kb::KnowledgeBase;

impl Index {
    /// True when every table of the index is within the bounds of the others.
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        let words = self.vocab.words.len();
        let docs = self.docs.len();
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
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self
                .offsets
                .last()
                .is_some_and(|&o| o as usize <= self.postings.len());
        let postings = self.postings.iter().all(|&(d, _)| (d as usize) < docs);
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
        same_len
            && sorted
            && by_len
            && offsets
            && postings
            && seq
            && doc_ranges
            && members
            && families
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
            1 => index.postings[0].0 = u32::MAX,
            2 => index.title_ranges[0].1 = u32::MAX,
            3 => index.docs[0].id = "nulle-part".into(),
            // Two documents exchanged: each names an entry of the base, not the one it indexes.
            _ => index.docs.swap(0, 1),
        }
    }
}
