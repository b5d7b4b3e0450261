//! On a terminal, `relais data install` of the same pack again asks before installing: yes
//! installs, anything else (Enter alone) changes nothing.
#![cfg(unix)]

mod pty_support;

use expectrl::WaitStatus;
use pty_support::Launch;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/export");

fn install(share: &str) -> pty_support::Pty {
    Launch::new(&["data", "install", FIXTURE])
        .env("XDG_DATA_HOME", share)
        .env("NO_COLOR", "1")
        .start()
}

#[test]
fn the_same_pack_again_asks_on_a_terminal() {
    let share = tempfile::tempdir().expect("share");
    let share = share.path().to_str().expect("UTF-8").to_owned();
    let mut first = install(&share);
    assert!(matches!(first.wait_exit(), WaitStatus::Exited(_, 0)));
    for (answer, code) in [("\r", 2), ("o\r", 0)] {
        let mut pty = install(&share);
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
    }
}
