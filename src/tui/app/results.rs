//! The search bar and the results pane: the query, the rows it finds through the tabs and
//! filters, the selection and the preview of the selected row on a wide screen.

use super::{App, Focus, Row, Tab};
use crate::kb::REGIONS;
use crate::search::Kind;
use crate::search::fold::tokenize;
use crate::search::is_stop_word;

impl App {
    pub(super) fn edit(&mut self, req: tui_input::InputRequest) {
        self.edit_all(std::iter::once(req));
    }

    /// Applies edits to the find bar (while typing in it) or the search bar, then searches once.
    pub(super) fn edit_all(&mut self, reqs: impl IntoIterator<Item = tui_input::InputRequest>) {
        let mut changed = false;
        if let Some(find) = self.find.as_mut().filter(|f| f.editing) {
            for req in reqs {
                changed |= find.input.handle(req).is_some_and(|c| c.value);
            }
            if changed {
                self.rebuild_doc();
                self.jump_to_match(0);
            }
            return;
        }
        self.focus = Focus::Search;
        for req in reqs {
            changed |= self.input.handle(req).is_some_and(|c| c.value);
        }
        if changed {
            self.refresh_rows();
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        // A paste is one line of search: newlines and control characters become spaces, and a
        // huge paste is cut to what a query can use.
        let clean: String = text
            .chars()
            .take(1000)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        // One search for the whole paste, not one per character.
        self.edit_all(clean.chars().map(tui_input::InputRequest::InsertChar));
    }

    /// Folded meaningful words of the query, for highlighting.
    #[must_use]
    pub fn query_words(&self) -> Vec<String> {
        let words: Vec<String> = tokenize(self.input.value())
            .into_iter()
            .map(|t| t.word)
            .collect();
        words.into_iter().filter(|w| !is_stop_word(w)).collect()
    }

    /// Recomputes the rows from the query, the tab and the filters.
    pub fn refresh_rows(&mut self) {
        let query = self.input.value().trim().to_owned();
        if !query.is_empty() {
            self.settle();
        }
        self.nothing_found = false;
        self.not_sure = false;
        self.hidden = 0;
        self.suggestions.clear();
        self.rows = if query.is_empty() {
            self.browse_rows()
        } else {
            let results = self
                .index
                .search(&query, crate::search::QueryOptions::default());
            self.not_sure = !results.hits.is_empty() && !results.sure();
            let total = results.hits.len();
            let rows: Vec<Row> = results
                .hits
                .into_iter()
                .filter(|h| self.keeps(h.kind, &h.id))
                .map(|h| Row {
                    id: h.id,
                    kind: h.kind,
                    sep: None,
                    positions: h.positions,
                    lang: h.matched_lang,
                })
                .collect();
            self.hidden = total - rows.len();
            rows
        };
        if self.not_sure && !self.rows.is_empty() {
            self.suggestions = self.index.suggest(&query);
            for row in self.fallback_rows() {
                if !self.rows.iter().any(|r| r.id == row.id) {
                    self.rows.push(row);
                }
            }
        }
        if self.rows.is_empty() && !query.is_empty() {
            self.not_sure = false;
            self.nothing_found = true;
            self.suggestions = self.index.suggest(&query);
            self.rows = self.fallback_rows();
        }
        self.order_by_region();
        self.selected = 0;
        self.list_offset = 0;
        self.preview();
    }

    /// With no query: entries by category, then contacts by region.
    pub(super) fn browse_rows(&self) -> Vec<Row> {
        let row = |id: &str, kind| Row {
            id: id.to_owned(),
            kind,
            sep: None,
            positions: Vec::new(),
            lang: None,
        };
        let mut rows = Vec::new();
        for c in &self.kb.categories {
            rows.extend(
                self.kb
                    .entries
                    .iter()
                    .filter(|e| e.category == c.id && self.keeps(Kind::Faq, &e.id))
                    .map(|e| row(&e.id, Kind::Faq)),
            );
        }
        for r in REGIONS {
            rows.extend(
                self.kb
                    .contacts
                    .iter()
                    .filter(|c| c.region == r && self.keeps(Kind::Contact, &c.id))
                    .map(|c| row(&c.id, Kind::Contact)),
            );
        }
        rows
    }

    /// Whether the tab and filters let this item through.
    pub(super) fn keeps(&self, kind: Kind, id: &str) -> bool {
        if self.for_person && !self.meant_for_person(kind, id) {
            return false;
        }
        match (self.tab, kind) {
            (Tab::Faq, Kind::Contact) | (Tab::Contacts, Kind::Faq) => false,
            (_, Kind::Faq) => self.category.is_none_or(|c| {
                self.kb
                    .entry(id)
                    .is_some_and(|e| Some(&e.category) == self.kb.categories.get(c).map(|c| &c.id))
            }),
            (_, Kind::Contact) => self
                .kb
                .contact(id)
                .is_some_and(|c| self.region_keeps(&c.region)),
        }
    }

    /// The category (for entries) or region (for contacts) a row belongs to, for grouping.
    #[must_use]
    pub fn group_of(&self, row: &Row) -> String {
        match row.kind {
            Kind::Faq => self
                .kb
                .entry(&row.id)
                .and_then(|e| self.kb.category(&e.category))
                .map_or_else(String::new, |c| c.title.clone()),
            Kind::Contact => self.kb.contact(&row.id).map_or_else(String::new, |c| {
                format!("Contacts — {}", crate::strings::region_label(&c.region))
            }),
        }
    }

    pub(super) fn select(&mut self, index: usize) {
        if self.rows.is_empty() {
            return;
        }
        self.selected = index.min(self.rows.len() - 1);
        self.keep_selection_visible();
        self.preview();
    }

    /// On a wide screen the reader follows the selection (without touching the history).
    pub(super) fn preview(&mut self) {
        if !self.wide() || self.focus == Focus::Reader {
            return;
        }
        let Some(id) = self.rows.get(self.selected).map(|r| r.id.clone()) else {
            return;
        };
        if self.open.as_deref() != Some(&id) {
            // A page opened for reading stays in the history when a preview replaces it.
            if let Some(read) = self.open.take().filter(|_| !self.previewing)
                && self.back.last() != Some(&read)
            {
                self.note_scroll(&read);
                self.back.push(read);
            }
            self.show(id);
            self.previewing = true;
        }
    }

    pub(super) fn page(&mut self, down: bool) {
        if self.focus == Focus::Reader {
            let step = isize::try_from(self.areas().reader_text().height)
                .unwrap_or(isize::MAX)
                .saturating_sub(2)
                .max(1);
            self.scroll_by(if down { step } else { -step });
        } else {
            let step = (self.areas().list_rows().height as usize).max(1);
            let target = if down {
                self.selected.saturating_add(step)
            } else {
                self.selected.saturating_sub(step)
            };
            self.select(target);
        }
    }

    pub(super) fn tab_offset(&self, step: usize) -> Tab {
        let at = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        Tab::ALL[(at + step) % Tab::ALL.len()]
    }

    pub(super) fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.refresh_rows();
    }

