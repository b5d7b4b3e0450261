//! The mouse: tabs, rows, links and the search bar clicked, the wheel.

use relais::tui::action::Action;
use relais::tui::app::list::Slot;
use relais::tui::app::{Focus, Tab};
use tui_support::app;

use crate::support::tui as tui_support;

// --- mouse -----------------------------------------------------------------------------------

#[test]
fn clicking_a_tab_switches_to_it() {
    let mut app = app(120, 40);
    let tabs = app.areas().tabs;
    for (tab, start, end) in app.tab_spans() {
        for x in [start, end - 1] {
            app.update(Action::Click(tabs.x + x, tabs.y));
            assert_eq!(app.tab, tab, "column {x}");
        }
    }
    let (_, _, end) = app.tab_spans()[2];
    app.update(Action::Click(tabs.x + end + 5, tabs.y));
    assert_eq!(
        app.tab,
        Tab::Contacts,
        "a click beside the tabs changes nothing"
    );
}

#[test]
fn clicking_a_row_selects_it_or_opens_it_on_a_narrow_screen() {
    let mut app = app(120, 40);
    let rows = app.areas().list_rows();
    // The line of the third row, below the lines above the rows (the emergency numbers).
    let line = app
        .list_slots()
        .iter()
        .position(|s| *s == Slot::Row { index: 2, part: 0 })
        .expect("third row shown") as u16;
    app.update(Action::Click(rows.x + 3, rows.y + line));
    assert_eq!(app.focus, Focus::Results);
    assert_eq!(app.selected, 2);
    assert_eq!(app.open.as_deref(), Some("aide-medicale"), "previewed");
    app.update(Action::Click(rows.x + 3, rows.y + 30));
    assert_eq!(
        app.selected, 2,
        "a click below the last row changes nothing"
    );

    let mut app = tui_support::app(60, 20);
    let rows = app.areas().list_rows();
    let line = app
        .list_slots()
        .iter()
        .position(|s| *s == Slot::Row { index: 3, part: 0 })
        .expect("fourth row shown") as u16;
    app.update(Action::Click(rows.x + 1, rows.y + line));
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.open.as_deref(), Some("urgence-froid"));
}

#[test]
fn clicking_a_link_follows_it() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    let text = app.areas().reader_text();
    let spot = *app
        .doc
        .spots
        .iter()
        .find(|s| app.doc.links[s.link] == "aide-medicale")
        .expect("a link to aide-medicale on screen");
    app.update(Action::Click(
        text.x + spot.start,
        text.y + u16::try_from(spot.line - app.scroll).expect("visible"),
    ));
    assert_eq!(app.open.as_deref(), Some("aide-medicale"));
    assert_eq!(app.back, ["droits-hebergeur"]);
}

#[test]
fn clicking_the_search_bar_focuses_it() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    let search = app.areas().search;
    app.update(Action::Click(search.x + 10, search.y + 1));
    assert_eq!(app.focus, Focus::Search);
}

#[test]
fn the_wheel_moves_the_list_or_scrolls_the_reader() {
    let mut app = app(80, 24);
    let list = app.areas().list_rows();
    app.update(Action::Wheel(list.x + 1, list.y + 1, 1));
    app.update(Action::Wheel(list.x + 1, list.y + 1, 1));
    assert_eq!(app.selected, 2);
    app.update(Action::Wheel(list.x + 1, list.y + 1, -1));
    assert_eq!(app.selected, 1);

    app.update(Action::Open);
    assert!(app.max_scroll() > 3, "the entry is longer than the pane");
    let text = app.areas().reader_text();
    app.update(Action::Wheel(text.x + 2, text.y + 2, 1));
    assert_eq!(app.scroll, 3);
    app.update(Action::Wheel(text.x + 2, text.y + 2, -1));
    assert_eq!(app.scroll, 0);
    for _ in 0..100 {
        app.update(Action::Wheel(text.x + 2, text.y + 2, 1));
    }
    assert_eq!(app.scroll, app.max_scroll());
}

#[test]
fn reader_paging_and_scrolling_stay_in_bounds() {
    let mut app = app(40, 12);
    app.update(Action::Open);
    let max = app.max_scroll();
    assert!(max > 0);
    app.update(Action::PageDown);
    assert!(app.scroll > 0);
    app.update(Action::ScrollBottom);
    assert_eq!(app.scroll, max);
    app.update(Action::ScrollDown);
    assert_eq!(app.scroll, max);
    app.update(Action::ScrollTop);
    app.update(Action::ScrollUp);
    assert_eq!(app.scroll, 0);
}
