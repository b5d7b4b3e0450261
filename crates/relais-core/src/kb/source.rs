//! Where the data comes from: `--data PATH`, then `RELAIS_DATA`, then the user data directory,
//! then the data bundled in the binary. The chosen [`Origin`] is kept so that `check`, errors
//! and the status bar can say which data is in use.

use std::fmt;
use std::path::{Path, PathBuf};

mod bundled;

use bundled::bundled_files;
pub(crate) use bundled::bundled_texts;
pub use bundled::bundled_trusted_keys;

use super::LoadError;
use super::read::Pack;

/// A data folder's own query set (`queries: [{q, expect}]` and its thresholds), read by
/// `relais check` and `relais data pack`, never as data.
pub const QUERIES: &str = "queries.yaml";

/// Largest data file accepted, so that a wrong file on a USB stick cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Which data is in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Given as the subject of a command: `relais check PATH`, `relais data install PATH`.
    Given(PathBuf),
    /// Given with `--data PATH`.
    Flag(PathBuf),
    /// Given with the `RELAIS_DATA` environment variable.
    Env(PathBuf),
    /// Installed in the user data directory (`relais data install`).
    UserDir(PathBuf),
    /// Compiled into the binary.
    Bundled,
    /// Compiled into the binary, used because the installed data at this path does not load
    /// (see `relais data status`).
    Fallback(PathBuf),
}

impl Origin {
    /// Picks the data to use, in order of precedence. `env` is the value of `RELAIS_DATA` and
    /// `user_dir` the user data directory; both are passed in so that tests control them. In
    /// the user data directory, only the version that `relais data install` made current is
    /// read (see [`super::store`]).
    #[must_use]
    pub fn locate(flag: Option<&Path>, env: Option<PathBuf>, user_dir: Option<&Path>) -> Self {
        if let Some(path) = flag {
            return Self::Flag(path.to_path_buf());
        }
        if let Some(path) = env.filter(|p| !p.as_os_str().is_empty()) {
            return Self::Env(path);
        }
        // A current version that is missing or broken is not skipped in silence: loading it
        // fails, and the caller falls back to the bundled data saying why.
        match user_dir.and_then(super::installed::current) {
            Some(dir) => Self::UserDir(dir),
            None => Self::Bundled,
        }
    }

    /// The path of the data, `None` for bundled data.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Given(p) | Self::Flag(p) | Self::Env(p) | Self::UserDir(p) => Some(p),
            Self::Bundled | Self::Fallback(_) => None,
        }
    }

    /// The installed data that could not be loaded, when the bundled data stands in for it.
    #[must_use]
    pub fn broken_install(&self) -> Option<&Path> {
        match self {
            Self::Fallback(p) => Some(p),
            _ => None,
        }
    }

    /// Files of this origin that look like data but are not read: a name with `.yaml` or
    /// `.yml` that does not end with it in lower case (`faq.yaml.txt`, `FAQ.YAML`, `x.yml~`), or
    /// a hidden one (`.terrain.yaml`). One warning each, so that an editor knows why their ids
    /// are unknown.
    #[must_use]
    pub fn lookalikes(&self) -> Vec<super::Diagnostic> {
        let Some(dir) = self.path().filter(|p| p.is_dir()) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut seen = std::collections::HashSet::new();
        lookalike_walk(dir, 0, &mut seen, &mut found);
        found.sort();
        found
            .into_iter()
            .map(|path| {
                let hidden = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                let why = if hidden {
                    "fichier ignoré : son nom commence par un point (fichier caché) ; retirez le \
                     point s'il fait partie des données"
                } else {
                    "fichier ignoré : son nom ressemble à un fichier de données mais ne finit pas \
                     par « .yaml » ou « .yml » en minuscules ; renommez-le s'il fait partie des \
                     données"
                };
                super::Diagnostic::new(
                    super::Severity::Warning,
                    path.display().to_string(),
                    (0, 0),
                    why.to_owned(),
                    None,
                )
            })
            .collect()
    }

    /// Reads every YAML file of this origin, in a stable order.
    ///
    /// # Errors
    /// A missing or unreadable path, a folder without YAML, a file over [`MAX_FILE_BYTES`], or a
    /// file that is not UTF-8 (reported as a diagnostic with its position).
    pub fn read(&self) -> Result<Vec<SourceFile>, LoadError> {
        match self.path() {
            Some(path) => read_path(path),
            None => Ok(bundled_files()),
        }
    }
}

impl Origin {
    /// Where the data came from, in words. `bundled` names the data built into the program:
    /// the caller gives it (it is interface text, kept in `strings`), so that this module does
    /// not depend on the interface's words.
    #[must_use]
    pub fn display<'a>(&'a self, bundled: &'a str) -> impl fmt::Display + 'a {
        Shown {
            origin: self,
            bundled,
        }
    }
}

