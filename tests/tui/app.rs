//! The interface's update logic, without a terminal: an `App` on the fixture knowledge base,
//! actions applied one by one, and the state asserted (selection, results, tabs and filters,
//! history, find, clipboard payloads, mouse, resizes).

use crate::support::tui as tui_support;

use proptest::prelude::*;
use relais::action::Action;
use relais::app::{App, Focus, Tab};
use relais::keymap::Mode;
use relais::search::Kind;
use tui_input::InputRequest;
use tui_support::{app, draw, lines, open_id, row_ids, shows, type_text};

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
    assert_eq!(app.list_offset, 1, "the list scrolled by one row");
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
    assert_eq!(row_ids(&app), ["permanence-juridique"]);
    app.update(Action::CycleFilter);
    assert!(app.rows.is_empty(), "nobody in Luxembourg in the fixture");
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
    assert!(shows(&app, "Rien à afficher avec ce filtre."));
    for _ in 0..8 {
        app.update(Action::CycleFilter);
    }
    assert_eq!(app.region, None, "nine regions, then no filter");
    assert_eq!(row_ids(&app), BROWSE_ORDER[6..]);
}

// --- reading and history ---------------------------------------------------------------------

#[test]
fn open_focuses_the_reader_and_lays_out_the_entry() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
    assert!(!app.previewing);
    let text = doc_text(&app);
    assert!(text[0].contains("Puis-je héberger une personne sans papiers"));
    assert!(text.iter().any(|l| l.starts_with("Vérifié le 01/10/2026")));
    assert!(
        !text
            .iter()
            .any(|l| l.contains("Relu il y a plus de 12 mois"))
    );
    // Links in the order they appear: answer, related entries, contacts.
    assert_eq!(
        app.doc.links[..3],
        [
            "permanence-juridique",
            "aide-medicale",
            "transport-chauffeur"
        ]
    );
    assert!(app.doc.links.contains(&"medecins-benevoles".to_owned()));
    let width = app.areas().reader_text().width as usize;
    assert!(app.doc.lines.iter().all(|l| l.width() <= width));
}

#[test]
fn a_stale_entry_shows_the_warning_first() {
    let mut app = app(120, 40);
    open_id(&mut app, "urgence-froid");
    let first = doc_text(&app).remove(0);
    assert!(first.contains("Relu il y a plus de 12 mois"), "{first}");
}

#[test]
fn an_unverified_contact_says_so() {
    let mut app = app(120, 40);
    open_id(&mut app, "medecins-benevoles");
    let text = doc_text(&app);
    // Rule D.2: never confirmed, so shown with its source (none here) and « non vérifié ».
    assert!(text.iter().any(|l| l.contains("— non vérifié")), "{text:?}");
    open_id(&mut app, "permanence-juridique");
    let text = doc_text(&app);
    assert!(
        text.iter()
            .any(|l| l.contains("Coordonnées vérifiées le 01/11/2026"))
    );
    let phones = text
        .iter()
        .find(|l| l.starts_with("Téléphone : "))
        .expect("a phone line");
    assert!(
        phones.contains("081 00 00 00") && phones.contains("+32 2 000 00 00"),
        "{phones}"
    );
}

#[test]
fn a_verification_older_than_a_year_says_reverifier_as_a_warning() {
    // Issue 15, item 9: `verified` ages like `reviewed`.
    let later = relais::app::DataInfo {
        origin: relais::kb::Origin::Flag("tests/fixtures/tui/kb.yaml".into()),
        today: jiff::civil::date(2027, 11, 2),
    };
    let mut app = App::new(tui_support::kb(), later, relais::theme::ThemeName::Defaut);
    app.update(Action::Resize(120, 40));
    open_id(&mut app, "permanence-juridique");
    let line = app
        .doc
        .lines
        .iter()
        .find(|l| {
            l.to_string()
                .contains("Coordonnées vérifiées le 01/11/2026")
        })
        .expect("the verification line");
    assert!(line.to_string().ends_with("à revérifier"), "{line}");
    assert!(
        line.spans
            .iter()
            .filter(|s| !s.content.trim().is_empty())
            .all(|s| s.style.bg == app.theme.warning.bg),
        "not drawn as a warning: {line:?}"
    );
}

