//! Serde mirror of the YAML files, field for field. No rules live here: every check is in
//! [`super::validate`]. `Spanned` keeps each value's line and column so that semantic errors can
//! point at the exact place in the file.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// A spanned string, the building block of every text field.
pub type Text = Spanned<String>;

/// One YAML file. Every section is optional so a knowledge base can be split across files.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub meta: Option<Spanned<RawMeta>>,
    #[serde(default)]
    pub categories: Vec<RawCategory>,
    #[serde(default)]
    pub entries: Vec<RawEntry>,
    #[serde(default)]
    pub contacts: Vec<RawContact>,
    #[serde(default)]
    pub decks: Vec<RawDeck>,
    #[serde(default)]
    pub synonyms: Vec<Spanned<Vec<Text>>>,
    /// Derivational families no stemmer joins (`scolarité`, `scolarisation`).
    #[serde(default)]
    pub families: Vec<Spanned<Vec<Text>>>,
    /// Colloquial and SMS forms: `[form, words]` pairs (`[jpeu, je peux]`).
    #[serde(default)]
    pub colloquial: Vec<Spanned<Vec<Text>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub title: Option<Text>,
    pub version: Option<Text>,
    pub date: Option<Text>,
    pub publisher: Option<Text>,
    #[serde(default)]
    pub fallback_contacts: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    pub id: Text,
    pub title: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub id: Text,
    pub title: Text,
    /// Other ways people ask the question, searched like a second title.
    #[serde(default)]
    pub ask: Vec<Text>,
    pub category: Text,
    #[serde(default)]
    pub audience: Vec<Text>,
    pub summary: Text,
    pub answer: Text,
    #[serde(default)]
    pub keywords: Vec<Text>,
    #[serde(default)]
    pub related: Vec<Text>,
    #[serde(default)]
    pub contacts: Vec<Text>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    pub reviewed: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: Text,
    pub url: Option<Text>,
    pub date: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub ask: Vec<Text>,
    pub description: Text,
    pub region: Text,
    #[serde(default)]
    pub topics: Vec<Text>,
    #[serde(default)]
    pub phone: Vec<Text>,
    pub email: Option<Text>,
    pub website: Option<Text>,
    pub address: Option<Text>,
    pub hours: Option<Text>,
    pub notes: Option<Text>,
    pub verified: Option<Text>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeck {
    pub id: Text,
    pub title: Text,
    pub description: Option<Text>,
    #[serde(default)]
    pub slides: Vec<Text>,
}
