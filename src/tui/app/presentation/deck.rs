//! The slides of a deck: the title slide, the agenda, one slide per entry, the closing slide
//! (as the deck declares them), and what the title, agenda and closing slides say.

use std::fmt::Write as _;

use ratatui::text::{Line, Span};

use super::paginate::{Block, SlideStyles, piece, sentences};
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

/// The body of a title, agenda or closing slide, `width` columns wide; `rows` is what a
/// follow-up page holds (a QR code of the closing slide is shown only when it fits whole).
pub fn special_blocks(
    kb: &KnowledgeBase,
    deck: &DeckRef,
    slide: &Slide,
    (width, rows): (usize, usize),
    st: &SlideStyles,
) -> Vec<Block> {
    let para = |text: &str, style| (false, sentences(&[piece(text, style)], width, "", ""));
    let item = |lead: &str, text: &str, style| {
        let rest = " ".repeat(lead.chars().count());
        (true, sentences(&[piece(text, style)], width, lead, &rest))
    };
    match slide {
        Slide::Title => {
            let mut blocks = Vec::new();
            if let Some(d) = kb.deck(&deck.id).and_then(|d| d.description.as_deref()) {
                blocks.push(para(d, st.summary));
            }
            blocks.push(para(&format!("{}.", crate::export::data_line(kb)), st.text));
            if let Some(minutes) = deck.duration {
                blocks.push(para(&format!("{} {minutes} min.", s::DURATION), st.text));
            }
            blocks.push(para(s::NOT_LEGAL_ADVICE, st.bold));
            blocks
        }
        Slide::Agenda => deck
            .entry_ids()
            .enumerate()
            .map(|(i, id)| {
                let title = kb.entry(id).map_or(id, |e| e.title.as_str());
                item(&format!("{}. ", i + 1), title, st.text)
            })
            .collect(),
        Slide::Closing => {
            let contacts = kb
                .deck(&deck.id)
                .map(|d| d.contacts(kb))
                .unwrap_or_default();
            if contacts.is_empty() {
                return vec![para(s::NOT_LEGAL_ADVICE, st.text)];
            }
            let mut blocks: Vec<Block> = contacts
                .iter()
                .map(|c| {
                    let mut line = c.name.clone();
                    if !c.phone.is_empty() {
                        line.push_str(" : ");
                        let phones: Vec<String> = c.phone.iter().map(|p| unbroken(p)).collect();
                        line.push_str(&phones.join(", "));
                    }
                    if let Some(w) = c.website.as_deref().or(c.email.as_deref()) {
                        line.push_str(" · ");
                        line.push_str(w);
                    }
                    // As the exported slides: the verification date, not its age.
                    let _ = write!(line, " ({})", crate::render::warning::undated_mark(c));
                    item("• ", &line, st.text)
                })
                .collect();
            // Then the QR code of each first number, whole on a page, to scan from the room.
            for c in &contacts {
                let Some(phone) = c.phone.first() else {
                    continue;
                };
                let Ok(code) = crate::render::qr::lines(&crate::render::qr::tel_uri(phone)) else {
                    continue;
                };
                let fits = code.len() + 2 < rows
                    && code.first().is_some_and(|l| l.chars().count() <= width);
                if fits {
                    let scan = ratatui::style::Style::new()
                        .fg(ratatui::style::Color::Black)
                        .bg(ratatui::style::Color::White);
                    let caption = format!("{} : {}", c.name, unbroken(phone));
                    let mut group = sentences(&[piece(&caption, st.bold)], width, "", "").concat();
                    group.extend(code.into_iter().map(|l| Line::from(Span::styled(l, scan))));
                    blocks.push((false, vec![group]));
                }
            }
            blocks
        }
        Slide::Entry(_) => Vec::new(),
    }
}

/// A phone number that a line break never splits (its spaces made no-break).
fn unbroken(phone: &str) -> String {
    phone.replace(' ', "\u{A0}")
}
