//! Terminal escapes in the text cannot drive the terminal, even when the data was never checked.
//!
//! `relais check` (and every load) refuses control characters (tests/fixtures/invalid/control-*,
//! bidi-override). These tests go around the loader: they build a knowledge base in code, with
//! ESC, CSI, OSC 52 (clipboard), BEL, C1 controls, DEL, NUL, backspace, lone CR and bidi
//! overrides in every text field, and prove that every output path neutralises them: the plain
//! text of `show` and the clipboard, the `show`/`list`/`contacts`/`decks`/`search` commands in
//! text and JSON, the TUI drawn into a test buffer (list, reader, contact card, help,
//! presentation), the reader's and the slides' laid-out lines, and the exports.

mod tui_support;

use std::path::PathBuf;

use jiff::civil::{Date, date};
use ratatui::text::Line;
use relais::action::Action;
use relais::app::{App, DataInfo};
use relais::cli::KindFilter;
use relais::commands::Painter;
use relais::kb::text::{is_forbidden, is_invisible};
use relais::kb::validate::Loaded;
use relais::kb::{Audience, Category, Contact, Deck, Entry, KnowledgeBase, Meta, Origin, Source};
use relais::theme::ThemeName;
use tui_support::draw;

const TODAY: Date = date(2026, 11, 27);

/// Everything a hostile or damaged file could put in a text: CSI (7-bit and C1), screen clear,
/// OSC 52 that would write the clipboard, BEL, an OSC 8 hyperlink, DEL, NUL, backspace, lone CR,
/// vertical tab, form feed, the bidi overrides and isolates that reorder what is shown, the line
/// and paragraph separators, and invisible format characters (zero-width, marks, tags).
const NASTY: &str = "\u{1b}[31m\u{1b}[2J\u{1b}]52;c;cGlyYXRl\u{7}\u{9b}1m\u{9d}0;titre\u{9c}\
\u{1b}]8;;https://x.example\u{1b}\\lien\u{1b}]8;;\u{1b}\\\u{7f}\u{0}\u{8}\r\u{b}\u{c}\
\u{202e}\u{202a}\u{2066}\u{2069}\u{85}\u{2028}\u{2029}\u{200b}\u{200d}\u{200f}\u{2060}\u{feff}\u{ad}\u{e0041}";

fn nasty(text: &str) -> String {
    format!("{text} {NASTY} fin")
}

fn source() -> Source {
    Source {
        title: nasty("Source"),
        url: Some(format!("https://exemple.be/{NASTY}")),
        date: Some(date(2024, 1, 1).into()),
    }
}

fn entry(id: &str, other: &str) -> Entry {
    Entry {
        id: id.to_owned(),
        title: nasty("Puis-je héberger ?"),
        ask: vec![nasty("loger quelqu'un")],
        category: "droits".to_owned(),
        audience: vec![Audience::Aidants],
        summary: nasty("Oui"),
        answer: format!(
            "{}\n\n- **{}** puce\n- [{}](https://exemple.be/{NASTY})\n\n1. voir [[{other}]] et [[permanence]]\n\n{}",
            nasty("Paragraphe"),
            nasty("gras"),
            nasty("lien"),
            nasty("fin de réponse")
        ),
        keywords: vec![nasty("mot")],
        related: vec![other.to_owned()],
        contacts: vec!["permanence".to_owned()],
        sources: vec![source()],
        // Old: the stale warning is drawn too.
        reviewed: date(2020, 1, 1),
        slide: vec![nasty("Point un"), nasty("Point deux")],
        notes: Some(nasty("À dire")),
    }
}

