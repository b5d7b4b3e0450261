//! Fuzzing of the loader and the validator with a structure-aware generator. It starts from real
//! data (the bundled knowledge base and the test fixtures) and damages it the way hand edits and
//! USB sticks do: deleted, duplicated and swapped lines, shifted or tab indentation, truncation,
//! random bytes and Unicode (control characters included), YAML syntax dropped in, duplicated
//! keys, broken references. Whatever comes out, loading must not panic or hang, every problem
//! must point inside its file (line within the file, column within the line), and every message
//! must be French.
//!
//! Two kinds of cases:
//! - one targeted mutation whose right answer is known (a broken reference, a duplicated key, a
//!   tab, a deleted required key, a forbidden character, an unclosed quote, a misspelt key, a bad
//!   date): a message must point at that line, and at that column where the column is exact;
//! - a pile of 1 to 8 random mutations: the general rules above.
//!
//! `RELAIS_FUZZ_CASES=N` sets the number of cases of each kind (default 256, for CI). Long runs:
//!
//! ```text
//! RELAIS_FUZZ_CASES=100000 cargo test --release --test fuzz_loader -- --nocapture
//! ```
//!
//! Inputs that once broke something are kept, minimised, in `tests/fixtures/fuzz/` and replayed
//! by `tests/fuzz_replay.rs`.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use jiff::civil::{Date, date};
use proptest::prelude::*;
use proptest::sample::Index;
use relais::kb::source::decode;
use relais::kb::validate::validate;
use relais::kb::{Diagnostic, LoadError, Origin, SourceFile};

const TODAY: Date = date(2026, 11, 27);

/// Far above any real load (a few milliseconds): only a hang or a blow-up can reach it. Not a
/// timing claim; those come from the benchmarks.
const HANG_LIMIT: Duration = Duration::from_secs(10);

fn cases() -> u32 {
    std::env::var("RELAIS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// The data sets the mutations start from: the bundled knowledge base (ten files) and the
/// single-file fixtures, which are quicker to load.
fn corpus() -> &'static [Vec<SourceFile>] {
    static CORPUS: OnceLock<Vec<Vec<SourceFile>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut sets = vec![Origin::Bundled.read().expect("bundled data")];
        for fixture in [
            "tui/kb.yaml",
            "valid/minimal.yaml",
            "valid/windows.yaml",
            "export",
        ] {
            let files = Origin::Flag(root.join(fixture)).read().expect("fixture");
            sets.push(files);
        }
        sets
    })
}

// --- random mutations ------------------------------------------------------------------------

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
enum Mutation {
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

fn mutation() -> impl Strategy<Value = Mutation> {
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

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
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

/// Loads `set` with file `target` replaced by `bytes`, as the loader would from disk, and checks
/// the general rules. Returns the diagnostics.
fn load_mutated(
    set: &[SourceFile],
    target: usize,
    bytes: Vec<u8>,
) -> Result<Vec<Diagnostic>, TestCaseError> {
    let start = Instant::now();
    let name = set[target].name.clone();
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    let (files, diags) = match decode(name.clone(), bytes) {
        // Not UTF-8: the position is checked against the text with the bad bytes replaced.
        Err(LoadError::Invalid(diags)) => (vec![SourceFile { name, text: lossy }], diags),
        Err(other) => return Err(TestCaseError::fail(format!("unexpected error: {other}"))),
        Ok(file) => {
            let mut files = set.to_vec();
            files[target] = file;
            let diags = match validate(&files, TODAY) {
                Ok((_, warnings)) => warnings,
                Err(LoadError::Invalid(diags)) => diags,
                Err(other) => {
                    return Err(TestCaseError::fail(format!("unexpected error: {other}")));
                }
            };
            (files, diags)
        }
    };
    let elapsed = start.elapsed();
    prop_assert!(elapsed < HANG_LIMIT, "loading took {elapsed:?}");
    check_diagnostics(&files, &diags)?;
    Ok(diags)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // A targeted damage finds no place in some files (no date, no reference): rejected.
        max_global_rejects: cases().max(1024),
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

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

// --- targeted mutations ----------------------------------------------------------------------

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

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("small")
}

/// The 1-based column of byte `at` in `line`.
fn col_of(line: &str, at: usize) -> u32 {
    to_u32(line[..at].chars().count() + 1)
}

/// A line split as `indent`, optional `- `, `key`, `: `, value.
struct KeyLine<'a> {
    indent: usize,
    dash: bool,
    key: &'a str,
    /// Byte offset of the value in the line.
    value_at: usize,
    value: &'a str,
}

fn key_line(line: &str) -> Option<KeyLine<'_>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let (dash, rest) = match rest.strip_prefix("- ") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let key_end = rest.find(':')?;
    let key = &rest[..key_end];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return None;
    }
    let value_at = line.len() - rest.len() + key_end + 1;
    let value = line[value_at..]
        .strip_prefix(' ')
        .unwrap_or(&line[value_at..]);
    let value_at = line.len() - value.len();
    Some(KeyLine {
        indent,
        dash,
        key,
        value_at,
        value,
    })
}

