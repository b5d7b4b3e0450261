//! The terminal's own events: mouse clicks and wheel, and a new size.

use ratatui::layout::Rect;

use super::layout::contains;
use super::{App, Focus};

impl App {
    pub(super) fn click(&mut self, col: u16, row: u16) {
        let a = self.areas();
        if contains(a.search, col, row) {
            self.focus = Focus::Search;
        } else if contains(a.tabs, col, row) {
            let x = col - a.tabs.x;
            if let Some((tab, ..)) = self
                .tab_spans()
                .into_iter()
                .find(|(_, s, e)| x >= *s && x < *e)
            {
                self.set_tab(tab);
            }
        } else if contains(a.list_rows(), col, row) {
            self.focus = Focus::Results;
            let line = (row - a.list_rows().y) as usize;
            let index = match self.list_slots().get(line) {
                Some(super::list::Slot::Row { index, .. }) => Some(*index),
                _ => None,
            };
            if let Some(index) = index {
                self.select(index);
                if !self.wide() {
                    self.open_selected();
                }
            }
        } else if contains(a.reader_text(), col, row) {
            self.focus = Focus::Reader;
            let line = self.scroll + (row - a.reader_text().y) as usize;
            let x = col - a.reader_text().x;
            let hit = self
                .doc
                .spots
                .iter()
                .find(|s| s.line == line && x >= s.start && x < s.end)
                .map(|s| s.link);
            if let Some(link) = hit {
                self.follow(link + 1);
            }
        }
    }

    pub(super) fn wheel(&mut self, col: u16, row: u16, delta: i8) {
        let a = self.areas();
        if contains(a.list, col, row) {
            let target = self.selected.saturating_add_signed(isize::from(delta));
            self.select(target);
        } else {
            self.scroll_by(isize::from(delta) * 3);
        }
    }
    pub(super) fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        if !self.wide() && self.previewing && self.focus != Focus::Reader {
            // A preview is only seen beside the list; on a narrow screen it would be a hidden,
            // stale item that Tab would show instead of the selection.
            self.open = None;
            self.previewing = false;
        }
        if !self.wide() && self.focus == Focus::Reader && self.open.is_none() {
            self.focus = Focus::Results;
        }
        // The document depends on the size only through the reader's width: laid out again
        // only when that changed (or the preview went away).
        if self.open.is_none() || self.doc_width != self.reader_width() {
            self.rebuild_doc();
        }
        // Laid out from the top again: a shrink then a grow never leaves the first rows
        // hidden above the list when they fit.
        self.list_offset = 0;
        self.keep_selection_visible();
        // Beside the list, the reader shows the selection: what Ctrl + O, Ctrl + G and
        // Ctrl + Y act on is what is on screen.
        self.preview();
    }
}
