//! Languages in the interface (issue 17), on the TUI fixture and its translations
//! (`tests/fixtures/tui/i18n/`: `aide-medicale` in English and Arabic): F4 cycles the open
//! item's languages and falls back to French, the rows mark their languages and the one the
//! query matched, F6 keeps what is meant for the people helped, F7 shows the card full screen
//! with the contact's number and its QR code; search finds the entry from English or Arabic.

use crate::support::tui as tui_support;

use relais::kb::validate::validate;
use relais::kb::{Audience, Origin};
use relais::search::{Kind, QueryOptions, SearchIndex};
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::keymap::Mode;
use relais::tui::theme::ThemeName;
use tui_support::{open_id, screen, shows, today, type_text};

const FIXTURE_DIR: &str = "tests/fixtures/tui";

/// The TUI fixture with its translations, sized `width` x `height`.
fn app(width: u16, height: u16) -> App {
    let origin = Origin::Flag(FIXTURE_DIR.into());
    let files = origin.read().expect("fixture readable");
    let (kb, _) = validate(&files, today()).expect("fixture valid");
    assert_eq!(kb.translations.entries.len(), 2, "two translations loaded");
    let info = DataInfo {
        origin,
        today: today(),
    };
    let mut app = App::new(kb, info, ThemeName::Defaut);
    app.update(Action::Resize(width, height));
    app
}

