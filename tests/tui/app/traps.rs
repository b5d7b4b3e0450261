//! The traps of issue 14, through the real keys: a key event goes through the key table for
//! the mode the app is in, then to `update`, as the runtime does it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use relais::tui::app::overlay::Overlay;
use relais::tui::app::{App, Focus, Tab};
use relais::tui::keymap;
use tui_support::{app, draw, lines, row_ids, type_text};

use super::assert_invariants;
use crate::support::tui as tui_support;

/// One key, as the runtime turns it into an action.
fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(action) = keymap::action(app.mode(), KeyEvent::new(code, mods)) {
        app.update(action);
    }
}

/// Letters typed one after the other.
fn keys(app: &mut App, text: &str) {
    for ch in text.chars() {
        press(app, KeyCode::Char(ch), KeyModifiers::NONE);
    }
}

fn ctrl(app: &mut App, ch: char) {
    press(app, KeyCode::Char(ch), KeyModifiers::CONTROL);
}

/// The lines above the rows, as one text.
fn head(app: &App) -> String {
    let lines: Vec<String> = app.list_head().into_iter().map(|(t, _)| t).collect();
    lines.join(" ")
}

fn shows(app: &App, what: &str) -> bool {
    lines(&draw(app)).iter().any(|l| l.contains(what))
}

#[test]
fn typing_after_opening_an_answer_searches_the_new_question() {
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = app(width, height);
        keys(&mut app, "soigner");
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(app.focus, Focus::Reader, "{width}");
        let before = (app.tab, app.category, app.region);
        // Every letter of « froid » was a command once (f filter, t tab…): now the question.
        keys(&mut app, "froid");
        assert_eq!(app.input.value(), "froid", "{width}");
        assert_eq!((app.tab, app.category, app.region), before, "{width}");
        assert_eq!(app.focus, Focus::Search);
        assert_eq!(row_ids(&app).first(), Some(&"urgence-froid"), "{width}");
        assert!(app.presentation.is_none());
        // And from the list too, with a word full of former commands.
        press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(app.focus, Focus::Results);
        keys(&mut app, "conduire");
        assert_eq!(
            app.input.value(),
            "conduire",
            "a new question, not « froidconduire »"
        );
        assert!(row_ids(&app).contains(&"transport-chauffeur"));
        assert!(!app.quit, "q, t, p are letters, not commands");
        assert_invariants(&app);
    }
}

#[test]
fn a_filter_is_always_visible_and_escape_lifts_it_step_by_step() {
    let mut app = app(80, 24);
    ctrl(&mut app, 't');
    ctrl(&mut app, 't');
    assert_eq!(app.tab, Tab::Contacts);
    ctrl(&mut app, 'r');
    assert!(shows(&app, "Région : Province de Namur"));
    let state = lines(&draw(&app))[usize::from(app.areas().tabs.y)].clone();
    assert!(state.contains("Échap"), "the key that lifts it: {state}");
    type_text(&mut app, "froid");
    // The entry about the cold is hidden by the Contacts tab: the list says so.
    assert!(app.hidden > 0);
    assert!(shows(&app, "caché"), "{:?}", lines(&draw(&app)));
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        (app.tab, app.region),
        (Tab::All, None),
        "first Échap: the filter"
    );
    assert_eq!(app.input.value(), "froid");
    assert_eq!(row_ids(&app).first(), Some(&"urgence-froid"));
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.input.value(), "", "second Échap: the question");
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("Ctrl + C"))
    );
}

#[test]
fn nothing_found_under_a_filter_says_how_many_it_hides() {
    let mut app = app(80, 24);
    ctrl(&mut app, 'r');
    assert!(app.category.is_some());
    type_text(&mut app, "police");
    assert!(app.nothing_found, "no police entry in the first category");
    assert!(app.hidden > 0);
    let head: Vec<String> = app.list_head().into_iter().map(|(t, _)| t).collect();
    assert!(
        head.join(" ").contains("cachés par le filtre : Échap"),
        "{head:?}"
    );
}

#[test]
fn clear_all_goes_back_to_the_start_screen_at_once() {
    let mut app = app(80, 24);
    ctrl(&mut app, 't');
    ctrl(&mut app, 'r');
    keys(&mut app, "froid");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    ctrl(&mut app, 'l');
    assert_eq!(app.input.value(), "");
    assert_eq!((app.tab, app.category, app.region), (Tab::All, None, None));
    assert_eq!(app.focus, Focus::Search);
    assert!(
        app.open.is_none() || app.previewing,
        "nothing opened, at most a preview"
    );
    assert!(
        !app.back.is_empty() || !app.recents.is_empty(),
        "history stays"
    );
}

#[test]
fn ma_region_orders_the_contacts_and_picks_the_fallback() {
    let mut app = app(120, 40);
    app.my_region = Some("liege".to_owned());
    app.refresh_rows();
    let contacts: Vec<&str> = app
        .rows
        .iter()
        .filter(|r| r.kind == relais::search::Kind::Contact)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(contacts[..2], ["medecins-benevoles", "croix-rouge"]);
    type_text(&mut app, "zzzzqqqq");
    assert!(app.nothing_found);
    assert_eq!(row_ids(&app).first(), Some(&"medecins-benevoles"));
}

