//! Issue 14: the warning of an unverified or old contact travels with its number into every
//! output (plain text, handouts, contact sheet, slides, phone page, the JSON of `search`,
//! `show` and `contacts`), and the short share of every bundled entry is short, carries its
//! number exactly as the data writes it, scans as a QR code and never holds editorial notes.

use std::path::Path;

use relais::export::{Handout, Scope, app, html, md};
use relais::kb::validate::validate;
use relais::kb::{Contact, KnowledgeBase, Origin};
use relais::render::{plain, share, warning};
use serde_json::Value;

fn kb() -> KnowledgeBase {
    let files = Origin::Bundled.read().expect("bundled data readable");
    validate(&files, relais::kb::today())
        .expect("bundled data valid")
        .0
}

fn today() -> jiff::civil::Date {
    relais::kb::today()
}

/// The contacts named by some entry that carry a warning today, with their first number.
fn warned(kb: &KnowledgeBase) -> Vec<(&Contact, &str, String)> {
    kb.contacts
        .iter()
        .filter(|c| kb.entries.iter().any(|e| e.contacts.contains(&c.id)))
        .filter_map(|c| {
            let phone = c.phone.first()?;
            Some((c, phone.as_str(), warning::mark(c, today())?))
        })
        .collect()
}

/// The parts of a handout that show contacts: the « Contacts » list of each entry and the
/// contact cards (numbers quoted in an answer's prose belong to the answer).
fn contact_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for (open, close) in [
        ("**Contacts :**", "\n\n"),
        ("### <a id=", "\n### "),
        ("<section class=\"contacts\">", "</section>"),
        ("<article class=\"card\"", "</article>"),
    ] {
        for piece in text.split(open).skip(1) {
            let body = piece.trim_start_matches('\n');
            parts.push(body.split(close).next().unwrap_or(body));
        }
    }
    parts
}

/// Every item or field of a contact part of `text` (a list item, a card's field, a QR caption)
/// that shows `number` also shows `mark`, and some does. A card's title and description are
/// prose, like the answer's, and its verification line is right under them.
fn assert_lines_marked(format: &str, text: &str, number: &str, mark: &str) {
    let text = text.replace('\u{A0}', " ");
    let parts = contact_parts(&text);
    let lines: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.lines())
        .filter(|l| l.contains(number))
        .filter(|l| {
            ["- ", "<li>", "<dd>", "<figcaption>"]
                .iter()
                .any(|t| l.contains(t))
        })
        // The remarks are the editor's prose too.
        .filter(|l| !l.contains(relais::strings::NOTES))
        .collect();
    assert!(!lines.is_empty(), "{format}: {number} not shown");
    for line in lines {
        assert!(
            line.contains(mark),
            "{format}: « {mark} » missing on: {line}"
        );
    }
}

#[test]
fn the_bundled_data_has_warned_contacts_to_check() {
    // Without such contacts the tests below would prove nothing.
    assert!(warned(&kb()).len() >= 5);
}

#[test]
fn every_answer_format_marks_the_numbers_of_its_contacts() {
    let kb = kb();
    let entries = Handout::select(&kb, &Scope::All, false, today()).expect("all entries");
    let cards = Handout::select(&kb, &Scope::All, true, today()).expect("all contacts");
    let outputs = [
        ("md", md::render(&entries)),
        ("html", html::render(&entries)),
        ("md cards", md::render(&cards)),
        ("html cards", html::render(&cards)),
        // The page embeds its cards and entries as JSON strings: `\n`, `\"` and `\u003c` there.
        (
            "phone page",
            app::render(&kb, today())
                .replace("\\n", "\n")
                .replace("\\\"", "\"")
                .replace("\\u003c", "<"),
        ),
    ];
    for (c, number, mark) in warned(&kb) {
        for e in kb.entries.iter().filter(|e| e.contacts.contains(&c.id)) {
            let text = plain::entry(&kb, e, 78, today()).replace('\u{A0}', " ");
            // Wrapped plain text: the number and its mark stay on the contact's item.
            let list = text
                .split("\nContacts :\n")
                .nth(1)
                .and_then(|t| t.split("\n\n").next())
                .unwrap_or_else(|| panic!("{}: no contacts list", e.id));
            let item = list
                .split("  - ")
                .find(|i| i.contains(number))
                .unwrap_or_else(|| panic!("{}: {number} missing", e.id));
            assert!(
                item.replace("\n    ", " ").contains(&format!("({mark})")),
                "{item}"
            );
        }
        for (format, text) in &outputs {
            assert_lines_marked(format, text, number, mark.as_str());
        }
    }
}

