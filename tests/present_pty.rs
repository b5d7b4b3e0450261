//! End to end in a pseudo-terminal: `relais present DECK` as a trainer drives it, and the
//! terminal given back afterwards.
#![cfg(unix)]

use std::io::Read;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

const COLS: u16 = 200;
const ROWS: u16 = 50;

struct Screen {
    session: Session,
    parser: vt100::Parser,
    raw: Vec<u8>,
}

impl Screen {
    fn start(args: &[&str]) -> Self {
        let home = std::env::temp_dir().join(format!("relais-present-pty-{}", std::process::id()));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_relais"));
        cmd.args(args)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_RUNTIME_DIR", &home)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("RELAIS_DATA");
        let mut session = Session::spawn(cmd).expect("spawn relais");
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .expect("window size");
        Self {
            session,
            parser: vt100::Parser::new(ROWS, COLS, 0),
            raw: Vec::new(),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.parser.process(&buf[..n]);
            self.raw.extend_from_slice(&buf[..n]);
        }
    }

    fn text(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `pred` holds for the screen text (generous: CI machines are slow).
    fn wait(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.pump();
            if pred(&self.text()) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    fn finish(mut self) -> Vec<u8> {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.session.is_alive().unwrap_or(false) {
            self.pump();
            assert!(Instant::now() < deadline, "relais did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
        let mut rest = Vec::new();
        let _ = self.session.read_to_end(&mut rest);
        self.raw.extend_from_slice(&rest);
        self.raw
    }
}

const PAGE_DOWN: &str = "\x1b[6~";

#[test]
fn a_trainer_presents_the_cai_session() {
    let mut s = Screen::start(&["present", "droits-citoyens-solidaires"]);
    s.wait("the first slide", |t| t.contains("1 / 6"));
    assert!(s.text().contains("Droits des citoyens solidaires"));
    s.send(PAGE_DOWN);
    s.wait("the second slide", |t| t.contains("2 / 6"));
    s.send("b");
    s.wait("a blank screen", |t| t.trim().is_empty());
    s.send("x");
    s.wait("the slide again", |t| t.contains("2 / 6"));
    s.send("q");
    let raw = s.finish();
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
