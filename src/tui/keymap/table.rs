//! The key table: one line per binding — the modes, the keys, how the help writes them, the
//! action and the help's words. The key handler, the footer ([`super::footer`]) and the help
//! overlay all read it, so what a key does and what the screen says cannot drift apart. To
//! change a key, change its line; a mode's last resort for other keys is [`otherwise`].

use std::sync::LazyLock;

use crossterm::event::KeyCode::{
    BackTab, Backspace, Char, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};
use crossterm::event::KeyEvent;

use super::edit::edit_key;
use super::{ALL, ALT, Binding, Key, LIST_READER, alt, any, any_c, b, c, ctrl, k, shift_k, with};
use crate::tui::action::{Action, Blank};
use crate::tui::keymap::Mode::{
    self, Blanked, Find, Goto, Help, List, Notes, Picker, Present, PresentSearch, Reader, Results,
    Search, Show,
};

/// The digits of a link number in the reader.
const LINK_DIGITS: &[Key] = &[
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
];
/// The digits of a slide number, whatever the modifiers.
const GOTO_DIGITS: &[Key] = &[
    any_c('1'),
    any_c('2'),
    any_c('3'),
    any_c('4'),
    any_c('5'),
    any_c('6'),
    any_c('7'),
    any_c('8'),
    any_c('9'),
    any_c('0'),
];
/// Clickers send PgDn/PgUp, sometimes arrows, Space, Enter or b/.
const CLICK_NEXT: &[Key] = &[k(PageDown), k(Right), c(' '), k(Enter), c('l'), k(Down)];
const CLICK_PREV: &[Key] = &[k(PageUp), k(Left), k(Backspace), c('h'), k(Up)];
/// The speaker view scrolls its notes with the arrows up and down.
const NOTES_NEXT: &[Key] = &[k(PageDown), k(Right), c(' '), k(Enter), c('l')];
const NOTES_PREV: &[Key] = &[k(PageUp), k(Left), k(Backspace), c('h')];

