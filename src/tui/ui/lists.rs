//! The overlays opened from anywhere: the emergency numbers and the pinned and recent pages.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::overlays::popup;
use crate::tui::app::App;
use crate::tui::app::overlay::Overlay;

pub(super) fn overlay(app: &App, which: Overlay, frame: &mut Frame<'_>, area: Rect) {
    let width = area.width.saturating_sub(2).min(72);
    let height = area.height.saturating_sub(2);
    if width < 4 || height < 3 {
        return;
    }
    let rect = popup(frame, area, (width, height), 1);
    let (title, lines) = match which {
        Overlay::Emergencies => (" Urgences — Échap pour fermer ", emergencies(app)),
        Overlay::Recents(at) => (
            " Épinglées et récentes — Échap pour fermer ",
            recents(app, at),
        ),
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focus)
        .title(title)
        .style(app.theme.base);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

fn emergencies(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for e in app.emergency_numbers() {
        let mut spans = vec![Span::styled(format!(" {} ", e.number), app.theme.title)];
        if !e.label.is_empty() {
            spans.push(Span::raw(format!(" {}", e.label)));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    for c in app.emergency_contacts() {
        lines.push(Line::from(vec![
            Span::styled(format!("☎ {}", c.phone.join(" · ")), app.theme.heading),
            Span::raw(format!("  {}", crate::kb::text::neutralize(&c.name))),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Entrée : ouvrir la fiche · Ctrl + O : copier le premier numéro · une lettre : chercher",
        app.theme.dim,
    )));
    lines
}

fn recents(app: &App, at: usize) -> Vec<Line<'static>> {
    let items = app.recent_lines();
    if items.is_empty() {
        return vec![Line::from(Span::styled(
            "Rien d'ouvert depuis le début de la séance. Ctrl + D épingle la fiche ouverte.",
            app.theme.dim,
        ))];
    }
    let mut lines: Vec<Line<'static>> = items
        .iter()
        .enumerate()
        .map(|(i, (id, pinned))| {
            let title = match app.kb.item(id) {
                Some(crate::kb::Item::Entry(e)) => e.title.clone(),
                Some(crate::kb::Item::Contact(c)) => c.name.clone(),
                _ => id.clone(),
            };
            let style = if i == at {
                app.theme.selected
            } else {
                app.theme.base
            };
            let mark = if *pinned { "◆ " } else { "   " };
            Line::from(Span::styled(
                format!("{mark}{}", crate::kb::text::neutralize(&title)),
                style,
            ))
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "↑ ↓ · Entrée : ouvrir · Ctrl + D : épingler ou détacher · oubliées en quittant relais",
        app.theme.dim,
    )));
    lines
}
