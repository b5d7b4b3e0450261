//! Reading a YAML file line by line, as the targeted damage needs it: a line's key and value,
//! whether a value ends on its line, which lines are text inside a block, the section of each
//! line, and a line's columns.

use proptest::sample::Index;

pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("small")
}

/// The 1-based column of byte `at` in `line`.
pub(super) fn col_of(line: &str, at: usize) -> u32 {
    to_u32(line[..at].chars().count() + 1)
}

/// A line split as `indent`, optional `- `, `key`, `: `, value.
pub(super) struct KeyLine<'a> {
    pub(super) indent: usize,
    pub(super) dash: bool,
    pub(super) key: &'a str,
    /// Byte offset of the value in the line.
    pub(super) value_at: usize,
    pub(super) value: &'a str,
}

pub(super) fn key_line(line: &str) -> Option<KeyLine<'_>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let (dash, rest) = match rest.strip_prefix("- ") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let key_end = rest.find(':')?;
    let key = &rest[..key_end];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return None;
    }
    let value_at = line.len() - rest.len() + key_end + 1;
    let value = line[value_at..]
        .strip_prefix(' ')
        .unwrap_or(&line[value_at..]);
    let value_at = line.len() - value.len();
    Some(KeyLine {
        indent,
        dash,
        key,
        value_at,
        value,
    })
}

/// A value that ends on its own line: plain, or quoted and closed, or a closed flow list.
pub(super) fn complete_value(v: &str) -> bool {
    let v = v.trim_end();
    match v.chars().next() {
        None | Some('|' | '>' | '&' | '*' | '!' | '{') => false,
        Some('"') => v.len() > 1 && v.ends_with('"') && !v[1..v.len() - 1].contains('"'),
        Some('\'') => v.len() > 1 && v.ends_with('\'') && !v[1..v.len() - 1].contains('\''),
        Some('[') => v.ends_with(']'),
        _ => !v.contains(" #"),
    }
}

/// Indentation of the next line that is not blank or a comment, if any.
pub(super) fn next_indent(lines: &[&str], i: usize) -> Option<usize> {
    lines[i + 1..]
        .iter()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.len() - l.trim_start_matches(' ').len())
}

/// Lines inside block scalars (`|`, `>`) and multi-line values, where keys are text.
pub(super) fn in_text_block(lines: &[&str]) -> Vec<bool> {
    let mut inside = vec![false; lines.len()];
    let mut owner: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let ind = l.len() - l.trim_start_matches(' ').len();
        if let Some(o) = owner {
            if l.trim().is_empty() || ind > o {
                inside[i] = true;
                continue;
            }
            owner = None;
        }
        // A key whose value continues below (a nested block's keys are at a deeper indentation
        // and are keys, not text).
        let continues = |k: &KeyLine<'_>| {
            !k.value.is_empty() && !complete_value(k.value) && !k.value.starts_with('[')
        };
        if let Some(k) = key_line(l).filter(continues) {
            owner = Some(k.indent + if k.dash { 2 } else { 0 });
        }
    }
    inside
}

/// Replaces `lines` and joins them back, keeping the file's final newline.
pub(super) fn join(lines: &[String], original: &str) -> String {
    let mut out = lines.join("\n");
    if original.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Picks one of `sites` with `i`, or nothing when there is none.
pub(super) fn pick<T: Clone>(sites: &[T], i: Index) -> Option<T> {
    (!sites.is_empty()).then(|| sites[i.index(sites.len())].clone())
}

/// The section (top-level key) each line belongs to.
pub(super) fn sections<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut current = "";
    lines
        .iter()
        .map(|l| {
            if let Some(k) = key_line(l).filter(|k| k.indent == 0 && !k.dash) {
                current = k.key;
            }
            current
        })
        .collect()
}