/// A value that ends on its own line: plain, or quoted and closed, or a closed flow list.
fn complete_value(v: &str) -> bool {
    let v = v.trim_end();
    match v.chars().next() {
        None | Some('|' | '>' | '&' | '*' | '!' | '{') => false,
        Some('"') => v.len() > 1 && v.ends_with('"') && !v[1..v.len() - 1].contains('"'),
        Some('\'') => v.len() > 1 && v.ends_with('\'') && !v[1..v.len() - 1].contains('\''),
        Some('[') => v.ends_with(']'),
        _ => !v.contains(" #"),
    }
}

/// Indentation of the next line that is not blank or a comment, if any.
fn next_indent(lines: &[&str], i: usize) -> Option<usize> {
    lines[i + 1..]
        .iter()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.len() - l.trim_start_matches(' ').len())
}

/// Lines inside block scalars (`|`, `>`) and multi-line values, where keys are text.
fn in_text_block(lines: &[&str]) -> Vec<bool> {
    let mut inside = vec![false; lines.len()];
    let mut owner: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let ind = l.len() - l.trim_start_matches(' ').len();
        if let Some(o) = owner {
            if l.trim().is_empty() || ind > o {
                inside[i] = true;
                continue;
            }
            owner = None;
        }
        // A key whose value continues below (a nested block's keys are at a deeper indentation
        // and are keys, not text).
        let continues = |k: &KeyLine<'_>| {
            !k.value.is_empty() && !complete_value(k.value) && !k.value.starts_with('[')
        };
        if let Some(k) = key_line(l).filter(continues) {
            owner = Some(k.indent + if k.dash { 2 } else { 0 });
        }
    }
    inside
}

/// Replaces `lines` and joins them back, keeping the file's final newline.
fn join(lines: &[String], original: &str) -> String {
    let mut out = lines.join("\n");
    if original.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Picks one of `sites` with `i`, or nothing when there is none.
fn pick<T: Clone>(sites: &[T], i: Index) -> Option<T> {
    (!sites.is_empty()).then(|| sites[i.index(sites.len())].clone())
}

/// The section (top-level key) each line belongs to.
fn sections<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut current = "";
    lines
        .iter()
        .map(|l| {
            if let Some(k) = key_line(l).filter(|k| k.indent == 0 && !k.dash) {
                current = k.key;
            }
            current
        })
        .collect()
}

const REQUIRED: [(&str, &[&str]); 4] = [
    (
        "entries",
        &["title", "category", "summary", "answer", "reviewed"],
    ),
    ("contacts", &["name", "description", "region"]),
    ("decks", &["title"]),
    ("categories", &["title"]),
];

const REF_KEYS: [&str; 4] = ["related", "contacts", "slides", "fallback_contacts"];

