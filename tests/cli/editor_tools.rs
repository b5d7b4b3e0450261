//! The tools for the people who keep the content: `relais schema` (the bundled data validates
//! against it with a JSON Schema library, and mistakes do not), `check --errors-only` and its
//! summary line, `relais review`, and a data folder's own `queries.yaml`.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::support::data as data_support;
use data_support::fixture_version;

fn relais(args: &[&str]) -> Command {
    let home = std::env::temp_dir().join("relais-editor-tools-home");
    let mut cmd = crate::support::sandbox::assert_relais(&home);
    cmd.args(args).env("NO_COLOR", "1");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let out = relais(args).output().expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for item in fs::read_dir(dir).expect("dir").flatten() {
        let path = item.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

fn as_json(yaml: &str) -> Value {
    serde_saphyr::from_str::<Value>(yaml).expect("YAML")
}

fn validator() -> jsonschema::Validator {
    let out = relais(&["schema"]).output().expect("runs");
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

#[test]
fn the_bundled_data_validates_against_the_schema() {
    let validator = validator();
    let mut files = Vec::new();
    yaml_files(Path::new("data"), &mut files);
    assert!(files.len() >= 3, "{files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let value = as_json(&fs::read_to_string(file).expect("read"));
        for err in validator.iter_errors(&value) {
            problems.push(format!(
                "{}: {} at {}",
                file.display(),
                err,
                err.instance_path()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_schema_refuses_what_check_refuses() {
    let validator = validator();
    let good = "contacts:\n  - id: permanence\n    name: P\n    description: D\n    region: namur\n    phone: [\"081 73 71 76\", \"112\", \"+32 2 524 98 89\"]\n    verified: 2026-11-27\n";
    assert!(validator.is_valid(&as_json(good)));
    for bad in [
        good.replace("region: namur", "region: paris"),
        good.replace("081 73 71 76", "numéro"),
        good.replace("2026-11-27", "27/11/2026"),
        good.replace("id: permanence", "id: Permanence"),
        good.replace("name: P", "nom: P"),
        "entries:\n  - id: x\n    title: T\n    category: inconnue\n    summary: S\n    answer: A\n    reviewed: 2026-01-01\n".to_owned(),
        "entries:\n  - id: x\n    title: T\n    category: sante\n    audience: [tout-le-monde]\n    summary: S\n    answer: A\n    reviewed: 2026-01-01\n".to_owned(),
        "meta:\n  titre: x\n".to_owned(),
    ] {
        assert!(!validator.is_valid(&as_json(&bad)), "accepted:\n{bad}");
    }
    let schema = stdout(&["schema"]);
    for key in [
        "trusted_keys",
        "fallback_contacts",
        "synonyms",
        "decks",
        "brabant-wallon",
        "formateurs",
        "droits-aidants",
    ] {
        assert!(schema.contains(key), "{key}");
    }
}

#[test]
fn check_counts_errors_warnings_and_remarks_and_can_show_errors_only() {
    // The tally counts what the full report shows.
    let tally_of = |err: &str, errors: usize| {
        let count = |what: &str| err.lines().filter(|l| l.contains(what)).count();
        let word =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
        format!(
            "Bilan : {}, {}, {}",
            word(errors, "erreur", "erreurs"),
            word(
                count(": avertissement : "),
                "avertissement",
                "avertissements"
            ),
            word(count(": remarque : "), "remarque", "remarques")
        )
    };
    let valid = "tests/fixtures/valid/minimal.yaml";
    let out = relais(&["check", valid]).output().expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    let all = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        all.contains(": avertissement : ") && all.contains(": remarque : "),
        "{all}"
    );
    let tally = tally_of(&all, 0);
    assert!(said.contains(&tally), "{tally} in {said}");
    let quiet = relais(&["check", "--errors-only", valid])
        .output()
        .expect("runs");
    assert!(quiet.status.success());
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    assert!(String::from_utf8_lossy(&quiet.stdout).contains(&tally));

    // One error among warnings and remarks: --errors-only shows the error alone.
    let dir = tempfile::tempdir().expect("dir");
    let invalid = dir.path().join("une-erreur.yaml");
    let text = fs::read_to_string(valid).expect("fixture");
    fs::write(&invalid, text.replace("region: namur", "region: paris")).expect("write");
    let invalid = invalid.display().to_string();
    let all = relais(&["check", &invalid]).output().expect("runs");
    let all_err = String::from_utf8_lossy(&all.stderr).into_owned();
    let tally = tally_of(&all_err, 1);
    assert!(all_err.contains(&tally), "{tally} in {all_err}");
    let out = relais(&["check", "--errors-only", &invalid])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("région inconnue « paris »"), "{err}");
    assert!(
        !err.contains("avertissement :") && !err.contains("remarque :"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    assert!(err.contains(&tally), "{err}");
}

#[test]
fn review_lists_what_is_due_oldest_first_with_file_and_line() {
    let said = stdout(&["review", "tests/fixtures/export", "--within", "520w"]);
    let now = said.find("À relire maintenant").expect(&said);
    let soon = said.find("À relire d'ici le").expect(&said);
    let stale = said
        .find("entrée vieille-entree  tests/fixtures/export/faq.yaml:55")
        .expect(&said);
    assert!(now < stale && stale < soon, "{said}");
    // Within ten years everything else dated is due, oldest first.
    let soon_part = &said[soon..];
    let dates: Vec<&str> = soon_part
        .lines()
        .filter_map(|l| l.trim_start().split("  ").next())
        .filter(|d| d.len() == 10 && d.as_bytes()[2] == b'/')
        .collect();
    assert!(dates.len() >= 2, "{said}");
    let key = |d: &str| format!("{}{}{}", &d[6..], &d[3..5], &d[..2]);
    assert!(
        dates.windows(2).all(|w| key(w[0]) <= key(w[1])),
        "{dates:?}"
    );
    assert!(
        said.contains("Contacts sans date de vérification (1)"),
        "{said}"
    );
    assert!(
        said.contains("contact cire  tests/fixtures/export/contacts.yaml:"),
        "{said}"
    );
    // Nothing is due within no time but what is stale already.
    let zero = stdout(&["review", "tests/fixtures/export", "--within", "0w"]);
    assert!(
        zero.contains("À relire d'ici le") && zero.contains("(0)\n"),
        "{zero}"
    );
    assert_eq!(
        relais(&["review", "--within", "bientôt"])
            .output()
            .expect("runs")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_data_folder_runs_its_own_queries_against_its_own_thresholds() {
    let home = tempfile::tempdir().expect("dir");
    let dir = fixture_version(home.path(), "Q");
    let queries = dir.join("queries.yaml");
    fs::write(&queries, "min_p1: 1.0\nmin_r5: 1.0\nqueries:\n  - q: \"mes droits hebergeur\"\n    expect: [droits-hebergeur]\n").expect("write");
    let path = dir.display().to_string();
    let out = relais(&["check", &path]).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 requêtes, P@1 1.000 (seuil 1)"));
    // A query the search cannot answer first: below the folder's own threshold.
    fs::write(
        &queries,
        "min_p1: 1.0\nqueries:\n  - q: \"mes droits hebergeur\"\n    expect: [cai-namur]\n",
    )
    .expect("write");
    let out = relais(&["check", &path]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("sous les seuils de leur propre jeu de requêtes")
    );
    let keys = home.path().join("keys");
    let keygen = relais(&[
        "data",
        "keygen",
        "--out",
        &keys.display().to_string(),
        "--no-password",
    ])
    .output()
    .expect("runs");
    assert!(keygen.status.success());
    let target = home.path().join("maj.relais");
    let pack = relais(&[
        "data",
        "pack",
        &path,
        "--key",
        &keys.join("relais.key").display().to_string(),
        "-o",
        &target.display().to_string(),
    ])
    .output()
    .expect("runs");
    assert_eq!(pack.status.code(), Some(2));
    assert!(!target.exists());
    // Met again: the pack carries its queries.yaml, listed in the manifest.
    fs::write(
        &queries,
        "min_p1: 1.0\nqueries:\n  - q: \"mes droits hebergeur\"\n    expect: [droits-hebergeur]\n",
    )
    .expect("write");
    let pack = relais(&[
        "data",
        "pack",
        &path,
        "--key",
        &keys.join("relais.key").display().to_string(),
        "-o",
        &target.display().to_string(),
    ])
    .output()
    .expect("runs");
    assert!(
        pack.status.success(),
        "{}",
        String::from_utf8_lossy(&pack.stderr)
    );
    let read = relais::kb::pack::read(&fs::read(&target).expect("pack")).expect("valid");
    assert!(read.manifest.files.iter().any(|(p, _)| p == "queries.yaml"));
    // Installed, the query set sits beside the data, is never read as data, and is checked
    // against the manifest like every file.
    let with_home = |args: &[&str]| {
        let mut cmd = relais(args);
        cmd.env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("share"))
            .env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.output().expect("runs")
    };
    let public = keys.join("relais.pub").display().to_string();
    assert!(with_home(&["data", "trust", &public]).status.success());
    let install = with_home(&["data", "install", "--yes", &target.display().to_string()]);
    assert!(
        install.status.success(),
        "{}",
        String::from_utf8_lossy(&install.stderr)
    );
    assert!(with_home(&["list"]).status.success());
    let status: Value =
        serde_json::from_slice(&with_home(&["data", "status", "--json"]).stdout).expect("json");
    let installed = PathBuf::from(status["installed"].as_str().expect("installed"));
    fs::write(installed.join("queries.yaml"), "queries: []\n").expect("edit");
    let out = with_home(&["list"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("fichier modifié : queries.yaml"));
}
