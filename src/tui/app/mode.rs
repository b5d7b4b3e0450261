//! The keyboard mode (which pane or overlay has the keys), derived from the state, and the
//! moves between panes and themes. The key map defines the modes and decides what a key means
//! in each.

use super::{App, Focus};
use crate::tui::keymap::Mode;
use crate::tui::theme::{Theme, ThemeName};

impl App {
    /// The keyboard mode, derived from the state.
    #[must_use]
    pub fn mode(&self) -> Mode {
        if self.help {
            return Mode::Help;
        }
        if let Some(p) = &self.presentation {
            return if p.notes {
                Mode::Notes
            } else if p.deck.is_none() {
                Mode::Picker
            } else if p.blank.is_some() {
                Mode::Blanked
            } else if p.goto.is_some() {
                Mode::Goto
            } else if p.search.is_some() {
                Mode::PresentSearch
            } else {
                Mode::Present
            };
        }
        if self.show.is_some() {
            return Mode::Show;
        }
        if self.overlay.is_some() {
            return Mode::List;
        }
        if self.find.as_ref().is_some_and(|f| f.editing) {
            Mode::Find
        } else {
            match self.focus {
                Focus::Search => Mode::Search,
                Focus::Results => Mode::Results,
                Focus::Reader => Mode::Reader,
            }
        }
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let order = [Focus::Search, Focus::Results, Focus::Reader];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let step = if forward { 1 } else { 2 };
        self.focus = order[(at + step) % 3];
        if self.focus == Focus::Reader && self.open.is_none() {
            self.focus = if forward {
                Focus::Search
            } else {
                Focus::Results
            };
        }
        if self.focus == Focus::Reader {
            self.rebuild_doc();
        }
    }

    pub(super) fn toggle_theme(&mut self) {
        let next = match self.theme.name {
            ThemeName::Contraste => ThemeName::Defaut,
            _ => ThemeName::Contraste,
        };
        self.theme = Theme::new(next);
        self.rebuild_doc();
    }
}
