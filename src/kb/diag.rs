//! Problems found in data, written for content editors: each has a file, a line, a column and a
//! French message, and prints as `path:line:col: message` followed by the offending line. The
//! YAML library's own errors are rewritten here in the editors' language and, where the library
//! stops at a symptom (a missing key, a tab, a quote closed lines later), moved to the line the
//! editor has to change.

mod io;
mod messages;

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

/// A problem's position and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Located {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

/// The YAML library's error `err` on `text` in French, at the line and column to change, for
/// YAML files that are not data (the query set of `relais eval`).
#[must_use]
pub fn yaml_error(text: &str, err: &serde_saphyr::Error) -> (u32, u32, String) {
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let (line, col) = err
        .location()
        .map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
    let found = yaml_problem(text, line, col, &err.to_string());
    (found.line, found.col, found.message)
}

/// Rewrites the YAML library's error `rendered`, reported at `line`:`col` of `text`, for content
/// editors: French, a "did you mean" hint for unknown keys, and the position the editor has to
/// change.
pub(super) fn yaml_problem(text: &str, line: u32, col: u32, rendered: &str) -> Located {
    let first = rendered.lines().next().unwrap_or_default();
    // "error: line 3 column 5: message" -> "message"
    let message = first
        .strip_prefix("error: ")
        .and_then(|rest| rest.split_once(": ").map(|(_, m)| m))
        .unwrap_or(first);
    let at = |message: String| Located { line, col, message };
    let lines: Vec<&str> = text.lines().collect();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return at(unknown_key(rest));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return missing_key(&lines, line, col, rest.trim_end_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return duplicate_key(&lines, line, col, key);
    }
    let tab_words = ["found a tab", "tabs disallowed", "tab cannot", "with a tab"];
    if tab_words.iter().any(|w| message.contains(w)) {
        return tab(&lines, line, col);
    }
    let starts_with_dash = |n: u32| {
        (n as usize)
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .is_some_and(|l| l.trim_start().starts_with('-'))
    };
    if message.contains("multiple YAML documents") || message.contains("multiple documents") {
        return document_marker(&lines, line, col, messages::translate(message));
    }
    let dash_glued = |n: u32| {
        (n as usize)
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .and_then(|l| l.trim_start().strip_prefix('-'))
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_whitespace() && c != '-'))
    };
    if dash_glued(line) && messages::translate(message).starts_with("une liste est attendue") {
        return at(
            "un « - » d'élément de liste doit être suivi d'une espace (ex. « - id: … »)".to_owned(),
        );
    }
    if message.contains("expected '-' indicator") && !starts_with_dash(line) {
        return at(
            "indentation incorrecte : alignez cette ligne sur les autres clés de son bloc \
                   (ou, pour un nouvel élément de liste, commencez-la par « - »)"
                .to_owned(),
        );
    }
    if message.starts_with("invalid trailing content after") {
        return trailing_content(&lines, line, col);
    }
    at(messages::translate(message))
}

/// `rest` is what follows the library's « unknown field » and its opening backtick: the key,
/// then the keys the library expected.
fn unknown_key(rest: &str) -> String {
    let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let valid: Vec<&str> = expected
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ")
        .split(", ")
        .map(|k| k.trim_matches('`'))
        .filter(|k| !k.is_empty())
        .collect();
    match super::text::did_you_mean(key, valid.iter().copied()) {
        Some(s) => format!("clé inconnue « {key} » (vouliez-vous dire « {s} » ?)"),
        None => format!(
            "clé inconnue « {key} » ; clés possibles : {}",
            valid.join(", ")
        ),
    }
}

/// Indentation of a line, and whether it is blank or a comment.
fn indent(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ');
    (!trimmed.is_empty() && !trimmed.starts_with('#')).then(|| line.len() - trimmed.len())
}

/// The 1-based lines of the block mapping whose keys start at column `col`, walking up from
/// `line` (which holds one of its keys): each key line, first to last up to `line`. Empty when
/// `line` does not start with a key at `col` (a flow mapping, say).
fn block_keys(lines: &[&str], line: u32, col: u32) -> Vec<usize> {
    let key_indent = col.saturating_sub(1) as usize;
    let Some(index) = (line as usize).checked_sub(1) else {
        return Vec::new();
    };
    if lines.get(index).and_then(|l| indent(l)) != Some(key_indent) {
        return Vec::new();
    }
    let mut keys = vec![index];
    for i in (0..index).rev() {
        let Some(ind) = indent(lines[i]) else {
            continue;
        };
        if ind > key_indent {
            continue;
        }
        if ind == key_indent {
            // A `- item` at the keys' indentation belongs to the previous key's list.
            if !lines[i][ind..].starts_with('-') {
                keys.push(i);
            }
            continue;
        }
        // The `- ` line that opens a list item holds the mapping's first key.
        let item = lines[i][ind..].strip_prefix('-').unwrap_or_default();
        if ind < key_indent && ind + 1 + item.len() - item.trim_start().len() == key_indent {
            keys.push(i);
        }
        break;
    }
    keys.reverse();
    keys
}

