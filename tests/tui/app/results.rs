//! The results list: browsing and searching, the selection, suggestions and fallback
//! contacts, tabs and filters.

use relais::search::Kind;
use relais::tui::action::Action;
use relais::tui::app::{Focus, Tab};
use relais::tui::keymap::Mode;
use tui_input::InputRequest;
use tui_support::{app, row_ids, shows, type_text};

use super::{BROWSE_ORDER, assert_invariants};
use crate::support::tui as tui_support;

// --- results and selection -------------------------------------------------------------------

#[test]
fn empty_query_browses_entries_by_category_then_contacts_by_region() {
    let app = app(120, 40);
    assert_eq!(app.focus, Focus::Search);
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(row_ids(&app), BROWSE_ORDER);
    let kinds: Vec<Kind> = app.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds[..6], [Kind::Faq; 6]);
    assert_eq!(kinds[6..], [Kind::Contact; 4]);
    assert_eq!(app.group_of(&app.rows[2]), "Santé");
    assert_eq!(
        app.group_of(&app.rows[9]),
        "Contacts — Wallonie",
        "contacts are grouped by region label"
    );
    assert!(!app.nothing_found);
}

#[test]
fn selection_stays_within_bounds() {
    let mut app = app(120, 40);
    app.update(Action::SelectPrev);
    assert_eq!(app.selected, 0, "SelectPrev at the top stays at the top");
    for _ in 0..25 {
        app.update(Action::SelectNext);
    }
    assert_eq!(
        app.selected,
        app.rows.len() - 1,
        "SelectNext stops at the end"
    );
    app.update(Action::SelectFirst);
    assert_eq!(app.selected, 0);
    app.update(Action::SelectLast);
    assert_eq!(app.selected, 9);
    assert_invariants(&app);
}

#[test]
fn page_down_moves_a_list_height_and_keeps_the_selection_visible() {
    // 12 rows: one-line search bar, tabs, status bar, and a list of 7 rows inside its border.
    let mut app = app(80, 12);
    let height = app.areas().list_rows().height as usize;
    assert_eq!(height, 7);
    app.update(Action::PageDown);
    assert_eq!(app.selected, height);
    assert!(app.list_offset >= 1, "the list scrolled");
    assert_invariants(&app);
    app.update(Action::PageDown);
    assert_eq!(app.selected, 9, "PageDown stops at the last row");
    app.update(Action::PageUp);
    assert_eq!(app.selected, 9 - height);
    app.update(Action::PageUp);
    assert_eq!(app.selected, 0);
    assert_eq!(app.list_offset, 0);
}

#[test]
fn the_selection_previews_on_a_wide_screen_without_touching_history() {
    let mut app = app(120, 40);
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
    app.update(Action::SelectNext);
    app.update(Action::SelectNext);
    assert_eq!(app.open.as_deref(), Some("aide-medicale"));
    assert!(app.previewing);
    assert!(app.back.is_empty(), "previews are not history steps");
    assert_eq!(app.focus, Focus::Search);
}

#[test]
fn queries_without_accents_find_the_right_first_row() {
    for (query, first) in [
        ("heberger sans papiers", "droits-hebergeur"),
        ("detenu centre ferme", "detention"),
        ("hypothermie", "urgence-froid"),
        ("controle de police", "controle-police"),
        ("toubib", "aide-medicale"),
        ("medecins benevoles liege", "medecins-benevoles"),
    ] {
        let mut app = app(120, 40);
        type_text(&mut app, query);
        assert_eq!(app.input.value(), query);
        assert_eq!(
            app.rows.first().map(|r| r.id.as_str()),
            Some(first),
            "query {query:?}: {:?}",
            row_ids(&app)
        );
        assert_eq!(app.selected, 0);
        assert!(!app.nothing_found);
        assert!(
            !app.rows[0].positions.is_empty() || app.rows[0].id == "aide-medicale",
            "{query:?}: matched title words are marked"
        );
    }
}

#[test]
fn escape_in_the_search_bar_clears_the_query_and_browses_again() {
    let mut app = app(120, 40);
    type_text(&mut app, "police");
    assert_ne!(row_ids(&app), BROWSE_ORDER);
    app.update(Action::Escape);
    assert_eq!(app.input.value(), "");
    assert_eq!(row_ids(&app), BROWSE_ORDER);
    app.update(Action::Escape);
    assert_eq!(app.focus, Focus::Search, "Esc on an empty query stays put");
}

#[test]
fn editing_keys_change_the_query() {
    let mut app = app(120, 40);
    type_text(&mut app, "froid hiver");
    app.update(Action::Edit(InputRequest::DeletePrevWord));
    assert_eq!(app.input.value(), "froid ");
    app.update(Action::Edit(InputRequest::GoToStart));
    app.update(Action::Edit(InputRequest::DeleteNextChar));
    assert_eq!(app.input.value(), "roid ");
    app.update(Action::Edit(InputRequest::DeleteLine));
    assert_eq!(app.input.value(), "");
    assert_eq!(row_ids(&app), BROWSE_ORDER);
}

#[test]
fn a_paste_is_one_line_of_search() {
    let mut app = app(120, 40);
    app.update(Action::Paste("centre\nferme\t".to_owned()));
    assert_eq!(app.input.value(), "centre ferme ");
    assert_eq!(app.rows[0].id, "detention");
}

