//! The installed data in the user data directory, managed by `relais data`: installs,
//! backup, restore and reset, each switched by one atomic rename.
//!
//! Layout under the user data directory (`~/.local/share/relais` on Linux):
//!
//! ```text
//! installs/<name>/…yaml   each installed version: a copy of the validated files
//! state                   "current: <name>" and "backup: <name>", one per line
//! ```
//!
//! A new version is written into a hidden folder beside the others, synced, renamed to its
//! final name, and only then made current by writing a new `state` beside the old one, syncing
//! it and renaming it over the old one. A failure at any step before that last rename leaves
//! the previous data active and untouched; readers see the old state or the new one, never a
//! mix. Versions that the state no longer names are removed afterwards.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::SourceFile;

/// The folder of installed versions, under the user data directory.
pub const INSTALLS: &str = "installs";
/// The file naming the current and backup versions.
pub const STATE: &str = "state";

/// Why the user data directory could not be changed. Nothing was switched when this is
/// returned: the previous data is still the active one.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("aucune sauvegarde à restaurer")]
    NoBackup,
    #[error("aucune donnée installée : les données intégrées sont déjà utilisées")]
    NothingInstalled,
}

/// Which versions the state names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub current: Option<String>,
    pub backup: Option<String>,
}

/// The steps of a change to the user data directory, for tests that stop it between any two
/// (see [`checkpoint`]). Only [`Step::Written`] is also given to the hook of
/// [`Store::install_with`].
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
fn checkpoint(step: Step) {
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

/// The user data directory and the versions installed in it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Store {
    /// The store rooted at the user data directory `root` (which need not exist yet).
    #[must_use]
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The user data directory.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The state on disk; a missing or unreadable state names nothing.
    #[must_use]
    pub fn state(&self) -> State {
        let text = fs::read_to_string(self.root.join(STATE)).unwrap_or_default();
        let mut state = State::default();
        for line in text.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = Some(value.trim().to_owned()).filter(|v| is_version_name(v));
            match key.trim() {
                "current" => state.current = value,
                "backup" => state.backup = value,
                _ => {}
            }
        }
        state
    }

    /// The folder of an installed version.
    #[must_use]
    pub fn version_dir(&self, name: &str) -> PathBuf {
        self.root.join(INSTALLS).join(name)
    }

    /// The folder of the current version, if one is installed.
    #[must_use]
    pub fn current(&self) -> Option<PathBuf> {
        self.state().current.map(|n| self.version_dir(&n))
    }

    /// The folder of the backup version, if there is one.
    #[must_use]
    pub fn backup(&self) -> Option<PathBuf> {
        self.state().backup.map(|n| self.version_dir(&n))
    }

    /// Installs `files` (already validated) as the new current version; the current one
    /// becomes the backup. `base` is the path they were read from, to keep their names and
    /// sub-folders. Returns the new version's folder.
    ///
    /// # Errors
    /// Any failed write; the previous data then stays active.
    pub fn install(&self, base: &Path, files: &[SourceFile]) -> Result<PathBuf, StoreError> {
        self.install_with(base, files, &mut |_| Ok(()))
    }

    /// [`Store::install`], calling `hook` at each [`Step`]; an error from the hook stops the
    /// install there, as a crash or a full disk would.
    ///
    /// # Errors
    /// Any failed write or hook; the previous data then stays active.
    pub fn install_with(
        &self,
        base: &Path,
        files: &[SourceFile],
        hook: &mut dyn FnMut(Step) -> io::Result<()>,
    ) -> Result<PathBuf, StoreError> {
        self.install_sealed_with(base, files, &[], hook)
    }

    /// [`Store::install`], with `extras` (plain file names and bytes: the manifest and the
    /// signature of a pack) written beside the data in the new version, in the same atomic
    /// switch.
    ///
    /// # Errors
    /// Any failed write; the previous data then stays active.
    pub fn install_sealed(
        &self,
        base: &Path,
        files: &[SourceFile],
        extras: &[(&str, &[u8])],
    ) -> Result<PathBuf, StoreError> {
        self.install_sealed_with(base, files, extras, &mut |_| Ok(()))
    }

    fn install_sealed_with(
        &self,
        base: &Path,
        files: &[SourceFile],
        extras: &[(&str, &[u8])],
        hook: &mut dyn FnMut(Step) -> io::Result<()>,
    ) -> Result<PathBuf, StoreError> {
        checkpoint(Step::Started);
        let installs = self.root.join(INSTALLS);
        fs::create_dir_all(&installs).map_err(io_err(&installs))?;
        let name = self.fresh_name();
        let staging = installs.join(format!(".tmp-{name}"));
        let dir = installs.join(&name);
        let written = write_version(&staging, base, files, extras)
            .and_then(|()| rename_synced(&staging, &dir, &installs))
            .and_then(|()| {
                checkpoint(Step::Written);
                hook(Step::Written).map_err(io_err(&dir))
            });
        if let Err(err) = written {
            // Best effort: what is left is also removed by the next successful change.
            let _ = fs::remove_dir_all(&staging);
            let _ = fs::remove_dir_all(&dir);
            return Err(err);
        }
        let old = self.state();
        self.write_state(&State {
            current: Some(name),
            backup: old.current.or(old.backup),
        })?;
        self.prune();
        Ok(dir)
    }

    /// Makes the backup current again; the current version becomes the backup.
    ///
    /// # Errors
    /// No backup, or a failed write (the state is then unchanged).
    pub fn restore(&self) -> Result<State, StoreError> {
        checkpoint(Step::Started);
        let old = self.state();
        let backup = old.backup.clone().ok_or(StoreError::NoBackup)?;
        let new = State {
            current: Some(backup),
            backup: old.current,
        };
        self.write_state(&new)?;
        self.prune();
        Ok(new)
    }

    /// Returns to the bundled data; the installed version becomes the backup, so that
    /// [`Store::restore`] can bring it back.
    ///
    /// # Errors
    /// Nothing installed, or a failed write (the state is then unchanged).
    pub fn reset(&self) -> Result<State, StoreError> {
        checkpoint(Step::Started);
        let old = self.state();
        let current = old.current.ok_or(StoreError::NothingInstalled)?;
        let new = State {
            current: None,
            backup: Some(current),
        };
        self.write_state(&new)?;
        self.prune();
        Ok(new)
    }

    /// Writes the state beside the old one, syncs it, and renames it over the old one.
    fn write_state(&self, state: &State) -> Result<(), StoreError> {
        let text: String = [("current", &state.current), ("backup", &state.backup)]
            .into_iter()
            .filter_map(|(key, value)| value.as_ref().map(|v| format!("{key}: {v}\n")))
            .collect();
        fs::create_dir_all(&self.root).map_err(io_err(&self.root))?;
        let tmp = self
            .root
            .join(format!(".{STATE}.tmp-{}", std::process::id()));
        write_synced(&tmp, text.as_bytes())?;
        checkpoint(Step::StateWritten);
        let target = self.root.join(STATE);
        rename_synced(&tmp, &target, &self.root).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })?;
        checkpoint(Step::Switched);
        Ok(())
    }

    /// Removes the versions and leftovers that the state does not name (best effort): old
    /// versions, hidden folders of interrupted installs, and states written by an interrupted
    /// change that never replaced the real one.
    fn prune(&self) {
        let state = self.state();
        let keep = [state.current, state.backup];
        if let Ok(items) = fs::read_dir(self.root.join(INSTALLS)) {
            for item in items.flatten() {
                let name = item.file_name();
                let kept = keep.iter().flatten().any(|k| name.to_str() == Some(k));
                if !kept && fs::remove_dir_all(item.path()).is_ok() {
                    checkpoint(Step::Pruned);
                }
            }
        }
        let stale_state = format!(".{STATE}.tmp-");
        if let Ok(items) = fs::read_dir(&self.root) {
            for item in items.flatten() {
                let name = item.file_name();
                let stale = name.to_str().is_some_and(|n| n.starts_with(&stale_state));
                if stale && fs::remove_file(item.path()).is_ok() {
                    checkpoint(Step::Pruned);
                }
            }
        }
    }

    /// A new version name: the time of the install, unique among the installed versions.
    fn fresh_name(&self) -> String {
        let now = jiff::Zoned::now();
        let stamp = now.strftime("%Y%m%d-%H%M%S").to_string();
        let mut name = stamp.clone();
        let mut n = 1;
        while self.version_dir(&name).exists()
            || self
                .root
                .join(INSTALLS)
                .join(format!(".tmp-{name}"))
                .exists()
        {
            n += 1;
            name = format!("{stamp}-{n}");
        }
        name
    }
}