/// Whether the text at `col` (1-based, in a line indented with spaces) starts with `key:`.
fn has_key(line: &str, col: usize, key: &str) -> bool {
    line.get(col.saturating_sub(1)..)
        .and_then(|s| s.strip_prefix(key))
        .is_some_and(|s| s.starts_with(':'))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The library reports a missing key at the mapping's last key. Point at the mapping's first
/// line instead, or at the key itself when it is there but indented differently (so it fell out
/// of its block).
fn missing_key(lines: &[&str], line: u32, col: u32, key: &str) -> Located {
    let message = format!("clé obligatoire « {key} » manquante");
    let keys = block_keys(lines, line, col);
    let Some(&first) = keys.first() else {
        return Located { line, col, message };
    };
    let key_indent = col.saturating_sub(1) as usize;
    // Lines after the block's last key: its nested values, then whatever ends the block.
    for (i, l) in lines.iter().enumerate().skip(line as usize) {
        let Some(ind) = indent(l) else { continue };
        if ind >= key_indent {
            continue;
        }
        if has_key(l, ind + 1, key) {
            return Located {
                line: to_u32(i + 1),
                col: to_u32(ind + 1),
                message: format!(
                    "clé « {key} » mal indentée : alignez-la sur les autres clés de son bloc \
                     (colonne {col}), sinon elle est comptée comme manquante"
                ),
            };
        }
        break;
    }
    Located {
        line: to_u32(first + 1),
        col,
        message: format!("{message} dans le bloc qui commence ici"),
    }
}

/// Names the line of the key's first occurrence, in the same block.
fn duplicate_key(lines: &[&str], line: u32, col: u32, key: &str) -> Located {
    let first = block_keys(lines, line, col)
        .into_iter()
        .find(|&i| i + 1 < line as usize && has_key(lines[i], col as usize, key));
    let message = match first {
        Some(i) => format!(
            "clé « {key} » en double dans le même bloc (déjà à la ligne {})",
            i + 1
        ),
        None => format!("clé « {key} » en double dans le même bloc"),
    };
    Located { line, col, message }
}

/// The library can report a tab at the end of the previous value: point at the tab itself.
fn tab(lines: &[&str], line: u32, col: u32) -> Located {
    let message = "tabulation interdite : indentez avec des espaces".to_owned();
    let at = |i: usize, c: usize| Located {
        line: to_u32(i + 1),
        col: to_u32(c + 1),
        message: message.clone(),
    };
    let start = (line.max(1) - 1) as usize;
    let Some(current) = lines.get(start) else {
        return Located { line, col, message };
    };
    let skip = col.saturating_sub(1) as usize;
    let chars: Vec<char> = current.chars().collect();
    // On the reported line: a tab at or after the column, else the last one before it.
    if let Some(c) = chars.iter().skip(skip).position(|&c| c == '\t') {
        return at(start, skip + c);
    }
    if let Some(c) = chars.iter().take(skip).rposition(|&c| c == '\t') {
        return at(start, c);
    }
    // Reported at the end of the previous value: the tab starts the next line that has text.
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if let Some(c) = l.chars().position(|c| c == '\t') {
            return at(i, c);
        }
        if !l.trim().is_empty() {
            break;
        }
    }
    Located { line, col, message }
}

/// The library reports a second document where its content starts: point at the `---` or
/// `...` line before it, which is what the editor has to remove.
fn document_marker(lines: &[&str], line: u32, col: u32, message: String) -> Located {
    let end = (line as usize).min(lines.len());
    let marker = lines[..end]
        .iter()
        .rposition(|l| l.starts_with("---") || l.starts_with("..."));
    match marker {
        Some(i) => Located {
            line: to_u32(i + 1),
            col: 1,
            message,
        },
        None => Located { line, col, message },
    }
}

