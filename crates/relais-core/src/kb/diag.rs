//! Problems found in data, written for content editors: each has a file, a line, a column and a
//! French message, and prints as `path:line:col: message` followed by the offending line. The
//! YAML library's own errors are rewritten beside the parser, in
//! [`crate::kb::validate::yaml_errors`].

mod io;

pub use io::io_reason;

use std::fmt;
use std::path::PathBuf;

/// How serious a problem is. Errors stop the data from loading; warnings do not (unless
/// `check --strict`); notes never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// Shown by `check` but never fails it, even with `--strict`: a state the data already
    /// declares honestly (a contact whose details are marked unverified).
    Info,
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as shown to the user (a path, or `data/...` for bundled data).
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub col: u32,
    pub message: String,
    /// The source line the position points into, for the excerpt under the message: the whole
    /// line, or a window of [`EXCERPT_WIDTH`] characters around the column when it is longer.
    pub excerpt: Option<String>,
    /// The 1-based column of the position in `excerpt`.
    pub excerpt_col: u32,
}

/// The widest excerpt shown under a message, in characters: a line of ten megabytes is shown as a
/// window around the position.
pub const EXCERPT_WIDTH: usize = 100;

impl Diagnostic {
    /// A problem at `line`:`col` (1-based; 0 when unknown) of `file`, with `source_line`, the line
    /// it points into, as its excerpt.
    #[must_use]
    pub fn new(
        severity: Severity,
        file: String,
        (line, col): (u32, u32),
        message: String,
        source_line: Option<&str>,
    ) -> Self {
        let (excerpt, excerpt_col) = match source_line {
            Some(text) if line > 0 => {
                let (window, at) = window(text.trim_end_matches('\r'), col);
                (Some(window), at)
            }
            _ => (None, 0),
        };
        Self {
            severity,
            file,
            line,
            col,
            message,
            excerpt,
            excerpt_col,
        }
    }

    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The `path:line:col: message` line, without the excerpt.
    #[must_use]
    pub fn headline(&self) -> String {
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => "avertissement : ",
            Severity::Info => "remarque : ",
        };
        if self.line == 0 {
            format!("{}: {label}{}", self.file, self.message)
        } else {
            format!(
                "{}:{}:{}: {label}{}",
                self.file, self.line, self.col, self.message
            )
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", super::text::neutralize(&self.headline()))?;
        if let Some(line) = &self.excerpt {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = line
                .chars()
                .take(self.excerpt_col.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let line = super::text::neutralize(line);
            write!(f, "\n {number} | {line}\n {pad} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// At most [`EXCERPT_WIDTH`] characters of `line` around column `col`, with `…` where it is cut,
/// and the column of the same character in the window.
fn window(line: &str, col: u32) -> (String, u32) {
    let count = line.chars().count();
    if count <= EXCERPT_WIDTH {
        return (line.to_owned(), col);
    }
    let at = (col.max(1) - 1) as usize;
    let start = at
        .saturating_sub(EXCERPT_WIDTH / 2)
        .min(count - EXCERPT_WIDTH);
    let end = start + EXCERPT_WIDTH;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(line.chars().skip(start).take(EXCERPT_WIDTH));
    if end < count {
        out.push('…');
    }
    let shift = u32::from(start > 0);
    let col = u32::try_from(at - start.min(at)).unwrap_or(u32::MAX);
    (out, col + 1 + shift)
}

/// Why a knowledge base could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: impossible de lire : {}", path.display(), io_reason(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: aucun fichier .yaml trouvé dans ce dossier", path.display())]
    NoYaml { path: PathBuf },
    #[error("{}: fichier trop grand ({size} octets ; la limite est {limit} octets)", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{}: ce n'est pas un fichier ordinaire (c'est {kind}) : refusé sans être lu ; seuls des \
         fichiers .yaml ordinaires sont des données",
        path.display()
    )]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error(
        "{}: lien symbolique qui sort du dossier de données ({}) : refusé sans être lu ; copiez \
         le fichier dans le dossier s'il fait partie des données",
        path.display(),
        root.display()
    )]
    OutsidePack { path: PathBuf, root: PathBuf },
    #[error("{} problème(s) dans les données", count_errors(.0))]
    Invalid(Vec<Diagnostic>),
    #[error(
        "{}: les données installées ont été modifiées depuis leur installation ({}) ; relais \
         refuse de s'en servir. Revenez aux données précédentes avec « relais data restore » ou \
         aux données intégrées avec « relais data reset », puis réinstallez le paquet d'origine.",
        path.display(),
        problems.join(" ; ")
    )]
    Tampered {
        path: PathBuf,
        problems: Vec<String>,
    },
}

fn count_errors(diags: &[Diagnostic]) -> usize {
    diags.iter().filter(|d| d.is_error()).count()
}

impl LoadError {
    /// The individual problems, when the error is about the data's content.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Self::Invalid(d) => d,
            _ => &[],
        }
    }
}
