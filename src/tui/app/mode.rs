//! The keyboard mode (which pane or overlay has the keys), derived from the state. The key
//! map defines the modes and decides what a key means in each.

use super::{App, Focus};
use crate::tui::keymap::Mode;

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
}
