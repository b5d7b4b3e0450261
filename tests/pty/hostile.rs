//! Hostile terminals, end to end: the real binary in a pseudo-terminal, its output fed to a vt100
//! emulator. Every way a session can be cut short (SIGTERM, SIGHUP, SIGINT, Ctrl-Z then SIGCONT)
//! gives the terminal back — raw mode off (read with `stty` on the pty), alternate screen left,
//! cursor shown, mouse capture off; the screen is usable on TERM=dumb, TERM=linux (no 256
//! colours), with `NO_COLOR` and at 40x12; and a session writes no file anywhere: home, XDG
//! folders, temporary folder and working directory all stay empty.
//!
//! `tests/tui_pty.rs` covers the volunteer's session, SIGTERM, SIGHUP and Ctrl-Z on its fixture;
//! this file adds the rest on the bundled data.
#![cfg(target_os = "linux")]

use crate::support::pty as pty_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use expectrl::WaitStatus;
use pty_support::{Launch, Pty, WAIT, after_last, find};

/// `relais ARGS` with every folder it could write to empty: home, XDG folders and temporary
/// folder (made under the home) and a working directory of its own.
fn launch(args: &[&str], env: &[(&str, &str)], (cols, rows): (u16, u16)) -> Pty {
    Launch::new(args)
        .home_var("XDG_DATA_HOME", "share")
        .home_var("XDG_CONFIG_HOME", "config")
        .home_var("XDG_CACHE_HOME", "cache")
        .home_var("XDG_STATE_HOME", "state")
        .home_var("XDG_RUNTIME_DIR", "runtime")
        .home_var("TMPDIR", "tmp")
        .make_dirs()
        .own_cwd()
        .envs(env)
        .size(cols, rows)
        .start()
}

/// The terminal is as the program found it, and nothing was written.
fn assert_restored(pty: &Pty) {
    pty.assert_screen_restored();
    let tail = after_last(&pty.raw, b"\x1b[?1049h");
    for (seq, what) in [
        (&b"\x1b[?1049l"[..], "alternate screen left"),
        (b"\x1b[?25h", "cursor shown"),
        (b"\x1b[?1000l", "mouse capture off"),
        (b"\x1b[?2004l", "bracketed paste off"),
    ] {
        assert!(
            find(tail, seq).is_some(),
            "{what}: {seq:?} missing after the last screen switch"
        );
    }
    pty.assert_cooked();
    assert_eq!(pty.sandbox.written(), Vec::<PathBuf>::new(), "wrote files");
}

/// Waits until the first frame of the browser is drawn, and raw mode is on.
fn started(args: &[&str], env: &[(&str, &str)], size: (u16, u16)) -> Pty {
    let mut pty = launch(args, env, size);
    pty.wait_for("the first frame", |s| s.contains("Rechercher"));
    pty.assert_raw();
    pty
}

// --- signals ----------------------------------------------------------------------------------

fn assert_signal_restores(signal: &str, number: i32) {
    let mut pty = started(&[], &[], (80, 24));
    pty.send("heberger");
    pty.wait_for("the query", |s| s.contains("heberger"));
    pty.signal(signal);
    let status = pty.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, code) if code == 128 + number),
        "{signal}: {status:?}"
    );
    assert_restored(&pty);
}

#[test]
fn sigterm_restores_the_terminal() {
    assert_signal_restores("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    assert_signal_restores("HUP", 1);
}

#[test]
fn sigint_restores_the_terminal() {
    assert_signal_restores("INT", 2);
}

#[test]
fn sigterm_during_a_presentation_restores_the_terminal() {
    let mut pty = launch(&["present", "droits-citoyens-solidaires"], &[], (80, 24));
    pty.wait_for("the first slide", |s| s.contains("1 / "));
    pty.signal("TERM");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 143)), "{status:?}");
    // The speaker-view socket is gone; its private folder in XDG_RUNTIME_DIR may stay.
    let left: Vec<PathBuf> = pty
        .sandbox
        .written()
        .into_iter()
        .filter(|p| !p.is_dir())
        .collect();
    assert_eq!(left, Vec::<PathBuf>::new(), "files left behind");
    let screen = pty.parser.screen();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
    pty.assert_cooked();
}

