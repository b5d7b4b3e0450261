//! Serde mirror of the YAML files, field for field. No rules live here: every check is in
//! [`super::validate`]. `Spanned` keeps each value's line and column so that semantic errors can
//! point at the exact place in the file.
//!
//! The same types describe the format to editors: `relais schema` derives its JSON Schema from
//! them (`schemars`, at build time: [`data_schema`]), so a field added here appears there
//! without another copy to keep.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};
use serde_saphyr::Location;

/// The root JSON Schema of the data files as derived from these types (draft 7). The binary
/// does not call it: `build.rs` of relais does, and `relais schema` embeds the result.
#[must_use]
pub fn data_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator.into_root_schema_for::<RawFile>().to_value()
}

/// A spanned string, the building block of every text field.
pub type Text = Spanned<String>;

/// A value with the place where it was written: serde-saphyr's `Spanned`, read through it, that
/// describes itself in the JSON Schema as the value alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    /// Where the value is used (an alias's place for an aliased value).
    pub referenced: Location,
    /// Where the value is written.
    pub defined: Location,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let inner = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Self {
            value: inner.value,
            referenced: inner.referenced,
            defined: inner.defined,
        })
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        generator.subschema_for::<T>()
    }
}

/// One YAML file. Every section is optional so a knowledge base can be split across files.
#[derive(Debug, Default, Deserialize, JsonSchema)]
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

impl RawFile {
    /// Adds the sections of `other` (read from another piece of the same file) to these; the
    /// first `meta` is kept.
    pub fn extend(&mut self, other: Self) {
        if self.meta.is_none() {
            self.meta = other.meta;
        }
        self.categories.extend(other.categories);
        self.entries.extend(other.entries);
        self.contacts.extend(other.contacts);
        self.decks.extend(other.decks);
        self.synonyms.extend(other.synonyms);
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub title: Option<Text>,
    pub version: Option<Text>,
    pub date: Option<Text>,
    pub publisher: Option<Text>,
    #[serde(default)]
    pub fallback_contacts: Vec<Text>,
    /// Public keys (minisign, the base64 line of a `.pub` file) whose signed packs this data
    /// trusts: a binary built with them installs those packs out of the box.
    #[serde(default)]
    pub trusted_keys: Vec<Text>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    pub id: Text,
    pub title: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Deserialize, JsonSchema)]
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
    /// The points of the entry's slide (2 to 6 short lines).
    pub slide: Option<Spanned<Vec<Text>>>,
    /// What the trainer says with the slide (the speaker view shows it).
    pub notes: Option<Text>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: Text,
    pub url: Option<Text>,
    pub date: Option<Text>,
}

#[derive(Debug, Deserialize, JsonSchema)]
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
    pub verified_by: Option<Text>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDeck {
    pub id: Text,
    pub title: Text,
    pub description: Option<Text>,
    #[serde(default)]
    pub slides: Vec<Text>,
    /// Target length of the session, in minutes.
    pub duration: Option<Spanned<i64>>,
    /// A title slide first (default yes).
    pub title_slide: Option<bool>,
    /// An agenda slide after it: the questions of the deck (default yes).
    pub agenda: Option<bool>,
    /// A closing slide: the deck's contacts (default yes).
    pub closing: Option<bool>,
}
