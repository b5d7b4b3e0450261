//! Exports of the knowledge base for paper and phones: a Markdown handout ([`md`]), a
//! print-ready HTML handout ([`html`]) and a self-contained phone page ([`app`]). This module
//! owns what goes into a handout ([`Handout::select`]) and the escaping shared by every format.
//! Nothing here writes files or touches the terminal.

pub mod app;
pub mod cards;
pub mod html;
pub mod md;
pub mod sheet;
pub mod slides;

use std::collections::HashSet;
use std::fmt::Write as _;

use jiff::civil::Date;

use crate::kb::markup::{self, Target};
use crate::kb::text::did_you_mean;
use crate::kb::{Contact, Entry, Item, KnowledgeBase};
use crate::render::escape::escape;
use crate::strings as s;

/// The anchor name of an id in a Markdown handout. A valid id (lowercase ASCII letters, digits
/// and hyphens, which the loader enforces) is its own anchor; any other character, which only
/// unchecked data can bring, is written as `_` and its code point in hex then `_`, so no
/// control character, quote or bracket reaches the file and two ids never share an anchor.
pub(crate) fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    out
}

/// Which entries a handout holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every entry, category by category.
    All,
    /// The slides of a deck, in order.
    Deck(String),
    /// The entries of a category.
    Category(String),
    /// Entries and contacts by id, in the order given.
    Ids(Vec<String>),
}

/// Why a selection could not be made; the message names what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    #[error("présentation inconnue « {id} »{hint}")]
    UnknownDeck { id: String, hint: String },
    #[error("catégorie inconnue « {id} »{hint}")]
    UnknownCategory { id: String, hint: String },
    #[error("identifiant inconnu « {id} »{hint}")]
    UnknownId { id: String, hint: String },
    #[error("« {0} » est une présentation : utilisez --deck {0}")]
    DeckAsId(String),
}

/// The entries and contacts of one export, with the title to print above them.
#[derive(Debug, Clone)]
pub struct Handout<'a> {
    pub kb: &'a KnowledgeBase,
    pub title: String,
    pub entries: Vec<&'a Entry>,
    /// The contacts sheet; empty when none was asked for.
    pub contacts: Vec<&'a Contact>,
    /// Decides which entries are flagged as stale.
    pub today: Date,
}

impl<'a> Handout<'a> {
    /// Picks the entries of `scope`. With `contacts`, adds a contacts sheet: every contact when
    /// the scope is [`Scope::All`] (and then no entries: the sheet alone), otherwise the
    /// contacts the chosen entries cite plus the data's fallback contacts. Contact ids given
    /// in [`Scope::Ids`] always go to the sheet.
    ///
    /// # Errors
    /// An unknown deck, category or id, with a "did you mean" hint.
    pub fn select(
        kb: &'a KnowledgeBase,
        scope: &Scope,
        contacts: bool,
        today: Date,
    ) -> Result<Self, SelectError> {
        let mut handout = Self {
            kb,
            title: kb.meta.title.clone().unwrap_or_else(|| "relais".to_owned()),
            entries: Vec::new(),
            contacts: Vec::new(),
            today,
        };
        match scope {
            Scope::All if contacts => {
                s::CONTACTS_SHEET.clone_into(&mut handout.title);
                handout.contacts = kb.contacts.iter().collect();
                return Ok(handout);
            }
            Scope::All => handout.entries = all_entries(kb),
            Scope::Deck(id) => handout.deck(id)?,
            Scope::Category(id) => handout.category(id)?,
            Scope::Ids(ids) => handout.ids(ids)?,
        }
        if contacts {
            handout.add_cited_contacts();
        }
        Ok(handout)
    }

    fn deck(&mut self, id: &str) -> Result<(), SelectError> {
        let kb = self.kb;
        let deck = kb.deck(id).ok_or_else(|| SelectError::UnknownDeck {
            id: id.to_owned(),
            hint: hint_or_list(id, kb.decks.iter().map(|d| d.id.as_str()), "présentations"),
        })?;
        self.title.clone_from(&deck.title);
        self.entries = deck.slides.iter().filter_map(|i| kb.entry(i)).collect();
        Ok(())
    }

    fn category(&mut self, id: &str) -> Result<(), SelectError> {
        let kb = self.kb;
        let category = kb
            .category(id)
            .ok_or_else(|| SelectError::UnknownCategory {
                id: id.to_owned(),
                hint: hint_or_list(
                    id,
                    kb.categories.iter().map(|c| c.id.as_str()),
                    "catégories",
                ),
            })?;
        self.title.clone_from(&category.title);
        self.entries = kb.entries.iter().filter(|e| e.category == id).collect();
        Ok(())
    }

