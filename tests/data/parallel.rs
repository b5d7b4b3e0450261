//! Two `relais data` changes at once, as real processes: rounds of two installs started
//! together (and an install beside a restore). After every round, the state names only whole
//! versions that load, the backup among them, and nothing else is left in the folder.
//! `RELAIS_PARALLEL_ROUNDS` sets the number of rounds (default 12; HARDENING.md gives the
//! long-run figure).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use relais::kb::Origin;
use relais::kb::store::{INSTALLS, PAUSE_VARIABLE, Store};
use tempfile::TempDir;

use crate::support::data as data_support;
use data_support::fixture_version;

struct Home {
    dir: TempDir,
}

impl Home {
    fn user_dir(&self) -> PathBuf {
        self.dir.path().join("share").join("relais")
    }

    fn relais(&self, args: &[&str]) -> Command {
        let mut cmd = crate::support::sandbox::relais(self.dir.path());
        cmd.args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        cmd
    }

    fn spawn(&self, args: &[&str]) -> Child {
        self.relais(args).spawn().expect("spawn")
    }

    /// What is wrong with the folder now, if anything.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let store = Store::new(self.user_dir());
        let state = store.state();
        for (what, name) in [("current", &state.current), ("backup", &state.backup)] {
            let Some(name) = name else {
                problems.push(format!("no {what}"));
                continue;
            };
            let dir = store.version_dir(name);
            let loads = relais::kb::validate::load(&Origin::UserDir(dir), relais::kb::today());
            if let Err(err) = loads {
                problems.push(format!("{what} {name} does not load: {err}"));
            }
        }
        let named = [state.current, state.backup];
        for item in fs::read_dir(self.user_dir().join(INSTALLS))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = item.file_name().to_string_lossy().into_owned();
            if !named.iter().flatten().any(|n| *n == name) {
                problems.push(format!("left over: {name}"));
            }
        }
        let out = self.relais(&["data", "status"]).output().expect("runs");
        if !out.status.success() {
            problems.push(format!(
                "data status fails: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        problems
    }
}

fn finish(child: Child, what: &str, problems: &mut Vec<String>) {
    let out = child.wait_with_output().expect("wait");
    if !out.status.success() {
        problems.push(format!(
            "{what} exited {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temporary path")
}

fn rounds() -> usize {
    std::env::var("RELAIS_PARALLEL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

#[test]
fn two_installs_at_once_leave_whole_versions() {
    let home = Home {
        dir: tempfile::tempdir().expect("home"),
    };
    let a = fixture_version(home.dir.path(), "A");
    let b = fixture_version(home.dir.path(), "B");
    let c = fixture_version(home.dir.path(), "C");
    let first = home
        .relais(&["data", "install", "--allow-unsigned", arg(&c)])
        .output();
    assert!(first.expect("runs").status.success());
    let total = rounds();
    let mut failed = Vec::new();
    for round in 0..total {
        let mut problems = Vec::new();
        // --force: whichever ended last is installed again (the version guard would refuse it).
        let one = home.spawn(&["data", "install", "--allow-unsigned", "--force", arg(&a)]);
        let two = home.spawn(&["data", "install", "--allow-unsigned", "--force", arg(&b)]);
        finish(one, "install A", &mut problems);
        finish(two, "install B", &mut problems);
        problems.extend(home.problems());
        if !problems.is_empty() {
            failed.push((round, problems));
        }
    }
    eprintln!(
        "{} of {total} rounds of two installs at once broke something",
        failed.len()
    );
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn an_install_beside_a_restore_leaves_whole_versions() {
    let home = Home {
        dir: tempfile::tempdir().expect("home"),
    };
    let a = fixture_version(home.dir.path(), "A");
    let b = fixture_version(home.dir.path(), "B");
    for path in [&a, &b] {
        let out = home
            .relais(&["data", "install", "--allow-unsigned", arg(path)])
            .output();
        assert!(out.expect("runs").status.success());
    }
    let total = rounds().div_ceil(2);
    let mut failed = Vec::new();
    for round in 0..total {
        let mut problems = Vec::new();
        let path = if round % 2 == 0 { &a } else { &b };
        let one = home.spawn(&["data", "install", "--allow-unsigned", "--force", arg(path)]);
        let two = home.spawn(&["data", "restore"]);
        finish(one, "install", &mut problems);
        finish(two, "restore", &mut problems);
        problems.extend(home.problems());
        if !problems.is_empty() {
            failed.push((round, problems));
        }
    }
    eprintln!(
        "{} of {total} rounds of an install beside a restore broke something",
        failed.len()
    );
    assert!(failed.is_empty(), "{failed:#?}");
}

/// A home with versions A then B installed (B current, A backup).
fn home_with_backup() -> (Home, PathBuf, PathBuf) {
    let home = Home {
        dir: tempfile::tempdir().expect("home"),
    };
    let a = fixture_version(home.dir.path(), "A");
    let b = fixture_version(home.dir.path(), "B");
    for path in [&a, &b] {
        let out = home
            .relais(&["data", "install", "--allow-unsigned", arg(path)])
            .output();
        assert!(out.expect("runs").status.success());
    }
    (home, a, b)
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_second_change_waits_then_says_another_update_is_running() {
    let (home, a, _) = home_with_backup();
    let before = Store::new(home.user_dir()).state();
    // The first change stops at its first step, lock held, until it is killed.
    let mut first = home
        .relais(&["data", "install", "--allow-unsigned", arg(&a)])
        .env(PAUSE_VARIABLE, "1")
        .spawn()
        .expect("spawn");
    let mut err = std::io::BufReader::new(first.stderr.take().expect("stderr"));
    let mut line = String::new();
    while !line.starts_with("relais-test-pause") {
        line.clear();
        let read = std::io::BufRead::read_line(&mut err, &mut line).expect("stderr");
        assert!(read > 0, "the first change ended without pausing");
    }
    assert!(line.starts_with("relais-test-pause 1 Started"), "{line}");
    let started = std::time::Instant::now();
    for args in [
        vec!["data", "install", "--allow-unsigned", arg(&a)],
        vec!["data", "restore"],
        vec!["data", "reset"],
    ] {
        let out = home.relais(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert!(
            stderr_of(&out).contains("une autre mise à jour est en cours"),
            "{args:?}: {}",
            stderr_of(&out)
        );
    }
    assert!(
        started.elapsed() >= 3 * relais::kb::lock::WAIT,
        "each one waited first"
    );
    assert_eq!(
        Store::new(home.user_dir()).state(),
        before,
        "nothing changed"
    );
    first.kill().expect("kill");
    first.wait().expect("wait");
    // The lock goes with the process: the next change runs at once.
    let out = home
        .relais(&["data", "install", "--allow-unsigned", arg(&a)])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
}

#[test]
fn clean_up_keeps_the_leftovers_of_a_running_process() {
    let (home, a, b) = home_with_backup();
    let mut sleeper = Command::new("sleep").arg("60").spawn().expect("sleep");
    let live = sleeper.id();
    let installs = home.user_dir().join(INSTALLS);
    let staging = installs.join(format!(".tmp-20260101-000000-p{live}"));
    fs::create_dir_all(&staging).expect("staging");
    let state_tmp = home.user_dir().join(format!(".state.tmp-p{live}"));
    fs::write(&state_tmp, "current: x\n").expect("state tmp");
    let out = home
        .relais(&["data", "install", "--allow-unsigned", arg(&a)])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        staging.exists(),
        "another process's staging folder was removed"
    );
    assert!(state_tmp.exists(), "another process's state was removed");
    sleeper.kill().expect("kill");
    sleeper.wait().expect("wait");
    let out = home
        .relais(&["data", "install", "--allow-unsigned", arg(&b)])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(!staging.exists(), "a dead process's staging folder stays");
    assert!(!state_tmp.exists(), "a dead process's state stays");
}

#[test]
fn restore_refuses_a_broken_backup_and_changes_nothing() {
    let (home, _, _) = home_with_backup();
    let store = Store::new(home.user_dir());
    let before = store.state();
    let backup = store.backup().expect("backup");
    fs::write(backup.join("faq.yaml"), "entries:\n  - id: [moitié\n").expect("damage");
    let out = home.relais(&["data", "restore"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(
        err.contains("la sauvegarde") && err.contains("ne se charge pas"),
        "{err}"
    );
    assert_eq!(store.state(), before, "restore switched to a broken backup");
    fs::remove_dir_all(&backup).expect("remove");
    let out = home.relais(&["data", "restore"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert_eq!(
        store.state(),
        before,
        "restore switched to a missing backup"
    );
}

/// The active version broken (a file half-written by hand) or gone: every command still runs,
/// on the bundled data, after a few lines naming the commands that repair it.
#[test]
fn broken_installed_data_falls_back_to_the_bundled_data() {
    for damage in ["broken", "missing"] {
        let (home, _, _) = home_with_backup();
        let current = Store::new(home.user_dir()).current().expect("current");
        if damage == "broken" {
            let text = "  - id: x\n    titre: [\n".repeat(300);
            fs::write(current.join("faq.yaml"), format!("entries:\n{text}")).expect("damage");
        } else {
            fs::remove_dir_all(&current).expect("remove");
        }
        let out = home.relais(&["list"]).output().expect("runs");
        let err = stderr_of(&out);
        assert!(out.status.success(), "{damage}: {err}");
        assert!(err.contains("ne se chargent pas"), "{damage}: {err}");
        for fix in [
            "relais data restore",
            "relais data reset",
            "relais data install",
        ] {
            assert!(err.contains(fix), "{damage}: {fix} not named: {err}");
        }
        assert!(
            err.lines().count() <= 4,
            "{damage}: {} lines: {err}",
            err.lines().count()
        );
        let status = home
            .relais(&["data", "status"])
            .stdout(Stdio::piped())
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&status.stdout);
        assert!(status.status.success(), "{damage}: {}", stderr_of(&status));
        assert!(text.contains("données intégrées"), "{damage}: {text}");
        assert!(text.contains("ne se chargent pas"), "{damage}: {text}");
        // The backup repairs it.
        let out = home.relais(&["data", "restore"]).output().expect("runs");
        assert!(out.status.success(), "{damage}: {}", stderr_of(&out));
        let out = home.relais(&["list"]).output().expect("runs");
        assert!(
            !stderr_of(&out).contains("ne se chargent pas"),
            "{damage}: {}",
            stderr_of(&out)
        );
    }
}

/// A data folder that cannot be created: the message is French and says the reason once.
#[test]
fn a_store_error_is_french_and_said_once() {
    let home = Home {
        dir: tempfile::tempdir().expect("home"),
    };
    let a = fixture_version(home.dir.path(), "A");
    // XDG_DATA_HOME is a file: nothing can be created under it.
    fs::write(home.dir.path().join("share"), "pas un dossier").expect("write");
    let out = home
        .relais(&["data", "install", "--allow-unsigned", arg(&a)])
        .output()
        .expect("runs");
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("un élément du chemin n'est pas un dossier"),
        "{err}"
    );
    assert_eq!(err.matches("n'est pas un dossier").count(), 1, "{err}");
    assert!(
        !err.contains("os error") && !err.contains("Not a directory"),
        "{err}"
    );
}
