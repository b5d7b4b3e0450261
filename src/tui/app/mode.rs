//! The keyboard mode: which pane or overlay has the keys, derived from the state. The key
//! map reads it to decide what a key means.

use super::{App, Focus};

/// Where the keyboard is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Typing in the search bar: letters edit the query.
    Search,
    /// Moving in the results list: letters are commands.
    Results,
    /// Reading an entry or a contact: letters are commands.
    Reader,
    /// Typing in the find bar of the reading pane.
    Find,
    /// The help overlay is open.
    Help,
    /// Presenting a deck.
    Present,
    /// Choosing the deck to present.
    Picker,
    /// The screen is blanked: any key shows the slide again.
    Blanked,
    /// Typing a slide number after `g`.
    Goto,
    /// The quick search of presentation mode.
    PresentSearch,
    /// The speaker view, following another instance.
    Notes,
}

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