#[test]
fn f9_sets_ma_region_from_the_filter_and_forgets_it_without_one() {
    let mut app = app(120, 40);
    ctrl(&mut app, 't');
    ctrl(&mut app, 't');
    for _ in 0..3 {
        ctrl(&mut app, 'r');
    }
    assert_eq!(
        app.filter_label().as_deref(),
        Some("Région : Province de Liège")
    );
    press(&mut app, KeyCode::F(9), KeyModifiers::NONE);
    assert_eq!(app.my_region.as_deref(), Some("liege"));
    assert_eq!(
        app.save_region,
        Some(Some("liege".to_owned())),
        "handed to the runtime"
    );
    app.save_region = None;
    ctrl(&mut app, 'l');
    press(&mut app, KeyCode::F(9), KeyModifiers::NONE);
    assert_eq!(app.my_region, None);
    assert_eq!(app.save_region, Some(None));
}

#[test]
fn emergencies_are_one_key_away_from_anywhere() {
    let mut app = app(80, 24);
    assert!(
        head(&app).contains("Urgences : 0800 00 000 (Ctrl+U)"),
        "start screen"
    );
    keys(&mut app, "soigner");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    ctrl(&mut app, 'u');
    assert_eq!(app.overlay, Some(Overlay::Emergencies));
    assert!(shows(&app, "Croix-Rouge"));
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.overlay, None);
    assert_eq!(app.focus, Focus::Reader, "Échap closed the overlay only");
    type_text(&mut app, "zzzzqqqq");
    assert!(
        head(&app).contains("Urgences : 0800 00 000 (Ctrl+U)"),
        "no-result screen"
    );
}

#[test]
fn pins_and_recents_are_kept_for_the_session() {
    let mut app = app(120, 40);
    keys(&mut app, "soigner");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let first = app.open.clone().expect("open");
    ctrl(&mut app, 'd');
    keys(&mut app, "froid");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        app.recents.first().map(String::as_str),
        Some("urgence-froid")
    );
    assert_eq!(app.pins, std::slice::from_ref(&first));
    ctrl(&mut app, 'e');
    assert_eq!(app.overlay, Some(Overlay::Recents(0)));
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        app.open.as_deref(),
        Some(first.as_str()),
        "the pinned page comes first"
    );
    assert_eq!(app.overlay, None);
}

#[test]
fn tab_accepts_the_suggestion() {
    let mut app = app(80, 24);
    type_text(&mut app, "plolise");
    assert!(!app.suggestions.is_empty());
    let suggestion = app.suggestions[0].clone();
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(app.input.value(), suggestion);
    assert!(!app.nothing_found);
}

#[test]
fn back_returns_where_the_page_was_left() {
    let mut app = app(80, 24);
    keys(&mut app, "soigner");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let first = app.open.clone().expect("open");
    for _ in 0..5 {
        press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    let at = app.scroll;
    assert!(at > 0, "the entry is longer than the pane");
    press(&mut app, KeyCode::Char('1'), KeyModifiers::NONE);
    assert_ne!(app.open.as_deref(), Some(first.as_str()), "followed a link");
    assert_eq!(app.scroll, 0, "a new page starts at its top");
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(app.open.as_deref(), Some(first.as_str()));
    assert_eq!(app.scroll, at, "back where the volunteer was reading");
}

#[test]
fn the_review_date_sits_under_the_title() {
    let mut app = app(80, 24);
    keys(&mut app, "froid");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let text: Vec<String> = app
        .doc
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(text[0].starts_with("Que faire face au froid"), "{text:?}");
    let dated = text
        .iter()
        .position(|l| l.contains("relu") || l.contains("Relu") || l.contains("vérifi"))
        .expect("a review line");
    let answer = text
        .iter()
        .position(|l| l.starts_with("En bref"))
        .expect("summary");
    assert!(dated < answer, "review date before the summary: {text:?}");
}

#[test]
fn after_a_resize_the_keys_act_on_what_is_shown() {
    for (from, to) in [
        ((60, 20), (120, 40)),
        ((120, 40), (60, 20)),
        ((80, 24), (200, 50)),
    ] {
        let mut app = app(from.0, from.1);
        // Open a contact, then select another row in the list.
        ctrl(&mut app, 't');
        ctrl(&mut app, 't');
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        let opened = app.open.clone().expect("a contact open");
        press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        press(&mut app, KeyCode::Down, KeyModifiers::NONE);
        app.update(relais::tui::action::Action::Resize(to.0, to.1));
        ctrl(&mut app, 'o');
        let copied = app.clipboard.take().expect("a number copied");
        let selected = &app.rows[app.selected].id;
        let kb = tui_support::kb();
        let number = |id: &str| kb.contact(id).and_then(|c| c.phone.first().cloned());
        assert_eq!(
            Some(copied),
            number(selected),
            "{from:?} → {to:?}: the selected contact"
        );
        if app.areas().reader.width > 0 {
            assert_eq!(
                app.open.as_ref(),
                Some(selected),
                "{from:?} → {to:?}: the reader shows it"
            );
            assert!(
                app.back.contains(&opened) || opened == *selected,
                "the opened page stays in the history"
            );
        }
        assert_invariants(&app);
    }
}

#[test]
fn a_shrink_then_a_grow_shows_the_first_result_again() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    app.update(relais::tui::action::Action::Resize(80, 8));
    app.update(relais::tui::action::Action::Resize(80, 24));
    assert_eq!(app.list_offset, 0, "row 1 is back in view");
    assert_eq!(app.selected, 2);
}
