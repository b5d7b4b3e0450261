//! The command-line contract (PRODUCT.md): every subcommand's output, its `--json` shape and its
//! exit code (0 success, 1 nothing found, 2 usage error or invalid data), closed pipes, colour,
//! and where the data comes from. Plain outputs are compared with `tests/expected/*.txt`, made
//! from the fixture knowledge base `tests/fixtures/valid/minimal.yaml` (not the bundled data,
//! which content writers keep editing). `UPDATE_EXPECTED=1 cargo test --test cli commands::` rewrites them.
//!
//! Every run gets its own `HOME` and `XDG_DATA_HOME` so that data installed for the user never
//! interferes, and no `RELAIS_DATA` or `NO_COLOR` from the caller's environment.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
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

// --- Expected plain outputs ---------------------------------------------------------------

#[test]
fn plain_outputs_match_the_expected_files() {
    let sandbox = Sandbox::new();
    let cases: [(&str, &[&str]); 10] = [
        ("list.txt", &["list"]),
        ("list-sante.txt", &["list", "--category", "sante"]),
        ("show-entry.txt", &["show", "droits-hebergeur"]),
        ("show-contact.txt", &["show", "permanence-juridique"]),
        (
            "show-unverified-contact.txt",
            &["show", "medecins-benevoles"],
        ),
        ("show-deck.txt", &["show", "seance-decouverte"]),
        ("contacts.txt", &["contacts"]),
        ("decks.txt", &["decks"]),
        ("search-heberger.txt", &["search", "héberger"]),
        ("check.txt", &["check"]),
    ];
    for (file, args) in cases {
        let mut cmd = sandbox.minimal(args);
        cmd.assert().success();
        assert_expected(file, &stdout_of(&mut cmd));
    }
}

#[test]
fn line_diff_marks_missing_and_extra_lines() {
    assert_eq!(line_diff("a\nb\nc\n", "a\nc\nd\n"), "  a\n- b\n  c\n+ d\n");
}

// --- search ---------------------------------------------------------------------------------

#[test]
fn search_json_is_an_array_best_first_with_the_confidence_on_each_row() {
    let sandbox = Sandbox::new();
    for query in ["héberger", "hebergeur", "Hébergeur", "soigner", "juridique"] {
        let found = json_of(&mut sandbox.minimal(&["search", query, "--json"]));
        let hits = found.as_array().expect("an array");
        assert!(
            hits.iter()
                .all(|h| matches!(h["confidence"].as_str(), Some("sure" | "unsure"))),
            "{found}"
        );
        assert!(!hits.is_empty(), "{query}: no hit");
        let mut previous = f64::INFINITY;
        for hit in hits {
            assert!(hit["id"].is_string(), "{hit}");
            assert!(hit["title"].is_string(), "{hit}");
            assert!(
                matches!(hit["kind"].as_str(), Some("faq" | "contact")),
                "{hit}"
            );
            let score = hit["score"].as_f64().expect("numeric score");
            assert!(score <= previous, "{query}: not best first: {hits:?}");
            previous = score;
        }
    }
    let hits = json_of(&mut sandbox.minimal(&["search", "hebergeur", "--json"]));
    assert_eq!(hits[0]["id"], "droits-hebergeur", "accents are optional");
    assert_eq!(hits[0]["kind"], "faq");
    assert_eq!(
        hits[0]["title"],
        "Puis-je héberger une personne sans papiers ?"
    );
}

#[test]
fn search_filters_by_kind_and_limits() {
    let sandbox = Sandbox::new();
    let found =
        json_of(&mut sandbox.minimal(&["search", "juridique", "--kind", "contact", "--json"]));
    let hits = found.as_array().expect("array");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["kind"] == "contact"), "{hits:?}");
    assert_eq!(hits[0]["id"], "permanence-juridique");

    let faq = json_of(&mut sandbox.minimal(&["search", "personne", "--kind", "faq", "--json"]));
    assert!(
        faq.as_array()
            .expect("array")
            .iter()
            .all(|h| h["kind"] == "faq")
    );

    let one = json_of(&mut sandbox.minimal(&["search", "personne", "--limit", "1", "--json"]));
    assert_eq!(one.as_array().expect("array").len(), 1);
}

