//! Keeps a speaker view (`relais present DECK --notes`) on the slide the trainer shows, through
//! a Unix domain socket in the user's runtime directory. Local only: nothing leaves the
//! machine. The presenting instance listens and sends one line per change
//! (`slide page entry-or--`); speaker views connect and follow. Elsewhere than Unix the speaker
//! view is not available (said in `relais present --help`).

use std::path::PathBuf;

/// Where the socket of a deck lives: `$XDG_RUNTIME_DIR/relais/` (private to the user), else a
/// private folder in the temporary directory.
#[must_use]
pub fn socket_path(deck: &str) -> PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR").map_or_else(
        || {
            let user = std::env::var("USER").unwrap_or_else(|_| "relais".to_owned());
            std::env::temp_dir().join(format!("relais-{user}"))
        },
        |d| PathBuf::from(d).join("relais"),
    );
    let safe: String = deck
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    base.join(format!("present-{safe}.sock"))
}

/// A position in a deck as sent on the socket: where the projector is, how many pages its
/// slide has there, the presenter's elapsed time and whether the screen is blanked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    pub slide: usize,
    pub page: usize,
    pub detour: Option<String>,
    /// Pages of the slide on the projector's screen.
    pub pages: usize,
    /// Seconds since the presentation started.
    pub elapsed: u64,
    /// `b` black, `w` white, `None` the slide is shown.
    pub blank: Option<char>,
}

impl Position {
    #[must_use]
    pub fn encode(&self) -> String {
        format!(
            "{} {} {} {} {} {}\n",
            self.slide,
            self.page,
            self.detour.as_deref().unwrap_or("-"),
            self.pages,
            self.elapsed,
            self.blank.unwrap_or('-')
        )
    }

    /// Reads a line written by [`Position::encode`]; the fields after the detour are optional.
    #[must_use]
    pub fn decode(line: &str) -> Option<Self> {
        let mut parts = line.split_whitespace();
        let slide = parts.next()?.parse().ok()?;
        let page = parts.next()?.parse().ok()?;
        let detour = parts.next().filter(|d| *d != "-").map(str::to_owned);
        let pages = parts.next().and_then(|p| p.parse().ok()).unwrap_or(1);
        let elapsed = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        let blank = parts
            .next()
            .and_then(|b| b.chars().next())
            .filter(|c| matches!(c, 'b' | 'w'));
        Some(Self {
            slide,
            page,
            detour,
            pages,
            elapsed,
            blank,
        })
    }
}

/// What a speaker view asks the presenter to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Next,
    Previous,
    Black,
    White,
    Unblank,
}

impl Command {
    const WORDS: [(&'static str, Self); 5] = [
        ("next", Self::Next),
        ("prev", Self::Previous),
        ("black", Self::Black),
        ("white", Self::White),
        ("unblank", Self::Unblank),
    ];

    #[must_use]
    pub fn encode(self) -> String {
        let word = Self::WORDS
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(w, _)| *w);
        format!("cmd {word}\n")
    }

    #[must_use]
    pub fn decode(line: &str) -> Option<Self> {
        let word = line.trim().strip_prefix("cmd ")?;
        Self::WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, c)| *c)
    }
}

/// Who presents, as the speaker view names it: the process and its terminal.
#[must_use]
pub fn presenter_name() -> String {
    let tty = std::fs::read_link("/proc/self/fd/0")
        .ok()
        .map(|p| p.display().to_string())
        .filter(|p| p.starts_with("/dev/"));
    match tty {
        Some(tty) => format!("processus {}, terminal {tty}", std::process::id()),
        None => format!("processus {}", std::process::id()),
    }
}

#[cfg(unix)]
mod imp {
    use std::io::{self, BufRead, BufReader, Read, Write};
    use std::os::unix::fs::DirBuilderExt;
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::{Path, PathBuf};

    use super::{Command, Position};

    /// The presenting side: accepts speaker views, tells them where the deck is and takes
    /// their commands.
    pub struct Leader {
        listener: UnixListener,
        clients: Vec<Client>,
        last: Option<Position>,
        path: PathBuf,
        hello: String,
    }

    struct Client {
        stream: UnixStream,
        /// What it sent that is not a whole line yet.
        pending: Vec<u8>,
    }

    impl Leader {
        /// Listens on `path`, replacing a stale socket left by a crashed session.
        ///
        /// # Errors
        /// The folder or the socket cannot be created (another presenter is running, or the
        /// folder is not writable).
        pub fn bind(path: &Path) -> io::Result<Self> {
            if let Some(dir) = path.parent() {
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(dir)?;
            }
            if UnixStream::connect(path).is_ok() {
                return Err(io::Error::new(
                    io::ErrorKind::AddrInUse,
                    "une autre présentation de ce parcours est déjà en cours",
                ));
            }
            let _ = std::fs::remove_file(path);
            let listener = UnixListener::bind(path)?;
            listener.set_nonblocking(true)?;
            Ok(Self {
                listener,
                clients: Vec::new(),
                last: None,
                path: path.to_path_buf(),
                hello: format!("hello {}\n", super::presenter_name()),
            })
        }

