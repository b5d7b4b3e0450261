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
    /// `kb`: every offset, range and id within bounds, every document an entry or a contact of
    /// `kb`, every highlighted title word inside its title.
    #[must_use]
    pub fn is_consistent(&self, kb: &KnowledgeBase) -> bool {
        let titles: std::collections::HashMap<(&str, Kind), &str> = kb
            .entries
            .iter()
            .map(|e| ((e.id.as_str(), Kind::Faq), e.title.as_str()))
            .chain(
                kb.contacts
                    .iter()
                    .map(|c| ((c.id.as_str(), Kind::Contact), c.name.as_str())),
            )
            .collect();
        let title = |id: &str, kind: Kind| titles.get(&(id, kind)).copied();
        let index = &self.index;
        index.is_consistent()
            && self
                .lang
                .is_consistent(|id, kind| title(id, kind).is_some())
            && index.docs.iter().all(|d| {
                let Some(title) = title(&d.id, d.kind) else {
                    return false;
                };
                let words = (d.seq[1] - d.seq[0]) as usize;
                (0..words).all(|p| {
                    index
                        .title_ranges
                        .get(d.ranges as usize + p)
                        .is_none_or(|&(s, e)| title.get(s as usize..e as usize).is_some())
                })
            })
    }

    /// Breaks one table of the index, for the tests of [`crate::compiled`]: an offset, a
    /// posting, a title range, a document id.
    #[cfg(test)]
    pub(crate) fn break_for_test(&mut self, what: usize) {
        let index = &mut self.index;
        match what {
            0 => index.offsets[1] = u32::MAX,
            1 => index.postings[0].0 = u32::MAX,
            2 => index.title_ranges[0].1 = u32::MAX,
            _ => index.docs[0].id = "nulle-part".into(),
        }
    }
}
