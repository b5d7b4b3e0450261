//! Which languages each entry and contact can be read in, and which entries have a French card:
//! what the result rows show (« EN AR »), without the translations themselves. The compiled
//! bundled form carries it beside the knowledge base, so that the interface draws its first
//! frame while the translations are still being decoded (`crate::compiled::decode_deferred`).

use serde::{Deserialize, Serialize};

use super::{LANGUAGES, Language};
use crate::kb::KnowledgeBase;

/// Bit of an item's mask that says it has a French card; the bits below are the languages of
/// [`LANGUAGES`], in order.
const FRENCH_CARD: u16 = 1 << 15;

// Every language has a bit of its own below the card's.
const _: () = assert!(LANGUAGES.len() < 15);

/// Language marks of a knowledge base, by item id (entries and contacts share no id).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageMarks {
    /// (id, mask), sorted by id; only the items with a mark.
    items: Vec<(Box<str>, u16)>,
}

impl LanguageMarks {
    /// The marks of `kb`'s translations.
    #[must_use]
    pub fn of(kb: &KnowledgeBase) -> Self {
        let bit = |code: &str| {
            LANGUAGES
                .iter()
                .position(|l| l.code == code)
                .map_or(0, |i| 1u16 << i)
        };
        let t = &kb.translations;
        let mut items: Vec<(Box<str>, u16)> = t
            .entries
            .iter()
            .map(|e| (e.id.as_str(), bit(&e.lang)))
            .chain(t.contacts.iter().map(|c| (c.id.as_str(), bit(&c.lang))))
            .chain(t.cards.iter().map(|c| (c.id.as_str(), FRENCH_CARD)))
            .map(|(id, mask)| (id.into(), mask))
            .collect();
        items.sort();
        items.dedup_by(|later, first| {
            let same = later.0 == first.0;
            if same {
                first.1 |= later.1;
            }
            same
        });
        Self { items }
    }

    fn mask(&self, id: &str) -> u16 {
        self.items
            .binary_search_by(|(i, _)| (**i).cmp(id))
            .map_or(0, |at| self.items[at].1)
    }

    /// As [`KnowledgeBase::languages_of`]: French first, then the item's translations.
    #[must_use]
    pub fn languages_of(&self, id: &str) -> Vec<&'static Language> {
        let mask = self.mask(id);
        LANGUAGES
            .iter()
            .enumerate()
            .filter(|(i, l)| l.code == "fr" || mask & (1 << i) != 0)
            .map(|(_, l)| l)
            .collect()
    }

    /// As [`KnowledgeBase::french_card`]`.is_some()`.
    #[must_use]
    pub fn french_card(&self, id: &str) -> bool {
        self.mask(id) & FRENCH_CARD != 0
    }
}
