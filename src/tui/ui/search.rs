//! The search bar at the top: the query, its cursor, and the prompt when it is empty.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::layout::inner;
use crate::tui::app::{App, Focus};
use crate::tui::keymap::Mode;

use super::pane;

pub(super) fn search_bar(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let focused = app.focus == Focus::Search && app.mode() != Mode::Help;
    let prompt = "Rechercher › ";
    let (text_area, block) = if area.height >= 3 {
        (inner(area), Some(pane(app, " relais ", focused)))
    } else {
        (area, None)
    };
    if let Some(block) = block {
        frame.render_widget(block, area);
    }
    let width = text_area
        .width
        .saturating_sub(prompt.chars().count() as u16) as usize;
    let scroll = app.input.visual_scroll(width.max(1));
    let value: String = app.input.value().chars().skip(scroll).collect();
    let mut spans = vec![
        Span::styled(prompt, app.theme.heading),
        Span::styled(value, app.theme.base),
    ];
    if app.input.value().is_empty() {
        spans.push(Span::styled(
            "tapez quelques mots (accents et fautes tolérés)",
            app.theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), text_area);
    if focused && text_area.width > 0 {
        let x = text_area.x
            + (prompt.chars().count() + app.input.visual_cursor().saturating_sub(scroll)) as u16;
        frame.set_cursor_position((x.min(text_area.right().saturating_sub(1)), text_area.y));
    }
}
