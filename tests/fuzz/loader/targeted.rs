//! The targeted damage: one change whose right answer is known (a broken reference, a
//! duplicated key, a tab, a deleted required key, a forbidden character, an unclosed quote, a
//! misspelt key, a bad date, a shifted key, a list made text and back, a bare colon); a message
//! must point at that line, and at that column where the column is exact. Where each kind finds
//! its place in a file: `damage`, reading the file's lines with `yaml_lines`.

mod damage;
mod yaml_lines;

use proptest::prelude::*;
use proptest::sample::Index;

use super::oracle::load_mutated;
use super::{config, corpus};

/// Where the message must point, and a fragment of what it must say.
#[derive(Debug)]
struct Expect {
    line: u32,
    col: Option<u32>,
    says: &'static str,
}

#[derive(Debug, Clone, Copy)]
enum Targeted {
    BreakReference(Index),
    DuplicateKey(Index),
    TabIndent(Index),
    DeleteRequired(Index),
    Forbidden(Index, char),
    UnclosedQuote(Index),
    MisspellKey(Index),
    BadDate(Index),
    ShiftKey(Index, bool),
    ListToText(Index),
    TextToList(Index),
    BareColon(Index),
}

/// The characters `check` must reject.
const FORBIDDEN: [char; 16] = [
    '\0', '\u{7}', '\u{8}', '\u{B}', '\u{C}', '\r', '\u{1B}', '\u{7F}', '\u{85}', '\u{9B}',
    '\u{9D}', '\u{202A}', '\u{202B}', '\u{202E}', '\u{2066}', '\u{2069}',
];

fn targeted() -> impl Strategy<Value = Targeted> {
    let i = any::<Index>;
    prop_oneof![
        i().prop_map(Targeted::BreakReference),
        i().prop_map(Targeted::DuplicateKey),
        i().prop_map(Targeted::TabIndent),
        i().prop_map(Targeted::DeleteRequired),
        (i(), prop::sample::select(FORBIDDEN.to_vec()))
            .prop_map(|(a, c)| Targeted::Forbidden(a, c)),
        i().prop_map(Targeted::UnclosedQuote),
        i().prop_map(Targeted::MisspellKey),
        i().prop_map(Targeted::BadDate),
        (i(), any::<bool>()).prop_map(|(a, right)| Targeted::ShiftKey(a, right)),
        i().prop_map(Targeted::ListToText),
        i().prop_map(Targeted::TextToList),
        i().prop_map(Targeted::BareColon),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// One targeted mutation: the message points at the line (and column) that was changed.
    #[test]
    fn targeted_damage_points_at_the_right_place(
        set in any::<Index>(),
        file in any::<Index>(),
        target in targeted(),
    ) {
        let corpus = corpus();
        let set = &corpus[set.index(corpus.len())];
        let index = file.index(set.len());
        let Some((text, expect)) = target.apply(&set[index].text) else {
            return Err(TestCaseError::reject("no place for this damage in this file"));
        };
        let name = set[index].name.clone();
        let diags = load_mutated(set, index, text.into_bytes())?;
        let found = diags.iter().any(|d| {
            d.is_error()
                && d.file == name
                && d.line == expect.line
                && expect.col.is_none_or(|c| d.col == c)
                && d.message.contains(expect.says)
        });
        prop_assert!(
            found,
            "{target:?}: expected an error at {}:{}{} saying {:?}; got:\n{}",
            name,
            expect.line,
            expect.col.map(|c| format!(":{c}")).unwrap_or_default(),
            expect.says,
            diags.iter().fold(String::new(), |mut out, d| {
                out.push_str("  ");
                out.push_str(&d.headline());
                out.push('\n');
                out
            })
        );
    }
}
