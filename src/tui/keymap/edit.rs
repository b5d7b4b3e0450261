//! The editing keys of a text field (the search bar, the find bar, the quick search of
//! presentation mode): readline's Ctrl-A/E/W/U/K/B/F/H, arrows, Home/End, Backspace, Delete.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

use crate::tui::action::Action;

/// Editing keys of a text field (search bar, find bar).
pub(super) fn edit_key(key: KeyEvent) -> Option<Action> {
    use InputRequest as R;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let request = match key.code {
        KeyCode::Char('a') if ctrl => R::GoToStart,
        KeyCode::Char('e') if ctrl => R::GoToEnd,
        KeyCode::Char('w') if ctrl => R::DeletePrevWord,
        KeyCode::Char('u') if ctrl => R::DeleteLine,
        KeyCode::Char('k') if ctrl => R::DeleteTillEnd,
        KeyCode::Char('b') if ctrl => R::GoToPrevChar,
        KeyCode::Char('f') if ctrl => R::GoToNextChar,
        KeyCode::Char('h') if ctrl => R::DeletePrevChar,
        KeyCode::Char(_) if ctrl || alt => return None,
        KeyCode::Char(ch) => R::InsertChar(ch),
        KeyCode::Backspace if ctrl || alt => R::DeletePrevWord,
        KeyCode::Backspace => R::DeletePrevChar,
        KeyCode::Delete => R::DeleteNextChar,
        KeyCode::Left if ctrl => R::GoToPrevWord,
        KeyCode::Right if ctrl => R::GoToNextWord,
        KeyCode::Left => R::GoToPrevChar,
        KeyCode::Right => R::GoToNextChar,
        KeyCode::Home => R::GoToStart,
        KeyCode::End => R::GoToEnd,
        _ => return None,
    };
    Some(Action::Edit(request))
}