#[test]
fn links_back_and_forward_keep_a_consistent_history() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::FollowLink(2));
    assert_eq!(app.open.as_deref(), Some("aide-medicale"));
    assert_eq!(app.back, ["droits-hebergeur"]);
    assert!(app.forward.is_empty());
    let to_medecins = app
        .doc
        .links
        .iter()
        .position(|l| l == "medecins-benevoles")
        .expect("link to the doctors");
    app.update(Action::FollowLink(to_medecins + 1));
    assert_eq!(app.open.as_deref(), Some("medecins-benevoles"));
    assert_eq!(app.back, ["droits-hebergeur", "aide-medicale"]);

    app.update(Action::Back);
    assert_eq!(app.open.as_deref(), Some("aide-medicale"));
    assert_eq!(app.forward, ["medecins-benevoles"]);
    app.update(Action::Back);
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
    assert_eq!(app.forward, ["medecins-benevoles", "aide-medicale"]);
    app.update(Action::Back);
    assert_eq!(
        app.open.as_deref(),
        Some("droits-hebergeur"),
        "nothing further back"
    );

    app.update(Action::Forward);
    assert_eq!(app.open.as_deref(), Some("aide-medicale"));
    assert_eq!(app.back, ["droits-hebergeur"]);
    // A new link drops the forward history, as in a browser.
    app.update(Action::FollowLink(1));
    assert_eq!(app.back, ["droits-hebergeur", "aide-medicale"]);
    assert!(app.forward.is_empty());
    app.update(Action::Forward);
    assert_eq!(app.back.len(), 2, "Forward with nothing ahead does nothing");
    assert_invariants(&app);
}

#[test]
fn following_a_link_from_a_preview_keeps_the_preview_in_history() {
    let mut app = app(120, 40);
    assert!(app.previewing);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::FollowLink(2));
    assert_eq!(app.open.as_deref(), Some("aide-medicale"));
    assert_eq!(app.back, ["droits-hebergeur"]);
    app.update(Action::Back);
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
}

#[test]
fn a_narrow_screen_has_no_hidden_preview() {
    // The app starts at 80x24 (wide, previewing), then learns the real size.
    let mut app = app(60, 20);
    assert!(app.open.is_none());
    app.update(Action::Resize(120, 40));
    assert_eq!(
        app.open.as_deref(),
        Some("droits-hebergeur"),
        "preview again when wide"
    );
    app.update(Action::Resize(60, 20));
    assert!(app.open.is_none());
    app.update(Action::Open);
    app.update(Action::Resize(120, 40));
    app.update(Action::Resize(60, 20));
    assert_eq!(
        app.open.as_deref(),
        Some("droits-hebergeur"),
        "an opened entry stays open"
    );
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn escape_in_the_reader_goes_back_then_leaves() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::FollowLink(1));
    assert_eq!(app.open.as_deref(), Some("permanence-juridique"));
    app.update(Action::Escape);
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::Escape);
    assert_eq!(app.focus, Focus::Results);
    app.update(Action::Escape);
    assert_eq!(app.focus, Focus::Search);
}

#[test]
fn a_missing_link_number_says_so() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::FollowLink(99));
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
    assert!(app.back.is_empty());
    assert!(app.status.as_deref().is_some_and(|s| s.contains("99")));
    app.update(Action::FollowLink(0));
    assert!(app.back.is_empty());
}

#[test]
fn query_words_are_highlighted_in_the_answer() {
    let mut app = app(120, 40);
    type_text(&mut app, "humanite");
    app.update(Action::Open);
    let highlight = app.theme.highlight;
    // Warning lines share the highlight's colours in this theme: only mixed lines can hold a
    // highlighted word.
    let marked: Vec<String> = app
        .doc
        .lines
        .iter()
        .filter(|l| {
            !l.spans
                .iter()
                .filter(|s| !s.content.trim().is_empty())
                .all(|s| s.style.bg == app.theme.warning.bg)
        })
        .flat_map(|l| l.spans.iter())
        .filter(|s| s.style.bg == highlight.bg && s.style.bg.is_some())
        .map(|s| s.content.to_string())
        .collect();
    assert!(!marked.is_empty());
    assert!(
        marked
            .iter()
            .all(|m| relais::search::fold::fold(m).starts_with("humanit")),
        "{marked:?}"
    );
}

#[test]
fn find_in_the_answer_wraps_around() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::StartFind);
    assert_eq!(app.mode(), Mode::Find);
    type_text(&mut app, "loi");
    assert_eq!(
        app.input.value(),
        "",
        "find typing does not touch the query"
    );
    let count = app.doc.matches.len();
    assert!(count >= 2, "{:?}", app.doc.matches);
    let find = app.find.as_ref().expect("find bar open");
    assert_eq!(find.input.value(), "loi");
    assert_eq!(find.current, 0);
    app.update(Action::FindNext);
    assert_eq!(app.mode(), Mode::Reader, "confirming leaves the find bar");
    assert_eq!(app.find.as_ref().map(|f| f.current), Some(1));
    for _ in 1..count {
        app.update(Action::FindNext);
    }
    assert_eq!(app.find.as_ref().map(|f| f.current), Some(0), "wrapped");
    app.update(Action::FindPrev);
    assert_eq!(app.find.as_ref().map(|f| f.current), Some(count - 1));
    assert_invariants(&app);
    app.update(Action::Escape);
    assert!(app.find.is_none());
    assert!(app.doc.matches.is_empty());
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
}

