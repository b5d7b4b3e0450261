//! Reading what can be read of a file that does not parse whole: it is cut into pieces, one per
//! item of each list section (an entry, a contact, a deck…) and one per other section, and each
//! piece is read on its own, so that one broken entry hides nothing of the others. A piece keeps
//! its lines where they are and blanks every other line, so its positions are the file's.

use std::collections::HashSet;

/// One piece of a file: the text to parse and the lines (1-based) it keeps.
pub(super) struct Piece {
    pub text: String,
    lines: Vec<u32>,
}

impl Piece {
    pub fn has_line(&self, line: u32) -> bool {
        self.lines.contains(&line)
    }

    /// The ids written in this piece (`id: x` or `- id: x`), so that references to what it
    /// defines are not reported as unknown while it cannot be read.
    pub fn ids(&self, into: &mut HashSet<String>) {
        for line in self.text.lines() {
            let line = line.trim_start().trim_start_matches("- ").trim_start();
            if let Some(value) = line.strip_prefix("id:") {
                let value = value.split(" #").next().unwrap_or_default().trim();
                let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
                if !value.is_empty() {
                    into.insert(value.to_owned());
                }
            }
        }
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_top_key(line: &str) -> bool {
    let first = line.chars().next();
    first.is_some_and(|c| c.is_ascii_alphabetic()) && line.contains(':')
}

fn is_item(line: &str) -> bool {
    let rest = line.trim_start_matches(' ');
    rest == "-" || rest.starts_with("- ")
}

/// Cuts `text` into pieces: each section alone, and each item of a section that is a block
/// list alone with its section's first line. Lines before the first section belong to none.
pub(super) fn pieces(text: &str) -> Vec<Piece> {
    let lines: Vec<&str> = text.split('\n').collect();
    let tops: Vec<usize> = (0..lines.len()).filter(|&i| is_top_key(lines[i])).collect();
    let mut out = Vec::new();
    for (n, &start) in tops.iter().enumerate() {
        let end = tops.get(n + 1).copied().unwrap_or(lines.len());
        let body = start + 1..end;
        let item_indent = body
            .clone()
            .find(|&i| is_item(lines[i]))
            .map(|i| indent(lines[i]));
        let Some(item_indent) = item_indent else {
            out.push(piece(&lines, &[start..end, end..end]));
            continue;
        };
        let items: Vec<usize> = body
            .filter(|&i| is_item(lines[i]) && indent(lines[i]) == item_indent)
            .collect();
        for (k, &item) in items.iter().enumerate() {
            let item_end = items.get(k + 1).copied().unwrap_or(end);
            out.push(piece(&lines, &[start..start + 1, item..item_end]));
        }
    }
    out
}

fn piece(lines: &[&str], keep: &[std::ops::Range<usize>]) -> Piece {
    let kept = |i: usize| keep.iter().any(|r| r.contains(&i));
    let text = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if kept(i) { *l } else { "" })
        .collect::<Vec<_>>()
        .join("\n");
    let lines = (0..lines.len())
        .filter(|&i| kept(i))
        .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX))
        .collect();
    Piece { text, lines }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_item_is_a_piece_with_its_section_line_and_its_own_positions() {
        let text = "# c\nmeta:\n  title: x\nentries:\n  - id: a\n    keywords:\n      - k\n  - id: b\ncontacts: []\n";
        let p = pieces(text);
        assert_eq!(p.len(), 4);
        assert_eq!(p[0].text.lines().nth(1), Some("meta:"));
        assert!(p[1].has_line(4) && p[1].has_line(7) && !p[1].has_line(8));
        assert_eq!(p[2].text.lines().nth(7), Some("  - id: b"));
        assert_eq!(p[2].text.lines().nth(4), Some(""));
        let mut ids = HashSet::new();
        p[2].ids(&mut ids);
        assert!(ids.contains("b"));
    }
}