/// A version name as written by [`Store`]: one plain, visible path component.
fn is_version_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A plain file name for an extra file of a version (`MANIFEST.sha256`).
fn is_version_name_like(name: &str) -> bool {
    !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Writes every file under `dir` (created fresh), each synced, then the folders.
fn write_version(
    dir: &Path,
    base: &Path,
    files: &[SourceFile],
    extras: &[(&str, &[u8])],
) -> Result<(), StoreError> {
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let mut folders = vec![dir.to_path_buf()];
    for (name, bytes) in extras {
        let plain = Path::new(name).components().count() == 1 && is_version_name_like(name);
        if plain {
            write_synced(&dir.join(name), bytes)?;
        }
    }
    for (index, file) in files.iter().enumerate() {
        let path = dir.join(relative_name(base, &file.name, index));
        if let Some(parent) = path.parent().filter(|p| *p != dir) {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
            folders.push(parent.to_path_buf());
        }
        write_synced(&path, file.text.as_bytes())?;
        checkpoint(Step::FileWritten);
    }
    for folder in folders.iter().rev() {
        sync_dir(folder)?;
    }
    checkpoint(Step::VersionSynced);
    Ok(())
}

/// Where a file read from `base` goes inside a version: its path below `base` (or its own
/// name when `base` is the file), always ending in `.yaml`; a numbered name when the path
/// cannot be kept safely.
#[must_use]
pub fn relative_name(base: &Path, name: &str, index: usize) -> PathBuf {
    let path = Path::new(name);
    let relative = match path.strip_prefix(base) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
        _ => path.file_name().map(PathBuf::from).unwrap_or_default(),
    };
    let safe = !relative.as_os_str().is_empty()
        && relative.components().all(|c| match c {
            Component::Normal(part) => !part.to_string_lossy().starts_with('.'),
            _ => false,
        });
    let mut relative = if safe {
        relative
    } else {
        PathBuf::from(format!("{index:03}.yaml"))
    };
    let is_yaml = matches!(
        relative.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    if !is_yaml {
        let mut with_ext = relative.into_os_string();
        with_ext.push(".yaml");
        relative = PathBuf::from(with_ext);
    }
    relative
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut file = fs::File::create(path).map_err(io_err(path))?;
    file.write_all(bytes).map_err(io_err(path))?;
    file.sync_all().map_err(io_err(path))
}

/// Renames `from` to `to` and syncs `parent`, the folder holding both, so the rename itself
/// survives a power cut.
fn rename_synced(from: &Path, to: &Path, parent: &Path) -> Result<(), StoreError> {
    fs::rename(from, to).map_err(io_err(to))?;
    sync_dir(parent)
}

/// Syncs a folder's entries to disk. Only Unix can open a folder for that; on Windows the
/// rename is already durable once it returns (`MoveFileEx` is journaled by NTFS).
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io_err(dir))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_names_keep_folders_and_stay_inside() {
        let base = Path::new("/media/usb/data");
        assert_eq!(
            relative_name(base, "/media/usb/data/faq/asile.yaml", 0),
            PathBuf::from("faq/asile.yaml")
        );
        assert_eq!(
            relative_name(Path::new("/tmp/maj.yml"), "/tmp/maj.yml", 0),
            PathBuf::from("maj.yml")
        );
        assert_eq!(
            relative_name(Path::new("/tmp/maj.txt"), "/tmp/maj.txt", 0),
            PathBuf::from("maj.txt.yaml")
        );
        assert_eq!(
            relative_name(base, "/elsewhere/../x.yaml", 4),
            PathBuf::from("x.yaml")
        );
        assert_eq!(relative_name(base, "", 7), PathBuf::from("007.yaml"));
    }

    #[test]
    fn version_names_are_single_plain_components() {
        assert!(is_version_name("20261127-101010-2"));
        for bad in ["", "..", ".tmp-x", "a/b", "a\\b", "../x", "é"] {
            assert!(!is_version_name(bad), "{bad}");
        }
    }
}
