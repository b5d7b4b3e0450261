//! Reading one file's YAML: the parser's options and the [`limits`] that bound what a file may
//! ask of it, empty files, the library's errors moved to the line to change, and characters that
//! must never reach a terminal, each reported at its own place.

use super::yaml_errors::{Located, yaml_problem};
use crate::kb::raw::RawFile;
use crate::kb::text::{describe_char, is_forbidden};
use crate::kb::{Severity, SourceFile};

use super::Checker;
use super::positions::clamp;
use super::recover::pieces;

/// Limits on what one data file may ask of the YAML parser, so that a broken or hostile file (an
/// alias bomb, ten thousand nested brackets) is refused at once, in bounded memory. Real data is
/// far below them: the bundled files nest five levels deep and use no alias.
pub mod limits {
    /// Nesting of lists and blocks.
    pub const MAX_DEPTH: usize = 32;
    /// Aliases (`*name`), and anchors (`&name`), in one file.
    pub const MAX_ALIASES: usize = 1_000;
    /// Values (texts, lists and blocks) in one file.
    pub const MAX_NODES: usize = 1_000_000;
    /// Bytes of text in one file, aliases expanded.
    pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
    /// Values that aliases may copy in, in all.
    pub const MAX_ALIAS_COPIES: usize = 100_000;
    /// Problems shown for one file; the others are counted in one last message.
    pub const MAX_PROBLEMS: usize = 200;
}

/// The parser's options: strict booleans, and the [`limits`].
pub(super) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: limits::MAX_DEPTH,
            max_aliases: limits::MAX_ALIASES,
            max_anchors: limits::MAX_ALIASES,
            max_nodes: limits::MAX_NODES,
            max_events: 2 * limits::MAX_NODES,
            max_total_scalar_bytes: limits::MAX_TEXT_BYTES,
            max_merge_keys: 100,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: limits::MAX_ALIAS_COPIES,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: limits::MAX_ALIASES,
        },
    }
}

/// The library's error `err` on `text`, in French, at the place to change.
pub(super) fn located(text: &str, err: &serde_saphyr::Error) -> Located {
    let (line, col) = err
        .location()
        .map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
    yaml_problem(text, line, col, &err.to_string())
}

const TOP_KEYS: [&str; 8] = [
    "meta",
    "categories",
    "entries",
    "contacts",
    "decks",
    "synonyms",
    "families",
    "colloquial",
];

/// `text` read into our types, or its first problem in French at the place to change.
fn read_raw(text: &str) -> Result<RawFile, Located> {
    serde_saphyr::from_str_with_options::<RawFile>(text, yaml_options()).map_err(|err| {
        let mut problem = located(text, &err);
        // Read into our types, an entry ends at the first line indented less than its keys,
        // and its missing keys are reported before the parser reaches that line, which is
        // what the editor has to fix.
        if problem.message.starts_with("clé obligatoire") {
            let syntax =
                serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(text, yaml_options());
            if let Err(err) = syntax {
                problem = located(text, &err);
            }
        }
        problem
    })
}

impl Checker<'_> {
    /// Keeps the text of file `index` (byte-order mark left out, forbidden characters
    /// reported) for the next steps; true when it holds nothing but blank lines and comments.
    pub(super) fn keep_text(&mut self, index: usize, file: &SourceFile) -> bool {
        let text = file.text.strip_prefix('\u{FEFF}').unwrap_or(&file.text);
        let text = self.forbidden_characters(index, text);
        self.texts.push(text);
        self.texts[index]
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    }

    pub(super) fn parse(&mut self, index: usize, file: &SourceFile) -> Option<RawFile> {
        if self.keep_text(index, file) {
            self.push(
                Severity::Error,
                index,
                0,
                0,
                format!(
                    "fichier vide : il doit contenir au moins une des sections {}",
                    TOP_KEYS.join(", ")
                ),
            );
            return None;
        }
        let text = &self.texts[index];
        match read_raw(text) {
            Ok(raw) => Some(raw),
            Err(problem) => {
                let line = problem.line;
                self.push(
                    Severity::Error,
                    index,
                    problem.line,
                    problem.col,
                    problem.message,
                );
                Some(self.recover(index, line))
            }
        }
    }

    /// What can be read of file `index`, which does not parse whole, piece by piece (see
    /// [`super::recover`]); the problem of each piece that does not parse either is reported,
    /// except in the piece of the problem already reported at `reported`.
    fn recover(&mut self, index: usize, reported: u32) -> RawFile {
        let text = std::mem::take(&mut self.texts[index]);
        let mut merged = RawFile::default();
        for piece in pieces(&text) {
            match read_raw(&piece.text) {
                Ok(raw) => merged.extend(raw),
                Err(problem) => {
                    piece.ids(&mut self.unread_ids);
                    if !piece.has_line(reported) {
                        self.push(
                            Severity::Error,
                            index,
                            problem.line,
                            problem.col,
                            problem.message,
                        );
                    }
                }
            }
        }
        self.texts[index] = text;
        merged
    }

    /// Reports every character that must never reach a terminal, at its own line and column
    /// (the YAML parser would stop at the first, often at the start of its block), and returns
    /// the text with each replaced by U+FFFD so that the rest of the file is still checked.
    pub(super) fn forbidden_characters(&mut self, index: usize, text: &str) -> String {
        let mut clean = String::with_capacity(text.len());
        let (mut line, mut col) = (1u32, 0u32);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            col += 1;
            // Windows line ends (CR LF) are line breaks, not stray carriage returns.
            let line_end = c == '\r' && chars.peek() == Some(&'\n');
            if is_forbidden(c) && !line_end {
                let message = format!("caractère interdit : {}", describe_char(c));
                self.push(Severity::Error, index, line, col, message);
                clean.push('\u{FFFD}');
                continue;
            }
            if c == '\n' {
                (line, col) = (line + 1, 0);
            }
            clean.push(c);
        }
        clean
    }
}
