//! `relais export`: snapshots of the Markdown and HTML handouts of a deck, made from the fixture
//! knowledge base `tests/fixtures/export/` (content writers keep editing `data/`), properties of
//! the phone page, and a smoke test of every format on the bundled data.
//!
//! `cargo insta review` (or `INSTA_UPDATE=always`) accepts changed snapshots after review.

use std::path::Path;

use assert_cmd::Command;
use jiff::civil::{Date, date};
use relais::export::{Handout, Scope, app, html, md};
use relais::kb::validate::load;
use relais::kb::{KnowledgeBase, Origin};

const FIXTURE: &str = "tests/fixtures/export";
const DECK: &str = "droits-citoyens-solidaires";
/// The date the snapshots are taken on: `vieille-entree` is then stale, the others are not.
const TODAY: Date = date(2026, 1, 20);

fn fixture() -> KnowledgeBase {
    load(&Origin::Flag(FIXTURE.into()), TODAY)
        .expect("fixture loads")
        .kb
}

fn deck_handout(kb: &KnowledgeBase) -> Handout<'_> {
    Handout::select(kb, &Scope::Deck(DECK.into()), true, TODAY).expect("deck exists")
}

/// The binary with an empty home, no `RELAIS_DATA`.
fn relais(home: &Path) -> Command {
    crate::support::sandbox::assert_relais(home)
}

#[test]
fn markdown_handout_of_a_deck() {
    let kb = fixture();
    insta::assert_snapshot!("deck_md", md::render(&deck_handout(&kb)));
}

#[test]
fn html_handout_of_a_deck() {
    let kb = fixture();
    insta::assert_snapshot!("deck_html", html::render(&deck_handout(&kb)));
}

#[test]
fn handouts_escape_the_data_and_drop_unsafe_links() {
    let kb = fixture();
    let h = deck_handout(&kb);
    let markdown = md::render(&h);
    assert!(markdown.contains("\\<b\\>pas de\\</b\\>"), "{markdown}");
    assert!(markdown.contains("Aider \\*\\*par humanité\\*\\*"));
    assert!(markdown.contains("12\\. rue de l'Église"));
    let page = html::render(&h);
    assert!(page.contains("&lt;b&gt;pas de&lt;/b&gt;"));
    assert!(page.contains("Fixture &lt;export&gt; &amp; co"));
    for out in [&markdown, &page] {
        assert!(!out.contains("javascript:"), "unsafe link kept");
        assert!(out.contains("cliquez"), "the link text stays");
    }
}

#[test]
fn deck_links_are_anchors_inside_and_names_outside() {
    let kb = fixture();
    let h = deck_handout(&kb);
    let markdown = md::render(&h);
    // droits-hebergeur links to droits-aidant, which is in the deck: an anchor.
    assert!(markdown.contains("[Quels sont mes droits en tant qu'aidant ?](#droits-aidant)"));
    assert!(markdown.contains("<a id=\"droits-aidant\"></a>"));
    // medecin-gratuit is not in the deck: its title, no dangling anchor.
    assert!(markdown.contains("conduire chez un Où trouver un médecin gratuit ? ou au"));
    assert!(!markdown.contains("(#medecin-gratuit)"));
    // Contacts cited by the deck (and the fallback one) are on the sheet, with tel: links.
    assert!(markdown.contains("[CAI — Centre d'Action"));
    assert!(markdown.contains("[081 73 71 76](tel:+3281737176)"));
    assert!(markdown.contains("[112](tel:112)"));
    let page = html::render(&h);
    assert!(page.contains("<a href=\"#cai-namur\">"));
    assert!(page.contains("<article class=\"card\" id=\"urgences\">"));
}

#[test]
fn stale_entries_are_flagged_by_date() {
    let kb = fixture();
    let stale = relais::strings::STALE;
    let before =
        Handout::select(&kb, &Scope::Deck(DECK.into()), false, date(2025, 6, 1)).expect("deck");
    assert!(!md::render(&before).contains(stale));
    let now = md::render(&deck_handout(&kb));
    assert_eq!(now.matches(stale).count(), 1);
    let after = now.split(stale).next().expect("before the warning");
    assert!(after.contains("Une entrée à relire"));
}

#[test]
fn print_html_is_one_offline_file_with_a4_pages() {
    let kb = fixture();
    let page = html::render(&deck_handout(&kb));
    assert!(page.contains("size: A4"));
    assert!(page.contains("break-before: page"));
    assert!(page.contains(html::CSP_PRINT));
    assert!(!page.contains("<script"));
    assert!(!page.contains("<link"));
    assert!(!page.contains(" src="));
    assert_eq!(page.matches("<article class=\"entry\"").count(), 3);
    // The compact sheet: a QR code for the first number of each contact (not every number)
    // and one for its website: here two first numbers and two websites.
    assert_eq!(page.matches("<article class=\"card\"").count(), 3);
    assert_eq!(page.matches("<svg").count(), 3 + 1);
    assert!(
        page.contains("counter(page) \" / \" counter(pages)"),
        "numbered pages"
    );
}

