//! Translations for the people helped (issue 17), on `tests/fixtures/valid/translations`: what
//! the loader builds (status, provenance, languages of each entry, stale flag), and `--lang` on
//! `show`, `list`, `search` and `export` (JSON fields, the notices in both languages, the French
//! fallback, the unknown code, the printed cards and the phone page).

use assert_cmd::Command;
use jiff::civil::date;
use relais::kb::i18n::{Direction, Status};
use relais::kb::validate::validate;
use relais::kb::{KnowledgeBase, Origin};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/valid/translations";

fn kb() -> KnowledgeBase {
    let files = Origin::Flag(FIXTURE.into()).read().expect("fixture");
    validate(&files, date(2026, 11, 27))
        .expect("valid fixture")
        .0
}

fn relais(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().expect("home");
    Command::cargo_bin("relais")
        .expect("binary")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("share"))
        .env_remove("RELAIS_DATA")
        .env("NO_COLOR", "1")
        .args(["--data", FIXTURE])
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(args: &[&str]) -> String {
    let out = relais(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("json")
}

#[test]
fn the_loader_keeps_each_translation_with_how_it_was_made() {
    let kb = kb();
    let en = kb.translation("medecin", "en").expect("English medecin");
    assert_eq!(en.provenance.status, Status::Machine);
    assert!(
        en.card
            .as_deref()
            .is_some_and(|c| c.contains("081 33 70 11"))
    );
    assert!(!en.provenance.stale);
    let reviewed = kb.translation("urgence", "en").expect("English urgence");
    assert_eq!(reviewed.provenance.status, Status::Reviewed);
    assert_eq!(
        reviewed.provenance.by.as_deref(),
        Some("Relectrice, association")
    );
    assert_eq!(reviewed.provenance.reviewed, Some(date(2026, 10, 5)));
    assert!(reviewed.card.is_none());
    assert!(kb.translation("urgence", "ar").is_none());
    assert!(kb.translation("inconnue", "en").is_none());
    let codes = |id: &str| -> Vec<&str> { kb.languages_of(id).iter().map(|l| l.code).collect() };
    assert_eq!(codes("medecin"), ["fr", "en", "ar"]);
    assert_eq!(codes("urgence"), ["fr", "en"]);
    assert_eq!(codes("cpas"), ["fr", "en"]);
    assert_eq!(
        kb.contact_translation("cpas", "en")
            .map(|t| t.description.as_str()),
        Some("Social help and urgent medical aid, rue de Dave 165, 081 33 70 11.")
    );
    assert!(
        kb.french_card("medecin")
            .is_some_and(|c| c.card.starts_with("Avec ou sans"))
    );
    let ar = relais::kb::i18n::language("ar").expect("Arabic");
    assert_eq!((ar.direction, ar.native), (Direction::Rtl, "العربية"));
}

#[test]
fn a_translation_older_than_its_french_entry_is_marked_stale() {
    let files = Origin::Flag("tests/fixtures/invalid/i18n-stale".into())
        .read()
        .expect("fixture");
    let (kb, warnings) = validate(&files, date(2026, 11, 27)).expect("only a warning");
    assert!(
        kb.translation("medecin", "en")
            .is_some_and(|t| t.provenance.stale)
    );
    assert!(
        !kb.translation("medecin", "ar")
            .is_some_and(|t| t.provenance.stale)
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.message.starts_with("traduction peut-être dépassée"))
    );
}

#[test]
fn show_json_names_the_language_and_how_it_was_translated() {
    let v = json(&["show", "medecin", "--lang", "ar", "--json"]);
    assert_eq!(v["lang"], "ar");
    assert_eq!(v["translation"], "machine");
    assert_eq!(v["translated"]["title"], "أين أرى طبيبًا بدون أوراق؟");
    assert_eq!(v["translated"]["dir"], "rtl");
    assert_eq!(
        v["translated"]["notice_fr"],
        "Traduction automatique, non relue — la version française fait foi"
    );
    // The French stays: title and answer as without --lang.
    assert_eq!(v["title"], "Où voir un médecin sans papiers ?");
    assert!(v["answer"].as_str().is_some_and(|a| a.contains("1733")));
    let reviewed = json(&["show", "urgence", "--lang", "en", "--json"]);
    assert_eq!(reviewed["translation"], "reviewed");
    assert_eq!(reviewed["translated"]["by"], "Relectrice, association");
    // The other ways to ask, when the translation has them.
    let en = json(&["show", "medecin", "--lang", "en", "--json"]);
    assert_eq!(en["translated"]["ask"][1], "free doctor no papers");
    assert!(reviewed["translated"].get("ask").is_none());
}

