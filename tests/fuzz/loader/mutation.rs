//! The random damage: lines deleted, duplicated and swapped, indentation swapped, shifted or
//! made of tabs, truncation, random bytes and Unicode, YAML syntax dropped in; 1 to 8 of them
//! piled on one file of the corpus, which must then follow the general rules (`oracle`).

use std::ops::Range;

use proptest::prelude::*;
use proptest::sample::Index;

use relais::kb::source::decode;
use relais::kb::validate::validate;

use super::oracle::{load_mutated, own_words};
use super::{TODAY, cases, config, corpus};

/// YAML syntax that hand edits and copy-pastes bring in.
const SNIPPETS: [&str; 24] = [
    ": ",
    "- ",
    "-",
    ":",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: *a\n",
    "!!binary ",
    "---\n",
    "...\n",
    "? ",
    "%YAML 1.2\n",
    "#",
    "|",
    ">-",
    "\n  ",
    "\t",
    "\u{FEFF}",
];

/// Characters that damage text in interesting ways: controls, escapes, bidi, line and paragraph
/// separators, byte-order marks, combining marks, wide and astral characters.
const NASTY: [char; 24] = [
    '\0',
    '\u{7}',
    '\u{8}',
    '\u{B}',
    '\u{C}',
    '\r',
    '\u{1B}',
    '\u{7F}',
    '\u{80}',
    '\u{85}',
    '\u{9B}',
    '\u{A0}',
    '\u{200B}',
    '\u{2028}',
    '\u{2029}',
    '\u{202E}',
    '\u{2066}',
    '\u{FEFF}',
    '\u{301}',
    '\u{FFFD}',
    '漢',
    '😀',
    '\u{10FFFF}',
    'é',
];

#[derive(Debug, Clone)]
pub(super) enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    SwapIndent(Index, Index),
    ShiftIndent(Index, i8),
    TabIndent(Index),
    Truncate(Index),
    InsertBytes(Index, Vec<u8>),
    InsertText(Index, String),
    InsertSnippet(Index, &'static str),
}

pub(super) fn mutation() -> impl Strategy<Value = Mutation> {
    let nasty = prop_oneof![
        prop::sample::select(NASTY.to_vec()),
        any::<char>(),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('?')),
    ];
    prop_oneof![
        3 => any::<Index>().prop_map(Mutation::DeleteLine),
        2 => any::<Index>().prop_map(Mutation::DuplicateLine),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapIndent(a, b)),
        3 => (any::<Index>(), -4i8..=4).prop_map(|(a, d)| Mutation::ShiftIndent(a, d)),
        2 => any::<Index>().prop_map(Mutation::TabIndent),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..6))
            .prop_map(|(a, b)| Mutation::InsertBytes(a, b)),
        3 => (any::<Index>(), prop::collection::vec(nasty, 1..4))
            .prop_map(|(a, cs)| Mutation::InsertText(a, cs.into_iter().collect())),
        3 => (any::<Index>(), prop::sample::select(SNIPPETS.to_vec()))
            .prop_map(|(a, s)| Mutation::InsertSnippet(a, s)),
    ]
}

/// The leading spaces of a line.
fn indent_len(line: &[u8]) -> usize {
    line.iter().take_while(|&&b| b == b' ').count()
}

/// `at` moved forward to the start of a character, so valid UTF-8 stays valid.
fn char_start(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && (bytes[at] & 0xC0) == 0x80 {
        at += 1;
    }
    at
}

