//! On a terminal, `relais data install` of the same pack again asks before installing, once
//! (after the changes are shown), even with `--yes`: yes installs, anything else (Enter alone)
//! changes nothing.
#![cfg(unix)]

use crate::support::pty as pty_support;

use expectrl::WaitStatus;
use pty_support::Launch;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/export");

fn install(share: &str, yes: &[&str]) -> pty_support::Pty {
    let mut args = vec!["data", "install", "--allow-unsigned"];
    args.extend_from_slice(yes);
    args.push(FIXTURE);
    Launch::new(&args)
        .env("XDG_DATA_HOME", share)
        .env("NO_COLOR", "1")
        .start()
}

#[test]
fn the_same_pack_again_asks_on_a_terminal() {
    let share = tempfile::tempdir().expect("share");
    let share = share.path().to_str().expect("UTF-8").to_owned();
    let mut first = install(&share, &["--yes"]);
    assert!(matches!(first.wait_exit(), WaitStatus::Exited(_, 0)));
    // Without --yes and with it: the version's question is the only one, asked either way.
    for (answer, code, yes) in [
        ("\r", 2, &[][..]),
        ("o\r", 0, &[][..]),
        ("o\r", 0, &["--yes"]),
    ] {
        let mut pty = install(&share, yes);
        pty.wait_for("the question", |s| {
            s.contains("Installer quand même ? [o/N]")
        });
        assert!(pty.contents().contains("la même que la version installée"));
        pty.send(answer);
        let status = pty.wait_exit();
        assert!(
            matches!(status, WaitStatus::Exited(_, c) if c == code),
            "{answer:?}: {status:?}\n{}",
            pty.contents()
        );
        assert!(
            !pty.contents().contains("Installer ces données ?"),
            "asked twice:\n{}",
            pty.contents()
        );
    }
}