#[test]
fn a_synonym_alone_is_shown_but_not_as_a_sure_answer() {
    let sandbox = Sandbox::new();
    sandbox
        .minimal(&["search", "toubib"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("[FAQ] aide-medicale"))
        .stderr(predicate::str::contains("Pas de réponse sûre"))
        .stderr(predicate::str::contains("[permanence-juridique]"));
    let found = json_of(&mut sandbox.minimal(&["search", "toubib", "--json"]));
    assert_eq!(found[0]["confidence"], "unsure");
    assert!(found[0]["doubt"].is_string());
    sandbox
        .minimal(&["search", "héberger"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("Pas de réponse sûre").not());
}

#[test]
fn explain_shows_each_stage_of_the_pipeline() {
    let sandbox = Sandbox::new();
    sandbox
        .minimal(&["search", "--explain", "Héberger quelqu'un"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1. plié : « heberger quelqu'un »"))
        .stdout(predicate::str::contains("2. mots : heberger quelqu un"))
        .stdout(predicate::str::contains("mots vides ignorés : quelqu un"))
        .stdout(predicate::str::contains(
            "« heberger » (racine heberg, données) → héberger (mot exact",
        ))
        .stdout(predicate::str::contains(
            "« heberger » → « héberger » : mot exact, titre",
        ));
}

#[test]
fn search_with_no_result_exits_1_and_says_who_to_contact() {
    let sandbox = Sandbox::new();
    sandbox
        .minimal(&["search", "zzqqxx"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("Aucun résultat pour « zzqqxx »"))
        .stderr(predicate::str::contains("Qui contacter"))
        .stderr(predicate::str::contains("[permanence-juridique]"));
}

#[test]
fn search_json_with_no_result_is_an_empty_list_and_exit_1() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .minimal(&["search", "zzqqxx", "--json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&output).expect("JSON even when empty");
    assert_eq!(json, Value::Array(Vec::new()));
}

// --- show -----------------------------------------------------------------------------------

#[test]
fn show_json_has_the_item_and_its_kind() {
    let sandbox = Sandbox::new();
    let entry = json_of(&mut sandbox.minimal(&["show", "droits-hebergeur", "--json"]));
    assert_eq!(entry["kind"], "faq");
    assert_eq!(entry["id"], "droits-hebergeur");
    assert_eq!(entry["category"], "hebergement");
    assert_eq!(entry["reviewed"], "2024-03-01");
    assert_eq!(entry["stale"], true, "reviewed in 2024: always stale");
    assert_eq!(entry["related"], serde_json::json!(["aide-medicale"]));
    assert_eq!(
        entry["sources"][0]["url"],
        "https://www.ejustice.just.fgov.be/"
    );
    assert!(
        entry["answer"]
            .as_str()
            .expect("answer")
            .contains("[[aide-medicale]]")
    );

    let contact = json_of(&mut sandbox.minimal(&["show", "permanence-juridique", "--json"]));
    assert_eq!(contact["kind"], "contact");
    assert_eq!(contact["region"], "namur");
    assert_eq!(
        contact["phone"],
        serde_json::json!(["081 00 00 00", "+32 2 000 00 00"])
    );
    assert_eq!(contact["verified"], "2024-03-01");
    assert_eq!(contact["verified_by"], "telephone");
    assert_eq!(
        contact["reverify"], true,
        "verified on 01/03/2024: more than 12 months"
    );
    assert!(
        contact["status"]
            .as_str()
            .is_some_and(|t| t.ends_with("— à revérifier")),
        "{}",
        contact["status"]
    );
    let unverified = json_of(&mut sandbox.minimal(&["show", "medecins-benevoles", "--json"]));
    assert_eq!(unverified["verified"], Value::Null);
    assert_eq!(unverified["reverify"], false);
    assert!(
        unverified["status"]
            .as_str()
            .is_some_and(|t| t.contains("non vérifié")),
        "{}",
        unverified["status"]
    );

    let deck = json_of(&mut sandbox.minimal(&["show", "seance-decouverte", "--json"]));
    assert_eq!(deck["kind"], "deck");
    assert_eq!(
        deck["slides"],
        serde_json::json!(["droits-hebergeur", "aide-medicale"])
    );
}

#[test]
fn show_unknown_id_exits_1_with_a_suggestion() {
    let sandbox = Sandbox::new();
    sandbox
        .minimal(&["show", "droits-hebergeru"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "identifiant inconnu « droits-hebergeru » (vouliez-vous dire « droits-hebergeur » ?)",
        ));
    sandbox
        .minimal(&["show", "rien-du-tout", "--json"])
        .assert()
        .code(1)
        .stdout("");
}

// --- list, contacts, decks ------------------------------------------------------------------

#[test]
fn list_json_rows() {
    let sandbox = Sandbox::new();
    let rows = json_of(&mut sandbox.minimal(&["list", "--json"]));
    let rows = rows.as_array().expect("array");
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["droits-hebergeur", "aide-medicale"], "category order");
    for row in rows {
        for key in ["title", "category", "summary", "reviewed"] {
            assert!(row[key].is_string(), "{key} in {row}");
        }
        assert!(row["stale"].is_boolean(), "{row}");
    }
    let sante = json_of(&mut sandbox.minimal(&["list", "--category", "sante", "--json"]));
    assert_eq!(sante.as_array().expect("array").len(), 1);
    assert_eq!(sante[0]["id"], "aide-medicale");
}

#[test]
fn list_unknown_category_exits_1_with_a_suggestion() {
    Sandbox::new()
        .minimal(&["list", "--category", "sant"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "catégorie inconnue « sant » (vouliez-vous dire « sante » ?)",
        ));
}

#[test]
fn contacts_json_and_region_filter() {
    let sandbox = Sandbox::new();
    let all = json_of(&mut sandbox.minimal(&["contacts", "--json"]));
    let all = all.as_array().expect("array");
    assert_eq!(all.len(), 2);
    for c in all {
        for key in ["id", "name", "description", "region"] {
            assert!(c[key].is_string(), "{key} in {c}");
        }
        assert!(c["phone"].is_array(), "{c}");
    }
    let liege = json_of(&mut sandbox.minimal(&["contacts", "--region", "liege", "--json"]));
    assert_eq!(liege.as_array().expect("array").len(), 1);
    assert_eq!(liege[0]["id"], "medecins-benevoles");
    sandbox
        .minimal(&["contacts", "--region", "namu"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("vouliez-vous dire « namur » ?"));
    sandbox
        .minimal(&["contacts", "--region", "hainaut"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("aucun contact"));
}

#[test]
fn decks_json_rows() {
    let decks = json_of(&mut Sandbox::new().minimal(&["decks", "--json"]));
    assert_eq!(
        decks,
        serde_json::json!([{
            "id": "seance-decouverte",
            "title": "Séance découverte",
            "slides": ["droits-hebergeur", "aide-medicale"],
            "count": 2
        }])
    );
}

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

// --- usage errors, help ---------------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    for args in [
        &["search"][..],
        &["frobnicate"],
        &["list", "--bogus"],
        &["search", "x", "--limit", "beaucoup"],
        &["search", "x", "--kind", "deck"],
        &["--color", "rainbow", "list"],
        &["show"],
    ] {
        sandbox
            .minimal(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_empty().not());
    }
}

#[test]
fn help_and_version_exit_0() {
    let sandbox = Sandbox::new();
    sandbox
        .relais()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("search"));
    sandbox
        .relais()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("relais "));
}

#[test]
fn no_subcommand_with_piped_stdout_prints_help_to_stderr_and_exits_2() {
    Sandbox::new()
        .relais()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("n'est pas un terminal"))
        .stderr(predicate::str::contains("Usage"));
}

// --- where the data comes from --------------------------------------------------------------

#[test]
fn a_missing_data_path_exits_2_with_a_clear_message() {
    Sandbox::new()
        .relais()
        .args(["--data", "/nonexistent/relais-data", "list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "/nonexistent/relais-data: impossible de lire",
        ))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn a_folder_without_yaml_exits_2() {
    let empty = tempfile::tempdir().expect("temp");
    Sandbox::new()
        .relais()
        .arg("--data")
        .arg(empty.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("aucun fichier .yaml"));
}

#[test]
fn data_precedence_flag_then_env_then_user_dir_then_bundled() {
    let sandbox = Sandbox::new();
    let origin = |cmd: &mut Command| {
        let out = stdout_of(cmd.arg("check"));
        out.lines().next().unwrap_or_default().to_owned()
    };
    assert_eq!(origin(&mut sandbox.relais()), "Données : données intégrées");

    // Data installed in the user data directory beats the bundled data.
    sandbox
        .relais()
        .args(["data", "install", "--allow-unsigned", MINIMAL])
        .assert()
        .success();
    let installed = origin(&mut sandbox.relais());
    let user = format!("Données : {}", sandbox.user_data_dir().display());
    assert!(
        installed.starts_with(&user) && installed.ends_with("(données installées)"),
        "{installed}"
    );
    sandbox
        .relais()
        .args(["show", "seance-decouverte"])
        .assert()
        .success();
    // RELAIS_DATA beats the user directory (an empty value is ignored).
    assert_eq!(
        origin(sandbox.relais().env("RELAIS_DATA", SPLIT)),
        format!("Données : {SPLIT} (RELAIS_DATA)")
    );
    assert_eq!(origin(sandbox.relais().env("RELAIS_DATA", "")), installed);
    // --data beats RELAIS_DATA.
    assert_eq!(
        origin(
            sandbox
                .relais()
                .env("RELAIS_DATA", SPLIT)
                .args(["--data", MINIMAL])
        ),
        format!("Données : {MINIMAL} (--data)")
    );
    // The data actually used follows: split/ has repas-camp, minimal does not.
    sandbox
        .relais()
        .env("RELAIS_DATA", SPLIT)
        .args(["show", "repas-camp"])
        .assert()
        .success();
    sandbox
        .relais()
        .env("RELAIS_DATA", SPLIT)
        .args(["--data", MINIMAL, "show", "repas-camp"])
        .assert()
        .code(1);
}

#[test]
fn the_bundled_data_validates() {
    Sandbox::new()
        .relais()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Données : données intégrées\n"))
        .stdout(predicate::str::ends_with("OK\n"));
}

// --- pipes and colour -----------------------------------------------------------------------

#[test]
fn a_closed_stdout_is_not_an_error() {
    assert_closed_pipe_exits_0(&[
        &["list"],
        &["search", "héberger"],
        &["show", "droits-hebergeur"],
        &["contacts"],
        &["decks"],
    ]);
}

/// JSON output to a closed pipe: `serde_json` keeps the `io::Error` out of the error chain, so
/// this once exited 2 with « Broken pipe ».
#[test]
fn a_closed_stdout_is_not_an_error_for_json_either() {
    assert_closed_pipe_exits_0(&[
        &["list", "--json"],
        &["search", "héberger", "--json"],
        &["show", "droits-hebergeur", "--json"],
        &["contacts", "--json"],
        &["decks", "--json"],
    ]);
}

/// Runs each command with a stdout whose reading end is closed before relais starts, so its
/// first write fails with EPIPE (`relais list | head -1` at its most abrupt).
fn assert_closed_pipe_exits_0(commands: &[&[&str]]) {
    let sandbox = Sandbox::new();
    for &args in commands {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let output = sandbox
            .std_relais()
            .args(args) // bundled data: the longest outputs
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("run relais");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn reading_one_line_then_closing_is_not_an_error() {
    use std::io::BufRead as _;
    let sandbox = Sandbox::new();
    // `relais list | head -1`, on the bundled data.
    let mut child = sandbox
        .std_relais()
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout");
    std::io::BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    assert!(!first.trim().is_empty());
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

#[test]
fn colour_only_when_asked_for_in_a_pipe() {
    let sandbox = Sandbox::new();
    for args in [
        &["list"][..],
        &["show", "droits-hebergeur"],
        &["search", "héberger"],
        &["contacts"],
        &["decks"],
    ] {
        let run = |extra: &[&str], no_color: bool| {
            let mut cmd = sandbox.minimal(args);
            cmd.args(extra);
            if no_color {
                cmd.env("NO_COLOR", "1");
            }
            cmd.assert().success().get_output().stdout.clone()
        };
        assert!(has_escape(&run(&["--color", "always"], false)), "{args:?}");
        assert!(!has_escape(&run(&["--color", "never"], false)), "{args:?}");
        assert!(!has_escape(&run(&[], false)), "{args:?}: auto in a pipe");
        assert!(!has_escape(&run(&["--color", "auto"], true)), "{args:?}");
    }
}

/// Runs relais in a pseudo-terminal and returns everything it printed.
fn in_terminal(sandbox: &Sandbox, args: &[&str], no_color: bool) -> Vec<u8> {
    let mut cmd = sandbox.std_relais();
    cmd.arg("--data").arg(MINIMAL).args(args);
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    let found = session.expect(expectrl::Eof).expect("output until EOF");
    found.get(0).map(<[u8]>::to_vec).unwrap_or_default()
}

#[test]
fn no_color_is_honoured_in_a_terminal() {
    let sandbox = Sandbox::new();
    let coloured = in_terminal(&sandbox, &["list"], false);
    assert!(
        has_escape(&coloured),
        "auto colours a terminal: {}",
        String::from_utf8_lossy(&coloured)
    );
    let plain = in_terminal(&sandbox, &["list"], true);
    assert!(String::from_utf8_lossy(&plain).contains("droits-hebergeur"));
    assert!(!has_escape(&plain), "{}", String::from_utf8_lossy(&plain));
    let never = in_terminal(
        &sandbox,
        &["--color", "never", "show", "droits-hebergeur"],
        false,
    );
    assert!(!has_escape(&never), "{}", String::from_utf8_lossy(&never));
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
