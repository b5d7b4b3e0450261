//! Lines and columns: a problem's place kept inside its file, the line shown under it, and the
//! place of a character or a link inside a text value.

use crate::kb::raw::Text;

use super::Checker;

/// The byte offset where each line of `text` starts.
pub(super) fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

impl Checker<'_> {
    /// `line`:`col` moved into file `file` when it lies past the end of a line or of the file
    /// (the library can point at the empty line after the last line break): at the end of the
    /// line, or of the last line.
    pub(super) fn inside(&self, file: usize, line: u32, col: u32) -> (u32, u32) {
        let text = &self.files[file].text;
        let count = self.line_starts[file].len() - usize::from(text.ends_with('\n'));
        if line == 0 || count == 0 {
            return (line, col);
        }
        let past_end = line as usize > count;
        let line = if past_end { clamp(count as u64) } else { line };
        let width = self
            .source_line(file, line)
            .map_or(0, |l| l.trim_end_matches('\r').chars().count());
        let end = clamp(width as u64 + 1);
        let col = if past_end { end } else { col.clamp(1, end) };
        (line, col)
    }

    /// Line `line` (1-based) of file `file`, without its line break.
    pub(super) fn source_line(&self, file: usize, line: u32) -> Option<&str> {
        let starts = &self.line_starts[file];
        let index = (line as usize).checked_sub(1)?;
        let start = *starts.get(index)?;
        let text = &self.files[file].text;
        let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        text.get(start..end)
    }

    /// Byte offset of the first `needle` at or after byte `from` of the file's parsed text;
    /// `None` when it is not there.
    pub(super) fn find_from(&self, file: usize, from: usize, needle: &str) -> Option<usize> {
        let source = &self.texts[file];
        Some(from + source.get(from..)?.find(needle)?)
    }

    /// Line and column (in characters, from 1) of byte `at` of the file's parsed text. Only
    /// computed for a problem to report: it reads the file up to `at`.
    pub(super) fn line_col(&self, file: usize, at: usize) -> (u32, u32) {
        let source = &self.texts[file];
        let before = source.get(..at).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (clamp(line as u64), clamp(col as u64))
    }

    /// Byte offset of a value in the file's parsed text.
    pub(super) fn value_start(text: &Text) -> Option<usize> {
        text.referenced
            .span()
            .byte_offset()
            .and_then(|b| usize::try_from(b).ok())
    }

    /// Position of the `needle` found in `text`'s value at byte `offset`, searched in the source
    /// from the value's start (block scalars only add indentation, so the source position is
    /// never before the value offset). Falls back to the value's own position.
    pub(super) fn position_in(
        &self,
        file: usize,
        text: &Text,
        offset: usize,
        needle: &str,
    ) -> (u32, u32) {
        let loc = &text.referenced;
        let fallback = (clamp(loc.line()), clamp(loc.column()));
        Self::value_start(text)
            .and_then(|start| self.find_from(file, start + offset, needle))
            .map_or(fallback, |at| self.line_col(file, at))
    }
}

pub(super) fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
