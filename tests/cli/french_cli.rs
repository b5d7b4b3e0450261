//! Issue 14: the command line speaks French (errors, usage, help headings, man page), takes
//! ids, categories and regions with or without accents, and completes the data's real values.

use predicates::prelude::*;

fn relais() -> (tempfile::TempDir, assert_cmd::Command) {
    let home = tempfile::tempdir().expect("home");
    let cmd = crate::support::sandbox::assert_relais(home.path());
    (home, cmd)
}

#[test]
fn an_unknown_flag_is_a_french_error_with_exit_2() {
    let (_home, mut cmd) = relais();
    cmd.arg("--nope")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "relais : argument inattendu « --nope »",
        ))
        .stderr(predicate::str::contains("Utilisation : relais"))
        .stderr(predicate::str::contains("error:").not())
        .stderr(predicate::str::contains("Usage:").not());
}

#[test]
fn search_help_has_french_headings_only() {
    let (_home, mut cmd) = relais();
    let out = cmd.args(["search", "--help"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    for french in [
        "Utilisation : relais search",
        "Arguments :",
        "Options :",
        "Affiche l'aide",
    ] {
        assert!(text.contains(french), "{french} missing:\n{text}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Arguments:",
        "Print help",
        "[default:",
        "possible values",
    ] {
        assert!(!text.contains(english), "{english} in:\n{text}");
    }
}

#[test]
fn region_category_and_ids_ignore_accents_and_case() {
    let (_home, mut cmd) = relais();
    let accented = cmd
        .args(["contacts", "--region", "Liège", "--json"])
        .assert()
        .success();
    let (_home2, mut cmd) = relais();
    let plain = cmd
        .args(["contacts", "--region", "liege", "--json"])
        .assert()
        .success();
    let rows: serde_json::Value =
        serde_json::from_slice(&accented.get_output().stdout).expect("JSON");
    assert!(!rows.as_array().expect("array").is_empty());
    assert_eq!(accented.get_output().stdout, plain.get_output().stdout);
    let (_home, mut cmd) = relais();
    cmd.args(["list", "--category", "Santé"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[sante]"));
    let (_home, mut cmd) = relais();
    cmd.args(["show", "URGENCES"])
        .assert()
        .success()
        .stdout(predicate::str::contains("112"));
    // Still refused when it names nothing, in French.
    let (_home, mut cmd) = relais();
    cmd.args(["contacts", "--region", "Gand"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("région inconnue « Gand »"));
}

#[test]
fn completion_offers_the_datas_regions_categories_decks_and_ids() {
    let (_home, mut cmd) = relais();
    let out = cmd.args(["completions", "bash"]).assert().success();
    let script = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    for value in [
        "brabant-wallon",
        "sante",
        "urgences",
        "cai-namur",
        "sante-sur-le-terrain",
    ] {
        assert!(script.contains(value), "{value} not offered");
    }
}

#[test]
fn the_man_page_is_french_with_exit_codes_and_keys() {
    let (_home, mut cmd) = relais();
    cmd.arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".SH NOM"))
        .stdout(predicate::str::contains(".SH \"CODE DE RETOUR\""))
        .stdout(predicate::str::contains(".SH TOUCHES"))
        .stdout(predicate::str::contains("partage court"))
        .stdout(predicate::str::contains(".SH NAME").not());
}

#[test]
fn cli_without_arguments_is_bare() {
    // `relais` alone skips clap (the interface's start): what it builds must be what clap
    // would have made of no argument, every option at its default.
    use clap::Parser as _;
    let parsed = relais::cli::Cli::try_parse_from(["relais"]).expect("no argument parses");
    assert_eq!(
        format!("{parsed:?}"),
        format!("{:?}", relais::cli::Cli::bare())
    );
    let with_flag =
        relais::cli::Cli::try_parse_from(["relais", "--color", "never"]).expect("parses");
    assert_ne!(
        format!("{with_flag:?}"),
        format!("{:?}", relais::cli::Cli::bare()),
        "the comparison sees the options"
    );
}
