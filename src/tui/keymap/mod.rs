//! Keys to actions, per mode. One table ([`BINDINGS`]) serves three readers: the event
//! loop (what a key does), the help overlay and the footer hints (what to tell the user), so
//! they cannot drift.

mod edit;
mod footer;
mod table;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::tui::action::Action;

pub use footer::{Hint, hints};
pub use table::BINDINGS;

/// Where the keyboard is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Typing in the search bar: letters edit the query.
    Search,
    /// Moving in the results list: letters start a new question, commands are on other keys.
    Results,
    /// Reading an entry or a contact: letters start a new question.
    Reader,
    /// The emergencies or the pinned and recent pages are shown over the screen.
    List,
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
    /// « Montrer à la personne »: the card full screen; any key but F4 closes it.
    Show,
}

/// A key as the table writes it: a code and the modifiers it needs (`None`: any modifiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: Option<KeyModifiers>,
}

/// One binding: the keys, the action, and the words the help shows.
pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: Vec<Key>,
    /// How the keys are written in the help ("↑ k", "Ctrl-C").
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const ALL: &[Mode] = &[Mode::Search, Mode::Results, Mode::Reader];
const LIST_READER: &[Mode] = &[Mode::Results, Mode::Reader];

fn b(
    modes: &'static [Mode],
    keys: &[Key],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        modes,
        keys: keys.to_vec(),
        label,
        action,
        help,
    }
}

const fn with(code: KeyCode, mods: KeyModifiers) -> Key {
    Key {
        code,
        mods: Some(mods),
    }
}

/// A character typed alone.
const fn c(ch: char) -> Key {
    with(KeyCode::Char(ch), NONE)
}

/// A character with Ctrl.
const fn ctrl(ch: char) -> Key {
    with(KeyCode::Char(ch), CTRL)
}

/// A character whatever the modifiers.
const fn any_c(ch: char) -> Key {
    any(KeyCode::Char(ch))
}

/// A named key alone.
const fn k(code: KeyCode) -> Key {
    with(code, NONE)
}

/// A named key with Alt.
const fn alt(code: KeyCode) -> Key {
    with(code, ALT)
}

/// A named key with Shift.
const fn shift_k(code: KeyCode) -> Key {
    with(code, SHIFT)
}

/// A named key whatever the modifiers.
const fn any(code: KeyCode) -> Key {
    Key { code, mods: None }
}

/// The action of a key in a mode, if any: the first line of the table that matches, or else
/// what the mode does with other keys (text keys in the search and find bars become edits).
#[must_use]
pub fn action(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    lookup(mode, key).or_else(|| table::otherwise(mode, key))
}

