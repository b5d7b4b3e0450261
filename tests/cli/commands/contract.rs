//! The rest of the contract: usage errors and help, where the data comes from (flag, then
//! `RELAIS_DATA`, then the user data directory, then the bundled data), closed pipes and colour.

use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;

use super::{MINIMAL, SPLIT, Sandbox, stdout_of};

// --- usage errors, help ---------------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    for args in [
        &["search"][..],
        &["frobnicate"],
        &["list", "--bogus"],
        &["search", "x", "--limit", "beaucoup"],
        &["search", "x", "--kind", "deck"],
        &["--color", "rainbow", "list"],
        &["show"],
    ] {
        sandbox
            .minimal(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_empty().not());
    }
}

#[test]
fn help_and_version_exit_0() {
    let sandbox = Sandbox::new();
    sandbox
        .relais()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("search"));
    sandbox
        .relais()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("relais "));
}

#[test]
fn no_subcommand_with_piped_stdout_prints_help_to_stderr_and_exits_2() {
    Sandbox::new()
        .relais()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("n'est pas un terminal"))
        .stderr(predicate::str::contains("Utilisation :"));
}

// --- where the data comes from --------------------------------------------------------------

#[test]
fn a_missing_data_path_exits_2_with_a_clear_message() {
    Sandbox::new()
        .relais()
        .args(["--data", "/nonexistent/relais-data", "list"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "/nonexistent/relais-data: impossible de lire",
        ))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn a_folder_without_yaml_exits_2() {
    let empty = tempfile::tempdir().expect("temp");
    Sandbox::new()
        .relais()
        .arg("--data")
        .arg(empty.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("aucun fichier .yaml"));
}

#[test]
fn data_precedence_flag_then_env_then_user_dir_then_bundled() {
    let sandbox = Sandbox::new();
    let origin = |cmd: &mut Command| {
        let out = stdout_of(cmd.arg("check"));
        out.lines().next().unwrap_or_default().to_owned()
    };
    assert_eq!(origin(&mut sandbox.relais()), "Données : données intégrées");

    // Data installed in the user data directory beats the bundled data.
    sandbox
        .relais()
        .args(["data", "install", "--allow-unsigned", MINIMAL])
        .assert()
        .success();
    let installed = origin(&mut sandbox.relais());
    let user = format!("Données : {}", sandbox.user_data_dir().display());
    assert!(
        installed.starts_with(&user) && installed.ends_with("(données installées)"),
        "{installed}"
    );
    sandbox
        .relais()
        .args(["show", "seance-decouverte"])
        .assert()
        .success();
    // RELAIS_DATA beats the user directory (an empty value is ignored).
    assert_eq!(
        origin(sandbox.relais().env("RELAIS_DATA", SPLIT)),
        format!("Données : {SPLIT} (RELAIS_DATA)")
    );
    assert_eq!(origin(sandbox.relais().env("RELAIS_DATA", "")), installed);
    // --data beats RELAIS_DATA.
    assert_eq!(
        origin(
            sandbox
                .relais()
                .env("RELAIS_DATA", SPLIT)
                .args(["--data", MINIMAL])
        ),
        format!("Données : {MINIMAL} (--data)")
    );
    // The data actually used follows: split/ has repas-camp, minimal does not.
    sandbox
        .relais()
        .env("RELAIS_DATA", SPLIT)
        .args(["show", "repas-camp"])
        .assert()
        .success();
    sandbox
        .relais()
        .env("RELAIS_DATA", SPLIT)
        .args(["--data", MINIMAL, "show", "repas-camp"])
        .assert()
        .code(1);
}

#[test]
fn the_bundled_data_validates() {
    Sandbox::new()
        .relais()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Données : données intégrées\n"))
        .stdout(predicate::str::ends_with("OK\n"));
}

// --- pipes and colour -----------------------------------------------------------------------

#[test]
fn a_closed_stdout_is_not_an_error() {
    assert_closed_pipe_exits_0(&[
        &["list"],
        &["search", "héberger"],
        &["show", "droits-hebergeur"],
        &["contacts"],
        &["decks"],
    ]);
}

/// JSON output to a closed pipe: `serde_json` keeps the `io::Error` out of the error chain, so
/// this once exited 2 with « Broken pipe ».
#[test]
fn a_closed_stdout_is_not_an_error_for_json_either() {
    assert_closed_pipe_exits_0(&[
        &["list", "--json"],
        &["search", "héberger", "--json"],
        &["show", "droits-hebergeur", "--json"],
        &["contacts", "--json"],
        &["decks", "--json"],
    ]);
}

/// Runs each command with a stdout whose reading end is closed before relais starts, so its
/// first write fails with EPIPE (`relais list | head -1` at its most abrupt).
fn assert_closed_pipe_exits_0(commands: &[&[&str]]) {
    let sandbox = Sandbox::new();
    for &args in commands {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let output = sandbox
            .std_relais()
            .args(args) // bundled data: the longest outputs
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("run relais");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn reading_one_line_then_closing_is_not_an_error() {
    use std::io::BufRead as _;
    let sandbox = Sandbox::new();
    // `relais list | head -1`, on the bundled data.
    let mut child = sandbox
        .std_relais()
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout");
    std::io::BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    assert!(!first.trim().is_empty());
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

#[test]
fn colour_only_when_asked_for_in_a_pipe() {
    let sandbox = Sandbox::new();
    for args in [
        &["list"][..],
        &["show", "droits-hebergeur"],
        &["search", "héberger"],
        &["contacts"],
        &["decks"],
    ] {
        let run = |extra: &[&str], no_color: bool| {
            let mut cmd = sandbox.minimal(args);
            cmd.args(extra);
            if no_color {
                cmd.env("NO_COLOR", "1");
            }
            cmd.assert().success().get_output().stdout.clone()
        };
        assert!(has_escape(&run(&["--color", "always"], false)), "{args:?}");
        assert!(!has_escape(&run(&["--color", "never"], false)), "{args:?}");
        assert!(!has_escape(&run(&[], false)), "{args:?}: auto in a pipe");
        assert!(!has_escape(&run(&["--color", "auto"], true)), "{args:?}");
    }
}

/// Runs relais in a pseudo-terminal and returns everything it printed.
fn in_terminal(sandbox: &Sandbox, args: &[&str], no_color: bool) -> Vec<u8> {
    let mut cmd = sandbox.std_relais();
    cmd.arg("--data").arg(MINIMAL).args(args);
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
    session.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    let found = session.expect(expectrl::Eof).expect("output until EOF");
    found.get(0).map(<[u8]>::to_vec).unwrap_or_default()
}

#[test]
fn no_color_is_honoured_in_a_terminal() {
    let sandbox = Sandbox::new();
    let coloured = in_terminal(&sandbox, &["list"], false);
    assert!(
        has_escape(&coloured),
        "auto colours a terminal: {}",
        String::from_utf8_lossy(&coloured)
    );
    let plain = in_terminal(&sandbox, &["list"], true);
    assert!(String::from_utf8_lossy(&plain).contains("droits-hebergeur"));
    assert!(!has_escape(&plain), "{}", String::from_utf8_lossy(&plain));
    let never = in_terminal(
        &sandbox,
        &["--color", "never", "show", "droits-hebergeur"],
        false,
    );
    assert!(!has_escape(&never), "{}", String::from_utf8_lossy(&never));
}
