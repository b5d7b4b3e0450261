//! `relais completions SHELL` and `relais man`: generated from the command line definition, so
//! they name every subcommand, including the export and data ones.

use assert_cmd::Command;

fn stdout(args: &[&str]) -> String {
    let out = Command::cargo_bin("relais")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn completions_for_every_shell_know_the_subcommands() {
    let shells = [
        ("bash", "complete -F _relais"),
        ("zsh", "#compdef relais"),
        ("fish", "complete -c relais"),
        ("powershell", "Register-ArgumentCompleter"),
    ];
    for (shell, marker) in shells {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        for word in ["export", "install", "restore", "completions"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    Command::cargo_bin("relais")
        .expect("binary")
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn man_page_lists_the_subcommands() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH relais 1"));
    for word in ["export", "data", "completions", "search"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
}