#[test]
fn ctrl_z_stops_with_the_terminal_restored_and_sigcont_redraws() {
    let mut pty = started(&[], &[], (80, 24));
    pty.send("froid");
    pty.wait_for("the query", |s| s.contains("froid"));
    let before = pty.raw.len();
    pty.send("\x1a");
    let start = Instant::now();
    while pty.state() != Some('T') {
        pty.pump();
        assert!(
            start.elapsed() < WAIT,
            "relais did not stop; state {:?}",
            pty.state()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    pty.pump();
    // Stopped: the shell has its terminal back.
    let given_back = &pty.raw[before..];
    assert!(
        find(given_back, b"\x1b[?1049l").is_some(),
        "alternate screen not left"
    );
    assert!(find(given_back, b"\x1b[?25h").is_some(), "cursor not shown");
    assert!(
        find(given_back, b"\x1b[?1000l").is_some(),
        "mouse capture not off"
    );
    assert!(!pty.parser.screen().alternate_screen());
    pty.assert_cooked();
    // `fg`: the shell sends SIGCONT; relais takes the terminal again and redraws.
    pty.signal("CONT");
    pty.wait_for("the redrawn screen", |s| {
        s.contains("Rechercher") && s.contains("froid")
    });
    assert!(pty.parser.screen().alternate_screen());
    pty.assert_raw();
    // Still answering keys.
    pty.send("\x7f\x7f\x7f\x7f\x7fsoins");
    pty.wait_for("a new query", |s| s.contains("soins"));
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert_restored(&pty);
}

// --- terminals --------------------------------------------------------------------------------

/// The SGR colour parameters the program sent: (code, index) for 38;5 / 48;5, or the code.
fn colours(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut out = Vec::new();
    for seq in text.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &seq[end..=end] != "m" {
            continue;
        }
        let params: Vec<&str> = seq[..end].split(';').collect();
        let mut i = 0;
        while i < params.len() {
            match params[i] {
                "38" | "48" if params.get(i + 1) == Some(&"5") => {
                    out.push(format!(
                        "{};5;{}",
                        params[i],
                        params.get(i + 2).unwrap_or(&"")
                    ));
                    i += 3;
                }
                "38" | "48" if params.get(i + 1) == Some(&"2") => {
                    out.push(format!("{};2", params[i]));
                    i += 5;
                }
                p if p
                    .parse::<u32>()
                    .is_ok_and(|n| matches!(n, 30..=37 | 40..=47 | 90..=97 | 100..=107)) =>
                {
                    out.push(p.to_owned());
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// A usable session: search bar, a search, a result and the reader, then a clean exit.
fn assert_usable(env: &[(&str, &str)], size: (u16, u16)) -> Vec<u8> {
    let mut pty = started(&[], env, size);
    pty.send("hebergeur droits");
    pty.wait_for("a result", |s| {
        s.contains("Rechercher › hebergeur droits") && s.contains("Quels sont mes droits")
    });
    pty.send("\r");
    pty.wait_for("the reader", |s| s.contains("┏ Lecture"));
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert_restored(&pty);
    pty.raw
}

#[test]
fn term_dumb_gives_a_usable_screen() {
    assert_usable(&[("TERM", "dumb")], (80, 24));
}

#[test]
fn the_linux_console_gets_sixteen_colours_at_most() {
    let raw = assert_usable(&[("TERM", "linux")], (80, 25));
    let colours = colours(&raw);
    assert!(!colours.is_empty(), "no colour at all");
    for c in &colours {
        let index: Option<u32> = c
            .strip_prefix("38;5;")
            .or_else(|| c.strip_prefix("48;5;"))
            .and_then(|n| n.parse().ok());
        assert!(
            c != "38;2" && c != "48;2",
            "true colour {c} on the Linux console"
        );
        assert!(
            index.is_none_or(|n| n < 16),
            "256-colour index {c} on the Linux console"
        );
    }
}

#[test]
fn no_color_draws_without_colour() {
    let raw = assert_usable(&[("NO_COLOR", "1")], (80, 24));
    assert_eq!(
        colours(&raw),
        Vec::<String>::new(),
        "colours despite NO_COLOR"
    );
}

#[test]
fn a_40x12_terminal_is_usable() {
    assert_usable(&[], (40, 12));
}

// --- nothing written --------------------------------------------------------------------------

#[test]
fn a_session_writes_no_file() {
    let mut pty = started(&[], &[], (100, 30));
    // Search, open, follow a link, go back, find in the answer, copy, help, themes, quit.
    pty.send("detention centre ferme");
    pty.wait_for("results", |s| {
        s.contains("détention") || s.contains("Détention")
    });
    pty.send("\r");
    pty.wait_for("the reader's key hints", |s| s.contains("← revenir"));
    for keys in [
        "1", "\x7f", "/", "centre\r", "\x0e", "\x19", "?", "\x1b", "\x14", "\x14", "\t", "\x0f",
    ] {
        pty.send(keys);
        std::thread::sleep(Duration::from_millis(100));
        pty.pump();
    }
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert_restored(&pty);
}

#[test]
fn sixty_kilobytes_pasted_at_once_do_not_hurt() {
    let mut pty = started(&[], &[], (80, 24));
    let paste = format!(
        "\x1b[200~{}\x1b[201~",
        "aide juridique\n\t\u{1b}[2J".repeat(3_000)
    );
    pty.send(&paste);
    pty.wait_for("the pasted query", |s| s.contains("aide juridique"));
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert_restored(&pty);
}
