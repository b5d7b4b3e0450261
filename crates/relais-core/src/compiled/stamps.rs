//! What an installed version's files looked like when their compiled form was made: for each
//! file of the folder, its path, size, inode and times. At start, the folder is listed again
//! (no file is read) and any difference — a file edited, replaced, added or removed, even with
//! its modification time set back, since the change time cannot be — sends relais back to the
//! full check: every file read and hashed against the signed manifest ([`crate::kb::seal`]).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::FILE;

/// One file of an installed version, as the file system describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Path below the version's folder, with `/`.
    pub path: String,
    pub len: u64,
    /// Inode, modification and change times (seconds, nanoseconds); zeros where the system
    /// does not tell.
    pub ino: u64,
    pub modified: (i64, i64),
    pub changed: (i64, i64),
}

/// The stamps of every file below `dir` (but the compiled form and its temporary copies),
/// sorted by path. Links are described, not followed. `None` when the folder cannot be listed.
#[must_use]
pub fn of_dir(dir: &Path) -> Option<Vec<Stamp>> {
    let mut out = Vec::new();
    walk(dir, "", &mut out, 0)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Some(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<Stamp>, depth: usize) -> Option<()> {
    const MAX_DEPTH: usize = 8;
    for item in std::fs::read_dir(dir).ok()? {
        let item = item.ok()?;
        let name = item.file_name().into_string().ok()?;
        if prefix.is_empty() && (name == FILE || name.starts_with(&format!(".{FILE}"))) {
            continue;
        }
        let path = format!("{prefix}{name}");
        let meta = std::fs::symlink_metadata(item.path()).ok()?;
        if meta.is_dir() {
            if depth >= MAX_DEPTH {
                return None;
            }
            walk(&item.path(), &format!("{path}/"), out, depth + 1)?;
        } else {
            out.push(stamp(path, &meta));
        }
    }
    Some(())
}

#[cfg(unix)]
fn stamp(path: String, meta: &std::fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt as _;
    Stamp {
        path,
        len: meta.len(),
        ino: meta.ino(),
        modified: (meta.mtime(), meta.mtime_nsec()),
        changed: (meta.ctime(), meta.ctime_nsec()),
    }
}

#[cfg(not(unix))]
fn stamp(path: String, meta: &std::fs::Metadata) -> Stamp {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or((0, 0), |d| {
            (
                i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                i64::from(d.subsec_nanos()),
            )
        });
    Stamp {
        path,
        len: meta.len(),
        ino: 0,
        modified,
        changed: (0, 0),
    }
}
