//! `relais data install | restore | reset` killed between any two of their steps: the process
//! is stopped at its Nth step (`RELAIS_TEST_PAUSE_AT`, see `relais::kb::store::checkpoint`),
//! killed there with SIGKILL, and the user data directory is then read by a new process. For
//! every N until the command runs to its end:
//! - the active knowledge base loads and validates, and is the whole of either the data before
//!   the command or the data after it, never a mix;
//! - the switch from one to the other happens at exactly one step;
//! - the next change succeeds and leaves nothing behind but the versions the state names.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use relais::kb::Origin;
use relais::kb::lock::LOCK;
use relais::kb::store::{INSTALLS, PAUSE_VARIABLE, STATE, Store};
use serde_json::Value;
use tempfile::TempDir;

use crate::support::data as data_support;
use data_support::{FIXTURE, fixture_version};

/// A home of its own, with the versions "A", "B" and "C" of the fixture ready to install.
struct Home {
    dir: TempDir,
    a: PathBuf,
    b: PathBuf,
    c: PathBuf,
}

impl Home {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("home");
        let a = fixture_version(dir.path(), "A");
        let b = fixture_version(dir.path(), "B");
        let c = fixture_version(dir.path(), "C");
        Self { dir, a, b, c }
    }

    fn user_dir(&self) -> PathBuf {
        self.dir.path().join("share").join("relais")
    }

    fn store(&self) -> Store {
        Store::new(self.user_dir())
    }

    fn install(&self, path: &Path) {
        let files = Origin::Flag(path.to_path_buf()).read().expect("read");
        self.store().install(path, &files).expect("install");
    }

    fn relais(&self, args: &[&str]) -> Command {
        let mut cmd = crate::support::sandbox::relais(self.dir.path());
        cmd.args(args).env("NO_COLOR", "1");
        cmd
    }

    /// The active data as a new process sees it: its version ("bundled" for the bundled data)
    /// and its counts. Panics when it does not load: that is the failure this file looks for.
    fn active(&self) -> (String, u64, u64) {
        let out = self
            .relais(&["data", "status", "--json"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "the active data does not load: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let status: Value = serde_json::from_slice(&out.stdout).expect("json");
        let version = if status["origin"].as_str() == Some("données intégrées") {
            "bundled".to_owned()
        } else {
            status["meta"]["version"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        };
        let count = |key: &str| status[key].as_u64().unwrap_or_default();
        (version, count("entries"), count("contacts"))
    }

    /// Everything under the user data directory that the state does not name.
    fn leftovers(&self) -> Vec<String> {
        let state = self.store().state();
        let named = [state.current, state.backup];
        let mut found = Vec::new();
        for item in fs::read_dir(self.user_dir().join(INSTALLS))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = item.file_name().to_string_lossy().into_owned();
            if !named.iter().flatten().any(|n| *n == name) {
                found.push(format!("{INSTALLS}/{name}"));
            }
        }
        for item in fs::read_dir(self.user_dir())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = item.file_name().to_string_lossy().into_owned();
            if name != INSTALLS && name != STATE && name != LOCK {
                found.push(name);
            }
        }
        found
    }
}

/// Runs `args` until its `step`th step and kills it there. Returns the name of the step it was
/// killed after, or `None` when the command ran to its end before reaching it.
fn kill_at(home: &Home, args: &[&str], step: usize) -> Option<String> {
    let mut child = home
        .relais(args)
        .env(PAUSE_VARIABLE, step.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("relais-test-pause ") {
                let _ = tx.send(rest.to_owned());
                return;
            }
        }
        // Standard error closed: the command ended without pausing; `tx` is dropped.
    });
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(paused) => {
            child.kill().expect("kill");
            child.wait().expect("wait");
            Some(paused)
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let status = child.wait().expect("wait");
            assert!(status.success(), "{args:?} failed without being killed");
            None
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            let _ = child.kill();
            panic!("{args:?} neither paused at step {step} nor ended");
        }
    }
}

