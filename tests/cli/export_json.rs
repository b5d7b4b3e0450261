//! `relais export --format json`: the validated knowledge base, which reads back into a
//! structure equal to the one the loader built, for the export fixture and the bundled data.

use relais::kb::validate::load;
use relais::kb::{KnowledgeBase, Origin};

fn exported(data: Option<&str>) -> KnowledgeBase {
    let home = tempfile::tempdir().expect("home");
    let mut cmd = crate::support::sandbox::assert_relais(home.path());
    if let Some(path) = data {
        cmd.args(["--data", path]);
    }
    let out = cmd
        .args(["export", "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON of a KnowledgeBase")
}

#[test]
fn fixture_round_trips() {
    let origin = Origin::Flag("tests/fixtures/export".into());
    let loaded = load(&origin, relais::kb::today()).expect("fixture");
    let back = exported(Some("tests/fixtures/export"));
    assert_eq!(back, loaded.kb);
    // Not trivially equal: the fixture has every kind of item and optional field.
    assert_eq!(back.entries.len(), 4);
    assert!(back.contacts.iter().any(|c| c.verified.is_none()));
    assert!(back.meta.date.is_some());
}

#[test]
fn bundled_data_round_trips() {
    let loaded = load(&Origin::Bundled, relais::kb::today()).expect("bundled");
    assert_eq!(exported(None), loaded.kb);
}

#[test]
fn json_is_stable_through_a_second_trip() {
    let kb = exported(Some("tests/fixtures/export"));
    let text = serde_json::to_string(&kb).expect("serialises");
    let again: KnowledgeBase = serde_json::from_str(&text).expect("reads back");
    assert_eq!(again, kb);
}
