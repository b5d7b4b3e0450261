//! How the results list is laid out, line by line: the lines above the rows (emergency
//! numbers on the start and no-result screens, what a filter hides, « Vouliez-vous dire »),
//! the separators between region groups, and titles on two lines when they are long. The
//! view draws this layout and the model maps clicks and keeps the selection visible with it,
//! so both agree.

use unicode_width::UnicodeWidthStr;

use super::{App, Row};
use crate::search::Kind;
use crate::strings as s;

/// What a line above the rows says, for the view to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadRole {
    Warning,
    Emergency,
    Dim,
}

/// One line of the list area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A line above the rows.
    Head(String, HeadRole),
    /// The separator above a group of contacts.
    Sep(String),
    /// Line `part` (0 or 1) of row `index`.
    Row { index: usize, part: usize },
}

/// Columns of the marker before a title (« ? », « ☎ »).
pub const MARKER: usize = 2;

/// `text` wrapped at word boundaries to `width` columns (a word longer than that is cut).
#[must_use]
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, width.max(1))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// Where the first line of a title ends (a byte index) when it takes two lines of `width`
/// columns: after the last space that fits; `None` when it fits on one line.
#[must_use]
pub fn title_break(title: &str, width: usize) -> Option<usize> {
    if title.width() <= width {
        return None;
    }
    let mut used = 0;
    let mut cut = None;
    for (i, c) in title.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width {
            break;
        }
        if c == ' ' {
            cut = Some(i + 1);
        }
    }
    // No space early enough: cut the word where the line ends.
    cut.or_else(|| {
        let mut used = 0;
        title
            .char_indices()
            .find(|(_, c)| {
                used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                used > width
            })
            .map(|(i, _)| i)
    })
}

impl App {
    /// The title of a row as the list shows it.
    #[must_use]
    pub fn row_title(&self, row: &Row) -> &str {
        match row.kind {
            Kind::Faq => self.kb.entry(&row.id).map_or("", |e| e.title.as_str()),
            Kind::Contact => self.kb.contact(&row.id).map_or("", |c| c.name.as_str()),
        }
    }

    /// The text width of the list's rows.
    fn list_width(&self) -> usize {
        self.areas().list_rows().width as usize
    }

    /// The lines above the rows, wrapped to the list's width, at most half its height.
    #[must_use]
    pub fn list_head(&self) -> Vec<(String, HeadRole)> {
        let width = self.list_width().max(1);
        let mut out: Vec<(String, HeadRole)> = Vec::new();
        let mut push = |text: &str, role| {
            out.extend(wrap_words(text, width).into_iter().map(|l| (l, role)));
        };
        let did_you_mean = (!self.suggestions.is_empty()).then(|| {
            format!(
                "{} : {} ? (Tab)",
                s::DID_YOU_MEAN,
                self.suggestions.join(", ")
            )
        });
        if self.not_sure {
            push(s::NOT_SURE, HeadRole::Warning);
        }
        if let Some(text) = &did_you_mean {
            push(text, HeadRole::Warning);
        }
        if self.hidden > 0 {
            let n = self.hidden;
            let (plural, verb) = if n > 1 { ("s", "s") } else { ("", "") };
            let text = if self.nothing_found {
                format!("{n} résultat{plural} caché{verb} par le filtre : Échap pour le retirer.")
            } else {
                format!("{n} autre{plural} caché{verb} par le filtre (Échap pour le retirer).")
            };
            push(&text, HeadRole::Warning);
        }
        if self.nothing_found || self.input.value().trim().is_empty() {
            let numbers = self.emergency_line();
            if !numbers.is_empty() {
                push(&numbers, HeadRole::Emergency);
            }
        }
        let room = (self.areas().list_rows().height as usize / 2).max(1);
        out.truncate(room);
        out
    }

    /// « Urgences : 112 urgences vitales · 1733 … (Ctrl + U) », from the data.
    #[must_use]
    pub fn emergency_line(&self) -> String {
        let numbers: Vec<String> = self
            .emergency_numbers()
            .into_iter()
            .map(|e| {
                if e.label.is_empty() {
                    e.number
                } else {
                    format!("{} ({})", e.number, e.label)
                }
            })
            .collect();
        if numbers.is_empty() {
            return String::new();
        }
        format!("Urgences : {} (Ctrl+U)", numbers.join(" · "))
    }

    /// How many lines row `index` takes: its separator, then one or two title lines.
    #[must_use]
    pub fn row_height(&self, index: usize) -> usize {
        let Some(row) = self.rows.get(index) else {
            return 0;
        };
        let title_width = self.list_width().saturating_sub(MARKER).max(1);
        usize::from(row.sep.is_some())
            + 1
            + usize::from(title_break(self.row_title(row), title_width).is_some())
    }

    /// The list area, line by line, from the first visible row.
    #[must_use]
    pub fn list_slots(&self) -> Vec<Slot> {
        let height = self.areas().list_rows().height as usize;
        let mut slots: Vec<Slot> = self
            .list_head()
            .into_iter()
            .map(|(t, r)| Slot::Head(t, r))
            .collect();
        let mut index = self.list_offset;
        while slots.len() < height && index < self.rows.len() {
            if let Some(sep) = &self.rows[index].sep {
                slots.push(Slot::Sep(sep.clone()));
            }
            let parts = self.row_height(index) - usize::from(self.rows[index].sep.is_some());
            slots.extend((0..parts).map(|part| Slot::Row { index, part }));
            index += 1;
        }
        slots.truncate(height);
        slots
    }

    /// Moves the first visible row so that the whole selected row shows.
    pub(super) fn keep_selection_visible(&mut self) {
        let room = (self.areas().list_rows().height as usize)
            .saturating_sub(self.list_head().len())
            .max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        }
        // Down from the selection, rows that fit together with it.
        let mut used = self.row_height(self.selected);
        let mut first = self.selected;
        while first > self.list_offset && used + self.row_height(first - 1) <= room {
            used += self.row_height(first - 1);
            first -= 1;
        }
        if first > self.list_offset {
            self.list_offset = first;
        }
        self.list_offset = self.list_offset.min(self.rows.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_break_after_a_word() {
        let t = "Que faire face au froid et à l'hypothermie ?";
        let at = title_break(t, 20).expect("two lines");
        assert_eq!(&t[..at], "Que faire face au ");
        assert_eq!(title_break("Gale", 20), None);
        let long = "Anticonstitutionnellement";
        assert!(title_break(long, 10).is_some_and(|i| long[..i].width() <= 10));
    }

    #[test]
    fn words_are_never_cut_when_they_fit() {
        let lines = wrap_words("Numéro copié : 0800 00 000 (Croix-Rouge)", 16);
        assert!(lines.iter().all(|l| l.width() <= 16), "{lines:?}");
        assert_eq!(lines.join(" "), "Numéro copié : 0800 00 000 (Croix-Rouge)");
    }
}
