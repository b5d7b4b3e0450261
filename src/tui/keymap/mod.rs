//! Keys to actions, per mode. One table serves three readers: the event loop (what a key
//! does), the help overlay and the footer hints (what to tell the user), so they cannot drift.

use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;

use crate::tui::action::Action;
use crate::tui::app::Mode;

/// One binding: the keys, the action, and the words the help shows.
pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: Vec<(KeyCode, KeyModifiers)>,
    /// How the keys are written in the help ("↑ k", "Ctrl-C").
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

use Mode::{Notes, Picker, Present, Reader, Results, Search};
const ALL: &[Mode] = &[Search, Results, Reader];
const LIST_READER: &[Mode] = &[Results, Reader];

fn b(
    modes: &'static [Mode],
    keys: &[(KeyCode, KeyModifiers)],
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

fn c(ch: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(ch), NONE)
}

/// Every binding, in the order the help lists them.
pub static BINDINGS: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    use KeyCode as K;
    vec![
        b(
            ALL,
            &[(K::Char('c'), CTRL)],
            "Ctrl-C",
            Action::Quit,
            "quitter",
        ),
        b(
            LIST_READER,
            &[c('q')],
            "q",
            Action::Quit,
            "quitter (hors de la recherche)",
        ),
        b(ALL, &[(K::F(1), NONE)], "F1", Action::ToggleHelp, "aide"),
        b(LIST_READER, &[c('?')], "?", Action::ToggleHelp, "aide"),
        b(
            ALL,
            &[(K::Tab, NONE)],
            "Tab",
            Action::FocusNext,
            "passer au volet suivant",
        ),
        b(
            ALL,
            &[(K::BackTab, SHIFT), (K::BackTab, NONE)],
            "Maj-Tab",
            Action::FocusPrev,
            "volet précédent",
        ),
        b(
            LIST_READER,
            &[c('s'), c('i')],
            "s",
            Action::FocusSearch,
            "retour à la barre de recherche",
        ),
        b(
            ALL,
            &[(K::Esc, NONE)],
            "Échap",
            Action::Escape,
            "effacer la recherche / revenir",
        ),
        b(
            &[Search, Results],
            &[(K::Down, NONE), (K::Char('n'), CTRL)],
            "↓ Ctrl-N",
            Action::SelectNext,
            "résultat suivant",
        ),
        b(
            &[Search, Results],
            &[(K::Up, NONE), (K::Char('p'), CTRL)],
            "↑ Ctrl-P",
            Action::SelectPrev,
            "résultat précédent",
        ),
        b(
            &[Results],
            &[c('j')],
            "j",
            Action::SelectNext,
            "résultat suivant",
        ),
        b(
            &[Results],
            &[c('k')],
            "k",
            Action::SelectPrev,
            "résultat précédent",
        ),
        b(
            &[Results],
            &[(K::Home, NONE), c('g')],
            "Début g",
            Action::SelectFirst,
            "premier résultat",
        ),
        b(
            &[Results],
            &[(K::End, NONE), c('G'), (K::Char('G'), SHIFT)],
            "Fin G",
            Action::SelectLast,
            "dernier résultat",
        ),
        b(
            &[Search, Results, Reader],
            &[(K::PageDown, NONE)],
            "PgSuiv",
            Action::PageDown,
            "page suivante",
        ),
        b(
            &[Search, Results, Reader],
            &[(K::PageUp, NONE)],
            "PgPréc",
            Action::PageUp,
            "page précédente",
        ),
        b(
            &[Search, Results, Reader],
            &[(K::Enter, NONE)],
            "Entrée",
            Action::Open,
            "ouvrir dans le volet de lecture",
        ),
        b(
            &[Results],
            &[(K::Right, NONE), c('l')],
            "→ l",
            Action::Open,
            "ouvrir",
        ),
        b(
            &[Reader],
            &[(K::Down, NONE), c('j')],
            "↓ j",
            Action::ScrollDown,
            "descendre",
        ),
        b(
            &[Reader],
            &[(K::Up, NONE), c('k')],
            "↑ k",
            Action::ScrollUp,
            "monter",
        ),
        b(
            &[Reader],
            &[c(' ')],
            "Espace",
            Action::PageDown,
            "page suivante",
        ),
        b(
            &[Reader],
            &[(K::Home, NONE), c('g')],
            "Début g",
            Action::ScrollTop,
            "haut de la fiche",
        ),
        b(
            &[Reader],
            &[(K::End, NONE), c('G'), (K::Char('G'), SHIFT)],
            "Fin G",
            Action::ScrollBottom,
            "bas de la fiche",
        ),
        b(
            &[Reader],
            &[
                (K::Backspace, NONE),
                (K::Left, ALT),
                c('h'),
                (K::Left, NONE),
            ],
            "Retour Alt-← h",
            Action::Back,
            "page précédente de l'historique",
        ),
        b(
            ALL,
            &[(K::Right, ALT)],
            "Alt-→",
            Action::Forward,
            "page suivante de l'historique",
        ),
        b(
            &[Search, Results],
            &[(K::Left, ALT)],
            "Alt-←",
            Action::Back,
            "page précédente de l'historique",
        ),
        b(
            &[Reader],
            &[c('L'), (K::Char('L'), SHIFT)],
            "L",
            Action::Forward,
            "page suivante de l'historique",
        ),
        b(
            &[Reader],
            &[
                c('1'),
                c('2'),
                c('3'),
                c('4'),
                c('5'),
                c('6'),
                c('7'),
                c('8'),
                c('9'),
                c('0'),
            ],
            "0…9",
            Action::FollowLink(0),
            "suivre le lien numéroté (n° 12 : 1 puis 2)",
        ),
        b(
            &[Reader],
            &[c('/')],
            "/",
            Action::StartFind,
            "chercher dans la fiche",
        ),
        b(
            &[Reader],
            &[c('n')],
            "n",
            Action::FindNext,
            "occurrence suivante",
        ),
        b(
            &[Reader],
            &[c('N'), (K::Char('N'), SHIFT)],
            "N",
            Action::FindPrev,
            "occurrence précédente",
        ),
        b(
            LIST_READER,
            &[c('y')],
            "y",
            Action::CopyAnswer,
            "copier la fiche (presse-papiers)",
        ),
        b(
            LIST_READER,
            &[c('c')],
            "c",
            Action::CopyPhone,
            "copier le numéro du contact",
        ),
        b(
            LIST_READER,
            &[c('m')],
            "m",
            Action::ToggleQr,
            "code QR du contact (pour un téléphone)",
        ),
        b(
            LIST_READER,
            &[c('t')],
            "t",
            Action::NextTab,
            "onglet suivant (Tout, FAQ, Contacts)",
        ),
        b(
            LIST_READER,
            &[c('T'), (K::Char('T'), SHIFT)],
            "T",
            Action::PrevTab,
            "onglet précédent",
        ),
        b(
            &[Search],
            &[(K::Char('t'), CTRL)],
            "Ctrl-T",
            Action::NextTab,
            "onglet suivant",
        ),
        b(
            LIST_READER,
            &[c('f')],
            "f",
            Action::CycleFilter,
            "filtrer par catégorie ou par région",
        ),
        b(
            LIST_READER,
            &[c('p')],
            "p",
            Action::Present,
            "présenter la fiche ou son parcours",
        ),
        b(
            ALL,
            &[(K::F(2), NONE)],
            "F2",
            Action::ToggleTheme,
            "thème contrasté (projecteur)",
        ),
        // Presentation mode (clickers send PgDn/PgUp, sometimes arrows, Space or b/.).
        b(
            &[Present],
            &[
                (K::PageDown, NONE),
                (K::Right, NONE),
                c(' '),
                (K::Enter, NONE),
                c('l'),
                (K::Down, NONE),
            ],
            "PgSuiv → Espace",
            Action::NextSlide,
            "diapositive suivante",
        ),
        b(
            &[Present],
            &[
                (K::PageUp, NONE),
                (K::Left, NONE),
                (K::Backspace, NONE),
                c('h'),
                (K::Up, NONE),
            ],
            "PgPréc ← Retour",
            Action::PrevSlide,
            "diapositive précédente",
        ),
        b(
            &[Present],
            &[(K::Home, NONE)],
            "Début",
            Action::FirstSlide,
            "première diapositive",
        ),
        b(
            &[Present],
            &[(K::End, NONE)],
            "Fin",
            Action::LastSlide,
            "dernière diapositive",
        ),
        b(
            &[Present],
            &[c('g')],
            "g N Entrée",
            Action::StartGoto,
            "aller à la diapositive N",
        ),
        b(
            &[Present],
            &[c('b'), c('.')],
            "b .",
            Action::Blank(crate::tui::action::Blank::Black),
            "écran noir (une touche pour revenir)",
        ),
        b(
            &[Present],
            &[c('w')],
            "w",
            Action::Blank(crate::tui::action::Blank::White),
            "écran blanc",
        ),
        b(
            &[Present],
            &[c('/')],
            "/",
            Action::QuickSearch,
            "montrer une autre fiche (Échap pour revenir)",
        ),
        b(
            &[Present],
            &[(K::F(2), NONE)],
            "F2",
            Action::ToggleTheme,
            "thème clair (salle lumineuse) ou contrasté",
        ),
        b(
            &[Present],
            &[c('t')],
            "t",
            Action::ToggleTimer,
            "afficher le temps écoulé",
        ),
        b(
            &[Present],
            &[c('+'), c('=')],
            "+",
            Action::Wider,
            "texte plus large",
        ),
        b(
            &[Present],
            &[c('-')],
            "-",
            Action::Narrower,
            "texte plus étroit",
        ),
        b(
            &[Present, Picker, Notes],
            &[c('?')],
            "?",
            Action::ToggleHelp,
            "aide",
        ),
        b(
            &[Present],
            &[c('q')],
            "q",
            Action::LeavePresentation,
            "quitter la présentation",
        ),
        b(
            &[Present],
            &[(K::Esc, NONE)],
            "Échap",
            Action::Escape,
            "revenir au parcours (ne quitte pas)",
        ),
        b(
            &[Picker],
            &[(K::Down, NONE), c('j')],
            "↓ j",
            Action::SelectNext,
            "parcours suivant",
        ),
        b(
            &[Picker],
            &[(K::Up, NONE), c('k')],
            "↑ k",
            Action::SelectPrev,
            "parcours précédent",
        ),
        b(
            &[Picker],
            &[(K::Enter, NONE)],
            "Entrée",
            Action::Open,
            "présenter ce parcours",
        ),
        b(
            &[Picker],
            &[c('q'), (K::Esc, NONE)],
            "q Échap",
            Action::LeavePresentation,
            "quitter",
        ),
        // The speaker view drives the projector (a clicker plugged into the laptop too).
        b(
            &[Notes],
            &[
                (K::PageDown, NONE),
                (K::Right, NONE),
                c(' '),
                (K::Enter, NONE),
                c('l'),
            ],
            "PgSuiv → Espace",
            Action::NextSlide,
            "diapositive suivante, sur le projecteur",
        ),
        b(
            &[Notes],
            &[
                (K::PageUp, NONE),
                (K::Left, NONE),
                (K::Backspace, NONE),
                c('h'),
            ],
            "PgPréc ← Retour",
            Action::PrevSlide,
            "diapositive précédente",
        ),
        b(
            &[Notes],
            &[c('b'), c('.')],
            "b .",
            Action::Blank(crate::tui::action::Blank::Black),
            "écran noir sur le projecteur (encore une fois pour revenir)",
        ),
        b(
            &[Notes],
            &[c('w')],
            "w",
            Action::Blank(crate::tui::action::Blank::White),
            "écran blanc sur le projecteur",
        ),
        b(
            &[Notes],
            &[c('q')],
            "q",
            Action::LeavePresentation,
            "quitter la vue orateur",
        ),
        b(
            &[Notes],
            &[(K::Esc, NONE)],
            "Échap",
            Action::Escape,
            "rien (ne quitte pas)",
        ),
        b(
            &[Notes],
            &[(K::Down, NONE), c('j')],
            "↓ j",
            Action::ScrollDown,
            "descendre",
        ),
        b(
            &[Notes],
            &[(K::Up, NONE), c('k')],
            "↑ k",
            Action::ScrollUp,
            "monter",
        ),
        b(
            &[Present, Picker, Notes],
            &[(K::Char('c'), CTRL)],
            "Ctrl-C",
            Action::Quit,
            "quitter relais",
        ),
        b(
            &[Search, Results, Reader],
            &[(K::F(5), NONE)],
            "F5",
            Action::Present,
            "présenter la fiche ou son parcours",
        ),
    ]
});

