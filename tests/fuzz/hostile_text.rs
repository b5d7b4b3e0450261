//! Terminal escapes in the text cannot drive the terminal, even when the data was never checked.
//!
//! `relais check` (and every load) refuses control characters (tests/fixtures/invalid/control-*,
//! bidi-override). These tests go around the loader: they build a knowledge base in code, with
//! ESC, CSI, OSC 52 (clipboard), BEL, C1 controls, DEL, NUL, backspace, lone CR and bidi
//! overrides in every text field, and prove that every output path neutralises them: the plain
//! text of `show` and the clipboard, the `show`/`list`/`contacts`/`decks`/`search` commands in
//! text and JSON, the TUI drawn into a test buffer (list, reader, contact card, help,
//! presentation), the reader's and the slides' laid-out lines, and the exports.

mod check;
mod commands;
mod exports;
mod tui;

use jiff::civil::{Date, date};
use ratatui::text::Line;
use relais::kb::text::{is_forbidden, is_invisible};
use relais::kb::{Audience, Category, Contact, Deck, Entry, KnowledgeBase, Meta, Source};

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
            ask: vec![nasty("محامي مجاني")],
            card: Some(nasty("بطاقة 081 00 00 00\nسطر")),
            provenance: provenance.clone(),
        }],
        contacts: vec![ContactTranslation {
            id: "permanence".to_owned(),
            lang: "ar".to_owned(),
            ask: vec![],
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

fn run(f: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<relais::commands::Status>) -> String {
    let mut out = Vec::new();
    f(&mut out).expect("command runs");
    String::from_utf8(out).expect("UTF-8 output")
}