#[test]
fn nothing_found_shows_the_fallback_contacts() {
    let mut app = app(120, 40);
    type_text(&mut app, "xyzzy");
    assert!(app.nothing_found);
    assert_eq!(row_ids(&app), ["permanence-juridique", "croix-rouge"]);
    assert!(app.rows.iter().all(|r| r.kind == Kind::Contact));
    app.update(Action::Edit(InputRequest::DeleteLine));
    assert!(!app.nothing_found, "clearing the query clears the state");
}

#[test]
fn a_misspelt_word_gets_a_suggestion() {
    let mut app = app(120, 40);
    // Two letters off: too far for the typo tolerance of the search, close enough to suggest.
    type_text(&mut app, "plolise");
    assert!(app.nothing_found, "{:?}", row_ids(&app));
    assert!(!app.suggestions.is_empty());
    assert!(
        app.suggestions.iter().any(|s| s == "police"),
        "{:?}",
        app.suggestions
    );
    assert_eq!(row_ids(&app), ["permanence-juridique", "croix-rouge"]);
}

#[test]
fn a_synonym_alone_is_not_a_sure_answer() {
    let mut app = app(120, 40);
    // `toubib` is only a synonym of `médecin` in the fixture: the entry shows, in doubt, and
    // the fallback contacts follow it.
    type_text(&mut app, "toubib");
    assert!(app.not_sure && !app.nothing_found);
    let ids = row_ids(&app);
    assert_eq!(ids.first(), Some(&"aide-medicale"), "{ids:?}");
    assert!(
        ids.ends_with(&["permanence-juridique", "croix-rouge"]),
        "{ids:?}"
    );
    assert!(shows(&app, "Pas de réponse sûre"));
    // A word of the data is a sure answer.
    app.update(Action::Edit(InputRequest::DeleteLine));
    type_text(&mut app, "médecin");
    assert!(!app.not_sure);
    assert!(!shows(&app, "Pas de réponse sûre"));
}

// --- tabs and filters ------------------------------------------------------------------------

#[test]
fn tabs_show_faq_only_or_contacts_only() {
    let mut app = app(120, 40);
    app.update(Action::NextTab);
    assert_eq!(app.tab, Tab::Faq);
    assert_eq!(row_ids(&app), BROWSE_ORDER[..6]);
    app.update(Action::NextTab);
    assert_eq!(app.tab, Tab::Contacts);
    assert_eq!(row_ids(&app), BROWSE_ORDER[6..]);
    app.update(Action::NextTab);
    assert_eq!(app.tab, Tab::All);
    app.update(Action::PrevTab);
    assert_eq!(app.tab, Tab::Contacts);
}

#[test]
fn tabs_filter_search_results_too() {
    let mut app = app(120, 40);
    type_text(&mut app, "police");
    let all = row_ids(&app).len();
    app.update(Action::NextTab);
    assert!(app.rows.iter().all(|r| r.kind == Kind::Faq));
    app.update(Action::NextTab);
    assert_eq!(row_ids(&app), ["ligue-droits"]);
    assert!(all > 1);
}

#[test]
fn cycle_filter_walks_the_categories_then_clears() {
    let mut app = app(120, 40);
    app.update(Action::CycleFilter);
    assert_eq!(
        app.tab,
        Tab::Faq,
        "a category filter switches to the FAQ tab"
    );
    assert_eq!(row_ids(&app), ["droits-hebergeur", "transport-chauffeur"]);
    assert_eq!(
        app.filter_label().as_deref(),
        Some("Catégorie : Hébergement et transport")
    );
    app.update(Action::CycleFilter);
    assert_eq!(row_ids(&app), ["aide-medicale", "urgence-froid"]);
    app.update(Action::CycleFilter);
    assert_eq!(row_ids(&app), ["controle-police", "detention"]);
    app.update(Action::CycleFilter);
    assert_eq!(app.category, None);
    assert_eq!(row_ids(&app), BROWSE_ORDER[..6]);
    assert_eq!(app.filter_label(), None);
}

#[test]
fn cycle_filter_on_contacts_walks_the_regions() {
    let mut app = app(120, 40);
    app.update(Action::PrevTab);
    assert_eq!(app.tab, Tab::Contacts);
    app.update(Action::CycleFilter);
    assert_eq!(
        app.filter_label().as_deref(),
        Some("Région : Province de Namur")
    );
    // Namur's own contacts, then the Wallonia-wide ones under their separator.
    assert_eq!(row_ids(&app), ["permanence-juridique", "croix-rouge"]);
    assert_eq!(app.rows[0].sep, None);
    assert_eq!(app.rows[1].sep.as_deref(), Some("Toute la Wallonie"));
    app.update(Action::CycleFilter);
    assert_eq!(
        row_ids(&app),
        ["croix-rouge"],
        "nobody in Luxembourg in the fixture: the Wallonia-wide contacts remain"
    );
    for _ in 0..7 {
        app.update(Action::CycleFilter);
    }
    assert_eq!(app.region, Some(8));
    assert!(app.rows.is_empty(), "nobody in Flanders nor Belgium-wide");
    assert!(!app.nothing_found, "an empty filter is not a failed search");
    // Moving and opening on an empty list does nothing, and does not panic.
    for action in [
        Action::SelectNext,
        Action::SelectLast,
        Action::PageDown,
        Action::Open,
        Action::CopyPhone,
    ] {
        app.update(action);
        assert_invariants(&app);
    }
    assert!(shows(&app, "Rien à afficher avec ce filtre"));
    app.update(Action::CycleFilter);
    assert_eq!(app.region, None, "nine regions, then no filter");
    assert_eq!(row_ids(&app), BROWSE_ORDER[6..]);
}
