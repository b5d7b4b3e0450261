//! The reading pane: the open entry or contact, laid out by `document` for the pane's
//! width; its numbered links, its scrolling and its find bar.

mod document;

pub use document::{
    FRENCH_FOLLOWS, Marks, ReaderDoc, contact, contact_in, entry, entry_in, no_translation,
    rtl_warning,
};

use super::{App, Find, Focus};

/// The longest reading line, in columns.
pub const READING_WIDTH: usize = 90;

impl App {
    pub(super) fn open_selected(&mut self) {
        let Some(id) = self.rows.get(self.selected).map(|r| r.id.clone()) else {
            return;
        };
        // Focus first: on a narrow screen the reader only gets its width once it has focus.
        self.focus = Focus::Reader;
        if self.open.as_deref() == Some(&id) {
            if self.previewing {
                self.keep_preview(&id);
            }
            self.remember(&id);
            self.previewing = false;
            self.rebuild_doc();
        } else {
            self.navigate(id);
        }
    }

    /// Shows `id` in the reader without touching the history.
    pub(super) fn show(&mut self, id: String) {
        self.open = Some(id);
        self.previewing = false;
        self.scroll = 0;
        self.find = None;
        self.qr = None;
        self.rebuild_doc();
    }

    /// A digit typed in the reader: follows at once when no longer number is possible,
    /// otherwise waits for the next digit or Enter ("1" then "2" follows link 12).
    pub(super) fn link_digit(&mut self, digit: usize) {
        self.link_digits.push_str(&digit.to_string());
        let n: usize = self.link_digits.parse().unwrap_or(0);
        if n * 10 > self.doc.links.len() || self.link_digits.len() >= 3 {
            self.link_digits.clear();
            self.follow(n);
        } else {
            self.status = Some(format!(
                "Lien n° {n}… : un autre chiffre, ou Entrée pour le suivre"
            ));
        }
    }

    pub(super) fn follow_typed_link(&mut self) {
        let n: usize = std::mem::take(&mut self.link_digits).parse().unwrap_or(0);
        if n > 0 {
            self.follow(n);
        }
    }

    pub(super) fn follow(&mut self, n: usize) {
        match n
            .checked_sub(1)
            .and_then(|i| self.doc.links.get(i))
            .cloned()
        {
            Some(id) => {
                // Following a link from a preview makes the preview a step of the history.
                self.previewing = false;
                self.navigate(id);
                self.focus = Focus::Reader;
            }
            None => self.status = Some(format!("Pas de lien n° {n} sur cette fiche.")),
        }
    }

    /// The width the reader lays its document out for.
    #[must_use]
    pub fn reader_width(&self) -> usize {
        // Lines longer than about ninety characters are hard to follow on a wide screen.
        (self.areas().reader_text().width.max(1) as usize).min(READING_WIDTH)
    }

    /// Lays out the open item for the reader's current width.
    pub fn rebuild_doc(&mut self) {
        if self.pending.is_some()
            && let Some(id) = self.open.clone()
        {
            self.settle_for(&id);
        }
        let width = self.reader_width();
        let query = self.query_words();
        let find_term = self
            .find
            .as_ref()
            .map(|f| crate::search::fold::fold(f.input.value().trim()));
        let marks = Marks {
            query: &query,
            find: find_term.as_deref(),
        };
        let kb = &self.kb;
        self.doc = match self.open.as_deref().and_then(|id| kb.item(id)) {
            Some(crate::kb::Item::Entry(e)) => entry_in(
                kb,
                e,
                self.lang,
                width,
                &self.theme,
                &marks,
                self.info.today,
            ),
            Some(crate::kb::Item::Contact(c)) => contact_in(
                kb,
                c,
                self.lang,
                width,
                &self.theme,
                &marks,
                self.info.today,
            ),
            _ => ReaderDoc::default(),
        };
        self.doc_width = width;
        self.scroll = self.scroll.min(self.max_scroll());
        // A new layout can have fewer matches than the one the find bar was stepping through.
        let last = self.doc.matches.len().saturating_sub(1);
        if let Some(find) = self.find.as_mut() {
            find.current = find.current.min(last);
        }
    }

    /// The largest useful scroll offset.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.doc
            .lines
            .len()
            .saturating_sub(self.areas().reader_text().height as usize)
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        if self.help {
            self.help_scroll = self
                .help_scroll
                .saturating_add_signed(delta as i16)
                .min(self.help_max_scroll());
            return;
        }
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    pub(super) fn start_find(&mut self) {
        if self.open.is_some() {
            self.find = Some(Find {
                editing: true,
                ..Find::default()
            });
            self.focus = Focus::Reader;
        }
    }

    pub(super) fn find_step(&mut self, forward: bool) {
        let Some(find) = self.find.as_mut() else {
            return;
        };
        find.editing = false;
        let count = self.doc.matches.len();
        if count == 0 {
            self.status = Some("Aucune occurrence dans cette fiche.".to_owned());
            return;
        }
        let next = if forward {
            (find.current + 1) % count
        } else {
            (find.current + count - 1) % count
        };
        self.jump_to_match(next);
    }

    pub(super) fn jump_to_match(&mut self, i: usize) {
        if let (Some(find), Some(&line)) = (self.find.as_mut(), self.doc.matches.get(i)) {
            find.current = i;
            self.scroll = line.saturating_sub(2).min(self.max_scroll());
        }
    }
}