impl Targeted {
    /// The damaged text and what the loader must say, or `None` when the file has no place for
    /// this kind of damage.
    fn apply(&self, text: &str) -> Option<(String, Expect)> {
        let f = File::new(text);
        match *self {
            Self::BreakReference(i) => f.break_reference(i),
            Self::DuplicateKey(i) => f.duplicate_key(i),
            Self::TabIndent(i) => f.tab_indent(i),
            Self::DeleteRequired(i) => f.delete_required(i),
            Self::Forbidden(i, c) => f.forbidden(i, c),
            Self::UnclosedQuote(i) => f.unclosed_quote(i),
            Self::MisspellKey(i) => f.misspell_key(i),
            Self::BadDate(i) => f.bad_date(i),
            Self::ShiftKey(i, right) => f.shift_key(i, right),
            Self::ListToText(i) => f.list_to_text(i),
            Self::TextToList(i) => f.text_to_list(i),
            Self::BareColon(i) => f.bare_colon(i),
        }
    }
}

/// A file about to be damaged: its lines, and which of them are text rather than keys.
struct File<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    text_block: Vec<bool>,
}

/// An error at 0-based `line`, 1-based `col`, saying `says`.
fn at(line: usize, col: u32, says: &'static str) -> Expect {
    Expect {
        line: to_u32(line + 1),
        col: Some(col),
        says,
    }
}

/// Some error on 0-based `line`.
fn on_line(line: usize) -> Expect {
    Expect {
        line: to_u32(line + 1),
        col: None,
        says: "",
    }
}

