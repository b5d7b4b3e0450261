//! The command-line contract (PRODUCT.md): every subcommand's output, its `--json` shape and its
//! exit code (0 success, 1 nothing found, 2 usage error or invalid data), closed pipes, colour,
//! and where the data comes from. Plain outputs are compared with `tests/expected/*.txt`, made
//! from the fixture knowledge base `tests/fixtures/valid/minimal.yaml` (not the bundled data,
//! which content writers keep editing). `UPDATE_EXPECTED=1 cargo test --test cli commands::`
//! rewrites them. The shared helpers are here; the tests are in `outputs`, `checks` and
//! `contract`.
//!
//! Every run gets its own `HOME` and `XDG_DATA_HOME` so that data installed for the user never
//! interferes, and no `RELAIS_DATA` or `NO_COLOR` from the caller's environment.

mod checks;
mod contract;
mod outputs;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const MINIMAL: &str = "tests/fixtures/valid/minimal.yaml";
const SPLIT: &str = "tests/fixtures/valid/split";

/// A clean environment for the binary: an empty home directory of its own.
struct Sandbox {
    home: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            home: tempfile::tempdir().expect("temp home"),
        }
    }

    /// The binary as a plain `std::process::Command`, for pipes and terminals.
    fn std_relais(&self) -> std::process::Command {
        crate::support::sandbox::relais(self.home.path())
    }

    fn relais(&self) -> Command {
        Command::from(self.std_relais())
    }

    /// `relais --data tests/fixtures/valid/minimal.yaml ARGS...`
    fn minimal(&self, args: &[&str]) -> Command {
        let mut cmd = self.relais();
        cmd.arg("--data").arg(MINIMAL).args(args);
        cmd
    }

    /// The user data directory `relais` looks in: `$XDG_DATA_HOME/relais`.
    fn user_data_dir(&self) -> PathBuf {
        self.home.path().join("share").join("relais")
    }
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().expect("run relais");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn json_of(cmd: &mut Command) -> Value {
    let output = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&output).expect("valid JSON on stdout")
}

/// The lines of `expected` and `actual` with a marker: ' ' both, '-' expected only, '+' actual
/// only (longest common subsequence; the outputs are short).
fn line_diff(expected: &str, actual: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(format!("  {}\n", a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push(format!("- {}\n", a[i]));
            i += 1;
        }
    }
    out.concat()
}

/// Compares `actual` with `tests/expected/NAME`, or rewrites the file with `UPDATE_EXPECTED=1`.
fn assert_expected(name: &str, actual: &str) {
    let path = Path::new("tests/expected").join(name);
    if std::env::var_os("UPDATE_EXPECTED").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write expected output");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_EXPECTED=1 le crée)", path.display()));
    assert!(
        expected == actual,
        "{} diffère (« - » attendu, « + » obtenu ; UPDATE_EXPECTED=1 pour réécrire) :\n{}",
        path.display(),
        line_diff(&expected, actual)
    );
}
