//! The layout of the user data directory, read only: which versions the state names, where
//! they are, and the name a data file gets inside a version. Shared by the store, which
//! changes it, and by the code that only reads it (where the data comes from, the manifest
//! of an installed version), so that reading never depends on the code that installs.
//!
//! ```text
//! installs/<name>/…yaml   each installed version: a copy of the validated files
//! state                   "current: <name>" and "backup: <name>", one per line
//! ```

use std::fs;
use std::path::{Component, Path, PathBuf};

/// The folder of installed versions, under the user data directory.
pub const INSTALLS: &str = "installs";
/// The file naming the current and backup versions.
pub const STATE: &str = "state";

/// Which versions the state names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub current: Option<String>,
    pub backup: Option<String>,
}

/// The state on disk under `root`; a missing or unreadable state names nothing.
#[must_use]
pub fn state(root: &Path) -> State {
    let text = fs::read_to_string(root.join(STATE)).unwrap_or_default();
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

/// The folder of an installed version under `root`.
#[must_use]
pub fn version_dir(root: &Path, name: &str) -> PathBuf {
    root.join(INSTALLS).join(name)
}

/// The folder of the current version under `root`, if one is installed.
#[must_use]
pub fn current(root: &Path) -> Option<PathBuf> {
    state(root).current.map(|n| version_dir(root, &n))
}

/// A version name as written by the store: one plain, visible path component.
fn is_version_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
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