#[test]
fn find_without_a_match_says_so() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::StartFind);
    type_text(&mut app, "zzz");
    assert!(app.doc.matches.is_empty());
    app.update(Action::FindNext);
    assert!(app.status.as_deref().is_some_and(|s| s.contains("Aucune")));
}

#[test]
fn find_needs_something_open() {
    let mut app = app(60, 20);
    assert!(app.open.is_none(), "narrow screens do not preview");
    app.update(Action::StartFind);
    assert!(app.find.is_none());
    assert_eq!(app.focus, Focus::Search);
}

// --- clipboard -------------------------------------------------------------------------------

#[test]
fn copy_answer_puts_the_whole_entry_as_plain_text() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    assert!(app.clipboard.is_none());
    app.update(Action::CopyAnswer);
    let text = app.clipboard.clone().expect("something copied");
    for part in [
        "Puis-je héberger une personne sans papiers ?",
        "En bref : Oui : héberger quelqu'un par humanité",
        "par humanité",
        "Loi du 15 décembre 1980, article 77",
        "Brochure « Quels droits pour les personnes solidaires ? »",
        "Vérifié le 01/10/2026",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
    assert!(!text.contains("**"), "no markup in the copy");
    assert!(!text.contains('\x1b'), "no escape sequences in the copy");
    assert!(app.status.as_deref().is_some_and(|s| s.contains("copiée")));
}

#[test]
fn copy_phone_copies_exactly_the_first_number_of_a_contact() {
    let mut app = app(120, 40);
    open_id(&mut app, "permanence-juridique");
    app.update(Action::CopyPhone);
    assert_eq!(app.clipboard.as_deref(), Some("081 00 00 00"));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("081 00 00 00"))
    );
}

#[test]
fn copy_phone_works_on_the_selected_contact_in_the_list() {
    let mut app = app(120, 40);
    app.update(Action::SelectLast);
    assert_eq!(app.rows[app.selected].id, "croix-rouge");
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Results);
    app.update(Action::CopyPhone);
    assert_eq!(app.clipboard.as_deref(), Some("0800 00 000"));
}

#[test]
fn copy_phone_on_an_entry_or_a_contact_without_phone_copies_nothing() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::CopyPhone);
    assert!(app.clipboard.is_none());
    assert!(app.status.as_deref().is_some_and(|s| s.contains("contact")));

    open_id(&mut app, "ligue-droits");
    app.update(Action::CopyPhone);
    assert!(app.clipboard.is_none());
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("pas de numéro")),
        "{:?}",
        app.status
    );
}

#[test]
fn copy_with_nothing_open_copies_nothing() {
    let mut app = app(60, 20);
    app.update(Action::PrevTab);
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert!(app.rows.is_empty(), "nobody in Luxembourg");
    assert!(app.open.is_none());
    app.update(Action::CopyAnswer);
    assert!(app.clipboard.is_none());
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("Rien à copier"))
    );
}

#[test]
fn outside_the_reader_y_copies_the_highlighted_row() {
    // On a narrow screen, after reading one entry and going back to the list.
    let mut app = app(60, 20);
    app.update(Action::Open);
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
    app.update(Action::Escape);
    assert_eq!(app.focus, Focus::Results);
    app.update(Action::SelectLast);
    app.update(Action::CopyAnswer);
    let text = app.clipboard.take().expect("copied");
    assert!(text.starts_with("Croix-Rouge — accueil de nuit"), "{text}");
    app.update(Action::Open);
    app.update(Action::SelectFirst);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::CopyAnswer);
    let text = app.clipboard.take().expect("copied");
    assert!(
        text.starts_with("Croix-Rouge"),
        "in the reader, the open card: {text}"
    );
}

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
    assert_eq!(app.theme.name, relais::theme::ThemeName::Contraste);
    app.update(Action::ToggleTheme);
    assert_eq!(app.theme.name, relais::theme::ThemeName::Defaut);
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
    app.update(Action::Click(rows.x + 3, rows.y + 2));
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
    app.update(Action::Click(rows.x + 1, rows.y + 3));
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