    fn ids(&mut self, ids: &[String]) -> Result<(), SelectError> {
        let kb = self.kb;
        for id in ids {
            match kb.item(id) {
                Some(Item::Entry(e)) if !self.has_entry(&e.id) => self.entries.push(e),
                Some(Item::Contact(c)) if !self.has_contact(&c.id) => self.contacts.push(c),
                Some(Item::Entry(_) | Item::Contact(_)) => {}
                Some(Item::Deck(d)) => return Err(SelectError::DeckAsId(d.id.clone())),
                None => {
                    return Err(SelectError::UnknownId {
                        id: id.clone(),
                        hint: hint(did_you_mean(id, kb.ids())),
                    });
                }
            }
        }
        Ok(())
    }

    /// Adds the contacts cited by the chosen entries (their `contacts` and `[[id]]` links), then
    /// the fallback contacts, in the order of the data.
    fn add_cited_contacts(&mut self) {
        let mut wanted: HashSet<&str> = self.contacts.iter().map(|c| c.id.as_str()).collect();
        for e in &self.entries {
            wanted.extend(e.contacts.iter().map(String::as_str));
            wanted.extend(markup::wiki_links(&e.answer).map(|(_, id)| id));
        }
        wanted.extend(self.kb.meta.fallback_contacts.iter().map(String::as_str));
        self.contacts = self
            .kb
            .contacts
            .iter()
            .filter(|c| wanted.contains(c.id.as_str()))
            .collect();
    }

    /// True when the entry is part of this handout.
    #[must_use]
    pub fn has_entry(&self, id: &str) -> bool {
        self.entries.iter().any(|e| e.id == id)
    }

    /// True when the contact is on this handout's contacts sheet.
    #[must_use]
    pub fn has_contact(&self, id: &str) -> bool {
        self.contacts.iter().any(|c| c.id == id)
    }

    /// Whether an id can be linked to inside this handout.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.has_entry(id) || self.has_contact(id)
    }

    /// The line that says which data the handout was made from.
    #[must_use]
    pub fn data_line(&self) -> String {
        data_line(self.kb)
    }
}

/// Every entry, category by category in the order of the data, then any entry whose
/// category is not declared (none in valid data).
fn all_entries(kb: &KnowledgeBase) -> Vec<&Entry> {
    let mut out: Vec<&Entry> = kb
        .categories
        .iter()
        .flat_map(|c| kb.entries.iter().filter(move |e| e.category == c.id))
        .collect();
    out.extend(
        kb.entries
            .iter()
            .filter(|e| kb.category(&e.category).is_none()),
    );
    out
}

/// "Did you mean" when a close id exists, otherwise the list of what exists.
fn hint_or_list<'b>(id: &str, ids: impl Iterator<Item = &'b str> + Clone, what: &str) -> String {
    match did_you_mean(id, ids.clone()) {
        Some(s) => hint(Some(s)),
        None => format!(" ; {what} : {}", ids.collect::<Vec<_>>().join(", ")),
    }
}

fn hint(suggestion: Option<&str>) -> String {
    suggestion.map_or(String::new(), |s| format!(" (vouliez-vous dire « {s} » ?)"))
}

pub use crate::render::deck::data_line;

/// The display name of an id: an entry's title or a contact's name.
#[must_use]
pub fn name_of(kb: &KnowledgeBase, id: &str) -> String {
    crate::render::plain::name_of(kb, id)
}

pub use crate::kb::text::safe_url;

/// Where an `[[id]]` link or a reference goes: the href to use, if the target is reachable.
pub type Linker<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// The target of an inline link as an href: safe URLs as they are, ids through `link`.
#[must_use]
pub fn href(target: &Target, link: &Linker<'_>) -> Option<String> {
    match target {
        Target::Url(url) => safe_url(url).map(str::to_owned),
        Target::Id(id) => link(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids_are_their_own_anchor_and_others_are_spelt_out() {
        assert_eq!(fragment("droits-hebergeur-2"), "droits-hebergeur-2");
        assert_eq!(fragment("a\u{1b}]\"b"), "a_1b__5d__22_b");
        assert_ne!(fragment("a_1b_"), fragment("a\u{1b}"));
    }

    #[test]
    fn only_safe_urls_are_links() {
        for ok in [
            "https://www.cire.be/a?b=c#d",
            "HTTP://x.be",
            "mailto:info@x.be",
            "tel:+3281737176",
        ] {
            assert_eq!(safe_url(ok), Some(ok));
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://x.be/a b",
            "//x.be",
            "vbscript:x",
            "https://x.be/\u{202e}",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
