//! The knowledge base: validated domain types that the rest of the program reads.
//!
//! Data flows `source` (where the files are) -> `raw` (serde mirror) -> `validate` (all rules,
//! every problem with its position) -> [`KnowledgeBase`]. Nothing outside this module parses YAML.

pub mod diag;
pub mod markup;
pub mod raw;
pub mod source;
pub mod store;
pub mod text;
pub mod validate;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use diag::{Diagnostic, LoadError, Severity};
pub use source::{Origin, SourceFile};

/// Entries whose `reviewed` date is older than this many months are flagged as stale.
pub const STALE_AFTER_MONTHS: i8 = 12;

/// The validated knowledge base.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct KnowledgeBase {
    pub meta: Meta,
    pub categories: Vec<Category>,
    pub entries: Vec<Entry>,
    pub contacts: Vec<Contact>,
    pub decks: Vec<Deck>,
    pub synonyms: Vec<Vec<String>>,
    /// Word families searched as one word (`scolarité`, `scolarisation`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<Vec<String>>,
    /// Colloquial or SMS form -> the words it stands for (`jpeu` -> `je peux`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub colloquial: Vec<(String, String)>,
}

/// Information about the data set as a whole.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub version: Option<String>,
    pub date: Option<Date>,
    pub publisher: Option<String>,
    /// Contacts shown when a search finds nothing.
    pub fallback_contacts: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
}

/// Who an entry is written for.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Aidants,
    Migrants,
    Formateurs,
}

impl Audience {
    pub const ALL: [(&'static str, Self); 3] = [
        ("aidants", Self::Aidants),
        ("migrants", Self::Migrants),
        ("formateurs", Self::Formateurs),
    ];
}

/// One FAQ entry.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// Other phrasings of the question, searched like a second title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ask: Vec<String>,
    pub category: String,
    pub audience: Vec<Audience>,
    pub summary: String,
    /// The full answer in the small markup described in [`markup`].
    pub answer: String,
    pub keywords: Vec<String>,
    pub related: Vec<String>,
    pub contacts: Vec<String>,
    pub sources: Vec<Source>,
    pub reviewed: Date,
}

impl Entry {
    /// True when the entry was last reviewed more than [`STALE_AFTER_MONTHS`] before `today`.
    #[must_use]
    pub fn is_stale(&self, today: Date) -> bool {
        is_older_than_limit(self.reviewed, today)
    }
}

/// True when `date` lies more than [`STALE_AFTER_MONTHS`] before `today`.
#[must_use]
pub fn is_older_than_limit(date: Date, today: Date) -> bool {
    let limit = today
        .checked_sub(jiff::Span::new().months(STALE_AFTER_MONTHS))
        .unwrap_or(Date::MIN);
    date < limit
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    pub date: Option<Date>,
}

/// An organisation or service volunteers can turn to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Contact {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ask: Vec<String>,
    pub description: String,
    pub region: String,
    pub topics: Vec<String>,
    pub phone: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
    pub notes: Option<String>,
    /// Date the details were confirmed in a source; `None` means unverified.
    pub verified: Option<Date>,
    pub sources: Vec<Source>,
}

/// The regions a contact can serve.
pub const REGIONS: [&str; 8] = [
    "namur",
    "luxembourg",
    "liege",
    "hainaut",
    "brabant-wallon",
    "bruxelles",
    "wallonie",
    "belgique",
];

/// A training deck: FAQ entries shown in order in presentation mode.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub slides: Vec<String>,
}

/// Anything with an id in the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item<'a> {
    Entry(&'a Entry),
    Contact(&'a Contact),
    Deck(&'a Deck),
}

impl KnowledgeBase {
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    #[must_use]
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    #[must_use]
    pub fn deck(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.id == id)
    }

    #[must_use]
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// Finds an entry, a contact or a deck by id (ids are unique across all three).
    #[must_use]
    pub fn item(&self, id: &str) -> Option<Item<'_>> {
        self.entry(id)
            .map(Item::Entry)
            .or_else(|| self.contact(id).map(Item::Contact))
            .or_else(|| self.deck(id).map(Item::Deck))
    }

    /// Every id in the knowledge base, for "did you mean" suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let entries = self.entries.iter().map(|e| e.id.as_str());
        let contacts = self.contacts.iter().map(|c| c.id.as_str());
        entries
            .chain(contacts)
            .chain(self.decks.iter().map(|d| d.id.as_str()))
    }

    /// Entries reviewed more than [`STALE_AFTER_MONTHS`] before `today`.
    pub fn stale_entries(&self, today: Date) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.is_stale(today))
    }
}

/// Today's date in the local time zone (UTC if it cannot be determined).
#[must_use]
pub fn today() -> Date {
    jiff::Zoned::now().date()
}