// --- any sequence ----------------------------------------------------------------------------

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        prop::sample::select(vec![
            Action::SelectNext,
            Action::SelectPrev,
            Action::SelectFirst,
            Action::SelectLast,
            Action::PageDown,
            Action::PageUp,
            Action::Open,
            Action::Back,
            Action::Forward,
            Action::Escape,
            Action::FocusNext,
            Action::FocusPrev,
            Action::FocusSearch,
            Action::ScrollDown,
            Action::ScrollBottom,
            Action::NextTab,
            Action::CycleFilter,
            Action::StartFind,
            Action::FindNext,
            Action::FindPrev,
            Action::CopyAnswer,
            Action::CopyPhone,
            Action::ToggleQr,
            Action::ToggleHelp,
            Action::ToggleTheme,
        ]),
        (0usize..12).prop_map(Action::FollowLink),
        prop::sample::select(vec!['e', 'r', 'o', 'i', ' ', 'é', 'z'])
            .prop_map(|c| Action::Edit(InputRequest::InsertChar(c))),
        Just(Action::Edit(InputRequest::DeletePrevChar)),
        (1u16..130, 1u16..45).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..130, 0u16..45).prop_map(|(x, y)| Action::Click(x, y)),
        (0u16..130, 0u16..45, -3i8..4).prop_map(|(x, y, d)| Action::Wheel(x, y, d)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the user does, at whatever size, the state stays consistent and drawing works.
    #[test]
    fn any_sequence_keeps_the_invariants(actions in prop::collection::vec(any_action(), 1..40)) {
        let mut app = app(80, 24);
        for action in actions {
            app.update(action);
            assert_invariants(&app);
            draw(&app);
        }
    }
}

#[test]
fn the_qr_code_of_a_contact_encodes_its_phone_and_escape_closes_it() {
    let mut app = app(120, 40);
    let (id, phone) = app
        .kb
        .contacts
        .iter()
        .find_map(|c| c.phone.first().map(|p| (c.id.clone(), p.clone())))
        .expect("the fixture has a contact with a phone");
    app.navigate(id);
    app.focus = relais::app::Focus::Reader;
    app.update(Action::ToggleQr);
    let qr = app
        .qr
        .clone()
        .expect("a QR code for a contact with a phone");
    assert!(qr.caption.contains(phone.as_str()), "{}", qr.caption);
    let width = qr.lines[0].chars().count();
    assert!(qr.lines.len() > 10 && qr.lines.iter().all(|l| l.chars().count() == width));
    app.update(Action::Escape);
    assert!(app.qr.is_none());
}

#[test]
fn no_qr_code_for_an_entry() {
    let mut app = app(120, 40);
    let id = app.kb.entries[0].id.clone();
    app.navigate(id);
    app.focus = relais::app::Focus::Reader;
    app.update(Action::ToggleQr);
    assert!(app.qr.is_none());
    assert!(app.status.is_some());
}

#[test]
fn links_past_nine_are_typed_with_two_digits() {
    let today = jiff::civil::date(2026, 11, 27);
    let files = relais::kb::Origin::Bundled.read().expect("bundled");
    let (kb, _) = relais::kb::validate::validate(&files, today).expect("valid");
    let info = relais::app::DataInfo {
        origin: relais::kb::Origin::Bundled,
        today,
    };
    let mut app = App::new(kb, info, relais::theme::ThemeName::Defaut);
    app.update(Action::Resize(120, 40));
    let ids: Vec<String> = app.kb.entries.iter().map(|e| e.id.clone()).collect();
    let id = ids
        .into_iter()
        .find(|id| {
            app.navigate(id.clone());
            app.doc.links.len() >= 12
        })
        .expect("an entry with at least 12 links");
    app.focus = Focus::Reader;
    let twelfth = app.doc.links[11].clone();
    let first = app.doc.links[0].clone();
    app.update(Action::FollowLink(1));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("Lien n° 1")),
        "waits for a second digit"
    );
    app.update(Action::FollowLink(2));
    assert_eq!(app.open.as_deref(), Some(twelfth.as_str()));

    // One digit then Enter follows link 1.
    app.navigate(id);
    app.update(Action::FollowLink(1));
    app.update(Action::Open);
    assert_eq!(app.open.as_deref(), Some(first.as_str()));
}

// --- status bar ------------------------------------------------------------------------------

/// At every width from 40 to 160 columns and in the search bar, the list and the reader, the
/// status bar shows whole hints only (never a word cut at the edge) and always the help key.
#[test]
fn the_status_bar_shows_whole_hints_and_always_the_help_key() {
    for width in 40..=160 {
        let mut app = app(width, 20);
        for (step, help) in [(None, "F1 aide"), (Some(Action::FocusNext), "? aide")] {
            if let Some(action) = step {
                app.update(action);
            }
            let bar = lines(&draw(&app)).last().cloned().unwrap_or_default();
            let bar = bar.trim_end();
            assert!(bar.ends_with(help), "{width} columns: {bar:?}");
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
            bar.trim_end().ends_with("? aide"),
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
