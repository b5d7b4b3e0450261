//! The reader and the history: an entry or a contact opened and laid out, its warnings, links
//! followed, back and forward, highlights and find.

use relais::tui::action::Action;
use relais::tui::app::{App, Focus};
use relais::tui::keymap::Mode;
use tui_support::{app, open_id, type_text};

use super::{assert_invariants, doc_text};
use crate::support::tui as tui_support;

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
fn a_stale_entry_shows_the_warning_under_its_title() {
    let mut app = app(120, 40);
    open_id(&mut app, "urgence-froid");
    let text = doc_text(&app);
    assert!(text[0].starts_with("Que faire face au froid"), "{text:?}");
    // The title, the review dates, then the warning: all before the summary.
    let warning = text
        .iter()
        .position(|l| l.contains("Relu il y a plus de 12 mois"))
        .expect("the warning");
    let summary = text
        .iter()
        .position(|l| l.starts_with("En bref"))
        .expect("summary");
    assert!(warning <= 3 && warning < summary, "{text:?}");
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
    let later = relais::tui::app::DataInfo {
        origin: relais::kb::Origin::Flag("tests/fixtures/tui/kb.yaml".into()),
        today: jiff::civil::date(2027, 11, 2),
    };
    let mut app = App::new(
        tui_support::kb(),
        later,
        relais::tui::theme::ThemeName::Defaut,
    );
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
fn back_goes_back_and_escape_leaves_the_reader() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::FollowLink(1));
    assert_eq!(app.open.as_deref(), Some("permanence-juridique"));
    app.update(Action::Back);
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
    assert!(
        highlight
            .add_modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
    // Warning lines are drawn in one style of their own: only mixed lines can hold a
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
        .filter(|s| s.style.add_modifier.contains(highlight.add_modifier))
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

#[test]
fn links_past_nine_are_typed_with_two_digits() {
    let today = jiff::civil::date(2026, 11, 27);
    let files = relais::kb::Origin::Bundled.read().expect("bundled");
    let (kb, _) = relais::kb::validate::validate(&files, today).expect("valid");
    let info = relais::tui::app::DataInfo {
        origin: relais::kb::Origin::Bundled,
        today,
    };
    let mut app = App::new(kb, info, relais::tui::theme::ThemeName::Defaut);
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
