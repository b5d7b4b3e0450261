//! Translation files (`i18n/<code>/*.yaml`): their language, their records and how each was
//! made. What a translation may say — its numbers, addresses and links — is checked in
//! `i18n_facts`. Translation files are read after the French data is built, since every rule
//! compares with it.

use std::collections::HashSet;

use jiff::civil::Date;

use crate::kb::i18n::raw::RawTranslationFile;
use crate::kb::i18n::{self, ContactTranslation, FrenchCard, Translation, Translations};
use crate::kb::raw::Text;
use crate::kb::text::{did_you_mean, normalize};
use crate::kb::{KnowledgeBase, Severity, SourceFile};

use super::i18n_facts::Memo;
use super::parse::{located, yaml_options};
use super::{Checker, hint};

/// A translation file that parsed, with its language folder.
pub(super) struct Parsed {
    file: usize,
    folder: String,
    raw: RawTranslationFile,
}

impl Checker<'_> {
    /// Reads translation file `index` (in folder `folder`); its problems are reported.
    pub(super) fn parse_translation(
        &mut self,
        index: usize,
        file: &SourceFile,
        folder: &str,
    ) -> Option<Parsed> {
        if self.keep_text(index, file) {
            let message = "fichier de traduction vide : il doit contenir « lang: » et une \
                           section entries ou contacts"
                .to_owned();
            self.push(Severity::Error, index, 0, 0, message);
            return None;
        }
        let text = &self.texts[index];
        match serde_saphyr::from_str_with_options::<RawTranslationFile>(text, yaml_options()) {
            Ok(raw) => Some(Parsed {
                file: index,
                folder: folder.to_owned(),
                raw,
            }),
            Err(err) => {
                let problem = located(text, &err);
                self.push(
                    Severity::Error,
                    index,
                    problem.line,
                    problem.col,
                    problem.message,
                );
                None
            }
        }
    }

    /// Checks every parsed translation file against the French knowledge base `kb`.
    pub(super) fn translations(&mut self, parsed: &[Parsed], kb: &KnowledgeBase) -> Translations {
        let mut out = Translations::default();
        // French cards first: the translated cards are compared with them.
        let (french, others): (Vec<&Parsed>, Vec<&Parsed>) =
            parsed.iter().partition(|p| p.folder == "fr");
        let mut seen = HashSet::new();
        // What each entry's translations may contain, computed once for all its languages.
        let mut memo = Memo::default();
        for p in french {
            if self.language_of(p) {
                self.french_cards(p, (kb, &mut memo), &mut seen, &mut out.cards);
            }
        }
        for p in others {
            if !self.language_of(p) {
                continue;
            }
            for raw in &p.raw.entries {
                let context = (kb, out.cards.as_slice(), &mut memo);
                if let Some(t) = self.entry_translation(p.file, &p.folder, raw, context)
                    && self.first(p.file, &raw.id, &t.lang, &mut seen)
                {
                    out.entries.push(t);
                }
            }
            for raw in &p.raw.contacts {
                if let Some(t) = self.contact_translation(p.file, &p.folder, raw, (kb, &mut memo))
                    && self.first(p.file, &raw.id, &t.lang, &mut seen)
                {
                    out.contacts.push(t);
                }
            }
        }
        out
    }

    /// True when the file's folder is a known language and its `lang:` says the same.
    fn language_of(&mut self, p: &Parsed) -> bool {
        let codes = i18n::known_codes();
        if p.folder.is_empty() {
            let message = format!(
                "fichier de traduction hors d'un dossier de langue : placez-le dans \
                 i18n/<code>/ (codes connus : {codes})"
            );
            self.push(Severity::Error, p.file, 0, 0, message);
            return false;
        }
        if i18n::language(&p.folder).is_none_or(|l| l.code != p.folder) {
            let message = format!(
                "langue inconnue « {} » (le dossier i18n/{}/) : codes connus : {codes} ; \
                 renommez le dossier, ou demandez qu'on ajoute la langue à relais",
                p.folder, p.folder
            );
            self.push(Severity::Error, p.file, 0, 0, message);
            return false;
        }
        match &p.raw.lang {
            None => {
                let message = format!(
                    "il manque « lang: {} » en tête du fichier de traduction",
                    p.folder
                );
                self.push(Severity::Error, p.file, 1, 1, message);
                false
            }
            Some(lang) if lang.value.trim() != p.folder => {
                let message = format!(
                    "« lang: {} » ne correspond pas au dossier i18n/{}/ : écrivez « lang: {} » \
                     ou déplacez le fichier",
                    lang.value.trim(),
                    p.folder,
                    p.folder
                );
                self.error_at(p.file, &lang.referenced, message);
                false
            }
            Some(_) => true,
        }
    }

    /// False (and an error) when `id` was already translated into `lang`.
    fn first(&mut self, file: usize, id: &Text, lang: &str, seen: &mut HashSet<String>) -> bool {
        let key = format!("{lang}/{}", id.value.trim());
        if seen.insert(key) {
            return true;
        }
        let message = format!(
            "« {} » est traduit deux fois en {lang} : gardez une seule traduction",
            id.value.trim()
        );
        self.error_at(file, &id.referenced, message);
        false
    }

    fn french_cards(
        &mut self,
        p: &Parsed,
        (kb, memo): (&KnowledgeBase, &mut Memo),
        seen: &mut HashSet<String>,
        out: &mut Vec<FrenchCard>,
    ) {
        if let Some(first) = p.raw.contacts.first() {
            let message = "les descriptions françaises des contacts sont dans contacts.yaml, pas \
                           dans i18n/fr/ : retirez cette section"
                .to_owned();
            self.error_at(p.file, &first.id.referenced, message);
        }
        for raw in &p.raw.entries {
            let id = raw.id.value.trim();
            let Some(entry) = self.translated_entry(p.file, &raw.id, kb) else {
                continue;
            };
            let extra = [
                ("status", raw.status.as_ref()),
                ("reviewed", raw.reviewed.as_ref()),
                ("by", raw.by.as_ref()),
                ("title", raw.title.as_ref()),
                ("summary", raw.summary.as_ref()),
                ("answer", raw.answer.as_ref()),
                ("ask", raw.ask.first()),
            ];
            for (key, value) in extra {
                if let Some(value) = value {
                    let message = format!(
                        "« {key} » n'a pas sa place dans i18n/fr/ : la carte française ne porte \
                         que id, date et card (le reste est dans l'entrée « {id} »)"
                    );
                    self.error_at(p.file, &value.referenced, message);
                }
            }
            let date = self.required_date(p.file, &raw.id, raw.date.as_ref());
            let Some(card) = self.required_text(p.file, &raw.id, "card", raw.card.as_ref()) else {
                continue;
            };
            if let Some(t) = &raw.card {
                let mut allowed = memo.entry_facts(entry, kb, None);
                self.check_facts(p.file, t, &card, &allowed, id);
                allowed.add_text(&card);
                memo.entries.insert(id.to_owned(), allowed);
            }
            let stale = date.is_some_and(|d| d < entry.reviewed);
            if stale && let Some(at) = &raw.date {
                let message = format!(
                    "carte française peut-être dépassée : écrite le {}, avant la dernière \
                     relecture de l'entrée « {id} » (reviewed: {}) ; relisez-la contre \
                     l'entrée puis mettez « date: » à jour",
                    at.value.trim(),
                    entry.reviewed
                );
                self.warn_at(p.file, &at.referenced, message);
            }
            if self.first(p.file, &raw.id, "fr", seen) {
                out.push(FrenchCard {
                    id: id.to_owned(),
                    date: date.unwrap_or(Date::MIN),
                    card,
                    stale,
                });
            }
        }
    }

    fn entry_translation(
        &mut self,
        file: usize,
        lang: &str,
        raw: &crate::kb::i18n::raw::RawEntryTranslation,
        (kb, cards, memo): (&KnowledgeBase, &[FrenchCard], &mut Memo),
    ) -> Option<Translation> {
        let entry = self.translated_entry(file, &raw.id, kb)?;
        let id = entry.id.clone();
        if let Some(answer) = &raw.answer {
            let message = "« answer » reste en français : la réponse longue n'est pas traduite \
                           (traduisez title, summary et card)"
                .to_owned();
            self.error_at(file, &answer.referenced, message);
        }
        let french_card = cards.iter().find(|c| c.id == id);
        let since = french_card.map_or(entry.reviewed, |c| c.date.max(entry.reviewed));
        let provenance = self.provenance(file, raw.provenance(), since, &id);
        let title = self.required_text(file, &raw.id, "title", raw.title.as_ref());
        let summary = self.required_text(file, &raw.id, "summary", raw.summary.as_ref());
        let card = raw.card.as_ref().map(|t| self.text(file, "card", t, true));
        let ask = self.ask(file, &raw.ask);
        if !memo.entries.contains_key(&id) {
            let allowed = memo.entry_facts(entry, kb, french_card.map(|c| c.card.as_str()));
            memo.entries.insert(id.clone(), allowed);
        }
        let allowed = &memo.entries[&id];
        let texts = [
            (raw.title.as_ref(), title.as_deref()),
            (raw.summary.as_ref(), summary.as_deref()),
            (raw.card.as_ref(), card.as_deref()),
        ];
        let mut card_facts = Vec::new();
        for (t, value) in texts {
            if let (Some(t), Some(value)) = (t, value) {
                card_facts = self.check_facts(file, t, value, allowed, &id);
            }
        }
        for t in &raw.ask {
            self.check_facts(file, t, &normalize(&t.value), allowed, &id);
        }
        if let (Some(t), Some(_), Some(french)) = (&raw.card, &card, french_card) {
            let needed = memo
                .needed
                .entry(id.clone())
                .or_insert_with(|| super::i18n_facts::needed(&french.card));
            self.missing_numbers(file, t, &card_facts, needed, &id);
        }
        Some(Translation {
            id,
            lang: lang.to_owned(),
            title: title?,
            summary: summary?,
            ask,
            card,
            provenance: provenance?,
        })
    }

    fn contact_translation(
        &mut self,
        file: usize,
        lang: &str,
        raw: &crate::kb::i18n::raw::RawContactTranslation,
        (kb, memo): (&KnowledgeBase, &mut Memo),
    ) -> Option<ContactTranslation> {
        let id = raw.id.value.trim();
        let Some(contact) = kb.contact(id) else {
            let what = if kb.entry(id).is_some() {
                " : c'est une entrée, à traduire dans la section entries".to_owned()
            } else {
                hint(did_you_mean(id, kb.contacts.iter().map(|c| c.id.as_str())))
            };
            let message = format!(
                "contact inconnu « {id} »{what}",
                id = crate::kb::text::quotable(id)
            );
            self.error_at(file, &raw.id.referenced, message);
            return None;
        };
        let since = contact.verified.unwrap_or(Date::MIN);
        let provenance = self.provenance(file, raw.provenance(), since, id);
        let description =
            self.required_text(file, &raw.id, "description", raw.description.as_ref());
        let ask = self.ask(file, &raw.ask);
        let (provenance, description) = (provenance?, description?);
        let allowed = memo.contact_facts(contact);
        if let Some(t) = &raw.description {
            self.check_facts(file, t, &description, &allowed, id);
        }
        for t in &raw.ask {
            self.check_facts(file, t, &normalize(&t.value), &allowed, id);
        }
        Some(ContactTranslation {
            id: id.to_owned(),
            lang: lang.to_owned(),
            ask,
            description,
            provenance,
        })
    }

    /// The French entry a translation names, or an error.
    fn translated_entry<'k>(
        &mut self,
        file: usize,
        id: &Text,
        kb: &'k KnowledgeBase,
    ) -> Option<&'k crate::kb::Entry> {
        let value = id.value.trim();
        let entry = kb.entry(value);
        if entry.is_none() {
            let what = if kb.contact(value).is_some() {
                " : c'est un contact, à traduire dans la section contacts".to_owned()
            } else {
                hint(did_you_mean(
                    value,
                    kb.entries.iter().map(|e| e.id.as_str()),
                ))
            };
            let message = format!(
                "entrée inconnue « {value} »{what}",
                value = crate::kb::text::quotable(value)
            );
            self.error_at(file, &id.referenced, message);
        }
        entry
    }
}