/// The reader's text, its wrapped lines joined by spaces (no-break spaces as spaces).
fn reader_text(app: &App) -> String {
    let lines: Vec<String> = app
        .doc
        .lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect();
    lines
        .join(" ")
        .replace('\u{A0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_english_card_in_the_reader_80x24() {
    let mut app = app(80, 24);
    open_id(&mut app, "aide-medicale");
    app.update(Action::CycleLanguage);
    assert_eq!(app.lang, "en");
    let text = reader_text(&app);
    let english = text
        .find("How can a person without a residence permit")
        .expect("title");
    let french = text
        .find("Version française (elle fait foi)")
        .expect("French follows");
    assert!(english < french, "the translation comes first");
    assert!(text.contains("Machine translation, not reviewed"));
    assert!(text.contains("Traduction automatique, non relue — la version française fait foi"));
    assert!(text.contains("call the volunteer doctors: 04 000 00 00."));
    insta::assert_snapshot!("english_card_80x24", screen(&app));
}

#[test]
fn f4_cycles_the_languages_of_the_open_entry_then_back_to_french() {
    let mut app = app(80, 24);
    open_id(&mut app, "aide-medicale");
    let mut seen = vec![app.lang];
    for _ in 0..3 {
        app.update(Action::CycleLanguage);
        seen.push(app.lang);
    }
    assert_eq!(seen, ["fr", "en", "ar", "fr"]);
    // Arabic says that a terminal shows it badly, and where to show it instead.
    app.update(Action::CycleLanguage);
    app.update(Action::CycleLanguage);
    assert_eq!(app.lang, "ar");
    let text = reader_text(&app);
    assert!(text.contains("ترجمة آلية"), "the notice in Arabic");
    assert!(text.contains("Un terminal affiche mal l'écriture de droite à gauche"));
    assert!(text.contains("--cards --lang ar"));
}

#[test]
fn an_entry_without_the_chosen_language_is_shown_in_french_with_a_note() {
    let mut app = app(80, 24);
    open_id(&mut app, "aide-medicale");
    app.update(Action::CycleLanguage);
    assert_eq!(app.lang, "en");
    app.update(Action::Escape);
    app.update(Action::FocusSearch);
    open_id(&mut app, "controle-police");
    let text = reader_text(&app);
    assert!(text.starts_with("Pas de traduction en anglais pour cette fiche"));
    assert!(!text.contains("Version française (elle fait foi)"));
    // F4 on an entry that is only in French stays in French and says so.
    app.update(Action::CycleLanguage);
    assert_eq!(app.lang, "fr");
    assert_eq!(
        app.status.as_deref(),
        Some("Cette fiche n'existe qu'en français.")
    );
    assert!(!reader_text(&app).contains("Pas de traduction"));
}

#[test]
fn rows_mark_their_languages_and_the_one_the_query_matched() {
    let mut app = app(120, 24);
    assert!(shows(&app, "EN AR"), "{}", screen(&app));
    type_text(&mut app, "doctor residence");
    let row = app.rows.first().expect("a row");
    assert_eq!(row.id, "aide-medicale");
    assert_eq!(row.lang, Some("en"));
    assert!(shows(&app, "[EN] AR"), "{}", screen(&app));
}

#[test]
fn search_finds_the_entry_from_english_or_arabic_and_says_which_matched() {
    let app = app(80, 24);
    let index = SearchIndex::new(&app.kb);
    for (query, lang) in [
        ("volunteer doctor", "en"),
        ("residence permit", "en"),
        ("طبيب متطوع", "ar"),
        // Short vowels, another alef and the article do not matter.
        ("الطَّبيب", "ar"),
    ] {
        let results = index.search(query, QueryOptions::default());
        let top = results.hits.first().expect(query);
        assert_eq!(top.id, "aide-medicale", "{query}");
        assert_eq!(top.matched_lang, Some(lang), "{query}");
    }
    // A French query is left to the French index.
    let french = index.search("soigner sans titre de séjour", QueryOptions::default());
    assert_eq!(french.hits[0].id, "aide-medicale");
    assert_eq!(french.hits[0].matched_lang, None);
}

#[test]
fn f6_keeps_what_is_meant_for_the_people_helped() {
    let mut app = app(80, 24);
    let all = app.rows.len();
    app.update(Action::ToggleForPerson);
    assert!(app.for_person);
    assert!(app.rows.len() < all);
    for row in &app.rows {
        match row.kind {
            Kind::Faq => {
                let e = app.kb.entry(&row.id).expect("entry");
                assert!(e.audience.contains(&Audience::Migrants), "{}", row.id);
            }
            Kind::Contact => assert!(
                app.kb
                    .entries
                    .iter()
                    .any(|e| e.audience.contains(&Audience::Migrants)
                        && e.contacts.contains(&row.id)),
                "{}",
                row.id
            ),
        }
    }
    assert!(app.rows.iter().any(|r| r.id == "aide-medicale"));
    assert!(!app.rows.iter().any(|r| r.id == "droits-hebergeur"));
    assert!(shows(&app, "Pour la personne aidée"));
    app.update(Action::ToggleForPerson);
    assert_eq!(app.rows.len(), all);
}

#[test]
fn show_to_the_person_full_screen_80x24() {
    let mut app = app(80, 24);
    open_id(&mut app, "aide-medicale");
    app.update(Action::CycleLanguage);
    app.update(Action::ShowPerson);
    assert_eq!(app.mode(), Mode::Show);
    let view = app.show.as_ref().expect("shown");
    assert_eq!(view.contact.as_deref(), Some("medecins-benevoles"));
    assert!(view.qr.is_some(), "the number as a QR code");
    assert!(shows(&app, "You can get medical care"), "{}", screen(&app));
    assert!(shows(&app, "☎  04\u{A0}000\u{A0}00\u{A0}00") || shows(&app, "04 000 00 00"));
    insta::assert_snapshot!("show_person_en_80x24", screen(&app));
    // F4 changes the language in place; any other key closes the view.
    app.update(Action::CycleLanguage);
    assert_eq!(app.lang, "ar");
    assert!(shows(&app, "Le terminal affiche mal"));
    app.update(Action::Escape);
    assert!(app.show.is_none());
    assert_eq!(app.lang, "ar", "the reader keeps the language");
}

#[test]
fn show_to_the_person_in_a_small_terminal_keeps_the_number() {
    let mut app = app(40, 12);
    open_id(&mut app, "aide-medicale");
    app.update(Action::ShowPerson);
    insta::assert_snapshot!("show_person_fr_40x12", screen(&app));
    assert!(shows(&app, "04\u{A0}000\u{A0}00\u{A0}00") || shows(&app, "04 000 00 00"));
    // Scrolling goes by sentences and stops at the last one.
    for _ in 0..10 {
        app.update(Action::ScrollDown);
    }
    assert_eq!(app.show.as_ref().map(|s| s.scroll), Some(3));
}

#[test]
fn f7_with_nothing_to_show_says_so() {
    let mut app = app(80, 24);
    app.rows.clear();
    app.open = None;
    app.update(Action::ShowPerson);
    assert!(app.show.is_none());
    assert!(app.status.as_deref().is_some_and(|s| s.contains("F7")));
}