/// The action of a key in a mode, if any. Text keys in the search and find bars become edits.
#[must_use]
pub fn action(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    match mode {
        Mode::Help => return Some(help_key(key)),
        Mode::Find => return find_key(key),
        Mode::Blanked => return Some(blanked_key(key)),
        Mode::Goto => return goto_key(key),
        Mode::PresentSearch => return quick_search_key(key),
        _ => {}
    }
    if let Some(a) = lookup(mode, key) {
        return Some(a);
    }
    (mode == Mode::Search).then(|| edit_key(key)).flatten()
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
            && b.keys
                .iter()
                .any(|&(code, m)| code == key.code && (m == mods || m == key.modifiers))
    })?;
    match (&binding.action, key.code) {
        (Action::FollowLink(_), KeyCode::Char(d)) => {
            d.to_digit(10).map(|n| Action::FollowLink(n as usize))
        }
        (a, _) => Some(a.clone()),
    }
}

/// Editing keys of a text field (search bar, find bar).
fn edit_key(key: KeyEvent) -> Option<Action> {
    use InputRequest as R;
    let ctrl = key.modifiers.contains(CTRL);
    let alt = key.modifiers.contains(ALT);
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

fn find_key(key: KeyEvent) -> Option<Action> {
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), CTRL) => Some(Action::Quit),
        (KeyCode::Esc, _) => Some(Action::Escape),
        (KeyCode::Enter, _) => Some(Action::FindNext),
        _ => edit_key(key),
    }
}

