//! Where the editor has to look: the library reports some problems where it noticed them (the
//! end of a block for a missing key, the line after an unclosed quote); these move them to the
//! line to change and say why.

use super::Located;

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
pub(super) fn missing_key(lines: &[&str], line: u32, col: u32, key: &str) -> Located {
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
pub(super) fn duplicate_key(lines: &[&str], line: u32, col: u32, key: &str) -> Located {
    let first = block_keys(lines, line, col)
        .into_iter()
        .find(|&i| i + 1 < line as usize && has_key(lines[i], col as usize, key));
    let key = crate::kb::text::quotable(key);
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
pub(super) fn tab(lines: &[&str], line: u32, col: u32) -> Located {
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
pub(super) fn document_marker(lines: &[&str], line: u32, col: u32, message: String) -> Located {
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
pub(super) fn trailing_content(lines: &[&str], line: u32, col: u32) -> Located {
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
