//! Raw YAML -> [`KnowledgeBase`]. The only place the data rules live. Every problem is collected
//! with its file, line and column, so a content editor sees all of them in one run.
//!
//! This file holds the entry points ([`load`], [`validate`]) and the `Checker` that collects the
//! problems, a limited number shown per file. The rules are in `parse` (the YAML, its
//! [`limits`], forbidden characters), `fields` (texts, dates, ids, addresses, phone numbers),
//! `checks` (each kind of record), `contact` (contacts and their dating rule), `references` (ids,
//! duplicates, `[[id]]` links), `search_words` (`ask`, families, colloquial forms) and
//! `positions` (lines and columns).

mod checks;
mod contact;
mod fields;
mod i18n;
mod i18n_facts;
mod i18n_fields;
mod parse;
mod positions;
mod recover;
mod references;
mod search_words;
mod slides;
mod slips;
pub mod yaml_errors;

use jiff::civil::Date;
use serde_saphyr::Location;

use super::{Diagnostic, KnowledgeBase, LoadError, Origin, Severity, SourceFile};
use positions::{clamp, line_starts};

pub use crate::kb::format::{is_valid_email, is_valid_phone, is_valid_url};
pub use parse::limits;

/// A knowledge base that passed validation, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub kb: KnowledgeBase,
    pub warnings: Vec<Diagnostic>,
    pub origin: Origin,
    /// Number of files read.
    pub files: usize,
    /// The search index, when it came ready-made with the data (its compiled form, see
    /// [`crate::compiled`]); otherwise it is built from `kb` ([`Loaded::search_index`]).
    pub index: Option<std::sync::Arc<crate::search::SearchIndex>>,
}

impl Loaded {
    /// The search index of the data: the compiled one, or one built now.
    #[must_use]
    pub fn search_index(&self) -> std::sync::Arc<crate::search::SearchIndex> {
        self.index
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(crate::search::SearchIndex::new(&self.kb)))
    }

    /// The knowledge base, its search index (the compiled one, or one built now) and where
    /// it comes from.
    #[must_use]
    pub fn into_parts(self) -> (KnowledgeBase, crate::search::SearchIndex, Origin) {
        let index = self
            .index
            .and_then(|i| std::sync::Arc::try_unwrap(i).ok())
            .unwrap_or_else(|| crate::search::SearchIndex::new(&self.kb));
        (self.kb, index, self.origin)
    }
}

/// Reads and validates the data of `origin`.
///
/// # Errors
/// The data cannot be read, or has at least one error (all of them are returned).
pub fn load(origin: &Origin, today: Date) -> Result<Loaded, LoadError> {
    let files = origin.read()?;
    let seal = match origin {
        Origin::UserDir(dir) => Some(super::seal::check_installed_trusted(dir, &files)?),
        _ => None,
    };
    load_read(origin, &files, seal.as_ref(), today)
}

/// [`load`] once `files` are read from `origin` and, for installed data, `seal` checked.
///
/// # Errors
/// The data has at least one error (all of them are returned).
pub fn load_read(
    origin: &Origin,
    files: &[SourceFile],
    seal: Option<&super::seal::Seal>,
    today: Date,
) -> Result<Loaded, LoadError> {
    let skipped = origin.lookalikes();
    let (mut kb, mut warnings) = match validate(files, today) {
        Ok(v) => v,
        Err(LoadError::Invalid(mut diags)) => {
            diags.extend(skipped);
            return Err(LoadError::Invalid(diags));
        }
        Err(err) => return Err(err),
    };
    warnings.extend(skipped);
    kb.meta.unsigned = seal.is_some_and(|s| !s.is_signed());
    Ok(Loaded {
        kb,
        warnings,
        origin: origin.clone(),
        files: files.len(),
        index: None,
    })
}