fn help_key(key: KeyEvent) -> Action {
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), CTRL) => Action::Quit,
        (KeyCode::Down | KeyCode::Char('j'), _) => Action::ScrollDown,
        (KeyCode::Up | KeyCode::Char('k'), _) => Action::ScrollUp,
        (KeyCode::PageDown, _) => Action::PageDown,
        (KeyCode::PageUp, _) => Action::PageUp,
        _ => Action::ToggleHelp,
    }
}

fn blanked_key(key: KeyEvent) -> Action {
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), CTRL) => Action::Quit,
        _ => Action::Unblank,
    }
}

fn goto_key(key: KeyEvent) -> Option<Action> {
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), CTRL) => Some(Action::Quit),
        (KeyCode::Char(d), _) if d.is_ascii_digit() => {
            d.to_digit(10).map(|n| Action::GotoDigit(n as u8))
        }
        (KeyCode::Enter | KeyCode::Char('g'), _) => Some(Action::GotoConfirm),
        _ => Some(Action::Escape),
    }
}

fn quick_search_key(key: KeyEvent) -> Option<Action> {
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), CTRL) => Some(Action::Quit),
        (KeyCode::Esc, _) => Some(Action::Escape),
        (KeyCode::Enter, _) => Some(Action::Open),
        (KeyCode::Down, _) | (KeyCode::Char('n'), CTRL) => Some(Action::SelectNext),
        (KeyCode::Up, _) | (KeyCode::Char('p'), CTRL) => Some(Action::SelectPrev),
        _ => edit_key(key),
    }
}

