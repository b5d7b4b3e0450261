//! Installed data that no trusted key signed is said « non signées » in the status bar, at every
//! width, and signed or bundled data is not.

use std::path::PathBuf;

use relais::kb::Origin;
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;

use crate::support::tui as tui_support;
use tui_support::{draw, kb, lines, today};

fn bar(unsigned: bool, width: u16) -> String {
    let mut kb = kb();
    kb.meta.unsigned = unsigned;
    let info = DataInfo {
        origin: Origin::UserDir(PathBuf::from(
            "/home/benevole/.local/share/relais/installs/1",
        )),
        today: today(),
    };
    let mut app = App::new(kb, info, ThemeName::Defaut);
    app.update(Action::Resize(width, 20));
    lines(&draw(&app)).last().cloned().unwrap_or_default()
}

#[test]
fn the_status_bar_says_non_signees_for_unsigned_installed_data() {
    for width in [40, 80, 160] {
        let shown = bar(true, width);
        assert!(shown.contains("non signées"), "{width}: {shown:?}");
        let signed = bar(false, width);
        assert!(!signed.contains("non signées"), "{width}: {signed:?}");
    }
}
