//! Serde mirror of a translation file (`data/i18n/<code>/*.yaml`), field for field, with the
//! place of each value. No rule lives here (see `kb::validate::i18n`).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::kb::raw::Text;

/// One translation file: its language and the entries and contacts it translates.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTranslationFile {
    pub lang: Option<Text>,
    #[serde(default)]
    pub entries: Vec<RawEntryTranslation>,
    #[serde(default)]
    pub contacts: Vec<RawContactTranslation>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEntryTranslation {
    pub id: Text,
    pub status: Option<Text>,
    pub date: Option<Text>,
    pub reviewed: Option<Text>,
    pub by: Option<Text>,
    pub title: Option<Text>,
    pub summary: Option<Text>,
    /// Other ways a person asks the question in this language, searched like a second title.
    #[serde(default)]
    #[schemars(
        description = "Autres façons de poser la question dans la langue (3 à 8), comme on la \
                       taperait : cherchées comme un second titre, pas affichées sur la fiche ; numéros, \
                       adresses et liens de l'entrée française seulement."
    )]
    pub ask: Vec<Text>,
    pub card: Option<Text>,
    /// Refused with its own message: the long answer stays French.
    #[schemars(skip)]
    pub answer: Option<Text>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContactTranslation {
    pub id: Text,
    pub status: Option<Text>,
    pub date: Option<Text>,
    pub reviewed: Option<Text>,
    pub by: Option<Text>,
    /// Other ways a person looks for the organisation in this language, searched like its name.
    #[serde(default)]
    #[schemars(
        description = "Comment on chercherait l'organisation dans la langue (ce qu'elle fait) : \
                       cherché, pas affiché sur la fiche ; numéros et adresses de la fiche française seulement."
    )]
    pub ask: Vec<Text>,
    pub description: Option<Text>,
}

impl RawEntryTranslation {
    #[must_use]
    pub fn provenance(&self) -> RawProvenanceRef<'_> {
        RawProvenanceRef {
            id: &self.id,
            status: self.status.as_ref(),
            date: self.date.as_ref(),
            reviewed: self.reviewed.as_ref(),
            by: self.by.as_ref(),
        }
    }
}

impl RawContactTranslation {
    #[must_use]
    pub fn provenance(&self) -> RawProvenanceRef<'_> {
        RawProvenanceRef {
            id: &self.id,
            status: self.status.as_ref(),
            date: self.date.as_ref(),
            reviewed: self.reviewed.as_ref(),
            by: self.by.as_ref(),
        }
    }
}

/// The provenance fields of a record, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct RawProvenanceRef<'a> {
    pub id: &'a Text,
    pub status: Option<&'a Text>,
    pub date: Option<&'a Text>,
    pub reviewed: Option<&'a Text>,
    pub by: Option<&'a Text>,
}