        /// Accepts waiting speaker views and sends `pos` to everyone if it changed (or is new
        /// to them).
        pub fn publish(&mut self, pos: &Position) {
            while let Ok((stream, _)) = self.listener.accept() {
                let _ = stream.set_nonblocking(true);
                let mut stream = stream;
                let greeting = format!("{}{}", self.hello, pos.encode());
                if stream.write_all(greeting.as_bytes()).is_ok() {
                    self.clients.push(Client {
                        stream,
                        pending: Vec::new(),
                    });
                }
            }
            if self.last.as_ref() != Some(pos) {
                let line = pos.encode();
                self.clients
                    .retain_mut(|c| c.stream.write_all(line.as_bytes()).is_ok());
                self.last = Some(pos.clone());
            }
        }

        /// The commands the speaker views sent since the last call.
        pub fn commands(&mut self) -> Vec<Command> {
            let mut out = Vec::new();
            let mut buf = [0u8; 256];
            self.clients.retain_mut(|c| {
                loop {
                    match c.stream.read(&mut buf) {
                        Ok(0) => break false,
                        Ok(n) => c.pending.extend_from_slice(&buf[..n]),
                        Err(e) if e.kind() == io::ErrorKind::WouldBlock => break true,
                        Err(_) => break false,
                    }
                    // A speaker view sends a few short lines; anything else is not one.
                    if c.pending.len() > 4096 {
                        break false;
                    }
                }
            });
            for c in &mut self.clients {
                while let Some(end) = c.pending.iter().position(|&b| b == b'\n') {
                    let line: Vec<u8> = c.pending.drain(..=end).collect();
                    out.extend(Command::decode(&String::from_utf8_lossy(&line)));
                }
            }
            out
        }
    }

    impl Drop for Leader {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.path);
        }
    }

    /// The speaker view's side: connects (and reconnects) to the presenter.
    pub struct Follower {
        path: PathBuf,
        reader: Option<BufReader<UnixStream>>,
        presenter: Option<String>,
    }

    impl Follower {
        #[must_use]
        pub fn new(path: &Path) -> Self {
            Self {
                path: path.to_path_buf(),
                reader: None,
                presenter: None,
            }
        }

        /// Who presents, while connected.
        #[must_use]
        pub fn presenter(&self) -> Option<&str> {
            self.reader.as_ref().and(self.presenter.as_deref())
        }

        /// Asks the presenter to do `cmd`; false when no presenter is connected.
        pub fn send(&mut self, cmd: Command) -> bool {
            let Some(reader) = self.reader.as_mut() else {
                return false;
            };
            if reader.get_mut().write_all(cmd.encode().as_bytes()).is_ok() {
                return true;
            }
            self.reader = None;
            false
        }

        /// The newest position received, if any.
        pub fn poll(&mut self) -> Option<Position> {
            if self.reader.is_none() {
                let stream = UnixStream::connect(&self.path).ok()?;
                stream.set_nonblocking(true).ok()?;
                self.reader = Some(BufReader::new(stream));
                self.presenter = None;
            }
            let reader = self.reader.as_mut()?;
            let mut newest = None;
            let mut line = String::new();
            loop {
                line.clear();
                match reader.read_line(&mut line) {
                    Ok(0) => {
                        self.reader = None;
                        break;
                    }
                    Ok(_) if line.starts_with("hello ") => {
                        self.presenter = Some(line["hello ".len()..].trim().to_owned());
                    }
                    Ok(_) => newest = Position::decode(&line).or(newest),
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(_) => {
                        self.reader = None;
                        break;
                    }
                }
            }
            newest
        }
    }
}

#[cfg(unix)]
pub use imp::{Follower, Leader};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_commands_round_trip() {
        let p = Position {
            slide: 2,
            page: 1,
            detour: Some("gale".into()),
            pages: 3,
            elapsed: 125,
            blank: Some('b'),
        };
        assert_eq!(Position::decode(&p.encode()), Some(p));
        assert_eq!(
            Position::decode("0 0 -\n"),
            Some(Position {
                pages: 1,
                ..Position::default()
            })
        );
        assert_eq!(Position::decode("garbage"), None);
        for c in [
            Command::Next,
            Command::Previous,
            Command::Black,
            Command::White,
            Command::Unblank,
        ] {
            assert_eq!(Command::decode(&c.encode()), Some(c));
        }
        assert_eq!(Command::decode("cmd quit\n"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_follower_sees_what_the_leader_shows_and_drives_it() {
        let dir = std::env::temp_dir().join(format!("relais-sync-test-{}", std::process::id()));
        let path = dir.join("s.sock");
        let mut leader = Leader::bind(&path).expect("bind");
        assert!(
            Leader::bind(&path).is_err(),
            "a second presenter is refused"
        );
        let mut follower = Follower::new(&path);
        assert_eq!(follower.poll(), None);
        let pos = Position {
            slide: 3,
            pages: 2,
            ..Position::default()
        };
        let mut seen = None;
        for _ in 0..50 {
            leader.publish(&pos);
            seen = follower.poll().or(seen);
            if seen.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(seen, Some(pos));
        let me = std::process::id().to_string();
        assert!(follower.presenter().is_some_and(|p| p.contains(&me)));
        assert!(follower.send(Command::Next));
        assert!(follower.send(Command::Black));
        let mut got = Vec::new();
        for _ in 0..50 {
            got.extend(leader.commands());
            if got.len() == 2 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(got, [Command::Next, Command::Black]);
        drop(leader);
        let _ = std::fs::remove_dir_all(dir);
    }
}