/// One hint of the footer: keys, a word, and whether it opens the help (the footer keeps that
/// one whatever its width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub what: &'static str,
    pub help: bool,
}

impl Hint {
    const fn plain(keys: &'static str, what: &'static str) -> Self {
        Self {
            keys,
            what,
            help: false,
        }
    }
}

/// The short hints of the footer for a mode, in the order they are worth showing.
#[must_use]
pub fn hints(mode: Mode) -> Vec<Hint> {
    let wanted: &[&str] = match mode {
        Mode::Search => &["↓ Ctrl-N", "Entrée", "Tab", "F1", "Ctrl-C"],
        Mode::Results => &["Entrée", "s", "y", "c", "t", "?", "q"],
        Mode::Reader => &["0…9", "Retour Alt-← h", "/", "y", "c", "?", "q"],
        Mode::Find => {
            return vec![
                Hint::plain("Entrée", "suivant"),
                Hint::plain("Échap", "fermer"),
            ];
        }
        Mode::Help => return vec![Hint::plain("Échap", "fermer l'aide")],
        Mode::Picker => &["Entrée", "↓ j", "q Échap"],
        Mode::Present | Mode::Blanked | Mode::Goto | Mode::PresentSearch | Mode::Notes => {
            return Vec::new();
        }
    };
    wanted
        .iter()
        .filter_map(|label| {
            BINDINGS
                .iter()
                .find(|b| b.label == *label && b.modes.contains(&mode))
        })
        .map(|b| Hint {
            keys: short_label(b.label),
            what: short_help(b),
            help: b.action == Action::ToggleHelp,
        })
        .collect()
}

