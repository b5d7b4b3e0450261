//! Writing a version's files: each synced, then its folders, under names kept inside it.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use super::{Step, StoreError, checkpoint, io_err};
use crate::kb::SourceFile;
use crate::kb::installed::relative_name;

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
