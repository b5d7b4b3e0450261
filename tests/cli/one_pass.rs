//! « Tous les problèmes d'un coup »: 11 mistakes spread over 6 files, syntax and structure
//! errors among them, are all reported by one run of `relais check`, each at its line.

use std::path::Path;

use assert_cmd::Command;

fn entry(id: &str, category: &str, extra: &str) -> String {
    format!(
        "  - id: {id}\n    title: \"Titre {id}\"\n    category: {category}\n    summary: \"Oui.\"\n    \
         answer: \"Réponse.\"\n{extra}    sources:\n      - title: \"Loi\"\n    reviewed: 2026-10-01\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

/// The six files, each with its mistakes: (file, line, what the message says).
fn pack(dir: &Path) -> Vec<(&'static str, u32, &'static str)> {
    write(
        dir,
        "a-meta.yaml",
        "meta:\n  title: \"Essai\"\n  fallback_contacts: [personne]\n\ncategories:\n  - id: droits\n    title: \"Droits\"\n",
    );
    // A syntax error (an unclosed bracket) in the first entry; a value error in the second.
    let b = format!(
        "entries:\n{}{}",
        entry("b-un", "droits", "    keywords: [a, b\n"),
        entry("b-deux", "droitz", "")
    );
    write(dir, "b-syntaxe.yaml", &b);
    // A structure error (an unknown key) in the first entry; a bad date and a broken
    // reference in the next ones.
    let c = format!(
        "entries:\n{}{}{}",
        entry("c-un", "droits", "    titre: \"doublon\"\n"),
        entry("c-deux", "droits", "").replace("2026-10-01", "2026-13-01"),
        entry("c-trois", "droits", "    related: [inconnue]\n"),
    );
    write(dir, "c-structure.yaml", &c);
    write(
        dir,
        "d-contacts.yaml",
        "contacts:\n  - id: d-un\n    name: \"Un\"\n    description: \"D.\"\n    region: namurr\n  \
         - id: d-deux\n    name: \"Deux\"\n    description: \"D.\"\n    region: namur\n    email: \"pas-un-mail\"\n",
    );
    write(
        dir,
        "e-decks.yaml",
        "decks:\n  - id: e-parcours\n    title: \"Parcours\"\n    slides: [b-deux, absente]\n",
    );
    // A link to an unknown id, and an id already used in c-structure.yaml.
    let f = format!(
        "entries:\n{}{}",
        entry("f-un", "droits", "").replace("Réponse.", "Voir [[nulle-part]]."),
        entry("c-trois", "droits", ""),
    );
    write(dir, "f-liens.yaml", &f);
    vec![
        ("a-meta.yaml", 3, "personne"),
        ("b-syntaxe.yaml", 8, ""),
        ("b-syntaxe.yaml", 13, "catégorie inconnue « droitz »"),
        ("c-structure.yaml", 7, "clé inconnue « titre »"),
        ("c-structure.yaml", 18, "2026-13-01"),
        ("c-structure.yaml", 24, "entrée inconnue « inconnue »"),
        ("d-contacts.yaml", 5, "région inconnue « namurr »"),
        ("d-contacts.yaml", 10, "pas-un-mail"),
        ("e-decks.yaml", 4, "« absente »"),
        ("f-liens.yaml", 6, "[[nulle-part]]"),
        ("f-liens.yaml", 10, "« c-trois » en double"),
    ]
}

#[test]
fn eleven_mistakes_over_six_files_are_reported_in_one_run() {
    let dir = tempfile::tempdir().expect("dir");
    let expected = pack(dir.path());
    let out = Command::new(assert_cmd::cargo::cargo_bin("relais"))
        .arg("check")
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| {
            l.starts_with('/') && !l.contains(": remarque") && !l.contains(": avertissement")
        })
        .collect();
    let mut missing = Vec::new();
    for (file, line, needle) in &expected {
        let at = format!("{file}:{line}:");
        let found = errors.iter().any(|l| l.contains(&at) && l.contains(needle));
        if !found {
            missing.push(format!("{at} « {needle} »"));
        }
    }
    assert!(missing.is_empty(), "not reported: {missing:#?}\n{err}");
    // No false alarm: nothing about the ids of the entry that could not be read.
    assert!(!err.contains("« b-un »"), "{err}");
    eprintln!("{} error lines for 11 mistakes", errors.len());
}
