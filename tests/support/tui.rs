//! Shared by the TUI tests: the fixture knowledge base, an `App` built from it at a fixed date
//! and size, typing helpers, and the screen as text.

#![allow(dead_code)] // each test file uses a different part of it

use std::path::PathBuf;

use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use relais::kb::validate::validate;
use relais::kb::{KnowledgeBase, Origin, SourceFile};
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;
use tui_input::InputRequest;

/// The fixture, as the status bar shows it (relative, like a user would type it).
pub const FIXTURE: &str = "tests/fixtures/tui/kb.yaml";

/// The day every test pretends it is: `urgence-froid` (reviewed 2021) is stale, nothing else.
pub fn today() -> Date {
    jiff::civil::date(2026, 11, 27)
}

/// The fixture knowledge base, validated as `today()`.
pub fn kb() -> KnowledgeBase {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    let files = [SourceFile {
        name: FIXTURE.to_owned(),
        text,
    }];
    let (kb, _warnings) = validate(&files, today()).expect("fixture valid");
    kb
}

/// An app on the fixture, sized `width` x `height`, with the given theme.
pub fn app_with(width: u16, height: u16, theme: ThemeName) -> App {
    let info = DataInfo {
        origin: Origin::Flag(PathBuf::from(FIXTURE)),
        today: today(),
    };
    let mut app = App::new(kb(), info, theme);
    app.update(Action::Resize(width, height));
    app
}

/// An app on the fixture with the default theme.
pub fn app(width: u16, height: u16) -> App {
    app_with(width, height, ThemeName::Defaut)
}

/// Types `text` key by key, as the search bar (or find bar) receives it.
pub fn type_text(app: &mut App, text: &str) {
    for ch in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(ch)));
    }
}

/// The ids of the rows, in order.
pub fn row_ids(app: &App) -> Vec<&str> {
    app.rows.iter().map(|r| r.id.as_str()).collect()
}

/// Draws the app on a test terminal of its own size and returns the buffer.
pub fn draw(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test terminal");
    terminal
        .draw(|frame| relais::tui::ui::render(app, frame))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer as lines of text (wide characters take their columns once).
pub fn lines(buffer: &Buffer) -> Vec<String> {
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width.max(1))
        .map(|row| {
            let mut line = String::new();
            let mut skip = 0usize;
            for cell in row {
                if skip == 0 {
                    line.push_str(cell.symbol());
                }
                skip = skip
                    .max(unicode_width::UnicodeWidthStr::width(cell.symbol()))
                    .saturating_sub(1);
            }
            line
        })
        .collect()
}

/// The whole screen as text, one quoted line per row, so trailing spaces show.
pub fn screen(app: &App) -> String {
    let mut out = String::new();
    for line in lines(&draw(app)) {
        out.push('"');
        out.push_str(&line);
        out.push_str("\"\n");
    }
    out
}

/// True when some row of the screen contains `needle`.
pub fn shows(app: &App, needle: &str) -> bool {
    lines(&draw(app)).iter().any(|l| l.contains(needle))
}

/// Opens the row with this id from the browse list (empty query), and checks that it is
/// the open page.
pub fn open_id(app: &mut App, id: &str) {
    let at = app
        .rows
        .iter()
        .position(|r| r.id == id)
        .expect("id in the rows");
    app.update(Action::SelectFirst);
    for _ in 0..at {
        app.update(Action::SelectNext);
    }
    app.update(Action::Open);
    assert_eq!(app.open.as_deref(), Some(id));
}
