//! The data side of presentations from the command line: `slide:` and `notes:` carried by
//! `relais show --json`, checked by `relais check` (points 2 to 6, each at most 80 columns; a
//! deck's duration), and the warning, refused by `--strict`, for a deck entry without points.

use assert_cmd::Command;
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/present/kb.yaml"
);

fn relais() -> Command {
    let mut cmd = Command::cargo_bin("relais").expect("binary");
    cmd.env_remove("RELAIS_DATA").env("NO_COLOR", "1");
    cmd
}

#[test]
fn show_json_carries_the_slide_points_and_the_notes() {
    let out = relais()
        .args(["--data", FIXTURE, "show", "longue-question", "--json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let points = v["slide"].as_array().expect("slide is a list");
    assert_eq!(points.len(), 6);
    assert_eq!(points[2], "Troisième point, plus court que les autres.");
    assert!(
        v["notes"]
            .as_str()
            .expect("notes")
            .starts_with("Note de l'orateur")
    );
    let out = relais()
        .args(["--data", FIXTURE, "show", "question-courte", "--json"])
        .output()
        .expect("run");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["slide"], Value::Array(Vec::new()));
    assert_eq!(v["notes"], Value::Null);
    let out = relais()
        .args(["--data", FIXTURE, "show", "seance-essai", "--json"])
        .output()
        .expect("run");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["duration"], 45);
    assert_eq!(v["title_slide"], true);
    assert_eq!(v["agenda"], true);
    assert_eq!(v["closing"], true);
}

#[test]
fn a_deck_entry_without_points_is_a_warning_that_strict_refuses() {
    let out = relais().args(["check", FIXTURE]).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("avertissement : l'entrée « question-courte » du parcours « seance-essai » n'a pas de points « slide »"),
        "{err}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 entrée(s) de parcours sans points « slide »"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Bilan : 0 erreur, 1 avertissement,"),
        "{stdout}"
    );
    let out = relais()
        .args(["check", FIXTURE, "--strict"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains("Échec : avertissements refusés par --strict."),
        "{stdout}"
    );
}

#[test]
fn slide_points_and_durations_are_checked_with_their_positions() {
    let dir = tempfile::tempdir().expect("temp");
    let bad = std::fs::read_to_string(FIXTURE)
        .expect("fixture")
        .replace(
            "      - \"Un premier point.\"\n      - \"Un second point.\"\n",
            "      - \"Un seul point.\"\n",
        )
        .replace(
            "Sixième et dernier point permis sur une diapositive.",
            "Sixième point, devenu bien trop long pour tenir sur une seule ligne de quatre-vingts colonnes.",
        )
        .replace("duration: 45", "duration: 0");
    let path = dir.path().join("kb.yaml");
    std::fs::write(&path, bad).expect("write");
    let out = relais()
        .args(["check", path.to_str().expect("utf-8")])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("« slide » de l'entrée « coeur-du-sujet » : 2 à 6 points, pas 1"),
        "{err}"
    );
    assert!(
        err.contains(":36:9: point de « slide » trop long : 94 colonnes, 80 au plus"),
        "{err}"
    );
    assert!(
        err.contains("« duration » est une durée en minutes, de 1 à 600 (ici 0)"),
        "{err}"
    );
}