fn kb() -> KnowledgeBase {
    KnowledgeBase {
        meta: Meta {
            title: Some(nasty("Base")),
            version: Some(nasty("v1")),
            date: Some(date(2026, 1, 1)),
            publisher: Some(nasty("Éditeur")),
            fallback_contacts: vec!["permanence".to_owned()],
            ..Meta::default()
        },
        categories: vec![Category {
            id: "droits".to_owned(),
            title: nasty("Droits"),
            description: Some(nasty("Description")),
        }],
        entries: vec![
            entry("heberger", "transport"),
            entry("transport", "heberger"),
        ],
        contacts: vec![
            Contact {
                id: "permanence".to_owned(),
                name: nasty("Permanence"),
                ask: Vec::new(),
                description: nasty("Aide"),
                region: "namur".to_owned(),
                topics: vec![nasty("juridique")],
                phone: vec![format!("081 00 00 00{NASTY}")],
                email: Some(format!("a@b.be{NASTY}")),
                website: Some(format!("https://exemple.be/{NASTY}")),
                address: Some(nasty("Rue")),
                hours: Some(nasty("Lundi")),
                notes: Some(nasty("Note")),
                verified: None,
                verified_by: None,
                sources: vec![source()],
            },
            Contact {
                id: format!("id{NASTY}"),
                name: nasty("Contact à l'identifiant piégé"),
                ask: Vec::new(),
                description: nasty("Aide"),
                region: "namur".to_owned(),
                topics: Vec::new(),
                phone: Vec::new(),
                email: None,
                website: None,
                address: None,
                hours: None,
                notes: None,
                verified: Some(date(2026, 1, 1)),
                verified_by: Some(relais::kb::VerifiedBy::Telephone),
                sources: Vec::new(),
            },
        ],
        decks: vec![Deck {
            id: "seance".to_owned(),
            title: nasty("Séance"),
            description: Some(nasty("Pour tous")),
            slides: vec![
                "heberger".to_owned(),
                "transport".to_owned(),
                format!("id{NASTY}"),
            ],
            duration: Some(60),
            title_slide: true,
            agenda: true,
            closing: true,
        }],
        synonyms: vec![vec![nasty("héberger"), "loger".to_owned()]],
        families: Vec::new(),
        colloquial: vec![("jpeu".to_owned(), nasty("je peux"))],
        translations: translations(),
    }
}

/// A French card and translations into Arabic, hostile like the rest.
fn translations() -> relais::kb::i18n::Translations {
    use relais::kb::i18n::{
        ContactTranslation, FrenchCard, Provenance, Status, Translation, Translations,
    };
    let provenance = Provenance {
        status: Status::Reviewed,
        date: date(2026, 1, 1),
        reviewed: Some(date(2026, 1, 2)),
        by: Some(nasty("Relectrice")),
        stale: true,
    };
    Translations {
        cards: vec![FrenchCard {
            id: "heberger".to_owned(),
            date: date(2026, 1, 1),
            card: nasty("Carte 081 00 00 00\nDeuxième ligne"),
            stale: false,
        }],
        entries: vec![Translation {
            id: "heberger".to_owned(),
            lang: "ar".to_owned(),
            title: nasty("عنوان"),
            summary: nasty("ملخص"),
            card: Some(nasty("بطاقة 081 00 00 00\nسطر")),
            provenance: provenance.clone(),
        }],
        contacts: vec![ContactTranslation {
            id: "permanence".to_owned(),
            lang: "ar".to_owned(),
            description: nasty("وصف"),
            provenance,
        }],
    }
}

/// The styles the plain output's painter writes itself (bold, dim, yellow and their resets);
/// the hostile text uses others (red, clear screen), so removing these hides nothing.
const PAINTER_CODES: [&str; 6] = [
    "\u{1b}[1m",
    "\u{1b}[2m",
    "\u{1b}[38;5;11m",
    "\u{1b}[0m",
    "\u{1b}[22m",
    "\u{1b}[39m",
];

fn without_painter_codes(text: &str) -> String {
    PAINTER_CODES
        .iter()
        .fold(text.to_owned(), |t, code| t.replace(code, ""))
}

/// Fails on the first character that could drive a terminal.
fn assert_clean(what: &str, text: &str) {
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| is_forbidden(c) || is_invisible(c))
    {
        let start = text[..at]
            .char_indices()
            .rev()
            .nth(20)
            .map_or(0, |(i, _)| i);
        let end = text[at..]
            .char_indices()
            .nth(12)
            .map_or(text.len(), |(i, _)| at + i);
        panic!(
            "{what}: U+{:04X} reaches the output, in {:?}",
            u32::from(c),
            &text[start..end]
        );
    }
}

