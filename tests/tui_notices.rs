//! What the status bar says about the data in use when it is not the data asked for.

use std::path::PathBuf;

use relais::action::Action;
use relais::app::{App, DataInfo};
use relais::kb::Origin;
use relais::theme::ThemeName;

mod tui_support;
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
