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

use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::{Session, WaitStatus};

const WAIT: Duration = Duration::from_secs(30);

/// The folders a session could write to, all empty at the start.
struct Sandbox {
    home: tempfile::TempDir,
    cwd: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        Self {
            home: tempfile::tempdir().expect("temp dir"),
            cwd: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// Every file and folder under the home (XDG folders and TMPDIR live there) and the cwd.
    fn written(&self) -> Vec<PathBuf> {
        let mut out = files_under(self.home.path());
        out.extend(files_under(self.cwd.path()));
        // The folders this test made itself are not the program's doing.
        out.retain(|p| !self.made_here().contains(p));
        out
    }

    fn made_here(&self) -> Vec<PathBuf> {
        ["share", "config", "cache", "state", "runtime", "tmp"]
            .iter()
            .map(|d| self.home.path().join(d))
            .collect()
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        }
        out.push(path);
    }
    out
}

/// A running `relais` in a pseudo-terminal.
struct Pty {
    session: Session,
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The pty's device (`/dev/pts/N`), to read its modes with `stty`.
    device: PathBuf,
    sandbox: Sandbox,
}

impl Pty {
    fn start(args: &[&str], env: &[(&str, &str)], (cols, rows): (u16, u16)) -> Self {
        let sandbox = Sandbox::new();
        for dir in sandbox.made_here() {
            std::fs::create_dir(&dir).expect("mkdir");
        }
        let home = sandbox.home.path();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_relais"));
        cmd.args(args)
            .current_dir(sandbox.cwd.path())
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("share"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_RUNTIME_DIR", home.join("runtime"))
            .env("TMPDIR", home.join("tmp"))
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("RELAIS_DATA");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut session = Session::spawn(cmd).expect("spawn relais in a pty");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("window size");
        let pid = session.get_process().pid().to_string();
        let device = std::fs::read_link(format!("/proc/{pid}/fd/0")).expect("the pty device");
        Self {
            session,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            device,
            sandbox,
        }
    }

    /// Reads what the program printed, answering cursor-position queries as a terminal does.
    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let from = self.raw.len().saturating_sub(3);
                    self.raw.extend_from_slice(&buf[..n]);
                    let asks = self.raw[from..]
                        .windows(4)
                        .filter(|w| *w == b"\x1b[6n")
                        .count();
                    for _ in 0..asks {
                        let (row, col) = self.parser.screen().cursor_position();
                        self.send(&format!("\x1b[{};{}R", row + 1, col + 1));
                    }
                    self.parser.process(&buf[..n]);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(_) => break,
            }
        }
    }

    fn contents(&self) -> String {
        self.parser.screen().contents().replace('\u{A0}', " ")
    }

    fn wait_for(&mut self, what: &str, ready: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if ready(&self.contents()) {
                return;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
        self.session.flush().expect("flush");
    }

    fn pid(&self) -> String {
        self.session.get_process().pid().to_string()
    }

    fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &self.pid()])
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name}");
    }

    /// The process state letter from /proc (`T` when stopped).
    fn state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // "pid (comm) S ...": the state follows the closing parenthesis.
        stat.rsplit_once(") ")
            .and_then(|(_, rest)| rest.chars().next())
    }

    fn wait_exit(&mut self) -> WaitStatus {
        let start = Instant::now();
        loop {
            self.pump();
            let status = self.session.get_process().status().expect("process status");
            if !matches!(
                status,
                WaitStatus::StillAlive | WaitStatus::Stopped(..) | WaitStatus::Continued(_)
            ) {
                self.pump();
                return status;
            }
            assert!(
                start.elapsed() < WAIT,
                "relais did not exit; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The pty's modes as `stty -a` prints them.
    fn stty(&self) -> String {
        let out = Command::new("stty")
            .arg("-F")
            .arg(&self.device)
            .arg("-a")
            .output()
            .expect("run stty");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Raw mode is off: the modes it clears are back (the pty starts with `-echo`, set by the
    /// test harness, so echo is not one of them).
    fn assert_cooked(&self) {
        let modes = self.stty();
        let words: Vec<&str> = modes.split_whitespace().collect();
        for mode in ["icanon", "isig", "iexten", "icrnl", "ixon", "opost"] {
            assert!(
                words.contains(&mode),
                "{mode} still off after relais: {modes}"
            );
        }
    }

    fn assert_raw(&self) {
        let modes = self.stty();
        assert!(
            modes.split_whitespace().any(|w| w == "-icanon"),
            "not in raw mode: {modes}"
        );
    }

    /// The terminal is as the program found it, and nothing was written.
    fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse still captured"
        );
        let tail = after_last(&self.raw, b"\x1b[?1049h");
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
        self.assert_cooked();
        assert_eq!(self.sandbox.written(), Vec::<PathBuf>::new(), "wrote files");
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// What follows the last `needle` (everything when it never occurs).
fn after_last<'a>(haystack: &'a [u8], needle: &[u8]) -> &'a [u8] {
    haystack
        .windows(needle.len())
        .rposition(|w| w == needle)
        .map_or(haystack, |i| &haystack[i..])
}

/// Waits until the first frame of the browser is drawn, and raw mode is on.
fn started(args: &[&str], env: &[(&str, &str)], size: (u16, u16)) -> Pty {
    let mut pty = Pty::start(args, env, size);
    pty.wait_for("the first frame", |s| s.contains("Rechercher"));
    pty.assert_raw();
    pty
}

// --- signals ----------------------------------------------------------------------------------

fn assert_signal_restores(signal: &str) {
    let mut pty = started(&[], &[], (80, 24));
    pty.send("heberger");
    pty.wait_for("the query", |s| s.contains("heberger"));
    pty.signal(signal);
    let status = pty.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, 0)),
        "{signal}: {status:?}"
    );
    pty.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    assert_signal_restores("TERM");
}

#[test]
fn sighup_restores_the_terminal() {
    assert_signal_restores("HUP");
}

#[test]
fn sigint_restores_the_terminal() {
    assert_signal_restores("INT");
}

#[test]
fn sigterm_during_a_presentation_restores_the_terminal() {
    let mut pty = Pty::start(&["present", "droits-citoyens-solidaires"], &[], (80, 24));
    pty.wait_for("the first slide", |s| s.contains("1 / 6"));
    pty.signal("TERM");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
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
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    pty.assert_restored();
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
    pty.wait_for("the reader", |s| s.contains("En bref"));
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    pty.assert_restored();
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
        assert!(!c.ends_with(";2"), "true colour {c} on the Linux console");
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
    pty.wait_for("the reader's key hints", |s| s.contains("0…9"));
    for keys in [
        "1", "\x7f", "/", "centre\r", "n", "y", "?", "\x1b", "t", "t", "\t", "c",
    ] {
        pty.send(keys);
        std::thread::sleep(Duration::from_millis(100));
        pty.pump();
    }
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    pty.assert_restored();
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
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    pty.assert_restored();
}
