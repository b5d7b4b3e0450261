//! The slides of a deck as a list (title, agenda, one per entry, closing, as the deck declares
//! them) and the line that says which data a handout or a slide was made from. Shared by the
//! interface's presentation mode and the HTML slides export, which draw them each their way.

use std::fmt::Write as _;

use crate::kb::{Deck, KnowledgeBase};
use crate::strings as s;

/// One slide of a deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slide {
    /// The deck's title, the data's version and date, « pas un avis juridique ».
    Title,
    /// The questions of the deck.
    Agenda,
    /// An entry, by id.
    Entry(String),
    /// The contacts of the deck's entries with their numbers.
    Closing,
}

/// The deck being shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckRef {
    /// Empty for an entry presented alone.
    pub id: String,
    pub title: String,
    pub slides: Vec<Slide>,
    /// Target length, in minutes.
    pub duration: Option<u32>,
}

impl DeckRef {
    /// The slides of `deck`, with the title, agenda and closing slides it declares.
    #[must_use]
    pub fn of(deck: &Deck) -> Self {
        let mut slides = Vec::with_capacity(deck.slides.len() + 3);
        if deck.title_slide {
            slides.push(Slide::Title);
        }
        if deck.agenda {
            slides.push(Slide::Agenda);
        }
        slides.extend(deck.slides.iter().cloned().map(Slide::Entry));
        if deck.closing {
            slides.push(Slide::Closing);
        }
        Self {
            id: deck.id.clone(),
            title: deck.title.clone(),
            slides,
            duration: deck.duration,
        }
    }

    /// A deck of entries only, without title, agenda or closing slide.
    #[must_use]
    pub fn entries(id: &str, title: &str, entries: Vec<String>) -> Self {
        Self {
            id: id.to_owned(),
            title: title.to_owned(),
            slides: entries.into_iter().map(Slide::Entry).collect(),
            duration: None,
        }
    }

    /// Where the entry `id` is in the deck.
    #[must_use]
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.slides
            .iter()
            .position(|s| matches!(s, Slide::Entry(e) if e == id))
    }

    /// The ids of the deck's entries, in order.
    pub fn entry_ids(&self) -> impl Iterator<Item = &str> {
        self.slides.iter().filter_map(|s| match s {
            Slide::Entry(id) => Some(id.as_str()),
            _ => None,
        })
    }

    /// The title of slide `n` as the audience reads it.
    #[must_use]
    pub fn slide_title(&self, kb: &KnowledgeBase, n: usize) -> Option<String> {
        Some(match self.slides.get(n)? {
            Slide::Title => self.title.clone(),
            Slide::Agenda => s::AGENDA.to_owned(),
            Slide::Closing => s::CLOSING.to_owned(),
            Slide::Entry(id) => kb.entry(id).map_or_else(|| id.clone(), |e| e.title.clone()),
        })
    }
}

/// "Données : version 2026.11.27 du 27/11/2026 — publisher", from the data's `meta` section.
#[must_use]
pub fn data_line(kb: &KnowledgeBase) -> String {
    let meta = &kb.meta;
    let mut line = s::DATA_LABEL.to_owned();
    match (&meta.version, meta.date) {
        (Some(v), Some(d)) => _ = write!(line, " version {v} du {}", s::date(d)),
        (Some(v), None) => _ = write!(line, " version {v}"),
        (None, Some(d)) => _ = write!(line, " du {}", s::date(d)),
        (None, None) => _ = write!(line, " {}", s::UNDATED),
    }
    if let Some(p) = &meta.publisher {
        line.push_str(" — ");
        line.push_str(p);
    }
    if meta.unsigned {
        _ = write!(line, " (données {})", s::UNSIGNED);
    }
    line
}
