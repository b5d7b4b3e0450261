//! A start whose entries, search index and translations are still on their way: the first
//! frame is drawn from the head of the knowledge base, the glimpse of its entries (every row,
//! the first entry listed whole) and the translations' language marks alone (an empty query
//! lists the entries by category: no search, no translated text), and the rest is decoded
//! before anything searches, shows another entry or changes language ([`App::settle`], called
//! by the runtime once the first frame is drawn, by every action but a resize, and before any
//! other entry is laid out).

use ratatui::layout::Rect;

use super::{App, DataInfo};
use crate::compiled::Early;
use crate::search::SearchIndex;
use crate::tui::theme::ThemeName;

impl App {
    /// [`App::sized`] with the whole entries, the search index and the translations still
    /// being decoded (`early.back`): the runtime draws the first frame, then calls
    /// [`App::settle`].
    #[must_use]
    pub fn waiting(early: Early, info: DataInfo, theme: ThemeName, size: Rect) -> Self {
        let mut app = Self::bare(early.kb, SearchIndex::empty(), info, theme, size);
        // Before the rows are made: they read the marks while the translations are away, and
        // the preview the glimpse.
        app.marks = Some(early.marks);
        app.pending = Some(early.back);
        app.refresh_rows();
        app
    }

    /// Decodes the whole entries, the search index and the translations, and takes them. When they cannot be used (a part that does not decode: the
    /// binary is damaged), the data is read again from its YAML files and indexed; the status
    /// bar says so, and stderr again once the terminal is given back. Does nothing once they
    /// are there.
    pub fn settle(&mut self) {
        let Some(back) = self.pending.take() else {
            return;
        };
        self.marks = None;
        let why = match back.finish(&mut self.kb) {
            Ok(index) => {
                self.index = index;
                return;
            }
            Err(why) => why.to_string(),
        };
        let said = match crate::kb::validate::load(&self.info.origin, self.info.today) {
            Ok(loaded) => {
                self.kb = loaded.kb;
                crate::strings::bundled_rest_reread(&why)
            }
            Err(err) => crate::strings::bundled_rest_lost(&why, &err.to_string()),
        };
        self.index = SearchIndex::new(&self.kb);
        // Beside what the status bar may already say (a broken settings file).
        self.status = Some(match self.status.take() {
            Some(before) => format!("{before} · {said}"),
            None => said.clone(),
        });
        self.exit_notice = Some(said);
    }

    /// Takes the whole entries and contacts first when item `id` is not whole in the glimpse
    /// the first frame was drawn from (a contact never is).
    pub(super) fn settle_for(&mut self, id: &str) {
        let Some(whole) = self.pending.as_ref().map(crate::compiled::Back::whole) else {
            return;
        };
        let given_whole = match self.kb.entries.iter().position(|e| e.id == id) {
            Some(at) => whole.contains(&at),
            None => self.kb.contact(id).is_none(),
        };
        if !given_whole {
            self.settle();
        }
    }

    /// The search index, decoded first if it is not there yet.
    pub fn index(&mut self) -> &SearchIndex {
        self.settle();
        &self.index
    }

    /// Whether entry `id` has a French card to show the person.
    #[must_use]
    pub fn has_card(&self, id: &str) -> bool {
        match &self.marks {
            Some(marks) => marks.french_card(id),
            None => self.kb.french_card(id).is_some(),
        }
    }

    /// The languages item `id` can be read in (French first).
    #[must_use]
    pub fn languages_of(&self, id: &str) -> Vec<&'static crate::kb::i18n::Language> {
        match &self.marks {
            Some(marks) => marks.languages_of(id),
            None => self.kb.languages_of(id),
        }
    }
}