pub(super) fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let lines = line_ranges(bytes);
    let line = |i: &Index| lines[i.index(lines.len())].clone();
    match mutation {
        Mutation::DeleteLine(i) => {
            let r = line(i);
            let end = (r.end + 1).min(bytes.len());
            bytes.drain(r.start..end);
        }
        Mutation::DuplicateLine(i) => {
            let r = line(i);
            let mut copy = bytes[r.clone()].to_vec();
            copy.push(b'\n');
            let at = (r.end + 1).min(bytes.len());
            if at == bytes.len() && bytes.last() != Some(&b'\n') {
                copy.insert(0, b'\n');
                copy.pop();
            }
            bytes.splice(at..at, copy);
        }
        Mutation::SwapLines(one, two) => {
            let (one, two) = (line(one), line(two));
            if one != two {
                let (first, second) = if one.start < two.start {
                    (one, two)
                } else {
                    (two, one)
                };
                let first_text = bytes[first.clone()].to_vec();
                let second_text = bytes[second.clone()].to_vec();
                bytes.splice(second, first_text);
                bytes.splice(first, second_text);
            }
        }
        Mutation::SwapIndent(one, two) => {
            let (one, two) = (line(one), line(two));
            let (first, second) = if one.start <= two.start {
                (one, two)
            } else {
                (two, one)
            };
            let first_indent = indent_len(&bytes[first.clone()]);
            let second_indent = indent_len(&bytes[second.clone()]);
            let spaces = |n| std::iter::repeat_n(b' ', n);
            bytes.splice(
                second.start..second.start + second_indent,
                spaces(first_indent),
            );
            bytes.splice(
                first.start..first.start + first_indent,
                spaces(second_indent),
            );
        }
        Mutation::ShiftIndent(i, delta) => {
            let r = line(i);
            let n = usize::from(delta.unsigned_abs());
            if *delta >= 0 {
                bytes.splice(r.start..r.start, std::iter::repeat_n(b' ', n));
            } else {
                let remove = n.min(indent_len(&bytes[r.clone()]));
                bytes.drain(r.start..r.start + remove);
            }
        }
        Mutation::TabIndent(i) => {
            let r = line(i);
            let n = indent_len(&bytes[r.clone()]);
            bytes.splice(r.start..r.start + n, [b'\t']);
        }
        Mutation::Truncate(i) => bytes.truncate(i.index(bytes.len() + 1)),
        Mutation::InsertBytes(i, b) => {
            let at = i.index(bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::InsertText(i, s) => {
            let at = char_start(bytes, i.index(bytes.len() + 1));
            bytes.splice(at..at, s.bytes());
        }
        Mutation::InsertSnippet(i, s) => {
            let at = char_start(bytes, i.index(bytes.len() + 1));
            bytes.splice(at..at, s.bytes());
        }
    }
}

/// Byte ranges of the lines of `bytes`, without their `\n`; one empty line for empty input.
fn line_ranges(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    if start < bytes.len() || out.is_empty() {
        out.push(start..bytes.len());
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Random damage, piled up: no panic, no hang, positions in the file, French messages.
    #[test]
    fn random_damage_gets_clear_messages(
        set in any::<Index>(),
        file in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let corpus = corpus();
        let set = &corpus[set.index(corpus.len())];
        let target = file.index(set.len());
        let mut bytes = set[target].text.clone().into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        load_mutated(set, target, bytes)?;
    }
}

/// Not a test: runs `RELAIS_FUZZ_CASES` random cases and prints every distinct message shape
/// (digits and quoted data folded) with its count, to review the wording in bulk:
///
/// ```text
/// RELAIS_FUZZ_CASES=20000 cargo test --release --test fuzz -- --ignored --nocapture survey
/// ```
#[test]
#[ignore = "a survey of the messages, run by hand"]
fn survey() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let strategy = (
        any::<Index>(),
        any::<Index>(),
        prop::collection::vec(mutation(), 1..8),
    );
    let mut runner = TestRunner::default();
    let mut shapes = std::collections::BTreeMap::<String, (usize, String)>::new();
    let corpus = corpus();
    for _ in 0..cases() {
        let (set, file, mutations) = strategy.new_tree(&mut runner).expect("case").current();
        let set = &corpus[set.index(corpus.len())];
        let target = file.index(set.len());
        let mut bytes = set[target].text.clone().into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let diags = match decode(set[target].name.clone(), bytes) {
            Err(e) => e.diagnostics().to_vec(),
            Ok(f) => {
                let mut files = set.clone();
                files[target] = f;
                match validate(&files, TODAY) {
                    Ok((_, w)) => w,
                    Err(e) => e.diagnostics().to_vec(),
                }
            }
        };
        for d in diags {
            let shape: String = own_words(&d.message)
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect();
            let e = shapes.entry(shape).or_insert((0, d.headline()));
            e.0 += 1;
        }
    }
    for (shape, (n, example)) in shapes {
        println!("{n:7}  {shape}\n         e.g. {example}");
    }
}
