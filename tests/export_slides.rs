//! `relais export --format slides`: one self-contained file whose policy forbids every
//! request, the terminal's slides in order (title, agenda, entries with their points, closing
//! contacts with tel: links and QR codes), the notes, and clear refusals. The browser side
//! (keys, blank, full screen, notes, printing) is `tests/browser/slides_test.py`.

use assert_cmd::Command;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/present/kb.yaml"
);

fn export(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("relais")
        .expect("binary")
        .env_remove("RELAIS_DATA")
        .args(["--data", FIXTURE, "export", "--format", "slides"])
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn the_slides_of_a_deck_in_one_file_that_fetches_nothing() {
    let out = export(&["--deck", "seance-essai"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).expect("utf-8");
    assert!(html.contains(
        "content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\""
    ));
    for tag in [
        "<link",
        "<img",
        "<iframe",
        "src=\"http",
        "url(",
        "@import",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(!html.contains(tag), "{tag} in the slides");
    }
    let sections: Vec<&str> = html.split("<section class=\"slide ").skip(1).collect();
    let kinds: Vec<&str> = sections
        .iter()
        .map(|s| s.split('"').next().unwrap_or(""))
        .collect();
    assert_eq!(
        kinds,
        [
            "title", "agenda", "entry", "entry", "entry", "entry", "closing"
        ]
    );
    assert!(
        sections[0].contains("<h1>Séance d'essai</h1>")
            && sections[0].contains("pas un avis juridique")
    );
    assert!(sections[0].contains("Durée prévue : 45 min"));
    assert!(sections[1].contains("<li>Une seule phrase très longue</li>"));
    assert!(sections[2].contains("<li>Troisième point, plus court que les autres.</li>"));
    assert!(
        sections[2].contains("<aside class=\"notes\">")
            && sections[2].contains("insister sur le troisième point")
    );
    assert!(
        !sections[3].contains("<ul class=\"points\">"),
        "no points: the summary only"
    );
    assert!(sections[2].contains("<span class=\"counter\">3 / 7</span>"));
    assert!(sections[6].contains("href=\"tel:+3281000000\"") && sections[6].contains("<svg"));
    assert!(
        sections[6].contains("Service d'essai non vérifié")
            && sections[6].contains("non vérifié</p>")
    );
    assert!(
        !html.contains("Réponse complète de l'essai"),
        "the answer is not on a slide"
    );
}

#[test]
fn a_deck_is_required_and_must_exist() {
    let out = export(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ajoutez --deck PARCOURS"));
    let out = export(&["--deck", "seance-esai"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "présentation inconnue « seance-esai » (vouliez-vous dire « seance-essai » ?)"
        )
    );
}
