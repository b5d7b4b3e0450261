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

/// Every query of every query file (French and English, where translations join the French
/// hits): a smaller limit gives the first hits of the full list, scores included. The
/// translations used to be weighed against only the first `limit` French hits, so that
/// `search --limit 5` could put another answer first than the page and the interface.
#[test]
fn a_smaller_limit_shows_the_first_hits_of_the_full_list() {
    use relais::kb::Origin;
    use relais::kb::validate::load;
    use relais::search::{DEFAULT_LIMIT, QueryOptions, SearchIndex};
    let kb = load(&Origin::Bundled, jiff::civil::date(2026, 12, 2))
        .expect("bundled data")
        .kb;
    let index = SearchIndex::new(&kb);
    let mut queries = Vec::new();
    for file in std::fs::read_dir("tests").expect("tests/") {
        let path = file.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let yaml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml"));
        if name.starts_with("queries") && yaml {
            let text = std::fs::read_to_string(&path).expect("query file");
            let file: Value = serde_saphyr::from_str(&text).expect("YAML");
            let rows = file["queries"].as_array().cloned().unwrap_or_default();
            queries.extend(
                rows.iter()
                    .filter_map(|r| r["q"].as_str().map(str::to_owned)),
            );
        }
    }
    assert!(queries.len() > 1000, "{} queries read", queries.len());
    let ids = |limit: usize, q: &str| -> Vec<(String, String)> {
        let opts = QueryOptions {
            limit,
            ..QueryOptions::default()
        };
        index
            .query_with(q, opts)
            .into_iter()
            .map(|h| (h.id, format!("{:.3}", h.score)))
            .collect()
    };
    for q in &queries {
        let full = ids(DEFAULT_LIMIT, q);
        for limit in [1, 3, 5, 10] {
            let short = ids(limit, q);
            assert_eq!(
                short[..],
                full[..limit.min(full.len())],
                "{q:?} with limit {limit}"
            );
        }
    }
}