#[test]
fn the_contact_sheet_marks_the_numbers() {
    let kb = kb();
    let mut checked = 0;
    for deck in &kb.decks {
        let h = Handout::select(&kb, &Scope::Deck(deck.id.clone()), true, today()).expect("deck");
        let Some(sheet) = relais::export::sheet::render(&h) else {
            continue;
        };
        for c in &h.contacts {
            let (Some(number), Some(mark)) = (c.phone.first(), warning::mark(c, today())) else {
                continue;
            };
            // The sheet is one cell per contact, each on one line.
            let cell = sheet
                .lines()
                .find(|l| {
                    l.contains(&relais::render::escape::escape(&c.name)) && l.contains(number)
                })
                .unwrap_or_else(|| panic!("{}: {} not on the sheet", deck.id, c.id));
            assert!(cell.contains(&mark), "{cell}");
            checked += 1;
        }
    }
    assert!(checked > 0, "some sheet was checked");
}

#[test]
fn the_slides_mark_every_contact_of_their_closing_slide() {
    let kb = kb();
    for deck in &kb.decks {
        let html = relais::export::slides::render(&kb, deck);
        for c in deck.contacts(&kb) {
            let block = html
                .split("<div class=\"contact\">")
                .skip(1)
                .find(|b| {
                    b.contains(&format!(
                        "<h3>{}</h3>",
                        relais::render::escape::escape(&c.name)
                    ))
                })
                .unwrap_or_else(|| panic!("{}: {} missing", deck.id, c.id));
            assert!(block.contains(&warning::undated_mark(c)), "{block}");
        }
    }
}

#[test]
fn every_bundled_short_share_is_short_whole_and_without_notes() {
    let kb = kb();
    for e in &kb.entries {
        let text = share::entry(&kb, e, today());
        let chars = text.chars().count();
        assert!(chars < share::LIMIT, "{}: {chars} characters\n{text}", e.id);
        assert!(text.starts_with(&e.title), "{}: {text}", e.id);
        assert!(text.contains("pas un avis juridique"), "{text}");
        assert!(text.contains(&relais::strings::date(e.reviewed)), "{text}");
        // Unwrapped: title, summary, contact, footer — no line cut at a width.
        assert!(text.lines().count() <= 4, "{text}");
        if let Some(c) = share::chosen_contact(&kb, e) {
            let number = &c.phone[0];
            assert!(
                text.contains(number.as_str()),
                "{}: {number} in\n{text}",
                e.id
            );
            if let Some(mark) = warning::mark(c, today()) {
                assert!(text.contains(&format!("{number} ({mark})")), "{text}");
            }
        }
        // Editorial notes never go out: the trainer's notes, nor any contact's remarks.
        let notes = e
            .notes
            .iter()
            .chain(kb.contacts.iter().filter_map(|c| c.notes.as_ref()));
        for note in notes {
            let words: Vec<&str> = note.split_whitespace().take(8).collect();
            assert!(
                !text.contains(&words.join(" ")),
                "{}: a note went out",
                e.id
            );
        }
    }
    for c in &kb.contacts {
        let text = share::contact(c, today());
        assert!(text.chars().count() < share::LIMIT, "{text}");
        if let Some(n) = c.phone.first() {
            assert!(text.contains(n.as_str()), "{text}");
        }
        if let Some(note) = &c.notes {
            let words: Vec<&str> = note.split_whitespace().take(8).collect();
            assert!(
                !text.contains(&words.join(" ")),
                "{}: its note went out",
                c.id
            );
        }
    }
}

