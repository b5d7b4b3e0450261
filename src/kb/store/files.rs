//! Writing a version's files: each synced, then its folders, under names kept inside it.

use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use super::{Step, StoreError, checkpoint, io_err};
use crate::kb::SourceFile;

/// A plain file name for an extra file of a version (`MANIFEST.sha256`).
fn is_version_name_like(name: &str) -> bool {
    !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Writes every file under `dir` (created fresh), each synced, then the folders.
pub(super) fn write_version(
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

pub(super) fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut file = fs::File::create(path).map_err(io_err(path))?;
    file.write_all(bytes).map_err(io_err(path))?;
    file.sync_all().map_err(io_err(path))
}

/// Renames `from` to `to` and syncs `parent`, the folder holding both, so the rename itself
/// survives a power cut.
pub(super) fn rename_synced(from: &Path, to: &Path, parent: &Path) -> Result<(), StoreError> {
    fs::rename(from, to).map_err(io_err(to))?;
    sync_dir(parent)
}

/// Syncs a folder's entries to disk. Only Unix can open a folder for that; on Windows the
/// rename is already durable once it returns (`MoveFileEx` is journaled by NTFS).
pub(super) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
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
}