fn assert_lines_clean(what: &str, lines: &[Line<'_>]) {
    for line in lines {
        for span in &line.spans {
            assert_clean(what, &span.content);
        }
    }
}

// --- plain text and commands ----------------------------------------------------------------

#[test]
fn plain_entries_and_contacts_are_clean() {
    let kb = kb();
    for width in [20, 80] {
        assert_clean(
            "plain::entry",
            &relais::plain::entry(&kb, &kb.entries[0], width, TODAY),
        );
        assert_clean(
            "plain::contact",
            &relais::plain::contact(&kb.contacts[0], width, TODAY),
        );
    }
    assert_clean("plain::source_line", &relais::plain::source_line(&source()));
    assert!(relais::plain::entry(&kb, &kb.entries[0], 80, TODAY).contains("fin de réponse"));
}

fn run(f: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<relais::commands::Status>) -> String {
    let mut out = Vec::new();
    f(&mut out).expect("command runs");
    String::from_utf8(out).expect("UTF-8 output")
}

#[test]
fn commands_print_clean_text_and_json() {
    use relais::commands::browse::{run_contacts, run_decks, run_list, run_show};
    let kb = kb();
    for painter in [Painter { on: false }, Painter { on: true }] {
        for json in [false, true] {
            let what = format!("json={json} colour={}", painter.on);
            for id in ["heberger", "permanence", "seance", &format!("id{NASTY}")] {
                let out = run(|o| run_show(&kb, id, json, o, painter));
                assert_clean(&format!("show {id} {what}"), &without_painter_codes(&out));
                if json {
                    // The text is there, escaped: any JSON reader gets it back.
                    assert!(out.contains("\\u009b"), "show {id} --json:\n{out}");
                }
            }
            let out = run(|o| run_list(&kb, None, json, o, painter));
            assert_clean(&format!("list {what}"), &without_painter_codes(&out));
            for code in ["ar", "fr", "en"] {
                let lang = relais::kb::i18n::language(code).expect("language");
                for id in ["heberger", "permanence"] {
                    let out = relais::commands::lang::translated_text(&kb, id, lang, painter);
                    assert!(!out.is_empty() || code == "fr", "show {id} --lang {code}");
                    assert_clean(
                        &format!("show {id} --lang {code} {what}"),
                        &without_painter_codes(&out),
                    );
                }
            }
            let out = run(|o| run_contacts(&kb, None, json, o, painter));
            assert_clean(&format!("contacts {what}"), &without_painter_codes(&out));
            let out = run(|o| run_decks(&kb, json, o, painter));
            assert_clean(&format!("decks {what}"), &without_painter_codes(&out));
        }
    }
}

#[test]
fn search_prints_clean_text_and_json() {
    use relais::commands::search::{SearchArgs, run_search};
    let loaded = Loaded {
        kb: kb(),
        warnings: Vec::new(),
        origin: Origin::Flag(PathBuf::from(format!("donnees{NASTY}.yaml"))),
        files: 1,
    };
    for json in [false, true] {
        for explain in [false, true] {
            let args = SearchArgs {
                query: "heberger permanence",
                limit: 10,
                kind: KindFilter::All,
                json,
                explain,
            };
            let out = run(|o| run_search(&loaded, &args, o, Painter { on: true }));
            assert!(out.contains("fin"), "the search found nothing:\n{out}");
            assert_clean(
                &format!("search json={json} explain={explain}"),
                &without_painter_codes(&out),
            );
        }
    }
}

// --- the TUI ---------------------------------------------------------------------------------

fn app(width: u16, height: u16) -> App {
    let info = DataInfo {
        origin: Origin::Flag(PathBuf::from(format!("donnees{NASTY}.yaml"))),
        today: TODAY,
    };
    let mut app = App::new(kb(), info, ThemeName::Defaut);
    app.update(Action::Resize(width, height));
    app
}

/// No cell of the drawn screen holds a character that could drive the terminal.
fn assert_screen_clean(what: &str, app: &App) -> String {
    let buffer = draw(app);
    let mut screen = String::new();
    for (i, cell) in buffer.content.iter().enumerate() {
        assert_clean(&format!("{what}, cell {i}"), cell.symbol());
        screen.push_str(cell.symbol());
    }
    screen
}

/// The states worth drawing: the list, an entry and a contact in the reader (scrolled), help,
/// the find bar, the QR code, a hostile paste in the search bar, and every slide.
fn states() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("list", vec![]),
        ("entry", vec![Action::Open]),
        (
            "entry scrolled",
            vec![Action::Open, Action::PageDown, Action::PageDown],
        ),
        ("entry link", vec![Action::Open, Action::FollowLink(1)]),
        (
            "contact",
            vec![Action::FocusNext, Action::SelectLast, Action::Open],
        ),
        (
            "contact qr",
            vec![
                Action::FocusNext,
                Action::SelectLast,
                Action::Open,
                Action::ToggleQr,
            ],
        ),
        ("help", vec![Action::ToggleHelp]),
        ("paste", vec![Action::Paste(nasty("héberger"))]),
        (
            "find",
            vec![Action::Open, Action::StartFind, Action::Paste(nasty("fin"))],
        ),
        ("copy", vec![Action::Open, Action::CopyAnswer]),
    ]
}