#[test]
fn selections_and_their_errors() {
    let kb = fixture();
    let ids = Scope::Ids(vec!["medecin-gratuit".into(), "cire".into()]);
    let h = Handout::select(&kb, &ids, false, TODAY).expect("ids");
    assert_eq!(h.entries.len(), 1);
    assert_eq!(h.contacts.len(), 1);
    let cat = Handout::select(&kb, &Scope::Category("sante".into()), false, TODAY).expect("cat");
    assert_eq!(cat.title, "Santé");
    let sheet = Handout::select(&kb, &Scope::All, true, TODAY).expect("sheet");
    assert!(sheet.entries.is_empty());
    assert_eq!(sheet.contacts.len(), 3);
    let err = Handout::select(&kb, &Scope::Deck("droits-citoyens".into()), false, TODAY)
        .expect_err("unknown deck");
    assert!(
        err.to_string().contains("droits-citoyens-solidaires"),
        "{err}"
    );
    let err = Handout::select(&kb, &Scope::Ids(vec!["droits-aidan".into()]), false, TODAY)
        .expect_err("unknown id");
    assert!(
        err.to_string()
            .contains("vouliez-vous dire « droits-aidant »"),
        "{err}"
    );
}

#[test]
fn phone_page_embeds_the_whole_base_and_requests_nothing() {
    let kb = fixture();
    let page = app::render(&kb, TODAY);
    assert!(page.contains(app::CSP_APP));
    for forbidden in [
        "<link",
        " src=",
        "@import",
        "url(",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(!page.contains(forbidden), "{forbidden}");
    }
    let start = page
        .find("<script type=\"application/json\" id=\"kb\">")
        .expect("payload");
    let json = &page[start..];
    let json = &json[json.find('>').expect("tag end") + 1..json.find("</script>").expect("end")];
    let payload: serde_json::Value = serde_json::from_str(json).expect("json");
    let embedded: KnowledgeBase = serde_json::from_value(payload["kb"].clone()).expect("kb");
    assert_eq!(embedded, kb);
    assert_eq!(
        payload["index"]["docs"].as_array().map(Vec::len),
        Some(4 + 3)
    );
    // The terminal's index: folded words, and each title as a sequence of them.
    let words = payload["index"]["words"].as_array().expect("vocabulary");
    let title: Vec<&str> = payload["index"]["docs"][1]["seq"][0]
        .as_array()
        .expect("title words")
        .iter()
        .map(|id| {
            words[id.as_u64().expect("id") as usize]
                .as_str()
                .expect("word")
        })
        .collect();
    assert_eq!(
        title.join(" "),
        "quels sont mes droits en tant qu hebergeur"
    );
    // Contact cards with tel: and mailto: links and QR codes.
    let card = payload["contacts"]["cai-namur"].as_str().expect("card");
    assert!(card.contains("href=\"tel:+3281737176\""));
    assert!(card.contains("href=\"mailto:info@cainamur.be\""));
    assert!(card.contains("<svg"));
    assert!(page.contains(&relais::render::escape::escape(
        relais::strings::NOT_LEGAL_ADVICE
    )));
    assert!(page.contains("du 15/01/2026"));
}

#[test]
fn command_line_writes_files_and_rejects_bad_combinations() {
    let home = tempfile::tempdir().expect("home");
    let out = home.path().join("fiche.md");
    relais(home.path())
        .args([
            "--data", FIXTURE, "export", "--format", "md", "--deck", DECK, "-o",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("# Droits des citoyens solidaires\n"));
    relais(home.path())
        .args([
            "--data", FIXTURE, "export", "--format", "md", "--deck", "nope",
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("présentation inconnue « nope »"));
    for bad in [
        &["export", "--format", "md", "--app"][..],
        &["export", "--format", "json", "--deck", DECK],
        &["export", "--format", "html", "--app", "--contacts"],
    ] {
        relais(home.path())
            .args(["--data", FIXTURE])
            .args(bad)
            .assert()
            .code(2);
    }
    // One selection at a time.
    relais(home.path())
        .args([
            "export",
            "--format",
            "md",
            "--deck",
            DECK,
            "--category",
            "sante",
        ])
        .assert()
        .code(2);
}

#[test]
fn every_format_works_on_the_bundled_data() {
    let home = tempfile::tempdir().expect("home");
    let bundled = load(&Origin::Bundled, relais::kb::today())
        .expect("bundled")
        .kb;
    for deck in &bundled.decks {
        for format in ["md", "html"] {
            let out = relais(home.path())
                .args([
                    "export",
                    "--format",
                    format,
                    "--deck",
                    &deck.id,
                    "--contacts",
                ])
                .output()
                .expect("runs");
            assert!(out.status.success(), "{format} {}", deck.id);
            let text = String::from_utf8(out.stdout).expect("utf-8");
            let first = bundled.entry(&deck.slides[0]).expect("slide");
            let shown = if format == "md" {
                md::inline(&first.title)
            } else {
                relais::render::escape::escape(&first.title)
            };
            assert!(text.contains(&shown), "{format} {}", deck.id);
        }
    }
    let page = relais(home.path())
        .args(["export", "--format", "html", "--app"])
        .output()
        .expect("runs");
    assert!(page.status.success());
    // A budget for a file copied to a phone. With 119 entries, 70 contacts, their English
    // translations, the whole knowledge base (kept so that nothing is lost on the way) beside
    // the pre-rendered bodies, and the search index the page carries to rank like the
    // terminal (its French word list included), the page weighs about 3.7 MB (3.0 MB at 104
    // entries: the twelve entries of December 2026 have long answers). 4.5 MB still opens at
    // once on a phone and leaves room for some twenty more entries of that size.
    assert!(page.stdout.len() < 4_500_000, "{} bytes", page.stdout.len());
}
