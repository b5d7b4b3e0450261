//! The interface's update logic, without a terminal: an `App` on the fixture knowledge base,
//! actions applied one by one, and the state asserted (selection, results, tabs and filters,
//! history, find, clipboard payloads, mouse, resizes).

mod contact;
mod marks;
mod pointer;
mod reader;
mod results;
mod screen;
mod sessions;
mod traps;
mod warnings;

use relais::tui::app::App;
use relais::tui::app::list::Slot;

/// Every entry, by category in the order the data declares them, then every contact by region.
const BROWSE_ORDER: [&str; 10] = [
    "droits-hebergeur",
    "transport-chauffeur",
    "aide-medicale",
    "urgence-froid",
    "controle-police",
    "detention",
    "permanence-juridique",
    "medecins-benevoles",
    "ligue-droits",
    "croix-rouge",
];

/// The state facts that must hold after any action at any size.
fn assert_invariants(app: &App) {
    if app.rows.is_empty() {
        assert_eq!(app.selected, 0);
    } else {
        assert!(app.selected < app.rows.len(), "selection out of bounds");
    }
    let height = app.areas().list_rows().height as usize;
    assert!(app.list_offset <= app.selected, "selection above the list");
    // When the list is hidden (narrow screen, reading), only the offset bound matters.
    if !app.rows.is_empty() && height > 0 {
        assert!(
            app.selected < app.list_offset + height,
            "selection below the list"
        );
        // The whole selected row is drawn when the list has room for it.
        let room = height.saturating_sub(app.list_head().len());
        if app.areas().list.width > 0 && room >= app.row_height(app.selected) {
            let slots = app.list_slots();
            assert!(
                slots.contains(&Slot::Row {
                    index: app.selected,
                    part: 0
                }),
                "the selected row is visible: {slots:?}"
            );
        }
    }
    assert!(app.scroll <= app.max_scroll(), "scrolled past the end");
    if let Some(find) = &app.find {
        assert!(find.current <= app.doc.matches.len());
    }
}

/// The reader's lines as plain text, no-break spaces shown as spaces.
fn doc_text(app: &App) -> Vec<String> {
    app.doc
        .lines
        .iter()
        .map(|l| l.to_string().replace('\u{A0}', " "))
        .collect()
}