fn lookup(mode: Mode, key: KeyEvent) -> Option<Action> {
    // Shift is part of the character for letters, so it is ignored for them.
    let mods = match key.code {
        KeyCode::Char(ch) if !ch.is_ascii_alphabetic() || ch.is_ascii_uppercase() => {
            key.modifiers - SHIFT
        }
        _ => key.modifiers,
    };
    let binding = BINDINGS.iter().find(|b| {
        b.modes.contains(&mode)
            && b.keys.iter().any(|k| {
                k.code == key.code && k.mods.is_none_or(|m| m == mods || m == key.modifiers)
            })
    })?;
    let digit = match key.code {
        KeyCode::Char(d) => d.to_digit(10),
        _ => None,
    };
    match &binding.action {
        Action::FollowLink(_) => digit.map(|n| Action::FollowLink(n as usize)),
        Action::GotoDigit(_) => digit.map(|n| Action::GotoDigit(n as u8)),
        a => Some(a.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tui_input::InputRequest;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn letters_type_in_search_and_start_a_question_elsewhere() {
        assert_eq!(
            action(Mode::Search, key(KeyCode::Char('q'), NONE)),
            Some(Action::Edit(InputRequest::InsertChar('q')))
        );
        for mode in [Mode::Results, Mode::Reader, Mode::List, Mode::Help] {
            for ch in ['f', 't', 'p', 'q', 'y', 'c', 'm', 'G', 'é', 'N'] {
                let mods = if ch.is_uppercase() { SHIFT } else { NONE };
                assert_eq!(
                    action(mode, key(KeyCode::Char(ch), mods)),
                    Some(Action::TypeNew(ch)),
                    "{mode:?} {ch}"
                );
            }
        }
        assert_eq!(
            action(Mode::Search, key(KeyCode::Char('?'), SHIFT)),
            Some(Action::Edit(InputRequest::InsertChar('?')))
        );
    }

    #[test]
    fn no_letter_alone_is_bound_in_the_browsing_modes() {
        for b in BINDINGS.iter() {
            if b.modes
                .iter()
                .any(|m| matches!(m, Mode::Search | Mode::Results | Mode::Reader | Mode::List))
            {
                for k in &b.keys {
                    if let KeyCode::Char(ch) = k.code {
                        let plain = k.mods.is_none_or(|m| !m.intersects(CTRL | ALT));
                        assert!(!(plain && ch.is_alphabetic()), "{}: {ch}", b.label);
                    }
                }
            }
        }
    }

    #[test]
    fn ctrl_c_always_quits() {
        for mode in [
            Mode::Search,
            Mode::Results,
            Mode::Reader,
            Mode::Find,
            Mode::Help,
            Mode::List,
        ] {
            assert_eq!(
                action(mode, key(KeyCode::Char('c'), CTRL)),
                Some(Action::Quit),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn digits_follow_their_link() {
        assert_eq!(
            action(Mode::Reader, key(KeyCode::Char('3'), NONE)),
            Some(Action::FollowLink(3))
        );
    }

    #[test]
    fn every_hint_names_a_real_binding() {
        for mode in [Mode::Search, Mode::Results, Mode::Reader] {
            let hints = hints(mode);
            assert!(hints.len() >= 4, "{mode:?}: {hints:?}");
            assert_eq!(hints.iter().filter(|h| h.help).count(), 1, "{mode:?}");
            assert!(hints.iter().any(|h| h.quit), "{mode:?}: quit shown");
        }
    }

    #[test]
    fn the_help_scrolls_with_the_page_keys() {
        assert_eq!(
            action(Mode::Help, key(KeyCode::PageDown, NONE)),
            Some(Action::PageDown)
        );
        assert_eq!(
            action(Mode::Help, key(KeyCode::Char(' '), NONE)),
            Some(Action::PageDown)
        );
    }

    #[test]
    fn the_modes_of_one_field_or_overlay_keep_their_keys() {
        let ch = |c| key(KeyCode::Char(c), NONE);
        assert_eq!(action(Mode::Help, ch('!')), Some(Action::ToggleHelp));
        assert_eq!(
            action(Mode::Help, key(KeyCode::Down, NONE)),
            Some(Action::ScrollDown)
        );
        assert_eq!(action(Mode::Goto, ch('7')), Some(Action::GotoDigit(7)));
        assert_eq!(action(Mode::Goto, ch('g')), Some(Action::GotoConfirm));
        assert_eq!(action(Mode::Goto, ch('x')), Some(Action::Escape));
        assert_eq!(action(Mode::Blanked, ch('x')), Some(Action::Unblank));
        assert_eq!(
            action(Mode::Blanked, key(KeyCode::Char('c'), CTRL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action(Mode::PresentSearch, key(KeyCode::Char('n'), CTRL)),
            Some(Action::SelectNext)
        );
        assert_eq!(
            action(Mode::PresentSearch, ch('n')),
            Some(Action::Edit(InputRequest::InsertChar('n')))
        );
        assert_eq!(
            action(Mode::Find, key(KeyCode::Enter, NONE)),
            Some(Action::FindNext)
        );
        assert_eq!(
            action(Mode::Find, ch('q')),
            Some(Action::Edit(InputRequest::InsertChar('q')))
        );
    }
}
