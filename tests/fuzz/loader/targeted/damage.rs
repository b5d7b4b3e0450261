//! Where each kind of targeted damage finds its place in a file, the damaged text, and what
//! the loader must then say (`Expect`).

use proptest::sample::Index;

use super::yaml_lines::{
    KeyLine, col_of, complete_value, in_text_block, join, key_line, next_indent, pick, sections,
    to_u32,
};
use super::{Expect, Targeted};

const REQUIRED: [(&str, &[&str]); 4] = [
    (
        "entries",
        &["title", "category", "summary", "answer", "reviewed"],
    ),
    ("contacts", &["name", "description", "region"]),
    ("decks", &["title"]),
    ("categories", &["title"]),
];

const REF_KEYS: [&str; 4] = ["related", "contacts", "slides", "fallback_contacts"];

impl Targeted {
    /// The damaged text and what the loader must say, or `None` when the file has no place for
    /// this kind of damage.
    pub(super) fn apply(&self, text: &str) -> Option<(String, Expect)> {
        let f = File::new(text);
        match *self {
            Self::BreakReference(i) => f.break_reference(i),
            Self::DuplicateKey(i) => f.duplicate_key(i),
            Self::TabIndent(i) => f.tab_indent(i),
            Self::DeleteRequired(i) => f.delete_required(i),
            Self::Forbidden(i, c) => f.forbidden(i, c),
            Self::UnclosedQuote(i) => f.unclosed_quote(i),
            Self::MisspellKey(i) => f.misspell_key(i),
            Self::BadDate(i) => f.bad_date(i),
            Self::ShiftKey(i, right) => f.shift_key(i, right),
            Self::ListToText(i) => f.list_to_text(i),
            Self::TextToList(i) => f.text_to_list(i),
            Self::BareColon(i) => f.bare_colon(i),
        }
    }
}

/// A file about to be damaged: its lines, and which of them are text rather than keys.
struct File<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    text_block: Vec<bool>,
}

/// An error at 0-based `line`, 1-based `col`, saying `says`.
fn at(line: usize, col: u32, says: &'static str) -> Expect {
    Expect {
        line: to_u32(line + 1),
        col: Some(col),
        says,
    }
}

/// Some error on 0-based `line`.
fn on_line(line: usize) -> Expect {
    Expect {
        line: to_u32(line + 1),
        col: None,
        says: "",
    }
}

