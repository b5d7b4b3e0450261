//! `relais export --format slides`: one self-contained file whose policy forbids every
//! request, the terminal's slides in order (title, agenda, entries with their points, closing
//! contacts with tel: links and QR codes), the notes, and clear refusals. The browser side
//! (keys, blank, full screen, notes, printing) is `tests/browser/slides_test.py`.

use std::fmt::Write as _;

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

fn relais(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("relais")
        .expect("binary")
        .env_remove("RELAIS_DATA")
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn the_one_page_contacts_and_qr_sheet() {
    let out = relais(&[
        "--data",
        FIXTURE,
        "export",
        "--format",
        "html",
        "--deck",
        "seance-essai",
        "--contacts",
        "--sheet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"")
    );
    assert!(
        html.contains("<h1>Contacts et codes QR — Séance d&#39;essai</h1>")
            || html.contains("<h1>Contacts et codes QR — Séance d'essai</h1>"),
        "{html}"
    );
    assert_eq!(html.matches("<div class=\"cell\">").count(), 2);
    assert!(
        html.contains("<h2>Permanence d&#39;essai</h2>")
            || html.contains("<h2>Permanence d'essai</h2>")
    );
    assert!(html.contains("href=\"tel:+3281000000\""));
    // One QR code: the permanence's number; the other contact has neither number nor site.
    assert_eq!(html.matches("<svg").count(), 1);
    assert!(html.contains("pas un avis juridique"));
}

#[test]
fn the_sheet_needs_contacts_html_and_at_most_one_page_of_them() {
    let out = relais(&["--data", FIXTURE, "export", "--format", "html", "--sheet"]);
    assert_eq!(out.status.code(), Some(2), "--sheet without --contacts");
    let out = relais(&[
        "--data",
        FIXTURE,
        "export",
        "--format",
        "md",
        "--contacts",
        "--sheet",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--sheet ne s'utilise qu'avec --format html")
    );
    // 49 contacts do not fit on one page.
    let dir = tempfile::tempdir().expect("temp");
    let mut yaml = std::fs::read_to_string(FIXTURE).expect("fixture");
    yaml = yaml.replace("contacts:\n  - id: permanence-essai", &{
        let mut more = String::from("contacts:\n");
        for i in 0..47 {
            let _ = write!(
                more,
                "  - id: contact-{i}\n    name: \"Contact {i}\"\n    description: \"Essai.\"\n    \
                 region: namur\n    verified: 2026-11-30\n    \
                 verified_by: telephone\n"
            );
        }
        more + "  - id: permanence-essai"
    });
    let path = dir.path().join("kb.yaml");
    std::fs::write(&path, yaml).expect("write");
    let out = relais(&[
        "--data",
        path.to_str().expect("utf-8"),
        "export",
        "--format",
        "html",
        "--contacts",
        "--sheet",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("49 contacts ne tiennent pas sur une page (au plus 48)")
    );
}
