//! One writer at a time in the user data directory: every `relais data` change holds an
//! exclusive advisory lock on a file of that directory for as long as it runs. The system drops
//! the lock when the process ends, however it ends (a kill, a crash, a power cut), so a lock is
//! never left behind.
//!
//! Leftovers of changes carry the number of the process that wrote them (`.tmp-NAME-PID`,
//! `.state.tmp-PID`); [`is_stale`] tells which of them the lock holder may remove.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

/// The lock file, in the user data directory. It stays there, empty, between changes.
pub const LOCK: &str = ".verrou";

/// How long a change waits for another one to finish before giving up.
pub const WAIT: Duration = Duration::from_secs(5);

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another change held the lock for all of [`WAIT`].
    Busy,
    /// The lock file could not be opened or locked.
    Io(io::Error),
}

/// The lock, held until dropped.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

impl DataLock {
    /// Takes the lock of the user data directory `root` (created if needed), waiting up to
    /// `wait` for another change to end.
    ///
    /// # Errors
    /// [`LockError::Busy`] when another change still holds it after `wait`; [`LockError::Io`]
    /// when the folder or the lock file cannot be created.
    pub fn acquire(root: &Path, wait: Duration) -> Result<Self, LockError> {
        fs::create_dir_all(root).map_err(LockError::Io)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(LOCK))
            .map_err(LockError::Io)?;
        let deadline = Instant::now() + wait;
        loop {
            match fs4::fs_std::FileExt::try_lock_exclusive(&file) {
                Ok(true) => return Ok(Self { _file: file }),
                Ok(false) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Ok(false) => return Err(LockError::Busy),
                Err(err) => return Err(LockError::Io(err)),
            }
        }
    }
}

/// True when a leftover named `name` may be removed by the lock holder: it belongs to this
/// process, carries no process number (written before the lock existed), or carries the number
/// of a process that is no longer running. A leftover of a running process is kept: it can only
/// be a program that does not take the lock (an older relais), still at work.
#[must_use]
pub fn is_stale(name: &str) -> bool {
    match owner(name) {
        None => true,
        Some(pid) => pid == std::process::id() || !is_running(pid),
    }
}

/// The process number at the end of a leftover's name (`…-PID`).
#[must_use]
pub fn owner(name: &str) -> Option<u32> {
    let (_, tail) = name.rsplit_once("-p")?;
    tail.parse().ok()
}

/// The suffix that marks a leftover as written by this process.
#[must_use]
pub fn own_suffix() -> String {
    format!("-p{}", std::process::id())
}

/// Whether process `pid` is running. Where `/proc` is missing, every process counts as running,
/// so nothing of another process is ever removed there.
fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_are_read_from_the_end_of_the_name() {
        assert_eq!(owner(".tmp-20260101-000000-p42"), Some(42));
        assert_eq!(owner(".state.tmp-p7"), Some(7));
        assert_eq!(owner(".tmp-20260101-000000"), None);
        assert!(is_stale(".tmp-20260101-000000"));
        assert!(is_stale(&format!(".tmp-x{}", own_suffix())));
    }

    #[test]
    fn a_second_lock_waits_then_gives_up() {
        let dir = tempfile::tempdir().expect("dir");
        let held = DataLock::acquire(dir.path(), WAIT).expect("first");
        let second = DataLock::acquire(dir.path(), Duration::from_millis(200));
        assert!(matches!(second, Err(LockError::Busy)), "{second:?}");
        drop(held);
        assert!(DataLock::acquire(dir.path(), Duration::from_millis(200)).is_ok());
    }
}