/// Text after a quoted value. When the quote that ends the value is on a later line than the one
/// that opens it, the editor forgot to close a quote: point at the opening one.
fn trailing_content(lines: &[&str], line: u32, col: u32) -> Located {
    let here = Located {
        line,
        col,
        message: "texte inattendu après le guillemet fermant : mettez toute la valeur entre \
                  guillemets"
            .to_owned(),
    };
    let Some(index) = (line as usize).checked_sub(1) else {
        return here;
    };
    let Some(current) = lines.get(index) else {
        return here;
    };
    let before: Vec<char> = current
        .chars()
        .take(col.saturating_sub(1) as usize)
        .collect();
    let Some(close) = before.iter().rposition(|c| !c.is_whitespace()) else {
        return here;
    };
    let quote = before[close];
    if quote != '"' && quote != '\'' {
        return here;
    }
    let mut open = opening_quote(&before[..close], quote).map(|c| (index, c));
    for i in (0..index).rev() {
        if open.is_some() {
            break;
        }
        let chars: Vec<char> = lines[i].chars().collect();
        open = opening_quote(&chars, quote).map(|c| (i, c));
    }
    match open {
        Some((i, c)) if i < index => Located {
            line: to_u32(i + 1),
            col: to_u32(c + 1),
            message: format!(
                "guillemet ouvert mais pas fermé sur sa ligne : ajoutez le guillemet fermant \
                 (sinon la valeur continue jusqu'au guillemet de la ligne {line})"
            ),
        },
        _ => here,
    }
}

/// The last `quote` of `chars` that is not escaped (`\"` in double quotes, `''` in single).
fn opening_quote(chars: &[char], quote: char) -> Option<usize> {
    let mut i = chars.len();
    while i > 0 {
        i -= 1;
        if chars[i] != quote {
            continue;
        }
        if quote == '\'' && i > 0 && chars[i - 1] == '\'' {
            i -= 1;
            continue;
        }
        let backslashes = chars[..i].iter().rev().take_while(|&&c| c == '\\').count();
        if quote == '"' && backslashes % 2 == 1 {
            continue;
        }
        return Some(i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str, line: u32, col: u32, message: &str) -> Located {
        yaml_problem(
            text,
            line,
            col,
            &format!("error: line {line} column {col}: {message}"),
        )
    }

    #[test]
    fn unknown_keys_get_the_closest_valid_key() {
        let p = problem(
            "x: 1\n",
            1,
            1,
            "unknown field `titel`, expected one of `id`, `title`, `summary`",
        );
        assert_eq!(
            p.message,
            "clé inconnue « titel » (vouliez-vous dire « title » ?)"
        );
        let p = problem(
            "x: 1\n",
            1,
            1,
            "unknown field `zzz`, expected `id` or `title`",
        );
        assert!(
            p.message
                .starts_with("clé inconnue « zzz » ; clés possibles : ")
        );
    }

    #[test]
    fn a_missing_key_points_at_the_start_of_its_block() {
        let text = "entries:\n  - id: a\n    title: T\n    answer: A\n";
        let p = problem(text, 4, 5, "missing field `summary`");
        assert_eq!((p.line, p.col), (2, 5));
        assert_eq!(
            p.message,
            "clé obligatoire « summary » manquante dans le bloc qui commence ici"
        );
    }

    #[test]
    fn a_missing_key_found_mis_indented_points_at_it() {
        let text = "entries:\n  - id: a\n    title: T\n   summary: S\n    answer: A\n";
        let p = problem(text, 3, 5, "missing field `summary`");
        assert_eq!((p.line, p.col), (4, 4));
        assert!(
            p.message.starts_with("clé « summary » mal indentée"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_duplicate_key_names_the_first_line() {
        let text = "categories:\n  - id: a\n    title: T\n    title: U\n";
        let p = problem(
            text,
            4,
            5,
            "duplicate mapping key: title, set DuplicateKeyPolicy",
        );
        assert_eq!(
            p.message,
            "clé « title » en double dans le même bloc (déjà à la ligne 3)"
        );
    }

    #[test]
    fn a_tab_is_reported_where_it_is() {
        let text = "categories:\n  - id: a\n\ttitle: T\n";
        let p = problem(text, 2, 9, "while scanning a plain scalar, found a tab");
        assert_eq!((p.line, p.col), (3, 1));
    }

    #[test]
    fn an_unclosed_quote_points_at_the_opening_quote() {
        let text = "a:\n  title: \"Droits\n  other: \"x\"\n";
        let p = problem(
            text,
            3,
            11,
            "invalid trailing content after double-quoted scalar",
        );
        assert_eq!((p.line, p.col), (2, 10));
        assert!(p.message.contains("ligne 3"), "{}", p.message);
        // Closed on its own line, then more text: the text after the quote is the problem.
        let text = "a:\n  title: \"Droits\" et plus\n";
        let p = problem(
            text,
            2,
            19,
            "invalid trailing content after double-quoted scalar",
        );
        assert_eq!((p.line, p.col), (2, 19));
        assert!(
            p.message
                .starts_with("texte inattendu après le guillemet fermant")
        );
    }

    #[test]
    fn unknown_messages_get_a_general_french_message() {
        let p = problem("a\n", 1, 1, "something new");
        assert!(
            p.message.starts_with("structure YAML invalide"),
            "{}",
            p.message
        );
    }
}