/// Prepares a home with `setup`, then kills `args` at each of its steps in turn. Returns the
/// steps seen, each with the active version found after the kill.
fn crash_everywhere(
    setup: impl Fn(&Home),
    args: impl Fn(&Home) -> Vec<String>,
    before: &str,
    after: &str,
) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    for step in 1.. {
        let home = Home::new();
        setup(&home);
        assert_eq!(home.active().0, before, "set-up");
        let args = args(&home);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let Some(paused) = kill_at(&home, &args, step) else {
            // Ran to its end: the change is made.
            assert_eq!(home.active().0, after, "{args:?} at its end");
            break;
        };
        let active = home.active();
        assert!(
            active.0 == before || active.0 == after,
            "{args:?} killed after step {paused}: active data {active:?}, expected {before} or {after}"
        );
        // The bundled data is inside the binary; an installed version must be all there.
        if active.0 != "bundled" {
            assert_eq!(
                (active.1, active.2),
                fixture_counts(),
                "killed after {paused}: the active data is incomplete"
            );
        }
        // Whatever was left, the next change works and leaves nothing behind.
        let next = home
            .relais(&["data", "install", "--allow-unsigned"])
            .arg(&home.c)
            .output();
        let next = next.expect("runs");
        assert!(
            next.status.success(),
            "after a kill at {paused}, install fails: {}",
            String::from_utf8_lossy(&next.stderr)
        );
        assert_eq!(home.active().0, "C", "after a kill at {paused}");
        assert!(
            home.leftovers().is_empty(),
            "after a kill at {paused} and an install: {:?}",
            home.leftovers()
        );
        seen.push((paused, active.0));
    }
    // The switch happens once: every kill before it shows the old data, every kill after it the
    // new data.
    let switch = seen
        .iter()
        .position(|(_, v)| v == after)
        .unwrap_or(seen.len());
    assert!(
        seen[..switch].iter().all(|(_, v)| v == before)
            && seen[switch..].iter().all(|(_, v)| v == after),
        "the active data went back and forth: {seen:?}"
    );
    seen
}

/// The entries and contacts of the fixture, read in this process.
fn fixture_counts() -> (u64, u64) {
    let origin = Origin::Flag(PathBuf::from(FIXTURE));
    let kb = relais::kb::validate::load(&origin, relais::kb::today())
        .expect("fixture loads")
        .kb;
    (kb.entries.len() as u64, kb.contacts.len() as u64)
}

fn names(seen: &[(String, String)]) -> Vec<String> {
    seen.iter()
        .map(|(step, _)| {
            step.split_whitespace()
                .nth(1)
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

fn path_arg(path: &Path) -> String {
    path.to_str().expect("UTF-8 temporary path").to_owned()
}

#[test]
fn a_first_install_killed_at_any_step_leaves_bundled_or_the_new_data() {
    let seen = crash_everywhere(
        |_| {},
        |h| {
            vec![
                "data".into(),
                "install".into(),
                "--allow-unsigned".into(),
                path_arg(&h.a),
            ]
        },
        "bundled",
        "A",
    );
    let names = names(&seen);
    // Started, three files, synced, renamed, state written, switched: nothing to prune.
    assert_eq!(
        names,
        [
            "Started",
            "FileWritten",
            "FileWritten",
            "FileWritten",
            "VersionSynced",
            "Written",
            "StateWritten",
            "Switched"
        ]
    );
    assert_eq!(seen[6].1, "bundled", "still the old data before the switch");
    assert_eq!(seen[7].1, "A", "the new data once switched");
}

#[test]
fn an_install_over_a_backup_killed_at_any_step_leaves_one_whole_version() {
    let seen = crash_everywhere(
        |h| {
            h.install(&h.c);
            h.install(&h.a);
        },
        |h| {
            vec![
                "data".into(),
                "install".into(),
                "--allow-unsigned".into(),
                path_arg(&h.b),
            ]
        },
        "A",
        "B",
    );
    let names = names(&seen);
    assert_eq!(
        names.last().map(String::as_str),
        Some("Pruned"),
        "{names:?}"
    );
    assert!(names.contains(&"Switched".to_owned()), "{names:?}");
}

#[test]
fn a_restore_killed_at_any_step_leaves_one_whole_version() {
    let seen = crash_everywhere(
        |h| {
            h.install(&h.b);
            h.install(&h.a);
        },
        |_| vec!["data".into(), "restore".into()],
        "A",
        "B",
    );
    assert_eq!(names(&seen), ["Started", "StateWritten", "Switched"]);
}

#[test]
fn a_reset_killed_at_any_step_leaves_the_installed_or_the_bundled_data() {
    let seen = crash_everywhere(
        |h| h.install(&h.a),
        |_| vec!["data".into(), "reset".into()],
        "A",
        "bundled",
    );
    assert_eq!(names(&seen), ["Started", "StateWritten", "Switched"]);
}

/// A state written by a killed change, and the hidden folder of a killed install, never count:
/// the state in force still names the data, and the next change clears them.
#[test]
fn leftovers_of_a_killed_change_are_ignored_then_removed() {
    let home = Home::new();
    home.install(&home.a);
    let root = home.user_dir();
    fs::write(
        root.join(format!(".{STATE}.tmp-99999")),
        "current: nowhere\n",
    )
    .expect("write");
    let hidden = root.join(INSTALLS).join(".tmp-20260101-000000");
    fs::create_dir_all(&hidden).expect("dir");
    fs::write(hidden.join("meta.yaml"), "meta:\n  title: \"moitié\n").expect("write");
    assert_eq!(home.active().0, "A");
    assert_eq!(home.leftovers().len(), 2, "{:?}", home.leftovers());
    let out = home
        .relais(&["data", "install", "--allow-unsigned"])
        .arg(&home.b)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(home.active().0, "B");
    assert!(home.leftovers().is_empty(), "{:?}", home.leftovers());
}