impl<'a> File<'a> {
    fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let text_block = in_text_block(&lines);
        Self {
            text,
            lines,
            text_block,
        }
    }

    /// The lines that hold a key (outside texts), with their parts.
    fn key_lines(&self) -> impl Iterator<Item = (usize, KeyLine<'a>)> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.text_block[*i])
            .filter_map(|(i, l)| key_line(l).map(|k| (i, k)))
    }

    /// The file with line `n` changed by `change`.
    fn with_line(&self, n: usize, change: impl FnOnce(&mut String)) -> String {
        let mut owned: Vec<String> = self.lines.iter().map(|l| (*l).to_owned()).collect();
        change(&mut owned[n]);
        join(&owned, self.text)
    }

    fn with_lines(&self, change: impl FnOnce(&mut Vec<String>)) -> String {
        let mut owned: Vec<String> = self.lines.iter().map(|l| (*l).to_owned()).collect();
        change(&mut owned);
        join(&owned, self.text)
    }

    /// An id in a reference list or an answer's `[[link]]` replaced by an unknown one.
    fn break_reference(&self, i: Index) -> Option<(String, Expect)> {
        // (line, byte offset of the id, id length, is a [[link]])
        let mut sites = Vec::new();
        for (n, k) in self.key_lines() {
            if REF_KEYS.contains(&k.key) && k.value.starts_with('[') && k.value.ends_with(']') {
                let mut offset = k.value_at + 1;
                for item in k.value[1..k.value.len() - 1].split(',') {
                    let lead = item.len() - item.trim_start().len();
                    let id = item.trim();
                    if !id.is_empty() && !id.starts_with('"') {
                        sites.push((n, offset + lead, id.len(), false));
                    }
                    offset += item.len() + 1;
                }
            }
        }
        let mut answer = false;
        for (n, l) in self.lines.iter().enumerate() {
            if !self.text_block[n] {
                answer = key_line(l).is_some_and(|k| k.key == "answer" && k.value == "|");
                continue;
            }
            if answer {
                for (start, _) in l.match_indices("[[") {
                    if let Some(len) = l[start + 2..].find("]]") {
                        sites.push((n, start + 2, len, true));
                    }
                }
            }
        }
        let (n, offset, len, link) = pick(&sites, i)?;
        let text = self.with_line(n, |l| l.replace_range(offset..offset + len, "zz-inconnu"));
        let col = col_of(self.lines[n], if link { offset - 2 } else { offset });
        Some((text, at(n, col, "inconnu")))
    }

    /// A `key: value` line written twice.
    fn duplicate_key(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(n, k)| {
                !k.dash
                    && complete_value(k.value)
                    && next_indent(&self.lines, *n).is_none_or(|ind| ind <= k.indent)
            })
            .map(|(n, k)| (n, k.indent))
            .collect();
        let (n, indent) = pick(&sites, i)?;
        let text = self.with_lines(|l| l.insert(n + 1, self.lines[n].to_owned()));
        Some((text, at(n + 1, to_u32(indent + 1), "en double")))
    }

    /// A key indented with a tab.
    fn tab_indent(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<usize> = self
            .key_lines()
            .filter(|(_, k)| k.indent > 0)
            .map(|(n, _)| n)
            .collect();
        let n = pick(&sites, i)?;
        let body = self.lines[n].trim_start_matches(' ');
        let text = self.with_line(n, |l| *l = format!("\t{body}"));
        Some((text, at(n, 1, "tabulation")))
    }

    /// A required key of an entry, contact, deck or category deleted: reported at the item's
    /// first line.
    fn delete_required(&self, i: Index) -> Option<(String, Expect)> {
        let section = sections(&self.lines);
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(n, k)| {
                k.indent == 4
                    && !k.dash
                    && complete_value(k.value)
                    && next_indent(&self.lines, *n).is_none_or(|ind| ind <= k.indent)
                    && REQUIRED
                        .iter()
                        .any(|(s, keys)| *s == section[*n] && keys.contains(&k.key))
            })
            .filter_map(|(n, _)| {
                // The item's first line, `  - id: ...`.
                let start = (0..n).rev().find(|&j| {
                    !self.text_block[j]
                        && key_line(self.lines[j]).is_some_and(|s| s.dash && s.indent == 2)
                })?;
                Some((n, start))
            })
            .collect();
        let (n, start) = pick(&sites, i)?;
        let text = self.with_lines(|l| {
            l.remove(n);
        });
        Some((text, at(start, 5, "manquante")))
    }

    /// A forbidden character anywhere: reported at its own line and column.
    fn forbidden(&self, i: Index, c: char) -> Option<(String, Expect)> {
        let text = self.text;
        let mut at_byte = i.index(text.len() + 1);
        while !text.is_char_boundary(at_byte) {
            at_byte += 1;
        }
        if c == '\r' && text[at_byte..].starts_with('\n') {
            return None;
        }
        // A byte-order mark that stays first is not a column.
        let bom = if at_byte > 0 && text.starts_with('\u{FEFF}') {
            3
        } else {
            0
        };
        let before = &text[bom.min(at_byte)..at_byte];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let col = to_u32(before[line_start..].chars().count() + 1);
        let mut damaged = text.to_owned();
        damaged.insert(at_byte, c);
        Some((damaged, at(line, col, "caractère interdit")))
    }

    /// The closing quote of a one-line value removed: reported at that line (the opening quote).
    fn unclosed_quote(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<usize> = self
            .key_lines()
            .filter(|(_, k)| {
                k.value.len() > 2
                    && k.value.starts_with('"')
                    && k.value.ends_with('"')
                    && !k.value[1..k.value.len() - 1].contains(['"', '\\'])
            })
            .map(|(n, _)| n)
            .collect();
        let n = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.pop();
        });
        Some((text, on_line(n)))
    }

    /// Two letters of a key swapped: "title" -> "tilte".
    fn misspell_key(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<(usize, KeyLine<'a>)> =
            self.key_lines().filter(|(_, k)| k.key.len() >= 4).collect();
        let (n, k) = sites.get(i.index(sites.len().max(1)))?;
        let key_at = k.indent + if k.dash { 2 } else { 0 };
        let mut key: Vec<char> = k.key.chars().collect();
        key.swap(1, 2);
        let key: String = key.into_iter().collect();
        if key == k.key {
            return None;
        }
        let text = self.with_line(*n, |l| l.replace_range(key_at..key_at + k.key.len(), &key));
        Some((text, at(*n, to_u32(key_at + 1), "clé inconnue")))
    }

    /// A date that does not exist.
    fn bad_date(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                matches!(k.key, "reviewed" | "verified" | "date")
                    && k.value.len() == 10
                    && k.value.as_bytes()[4] == b'-'
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.replace_range(value_at..value_at + 10, "2026-13-45");
        });
        Some((
            text,
            at(n, col_of(self.lines[n], value_at), "date invalide"),
        ))
    }

    /// A key that is not the first of its block moved one space in or out: reported at its
    /// line, whatever the parser makes of it.
    fn shift_key(&self, i: Index, right: bool) -> Option<(String, Expect)> {
        let sites: Vec<usize> = self
            .key_lines()
            .filter(|(n, k)| {
                !k.dash
                    && k.indent >= 2
                    && *n > 0
                    && !self.text_block[n - 1]
                    && key_line(self.lines[n - 1]).is_some_and(|p| {
                        complete_value(p.value) && p.indent + if p.dash { 2 } else { 0 } == k.indent
                    })
            })
            .map(|(n, _)| n)
            .collect();
        let n = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            if right {
                l.insert(0, ' ');
            } else {
                l.remove(0);
            }
        });
        Some((text, on_line(n)))
    }

    /// A list replaced by a text.
    fn list_to_text(&self, i: Index) -> Option<(String, Expect)> {
        let lists = [
            "related", "keywords", "audience", "slides", "phone", "topics",
        ];
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                lists.contains(&k.key)
                    && k.value.starts_with('[')
                    && k.value.ends_with(']')
                    && k.value.len() > 2
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.truncate(value_at);
            l.push_str("un texte");
        });
        let col = col_of(self.lines[n], value_at);
        Some((text, at(n, col, "une liste est attendue")))
    }

    /// A text replaced by a list.
    fn text_to_list(&self, i: Index) -> Option<(String, Expect)> {
        let texts = ["title", "name", "category", "region", "summary", "id"];
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                texts.contains(&k.key) && complete_value(k.value) && !k.value.starts_with('[')
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.insert(value_at, '[');
            l.push(']');
        });
        let col = col_of(self.lines[n], value_at);
        Some((text, at(n, col, "un texte est attendu")))
    }

    /// A quoted value unquoted, with a colon inside: `title: Asile : les étapes`.
    fn bare_colon(&self, i: Index) -> Option<(String, Expect)> {
        let special = [
            '-', '[', '{', '&', '*', '!', '|', '>', '\'', '%', '@', '`', '?', ' ',
        ];
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                k.value.len() > 2
                    && k.value.starts_with('"')
                    && k.value.ends_with('"')
                    && !k.value[1..k.value.len() - 1].contains(['"', '\\', ':', '#'])
                    && !k.value[1..].starts_with(special)
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let line = self.lines[n];
        let inner = &line[value_at + 1..line.len() - 1];
        let changed = format!("{}Asile : {inner}", &line[..value_at]);
        let col = col_of(&changed, value_at + "Asile ".len());
        Some((
            self.with_line(n, |l| *l = changed),
            at(n, col, "deux-points"),
        ))
    }
}

