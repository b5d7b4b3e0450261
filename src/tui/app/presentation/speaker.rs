//! What the speaker view scrolls through: the trainer's notes for the slide, then the entry's
//! whole answer with its sources (or, for the title, agenda and closing slides, their text).

use jiff::civil::Date;
use ratatui::text::{Line, Span};

use super::{Presentation, Slide};
use crate::kb::KnowledgeBase;
use crate::strings as s;
use crate::tui::app::reader::{self, Marks, ReaderDoc};
use crate::tui::app::wrap::{Piece, wrap};
use crate::tui::theme::Theme;

/// The speaker view's document for the slide on the projector, `width` columns wide.
pub fn doc(
    kb: &KnowledgeBase,
    p: &Presentation,
    width: usize,
    theme: &Theme,
    today: Date,
) -> ReaderDoc {
    let entry = p.current_entry().and_then(|id| kb.entry(id));
    let mut lines = vec![Line::from(Span::styled(s::SPEAKER_NOTES, theme.heading))];
    match entry.and_then(|e| e.notes.as_deref()) {
        Some(notes) => {
            for paragraph in notes.split("\n\n") {
                let run = Piece {
                    text: crate::kb::text::neutralize(paragraph).into_owned(),
                    style: theme.base,
                    link: None,
                };
                lines.extend(wrap(&[run], width, &Span::raw(""), &Span::raw(""), 0).0);
            }
        }
        None => lines.push(Line::from(Span::styled(s::NO_NOTES, theme.dim))),
    }
    lines.push(Line::default());
    let mut doc = match (entry, p.current_slide()) {
        (Some(e), _) => {
            lines.push(Line::from(Span::styled(s::FULL_ANSWER, theme.heading)));
            let marks = Marks {
                query: &[],
                find: None,
            };
            reader::entry(kb, e, width, theme, &marks, today)
        }
        (None, Some(Slide::Title | Slide::Agenda | Slide::Closing)) => ReaderDoc {
            // What the projector shows, laid out for this screen.
            lines: p.pages.concat(),
            ..ReaderDoc::default()
        },
        _ => ReaderDoc::default(),
    };
    let offset = lines.len();
    lines.append(&mut doc.lines);
    doc.lines = lines;
    for spot in &mut doc.spots {
        spot.line += offset;
    }
    for m in &mut doc.matches {
        *m += offset;
    }
    doc
}
