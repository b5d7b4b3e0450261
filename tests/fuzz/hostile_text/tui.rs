//! The interface: the list, the reader, the presentation, drawn with hostile text in the data.

use std::path::PathBuf;

use relais::kb::Origin;
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;
use tui_support::draw;

use super::{NASTY, TODAY, assert_clean, assert_lines_clean, kb, nasty};
use crate::support::tui as tui_support;

// --- the TUI ---------------------------------------------------------------------------------

fn app(width: u16, height: u16) -> App {
    let info = DataInfo {
        origin: Origin::Flag(PathBuf::from(format!("donnees{NASTY}.yaml"))),
        today: TODAY,
    };
    let mut app = App::new(kb(), info, ThemeName::Defaut);
    app.update(Action::Resize(width, height));
    app
}

/// No cell of the drawn screen holds a character that could drive the terminal.
fn assert_screen_clean(what: &str, app: &App) -> String {
    let buffer = draw(app);
    let mut screen = String::new();
    for (i, cell) in buffer.content.iter().enumerate() {
        assert_clean(&format!("{what}, cell {i}"), cell.symbol());
        screen.push_str(cell.symbol());
    }
    screen
}

/// The states worth drawing: the list, an entry and a contact in the reader (scrolled), help,
/// the find bar, the QR code, a hostile paste in the search bar, and every slide.
fn states() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("list", vec![]),
        ("entry", vec![Action::Open]),
        (
            "entry scrolled",
            vec![Action::Open, Action::PageDown, Action::PageDown],
        ),
        ("entry link", vec![Action::Open, Action::FollowLink(1)]),
        (
            "contact",
            vec![Action::FocusNext, Action::SelectLast, Action::Open],
        ),
        (
            "contact qr",
            vec![
                Action::FocusNext,
                Action::SelectLast,
                Action::Open,
                Action::ToggleQr,
            ],
        ),
        ("help", vec![Action::ToggleHelp]),
        ("paste", vec![Action::Paste(nasty("héberger"))]),
        (
            "find",
            vec![Action::Open, Action::StartFind, Action::Paste(nasty("fin"))],
        ),
        ("copy", vec![Action::Open, Action::CopyAnswer]),
    ]
}

#[test]
fn the_tui_draws_no_control_character() {
    for (width, height) in [(80, 24), (40, 12), (160, 50)] {
        for (name, actions) in states() {
            let mut app = app(width, height);
            for action in actions {
                app.update(action);
            }
            let screen = assert_screen_clean(&format!("{name} at {width}x{height}"), &app);
            if name == "list" {
                assert!(screen.contains("Puis-je"), "{name}: nothing drawn");
            }
            if let Some(text) = &app.clipboard {
                // The clipboard goes out through OSC 52: what it carries is clean too.
                assert_clean(&format!("clipboard of {name}"), text);
            }
        }
    }
}

#[test]
fn the_reader_lays_out_clean_lines() {
    let kb = kb();
    let theme = relais::tui::theme::Theme::new(ThemeName::Defaut);
    let query = vec!["heberger".to_owned()];
    let marks = relais::tui::app::reader::Marks {
        query: &query,
        find: Some("fin"),
    };
    for width in [10, 40, 100] {
        let doc =
            relais::tui::app::reader::entry(&kb, &kb.entries[0], width, &theme, &marks, TODAY);
        assert_lines_clean("reader::entry", &doc.lines);
        let doc =
            relais::tui::app::reader::contact(&kb, &kb.contacts[0], width, &theme, &marks, TODAY);
        assert_lines_clean("reader::contact", &doc.lines);
    }
}

#[test]
fn presentations_draw_no_control_character() {
    for (width, height) in [(80, 24), (200, 50), (40, 12)] {
        let mut app = app(width, height);
        app.start_presentation(Some("seance"), 0, false, false);
        for step in 0..6 {
            let p = app.presentation.as_ref().expect("presenting");
            for page in &p.pages {
                assert_lines_clean("slide page", page);
            }
            assert_screen_clean(&format!("slide step {step} at {width}x{height}"), &app);
            app.update(Action::NextSlide);
        }
        // The picker lists the decks with their titles.
        let mut app = self::app(width, height);
        app.start_presentation(None, 0, false, false);
        assert_screen_clean("deck picker", &app);
    }
}
