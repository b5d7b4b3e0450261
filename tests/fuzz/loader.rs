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
//! through the oracle (`oracle::kept_inputs_replay`); `mutation::survey` lists the messages.

mod mutation;
mod oracle;
mod targeted;

use std::path::Path;
use std::sync::OnceLock;

use jiff::civil::{Date, date};
use proptest::prelude::*;
use relais::kb::{Origin, SourceFile};

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
