//! The start on the bundled data (issue 18): the interface gets the head of the knowledge base
//! and the glimpse of its entries at once, the whole entries and the search index once the
//! first frame is drawn (`relais::compiled::decode_deferred`). The first frame is the whole data's, the
//! knowledge base is the one the whole form gives once settled, the index answers the same,
//! every search and every other entry shown settles it first, and a damaged part is read again
//! from the data and said.

use relais::commands::BUNDLED_COMPILED;
use relais::compiled::{BUNDLED_KEY, decode, decode_deferred};
use relais::kb::Origin;
use relais::search::{QueryOptions, SearchIndex};
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;
use tui_input::InputRequest;

use crate::support::tui::{screen, today};

const QUERIES: [&str; 5] = [
    "hebergeur",
    "aide medicale urgente",
    "que faire si la police arrete un migrant",
    "free lawyer",
    "xqzkw",
];

/// Where part `i` of a compiled form starts, read from its header and table (the layout in
/// `relais_core::compiled`).
fn part_at(form: &[u8], i: usize) -> usize {
    let u32_at =
        |at: usize| u32::from_le_bytes(form[at..at + 4].try_into().expect("4 bytes")) as usize;
    let build = usize::from(form[10]);
    let table = 8 + 2 + 1 + build + 32 + 8;
    let stamps = u32_at(table);
    let count_at = table + 4 + stamps + 1;
    let count = u32_at(count_at);
    assert!(i < count, "the form has {count} parts");
    let len = |k: usize| {
        let at = count_at + 4 + k * 12;
        u64::from_le_bytes(form[at..at + 8].try_into().expect("8 bytes")) as usize
    };
    let body = count_at + 4 + count * 12;
    body + (0..i).map(len).sum::<usize>()
}

/// The bundled form with one byte of part `i` changed, for as long as the test runs.
fn damaged(i: usize) -> &'static [u8] {
    let mut form = BUNDLED_COMPILED.to_vec();
    let at = part_at(&form, i) + 7;
    form[at] ^= 0x5a;
    Box::leak(form.into_boxed_slice())
}

fn typed(app: &mut App, text: &str) {
    for ch in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(ch)));
    }
}

fn waiting_at(form: &'static [u8], width: u16, height: u16) -> App {
    let early = decode_deferred(form, &BUNDLED_KEY).expect("the knowledge base loads");
    assert!(
        early.kb.translations.is_empty(),
        "the translations come later"
    );
    let info = DataInfo {
        origin: Origin::Bundled,
        today: today(),
    };
    let size = ratatui::layout::Rect::new(0, 0, width, height);
    App::waiting(early, info, ThemeName::Defaut, size)
}

fn waiting(form: &'static [u8]) -> App {
    waiting_at(form, 100, 30)
}

/// The interface on the whole form, as a start on installed data gets it.
fn ready_at(width: u16, height: u16) -> App {
    let whole = decode(BUNDLED_COMPILED, &BUNDLED_KEY, &[]).expect("loads");
    let info = DataInfo {
        origin: Origin::Bundled,
        today: today(),
    };
    let size = ratatui::layout::Rect::new(0, 0, width, height);
    App::sized(whole.kb, whole.index, info, ThemeName::Defaut, size)
}

#[test]
fn the_deferred_start_reads_the_same_data_and_index_as_the_whole_form() {
    let whole = decode(BUNDLED_COMPILED, &BUNDLED_KEY, &[]).expect("loads");
    let early = decode_deferred(BUNDLED_COMPILED, &BUNDLED_KEY).expect("loads");
    assert_eq!(early.files, whole.files);
    assert_eq!(early.marks, relais::kb::i18n::LanguageMarks::of(&whole.kb));
    let mut kb = early.kb;
    let index = early
        .back
        .finish(&mut kb)
        .expect("the index decodes and is the data's");
    assert_eq!(kb, whole.kb, "the translations filled in");
    for q in QUERIES {
        let opts = QueryOptions::default();
        assert_eq!(index.search(q, opts), whole.index.search(q, opts), "{q}");
        assert_eq!(index.suggest(q), whole.index.suggest(q), "{q}");
    }
}

#[test]
fn the_first_frame_needs_no_index_and_a_search_settles_it() {
    let mut app = waiting(BUNDLED_COMPILED);
    assert!(app.pending.is_some(), "the index is still on its way");
    let first = screen(&app);
    assert!(first.contains("Rechercher"), "{first}");
    let first_id = &app.rows.first().expect("entries listed").id;
    let entry = app.kb.entries.iter().find(|e| e.id == *first_id);
    let shown: String = entry.expect("an entry").title.chars().take(12).collect();
    assert!(first.contains(&shown), "the entries are listed: {first}");
    typed(&mut app, "hebergeur");
    assert!(app.pending.is_none(), "searching took the index");
    let mut ready = ready_at(100, 30);
    typed(&mut ready, "hebergeur");
    let ids = |a: &App| a.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert!(!app.rows.is_empty());
    assert_eq!(ids(&app), ids(&ready));
    assert_eq!(screen(&app), screen(&ready));
}

