//! Languages in the interface (issue 17): the reader's language (F4 cycles the open item's
//! languages, then back to French), the filter « pour la personne aidée » (F6: the entries
//! meant for the people helped, `audience: migrants`, and their contacts), and « montrer à la
//! personne » (F7: the card full screen, big and simple, with the contact's number and its QR
//! code).

use super::reader::no_translation;
use super::{App, QrView};
use crate::kb::i18n::{Language, language};
use crate::kb::{Audience, Item, KnowledgeBase};
use crate::search::Kind;

/// What « montrer à la personne » shows: the item, and the QR code of its contact's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShowView {
    pub id: String,
    /// The contact whose number is shown (the item itself, or the entry's first contact with a
    /// phone number).
    pub contact: Option<String>,
    pub qr: Option<QrView>,
    /// Sentences of the card scrolled past (↓ ↑).
    pub scroll: usize,
}

/// What the person is shown: title, sentences, and the notices, in the chosen language when
/// the item has it.
pub struct Card {
    pub lang: &'static Language,
    pub notices: Vec<String>,
    pub title: String,
    pub sentences: Vec<String>,
}

fn card(kb: &KnowledgeBase, id: &str, lang: &'static Language) -> Card {
    let mut notices = Vec::new();
    let sentences = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let foreign = lang.code != "fr";
    match kb.item(id) {
        Some(Item::Entry(e)) => {
            if let Some(t) = kb.translation(id, lang.code).filter(|_| foreign) {
                let (own, french) = t.provenance.notices(lang);
                notices.extend([own, french]);
                return Card {
                    lang,
                    notices,
                    title: t.title.clone(),
                    sentences: sentences(t.card.as_deref().unwrap_or(&t.summary)),
                };
            }
            if foreign {
                notices.push(no_translation(lang));
            }
            let text = kb
                .french_card(id)
                .map_or(e.summary.as_str(), |c| c.card.as_str());
            Card {
                lang: &crate::kb::i18n::LANGUAGES[0],
                notices,
                title: e.title.clone(),
                sentences: sentences(text),
            }
        }
        Some(Item::Contact(c)) => {
            let t = kb.contact_translation(id, lang.code).filter(|_| foreign);
            if let Some(t) = t {
                let (own, french) = t.provenance.notices(lang);
                notices.extend([own, french]);
            } else if foreign {
                notices.push(no_translation(lang));
            }
            Card {
                lang: if t.is_some() {
                    lang
                } else {
                    &crate::kb::i18n::LANGUAGES[0]
                },
                notices,
                title: c.name.clone(),
                sentences: sentences(t.map_or(c.description.as_str(), |t| &t.description)),
            }
        }
        _ => Card {
            lang,
            notices,
            title: String::new(),
            sentences: Vec::new(),
        },
    }
}

impl App {
    /// The language of the reader, as relais knows it.
    #[must_use]
    pub fn reader_language(&self) -> &'static crate::kb::i18n::Language {
        language(self.lang).unwrap_or(&crate::kb::i18n::LANGUAGES[0])
    }

    /// The codes of the languages other than French the item can be read in (« en ar »).
    #[must_use]
    pub fn language_marks(&self, id: &str) -> Vec<&'static str> {
        self.languages_of(id)
            .iter()
            .map(|l| l.code)
            .filter(|c| *c != "fr")
            .collect()
    }

    pub(super) fn cycle_language(&mut self) {
        let Some(id) = self
            .show
            .as_ref()
            .map(|s| s.id.clone())
            .or(self.open.clone())
        else {
            self.status =
                Some("Ouvrez une fiche pour la lire dans une autre langue (F4).".to_owned());
            return;
        };
        let langs = self.languages_of(&id);
        if langs.len() <= 1 {
            self.lang = "fr";
            self.status = Some("Cette fiche n'existe qu'en français.".to_owned());
        } else {
            let at = langs.iter().position(|l| l.code == self.lang);
            let next = at.map_or(1, |i| (i + 1) % langs.len());
            self.lang = langs[next].code;
            let l = langs[next];
            self.status = Some(if l.code == "fr" {
                "Langue : français · F4 suivante".to_owned()
            } else {
                format!("Langue : {} — {} · F4 suivante", l.french, l.native)
            });
        }
        self.scroll = 0;
        self.rebuild_doc();
    }

    /// True for an entry meant for the people helped, or a contact such an entry names.
    #[must_use]
    pub fn meant_for_person(&self, kind: Kind, id: &str) -> bool {
        let for_migrants = |e: &crate::kb::Entry| e.audience.contains(&Audience::Migrants);
        match kind {
            Kind::Faq => self.kb.entry(id).is_some_and(for_migrants),
            Kind::Contact => self
                .kb
                .entries
                .iter()
                .any(|e| for_migrants(e) && e.contacts.iter().any(|c| c == id)),
        }
    }

    pub(super) fn toggle_for_person(&mut self) {
        self.for_person = !self.for_person;
        self.status = Some(if self.for_person {
            "Filtre : pour la personne aidée (F6 pour tout revoir)".to_owned()
        } else {
            "Filtre « pour la personne aidée » retiré".to_owned()
        });
        let status = self.status.take();
        self.refresh_rows();
        self.status = status;
    }

    /// The contact « montrer » gives the number of: the item itself, or the entry's first
    /// contact with a phone number.
    fn contact_to_show(&self, id: &str) -> Option<&crate::kb::Contact> {
        match self.kb.item(id)? {
            Item::Contact(c) => Some(c),
            Item::Entry(e) => e
                .contacts
                .iter()
                .filter_map(|c| self.kb.contact(c))
                .find(|c| !c.phone.is_empty()),
            Item::Deck(_) => None,
        }
    }

    pub(super) fn toggle_show(&mut self) {
        if self.show.take().is_some() {
            return;
        }
        let id = match self.focus {
            super::Focus::Reader => self.open.clone(),
            _ => self
                .rows
                .get(self.selected)
                .map(|r| r.id.clone())
                .or_else(|| self.open.clone()),
        };
        let Some(id) = id.filter(|id| self.kb.item(id).is_some()) else {
            self.status = Some("Ouvrez ou sélectionnez une fiche pour la montrer (F7).".to_owned());
            return;
        };
        let contact = self.contact_to_show(&id);
        let qr = contact.and_then(|c| {
            let phone = c.phone.first()?;
            let lines = crate::render::qr::lines(&crate::render::qr::tel_uri(phone)).ok()?;
            Some(QrView {
                lines,
                caption: format!("Tél. {phone}"),
            })
        });
        self.show = Some(ShowView {
            contact: contact.map(|c| c.id.clone()),
            id,
            qr,
            scroll: 0,
        });
    }

    /// What « montrer à la personne » shows for `view`, in the reader's language.
    #[must_use]
    pub fn show_card(&self, view: &ShowView) -> Card {
        card(&self.kb, &view.id, self.reader_language())
    }

    /// Scrolls « montrer à la personne » by whole sentences.
    pub(super) fn show_scroll(&mut self, delta: isize) {
        let Some(view) = self.show.as_ref() else {
            return;
        };
        let last = self.show_card(view).sentences.len().saturating_sub(1);
        if let Some(view) = self.show.as_mut() {
            view.scroll = view.scroll.saturating_add_signed(delta).min(last);
        }
    }
}
