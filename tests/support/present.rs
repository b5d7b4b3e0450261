//! Shared by the presentation tests: the presentation fixture (deck `seance-essai`: title,
//! agenda, four entries, closing) as an `App` at a fixed date and size.

#![allow(dead_code)] // each test file uses a different part of it

use jiff::civil::{Date, date};
use relais::kb::Origin;
use relais::kb::validate::validate;
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;

/// The fixture file.
pub const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/present/kb.yaml"
);

/// Its deck.
pub const DECK: &str = "seance-essai";

/// The day the tests pretend it is.
pub fn today() -> Date {
    date(2026, 11, 30)
}

/// The fixture given with `--data`, as the status bar names it.
pub fn given() -> Origin {
    Origin::Given(PATH.into())
}

/// An app on the fixture, sized `w` x `h`, whose data is said to come from `origin`.
pub fn app(w: u16, h: u16, origin: Origin) -> App {
    let files = given().read().expect("fixture");
    let (kb, _) = validate(&files, today()).expect("fixture validates");
    let info = DataInfo {
        origin,
        today: today(),
    };
    let mut app = App::new(kb, info, ThemeName::Defaut);
    app.update(Action::Resize(w, h));
    app
}
