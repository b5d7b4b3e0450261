//! Search across languages on the bundled data (issue 17): English and Arabic queries find the
//! entry through its translation, `search --json` says which language matched, and French
//! queries keep their French ranking, with no language mark.

use crate::support::sandbox;
use serde_json::Value;

fn search_json(query: &str) -> Vec<Value> {
    let home = tempfile::tempdir().expect("home");
    let out = sandbox::relais(home.path())
        .args(["search", query, "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{query}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Value::Array(rows) = serde_json::from_slice(&out.stdout).expect("JSON") else {
        panic!("an array");
    };
    rows
}

#[test]
fn free_lawyer_finds_legal_aid_through_the_english_translation() {
    let rows = search_json("free lawyer");
    assert_eq!(rows[0]["id"], "aide-juridique");
    assert_eq!(rows[0]["matched_lang"], "en");
    assert_eq!(rows[0]["confidence"], "sure");
}

#[test]
fn arabic_words_find_the_entry_whatever_their_vowels_and_article() {
    for query in ["محامي", "المحامي", "مُحامٍ"] {
        let rows = search_json(query);
        let top = &rows[0];
        assert!(
            top["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("aide-juridique")),
            "{query}: {top}"
        );
        assert_eq!(top["matched_lang"], "ar", "{query}");
    }
}

#[test]
fn doctor_finds_a_health_entry_in_english() {
    let rows = search_json("doctor");
    let top = &rows[0];
    assert_eq!(top["matched_lang"], "en");
    assert_eq!(top["category"], "sante", "{top}");
}

#[test]
fn a_french_query_has_no_language_mark() {
    let rows = search_json("avocat gratuit");
    assert!(
        rows[0]["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("aide-juridique"))
    );
    assert!(
        rows.iter().all(|r| r.get("matched_lang").is_none()),
        "{rows:?}"
    );
}
