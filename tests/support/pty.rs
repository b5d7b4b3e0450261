//! Shared by the pseudo-terminal tests: the real `relais` started in a pty, in temporary folders
//! of its own, its output fed to a vt100 emulator that answers cursor-position queries as a
//! terminal does; keys, signals, the pty's modes read with `stty`, and the files a session left.
//!
//! The screen is polled rather than waited for with fixed sleeps, with generous timeouts: the
//! test machines are small.

#![allow(dead_code)] // each test file uses a different part of it

use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::{Session, WaitStatus};

/// How long a screen, a state or an exit is waited for.
pub const WAIT: Duration = Duration::from_secs(30);

/// The folders a session could write to, all empty at the start.
pub struct Sandbox {
    pub home: tempfile::TempDir,
    /// The working directory, when it is not the home.
    cwd: Option<tempfile::TempDir>,
    /// The folders the test made itself: not the program's doing.
    made_here: Vec<PathBuf>,
}

impl Sandbox {
    /// The program's working directory.
    pub fn cwd(&self) -> &Path {
        self.cwd.as_ref().unwrap_or(&self.home).path()
    }

    /// Every file and folder under the home (XDG folders and TMPDIR live there) and the cwd,
    /// less the folders the test made.
    pub fn written(&self) -> Vec<PathBuf> {
        let mut out = files_under(self.home.path());
        if let Some(cwd) = &self.cwd {
            out.extend(files_under(cwd.path()));
        }
        out.retain(|p| !self.made_here.contains(p));
        out
    }
}

/// How `relais` is started: `Launch::new(args)`, then what differs from the defaults, then
/// `start()`.
pub struct Launch {
    args: Vec<String>,
    /// Set (`Some`) or removed (`None`) after the defaults, in order.
    env: Vec<(String, Option<String>)>,
    /// Variables pointing into the home: the name and the folder ("" for the home itself).
    home_vars: Vec<(String, String)>,
    size: (u16, u16),
    own_cwd: bool,
    make_dirs: bool,
}

impl Launch {
    /// `relais ARGS` at 80x24, with `TERM=xterm-256color`, without `NO_COLOR`, `RELAIS_DATA`
    /// and the rest of `sandbox::NOT_INHERITED`, its `HOME` a fresh temporary folder that is
    /// also its working directory.
    pub fn new(args: &[&str]) -> Self {
        Self {
            args: args.iter().map(|&a| a.to_owned()).collect(),
            env: Vec::new(),
            home_vars: Vec::new(),
            size: (80, 24),
            own_cwd: false,
            make_dirs: false,
        }
    }

    /// Points `var` at `folder` under the home ("" for the home itself).
    pub fn home_var(mut self, var: &str, folder: &str) -> Self {
        self.home_vars.push((var.to_owned(), folder.to_owned()));
        self
    }

    /// Creates the folders of `home_var` before the start (they do not count as written).
    pub fn make_dirs(mut self) -> Self {
        self.make_dirs = true;
        self
    }

    /// Starts in a temporary working directory of its own, not in the home.
    pub fn own_cwd(mut self) -> Self {
        self.own_cwd = true;
        self
    }

    /// Sets `var`, over the defaults.
    pub fn env(mut self, var: &str, value: &str) -> Self {
        self.env.push((var.to_owned(), Some(value.to_owned())));
        self
    }

    /// Sets each variable, over the defaults.
    pub fn envs(self, vars: &[(&str, &str)]) -> Self {
        vars.iter().fold(self, |launch, (k, v)| launch.env(k, v))
    }

    /// Removes `var` from the program's environment.
    pub fn env_remove(mut self, var: &str) -> Self {
        self.env.push((var.to_owned(), None));
        self
    }

    /// The window size, in columns and rows.
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.size = (cols, rows);
        self
    }

    /// Spawns `relais` in a pseudo-terminal (returning once it has started running).
    pub fn start(self) -> Pty {
        let home = tempfile::tempdir().expect("temp dir");
        let cwd = self.own_cwd.then(|| tempfile::tempdir().expect("temp dir"));
        let mut made_here = Vec::new();
        let mut cmd = super::sandbox::bare(home.path());
        cmd.args(&self.args);
        for (var, folder) in &self.home_vars {
            let dir = home.path().join(folder);
            if self.make_dirs && !folder.is_empty() {
                std::fs::create_dir(&dir).expect("mkdir");
                made_here.push(dir.clone());
            }
            cmd.env(var, dir);
        }
        cmd.env("TERM", "xterm-256color");
        for (var, value) in &self.env {
            match value {
                Some(value) => cmd.env(var, value),
                None => cmd.env_remove(var),
            };
        }
        let sandbox = Sandbox {
            home,
            cwd,
            made_here,
        };
        cmd.current_dir(sandbox.cwd());
        let mut session = Session::spawn(cmd).expect("spawn relais in a pty");
        let (cols, rows) = self.size;
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("window size");
        // The spawn returns once the program runs, its standard input already the pty.
        let pid = session.get_process().pid();
        let device = std::fs::read_link(format!("/proc/{pid}/fd/0")).ok();
        Pty {
            session,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            device,
            sandbox,
        }
    }
}