/// Parses and validates `files` as one knowledge base. `today` decides which entries are stale.
///
/// # Errors
/// [`LoadError::Invalid`] with every error and warning, sorted by file and line.
pub fn validate(
    files: &[SourceFile],
    today: Date,
) -> Result<(KnowledgeBase, Vec<Diagnostic>), LoadError> {
    let mut checker = Checker {
        files,
        diags: Vec::new(),
        texts: Vec::with_capacity(files.len()),
        line_starts: files.iter().map(|f| line_starts(&f.text)).collect(),
        counts: vec![Counts::default(); files.len()],
        today,
        unread_ids: std::collections::HashSet::new(),
    };
    let (mut parsed, mut translations) = (Vec::new(), Vec::new());
    for (index, file) in files.iter().enumerate() {
        if let Some(folder) = super::i18n::translation_folder(&file.name, &file.text) {
            translations.extend(checker.parse_translation(index, file, folder));
        } else if let Some(raw) = checker.parse(index, file) {
            parsed.push((index, raw));
        }
    }
    // Files that do not parse whole give what could be read of them (see `recover`), so the
    // checks of values and references across files still run, on everything that was read.
    let mut kb = checker.build(parsed);
    kb.translations = checker.translations(&translations, &kb);
    let kb = Some(kb);
    let mut diags = checker.diags;
    diags.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    diags.extend(
        files
            .iter()
            .zip(&checker.counts)
            .filter_map(|(f, c)| c.summary(&f.name)),
    );
    match kb {
        Some(kb) if !diags.iter().any(Diagnostic::is_error) => Ok((kb, diags)),
        _ => Err(LoadError::Invalid(diags)),
    }
}

/// Problems found in one file: shown, and beyond [`limits::MAX_PROBLEMS`], only counted.
#[derive(Clone, Copy, Default)]
struct Counts {
    shown: usize,
    hidden_errors: usize,
    hidden_others: usize,
}

impl Counts {
    /// The closing message of a file with hidden problems; an error when one of them is.
    fn summary(&self, file: &str) -> Option<Diagnostic> {
        let hidden = self.hidden_errors + self.hidden_others;
        (hidden > 0).then(|| {
            let severity = if self.hidden_errors > 0 {
                Severity::Error
            } else {
                Severity::Warning
            };
            let message = format!(
                "… et {hidden} autre(s) problème(s) dans ce fichier, non affichés : corrigez \
                 d'abord les {} premiers",
                limits::MAX_PROBLEMS
            );
            Diagnostic::new(severity, file.to_owned(), (0, 0), message, None)
        })
    }
}

struct Checker<'a> {
    files: &'a [SourceFile],
    diags: Vec<Diagnostic>,
    /// Each file's text as the YAML parser read it (no byte-order mark, forbidden characters
    /// replaced one for one), so that spans index into it; lines and columns match the file.
    texts: Vec<String>,
    /// Where each line of each file starts, for the excerpts.
    line_starts: Vec<Vec<usize>>,
    counts: Vec<Counts>,
    today: Date,
    /// Ids written in pieces of files that could not be read: a reference to one of them is
    /// not reported as unknown (its piece's own problem is).
    unread_ids: std::collections::HashSet<String>,
}

impl Checker<'_> {
    fn push(&mut self, severity: Severity, file: usize, line: u32, col: u32, message: String) {
        let counts = &mut self.counts[file];
        if counts.shown >= limits::MAX_PROBLEMS {
            if severity == Severity::Error {
                counts.hidden_errors += 1;
            } else {
                counts.hidden_others += 1;
            }
            return;
        }
        counts.shown += 1;
        let (line, col) = self.inside(file, line, col);
        let source = &self.files[file];
        let diag = Diagnostic::new(
            severity,
            source.name.clone(),
            (line, col),
            message,
            self.source_line(file, line),
        );
        self.diags.push(diag);
    }

    fn error_at(&mut self, file: usize, loc: &Location, message: String) {
        self.push(
            Severity::Error,
            file,
            clamp(loc.line()),
            clamp(loc.column()),
            message,
        );
    }

    fn warn_at(&mut self, file: usize, loc: &Location, message: String) {
        self.push(
            Severity::Warning,
            file,
            clamp(loc.line()),
            clamp(loc.column()),
            message,
        );
    }
}

fn hint(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (vouliez-vous dire « {s} » ?)"))
}