#[test]
fn an_entry_is_found_by_a_word_only_its_english_ask_has() {
    // « clinic » is in no title, summary or card, French or English: only in an `ask`.
    let kb = kb();
    let en = kb.translation("medecin", "en").expect("English medecin");
    assert!(!format!("{} {} {:?}", en.title, en.summary, en.card).contains("clinic"));
    let hits = json(&["search", "clinic", "--json"]);
    assert_eq!(hits[0]["id"], "medecin");
    assert_eq!(hits[0]["matched_lang"], "en");
    let contact = json(&["search", "welfare office", "--json"]);
    assert_eq!(contact[0]["id"], "cpas");
    assert_eq!(contact[0]["matched_lang"], "en");
}

#[test]
fn without_a_translation_show_falls_back_to_french_with_a_note() {
    let v = json(&["show", "urgence", "--lang", "ar", "--json"]);
    assert_eq!(v["lang"], "fr");
    assert!(v.get("translation").is_none());
    assert_eq!(
        v["note"],
        "pas de traduction en arabe : la version française suit"
    );
    assert_eq!(v["title"], "Quel numéro en cas de danger ?");
    let text = stdout(&["show", "urgence", "--lang", "ar"]);
    assert!(text.starts_with("⚠ Pas de traduction en arabe"), "{text}");
    assert!(text.contains("Quel numéro en cas de danger ?"));
}

#[test]
fn plain_show_prints_the_translation_with_both_notices_then_the_french() {
    let text = stdout(&["show", "medecin", "--lang", "en"]);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in {text}"))
    };
    let title = at("[English] Where can I see a doctor without papers?");
    let notice = at("Machine translation, not reviewed — the French version is the reference");
    let notice_fr = at("Traduction automatique, non relue — la version française fait foi");
    let card = at("With or without papers, a doctor can see you through the CPAS (081 33 70 11).");
    let french = at("Où voir un médecin sans papiers ?");
    assert!(title < notice && notice < notice_fr && notice_fr < card && card < french);
    // Arabic in a terminal: said to be shown badly, with where to show it instead.
    let ar = stdout(&["show", "medecin", "--lang", "ar"]);
    assert!(ar.contains("Un terminal affiche mal"));
    assert!(ar.contains("--cards --lang ar"));
}

#[test]
fn an_unknown_language_is_a_french_error_with_exit_2() {
    let out = relais(&["show", "medecin", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("langue inconnue « de »"), "{err}");
    assert!(err.contains("fr, en, ar, prs, ps, ti"), "{err}");
    assert!(out.stdout.is_empty());
    let several = relais(&["show", "medecin", "--lang", "en,ar"]);
    assert_eq!(several.status.code(), Some(2));
    let elsewhere = relais(&["contacts", "--lang", "en"]);
    assert_eq!(elsewhere.status.code(), Some(2));
}

#[test]
fn list_and_search_show_each_row_in_the_language() {
    let rows = json(&["list", "--lang", "ar", "--json"]);
    let ids: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["medecin"]);
    assert_eq!(rows[0]["translated"]["title"], "أين أرى طبيبًا بدون أوراق؟");
    let all = json(&["list", "--lang", "fr", "--json"]);
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    assert_eq!(all[0]["languages"], serde_json::json!(["fr", "en", "ar"]));
    let hits = json(&["search", "medecin", "--lang", "en", "--json"]);
    assert_eq!(hits[0]["id"], "medecin");
    assert_eq!(hits[0]["lang"], "en");
    assert_eq!(
        hits[0]["translated"]["title"],
        "Where can I see a doctor without papers?"
    );
    let plain = stdout(&["search", "medecin", "--lang", "en"]);
    assert!(plain.contains("Where can I see a doctor without papers?  [medecin] [fr en ar]"));
}

