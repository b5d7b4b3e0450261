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
//!
//! Every change holds the lock of [`super::lock`] from its first read of the state to its last
//! removal, so two changes at once run one after the other.

mod checkpoint;
mod files;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::SourceFile;
use super::installed;
pub use super::installed::{INSTALLS, STATE, State, relative_name};
use super::lock::{self, DataLock, LockError};
use checkpoint::checkpoint;
pub use checkpoint::{PAUSE_VARIABLE, Step};
use files::{rename_synced, write_synced, write_version};

/// Why the user data directory could not be changed. Nothing was switched when this is
/// returned: the previous data is still the active one.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // The reason is in the message, in French; the error keeps no `source`, so that a chain
    // of contexts does not print the system's words a second time.
    #[error("{} : {}", path.display(), super::diag::io_reason(cause))]
    Io { path: PathBuf, cause: io::Error },
    #[error("aucune sauvegarde à restaurer")]
    NoBackup,
    #[error("aucune donnée installée : les données intégrées sont déjà utilisées")]
    NothingInstalled,
    #[error(
        "une autre mise à jour est en cours (une autre commande relais data) : rien n'a changé ; \
         réessayez quand elle sera finie"
    )]
    Busy,
    #[error(
        "la sauvegarde ({}) ne se charge pas ({problems}) : rien n'a changé ; relais check --data \
         {} montre chaque problème",
        path.display(),
        path.display()
    )]
    BrokenBackup { path: PathBuf, problems: String },
}

/// The user data directory and the versions installed in it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

pub(crate) fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |cause| StoreError::Io {
        path: path.to_path_buf(),
        cause,
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
        installed::state(&self.root)
    }

    /// The folder of an installed version.
    #[must_use]
    pub fn version_dir(&self, name: &str) -> PathBuf {
        installed::version_dir(&self.root, name)
    }

    /// The folder of the current version, if one is installed.
    #[must_use]
    pub fn current(&self) -> Option<PathBuf> {
        installed::current(&self.root)
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
        let _lock = self.lock()?;
        checkpoint(Step::Started);
        let installs = self.root.join(INSTALLS);
        fs::create_dir_all(&installs).map_err(io_err(&installs))?;
        let name = self.fresh_name();
        let staging = installs.join(format!(".tmp-{name}{}", lock::own_suffix()));
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
        let _lock = self.lock()?;
        checkpoint(Step::Started);
        let old = self.state();
        let backup = old.backup.clone().ok_or(StoreError::NoBackup)?;
        // The backup may have been damaged since it was installed: it is read and validated
        // whole before it becomes the active data.
        let dir = self.version_dir(&backup);
        let origin = super::Origin::UserDir(dir.clone());
        if let Err(err) = super::validate::load(&origin, super::today()) {
            return Err(StoreError::BrokenBackup {
                path: dir,
                problems: err.to_string(),
            });
        }
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
        let _lock = self.lock()?;
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

    /// Takes the lock of the folder, waiting a few seconds for another change to end.
    fn lock(&self) -> Result<DataLock, StoreError> {
        DataLock::acquire(&self.root, lock::WAIT).map_err(|err| match err {
            LockError::Busy => StoreError::Busy,
            LockError::Io(cause) => StoreError::Io {
                path: self.root.join(lock::LOCK),
                cause,
            },
        })
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
            .join(format!(".{STATE}.tmp{}", lock::own_suffix()));
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
    /// change that never replaced the real one. Called with the lock held, so no other change
    /// is under way; a leftover marked with the number of a process still running (a program
    /// that does not take the lock) is kept all the same (see [`lock::is_stale`]).
    fn prune(&self) {
        let state = self.state();
        let keep = [state.current, state.backup];
        if let Ok(items) = fs::read_dir(self.root.join(INSTALLS)) {
            for item in items.flatten() {
                let name = item.file_name();
                let Some(name) = name.to_str() else { continue };
                let kept = keep.iter().flatten().any(|k| name == k);
                let removable = !kept && (!name.starts_with('.') || lock::is_stale(name));
                if removable && fs::remove_dir_all(item.path()).is_ok() {
                    checkpoint(Step::Pruned);
                }
            }
        }
        let stale_state = format!(".{STATE}.tmp");
        if let Ok(items) = fs::read_dir(&self.root) {
            for item in items.flatten() {
                let name = item.file_name();
                let stale = name
                    .to_str()
                    .is_some_and(|n| n.starts_with(&stale_state) && lock::is_stale(n));
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
        while self.version_dir(&name).exists() {
            n += 1;
            name = format!("{stamp}-{n}");
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_are_french_and_said_once() {
        for (kind, reason) in [
            (
                io::ErrorKind::ReadOnlyFilesystem,
                "système de fichiers en lecture seule",
            ),
            (io::ErrorKind::StorageFull, "disque plein"),
            (io::ErrorKind::PermissionDenied, "accès refusé"),
        ] {
            let err = StoreError::Io {
                path: PathBuf::from("/media/usb/relais/state"),
                cause: io::Error::from(kind),
            };
            let shown = format!(
                "{:#}",
                anyhow::Error::from(err).context("Les données actives n'ont pas changé")
            );
            assert_eq!(shown.matches(reason).count(), 1, "{shown}");
            assert!(
                !shown.contains("os error") && !shown.contains("file system"),
                "{shown}"
            );
        }
    }
}
