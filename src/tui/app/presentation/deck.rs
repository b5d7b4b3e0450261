//! The slides of a deck: the title slide, the agenda, one slide per entry, the closing slide
//! (as the deck declares them), and what the title, agenda and closing slides say.

use std::fmt::Write as _;

use ratatui::text::{Line, Span};

use super::paginate::{Block, SlideStyles, piece, sentences};
use crate::kb::KnowledgeBase;
use crate::strings as s;

pub use crate::render::deck::{DeckRef, Slide};

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
            blocks.push(para(
                &format!("{}.", crate::render::deck::data_line(kb)),
                st.text,
            ));
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
