//! `relais eval` prints nothing raw: query strings, expected and unknown ids, the file's name
//! and its parse errors are neutralised (an OSC 52 clipboard write, a screen clear and a
//! right-to-left override never reach the terminal), and its messages are French.

use std::path::Path;

use assert_cmd::Command;
use relais::kb::text::{is_forbidden, is_invisible};

const MINIMAL: &str = "tests/fixtures/valid/minimal.yaml";
const NASTY: &str = "\\e]52;c;cGlyYXRl\\a\\e[2J\\u202e\\u2028\\x9b1m";

fn eval(file: &Path, json: bool) -> (Option<i32>, String, String) {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("relais"));
    cmd.args(["--data", MINIMAL, "eval"])
        .arg(file)
        .env("NO_COLOR", "1");
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_clean(what: &str, text: &str) {
    let found: Vec<String> = text
        .chars()
        .filter(|&c| is_forbidden(c) || is_invisible(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(found.is_empty(), "{what}: {found:?} in {text:?}");
}

#[test]
fn queries_ids_and_errors_reach_the_terminal_neutralised() {
    let dir = tempfile::tempdir().expect("dir");
    // Failing queries: their text is printed back in the report.
    let failing = dir.path().join("echecs.yaml");
    std::fs::write(
        &failing,
        format!("queries:\n  - q: \"hebergeur {NASTY}\"\n    expect: [aide-medicale]\n"),
    )
    .expect("write");
    for json in [false, true] {
        let (code, out, err) = eval(&failing, json);
        assert_eq!(code, Some(0), "{err}");
        assert!(out.contains("hebergeur"), "{out}");
        assert_clean("report", &out);
        assert_clean("stderr", &err);
    }
    // Unknown expected ids are named on stderr.
    let unknown = dir.path().join("inconnus.yaml");
    std::fs::write(
        &unknown,
        format!("queries:\n  - q: x\n    expect: [\"nulle{NASTY}part\"]\n"),
    )
    .expect("write");
    let (code, _, err) = eval(&unknown, false);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("nulle"), "{err}");
    assert_clean("unknown ids", &err);
    // A file name with escapes, and a parse error: French, once, neutralised.
    let odd = dir.path().join("q\u{1b}]52;c;eA==\u{7}.yaml");
    std::fs::write(&odd, "queries:\n  - q: x\n    expect: [a\n").expect("write");
    let (code, _, err) = eval(&odd, false);
    assert_eq!(code, Some(2), "{err}");
    assert_clean("parse error", &err);
    assert!(err.contains("jeu de requêtes invalide"), "{err}");
    for english in ["expected", "found", "while", "unclosed", "did not"] {
        assert!(!err.contains(english), "English « {english} »: {err}");
    }
    assert_eq!(
        err.lines().filter(|l| l.contains("invalide")).count(),
        1,
        "{err}"
    );
}