/// Every binding, in the order the help lists them; the first line that matches wins.
///
/// In the search bar, the list and the reader, a letter typed alone always goes to the search
/// bar (see `otherwise`): a volunteer who reads an answer and types the next question gets
/// results for it, never a command. Commands are on Ctrl, Alt, the F-keys and the named keys
/// (Entrée, Échap, arrows, Tab); in the list and the reader a few signs and digits keep theirs.
#[rustfmt::skip]
pub static BINDINGS: LazyLock<Vec<Binding>> = LazyLock::new(|| vec![
    b(ALL,                        &[ctrl('c'), ctrl('q')],                     "Ctrl + C",        Action::Quit,                "quitter relais"),
    b(LIST_READER,                &[],                                         "lettres",         Action::TypeNew(' '),        "commencent une nouvelle question dans la barre de recherche"),
    b(ALL,                        &[k(F(1))],                                  "F1",              Action::ToggleHelp,          "aide"),
    b(LIST_READER,                &[c('?')],                                   "?",               Action::ToggleHelp,          "aide"),
    b(ALL,                        &[ctrl('u'), k(F(3))],                       "Ctrl + U  F3",    Action::Emergencies,         "numéros d'urgence (112, 1733…)"),
    b(ALL,                        &[k(Esc)],                                   "Échap",           Action::Escape,              "revenir d'un pas : fenêtre, volet, filtre, puis question"),
    b(ALL,                        &[ctrl('l')],                                "Ctrl + L",        Action::ClearAll,            "tout effacer : retour à l'écran d'accueil"),
    b(ALL,                        &[k(Tab)],                                   "Tab",             Action::FocusNext,           "volet suivant ; dans la recherche, accepte « Vouliez-vous dire »"),
    b(ALL,                        &[shift_k(BackTab), k(BackTab)],             "Maj + Tab",       Action::FocusPrev,           "volet précédent"),
    b(&[Search, Results],         &[k(Down), ctrl('n')],                       "↓  Ctrl + N",     Action::SelectNext,          "résultat suivant"),
    b(&[Search, Results],         &[k(Up), ctrl('p')],                         "↑  Ctrl + P",     Action::SelectPrev,          "résultat précédent"),
    b(&[Results],                 &[k(Home)],                                  "Début",           Action::SelectFirst,         "premier résultat"),
    b(&[Results],                 &[k(End)],                                   "Fin",             Action::SelectLast,          "dernier résultat"),
    b(&[Search, Results, Reader], &[k(PageDown)],                              "PgSuiv",          Action::PageDown,            "page suivante"),
    b(&[Search, Results, Reader], &[k(PageUp)],                                "PgPréc",          Action::PageUp,              "page précédente"),
    b(&[Search, Results, Reader], &[k(Enter)],                                 "Entrée",          Action::Open,                "ouvrir dans le volet de lecture"),
    b(&[Results],                 &[k(Right)],                                 "→",               Action::Open,                "ouvrir"),
    b(&[Reader],                  &[k(Down)],                                  "↓",               Action::ScrollDown,          "descendre"),
    b(&[Reader],                  &[k(Up)],                                    "↑",               Action::ScrollUp,            "monter"),
    b(&[Reader],                  &[c(' ')],                                   "Espace",          Action::PageDown,            "page suivante"),
    b(&[Reader],                  &[k(Home)],                                  "Début",           Action::ScrollTop,           "haut de la fiche"),
    b(&[Reader],                  &[k(End)],                                   "Fin",             Action::ScrollBottom,        "bas de la fiche"),
    b(&[Reader],                  &[k(Backspace), alt(Left), k(Left)],         "← Retour",        Action::Back,                "fiche précédente (revient où vous lisiez)"),
    b(ALL,                        &[alt(Right)],                               "Alt + →",         Action::Forward,             "fiche suivante de l'historique"),
    b(&[Search, Results],         &[alt(Left)],                                "Alt + ←",         Action::Back,                "fiche précédente de l'historique"),
    b(&[Reader],                  LINK_DIGITS,                                 "0…9",             Action::FollowLink(0),       "suivre le lien numéroté (n° 12 : 1 puis 2)"),
    b(&[Reader],                  &[c('/'), ctrl('f')],                        "/  Ctrl + F",     Action::StartFind,           "chercher dans la fiche"),
    b(&[Reader],                  &[ctrl('n')],                                "Ctrl + N",        Action::FindNext,            "occurrence suivante"),
    b(&[Reader],                  &[ctrl('p')],                                "Ctrl + P",        Action::FindPrev,            "occurrence précédente"),
    b(ALL,                        &[ctrl('y')],                                "Ctrl + Y",        Action::CopyAnswer,          "copier la fiche (presse-papiers du terminal)"),
    b(ALL,                        &[ctrl('o')],                                "Ctrl + O",        Action::CopyPhone,           "copier le numéro du contact"),
    b(ALL,                        &[ctrl('g')],                                "Ctrl + G",        Action::ToggleQr,            "code QR du contact (pour un téléphone)"),
    b(ALL,                        &[ctrl('t')],                                "Ctrl + T",        Action::NextTab,             "onglet suivant (Tout, FAQ, Contacts)"),
    b(ALL,                        &[with(Char('t'), ALT)],                     "Alt + T",         Action::PrevTab,             "onglet précédent"),
    b(ALL,                        &[ctrl('r')],                                "Ctrl + R",        Action::CycleFilter,         "filtre suivant : catégorie (FAQ) ou région (Contacts)"),
    b(ALL,                        &[k(F(9))],                                  "F9",              Action::SetMyRegion,         "« ma région » = la région du filtre (F9 sans filtre : l'oublier)"),
    b(ALL,                        &[ctrl('d')],                                "Ctrl + D",        Action::Pin,                 "épingler la fiche ouverte (oubliée en quittant)"),
    b(ALL,                        &[ctrl('e')],                                "Ctrl + E",        Action::Recents,             "fiches épinglées et récentes"),
    b(ALL,                        &[k(F(2))],                                  "F2",              Action::ToggleTheme,         "thème contrasté (projecteur)"),
    b(&[Search, Results, Reader], &[k(F(5))],                                  "F5",              Action::Present,             "présenter la fiche ou son parcours"),
    b(&[Search, Results, Reader], &[k(F(8)), with(Char('y'), ALT)],            "F8  Alt + Y",     Action::ShareShort,          "partage court : titre, résumé, un numéro (Ctrl + G : en QR)"),
    b(ALL,                        &[k(F(4))],                                  "F4",              Action::CycleLanguage,       "langue de la fiche : ses traductions, puis le français"),
    b(ALL,                        &[k(F(6))],                                  "F6",              Action::ToggleForPerson,     "filtre « pour la personne aidée »"),
    b(ALL,                        &[k(F(7))],                                  "F7",              Action::ShowPerson,          "montrer à la personne (carte en grand, numéro, QR)"),
    // « Montrer à la personne » (any other key closes it).
    b(&[Show],                    &[ctrl('c')],                                "Ctrl + C",        Action::Quit,                "quitter"),
    b(&[Show],                    &[k(F(4))],                                  "F4",              Action::CycleLanguage,       "langue suivante"),
    b(&[Show],                    &[k(Down), k(PageDown), c(' ')],             "↓ Espace",        Action::ScrollDown,          "suite de la carte"),
    b(&[Show],                    &[k(Up), k(PageUp)],                         "↑",               Action::ScrollUp,            "début de la carte"),
    // The emergencies and recents overlays (letters close them and type).
    b(&[List],                    &[ctrl('c')],                                "Ctrl + C",        Action::Quit,                "quitter"),
    b(&[List],                    &[any(Down), ctrl('n')],                     "↓",               Action::SelectNext,          "ligne suivante"),
    b(&[List],                    &[any(Up), ctrl('p')],                       "↑",               Action::SelectPrev,          "ligne précédente"),
    b(&[List],                    &[any(Enter)],                               "Entrée",          Action::Open,                "ouvrir"),
    b(&[List],                    &[ctrl('d')],                                "Ctrl + D",        Action::Pin,                 "épingler ou détacher"),
    b(&[List],                    &[ctrl('o')],                                "Ctrl + O",        Action::CopyPhone,           "copier le numéro"),
    b(&[List],                    &[any(Esc), ctrl('u'), ctrl('e'), k(F(3))],  "Échap",           Action::Escape,              "fermer"),
    // Presentation mode (clickers send PgDn/PgUp, sometimes arrows, Space or b/.).
    b(&[Present],                 CLICK_NEXT,                                  "PgSuiv → Espace", Action::NextSlide,           "diapositive suivante"),
    b(&[Present],                 CLICK_PREV,                                  "PgPréc ← Retour", Action::PrevSlide,           "diapositive précédente"),
    b(&[Present],                 &[k(Home)],                                  "Début",           Action::FirstSlide,          "première diapositive"),
    b(&[Present],                 &[k(End)],                                   "Fin",             Action::LastSlide,           "dernière diapositive"),
    b(&[Present],                 &[c('g')],                                   "g N Entrée",      Action::StartGoto,           "aller à la diapositive N"),
    b(&[Present],                 &[c('b'), c('.')],                           "b .",             Action::Blank(Blank::Black), "écran noir (une touche pour revenir)"),
    b(&[Present],                 &[c('w')],                                   "w",               Action::Blank(Blank::White), "écran blanc"),
    b(&[Present],                 &[c('/')],                                   "/",               Action::QuickSearch,         "montrer une autre fiche (Échap pour revenir)"),
    b(&[Present],                 &[k(F(2))],                                  "F2",              Action::ToggleTheme,         "thème clair (salle lumineuse) ou contrasté"),
    b(&[Present],                 &[c('t')],                                   "t",               Action::ToggleTimer,         "afficher le temps écoulé"),
    b(&[Present],                 &[c('+'), c('=')],                           "+",               Action::Wider,               "texte plus large"),
    b(&[Present],                 &[c('-')],                                   "-",               Action::Narrower,            "texte plus étroit"),
    b(&[Present, Picker, Notes],  &[c('?')],                                   "?",               Action::ToggleHelp,          "aide"),
    b(&[Present],                 &[c('q')],                                   "q",               Action::LeavePresentation,   "quitter la présentation"),
    b(&[Present],                 &[k(Esc)],                                   "Échap",           Action::Escape,              "revenir au parcours (ne quitte pas)"),
    b(&[Picker],                  &[k(Down), c('j')],                          "↓ j",             Action::SelectNext,          "parcours suivant"),
    b(&[Picker],                  &[k(Up), c('k')],                            "↑ k",             Action::SelectPrev,          "parcours précédent"),
    b(&[Picker],                  &[k(Enter)],                                 "Entrée",          Action::Open,                "présenter ce parcours"),
    b(&[Picker],                  &[c('q'), k(Esc)],                           "q Échap",         Action::LeavePresentation,   "quitter"),
    // The speaker view drives the projector (a clicker plugged into the laptop too).
    b(&[Notes],                   NOTES_NEXT,                                  "PgSuiv → Espace", Action::NextSlide,           "diapositive suivante, sur le projecteur"),
    b(&[Notes],                   NOTES_PREV,                                  "PgPréc ← Retour", Action::PrevSlide,           "diapositive précédente"),
    b(&[Notes],                   &[c('b'), c('.')],                           "b .",             Action::Blank(Blank::Black), "écran noir sur le projecteur (encore une fois pour revenir)"),
    b(&[Notes],                   &[c('w')],                                   "w",               Action::Blank(Blank::White), "écran blanc sur le projecteur"),
    b(&[Notes],                   &[c('q')],                                   "q",               Action::LeavePresentation,   "quitter la vue orateur"),
    b(&[Notes],                   &[k(Esc)],                                   "Échap",           Action::Escape,              "rien (ne quitte pas)"),
    b(&[Notes],                   &[k(Down), c('j')],                          "↓ j",             Action::ScrollDown,          "descendre"),
    b(&[Notes],                   &[k(Up), c('k')],                            "↑ k",             Action::ScrollUp,            "monter"),
    b(&[Present, Picker, Notes],  &[ctrl('c')],                                "Ctrl + C",          Action::Quit,                "quitter relais"),
    b(&[Search, Results, Reader], &[k(F(5))],                                  "F5",              Action::Present,             "présenter la fiche ou son parcours"),
    // Typing in the find bar of the reader (other keys edit the term).
    b(&[Find],                    &[ctrl('c')],                                "Ctrl + C",          Action::Quit,                "quitter"),
    b(&[Find],                    &[any(Esc)],                                 "Échap",           Action::Escape,              "fermer"),
    b(&[Find],                    &[any(Enter)],                               "Entrée",          Action::FindNext,            "suivant"),
    // The help overlay (F1, Échap or a letter close it; a letter starts a question).
    b(&[Help],                    &[ctrl('c')],                                "Ctrl + C",          Action::Quit,                "quitter"),
    b(&[Help],                    &[any(Down)],                                "↓",               Action::ScrollDown,          "descendre"),
    b(&[Help],                    &[any(Up)],                                  "↑",               Action::ScrollUp,            "monter"),
    b(&[Help],                    &[any(PageDown), c(' ')],                    "PgSuiv Espace",   Action::PageDown,            "page suivante"),
    b(&[Help],                    &[any(PageUp)],                              "PgPréc",          Action::PageUp,              "page précédente"),
    b(&[Help],                    &[any(Home)],                                "Début",           Action::ScrollTop,           "début de l'aide"),
    b(&[Help],                    &[any(End)],                                 "Fin",             Action::ScrollBottom,        "fin de l'aide"),
    b(&[Help],                    &[any(Esc)],                                 "Échap",           Action::ToggleHelp,          "fermer l'aide"),
    // A blanked screen (any other key shows the slide again).
    b(&[Blanked],                 &[ctrl('c')],                                "Ctrl + C",          Action::Quit,                "quitter"),
    // Typing a slide number after g (any other key gives up).
    b(&[Goto],                    &[ctrl('c')],                                "Ctrl + C",          Action::Quit,                "quitter"),
    b(&[Goto],                    GOTO_DIGITS,                                 "0…9",             Action::GotoDigit(0),        "chiffre du numéro"),
    b(&[Goto],                    &[any(Enter), any_c('g')],                   "Entrée g",        Action::GotoConfirm,         "aller à la diapositive"),
    // The quick search of presentation mode (other keys edit the query).
    b(&[PresentSearch],           &[ctrl('c')],                                "Ctrl + C",          Action::Quit,                "quitter"),
    b(&[PresentSearch],           &[any(Esc)],                                 "Échap",           Action::Escape,              "revenir au parcours"),
    b(&[PresentSearch],           &[any(Enter)],                               "Entrée",          Action::Open,                "montrer la fiche"),
    b(&[PresentSearch],           &[any(Down), ctrl('n')],                     "↓  Ctrl + N",        Action::SelectNext,          "résultat suivant"),
    b(&[PresentSearch],           &[any(Up), ctrl('p')],                       "↑  Ctrl + P",        Action::SelectPrev,          "résultat précédent"),
]);

/// What a key no line of the table matches does, per mode.
#[must_use]
pub fn otherwise(mode: Mode, key: KeyEvent) -> Option<Action> {
    match mode {
        Search | Find | PresentSearch => edit_key(key),
        Help => letter(key).or(Some(Action::ToggleHelp)),
        Results | Reader | List => letter(key),
        Blanked => Some(Action::Unblank),
        Goto => Some(Action::Escape),
        Show => Some(Action::ShowPerson),
        Present | Picker | Notes => None,
    }
}

/// A letter typed alone (any script, capitals too) starts a new question in the search bar.
fn letter(key: KeyEvent) -> Option<Action> {
    use crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char(ch)
            if ch.is_alphabetic()
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::TypeNew(ch))
        }
        _ => None,
    }
}
