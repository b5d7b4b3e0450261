//! Every signal that ends relais gives the terminal back first and ends with 128 + N, and
//! Ctrl-C quits even in the middle of a bracketed paste that never ends. Before: SIGQUIT,
//! SIGUSR1 and SIGALRM left the terminal raw, in the alternate screen, mouse on;
//! SIGTERM/HUP/INT exited 0; an unterminated paste swallowed every key, Ctrl-C too.
#![cfg(all(unix, target_os = "linux"))]

use crate::support::pty as pty_support;

use std::time::Duration;

use expectrl::WaitStatus;
use pty_support::{Launch, Pty};

fn start() -> Pty {
    let data =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/kb.yaml");
    let mut pty = Launch::new(&["--data", data.to_str().expect("UTF-8 path")])
        .home_var("XDG_DATA_HOME", "share")
        .home_var("XDG_CONFIG_HOME", "config")
        .size(80, 24)
        .start();
    pty.wait_for_screen("the first frame", |screen| {
        !screen.hide_cursor() && screen.contents().contains("Rechercher ›")
    });
    pty.assert_raw();
    pty
}

fn assert_given_back(pty: &Pty, what: &str) {
    pty.assert_cooked();
    pty.assert_screen_restored();
    let screen = pty.parser.screen();
    assert!(
        !screen.alternate_screen(),
        "{what}: still in the alternate screen"
    );
    assert!(
        !screen.bracketed_paste(),
        "{what}: bracketed paste still on"
    );
}

#[test]
fn every_ending_signal_restores_the_terminal_and_exits_128_plus_n() {
    for (name, number) in [
        ("QUIT", 3),
        ("USR1", 10),
        ("ALRM", 14),
        ("USR2", 12),
        ("TERM", 15),
        ("HUP", 1),
        ("INT", 2),
    ] {
        let mut pty = start();
        pty.send("heberger");
        pty.wait_for("the query", |s| s.contains("heberger"));
        pty.signal(name);
        let status = pty.wait_exit();
        assert!(
            matches!(status, WaitStatus::Exited(_, code) if code == 128 + number),
            "SIG{name}: {status:?}"
        );
        assert_given_back(&pty, name);
    }
}

#[test]
fn ctrl_c_quits_in_the_middle_of_a_paste_that_never_ends() {
    let mut pty = start();
    pty.send("\x1b[200~une collage sans fin");
    std::thread::sleep(Duration::from_millis(300));
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert_given_back(&pty, "Ctrl-C in a paste");
}

#[test]
fn ctrl_backslash_quits_and_restores_the_terminal() {
    let mut pty = start();
    pty.send("\x1c");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 131)), "{status:?}");
    assert_given_back(&pty, "Ctrl-\\");
}
