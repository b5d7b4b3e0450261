//! The reading pane: the open entry or contact, from the scroll position down, with its
//! scroll bar and find bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use crate::tui::app::{App, Focus};

use super::pane;

pub(super) fn reader(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let title = match (app.back.len(), app.forward.len()) {
        (0, 0) => " Lecture ".to_owned(),
        (b, f) => format!(" Lecture — historique ← {b} · {f} → "),
    };
    frame.render_widget(pane(app, &title, app.focus == Focus::Reader), area);
    let a = app.areas();
    let text = a.reader_text();
    if app.open.is_none() {
        let hint = "Choisissez un résultat (↑ ↓) et appuyez sur Entrée pour le lire ici.";
        frame.render_widget(
            Paragraph::new(hint)
                .style(app.theme.dim)
                .wrap(Wrap { trim: true }),
            text,
        );
        return;
    }
    let (body, find_bar) = match &app.find {
        Some(_) if text.height > 1 => (
            Rect {
                height: text.height - 1,
                ..text
            },
            Some(Rect {
                y: text.bottom() - 1,
                height: 1,
                ..text
            }),
        ),
        _ => (text, None),
    };
    frame.render_widget(doc_window(app, body.height), body);
    if app.doc.lines.len() > body.height as usize {
        let mut state = ScrollbarState::new(app.max_scroll() + 1).position(app.scroll);
        let bar = Rect {
            x: text.right(),
            width: 1,
            ..body
        };
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            bar,
            &mut state,
        );
    }
    if let (Some(find), Some(bar)) = (&app.find, find_bar) {
        let count = app.doc.matches.len();
        let position = if count == 0 {
            "aucune".to_owned()
        } else {
            format!("{}/{count}", find.current + 1)
        };
        let line = Line::from(vec![
            Span::styled("Chercher dans la fiche : ", app.theme.heading),
            Span::styled(find.input.value().to_owned(), app.theme.highlight),
            Span::styled(format!("  ({position})"), app.theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), bar);
        if find.editing {
            let x = bar.x + 25 + find.input.visual_cursor() as u16;
            frame.set_cursor_position((x.min(bar.right().saturating_sub(1)), bar.y));
        }
    }
}

/// The reader's document as it shows on `rows` rows: from the scroll position down.
pub(super) fn doc_window(app: &App, rows: u16) -> Paragraph<'_> {
    let lines: Vec<Line<'_>> = app
        .doc
        .lines
        .iter()
        .skip(app.scroll)
        .take(rows as usize)
        .cloned()
        .collect();
    Paragraph::new(lines)
}