// --- the general rules -----------------------------------------------------------------------

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

/// Words that only an English message would contain (the library's own messages).
const ENGLISH: [&str; 52] = [
    "error",
    "expected",
    "while",
    "scanning",
    "found",
    "unknown",
    "missing",
    "mapping",
    "sequence",
    "scalar",
    "duplicate",
    "unexpected",
    "invalid",
    "column",
    "line",
    "field",
    "exceeded",
    "limit",
    "budget",
    "cannot",
    "allowed",
    "anchor",
    "failed",
    "character",
    "value",
    "key",
    "input",
    "end",
    "the",
    "of",
    "at",
    "did",
    "not",
    "deserialize",
    "struct",
    "string",
    "integer",
    "boolean",
    "null",
    "stream",
    "token",
    "block",
    "flow",
    "plain",
    "quoted",
    "depth",
    "nesting",
    "unclosed",
    "bracket",
    "escape",
    "indicator",
    "is",
];

/// The message without what it quotes from the data (« ... », [[...]]) and without the lists
/// of valid keys, which are the schema's own (English-looking) names.
fn own_words(message: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut rest = message;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with('«') || rest.starts_with("[[") {
            depth += 1;
        } else if (rest.starts_with('»') || rest.starts_with("]]")) && depth > 0 {
            depth -= 1;
        } else if depth == 0 {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    for cut in ["possibles :", "des sections"] {
        if let Some(at) = out.find(cut) {
            out.truncate(at);
        }
    }
    out
}

fn check_french(d: &Diagnostic) -> Result<(), TestCaseError> {
    let own = own_words(&d.message).to_lowercase();
    for word in own.split(|c: char| !c.is_alphanumeric()) {
        prop_assert!(
            !ENGLISH.contains(&word),
            "English word {word:?} in the message: {}",
            d.headline()
        );
    }
    Ok(())
}

/// The position lies in `text`: a line of the file, a column of that line (or just after its
/// last character). Line 0 (no position) only with column 0.
fn check_position(text: &str, d: &Diagnostic) -> Result<(), TestCaseError> {
    if d.line == 0 {
        prop_assert_eq!(d.col, 0, "column without a line: {}", d.headline());
        return Ok(());
    }
    let lines: Vec<&str> = text.lines().collect();
    let count = lines.len().max(1);
    prop_assert!(
        d.line as usize <= count,
        "line {} of a file of {count} lines: {}",
        d.line,
        d.headline()
    );
    let line = lines.get(d.line as usize - 1).copied().unwrap_or("");
    let width = line.chars().count() + 1;
    prop_assert!(
        d.col >= 1 && d.col as usize <= width,
        "column {} of a line of {} characters: {}\n  line: {line:?}",
        d.col,
        width - 1,
        d.headline()
    );
    Ok(())
}

/// The rules every diagnostic follows, whatever the input.
fn check_diagnostics(files: &[SourceFile], diags: &[Diagnostic]) -> Result<(), TestCaseError> {
    for d in diags {
        let file = files.iter().find(|f| f.name == d.file);
        prop_assert!(file.is_some(), "unknown file in {}", d.headline());
        check_position(file.map(|f| f.text.as_str()).unwrap_or_default(), d)?;
        check_french(d)?;
        let shown = d.to_string();
        prop_assert!(
            relais::kb::text::find_forbidden(&shown).is_none(),
            "a control character reaches the terminal: {shown:?}"
        );
    }
    Ok(())
}

// --- kept inputs -----------------------------------------------------------------------------

/// Every input under `tests/fixtures/fuzz/` once broke something: each loads (alone) without a
/// panic, with positions in the file and French messages, and reports exactly the headlines of
/// its `.expected` file (`UPDATE_EXPECTED=1` rewrites them; read the diff).
#[test]
fn kept_inputs_replay() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/fuzz")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no kept inputs in {}", dir.display());
    for path in inputs {
        let name = format!(
            "tests/fixtures/fuzz/{}",
            path.file_name().expect("name").to_string_lossy()
        );
        let bytes = std::fs::read(&path).expect("read input");
        let set = [SourceFile {
            name: name.clone(),
            text: String::new(),
        }];
        let diags = load_mutated(&set, 0, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let headlines: Vec<String> = diags
            .iter()
            .map(|d| relais::kb::text::neutralize(&d.headline()).into_owned())
            .collect();
        let expected_path = path.with_extension("expected");
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, headlines.join("\n") + "\n").expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{}: missing", expected_path.display()));
        let expected: Vec<&str> = expected.lines().collect();
        assert_eq!(headlines, expected, "{name}");
    }
}

/// Not a test: runs `RELAIS_FUZZ_CASES` random cases and prints every distinct message shape
/// (digits and quoted data folded) with its count, to review the wording in bulk:
///
/// ```text
/// RELAIS_FUZZ_CASES=20000 cargo test --release --test fuzz_loader -- --ignored --nocapture survey
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