#[test]
fn the_first_frame_is_the_frame_of_the_whole_data_at_every_size() {
    // The rows' language marks (« EN AR ») come from the marks while the translations are on
    // their way: nothing is missing from the first frame, wide or narrow.
    // The entries are the glimpse's: every row, the first entry listed whole.
    for (w, h) in [
        (80, 24),
        (40, 12),
        (120, 40),
        (200, 50),
        (100, 30),
        (60, 20),
        (81, 25),
        (250, 70),
        (300, 100),
        (20, 6),
        // Tall enough for the contacts' rows after the entries'.
        (160, 420),
    ] {
        let waiting = waiting_at(BUNDLED_COMPILED, w, h);
        assert!(waiting.pending.is_some(), "drawn from the glimpse");
        let early = screen(&waiting);
        assert_eq!(early, screen(&ready_at(w, h)), "{w}x{h}");
    }
    let tall = screen(&waiting_at(BUNDLED_COMPILED, 160, 420));
    assert!(
        tall.contains('☎'),
        "contacts' rows shown at 160x420: {tall}"
    );
    let wide = screen(&waiting_at(BUNDLED_COMPILED, 200, 50));
    assert!(wide.contains(" EN"), "marks shown at 200x50: {wide}");
    // With « ma région » read from the settings file before the first frame, as the runtime
    // does: the contacts are ordered by region, the rows read again.
    for region in ["namur", "bruxelles"] {
        let mut early = waiting_at(BUNDLED_COMPILED, 200, 50);
        let mut ready = ready_at(200, 50);
        for app in [&mut early, &mut ready] {
            app.my_region = Some(region.to_owned());
            app.refresh_rows();
        }
        assert!(early.pending.is_some(), "{region}: no search needed");
        assert_eq!(screen(&early), screen(&ready), "{region}");
    }
}

#[test]
fn any_action_but_a_resize_takes_the_index_and_the_translations_first() {
    let mut app = waiting(BUNDLED_COMPILED);
    app.update(Action::Resize(120, 40));
    assert!(app.pending.is_some(), "a resize draws from what is there");
    app.update(Action::SelectNext);
    assert!(app.pending.is_none());
    assert!(app.marks.is_none());
    assert!(!app.kb.translations.is_empty(), "the translations are in");
}

#[test]
fn a_damaged_part_of_the_rest_is_read_again_from_the_yaml_and_said() {
    // Parts 1, 4, 6 and 7 are the search index, the translations, the contacts and the first
    // chunk of the entries: their checksums no longer match. The head and the glimpse were
    // read; what is missing is read again from the YAML files.
    for part in [1, 4, 6, 7] {
        let mut app = waiting(damaged(part));
        app.settle();
        let said = app.status.clone().unwrap_or_default();
        assert!(
            said.starts_with("Forme compilée des données intégrées inutilisable"),
            "{said}"
        );
        assert!(said.contains("somme de contrôle"), "{said}");
        assert_eq!(
            app.exit_notice.as_deref(),
            Some(said.as_str()),
            "said again on stderr"
        );
        let whole = decode(BUNDLED_COMPILED, &BUNDLED_KEY, &[]).expect("loads");
        assert_eq!(app.kb, whole.kb, "part {part}: the data is whole again");
        let opts = QueryOptions::default();
        for q in QUERIES {
            assert_eq!(
                app.index().search(q, opts),
                whole.index.search(q, opts),
                "{q}"
            );
        }
    }
}

#[test]
fn a_damaged_index_part_leaves_a_working_search() {
    let mut app = waiting(damaged(1));
    app.settle();
    let rebuilt = SearchIndex::new(&app.kb);
    let opts = QueryOptions::default();
    for q in QUERIES {
        assert_eq!(app.index().search(q, opts), rebuilt.search(q, opts), "{q}");
    }
    typed(&mut app, "hebergeur");
    assert!(!app.rows.is_empty());
}

#[test]
fn a_damaged_knowledge_base_part_is_refused_before_anything_is_shown() {
    // Parts 0 and 5 are the head of the knowledge base and the glimpse: the caller reads the
    // form whole instead (and falls back to the YAML files, saying why).
    for part in [0, 5] {
        let err = decode_deferred(damaged(part), &BUNDLED_KEY).expect_err("refused");
        assert_eq!(err, relais::compiled::Refused::Damaged, "part {part}");
    }
}

