//! The tab bar: Tout, FAQ, Contacts, and the filter in use.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;

pub(super) fn tabs(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (tab, ..) in app.tab_spans() {
        let style = if tab == app.tab {
            app.theme.tab_active
        } else {
            app.theme.tab
        };
        spans.push(Span::styled(format!(" {} ", tab.label()), style));
        spans.push(Span::raw(" "));
    }
    if app.for_person {
        spans.push(Span::styled(" Pour la personne aidée ", app.theme.heading));
    }
    if let Some(filter) = app.filter_label() {
        spans.push(Span::styled(format!(" {filter} "), app.theme.heading));
        spans.push(Span::styled("(f : filtre suivant)", app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
