//! The glimpse: what the interface's first frame shows of the entries, as a part of its own of
//! the bundled form. A start on the bundled data decodes it (a few kilobytes) with the head
//! and draws, while another thread decodes the entries whole with the search index and the
//! translations ([`super::decode_deferred`]).
//!
//! The glimpse holds every entry in order, with what a row of the list reads (id, title,
//! category, audience, related entries and contacts, review date), and one entry whole: the
//! one an empty query lists first, whose answer the first frame shows beside the list. The
//! interface takes the whole entries before it shows any other one (`App::settle`).
//!
//! Only the bundled form carries a glimpse: installed data is read whole before the interface
//! starts (`super::load`), so its form holds an empty part in its place.

use serde::{Deserialize, Serialize};

use crate::kb::{Entry, KnowledgeBase};

/// The entries as the first frame needs them (see above).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Glimpse {
    /// Every entry, in order: whole when its position is in `whole`, otherwise without its
    /// answer, summary, asks, keywords, sources, slide and notes.
    pub entries: Vec<Entry>,
    /// The positions of the entries given whole, in order.
    pub whole: Vec<usize>,
}

impl Glimpse {
    /// The glimpse of `kb`'s entries.
    pub(super) fn of(kb: &KnowledgeBase) -> Self {
        let whole: Vec<usize> = first_listed(kb).into_iter().collect();
        let entries = kb
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                if whole.contains(&i) {
                    e.clone()
                } else {
                    row_only(e)
                }
            })
            .collect();
        Self { entries, whole }
    }

    /// Whether these are the rows of `entries`: the same entries, in the same order.
    #[cfg(test)]
    fn rows_of(&self, entries: &[Entry]) -> bool {
        Self::rows_of_entries(&self.entries, entries)
    }

    /// Whether the entries `glimpse` are the rows of `entries`: the same entries, in the same
    /// order, as a row of the list reads them.
    pub(super) fn rows_of_entries(glimpse: &[Entry], entries: &[Entry]) -> bool {
        glimpse.len() == entries.len() && glimpse.iter().zip(entries).all(|(g, e)| same_row(g, e))
    }
}

/// The position of the entry an empty query lists first: the interface lists the entries by
/// category, in the categories' order, each category's in the data's order
/// (`App::browse_rows`).
fn first_listed(kb: &KnowledgeBase) -> Option<usize> {
    kb.categories
        .iter()
        .find_map(|c| kb.entries.iter().position(|e| e.category == c.id))
}

/// Whether `a` and `b` read the same in a row of the list.
fn same_row(a: &Entry, b: &Entry) -> bool {
    a.id == b.id
        && a.title == b.title
        && a.category == b.category
        && a.audience == b.audience
        && a.related == b.related
        && a.contacts == b.contacts
        && a.reviewed == b.reviewed
}

/// `entry` with only what a row of the list reads.
fn row_only(entry: &Entry) -> Entry {
    Entry {
        id: entry.id.clone(),
        title: entry.title.clone(),
        ask: Vec::new(),
        category: entry.category.clone(),
        audience: entry.audience.clone(),
        summary: String::new(),
        answer: String::new(),
        keywords: Vec::new(),
        related: entry.related.clone(),
        contacts: entry.contacts.clone(),
        sources: Vec::new(),
        reviewed: entry.reviewed,
        slide: Vec::new(),
        notes: None,
    }
}

#[cfg(test)]
mod tests {
    use super::{Glimpse, first_listed, row_only};
    use crate::kb::validate::load;
    use crate::kb::{Origin, today};

    #[test]
    fn the_glimpse_lists_every_entry_and_gives_the_first_listed_whole() {
        let kb = load(&Origin::Bundled, today())
            .expect("bundled data loads")
            .kb;
        let glimpse = Glimpse::of(&kb);
        let first = first_listed(&kb).expect("an entry is listed");
        assert_eq!(glimpse.whole, vec![first]);
        assert_eq!(glimpse.entries[first], kb.entries[first]);
        assert!(!glimpse.entries[first].answer.is_empty());
        assert_eq!(glimpse.entries.len(), kb.entries.len());
        for (i, (g, e)) in glimpse.entries.iter().zip(&kb.entries).enumerate() {
            assert_eq!(
                (&g.id, &g.title, &g.category),
                (&e.id, &e.title, &e.category)
            );
            assert_eq!(
                (&g.audience, &g.related, &g.contacts),
                (&e.audience, &e.related, &e.contacts)
            );
            assert_eq!(g.reviewed, e.reviewed);
            if i != first {
                assert!(g.answer.is_empty() && g.summary.is_empty() && g.sources.is_empty());
            }
        }
        assert!(glimpse.rows_of(&kb.entries));
        // The first listed is the first entry of the first category that has one.
        let category = &kb.entries[first].category;
        let c = kb
            .categories
            .iter()
            .position(|c| &c.id == category)
            .expect("its category");
        assert!(
            kb.categories[..c]
                .iter()
                .all(|c| kb.entries.iter().all(|e| e.category != c.id))
        );
        assert!(kb.entries[..first].iter().all(|e| &e.category != category));
    }

    #[test]
    fn other_entries_or_another_order_are_not_the_glimpse_s_rows() {
        let kb = load(&Origin::Bundled, today())
            .expect("bundled data loads")
            .kb;
        let glimpse = Glimpse::of(&kb);
        let mut swapped = kb.entries.clone();
        swapped.swap(0, 1);
        assert!(!glimpse.rows_of(&swapped));
        let mut retitled = kb.entries.clone();
        retitled[2].title.push_str(" (bis)");
        assert!(!glimpse.rows_of(&retitled));
        assert!(!glimpse.rows_of(&kb.entries[1..]));
        // A row is the entry without what the list does not read.
        assert_eq!(row_only(&kb.entries[3]).title, kb.entries[3].title);
    }
}