#[test]
fn a_form_without_a_glimpse_is_not_read_in_two_steps() {
    // Installed data's forms carry no glimpse: they are read whole.
    let whole = decode(BUNDLED_COMPILED, &BUNDLED_KEY, &[]).expect("loads");
    let key = [7; 32];
    let index = SearchIndex::new(&whole.kb);
    let form =
        relais::compiled::encode(&whole.kb, &index, whole.files, &key, &[]).expect("encodes");
    let form: &'static [u8] = Box::leak(form.into_boxed_slice());
    let err = decode_deferred(form, &key).expect_err("no glimpse");
    assert_eq!(err, relais::compiled::Refused::Truncated);
    let read = decode(form, &key, &[]).expect("read whole");
    assert_eq!(read.kb, whole.kb);
}

#[test]
fn another_entry_shown_before_the_rest_arrived_takes_the_whole_entries_first() {
    // Only the first entry listed is whole in the glimpse: laying out any other takes the
    // whole entries first, and shows what the whole data shows.
    let mut app = waiting_at(BUNDLED_COMPILED, 120, 40);
    let whole = app
        .pending
        .as_ref()
        .expect("drawn from the glimpse")
        .whole()
        .to_vec();
    let other = (0..app.kb.entries.len())
        .find(|i| !whole.contains(i))
        .expect("an entry not given whole");
    let id = app.kb.entries[other].id.clone();
    assert!(app.kb.entries[other].answer.is_empty(), "not whole yet");
    app.open = Some(id.clone());
    app.rebuild_doc();
    assert!(app.pending.is_none(), "settled");
    assert!(!app.kb.entries[other].answer.is_empty());
    let mut ready = ready_at(120, 40);
    ready.open = Some(id);
    ready.rebuild_doc();
    assert_eq!(screen(&app), screen(&ready));
    // A contact is never whole in the glimpse: showing one takes the whole items first.
    let mut app = waiting_at(BUNDLED_COMPILED, 120, 40);
    let contact = app.kb.contacts[0].id.clone();
    app.open = Some(contact.clone());
    app.rebuild_doc();
    assert!(app.pending.is_none(), "settled");
    let mut ready = ready_at(120, 40);
    ready.open = Some(contact);
    ready.rebuild_doc();
    assert_eq!(screen(&app), screen(&ready));
    // The first entry listed, whole already, is laid out without waiting.
    let mut first = waiting_at(BUNDLED_COMPILED, 120, 40);
    first.rebuild_doc();
    assert!(first.pending.is_some());
}

#[test]
fn the_marks_say_what_the_translations_say_for_every_item() {
    let whole = decode(BUNDLED_COMPILED, &BUNDLED_KEY, &[]).expect("loads");
    let kb = &whole.kb;
    let marks = relais::kb::i18n::LanguageMarks::of(kb);
    let ids = kb
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .chain(kb.contacts.iter().map(|c| c.id.as_str()));
    let mut translated = 0;
    for id in ids.chain(["pas-un-identifiant"]) {
        assert_eq!(marks.languages_of(id), kb.languages_of(id), "{id}");
        assert_eq!(marks.french_card(id), kb.french_card(id).is_some(), "{id}");
        translated += usize::from(kb.languages_of(id).len() > 1);
    }
    assert!(translated > 10, "the bundled data has translations to mark");
}

#[test]
fn an_index_of_other_data_is_refused_and_leaves_the_knowledge_base_as_it_was() {
    // A form whose checksums are right but whose index was made from other data (one entry
    // fewer): `finish` refuses it and does not fill the translations in.
    let whole = decode(BUNDLED_COMPILED, &BUNDLED_KEY, &[]).expect("loads");
    let mut fewer = whole.kb.clone();
    fewer.entries.pop();
    let other = SearchIndex::new(&fewer);
    let form = relais::compiled::encode(&whole.kb, &other, whole.files, &BUNDLED_KEY, &[])
        .expect("encodes");
    let early = decode_deferred(Box::leak(form.into_boxed_slice()), &BUNDLED_KEY).expect("loads");
    let mut kb = early.kb;
    let err = early
        .back
        .finish(&mut kb)
        .expect_err("not this data's index");
    assert_eq!(err, relais::compiled::Refused::Inconsistent);
    assert!(kb.translations.is_empty(), "left as it was");
}

#[test]
fn a_settings_warning_stays_beside_the_damaged_form_notice() {
    let mut app = waiting(damaged(1));
    app.status = Some("Fichier de réglages illisible".to_owned());
    app.settle();
    let said = app.status.clone().unwrap_or_default();
    assert!(
        said.starts_with("Fichier de réglages illisible · Forme compilée"),
        "{said}"
    );
}
