//! `relais check` and `relais eval`: warnings and `--strict`, invalid data on every
//! subcommand, the search-quality figures and gates, and the dates of sources and verifications.

use std::path::PathBuf;

use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

use super::{MINIMAL, Sandbox, json_of};

// --- check ----------------------------------------------------------------------------------

#[test]
fn check_passes_with_warnings_and_fails_with_strict() {
    let sandbox = Sandbox::new();
    sandbox
        .minimal(&["check"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with("OK\n"))
        .stderr(predicate::str::contains(
            "minimal.yaml:42:15: avertissement : l'entrée « droits-hebergeur » n'a pas été relue",
        ));
    sandbox
        .minimal(&["check", "--strict"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("--strict"));
    // An explicit path wins over --data; the summary counts every error.
    let errors = std::fs::read_to_string("tests/fixtures/invalid/several-errors.expected")
        .expect("expected headlines")
        .lines()
        .filter(|l| !l.contains(": remarque : ") && !l.contains(": avertissement : "))
        .count();
    sandbox
        .minimal(&["check", "tests/fixtures/invalid/several-errors.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "(tests/fixtures/invalid/several-errors.yaml) : {errors} problème(s) dans les données"
        )));
}

#[test]
fn invalid_data_makes_every_subcommand_exit_2_without_a_panic() {
    let sandbox = Sandbox::new();
    let data = "tests/fixtures/invalid/several-errors.yaml";
    for args in [
        &["list"][..],
        &["search", "héberger"],
        &["show", "droits-hebergeur"],
        &["contacts"],
        &["decks"],
        &["check"],
    ] {
        sandbox
            .relais()
            .arg("--data")
            .arg(data)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(
                "several-errors.yaml:3:9: date invalide",
            ))
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn no_fixture_makes_any_subcommand_panic() {
    let sandbox = Sandbox::new();
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/invalid")
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_none_or(|e| e == "yaml"))
        .collect();
    fixtures.push(PathBuf::from(MINIMAL));
    for fixture in &fixtures {
        for args in [
            &["list", "--json"][..],
            &["search", "héberger"],
            &["show", "droits-hebergeur"],
            &["contacts"],
            &["decks", "--json"],
        ] {
            let output = sandbox
                .relais()
                .arg("--data")
                .arg(fixture)
                .args(args)
                .output()
                .expect("run");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                matches!(output.status.code(), Some(0..=2)) && !stderr.contains("panicked"),
                "{} {args:?}: {:?}\n{stderr}",
                fixture.display(),
                output.status.code()
            );
        }
    }
}

// --- eval -----------------------------------------------------------------------------------

fn write_queries(dir: &TempDir, name: &str, yaml: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, yaml).expect("write queries");
    path
}

#[test]
fn eval_reports_figures_and_gates_on_min_p1() {
    let sandbox = Sandbox::new();
    let dir = tempfile::tempdir().expect("temp");
    let good = write_queries(
        &dir,
        "good.yaml",
        "queries:\n  - q: hebergeur\n    expect: [droits-hebergeur]\n  - q: soigner\n    expect: [aide-medicale]\n",
    );
    let report = json_of(
        sandbox
            .minimal(&["eval"])
            .arg(&good)
            .args(["--json", "--min-p1", "1"]),
    );
    assert_eq!(report["queries"], 2);
    assert_eq!(report["p1"], 1.0);
    assert_eq!(report["r5"], 1.0);
    assert_eq!(report["mrr"], 1.0);
    assert_eq!(report["failures"], serde_json::json!([]));
    sandbox
        .minimal(&["eval"])
        .arg(&good)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 requêtes"))
        .stdout(predicate::str::contains("précision au rang 1 : 1.000"));

    // One query expects the wrong entry first: P@1 = 0.5.
    let half = write_queries(
        &dir,
        "half.yaml",
        "queries:\n  - q: hebergeur\n    expect: [droits-hebergeur]\n  - q: hebergeur\n    expect: [permanence-juridique]\n",
    );
    sandbox
        .minimal(&["eval"])
        .arg(&half)
        .args(["--min-p1", "0.5"])
        .assert()
        .success();
    let output = sandbox
        .minimal(&["eval"])
        .arg(&half)
        .args(["--json", "--min-p1", "0.9"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("sous le seuil"))
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&output).expect("JSON report");
    assert_eq!(report["p1"], 0.5);
    let failure = &report["failures"][0];
    assert_eq!(failure["q"], "hebergeur");
    assert_eq!(
        failure["expect"],
        serde_json::json!(["permanence-juridique"])
    );
    assert!(failure["top"].is_array());
}

