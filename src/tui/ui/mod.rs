//! The view: draws the model, reads it only. One function per region; overlays last.

use ratatui::Frame;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders};

use crate::tui::app::App;

mod languages;
mod lists;
mod overlays;
mod present;
mod reader;
mod results;
mod search;
mod speaker;
mod status;
mod tabs;

use overlays::{dictation, help, popup, qr_overlay};
use reader::{doc_window, reader};
use results::list;
use search::search_bar;
use status::status_bar;
use tabs::tabs;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    draw_all(app, frame);
    clean_cells(frame.buffer_mut());
}

/// The last guard before the terminal: a cell holding a control, a bidi override, a line or
/// paragraph separator or an invisible format character (from data that was never checked, a
/// paste, a file name) is neutralised, whichever widget put it there.
fn clean_cells(buffer: &mut ratatui::buffer::Buffer) {
    use crate::kb::text::{is_forbidden, is_invisible};
    for cell in &mut buffer.content {
        if cell
            .symbol()
            .chars()
            .any(|c| is_forbidden(c) || is_invisible(c))
        {
            let clean = crate::kb::text::neutralize(cell.symbol()).into_owned();
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

fn draw_all(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    if let Some(p) = &app.presentation {
        present::render(app, p, frame);
        if app.help {
            help(app, frame, area);
        }
        return;
    }
    frame.render_widget(Block::new().style(app.theme.base), area);
    let a = app.areas();
    search_bar(app, frame, a.search);
    tabs(app, frame, a.tabs);
    if a.list.width > 0 {
        list(app, frame, a.list);
    }
    if a.reader.width > 0 {
        reader(app, frame, a.reader);
    }
    status_bar(app, frame, a.status);
    if let Some(number) = &app.dictate {
        dictation(app, number, frame, a.status);
    }
    if let Some(qr) = &app.qr {
        qr_overlay(app, qr, frame, area);
    }
    if let Some(show) = &app.show {
        languages::show(app, show, frame, area);
    }
    if let Some(which) = app.overlay {
        lists::overlay(app, which, frame, area);
    }
    if app.help {
        help(app, frame, area);
    }
}

pub(super) fn pane<'a>(app: &App, title: &'a str, focused: bool) -> Block<'a> {
    let style = if focused {
        app.theme.border_focus
    } else {
        app.theme.border
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(Span::styled(title, style))
}
