//! The screen around the panes: focus, help, theme, sizes and the status bar.

use relais::tui::action::Action;
use relais::tui::app::{App, Focus};
use relais::tui::keymap::Mode;
use tui_support::{app, draw, lines, type_text};

use super::assert_invariants;
use crate::support::tui as tui_support;

// --- focus, help, theme ----------------------------------------------------------------------

#[test]
fn tab_cycles_focus_and_skips_an_empty_reader() {
    let mut app = app(60, 20);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Results);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Search, "no reader without an open item");
    let mut app = tui_support::app(120, 40);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reader, "the preview can take the focus");
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Results);
}

#[test]
fn help_overlay_takes_the_keys_and_scrolls() {
    let mut app = app(80, 24);
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Help);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    assert_eq!(app.help_scroll, 2);
    assert_eq!(app.scroll, 0, "the reader did not move");
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Search);
    app.update(Action::ToggleHelp);
    assert_eq!(app.help_scroll, 0, "reopening starts at the top");
}

#[test]
fn f2_switches_to_the_high_contrast_theme_and_back() {
    let mut app = app(80, 24);
    app.update(Action::ToggleTheme);
    assert_eq!(app.theme.name, relais::tui::theme::ThemeName::Contraste);
    app.update(Action::ToggleTheme);
    assert_eq!(app.theme.name, relais::tui::theme::ThemeName::Defaut);
}

#[test]
fn quit_sets_the_flag() {
    let mut app = app(80, 24);
    assert!(!app.quit);
    app.update(Action::Quit);
    assert!(app.quit);
}

// --- sizes -----------------------------------------------------------------------------------

#[test]
fn resizes_keep_the_invariants() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::ScrollBottom);
    app.update(Action::SelectLast);
    for (w, h) in [
        (1, 1),
        (40, 12),
        (300, 100),
        (0, 0),
        (79, 24),
        (80, 24),
        (1, 1),
    ] {
        app.update(Action::Resize(w, h));
        assert_eq!((app.size.width, app.size.height), (w, h));
        assert_invariants(&app);
        if w > 0 && h > 0 {
            draw(&app);
        }
    }
}

#[test]
fn a_narrow_screen_switches_between_list_and_reader() {
    let mut app = app(40, 12);
    assert!(!app.wide());
    let a = app.areas();
    assert!(a.list.width > 0 && a.reader.width == 0);
    app.update(Action::SelectNext);
    app.update(Action::Open);
    assert_eq!(app.open.as_deref(), Some("transport-chauffeur"));
    let a = app.areas();
    assert!(a.reader.width == 40 && a.list.width == 0);
    assert!(app.doc.lines.iter().all(|l| l.width() <= 37));
    app.update(Action::Back);
    assert_eq!(
        app.focus,
        Focus::Results,
        "Back with no history returns to the list"
    );
    assert!(app.areas().list.width > 0);
}

#[test]
fn widening_relays_out_the_open_entry() {
    let mut app = app(40, 12);
    app.update(Action::Open);
    let narrow = app.doc.lines.len();
    app.update(Action::Resize(200, 50));
    assert!(app.doc.lines.len() < narrow, "wider text takes fewer lines");
    let width = app.areas().reader_text().width as usize;
    assert!(app.doc.lines.iter().all(|l| l.width() <= width));
}

// --- status bar ------------------------------------------------------------------------------

/// At every width from 40 to 160 columns and in the search bar, the list and the reader, the
/// status bar shows whole hints only (never a word cut at the edge) and always the help and
/// quit keys.
#[test]
fn the_status_bar_shows_whole_hints_and_always_the_help_key() {
    for width in 40..=160 {
        let mut app = app(width, 20);
        for step in [None, Some(Action::FocusNext)] {
            if let Some(action) = step {
                app.update(action);
            }
            let bar = lines(&draw(&app)).last().cloned().unwrap_or_default();
            let bar = bar.trim_end();
            assert!(
                bar.ends_with("F1 aide  Ctrl+C quitter"),
                "{width} columns: {bar:?}"
            );
            // The data's path, cut from the left when long: its file name stays.
            assert!(
                bar.starts_with(" tests/fixtures/tui/kb.yaml") || bar.starts_with(" …"),
                "{width}: {bar:?}"
            );
            assert!(bar.contains("kb.yaml"), "{width}: {bar:?}");
        }
        // The reader: open the first entry.
        app.update(Action::Open);
        let bar = lines(&draw(&app)).last().cloned().unwrap_or_default();
        assert!(
            bar.trim_end().ends_with("F1 aide  Ctrl+C quitter"),
            "{width} columns, reader: {bar:?}"
        );
    }
}

/// Browsing without a query, the list's border names the category of the selected row (and
/// "Contacts" among the contacts); with a query it counts the results.
#[test]
fn browsing_names_the_category_of_the_selection() {
    let mut app = app(120, 40);
    let top = app.areas().list_rows().y - 1;
    let border = |app: &App| lines(&draw(app))[usize::from(top)].clone();
    let kb = tui_support::kb();
    let first = kb.entry(&app.rows[0].id).expect("an entry first");
    let category = &kb.category(&first.category).expect("its category").title;
    assert!(border(&app).contains(category.as_str()), "{}", border(&app));
    app.update(Action::FocusNext);
    app.update(Action::SelectLast);
    assert!(
        border(&app).contains(&format!("Contacts · {}", app.rows.len())),
        "{}",
        border(&app)
    );
    app.update(Action::FocusSearch);
    type_text(&mut app, "froid");
    assert_eq!(app.input.value(), "froid");
    assert!(border(&app).contains("résultat"), "{}", border(&app));
    assert!(
        !border(&app).contains(category.as_str()),
        "{}",
        border(&app)
    );
}

/// On a wide screen the reading lines stop at about ninety columns.
#[test]
fn reading_lines_are_capped_on_a_wide_screen() {
    let mut app = app(200, 50);
    type_text(&mut app, "heberger");
    app.update(Action::Open);
    assert!(app.areas().reader_text().width > 120);
    assert!(
        app.doc.lines.iter().all(|l| l.width() <= 90),
        "{:?}",
        app.doc.lines.iter().map(ratatui::text::Line::width).max()
    );
}

/// A status message longer than the bar is shortened after a whole word, never inside one.
#[test]
fn status_messages_never_cut_a_word() {
    let message = "Numéro copié dans le presse-papiers du terminal : 0800 00 000 (Croix-Rouge — accueil de nuit)";
    let words: Vec<&str> = message.split(' ').collect();
    for width in 30..=140 {
        let mut app = app(width, 20);
        app.status = Some(message.to_owned());
        let bar = lines(&draw(&app)).last().cloned().unwrap_or_default();
        let shown = bar.trim();
        let shown = shown
            .strip_suffix("Ctrl+C quitter")
            .unwrap_or(shown)
            .trim_end();
        let text = shown.rsplit("  ").next().unwrap_or(shown).trim_start();
        let text = text.strip_suffix('…').unwrap_or(text);
        for (i, word) in text.split(' ').enumerate() {
            assert!(
                words.contains(&word) || (i == 0 && message.contains(word)),
                "{width} columns: « {word} » is not a whole word: {bar:?}"
            );
        }
    }
}
