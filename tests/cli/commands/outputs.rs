//! What the reading subcommands print: the plain outputs against `tests/expected/`, and the
//! `--json` shapes and exit codes of `search`, `show`, `list`, `contacts` and `decks`.

use predicates::prelude::*;
use serde_json::Value;

use super::{Sandbox, assert_expected, json_of, line_diff, stdout_of};

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
