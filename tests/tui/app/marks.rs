//! Query and find marks (issue 18: the marking moves the runs without a hit instead of copying
//! them): over every bundled entry and contact at several widths, a marked document has the
//! same text, links and linked cells as the unmarked one, only restyled where a word is marked,
//! and lists exactly the lines where the find term occurs.

use relais::kb::Origin;
use relais::kb::validate::validate;
use relais::search::fold::{fold, tokenize};
use relais::tui::app::reader::{Marks, ReaderDoc, contact, entry};
use relais::tui::theme::{Theme, ThemeName};

use crate::support::tui::today;

fn texts(doc: &ReaderDoc) -> Vec<String> {
    doc.lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

/// The (line, column, link) cells the link spots cover.
fn cells(doc: &ReaderDoc) -> std::collections::BTreeSet<(usize, u16, usize)> {
    doc.spots
        .iter()
        .flat_map(|s| (s.start..s.end).map(move |x| (s.line, x, s.link)))
        .collect()
}

fn assert_same_but_marks(
    name: &str,
    plain: &ReaderDoc,
    marked: &ReaderDoc,
    find: &str,
    wide: Option<()>,
) {
    let text = texts(marked);
    assert_eq!(texts(plain), text, "{name}");
    assert_eq!(plain.links, marked.links, "{name}");
    // A marked word of a link is a piece of its own, with its own spot: the cells are the same.
    assert_eq!(cells(plain), cells(marked), "{name}");
    let expected: Vec<usize> = (0..text.len())
        .filter(|&i| fold(&text[i]).contains(find))
        .collect();
    assert_eq!(marked.matches, expected, "{name}");
    // At 5 columns a long word is cut across lines: only wider, the term is on one line.
    assert!(
        !expected.is_empty() || wide.is_none(),
        "{name}: the find term is a word of the item"
    );
    assert_ne!(
        plain.lines, marked.lines,
        "{name}: a marked word is restyled"
    );
}

#[test]
fn marks_only_restyle_every_document() {
    let kb = validate(&Origin::Bundled.read().expect("bundled"), today())
        .expect("valid")
        .0;
    let theme = Theme::new(ThemeName::Defaut);
    let none = Marks {
        query: &[],
        find: None,
    };
    let items = kb
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.title.as_str(), true))
        .chain(
            kb.contacts
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str(), false)),
        );
    for (id, title, is_entry) in items {
        // Words of the title, which the document shows: the longest as the find term.
        let words: Vec<String> = tokenize(title)
            .into_iter()
            .map(|t| t.word)
            .filter(|w| w.len() >= 3)
            .collect();
        let Some(find) = words.iter().max_by_key(|w| w.len()).cloned() else {
            continue;
        };
        let marks = Marks {
            query: &words,
            find: Some(&find),
        };
        for width in [5, 24, 37, 60, 90] {
            let (plain, marked) = if is_entry {
                let e = kb.entry(id).expect("entry");
                (
                    entry(&kb, e, width, &theme, &none, today()),
                    entry(&kb, e, width, &theme, &marks, today()),
                )
            } else {
                let c = kb.contact(id).expect("contact");
                (
                    contact(&kb, c, width, &theme, &none, today()),
                    contact(&kb, c, width, &theme, &marks, today()),
                )
            };
            let wide = (width >= 24).then_some(());
            assert_same_but_marks(&format!("{id} at {width}"), &plain, &marked, &find, wide);
        }
    }
}
