//! End to end in a pseudo-terminal: `relais present DECK` as a trainer drives it, and the
//! terminal given back afterwards.
#![cfg(unix)]

mod pty_support;

use std::process::Command;

use pty_support::{Launch, Pty};

const COLS: u16 = 200;
const ROWS: u16 = 50;

/// Starts `relais ARGS` in an empty home, also its working directory and runtime folder.
fn start(args: &[&str]) -> Pty {
    Launch::new(args)
        .home_var("XDG_DATA_HOME", "data")
        .home_var("XDG_RUNTIME_DIR", "")
        .size(COLS, ROWS)
        .start()
}

const PAGE_DOWN: &str = "\x1b[6~";

#[test]
fn a_trainer_presents_the_cai_session() {
    let mut s = start(&["present", "droits-citoyens-solidaires"]);
    s.wait_for("the first slide", |t| t.contains("1 / "));
    assert!(s.contents().contains("Droits des citoyens solidaires"));
    s.send(PAGE_DOWN);
    s.wait_for("the second slide", |t| t.contains("2 / "));
    s.send("b");
    s.wait_for("a blank screen", |t| t.trim().is_empty());
    s.send("x");
    s.wait_for("the slide again", |t| t.contains("2 / "));
    s.send("q");
    s.wait_exit();
    let raw = s.raw;
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(400)..]).into_owned();
    assert!(
        tail.contains("\x1b[?1049l"),
        "alternate screen not left: {tail:?}"
    );
    assert!(
        tail.contains("\x1b[?25h"),
        "cursor not shown again: {tail:?}"
    );
}

#[test]
fn an_unknown_deck_is_refused_before_the_screen_changes() {
    let output = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(["present", "droits-citoyens"])
        .env_remove("RELAIS_DATA")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("vouliez-vous dire « droits-citoyens-solidaires »"),
        "{err}"
    );
}
