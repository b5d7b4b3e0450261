//! Problems found in data, written for content editors: each has a file, a line, a column and a
//! French message, and prints as `path:line:col: message` followed by the offending line.

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
    /// The source line the position points into, for the excerpt under the message.
    pub excerpt: Option<String>,
}

impl Diagnostic {
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
                .take(self.col.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let line = super::text::neutralize(line);
            write!(f, "\n {number} | {line}\n {pad} | {caret_pad}^")?;
        }
        Ok(())
    }
}

/// Why a knowledge base could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: impossible de lire : {source}", path.display())]
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
    #[error("{} problème(s) dans les données", count_errors(.0))]
    Invalid(Vec<Diagnostic>),
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