    pub(super) fn cycle_filter(&mut self) {
        let next = |current: Option<usize>, len: usize| match current {
            None if len > 0 => Some(0),
            Some(i) if i + 1 < len => Some(i + 1),
            _ => None,
        };
        if self.tab == Tab::Contacts {
            self.region = next(self.region, REGIONS.len());
        } else {
            if self.tab == Tab::All {
                self.tab = Tab::Faq;
            }
            self.category = next(self.category, self.kb.categories.len());
        }
        self.refresh_rows();
    }

    /// The filter currently applied, as the tab bar shows it.
    #[must_use]
    pub fn filter_label(&self) -> Option<String> {
        let category = self
            .category
            .and_then(|c| self.kb.categories.get(c))
            .map(|c| format!("Catégorie : {}", c.title));
        let region = self
            .region
            .map(|r| format!("Région : {}", crate::strings::region_label(REGIONS[r])));
        match (category, region) {
            (Some(c), Some(r)) => Some(format!("{c} · {r}")),
            (c, r) => c.or(r),
        }
    }

    /// Each tab with the columns it occupies on the tab bar (relative to its left edge).
    #[must_use]
    pub fn tab_spans(&self) -> Vec<(Tab, u16, u16)> {
        let mut x = 1u16;
        Tab::ALL
            .iter()
            .map(|t| {
                let w = t.label().chars().count() as u16 + 2;
                let span = (*t, x, x + w);
                x += w + 1;
                span
            })
            .collect()
    }
}
