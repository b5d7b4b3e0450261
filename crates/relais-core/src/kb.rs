//! The knowledge base: validated domain types that the rest of the program reads.
//!
//! Data flows `source` (where the files are) -> `raw` (serde mirror) -> `validate` (all rules,
//! every problem with its position) -> [`KnowledgeBase`]. Nothing outside this module parses YAML.

pub mod dates;
pub mod diag;
pub mod fold;
pub mod format;
pub mod i18n;
pub mod installed;
pub mod lock;
pub mod manifest;
pub mod markup;
pub mod pack;
pub mod raw;
pub mod read;
pub mod seal;
pub mod signing;
pub mod source;
pub mod store;
pub mod text;
pub mod translit;
pub mod trust;
pub mod validate;
pub mod version;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use dates::{SourceDate, Verification, VerifiedBy};
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
    #[serde(default, skip_serializing_if = "crate::compiled::skip_empty")]
    pub families: Vec<Vec<String>>,
    /// Colloquial or SMS form -> the words it stands for (`jpeu` -> `je peux`).
    #[serde(default, skip_serializing_if = "crate::compiled::skip_empty")]
    pub colloquial: Vec<(String, String)>,
    /// Translations of the entries and contacts for the people helped (`data/i18n/`).
    #[serde(
        default,
        skip_serializing_if = "crate::compiled::skip_no_translations",
        with = "crate::compiled::translations"
    )]
    pub translations: i18n::Translations,
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
    /// Public keys (minisign base64 lines) whose signed packs this data trusts.
    #[serde(default, skip_serializing_if = "crate::compiled::skip_empty")]
    pub trusted_keys: Vec<String>,
    /// Set by the loader, never read from YAML: installed data that no trusted key signed,
    /// shown « non signées » in the status bar, `data status` and the exports.
    #[serde(default, skip_serializing_if = "crate::compiled::skip_false")]
    pub unsigned: bool,
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
    #[serde(default, skip_serializing_if = "crate::compiled::skip_empty")]
    pub ask: Vec<String>,
    pub category: String,
    pub audience: Vec<Audience>,
    #[serde(with = "crate::compiled::text")]
    pub summary: String,
    /// The full answer in the small markup described in [`markup`].
    #[serde(with = "crate::compiled::text")]
    pub answer: String,
    pub keywords: Vec<String>,
    pub related: Vec<String>,
    pub contacts: Vec<String>,
    pub sources: Vec<Source>,
    pub reviewed: Date,
    /// The points of the entry's slide (empty: the slide shows the summary only).
    #[serde(default)]
    pub slide: Vec<String>,
    /// What the trainer says with the slide.
    #[serde(default)]
    pub notes: Option<String>,
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
    /// As precise as the source is (a year, a month or a day); `None` for an undated page.
    pub date: Option<SourceDate>,
}

/// An organisation or service volunteers can turn to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Contact {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "crate::compiled::skip_empty")]
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
    /// The day the details were confirmed directly (see [`VerifiedBy`]); `None` means
    /// unverified, shown with the source and its date.
    pub verified: Option<Date>,
    /// How they were confirmed; validation requires it whenever `verified` is set.
    pub verified_by: Option<VerifiedBy>,
    pub sources: Vec<Source>,
}

/// The regions a contact can serve. `flandre` marks a contact outside Wallonia and Brussels
/// (Antwerp, the closed centres in Flanders); it is shown as « Flandre (hors Wallonie) ».
pub const REGIONS: [&str; 9] = [
    "namur",
    "luxembourg",
    "liege",
    "hainaut",
    "brabant-wallon",
    "bruxelles",
    "wallonie",
    "belgique",
    "flandre",
];

/// The five Walloon provinces, as region ids.
pub const WALLOON_PROVINCES: [&str; 5] =
    ["namur", "liege", "hainaut", "luxembourg", "brabant-wallon"];

/// A training deck: FAQ entries shown in order in presentation mode.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub slides: Vec<String>,
    /// Target length of the session, in minutes.
    #[serde(default)]
    pub duration: Option<u32>,
    /// Shown first: the deck's title, the data's version and date, « pas un avis juridique ».
    #[serde(default = "yes")]
    pub title_slide: bool,
    /// Shown after the title: the questions of the deck.
    #[serde(default = "yes")]
    pub agenda: bool,
    /// Shown last: the contacts named by the deck's entries, with their numbers.
    #[serde(default = "yes")]
    pub closing: bool,
}

fn yes() -> bool {
    true
}

impl Deck {
    /// The contacts named by the deck's entries, in the order they first appear.
    #[must_use]
    pub fn contacts<'a>(&self, kb: &'a KnowledgeBase) -> Vec<&'a Contact> {
        let mut out: Vec<&Contact> = Vec::new();
        for id in self
            .slides
            .iter()
            .filter_map(|s| kb.entry(s))
            .flat_map(|e| &e.contacts)
        {
            if let Some(c) = kb.contact(id).filter(|c| !out.iter().any(|o| o.id == c.id)) {
                out.push(c);
            }
        }
        out
    }
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