#[test]
fn eval_rejects_bad_query_files_with_exit_2() {
    let sandbox = Sandbox::new();
    let dir = tempfile::tempdir().expect("temp");
    let unknown = write_queries(
        &dir,
        "unknown.yaml",
        "queries:\n  - q: hebergeur\n    expect: [nulle-part]\n",
    );
    sandbox
        .minimal(&["eval"])
        .arg(&unknown)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nulle-part"));
    let malformed = write_queries(&dir, "bad.yaml", "queries:\n  - q: x\n    expected: [a]\n");
    sandbox
        .minimal(&["eval"])
        .arg(&malformed)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.yaml:3:5"));
    sandbox
        .minimal(&["eval", "/nonexistent/queries.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/queries.yaml"));
}

// --- dates --------------------------------------------------------------------------------

#[test]
fn show_json_gives_the_newest_source_date_and_the_warnings() {
    let sandbox = Sandbox::new();
    let entry = json_of(&mut sandbox.minimal(&["show", "droits-hebergeur", "--json"]));
    assert_eq!(entry["sources_until"], "2017-05-08");
    assert_eq!(entry["old_sources"], true);
    assert_eq!(
        entry["dates"],
        "Vérifié le 01/03/2024 · sources jusqu'au 08/05/2017"
    );
    let warnings = entry["warnings"].as_array().expect("warnings");
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .is_some_and(|w| w.contains("08/05/2017 (plus de trois ans)"))),
        "{warnings:?}"
    );
}

/// A data folder with one entry and the given contacts, for `check`.
fn data_with_contacts(dir: &std::path::Path, contacts: &str) -> std::path::PathBuf {
    let file = dir.join("d.yaml");
    let today = relais::kb::today();
    let text = format!(
        "categories: [{{id: c, title: C}}]\n\
         entries:\n  - id: e\n    title: E\n    category: c\n    summary: S\n    answer: A\n    \
         sources: [{{title: T, date: {today}}}]\n    reviewed: {today}\n\
         contacts:\n{contacts}"
    );
    std::fs::write(&file, text).expect("write data");
    file
}

#[test]
fn strict_fails_on_a_verification_older_than_a_year_not_on_an_honest_unverified_contact() {
    let sandbox = Sandbox::new();
    let dir = tempfile::tempdir().expect("temp");
    let unverified = data_with_contacts(
        dir.path(),
        "  - {id: p, name: P, description: D, region: flandre, phone: [\"101\"], sources: [{title: Presse, date: 2021-02}]}\n",
    );
    sandbox
        .relais()
        .args(["check", "--strict"])
        .arg(&unverified)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 contact(s) non vérifié(s)"));
    let old = relais::kb::today()
        .checked_sub(jiff::Span::new().months(13))
        .expect("a year ago");
    let stale = data_with_contacts(
        dir.path(),
        &format!(
            "  - {{id: p, name: P, description: D, region: namur, verified: {old}, verified_by: telephone, sources: [{{title: Appel}}]}}\n"
        ),
    );
    sandbox.relais().arg("check").arg(&stale).assert().success();
    sandbox
        .relais()
        .args(["check", "--strict"])
        .arg(&stale)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("à revérifier"));
}

#[test]
fn check_help_says_what_strict_refuses() {
    let sandbox = Sandbox::new();
    sandbox
        .relais()
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("contact vérifié il y a plus de"))
        .stdout(predicate::str::contains("restent des notes"));
}
