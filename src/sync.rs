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

/// A position in a deck as sent on the socket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub slide: usize,
    pub page: usize,
    pub detour: Option<String>,
}

impl Position {
    #[must_use]
    pub fn encode(&self) -> String {
        format!(
            "{} {} {}\n",
            self.slide,
            self.page,
            self.detour.as_deref().unwrap_or("-")
        )
    }

    #[must_use]
    pub fn decode(line: &str) -> Option<Self> {
        let mut parts = line.split_whitespace();
        let slide = parts.next()?.parse().ok()?;
        let page = parts.next()?.parse().ok()?;
        let detour = parts.next().filter(|d| *d != "-").map(str::to_owned);
        Some(Self {
            slide,
            page,
            detour,
        })
    }
}

#[cfg(unix)]
mod imp {
    use std::io::{self, BufRead, BufReader, Write};
    use std::os::unix::fs::DirBuilderExt;
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::{Path, PathBuf};

    use super::Position;

    /// The presenting side: accepts speaker views and tells them where the deck is.
    pub struct Leader {
        listener: UnixListener,
        clients: Vec<UnixStream>,
        last: Option<Position>,
        path: PathBuf,
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
            })
        }

        /// Accepts waiting speaker views and sends `pos` to everyone if it changed (or is new
        /// to them).
        pub fn publish(&mut self, pos: &Position) {
            while let Ok((stream, _)) = self.listener.accept() {
                let _ = stream.set_nonblocking(true);
                let mut stream = stream;
                if stream.write_all(pos.encode().as_bytes()).is_ok() {
                    self.clients.push(stream);
                }
            }
            if self.last.as_ref() != Some(pos) {
                let line = pos.encode();
                self.clients
                    .retain_mut(|c| c.write_all(line.as_bytes()).is_ok());
                self.last = Some(pos.clone());
            }
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
    }

    impl Follower {
        #[must_use]
        pub fn new(path: &Path) -> Self {
            Self {
                path: path.to_path_buf(),
                reader: None,
            }
        }

        /// The newest position received, if any.
        pub fn poll(&mut self) -> Option<Position> {
            if self.reader.is_none() {
                let stream = UnixStream::connect(&self.path).ok()?;
                stream.set_nonblocking(true).ok()?;
                self.reader = Some(BufReader::new(stream));
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
    fn positions_round_trip() {
        let p = Position {
            slide: 2,
            page: 1,
            detour: Some("gale".into()),
        };
        assert_eq!(Position::decode(&p.encode()), Some(p));
        assert_eq!(
            Position::decode("0 0 -\n"),
            Some(Position {
                slide: 0,
                page: 0,
                detour: None
            })
        );
        assert_eq!(Position::decode("garbage"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_follower_sees_what_the_leader_shows() {
        let dir = std::env::temp_dir().join(format!("relais-sync-test-{}", std::process::id()));
        let path = dir.join("s.sock");
        let mut leader = Leader::bind(&path).expect("bind");
        let mut follower = Follower::new(&path);
        assert_eq!(follower.poll(), None);
        let pos = Position {
            slide: 3,
            page: 0,
            detour: None,
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
        drop(leader);
        let _ = std::fs::remove_dir_all(dir);
    }
}
