//! Reading one data file safely: only a regular file, never more than the size limit, and in a
//! folder, never through a link that leads out of it. A link to `/dev/zero` would otherwise be
//! read without end, a named pipe would block forever, and a link to `~/.ssh/config` would
//! have its lines printed in error excerpts.

use std::fs::{self, File, Metadata};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::LoadError;

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError + '_ {
    move |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The regular file `path`, opened, and its length: at most `limit` bytes.
///
/// # Errors
/// The file cannot be read, is not a regular file or is larger than `limit`.
pub fn open_bounded(path: &Path, limit: u64) -> Result<(File, u64), LoadError> {
    fits(path, &fs::metadata(path).map_err(io_error(path))?, limit)?;
    let file = File::open(path).map_err(io_error(path))?;
    // Checked again on what was opened, in case the path changed in between.
    let meta = file.metadata().map_err(io_error(path))?;
    fits(path, &meta, limit)?;
    Ok((file, meta.len()))
}

/// A regular file of at most `limit` bytes, as `meta` describes it.
fn fits(path: &Path, meta: &Metadata, limit: u64) -> Result<(), LoadError> {
    regular(path, meta)?;
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
        });
    }
    Ok(())
}

/// The bytes of the regular file at `path` (links followed), at most `limit` of them.
///
/// # Errors
/// Not a regular file (refused before it is opened, so a named pipe cannot block), more than
/// `limit` bytes (counted as they are read: a file's announced size can lie), or unreadable.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let (file, _) = open_bounded(path, limit)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error(path))?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: read,
            limit,
        });
    }
    Ok(bytes)
}

fn regular(path: &Path, meta: &Metadata) -> Result<(), LoadError> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(LoadError::NotAFile {
            path: path.to_path_buf(),
            kind: kind(meta),
        })
    }
}

/// What a file that is not a regular file is, in French.
fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = meta.file_type();
        if t.is_fifo() {
            return "un tube nommé (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "un périphérique";
        }
        if t.is_socket() {
            return "une socket";
        }
    }
    if meta.is_dir() {
        "un dossier"
    } else {
        "un fichier spécial"
    }
}

/// The pack being read: the folder given, as the system resolves it, so that every file and
/// folder met in it can be checked to stay inside.
#[derive(Debug)]
pub struct Pack {
    root: PathBuf,
}

impl Pack {
    /// The pack rooted at the folder `dir`.
    ///
    /// # Errors
    /// The folder cannot be resolved.
    pub fn new(dir: &Path) -> Result<Self, LoadError> {
        let root = fs::canonicalize(dir).map_err(io_error(dir))?;
        Ok(Self { root })
    }

    /// `path` resolved (links followed), when it stays inside the pack.
    ///
    /// # Errors
    /// A link leading out of the pack, or a path that cannot be resolved.
    pub fn inside(&self, path: &Path) -> Result<PathBuf, LoadError> {
        let resolved = fs::canonicalize(path).map_err(io_error(path))?;
        if resolved.starts_with(&self.root) {
            Ok(resolved)
        } else {
            Err(LoadError::OutsidePack {
                path: path.to_path_buf(),
                root: self.root.clone(),
            })
        }
    }
}
