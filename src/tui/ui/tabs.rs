//! The state line: the tabs (Tout, FAQ, Contacts), the filter and « ma région », each with
//! the key that changes or clears it, always visible. When the full line does not fit, the
//! active tab alone stands for the tabs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Tab};

pub(super) fn tabs(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let width = usize::from(area.width);
    let mut state: Vec<Span<'_>> = Vec::new();
    if app.for_person {
        state.push(Span::styled(
            " Pour la personne aidée (F6) ",
            app.theme.heading,
        ));
    }
    if let Some(filter) = app.filter_label() {
        state.push(Span::styled(format!(" {filter} "), app.theme.heading));
    }
    if let Some(region) = &app.my_region {
        state.push(Span::styled(
            format!(" Ma région : {} ", crate::strings::region_label(region)),
            app.theme.dim,
        ));
    }
    let keys = if app.filtered() {
        " Échap : retirer · Ctrl+R : filtre"
    } else {
        " Ctrl+T onglet · Ctrl+R filtre"
    };
    let mut full = vec![Span::raw(" ")];
    for (tab, ..) in app.tab_spans() {
        let style = if tab == app.tab {
            app.theme.tab_active
        } else {
            app.theme.tab
        };
        full.push(Span::styled(format!(" {} ", tab.label()), style));
        full.push(Span::raw(" "));
    }
    full.extend(state.iter().cloned());
    let fits = |spans: &[Span<'_>]| spans.iter().map(Span::width).sum::<usize>() <= width;
    let mut line = if fits(&full) {
        full
    } else {
        // The active tab alone, then the filter.
        let mut short = vec![Span::styled(
            format!(" {} ", app.tab.label()),
            app.theme.tab_active,
        )];
        if app.tab == Tab::All && app.filter_label().is_none() {
            short.push(Span::raw(" "));
        }
        short.extend(state);
        short
    };
    // The longest hint that fits: both keys, then only the one that lifts the filter.
    let used = line.iter().map(Span::width).sum::<usize>();
    let shorter: &[&str] = if app.filtered() {
        &[keys, " Échap : retirer", " Échap"]
    } else {
        &[keys]
    };
    if let Some(hint) = shorter.iter().find(|h| used + h.chars().count() <= width) {
        line.push(Span::styled(*hint, app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(line)), area);
}
