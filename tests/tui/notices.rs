//! What the status bar says about the data in use when it is not the data asked for.

use std::path::PathBuf;

use relais::kb::Origin;
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;

use crate::support::tui as tui_support;
use tui_support::{kb, screen, today};

fn app_on(origin: Origin) -> App {
    let info = DataInfo {
        origin,
        today: today(),
    };
    let mut app = App::new(kb(), info, ThemeName::Defaut);
    app.update(Action::Resize(120, 30));
    app
}

#[test]
fn the_status_bar_says_when_bundled_data_stands_in_for_broken_installed_data() {
    let app = app_on(Origin::Fallback(PathBuf::from(
        "/home/x/.local/share/relais/installs/v1",
    )));
    let text = screen(&app);
    assert!(text.contains("installées illisibles"), "{text}");
    assert!(text.contains("relais data status"), "{text}");
    let plain = screen(&app_on(Origin::Bundled));
    assert!(!plain.contains("illisibles"), "{plain}");
}

#[test]
fn the_status_bar_says_when_bundled_data_is_newer_than_the_installed_data() {
    let info = DataInfo {
        origin: Origin::UserDir(PathBuf::from("/home/x/.local/share/relais/installs/v1")),
        today: today(),
    };
    let mut old = kb();
    old.meta.version = Some("2000.1.1".to_owned());
    old.meta.date = Some(jiff::civil::date(2000, 1, 1));
    let mut app = App::new(old, info.clone(), ThemeName::Defaut);
    app.update(Action::Resize(140, 30));
    let text = screen(&app);
    assert!(text.contains("relais data reset"), "{text}");
    let mut new = kb();
    new.meta.version = Some("2999.1.1".to_owned());
    new.meta.date = Some(jiff::civil::date(2999, 1, 1));
    let mut app = App::new(new, info, ThemeName::Defaut);
    app.update(Action::Resize(140, 30));
    assert!(!screen(&app).contains("relais data reset"));
}