#[test]
fn the_tui_draws_no_control_character() {
    for (width, height) in [(80, 24), (40, 12), (160, 50)] {
        for (name, actions) in states() {
            let mut app = app(width, height);
            for action in actions {
                app.update(action);
            }
            let screen = assert_screen_clean(&format!("{name} at {width}x{height}"), &app);
            if name == "list" {
                assert!(screen.contains("Puis-je"), "{name}: nothing drawn");
            }
            if let Some(text) = &app.clipboard {
                // The clipboard goes out through OSC 52: what it carries is clean too.
                assert_clean(&format!("clipboard of {name}"), text);
            }
        }
    }
}

#[test]
fn the_reader_lays_out_clean_lines() {
    let kb = kb();
    let theme = relais::theme::Theme::new(ThemeName::Defaut);
    let query = vec!["heberger".to_owned()];
    let marks = relais::app::reader::Marks {
        query: &query,
        find: Some("fin"),
    };
    for width in [10, 40, 100] {
        let doc = relais::app::reader::entry(&kb, &kb.entries[0], width, &theme, &marks, TODAY);
        assert_lines_clean("reader::entry", &doc.lines);
        let doc = relais::app::reader::contact(&kb, &kb.contacts[0], width, &theme, &marks, TODAY);
        assert_lines_clean("reader::contact", &doc.lines);
    }
}

#[test]
fn presentations_draw_no_control_character() {
    for (width, height) in [(80, 24), (200, 50), (40, 12)] {
        let mut app = app(width, height);
        app.start_presentation(Some("seance"), 0, false, false);
        for step in 0..6 {
            let p = app.presentation.as_ref().expect("presenting");
            for page in &p.pages {
                assert_lines_clean("slide page", page);
            }
            assert_screen_clean(&format!("slide step {step} at {width}x{height}"), &app);
            app.update(Action::NextSlide);
        }
        // The picker lists the decks with their titles.
        let mut app = self::app(width, height);
        app.start_presentation(None, 0, false, false);
        assert_screen_clean("deck picker", &app);
    }
}

// --- exports ---------------------------------------------------------------------------------

/// Every forbidden character of `text`, by code point, with how often it occurs.
fn leaks(text: &str) -> std::collections::BTreeMap<String, usize> {
    let mut found = std::collections::BTreeMap::new();
    for c in text.chars().filter(|&c| is_forbidden(c) || is_invisible(c)) {
        *found.entry(format!("U+{:04X}", u32::from(c))).or_default() += 1;
    }
    found
}

/// Every output of the exports, named.
fn exports(kb: &KnowledgeBase) -> Vec<(String, String)> {
    use relais::export::{Handout, Scope};
    let mut out = Vec::new();
    let scopes = [
        (Scope::All, false),
        (Scope::All, true),
        (Scope::Deck("seance".to_owned()), true),
    ];
    for (scope, contacts) in scopes {
        let handout = Handout::select(kb, &scope, contacts, TODAY).expect("handout");
        let name = format!("{scope:?} contacts={contacts}");
        out.push((
            format!("markdown {name}"),
            relais::export::md::render(&handout),
        ));
        out.push((
            format!("html {name}"),
            relais::export::html::render(&handout),
        ));
    }
    out.push((
        "phone page".to_owned(),
        relais::export::app::render(kb, TODAY),
    ));
    for deck in &kb.decks {
        out.push((
            format!("slides {}", deck.id),
            relais::export::slides::render(kb, deck),
        ));
    }
    let langs: Vec<&'static relais::kb::i18n::Language> = ["ar", "en"]
        .iter()
        .filter_map(|c| relais::kb::i18n::language(c))
        .collect();
    let entries: Vec<&Entry> = kb.entries.iter().collect();
    let (cards, _) = relais::export::cards::render(kb, &entries, &langs, TODAY);
    assert!(cards.contains("dir=\"rtl\""), "no Arabic card:\n{cards}");
    out.push(("bilingual cards".to_owned(), cards));
    out.push((
        "phone page in Arabic".to_owned(),
        relais::export::app::render_in(kb, TODAY, "ar"),
    ));
    let all = Handout::select(kb, &Scope::All, true, TODAY).expect("all contacts");
    out.push((
        "contacts and QR sheet".to_owned(),
        relais::export::sheet::render(&all).expect("one page"),
    ));
    out
}

