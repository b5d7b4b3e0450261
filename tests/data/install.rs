//! `relais data install | status | restore | reset` in a home directory of their own: a valid
//! install becomes the active data, an invalid one changes nothing and reports every problem,
//! an install interrupted between writing and switching leaves the previous data active, and
//! restore and reset switch back and forth.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use relais::kb::store::{INSTALLS, STATE, Step, Store};
use relais::kb::validate::load;
use relais::kb::{Origin, today};
use serde_json::Value;
use tempfile::TempDir;

use crate::support::data as data_support;
use data_support::{FIXTURE, fixture_version};

struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("home"),
        }
    }

    fn relais(&self) -> Command {
        crate::support::sandbox::assert_relais(self.dir.path())
    }

    fn user_dir(&self) -> PathBuf {
        self.dir.path().join("share").join("relais")
    }

    fn status(&self) -> Value {
        let out = self
            .relais()
            .args(["data", "status", "--json"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }

    /// The version of the active data, as `data status` reports it.
    fn active_version(&self) -> String {
        self.status()["meta"]["version"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Every file under the user data directory with its content: a fingerprint of the state.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        walk(&self.user_dir(), &mut files);
        files.sort();
        files
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(items) = fs::read_dir(dir) else {
        return;
    };
    for item in items.flatten() {
        let path = item.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            let bytes = fs::read(&path).expect("readable");
            out.push((path, bytes));
        }
    }
}

#[test]
fn valid_install_becomes_the_active_data() {
    let home = Home::new();
    assert_eq!(home.status()["origin"], "données intégrées");
    home.relais()
        .args(["data", "install", "--allow-unsigned", FIXTURE])
        .assert()
        .success()
        .stdout(predicate::str::contains("Installé :").and(predicate::str::contains("2026.01.15")));
    let status = home.status();
    assert_eq!(status["meta"]["version"], "2026.01.15");
    assert_eq!(status["entries"], 4);
    let installed = PathBuf::from(status["installed"].as_str().expect("installed"));
    assert!(installed.starts_with(home.user_dir().join(INSTALLS)));
    // Sub-folders and names are kept; the state names the version.
    assert!(installed.join("faq.yaml").is_file());
    let state = fs::read_to_string(home.user_dir().join(STATE)).expect("state");
    assert!(state.starts_with("current: "), "{state}");
    // Every command now reads it.
    home.relais()
        .args(["show", "medecin-gratuit"])
        .assert()
        .success();
    // The stale entry of the fixture is listed by status.
    let stale: Vec<&str> = status["stale"]
        .as_array()
        .expect("stale")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(stale.contains(&"vieille-entree"), "{stale:?}");
}

#[test]
fn single_file_with_another_extension_is_installed_as_yaml() {
    let home = Home::new();
    let file = home.dir.path().join("maj.txt");
    fs::copy("tests/fixtures/valid/minimal.yaml", &file).expect("copy");
    home.relais()
        .args(["data", "install", "--allow-unsigned"])
        .arg(&file)
        .assert()
        .success();
    let installed = PathBuf::from(home.status()["installed"].as_str().expect("installed"));
    assert!(installed.join("maj.txt.yaml").is_file());
}

#[test]
fn invalid_data_changes_nothing_and_every_problem_is_printed() {
    let home = Home::new();
    home.relais()
        .args(["data", "install", "--allow-unsigned", FIXTURE])
        .assert()
        .success();
    let before = home.snapshot();
    let bad = home.dir.path().join("bad.yaml");
    fs::write(
        &bad,
        "entries:\n  - id: Mauvais_Id\n    title: T\n    category: nulle-part\n    summary: S\n    \
         answer: A\n    sources: [{title: S}]\n    reviewed: 2026-13-01\n",
    )
    .expect("write");
    home.relais()
        .args(["data", "install", "--allow-unsigned"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.yaml:2:")
                .and(predicate::str::contains("identifiant invalide"))
                .and(predicate::str::contains("catégorie inconnue"))
                .and(predicate::str::contains("date invalide"))
                .and(predicate::str::contains("rien n'a été installé")),
        );
    assert_eq!(home.snapshot(), before, "the user data directory changed");
    assert_eq!(home.active_version(), "2026.01.15");
    // A path that does not exist is refused the same way.
    home.relais()
        .args([
            "data",
            "install",
            "--allow-unsigned",
            "tests/fixtures/nowhere",
        ])
        .assert()
        .code(2);
    assert_eq!(home.snapshot(), before);
}

#[test]
fn interrupted_install_leaves_the_previous_data_active() {
    let home = Home::new();
    let store = Store::new(home.user_dir());
    let first = fixture_version(home.dir.path(), "1.0");
    let files = Origin::Flag(first.clone()).read().expect("read");
    store.install(&first, &files).expect("first install");
    let before = home.snapshot();

    let second = fixture_version(home.dir.path(), "2.0");
    let files = Origin::Flag(second.clone()).read().expect("read");
    let mut steps = Vec::new();
    let result = store.install_with(&second, &files, &mut |step| {
        steps.push(step);
        Err(io::Error::other("disque plein (simulé)"))
    });
    assert!(result.is_err());
    assert_eq!(steps, [Step::Written], "the failure came after the write");
    assert_eq!(home.snapshot(), before, "a half install was left behind");
    let origin = Origin::locate(None, None, Some(&home.user_dir()));
    let loaded = load(&origin, today()).expect("previous data loads");
    assert_eq!(loaded.kb.meta.version.as_deref(), Some("1.0"));
    assert_eq!(home.active_version(), "1.0");

    // A crash leaves folders the state does not name; the next install removes them.
    let leftover = home.user_dir().join(INSTALLS).join(".tmp-crash");
    fs::create_dir_all(&leftover).expect("leftover");
    fs::write(leftover.join("x.yaml"), "entries: []\n").expect("write");
    store.install(&second, &files).expect("second install");
    assert!(!leftover.exists());
    assert_eq!(home.active_version(), "2.0");
}

#[test]
fn restore_swaps_with_the_backup_and_reset_returns_to_bundled() {
    let home = Home::new();
    home.relais()
        .args(["data", "restore"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("aucune sauvegarde"));
    home.relais().args(["data", "reset"]).assert().code(1);
    let one = fixture_version(home.dir.path(), "1.0");
    let two = fixture_version(home.dir.path(), "2.0");
    for dir in [&one, &two] {
        home.relais()
            .args(["data", "install", "--allow-unsigned"])
            .arg(dir)
            .assert()
            .success();
    }
    assert_eq!(home.active_version(), "2.0");
    home.relais()
        .args(["data", "restore"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Actives :").and(predicate::str::contains("1.0")));
    assert_eq!(home.active_version(), "1.0");
    home.relais().args(["data", "restore"]).assert().success();
    assert_eq!(home.active_version(), "2.0");
    // Only the current version and its backup are kept.
    let versions = fs::read_dir(home.user_dir().join(INSTALLS))
        .expect("installs")
        .count();
    assert_eq!(versions, 2);

    let bundled = load(&Origin::Bundled, today()).expect("bundled").kb;
    home.relais()
        .args(["data", "reset"])
        .assert()
        .success()
        .stdout(predicate::str::contains("données intégrées"));
    let status = home.status();
    assert_eq!(status["origin"], "données intégrées");
    assert_eq!(status["entries"], bundled.entries.len());
    assert!(status["installed"].is_null());
    // The installed data became the backup: restore brings it back.
    home.relais().args(["data", "restore"]).assert().success();
    assert_eq!(home.active_version(), "2.0");
}

#[test]
fn status_says_when_the_installed_data_is_overridden() {
    let home = Home::new();
    home.relais()
        .args(["data", "install", "--allow-unsigned", FIXTURE])
        .assert()
        .success();
    let out = home
        .relais()
        .env("RELAIS_DATA", "tests/fixtures/valid/minimal.yaml")
        .args(["data", "status"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(RELAIS_DATA)"), "{text}");
    assert!(text.contains("Installées : "), "{text}");
    home.relais()
        .env("RELAIS_DATA", "tests/fixtures/valid/minimal.yaml")
        .args(["data", "install", "--force", "--allow-unsigned", FIXTURE])
        .assert()
        .success()
        .stderr(predicate::str::contains("ont priorité"));
}
