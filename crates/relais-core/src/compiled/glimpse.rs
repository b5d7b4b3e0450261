//! The glimpse: what the interface's first frame shows of the entries, as a part of its own of
//! the bundled form. A start on the bundled data decodes it (a few kilobytes) with the head
//! and draws, while another thread decodes the entries whole with the search index and the
//! translations ([`super::decode_deferred`]).
//!
//! The glimpse holds every entry in order, with what a row of the list reads (id, title,
//! category, audience, related entries and contacts, review date), and one entry whole: the
//! one an empty query lists first, whose answer the first frame shows beside the list. It
//! holds every contact too, without its asks, address, hours, notes and sources (a row, the
//! emergency numbers and the filters read the rest). The interface takes the whole entries and
//! contacts before it shows any other item (`App::settle`).
//!
//! Only the bundled form carries a glimpse: installed data is read whole before the interface
//! starts (`super::load`), so its form holds an empty part in its place.

use serde::{Deserialize, Serialize};

use crate::kb::{Contact, Entry, KnowledgeBase};

/// The entries as the first frame needs them (see above).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Glimpse {
    /// Every entry, in order: whole when its position is in `whole`, otherwise without its
    /// answer, summary, asks, keywords, sources, slide and notes.
    pub entries: Vec<Entry>,
    /// The positions of the entries given whole, in order.
    pub whole: Vec<usize>,
    /// Every contact, in order, without what only its page shows.
    pub contacts: Vec<Contact>,
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
        let contacts = kb.contacts.iter().map(contact_row).collect();
        Self {
            entries,
            whole,
            contacts,
        }
    }

    /// Whether these are the rows of `entries` and `contacts`: the same items, in the same
    /// order.
    #[cfg(test)]
    fn rows_of(&self, entries: &[Entry], contacts: &[Contact]) -> bool {
        Self::rows_of_items((&self.entries, &self.contacts), (entries, contacts))
    }

    /// Whether the entries and contacts `glimpse` are the rows of `whole`: the same items, in
    /// the same order, as the first frame reads them.
    pub(super) fn rows_of_items(
        glimpse: (&[Entry], &[Contact]),
        whole: (&[Entry], &[Contact]),
    ) -> bool {
        glimpse.0.len() == whole.0.len()
            && glimpse.0.iter().zip(whole.0).all(|(g, e)| same_row(g, e))
            && glimpse.1.len() == whole.1.len()
            && glimpse
                .1
                .iter()
                .zip(whole.1)
                .all(|(g, c)| g == &contact_row(c))
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

/// `contact` without what only its page shows.
fn contact_row(contact: &Contact) -> Contact {
    Contact {
        ask: Vec::new(),
        address: None,
        hours: None,
        notes: None,
        sources: Vec::new(),
        ..contact.clone()
    }
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
        assert!(glimpse.rows_of(&kb.entries, &kb.contacts));
        assert_eq!(glimpse.contacts.len(), kb.contacts.len());
        for (g, c) in glimpse.contacts.iter().zip(&kb.contacts) {
            assert_eq!(
                (&g.id, &g.name, &g.region, &g.phone),
                (&c.id, &c.name, &c.region, &c.phone)
            );
            assert_eq!(
                (&g.description, &g.topics, g.verified),
                (&c.description, &c.topics, c.verified)
            );
            assert!(g.sources.is_empty() && g.notes.is_none() && g.ask.is_empty());
        }
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
        assert!(!glimpse.rows_of(&swapped, &kb.contacts));
        let mut retitled = kb.entries.clone();
        retitled[2].title.push_str(" (bis)");
        assert!(!glimpse.rows_of(&retitled, &kb.contacts));
        assert!(!glimpse.rows_of(&kb.entries[1..], &kb.contacts));
        let mut renumbered = kb.contacts.clone();
        renumbered[0].phone.push("0000".to_owned());
        assert!(!glimpse.rows_of(&kb.entries, &renumbered));
        assert!(!glimpse.rows_of(&kb.entries, &kb.contacts[1..]));
        // A row is the entry without what the list does not read.
        assert_eq!(row_only(&kb.entries[3]).title, kb.entries[3].title);
    }
}