/// Every export, on a knowledge base that was never checked (control characters everywhere, a
/// contact id full of escapes): nothing that could drive a terminal reaches the file, which
/// `relais export` writes to the terminal when no `-o` is given.
#[test]
fn every_export_carries_no_control_character() {
    use relais::cli::{ExportArgs, ExportFormat};
    let kb = kb();
    let mut report: Vec<(String, std::collections::BTreeMap<String, usize>)> = exports(&kb)
        .into_iter()
        .map(|(name, text)| (name, leaks(&text)))
        .collect();
    // And through `relais export` itself, in every format, as it writes to the terminal.
    for (format, app) in [
        (ExportFormat::Json, false),
        (ExportFormat::Html, true),
        (ExportFormat::Html, false),
        (ExportFormat::Md, false),
    ] {
        let args = ExportArgs {
            format,
            deck: None,
            category: None,
            ids: Vec::new(),
            contacts: !app && format != ExportFormat::Json,
            app,
            sheet: false,
            cards: false,
            output: None,
        };
        let out = run(|o| relais::commands::export::run_export(&kb, &args, o));
        report.push((format!("relais export {format:?} app={app}"), leaks(&out)));
    }
    report.retain(|(_, found)| !found.is_empty());
    assert!(
        report.is_empty(),
        "control characters in exports: {report:#?}"
    );
}

// --- check ------------------------------------------------------------------------------------

/// A one-entry file whose title is `title`, written as is inside double quotes.
fn file_with_title(title: &str) -> relais::kb::SourceFile {
    let text = format!(
        "categories:\n  - id: droits\n    title: \"Droits\"\nentries:\n  - id: e\n    title: \"{title}\"\n    category: droits\n    summary: \"S\"\n    answer: \"A\"\n    sources:\n      - title: \"Loi\"\n    reviewed: 2026-10-01\n"
    );
    relais::kb::SourceFile {
        name: "t.yaml".to_owned(),
        text,
    }
}

/// `check` refuses every one of these characters, raw in the file or written as a YAML escape
/// inside double quotes, at the line of the title.
#[test]
fn check_refuses_every_control_character_raw_or_escaped() {
    let mut cases: Vec<(String, String)> = NASTY
        .chars()
        .filter(|&c| is_forbidden(c))
        .map(|c| (format!("raw U+{:04X}", u32::from(c)), format!("a{c}b")))
        .collect();
    for escape in [
        "\\e[31m",
        "\\x1b[2J",
        "\\u001b]52;c;eA==\\a",
        "\\a",
        "\\b",
        "\\0",
        "\\v",
        "\\f",
        "\\r",
        "\\x7f",
        "\\x9b1m",
        "\\N",
        "\\u202e",
        "\\u2066",
        "\\U0000202D",
    ] {
        cases.push((format!("escaped {escape}"), format!("a{escape}b")));
    }
    for (what, title) in cases {
        let files = [file_with_title(&title)];
        let err = relais::kb::validate::validate(&files, TODAY).expect_err(&what);
        let diags = err.diagnostics();
        assert!(
            diags.iter().any(|d| d.is_error()
                && d.line == 6
                && d.message.starts_with("caractère interdit")),
            "{what}: {diags:#?}"
        );
    }
}

/// Invisible characters in a title, a keyword, a contact's name or an id are errors at their
/// place, each naming the character; in other texts they load and are neutralised on output.
#[test]
fn invisible_characters_in_searched_texts_are_errors() {
    for c in [
        '\u{200b}',
        '\u{200d}',
        '\u{2060}',
        '\u{feff}',
        '\u{ad}',
        '\u{2028}',
        '\u{e0041}',
    ] {
        let files = [file_with_title(&format!("hé{c}berger"))];
        let err = relais::kb::validate::validate(&files, TODAY).expect_err("invisible in title");
        assert!(
            err.diagnostics().iter().any(|d| d.is_error()
                && d.line == 6
                && d.message.starts_with("caractère invisible dans « title »")
                && d.message.contains(&format!("U+{:04X}", u32::from(c)))),
            "U+{:04X}: {:#?}",
            u32::from(c),
            err.diagnostics()
        );
    }
    let text = file_with_title("Titre").text;
    let with_keyword = text.replace(
        "    category:",
        "    keywords: [\"mot\u{200b}clé\"]\n    category:",
    );
    let with_id = text.replacen("id: e", "id: e\u{200b}x", 1);
    for (what, text) in [("keywords", with_keyword), ("identifiant", with_id)] {
        let files = [relais::kb::SourceFile {
            name: "t.yaml".to_owned(),
            text,
        }];
        let err = relais::kb::validate::validate(&files, TODAY).expect_err(what);
        assert!(
            err.diagnostics()
                .iter()
                .any(|d| d.is_error() && d.message.contains("invisible")),
            "{what}: {:#?}",
            err.diagnostics()
        );
    }
}
