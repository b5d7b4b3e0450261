//! Each kind of record: categories, entries, contacts, decks, the `meta` section and synonym
//! groups, and the knowledge base built from them once every file parsed.

use std::collections::HashMap;

use crate::kb::raw::Spanned;
use jiff::civil::Date;

use crate::kb::raw::{RawCategory, RawDeck, RawEntry, RawFile, RawMeta, Text};
use crate::kb::text::did_you_mean;
use crate::kb::{Audience, Category, Deck, Entry, KnowledgeBase, Meta, is_older_than_limit};

use super::references::{Defined, Refs};
use super::{Checker, hint};

impl Checker<'_> {
    pub(super) fn build(&mut self, parsed: Vec<(usize, RawFile)>) -> KnowledgeBase {
        let mut metas = Vec::new();
        let (mut cats, mut entries, mut contacts, mut decks, mut synonyms) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut families, mut colloquial) = (Vec::new(), Vec::new());
        for (file, raw) in parsed {
            metas.extend(raw.meta.map(|m| (file, m)));
            cats.extend(raw.categories.into_iter().map(|c| (file, c)));
            entries.extend(raw.entries.into_iter().map(|e| (file, e)));
            contacts.extend(raw.contacts.into_iter().map(|c| (file, c)));
            decks.extend(raw.decks.into_iter().map(|d| (file, d)));
            synonyms.extend(raw.synonyms.into_iter().map(|s| (file, s)));
            families.extend(raw.families.into_iter().map(|s| (file, s)));
            colloquial.extend(raw.colloquial.into_iter().map(|s| (file, s)));
        }
        let categories = self.categories(&cats);
        let ids = self.defined_ids(&entries, &contacts, &decks);
        let refs = Refs {
            ids: &ids,
            categories: &categories,
        };
        let built: Vec<Entry> = entries
            .iter()
            .map(|(f, e)| self.entry(*f, e, &refs))
            .collect();
        let contacts = contacts.iter().map(|(f, c)| self.contact(*f, c)).collect();
        let decks: Vec<Deck> = decks.iter().map(|(f, d)| self.deck(*f, d, &refs)).collect();
        let meta = self.meta(&metas, &refs);
        self.missing_slides(&entries, &built, &decks);
        let entries = built;
        let synonyms = synonyms
            .iter()
            .filter_map(|(f, group)| self.synonym_group(*f, group))
            .collect();
        let families = self.families(&families);
        let colloquial = self.colloquial(&colloquial);
        KnowledgeBase {
            meta,
            categories,
            entries,
            contacts,
            decks,
            synonyms,
            families,
            colloquial,
            translations: crate::kb::i18n::Translations::default(),
        }
    }

    fn categories(&mut self, raw: &[(usize, RawCategory)]) -> Vec<Category> {
        let mut seen: HashMap<String, Defined> = HashMap::new();
        let mut out = Vec::new();
        for (file, c) in raw {
            let id = self.id(*file, &c.id);
            let here = Defined::at("catégorie", *file, &c.id);
            if let Some(first) = seen.get(&id).copied() {
                self.report_duplicate(&id, first, here);
                continue;
            }
            seen.insert(id.clone(), here);
            out.push(Category {
                id,
                title: self.text(*file, "title", &c.title, true),
                description: self.opt_text(*file, "description", c.description.as_ref()),
            });
        }
        out
    }

    fn entry(&mut self, file: usize, e: &RawEntry, refs: &Refs<'_>) -> Entry {
        let id = e.id.value.trim().to_owned();
        let category = e.category.value.trim().to_owned();
        if refs.category(&category).is_none() && !self.unread_ids.contains(&category) {
            let hint = hint(did_you_mean(
                &category,
                refs.categories.iter().map(|c| c.id.as_str()),
            ));
            self.error_at(
                file,
                &e.category.referenced,
                format!(
                    "catégorie inconnue « {category} »{hint}",
                    category = crate::kb::text::quotable(&category)
                ),
            );
        }
        let audience = e
            .audience
            .iter()
            .filter_map(|a| self.audience(file, a))
            .collect();
        if e.sources.is_empty() {
            self.error_at(file, &e.id.referenced, format!(
                "l'entrée « {id} » n'a aucune source : ajoutez au moins une source (title, url, date)"
            ));
        }
        let answer = self.text(file, "answer", &e.answer, true);
        self.check_links(file, &e.answer, &answer, refs);
        self.answer_links(file, &e.answer, &answer);
        self.related_slips(file, &id, &e.related);
        let reviewed = self
            .date(file, "reviewed", &e.reviewed)
            .unwrap_or(Date::MIN);
        if reviewed != Date::MIN && is_older_than_limit(reviewed, self.today) {
            self.warn_at(file, &e.reviewed.referenced, format!(
                "l'entrée « {id} » n'a pas été relue depuis plus de {} mois (reviewed: {reviewed}) : vérifiez-la contre ses sources",
                crate::kb::STALE_AFTER_MONTHS
            ));
        }
        let slide = self.slide_points(file, &id, e.slide.as_ref());
        let sources = self.sources(file, &e.sources);
        Entry {
            title: self.text(file, "title", &e.title, true),
            ask: self.ask(file, &e.ask),
            summary: self.text(file, "summary", &e.summary, true),
            keywords: e
                .keywords
                .iter()
                .map(|k| self.text(file, "keywords", k, true))
                .collect(),
            related: self.refs(file, "related", &e.related, refs, "entrée"),
            contacts: self.refs(file, "contacts", &e.contacts, refs, "contact"),
            sources,
            id,
            category,
            audience,
            slide,
            notes: self.opt_text(file, "notes", e.notes.as_ref()),
            answer,
            reviewed,
        }
    }

    fn audience(&mut self, file: usize, t: &Text) -> Option<Audience> {
        let value = t.value.trim();
        let found = Audience::ALL
            .iter()
            .find(|(name, _)| *name == value)
            .map(|(_, a)| *a);
        if found.is_none() {
            let hint = hint(did_you_mean(value, Audience::ALL.iter().map(|(n, _)| *n)));
            self.error_at(file, &t.referenced, format!(
                "public inconnu « {value} »{hint} (valeurs possibles : aidants, migrants, formateurs)", value = crate::kb::text::quotable(value)
            ));
        }
        found
    }

    fn deck(&mut self, file: usize, d: &RawDeck, refs: &Refs<'_>) -> Deck {
        let id = d.id.value.trim().to_owned();
        if d.slides.is_empty() {
            self.error_at(
                file,
                &d.id.referenced,
                format!("la présentation « {id} » n'a aucune diapositive (slides)"),
            );
        }
        Deck {
            title: self.text(file, "title", &d.title, true),
            description: self.opt_text(file, "description", d.description.as_ref()),
            slides: self.refs(file, "slides", &d.slides, refs, "entrée"),
            duration: d.duration.as_ref().and_then(|m| self.duration(file, m)),
            title_slide: d.title_slide.unwrap_or(true),
            agenda: d.agenda.unwrap_or(true),
            closing: d.closing.unwrap_or(true),
            id,
        }
    }

    fn meta(&mut self, metas: &[(usize, Spanned<RawMeta>)], refs: &Refs<'_>) -> Meta {
        for (file, extra) in metas.iter().skip(1) {
            let (first_file, first) = &metas[0];
            let first = format!(
                "{}:{}",
                self.files[*first_file].name,
                first.referenced.line()
            );
            self.error_at(
                *file,
                &extra.referenced,
                format!("section « meta » en double (déjà dans {first})"),
            );
        }
        let Some((file, m)) = metas.first() else {
            return Meta::default();
        };
        let (file, m) = (*file, &m.value);
        Meta {
            title: self.opt_text(file, "title", m.title.as_ref()),
            version: self.opt_text(file, "version", m.version.as_ref()),
            date: m.date.as_ref().and_then(|d| self.date(file, "date", d)),
            publisher: self.opt_text(file, "publisher", m.publisher.as_ref()),
            fallback_contacts: self.refs(
                file,
                "fallback_contacts",
                &m.fallback_contacts,
                refs,
                "contact",
            ),
            trusted_keys: m
                .trusted_keys
                .iter()
                .filter_map(|k| self.public_key(file, k))
                .collect(),
            unsigned: false,
        }
    }

    /// A key of `meta.trusted_keys`: the base64 line of a minisign public key.
    fn public_key(&mut self, file: usize, key: &Text) -> Option<String> {
        match crate::kb::trust::PublicKey::parse(&key.value) {
            Ok(k) if k.base64 == key.value.trim() => Some(k.base64),
            _ => {
                self.error_at(
                    file,
                    &key.referenced,
                    "clé de confiance invalide : attendu la deuxième ligne d'un fichier .pub de \
                     minisign (56 caractères base64)"
                        .to_owned(),
                );
                None
            }
        }
    }

    fn synonym_group(&mut self, file: usize, group: &Spanned<Vec<Text>>) -> Option<Vec<String>> {
        let words: Vec<String> = group
            .value
            .iter()
            .map(|w| self.text(file, "synonyms", w, true))
            .collect();
        if words.len() < 2 {
            self.error_at(
                file,
                &group.referenced,
                "un groupe de synonymes doit contenir au moins deux mots".to_owned(),
            );
            return None;
        }
        Some(words)
    }
}