/// An [`Origin`] in words, with the caller's name for the bundled data.
struct Shown<'a> {
    origin: &'a Origin,
    bundled: &'a str,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.origin {
            Origin::Given(p) => write!(f, "{}", p.display()),
            Origin::Flag(p) => write!(f, "{} (--data)", p.display()),
            Origin::Env(p) => write!(f, "{} (RELAIS_DATA)", p.display()),
            Origin::UserDir(p) => write!(f, "{} (données installées)", p.display()),
            Origin::Bundled => f.write_str(self.bundled),
            Origin::Fallback(p) => write!(
                f,
                "{} (les données installées dans {} ne se chargent pas)",
                self.bundled,
                p.display()
            ),
        }
    }
}

/// The user data directory (`~/.local/share/relais` on Linux), if a home directory is known.
#[must_use]
pub fn user_data_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.data_dir().join("relais"))
}

/// One data file's name (as shown in messages) and text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

pub(super) fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError + '_ {
    move |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn read_path(path: &Path) -> Result<Vec<SourceFile>, LoadError> {
    let meta = std::fs::metadata(path).map_err(io_error(path))?;
    let mut paths = Vec::new();
    if meta.is_dir() {
        let pack = Pack::new(path)?;
        yaml_paths(&pack, path, &mut paths)?;
        paths.retain(|p| *p != path.join(QUERIES));
        if paths.is_empty() {
            return Err(LoadError::NoYaml {
                path: path.to_path_buf(),
            });
        }
        paths.sort();
    } else {
        paths.push(path.to_path_buf());
    }
    // Every file that is not UTF-8 is reported, not only the first.
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in &paths {
        match read_file(p) {
            Ok(file) => files.push(file),
            Err(LoadError::Invalid(diags)) => problems.extend(diags),
            Err(err) => return Err(err),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Collects YAML files under `dir`, skipping hidden entries. Each folder is read once, however
/// many symbolic links lead to it, and no deeper than a few levels, so a symlink loop neither
/// hangs the loader nor reads the same file twice. A link that leads out of the pack, to a
/// file or a folder, is refused.
fn yaml_paths(pack: &Pack, dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let mut seen = std::collections::HashSet::new();
    walk(pack, dir, out, 0, &mut seen)
}

fn walk(
    pack: &Pack,
    dir: &Path,
    out: &mut Vec<PathBuf>,
    depth: usize,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), LoadError> {
    const MAX_DEPTH: usize = 8;
    if !seen.insert(pack.inside(dir)?) {
        return Ok(());
    }
    for item in std::fs::read_dir(dir).map_err(io_error(dir))? {
        let path = item.map_err(io_error(dir))?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_DEPTH {
                walk(pack, &path, out, depth + 1, seen)?;
            }
        } else if is_yaml(&path) {
            // A dangling link is left to the read, which names it; any other must stay inside.
            if path.exists() {
                pack.inside(&path)?;
            }
            out.push(path);
        }
    }
    Ok(())
}

fn lookalike_walk(
    dir: &Path,
    depth: usize,
    seen: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) {
    let Ok(real) = std::fs::canonicalize(dir) else {
        return;
    };
    if depth > 8 || !seen.insert(real) {
        return;
    }
    for item in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = item.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let hidden = name.starts_with('.');
        if path.is_dir() {
            if !hidden {
                lookalike_walk(&path, depth + 1, seen, out);
            }
            continue;
        }
        let lower = name.to_lowercase();
        let looks = lower.contains(".yaml") || lower.contains(".yml");
        if looks && (hidden || !is_yaml(&path)) {
            out.push(path);
        }
    }
}

fn read_file(path: &Path) -> Result<SourceFile, LoadError> {
    let bytes = super::read::read_bounded(path, MAX_FILE_BYTES)?;
    decode(path.display().to_string(), bytes)
}

/// Turns the bytes of a data file called `name` into its text. A byte-order mark is kept (the
/// validator skips it).
///
/// # Errors
/// [`LoadError::Invalid`] with one diagnostic at the first byte that is not UTF-8.
pub fn decode(name: String, bytes: Vec<u8>) -> Result<SourceFile, LoadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile { name, text }),
        Err(err) => Err(LoadError::Invalid(vec![not_utf8(
            name,
            err.as_bytes(),
            err.utf8_error(),
        )])),
    }
}

/// Points at the first byte that is not UTF-8, with the line it is on.
fn not_utf8(file: String, bytes: &[u8], err: std::str::Utf8Error) -> super::Diagnostic {
    let valid = err.valid_up_to();
    let before = &bytes[..valid];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // `before` is valid UTF-8 up to `valid`, so the column counts characters.
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let line_end = bytes[line_start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| line_start + i);
    let excerpt = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let message = format!(
        "ce fichier n'est pas en UTF-8 (octet 0x{:02X} invalide) : réenregistrez-le en UTF-8 \
         (il est peut-être en Latin-1 ou en Windows-1252)",
        bytes[valid]
    );
    let position = (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    );
    super::Diagnostic::new(
        super::Severity::Error,
        file,
        position,
        message,
        Some(&excerpt),
    )
}
