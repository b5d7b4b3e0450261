//! The decoded parts of a compiled form ([`super::parts`]), each in its place, and what they
//! make once put together: the knowledge base (or its glimpse), the search index, the
//! translations.

use super::Refused;
use super::glimpse::Glimpse;
use super::parts::{Head, Part};
use crate::kb::i18n::{LanguageMarks, Translations};
use crate::kb::{Contact, Entry, KnowledgeBase};
use crate::search::lang::LangIndex;
use crate::search::{PostingsSeen, SearchIndex};

/// Decoded parts, each in its place.
#[derive(Default)]
pub(in crate::compiled) struct Slots {
    head: Option<Box<Head>>,
    index: Option<Box<SearchIndex>>,
    postings: Option<(Vec<u8>, PostingsSeen)>,
    lang: Option<Box<LangIndex>>,
    translations: Option<Box<Translations>>,
    /// The glimpse, when the form has one (the bundled form only).
    glimpse: Option<Box<Glimpse>>,
    contacts: Option<Vec<Contact>>,
    entries: Vec<Vec<Entry>>,
}

/// The knowledge base of a form (without its translations when they were not among the parts
/// decoded), how many files it was made from, and its translations' language marks.
pub(in crate::compiled) struct Front {
    pub kb: KnowledgeBase,
    pub files: usize,
    pub marks: LanguageMarks,
}

impl Slots {
    /// The parts `done`, which should be `expected` of them; the first bad part in the form's
    /// order, whichever thread met it.
    pub(in crate::compiled) fn of(
        mut done: Vec<(usize, Result<Part, Refused>)>,
        expected: usize,
    ) -> Result<Self, Refused> {
        done.sort_by_key(|(i, _)| *i);
        let got = done.len();
        let mut slots = Self::default();
        for (_, part) in done {
            match part? {
                Part::Head(h) => slots.head = Some(h),
                Part::Index(i) => slots.index = Some(i),
                Part::Postings(p, seen) => slots.postings = Some((p, seen)),
                Part::Lang(l) => slots.lang = Some(l),
                Part::Translations(t) => slots.translations = Some(t),
                Part::Glimpse(g) => slots.glimpse = g,
                Part::Contacts(c) => slots.contacts = Some(c),
                Part::Entries(e) => slots.entries.push(e),
            }
        }
        if got == expected {
            Ok(slots)
        } else {
            Err(Refused::Truncated)
        }
    }

    /// The knowledge base (the head, the contacts and the entries, in order; the translations if they were
    /// decoded too).
    pub(in crate::compiled) fn front(&mut self) -> Result<Front, Refused> {
        let entries = self.entries();
        let contacts = self.contacts()?;
        self.with_items(entries, contacts)
    }

    /// The knowledge base with the glimpse's items ([`Glimpse`]), for the first frame, and the
    /// positions of the entries it gives whole. Refused when the form has no glimpse (only the
    /// bundled form has one).
    pub(in crate::compiled) fn glimpse_front(&mut self) -> Result<(Front, Vec<usize>), Refused> {
        let glimpse = self.glimpse.take().ok_or(Refused::Truncated)?;
        let Glimpse {
            entries,
            whole,
            contacts,
        } = *glimpse;
        Ok((self.with_items(entries, contacts)?, whole))
    }

    fn with_items(
        &mut self,
        entries: Vec<Entry>,
        contacts: Vec<Contact>,
    ) -> Result<Front, Refused> {
        let head = self.head.take().ok_or(Refused::Truncated)?;
        let Head {
            mut kb,
            files,
            marks,
        } = *head;
        kb.entries = entries;
        kb.contacts = contacts;
        if let Some(t) = self.translations.take() {
            kb.translations = *t;
        }
        Ok(Front {
            kb,
            files: usize::try_from(files).unwrap_or(usize::MAX),
            marks,
        })
    }

    /// The contacts.
    pub(in crate::compiled) fn contacts(&mut self) -> Result<Vec<Contact>, Refused> {
        self.contacts.take().ok_or(Refused::Truncated)
    }

    /// The entries, their chunks put together in order.
    pub(in crate::compiled) fn entries(&mut self) -> Vec<Entry> {
        let mut chunks = std::mem::take(&mut self.entries).into_iter();
        // The first chunk grows in place (a large block is remapped, not copied).
        let mut all = chunks.next().unwrap_or_default();
        let chunks: Vec<_> = chunks.collect();
        all.reserve_exact(chunks.iter().map(Vec::len).sum());
        for chunk in chunks {
            all.extend(chunk);
        }
        all
    }

    /// The translations.
    pub(in crate::compiled) fn translations(&mut self) -> Result<Translations, Refused> {
        self.translations
            .take()
            .map(|t| *t)
            .ok_or(Refused::Truncated)
    }

    /// The search index, with its postings and the translations' index; whether it belongs to
    /// the knowledge base is for the caller to check ([`SearchIndex::belongs_to`]).
    pub(in crate::compiled) fn index(&mut self) -> Result<SearchIndex, Refused> {
        let (Some(mut index), Some((postings, seen)), Some(lang)) =
            (self.index.take(), self.postings.take(), self.lang.take())
        else {
            return Err(Refused::Truncated);
        };
        index.set_lang(*lang);
        if index.set_postings(postings, seen) {
            Ok(*index)
        } else {
            Err(Refused::Inconsistent)
        }
    }
}
