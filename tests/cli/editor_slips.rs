//! The slips an editor makes without seeing them are reported by `relais check`: each case
//! below was loaded in silence before (or lost a link, or hid the real site of an address).

use std::path::Path;

use assert_cmd::Command;

const HEAD: &str = "categories:\n  - id: droits\n    title: \"Droits\"\nentries:\n";

fn entry(id: &str, title: &str, answer: &str, extra: &str) -> String {
    format!(
        "  - id: {id}\n    title: {title}\n    category: droits\n    summary: \"Oui.\"\n    \
         answer: \"{answer}\"\n{extra}    sources:\n      - title: \"Loi\"\n    reviewed: 2026-10-01\n"
    )
}

fn check(dir: &Path) -> (Option<i32>, String) {
    let out = Command::new(assert_cmd::cargo::cargo_bin("relais"))
        .arg("check")
        .arg(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn has(err: &str, file_line: &str, kind: &str, needle: &str) -> bool {
    err.lines()
        .any(|l| l.contains(file_line) && l.contains(kind) && l.contains(needle))
}

#[test]
fn warnings_for_slips_that_still_load() {
    let dir = tempfile::tempdir().expect("dir");
    let text = format!(
        "{HEAD}{}{}{}",
        entry(
            "un",
            "Aide # pour les familles",
            "Oui.",
            "    related: [un, deux, deux]\n"
        ),
        entry(
            "deux",
            "\"Deux\"",
            "Voir [ici](javascript:alert(1)) et [là](https://cire.be@evil.example/).",
            ""
        ),
        entry(
            "trois",
            "\"Trois\"",
            "Voir [le site](https://ci\u{440}e.be/).",
            ""
        ),
    );
    std::fs::write(dir.path().join("faq.yaml"), text).expect("write");
    for name in ["contacts.yaml.txt", "FAQ.YAML", ".terrain.yaml"] {
        std::fs::write(dir.path().join(name), "contacts: []\n").expect("write");
    }
    let (code, err) = check(dir.path());
    assert_eq!(code, Some(0), "{err}");
    let w = "avertissement";
    assert!(
        has(&err, "faq.yaml:6:", w, "« title » s'arrête ici"),
        "{err}"
    );
    assert!(
        has(&err, "faq.yaml:10:", w, "renvoie à l'entrée elle-même"),
        "{err}"
    );
    assert!(has(&err, "faq.yaml:10:", w, "apparaît deux fois"), "{err}");
    assert!(
        has(&err, "faq.yaml:", w, "« javascript:alert(1) » retiré"),
        "{err}"
    );
    assert!(
        has(&err, "faq.yaml:", w, "mène à « evil.example »"),
        "{err}"
    );
    assert!(
        has(&err, "faq.yaml:", w, "mêle plusieurs alphabets"),
        "{err}"
    );
    for name in ["contacts.yaml.txt", "FAQ.YAML", ".terrain.yaml"] {
        assert!(has(&err, name, w, "fichier ignoré"), "{name}: {err}");
    }
}

#[test]
fn errors_for_links_that_would_be_lost() {
    let dir = tempfile::tempdir().expect("dir");
    let text = format!(
        "{HEAD}{}{}",
        entry("un", "\"Un\"", "Voir [[deux] puis [deux]] et [[deux]].", ""),
        entry("deux", "\"Deux\"", "Voir [le site](www.cire.be).", ""),
    );
    std::fs::write(dir.path().join("faq.yaml"), text).expect("write");
    let (code, err) = check(dir.path());
    assert_eq!(code, Some(2), "{err}");
    assert!(
        has(&err, "faq.yaml:9:19", "", "« [[ » sans « ]] »"),
        "{err}"
    );
    assert!(
        has(&err, "faq.yaml:9:37", "", "« ]] » sans « [[ »"),
        "{err}"
    );
    assert!(
        has(
            &err,
            "faq.yaml:17:29",
            "",
            "lien sans adresse complète « www.cire.be »"
        ),
        "{err}"
    );
    assert_eq!(
        err.matches("sans « ]] »").count(),
        1,
        "the good link is not reported: {err}"
    );
    assert!(
        !err.contains("identifiant inconnu"),
        "one message per slip: {err}"
    );
}