/// Each module as a 4×4 block of pixels, as a camera would see it.
const SCALE: usize = 4;

/// Decodes half-block lines as a camera would.
fn scan(lines: &[String]) -> String {
    let mut modules: Vec<Vec<bool>> = Vec::new();
    for line in lines {
        let (top, bottom): (Vec<bool>, Vec<bool>) = line
            .chars()
            .map(|c| (matches!(c, '█' | '▀'), matches!(c, '█' | '▄')))
            .unzip();
        modules.push(top);
        modules.push(bottom);
    }
    let (w, h) = (modules[0].len() * SCALE, modules.len() * SCALE);
    let mut image =
        rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| modules[y / SCALE][x / SCALE]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code");
    grids[0].decode().expect("decodes").1
}

#[test]
fn the_longest_short_share_scans_back_as_a_qr_code() {
    let kb = kb();
    let longest = kb
        .entries
        .iter()
        .map(|e| share::entry(&kb, e, today()))
        .max_by_key(String::len)
        .expect("entries");
    let lines = relais::render::qr::lines(&longest).expect("fits a QR code");
    assert_eq!(scan(&lines), longest);
}

fn json(home: &Path, args: &[&str]) -> Value {
    let out = crate::support::sandbox::assert_relais(home)
        .args(args)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn search_and_show_json_carry_the_number_and_its_warning() {
    let home = tempfile::tempdir().expect("home");
    let rows = json(home.path(), &["search", "urgences", "--json"]);
    let contact = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "urgences")
        .expect("the emergency numbers are found");
    assert_eq!(contact["phone"][0], "112");
    assert_eq!(contact["verified"], Value::Null);
    assert_eq!(contact["warning"], "non vérifié");
    assert_eq!(contact["verified_age_days"], Value::Null);
    // The contract only grows: the old fields are still there.
    for field in ["id", "kind", "title", "score", "confidence"] {
        assert!(contact.get(field).is_some(), "{field}");
    }
    // Entry rows carry no contact fields.
    let faq = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["kind"] == "faq")
        .expect("an entry row");
    assert!(faq.get("phone").is_none() && faq.get("warning").is_none());
    let shown = json(home.path(), &["show", "urgences", "--json"]);
    assert_eq!(shown["warning"], "non vérifié");
    assert_eq!(shown["phone"][1], "1733");
    assert!(shown.get("status").is_some() && shown.get("reverify").is_some());
    let all = json(home.path(), &["contacts", "--json"]);
    assert!(
        all.as_array()
            .expect("array")
            .iter()
            .all(|c| c.get("warning").is_some() && c.get("verified").is_some())
    );
}

#[test]
fn the_bilingual_cards_mark_their_numbers() {
    let kb = kb();
    let entries: Vec<&relais::kb::Entry> = kb.entries.iter().collect();
    let (page, _) = relais::export::cards::render(&kb, &entries, &[], today());
    let mut checked = 0;
    for block in page.split("<div class=\"contact\">").skip(1) {
        let block = block.split("</div></div>").next().unwrap_or(block);
        let c = kb
            .contacts
            .iter()
            .find(|c| {
                block.contains(&format!(
                    "<div>{}</div>",
                    relais::render::escape::escape(&c.name)
                ))
            })
            .expect("a contact of the data");
        if let Some(mark) = warning::mark(c, today()) {
            assert!(block.contains(&format!("⚠ {mark}")), "{block}");
            checked += 1;
        }
    }
    assert!(checked > 0, "some card shows a warned contact");
}
