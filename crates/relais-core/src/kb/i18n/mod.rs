//! Translations of the entries and contacts meant for the people helped (`data/i18n/<code>/`):
//! the languages relais knows, the validated translations, and the knowledge base's questions
//! about them. The format is described in the README (« Traduire ») and read in [`raw`]; the
//! rules (ids, numbers, addresses, links, dates) live in `kb::validate::i18n`.
//!
//! French stays the reference: a translation is shown with its status, and with « la version
//! française fait foi » while it is `machine`. `data/i18n/fr/` holds the French cards (the short
//! text for the person helped), that the translated cards follow.

pub mod facts;
pub mod languages;
pub mod marks;

pub use marks::LanguageMarks;
pub mod raw;
pub mod schema;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::KnowledgeBase;
pub use languages::{
    Direction, LANGUAGES, Language, MACHINE_NOTICE_FR, REVIEWED_NOTICE_FR, STALE_NOTICE_FR,
    known_codes, language,
};

/// Who checked a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Written by a machine or an AI, read by no one who reads the language.
    Machine,
    /// Checked against the French by a named person who reads the language.
    Reviewed,
}

impl Status {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Machine => "machine",
            Self::Reviewed => "reviewed",
        }
    }
}

/// How a translation was made and checked, common to entries and contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub status: Status,
    /// The day the text was made from (or last compared with) the French.
    pub date: Date,
    /// The day a named person checked it (only with [`Status::Reviewed`]).
    pub reviewed: Option<Date>,
    /// Who checked it (only with [`Status::Reviewed`]).
    pub by: Option<String>,
    /// The French changed after `date`: shown « traduction peut-être dépassée ».
    pub stale: bool,
}

impl Provenance {
    /// The notice shown with the text, in `lang` then in French (once when `lang` is French).
    #[must_use]
    pub fn notices(&self, lang: &Language) -> (String, String) {
        match (self.status, self.by.as_deref()) {
            (Status::Reviewed, Some(by)) => (
                format!("{} ({by})", lang.reviewed_notice),
                format!("{REVIEWED_NOTICE_FR} ({by})"),
            ),
            _ => (lang.machine_notice.to_owned(), MACHINE_NOTICE_FR.to_owned()),
        }
    }
}

/// An entry's title, summary and card in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub id: String,
    pub lang: String,
    pub title: String,
    pub summary: String,
    /// Other ways a person asks the question in this language (searched, not shown).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ask: Vec<String>,
    /// 5 to 8 plain sentences for the person helped.
    pub card: Option<String>,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A contact's description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactTranslation {
    pub id: String,
    pub lang: String,
    /// Other ways a person looks for the organisation in this language (searched, not shown).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ask: Vec<String>,
    pub description: String,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// The French card of an entry (`data/i18n/fr/`): the text the translated cards follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrenchCard {
    pub id: String,
    pub date: Date,
    pub card: String,
    /// The entry was reviewed after the card was written.
    pub stale: bool,
}

/// Every translation of a knowledge base.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translations {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<FrenchCard>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Translation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<ContactTranslation>,
}

impl Translations {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.entries.is_empty() && self.contacts.is_empty()
    }
}

impl KnowledgeBase {
    /// The translation of entry `id` into `lang`, if there is one.
    #[must_use]
    pub fn translation(&self, id: &str, lang: &str) -> Option<&Translation> {
        self.translations
            .entries
            .iter()
            .find(|t| t.id == id && t.lang == lang)
    }

    /// The translation of contact `id`'s description into `lang`, if there is one.
    #[must_use]
    pub fn contact_translation(&self, id: &str, lang: &str) -> Option<&ContactTranslation> {
        self.translations
            .contacts
            .iter()
            .find(|t| t.id == id && t.lang == lang)
    }

    /// The French card of entry `id`, if it has one.
    #[must_use]
    pub fn french_card(&self, id: &str) -> Option<&FrenchCard> {
        self.translations.cards.iter().find(|c| c.id == id)
    }

    /// The languages entry or contact `id` can be read in: French first, then its translations
    /// in the order of [`LANGUAGES`].
    #[must_use]
    pub fn languages_of(&self, id: &str) -> Vec<&'static Language> {
        LANGUAGES
            .iter()
            .filter(|l| {
                l.code == "fr"
                    || self.translation(id, l.code).is_some()
                    || self.contact_translation(id, l.code).is_some()
            })
            .collect()
    }

    /// The languages at least one entry is translated into (French first).
    #[must_use]
    pub fn languages(&self) -> Vec<&'static Language> {
        LANGUAGES
            .iter()
            .filter(|l| {
                l.code == "fr" || self.translations.entries.iter().any(|t| t.lang == l.code)
            })
            .collect()
    }
}

