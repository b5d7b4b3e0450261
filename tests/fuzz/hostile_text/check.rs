//! `relais check` refuses control characters, raw or escaped, and invisible characters in
//! searched texts.

use relais::kb::text::is_forbidden;

use super::{NASTY, TODAY};

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