/// A running `relais` in a pseudo-terminal, with everything it printed.
pub struct Pty {
    pub session: Session,
    pub parser: vt100::Parser,
    /// Every byte the program printed.
    pub raw: Vec<u8>,
    /// The pty's device (`/dev/pts/N`, from /proc), to read its modes with `stty`.
    device: Option<PathBuf>,
    pub sandbox: Sandbox,
}

impl Pty {
    /// Reads whatever the program printed so far, answering cursor-position queries as a
    /// real terminal does (ratatui asks for it when it clears the screen after `fg`).
    pub fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let from = self.raw.len().saturating_sub(3);
                    self.raw.extend_from_slice(&buf[..n]);
                    for _ in 0..count(&self.raw[from..], b"\x1b[6n") {
                        let (row, col) = self.parser.screen().cursor_position();
                        self.send(&format!("\x1b[{};{}R", row + 1, col + 1));
                    }
                    self.parser.process(&buf[..n]);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                // EIO: the program exited and the pty closed.
                Err(_) => break,
            }
        }
    }

    /// True while the program runs (a stopped program still runs).
    pub fn running(&self) -> bool {
        matches!(
            self.session.get_process().status(),
            Ok(WaitStatus::StillAlive | WaitStatus::Stopped(..) | WaitStatus::Continued(_))
        )
    }

    /// The screen as text, no-break spaces (French typography) read as spaces.
    pub fn contents(&self) -> String {
        self.parser.screen().contents().replace('\u{A0}', " ")
    }

    /// Polls the screen until `ready` holds for its text (as [`Pty::contents`] gives it); fails
    /// with the screen when it never does.
    pub fn wait_for(&mut self, what: &str, ready: impl Fn(&str) -> bool) {
        self.wait_for_screen(what, |screen| {
            ready(&screen.contents().replace('\u{A0}', " "))
        });
    }

    /// Polls the emulator's screen until `ready` holds; fails with the screen when it never does.
    pub fn wait_for_screen(&mut self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if ready(self.parser.screen()) {
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

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
        self.session.flush().expect("flush");
    }

    /// Resizes the window and the emulator's screen (the program learns of it by SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("resize");
        self.parser.screen_mut().set_size(rows, cols);
    }

    pub fn pid(&self) -> String {
        self.session.get_process().pid().to_string()
    }

    /// Sends the signal `name` (`TERM`, `HUP`, …) with `kill`.
    pub fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &self.pid()])
            .status()
            .expect("run kill")
            .success();
        assert!(ok, "kill -{name}");
    }

    /// The process state letter from /proc (`T` when stopped).
    pub fn state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).ok()?;
        // "pid (comm) S ...": the state follows the closing parenthesis.
        stat.rsplit_once(") ")
            .and_then(|(_, rest)| rest.chars().next())
    }

    /// Waits for the program to end, reading its last output.
    pub fn wait_exit(&mut self) -> WaitStatus {
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
    pub fn stty(&self) -> String {
        let device = self.device.as_ref().expect("the pty device, from /proc");
        let out = Command::new("stty")
            .arg("-F")
            .arg(device)
            .arg("-a")
            .output()
            .expect("run stty");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Raw mode is off: the modes it clears are back (the pty starts with `-echo`, set by the
    /// test harness, so echo is not one of them).
    pub fn assert_cooked(&self) {
        let modes = self.stty();
        let words: Vec<&str> = modes.split_whitespace().collect();
        for mode in ["icanon", "isig", "iexten", "icrnl", "ixon", "opost"] {
            assert!(
                words.contains(&mode),
                "{mode} still off after relais: {modes}"
            );
        }
    }

    pub fn assert_raw(&self) {
        let modes = self.stty();
        assert!(
            modes.split_whitespace().any(|w| w == "-icanon"),
            "not in raw mode: {modes}"
        );
    }

    /// The emulator is out of the alternate screen, shows the cursor and captures no mouse.
    pub fn assert_screen_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse still captured"
        );
    }
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// What follows the last `needle` (everything when it never occurs).
pub fn after_last<'a>(haystack: &'a [u8], needle: &[u8]) -> &'a [u8] {
    rfind(haystack, needle).map_or(haystack, |i| &haystack[i..])
}

/// Every file and folder under `dir`, deepest first.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
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