/// The line `relais check` prints about translations: per language, the entries and contacts
/// translated, how many are machine translations and how many may be out of date. `None` when
/// the data has no translation.
#[must_use]
pub fn summary(kb: &KnowledgeBase) -> Option<String> {
    let t = &kb.translations;
    if t.entries.is_empty() && t.contacts.is_empty() {
        return None;
    }
    let parts: Vec<String> = LANGUAGES
        .iter()
        .filter(|l| l.code != "fr")
        .filter_map(|l| {
            let entries: Vec<&Provenance> = t
                .entries
                .iter()
                .filter(|e| e.lang == l.code)
                .map(|e| &e.provenance)
                .collect();
            let contacts: Vec<&Provenance> = t
                .contacts
                .iter()
                .filter(|c| c.lang == l.code)
                .map(|c| &c.provenance)
                .collect();
            let all = || entries.iter().chain(&contacts);
            (!entries.is_empty() || !contacts.is_empty()).then(|| {
                let machine = all().filter(|p| p.status == Status::Machine).count();
                let stale = all().filter(|p| p.stale).count();
                format!(
                    "{} {} entrée(s) et {} contact(s), {machine} automatique(s), {stale} \
                     peut-être dépassée(s)",
                    l.french,
                    entries.len(),
                    contacts.len()
                )
            })
        })
        .collect();
    Some(format!(
        "Traductions ({} carte(s) française(s)) : {}",
        t.cards.len(),
        parts.join(" ; ")
    ))
}

/// The language folder of a translation file, whose name is `name` and text `text`:
/// `Some("ar")` for `…/i18n/ar/entries.yaml`, `Some("")` for a translation (a file with a
/// top-level `lang:`) outside a language's folder, which is an error. `None` for any other data
/// file, so that a data folder that happens to be called `i18n` still reads as data.
#[must_use]
pub fn translation_folder<'a>(name: &'a str, text: &str) -> Option<&'a str> {
    let mut parts = name.rsplit(['/', '\\']);
    let _file = parts.next()?;
    let parent = parts.next();
    let under_i18n = parts.next() == Some("i18n");
    let known = parent.is_some_and(|p| LANGUAGES.iter().any(|l| l.code == p));
    let declares = text.lines().any(|l| {
        l.strip_prefix("lang:")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    });
    match (under_i18n, known || declares) {
        (true, true) => parent,
        (false, _) if declares => Some(""),
        _ => None,
    }
}

/// True when the character at byte `at` of `text` is a zero-width non-joiner (U+200C) between
/// two letters of the Arabic script: part of the spelling in Dari, Farsi and Pashto (« می‌خواهد »),
/// not a hidden character.
#[must_use]
pub fn is_orthographic_joiner(text: &str, at: usize) -> bool {
    let arabic = |c: char| ('\u{600}'..='\u{6FF}').contains(&c) && c.is_alphabetic();
    text[at..].starts_with('\u{200C}')
        && text[..at].chars().next_back().is_some_and(arabic)
        && text[at + 3..].chars().next().is_some_and(arabic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_files_are_found_by_their_folder_or_their_lang_key() {
        let lang = "lang: ar\nentries: []\n";
        let data = "entries: []\n";
        assert_eq!(
            translation_folder("data/i18n/ar/entries.yaml", lang),
            Some("ar")
        );
        assert_eq!(
            translation_folder("data/i18n/ar/entries.yaml", data),
            Some("ar")
        );
        assert_eq!(translation_folder("/x/i18n/xx/c.yaml", lang), Some("xx"));
        assert_eq!(translation_folder("/x/i18n/xx/c.yaml", data), None);
        assert_eq!(
            translation_folder("C:\\d\\i18n\\en\\c.yaml", lang),
            Some("en")
        );
        assert_eq!(translation_folder("/x/i18n/entries.yaml", lang), Some(""));
        assert_eq!(translation_folder("/x/faq/entries.yaml", lang), Some(""));
        assert_eq!(translation_folder("/x/i18n/base.yaml", data), None);
        assert_eq!(translation_folder("/x/i18n/faq/sante.yaml", data), None);
        assert_eq!(
            translation_folder("data/faq/sante.yaml", "language: x\n"),
            None
        );
    }

    #[test]
    fn languages_are_found_by_code_and_arabic_reads_right_to_left() {
        assert_eq!(language(" AR ").map(|l| l.direction), Some(Direction::Rtl));
        assert_eq!(language("en").map(|l| l.native), Some("English"));
        assert!(language("de").is_none());
        assert_eq!(known_codes(), "fr, en, ar, prs, ps, ti");
    }

    #[test]
    fn a_non_joiner_is_spelling_between_arabic_letters_only() {
        let dari = "می\u{200C}خواهد";
        assert!(is_orthographic_joiner(
            dari,
            dari.find('\u{200C}').expect("a joiner")
        ));
        let french = "mot\u{200C}caché";
        assert!(!is_orthographic_joiner(french, 3));
        let edge = "\u{200C}می";
        assert!(!is_orthographic_joiner(edge, 0));
    }
}
