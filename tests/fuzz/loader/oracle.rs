//! The rules every diagnostic follows, whatever the input: loading ends (no hang), every
//! problem points inside its file (a line of the file, a column of that line), its message is
//! French, and no control character reaches the terminal.

use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use relais::kb::source::decode;
use relais::kb::validate::validate;
use relais::kb::{Diagnostic, LoadError, SourceFile};

use super::TODAY;

/// Far above any real load (a few milliseconds): only a hang or a blow-up can reach it. Not a
/// timing claim; those come from the benchmarks.
const HANG_LIMIT: Duration = Duration::from_secs(10);

/// Loads `set` with file `target` replaced by `bytes`, as the loader would from disk, and checks
/// the general rules. Returns the diagnostics.
pub(super) fn load_mutated(
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
pub(super) fn own_words(message: &str) -> String {
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