#[test]
fn printed_cards_put_the_french_beside_each_language() {
    let page = stdout(&["export", "--format", "html", "--cards", "--lang", "ar,en"]);
    // medecin in Arabic and in English; urgence has no card (no French card): left out.
    assert_eq!(page.matches("<section class=\"card").count(), 2);
    assert_eq!(
        page.matches("<div class=\"side\" lang=\"fr\" dir=\"ltr\">")
            .count(),
        2
    );
    assert!(page.contains("<div class=\"side\" lang=\"ar\" dir=\"rtl\">"));
    assert!(page.contains("<bdi class=\"num\" dir=\"ltr\">+32 2 524 98 89</bdi>"));
    assert!(page.contains("ترجمة آلية لم يراجعها أحد — النص الفرنسي هو المرجع"));
    assert!(page.contains("Arabe (العربية) : Traduction automatique, non relue"));
    assert!(page.contains("<svg") && page.contains("081 33 70 11"));
    let french = stdout(&["export", "--format", "html", "--cards"]);
    assert_eq!(french.matches("<section class=\"card").count(), 1);
    assert!(!french.contains("<div class=\"side\" lang=\"ar\""));
    let md = relais(&["export", "--format", "md", "--cards"]);
    assert_eq!(md.status.code(), Some(2));
}

#[test]
fn the_phone_page_opens_in_the_language_asked_for() {
    let page = stdout(&["export", "--format", "html", "--app", "--lang", "ar"]);
    assert!(page.contains("\"initial_lang\":\"ar\""));
    assert!(page.contains("function relaisI18n("));
    let start = page.find("id=\"kb\">").expect("payload") + "id=\"kb\">".len();
    let end = start + page[start..].find("</script>").expect("end");
    let payload: Value = serde_json::from_str(&page[start..end]).expect("payload json");
    let entries = payload["kb"]["translations"]["entries"]
        .as_array()
        .expect("translations");
    assert_eq!(entries.len(), 3);
    let ar = payload["languages"]
        .as_array()
        .and_then(|l| l.iter().find(|l| l["code"] == "ar"))
        .expect("Arabic metadata");
    assert_eq!(ar["direction"], "rtl");
}

#[test]
fn the_schema_checks_translation_files_too() {
    let schema: Value = serde_json::from_str(&stdout(&["schema"])).expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let yaml = |text: &str| -> Value { serde_saphyr::from_str(text).expect("YAML") };
    let good = "lang: en\nentries:\n  - id: medecin\n    status: machine\n    date: 2026-10-01\n    title: T\n    summary: S\n    card: C\ncontacts:\n  - id: cpas\n    status: reviewed\n    date: 2026-10-01\n    reviewed: 2026-10-02\n    by: X\n    description: D\n";
    assert!(validator.is_valid(&yaml(good)));
    let asked = good.replace("    card: C", "    ask: [one way, another]\n    card: C");
    assert!(validator.is_valid(&yaml(&asked)));
    for bad in [
        good.replace("status: machine", "status: auto"),
        good.replace("lang: en", "lang: de"),
        good.replace("    card: C", "    carte: C"),
        good.replace("    card: C", "    answer: C"),
        good.replace("    card: C", "    ask: one way"),
    ] {
        assert!(!validator.is_valid(&yaml(&bad)), "accepted:\n{bad}");
    }
    // The data files are still checked as before.
    assert!(validator.is_valid(&yaml("categories: [{id: c, title: C}]\n")));
    assert!(!validator.is_valid(&yaml("categories: [{id: c, titel: C}]\n")));
}

#[test]
fn check_counts_the_translations_of_each_language() {
    let text = stdout(&["check"]);
    assert!(
        text.contains(
            "Traductions (1 carte(s) française(s)) : anglais 2 entrée(s) et 1 contact(s), 2 \
             automatique(s), 0 peut-être dépassée(s) ; arabe 1 entrée(s) et 0 contact(s), 1 \
             automatique(s), 0 peut-être dépassée(s)"
        ),
        "{text}"
    );
}
