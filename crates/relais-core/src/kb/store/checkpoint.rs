//! The numbered steps of a change to the user data directory, where tests can stop it (see
//! `tests/data_crash.rs`): each step counts, and [`PAUSE_VARIABLE`] names the one to wait at.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The steps of a change to the user data directory, for tests that stop it between any two
/// (see `checkpoint`). Only [`Step::Written`] is also given to the hook of
/// [`super::Store::install_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing written yet.
    Started,
    /// One more file of the new version is written and synced in its hidden folder.
    FileWritten,
    /// Every file and folder of the new version is synced, still hidden.
    VersionSynced,
    /// The new version is written and synced under its final name; the state is unchanged.
    Written,
    /// The new state is written and synced beside the old one, which is still in force.
    StateWritten,
    /// The new state has replaced the old one: the change is made.
    Switched,
    /// One version or leftover that the state no longer names has been removed.
    Pruned,
}

/// The environment variable that stops a data change at its Nth step (1, 2, …): the process
/// prints `relais-test-pause N STEP` on standard error and waits there until it is killed.
/// Tests use it to kill `relais data` between any two steps; nothing else sets it.
pub const PAUSE_VARIABLE: &str = "RELAIS_TEST_PAUSE_AT";

/// Marks that `step` is done. Unless [`PAUSE_VARIABLE`] names this step's number, this only
/// counts it.
pub(super) fn checkpoint(step: Step) {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed) + 1;
    let pause = std::env::var(PAUSE_VARIABLE)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok());
    if pause == Some(n) {
        eprintln!("relais-test-pause {n} {step:?}");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}
