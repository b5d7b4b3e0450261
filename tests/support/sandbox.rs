//! The real `relais` run as a process in a home of its own, written once for every test
//! binary: `HOME` a folder the test owns (a temporary one), the XDG data and configuration
//! folders inside it, and nothing of the developer's shell that would change what relais reads
//! or prints (the data it would use, a key's password, the step a data change pauses at, the
//! colour settings). relais has no network code: nothing else to shut.
//!
//! Each test then adds what it is about (`--data`, `NO_COLOR=1`, a timeout…) to the command.

use std::path::Path;
use std::process::Command;

/// The variables a test run never inherits. `NO_COLOR` and `CLICOLOR_FORCE` are among them:
/// a test that wants no colour says `NO_COLOR=1` itself.
pub const NOT_INHERITED: [&str; 5] = [
    "RELAIS_DATA",
    "RELAIS_KEY_PASSWORD",
    "RELAIS_TEST_PAUSE_AT",
    "NO_COLOR",
    "CLICOLOR_FORCE",
];

/// `relais` with `home` as its `HOME` and none of [`NOT_INHERITED`], the XDG folders left to
/// the caller (the pseudo-terminal harness points each one itself).
pub fn bare(home: &Path) -> Command {
    bare_at(Path::new(env!("CARGO_BIN_EXE_relais")), home)
}

/// [`bare`] for another build of `relais` (the first-frame bench times a release binary).
pub fn bare_at(binary: &Path, home: &Path) -> Command {
    let mut cmd = Command::new(binary);
    cmd.env("HOME", home);
    for var in NOT_INHERITED {
        cmd.env_remove(var);
    }
    cmd
}

/// `relais` in the home `home`: [`bare`], with `XDG_DATA_HOME` at `home/share` (so the user
/// data directory is `home/share/relais`) and `XDG_CONFIG_HOME` at `home/config` (the trusted
/// keys).
pub fn relais(home: &Path) -> Command {
    let mut cmd = bare(home);
    cmd.env("XDG_DATA_HOME", home.join("share"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    cmd
}

/// [`relais`] as an `assert_cmd` command, for `.assert()`, `.timeout()` and `.write_stdin()`.
pub fn assert_relais(home: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(relais(home))
}
