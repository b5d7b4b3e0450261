//! Version guards: installing an older pack or the same one again needs `--force` (there is no
//! terminal to ask here); data built into relais that is newer than the installed data is said
//! by `data status` and the status bar, naming `relais data reset`.

use std::path::{Path, PathBuf};
use std::process::Output;

use relais::kb::store::Store;

const FIXTURE: &str = "tests/fixtures/export";

/// A copy of the fixture stamped `version` of `date`.
fn pack(dir: &Path, version: &str, date: &str) -> PathBuf {
    let target = dir.join(format!("pack-{version}"));
    std::fs::create_dir_all(&target).expect("dir");
    for name in ["meta.yaml", "faq.yaml", "contacts.yaml"] {
        let text = std::fs::read_to_string(Path::new(FIXTURE).join(name)).expect("fixture");
        let text = text
            .replace(
                "version: \"2026.01.15\"",
                &format!("version: \"{version}\""),
            )
            .replace("date: 2026-01-15", &format!("date: {date}"));
        std::fs::write(target.join(name), text).expect("write");
    }
    target
}

fn relais(home: &Path, args: &[&str]) -> Output {
    crate::support::sandbox::relais(home)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn an_older_or_the_same_pack_needs_force() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let old = pack(h, "2026.1.10", "2026-01-10");
    let new = pack(h, "2026.2.1", "2026-02-01");
    let p = |path: &PathBuf| path.to_str().expect("UTF-8").to_owned();
    assert!(
        relais(h, &["data", "install", "--allow-unsigned", &p(&new)])
            .status
            .success()
    );
    let store = Store::new(h.join("share/relais"));
    let before = store.state();
    for (path, said) in [(&new, "la même que"), (&old, "plus ancienne que")] {
        let out = relais(h, &["data", "install", "--allow-unsigned", &p(path)]);
        let all = text(&out);
        assert_eq!(out.status.code(), Some(2), "{all}");
        assert!(all.contains(said) && all.contains("--force"), "{all}");
        assert!(all.contains("version 2026.2.1"), "{all}");
        assert_eq!(store.state(), before, "installed without --force");
    }
    let out = relais(
        h,
        &["data", "install", "--allow-unsigned", "--force", &p(&old)],
    );
    assert!(out.status.success(), "{}", text(&out));
    // Newer again: no question.
    let out = relais(h, &["data", "install", "--allow-unsigned", &p(&new)]);
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn newer_bundled_data_is_said_by_data_status() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let old = pack(h, "2020.1.1", "2020-01-01");
    assert!(
        relais(
            h,
            &[
                "data",
                "install",
                "--allow-unsigned",
                old.to_str().expect("UTF-8")
            ]
        )
        .status
        .success()
    );
    let out = relais(h, &["data", "status"]);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(
        all.contains("plus récentes que les données installées"),
        "{all}"
    );
    assert!(all.contains("relais data reset"), "{all}");
    let json: serde_json::Value =
        serde_json::from_slice(&relais(h, &["data", "status", "--json"]).stdout).expect("json");
    assert!(
        json["bundled_newer"]
            .as_str()
            .is_some_and(|s| s.contains("relais data reset"))
    );
    // A pack newer than the bundled data: nothing said.
    let newer = pack(h, "2999.1.1", "2999-01-01");
    assert!(
        relais(
            h,
            &[
                "data",
                "install",
                "--allow-unsigned",
                newer.to_str().expect("UTF-8")
            ]
        )
        .status
        .success()
    );
    let all = text(&relais(h, &["data", "status"]));
    assert!(!all.contains("plus récentes"), "{all}");
}
