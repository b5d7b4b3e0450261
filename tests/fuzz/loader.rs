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
//! RELAIS_FUZZ_CASES=100000 cargo test --release --test fuzz -- loader --nocapture
//! ```
//!
//! The parts: `mutation` (the random damage), `targeted` (the damage whose answer is known, and
//! where each kind finds its place in a file), `oracle` (the rules every diagnostic follows).
//! Inputs that once broke something are kept, minimised, in `tests/fixtures/fuzz/` and replayed
//! here by `kept_inputs_replay`.

mod mutation;
mod oracle;
mod targeted;

use std::path::Path;
use std::sync::OnceLock;

use jiff::civil::{Date, date};
use proptest::prelude::*;
use proptest::sample::Index;
use relais::kb::source::decode;
use relais::kb::validate::validate;
use relais::kb::{Origin, SourceFile};

use mutation::{apply, mutation};
use oracle::{load_mutated, own_words};

const TODAY: Date = date(2026, 11, 27);

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

/// The configuration of both fuzzing properties (random and targeted).
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // A targeted damage finds no place in some files (no date, no reference): rejected.
        max_global_rejects: cases().max(1024),
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
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