fn short_label(label: &'static str) -> &'static str {
    label.split(' ').next().unwrap_or(label)
}

/// The first word of a binding's help, or a word of its own where the first word alone would
/// say the wrong thing ("page" for going back).
fn short_help(b: &Binding) -> &'static str {
    match b.action {
        Action::Back => "revenir",
        Action::Forward => "avancer",
        Action::CopyAnswer => "copier",
        Action::CopyPhone => "numéro",
        _ => b.help.split([' ', '(']).next().unwrap_or(b.help),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn letters_type_in_search_but_command_elsewhere() {
        assert_eq!(
            action(Mode::Search, key(KeyCode::Char('q'), NONE)),
            Some(Action::Edit(InputRequest::InsertChar('q')))
        );
        assert_eq!(
            action(Mode::Results, key(KeyCode::Char('q'), NONE)),
            Some(Action::Quit)
        );
        assert_eq!(
            action(Mode::Reader, key(KeyCode::Char('y'), NONE)),
            Some(Action::CopyAnswer)
        );
        assert_eq!(
            action(Mode::Search, key(KeyCode::Char('?'), SHIFT)),
            Some(Action::Edit(InputRequest::InsertChar('?')))
        );
    }

    #[test]
    fn ctrl_c_always_quits() {
        for mode in [
            Mode::Search,
            Mode::Results,
            Mode::Reader,
            Mode::Find,
            Mode::Help,
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
    fn uppercase_letters_match_with_or_without_shift() {
        assert_eq!(
            action(Mode::Results, key(KeyCode::Char('G'), SHIFT)),
            Some(Action::SelectLast)
        );
        assert_eq!(
            action(Mode::Results, key(KeyCode::Char('G'), NONE)),
            Some(Action::SelectLast)
        );
    }

    #[test]
    fn every_hint_names_a_real_binding() {
        for mode in [Mode::Search, Mode::Results, Mode::Reader] {
            let hints = hints(mode);
            assert!(hints.len() >= 4, "{mode:?}: {hints:?}");
            assert_eq!(hints.iter().filter(|h| h.help).count(), 1, "{mode:?}");
        }
    }
}