impl<'a> File<'a> {
    fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let text_block = in_text_block(&lines);
        Self {
            text,
            lines,
            text_block,
        }
    }

    /// The lines that hold a key (outside texts), with their parts.
    fn key_lines(&self) -> impl Iterator<Item = (usize, KeyLine<'a>)> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.text_block[*i])
            .filter_map(|(i, l)| key_line(l).map(|k| (i, k)))
    }

    /// The file with line `n` changed by `change`.
    fn with_line(&self, n: usize, change: impl FnOnce(&mut String)) -> String {
        let mut owned: Vec<String> = self.lines.iter().map(|l| (*l).to_owned()).collect();
        change(&mut owned[n]);
        join(&owned, self.text)
    }

    fn with_lines(&self, change: impl FnOnce(&mut Vec<String>)) -> String {
        let mut owned: Vec<String> = self.lines.iter().map(|l| (*l).to_owned()).collect();
        change(&mut owned);
        join(&owned, self.text)
    }

    /// An id in a reference list or an answer's `[[link]]` replaced by an unknown one.
    fn break_reference(&self, i: Index) -> Option<(String, Expect)> {
        // (line, byte offset of the id, id length, is a [[link]])
        let mut sites = Vec::new();
        for (n, k) in self.key_lines() {
            if REF_KEYS.contains(&k.key) && k.value.starts_with('[') && k.value.ends_with(']') {
                let mut offset = k.value_at + 1;
                for item in k.value[1..k.value.len() - 1].split(',') {
                    let lead = item.len() - item.trim_start().len();
                    let id = item.trim();
                    if !id.is_empty() && !id.starts_with('"') {
                        sites.push((n, offset + lead, id.len(), false));
                    }
                    offset += item.len() + 1;
                }
            }
        }
        let mut answer = false;
        for (n, l) in self.lines.iter().enumerate() {
            if !self.text_block[n] {
                answer = key_line(l).is_some_and(|k| k.key == "answer" && k.value == "|");
                continue;
            }
            if answer {
                for (start, _) in l.match_indices("[[") {
                    if let Some(len) = l[start + 2..].find("]]") {
                        sites.push((n, start + 2, len, true));
                    }
                }
            }
        }
        let (n, offset, len, link) = pick(&sites, i)?;
        let text = self.with_line(n, |l| l.replace_range(offset..offset + len, "zz-inconnu"));
        let col = col_of(self.lines[n], if link { offset - 2 } else { offset });
        Some((text, at(n, col, "inconnu")))
    }

    /// A `key: value` line written twice.
    fn duplicate_key(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(n, k)| {
                !k.dash
                    && complete_value(k.value)
                    && next_indent(&self.lines, *n).is_none_or(|ind| ind <= k.indent)
            })
            .map(|(n, k)| (n, k.indent))
            .collect();
        let (n, indent) = pick(&sites, i)?;
        let text = self.with_lines(|l| l.insert(n + 1, self.lines[n].to_owned()));
        Some((text, at(n + 1, to_u32(indent + 1), "en double")))
    }

    /// A key indented with a tab.
    fn tab_indent(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<usize> = self
            .key_lines()
            .filter(|(_, k)| k.indent > 0)
            .map(|(n, _)| n)
            .collect();
        let n = pick(&sites, i)?;
        let body = self.lines[n].trim_start_matches(' ');
        let text = self.with_line(n, |l| *l = format!("\t{body}"));
        Some((text, at(n, 1, "tabulation")))
    }

    /// A required key of an entry, contact, deck or category deleted: reported at the item's
    /// first line.
    fn delete_required(&self, i: Index) -> Option<(String, Expect)> {
        let section = sections(&self.lines);
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(n, k)| {
                k.indent == 4
                    && !k.dash
                    && complete_value(k.value)
                    && next_indent(&self.lines, *n).is_none_or(|ind| ind <= k.indent)
                    && REQUIRED
                        .iter()
                        .any(|(s, keys)| *s == section[*n] && keys.contains(&k.key))
            })
            .filter_map(|(n, _)| {
                // The item's first line, `  - id: ...`.
                let start = (0..n).rev().find(|&j| {
                    !self.text_block[j]
                        && key_line(self.lines[j]).is_some_and(|s| s.dash && s.indent == 2)
                })?;
                Some((n, start))
            })
            .collect();
        let (n, start) = pick(&sites, i)?;
        let text = self.with_lines(|l| {
            l.remove(n);
        });
        Some((text, at(start, 5, "manquante")))
    }

    /// A forbidden character anywhere: reported at its own line and column.
    fn forbidden(&self, i: Index, c: char) -> Option<(String, Expect)> {
        let text = self.text;
        let mut at_byte = i.index(text.len() + 1);
        while !text.is_char_boundary(at_byte) {
            at_byte += 1;
        }
        if c == '\r' && text[at_byte..].starts_with('\n') {
            return None;
        }
        // A byte-order mark that stays first is not a column.
        let bom = if at_byte > 0 && text.starts_with('\u{FEFF}') {
            3
        } else {
            0
        };
        let before = &text[bom.min(at_byte)..at_byte];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let col = to_u32(before[line_start..].chars().count() + 1);
        let mut damaged = text.to_owned();
        damaged.insert(at_byte, c);
        Some((damaged, at(line, col, "caractère interdit")))
    }

    /// The closing quote of a one-line value removed: reported at that line (the opening quote).
    fn unclosed_quote(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<usize> = self
            .key_lines()
            .filter(|(_, k)| {
                k.value.len() > 2
                    && k.value.starts_with('"')
                    && k.value.ends_with('"')
                    && !k.value[1..k.value.len() - 1].contains(['"', '\\'])
            })
            .map(|(n, _)| n)
            .collect();
        let n = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.pop();
        });
        Some((text, on_line(n)))
    }

    /// Two letters of a key swapped: "title" -> "tilte".
    fn misspell_key(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<(usize, KeyLine<'a>)> =
            self.key_lines().filter(|(_, k)| k.key.len() >= 4).collect();
        let (n, k) = sites.get(i.index(sites.len().max(1)))?;
        let key_at = k.indent + if k.dash { 2 } else { 0 };
        let mut key: Vec<char> = k.key.chars().collect();
        key.swap(1, 2);
        let key: String = key.into_iter().collect();
        if key == k.key {
            return None;
        }
        let text = self.with_line(*n, |l| l.replace_range(key_at..key_at + k.key.len(), &key));
        Some((text, at(*n, to_u32(key_at + 1), "clé inconnue")))
    }

    /// A date that does not exist.
    fn bad_date(&self, i: Index) -> Option<(String, Expect)> {
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                matches!(k.key, "reviewed" | "verified" | "date")
                    && k.value.len() == 10
                    && k.value.as_bytes()[4] == b'-'
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.replace_range(value_at..value_at + 10, "2026-13-45");
        });
        Some((
            text,
            at(n, col_of(self.lines[n], value_at), "date invalide"),
        ))
    }

    /// A key that is not the first of its block moved one space in or out: reported at its
    /// line, whatever the parser makes of it.
    fn shift_key(&self, i: Index, right: bool) -> Option<(String, Expect)> {
        let sites: Vec<usize> = self
            .key_lines()
            .filter(|(n, k)| {
                !k.dash
                    && k.indent >= 2
                    && *n > 0
                    && !self.text_block[n - 1]
                    && key_line(self.lines[n - 1]).is_some_and(|p| {
                        complete_value(p.value) && p.indent + if p.dash { 2 } else { 0 } == k.indent
                    })
            })
            .map(|(n, _)| n)
            .collect();
        let n = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            if right {
                l.insert(0, ' ');
            } else {
                l.remove(0);
            }
        });
        Some((text, on_line(n)))
    }

    /// A list replaced by a text.
    fn list_to_text(&self, i: Index) -> Option<(String, Expect)> {
        let lists = [
            "related", "keywords", "audience", "slides", "phone", "topics",
        ];
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                lists.contains(&k.key)
                    && k.value.starts_with('[')
                    && k.value.ends_with(']')
                    && k.value.len() > 2
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.truncate(value_at);
            l.push_str("un texte");
        });
        let col = col_of(self.lines[n], value_at);
        Some((text, at(n, col, "une liste est attendue")))
    }

    /// A text replaced by a list.
    fn text_to_list(&self, i: Index) -> Option<(String, Expect)> {
        let texts = ["title", "name", "category", "region", "summary", "id"];
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                texts.contains(&k.key) && complete_value(k.value) && !k.value.starts_with('[')
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let text = self.with_line(n, |l| {
            l.insert(value_at, '[');
            l.push(']');
        });
        let col = col_of(self.lines[n], value_at);
        Some((text, at(n, col, "un texte est attendu")))
    }

    /// A quoted value unquoted, with a colon inside: `title: Asile : les étapes`.
    fn bare_colon(&self, i: Index) -> Option<(String, Expect)> {
        let special = [
            '-', '[', '{', '&', '*', '!', '|', '>', '\'', '%', '@', '`', '?', ' ',
        ];
        let sites: Vec<(usize, usize)> = self
            .key_lines()
            .filter(|(_, k)| {
                k.value.len() > 2
                    && k.value.starts_with('"')
                    && k.value.ends_with('"')
                    && !k.value[1..k.value.len() - 1].contains(['"', '\\', ':', '#'])
                    && !k.value[1..].starts_with(special)
            })
            .map(|(n, k)| (n, k.value_at))
            .collect();
        let (n, value_at) = pick(&sites, i)?;
        let line = self.lines[n];
        let inner = &line[value_at + 1..line.len() - 1];
        let changed = format!("{}Asile : {inner}", &line[..value_at]);
        let col = col_of(&changed, value_at + "Asile ".len());
        Some((
            self.with_line(n, |l| *l = changed),
            at(n, col, "deux-points"),
        ))
    }
}
