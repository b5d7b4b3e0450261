//! The footer's key hints: per mode, which bindings of the table are worth showing, in that
//! order, with the one word the footer has room for.

use super::{BINDINGS, Binding};
use crate::tui::action::Action;
use crate::tui::keymap::Mode::{
    self, Blanked, Find, Goto, Help, List, Notes, Picker, Present, PresentSearch, Reader, Results,
    Search,
};

/// One hint of the footer: keys, a word, and whether it opens the help or quits (the footer
/// keeps those two whatever its width).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub what: &'static str,
    pub help: bool,
    pub quit: bool,
}

/// Per mode: the label of a binding of that mode (as the table writes it) and the footer's
/// word for it. The footer shows the label's first key (before a double space), « Ctrl + C »
/// written « Ctrl+C » to save room.
#[rustfmt::skip]
const FOOTER: &[(Mode, &[(&str, &str)])] = &[
    (Search,  &[("Entrée", "ouvrir"), ("↓  Ctrl + N", "résultat"), ("Ctrl + U  F3", "urgences"), ("Ctrl + L", "effacer"), ("Ctrl + R", "filtre"), ("F1", "aide"), ("Ctrl + C", "quitter")]),
    (Results, &[("Entrée", "ouvrir"), ("Ctrl + O", "numéro"), ("Ctrl + U  F3", "urgences"), ("Ctrl + R", "filtre"), ("Ctrl + Y", "copier"), ("F1", "aide"), ("Ctrl + C", "quitter")]),
    (Reader,  &[("← Retour", "revenir"), ("Ctrl + O", "numéro"), ("Ctrl + U  F3", "urgences"), ("0…9", "lien"), ("/  Ctrl + F", "chercher"), ("Ctrl + Y", "copier"), ("F1", "aide"), ("Ctrl + C", "quitter")]),
    (Find,    &[("Entrée", "suivant"), ("Échap", "fermer")]),
    (Help,    &[("PgSuiv Espace", "suite"), ("Échap", "fermer l'aide"), ("Ctrl + C", "quitter")]),
    (List,    &[("Entrée", "ouvrir"), ("Échap", "fermer"), ("Ctrl + C", "quitter")]),
    (Picker,  &[("Entrée", "présenter"), ("↓ j", "parcours"), ("q Échap", "quitter")]),
    (Present, &[]),
    (Blanked, &[]),
    (Goto,    &[]),
    (PresentSearch, &[]),
    (Notes,   &[]),
];

/// The short hints of the footer for a mode, in the order they are worth showing.
#[must_use]
pub fn hints(mode: Mode) -> Vec<Hint> {
    let wanted = FOOTER
        .iter()
        .find(|(m, _)| *m == mode)
        .map_or(&[][..], |(_, w)| w);
    wanted
        .iter()
        .filter_map(|&(label, what)| {
            binding(mode, label).map(|b| Hint {
                keys: short(label),
                what,
                help: b.action == Action::ToggleHelp,
                quit: b.action == Action::Quit,
            })
        })
        .collect()
}

/// The first key of a label, compact: `Ctrl + U  F3` is `Ctrl+U`, `PgSuiv Espace` is
/// `PgSuiv`.
fn short(label: &str) -> String {
    let first = label.split("  ").next().unwrap_or(label);
    if first.contains(" + ") {
        first.replace(" + ", "+")
    } else {
        first.split(' ').next().unwrap_or(first).to_owned()
    }
}

fn binding(mode: Mode, label: &str) -> Option<&'static Binding> {
    BINDINGS
        .iter()
        .find(|b| b.label == label && b.modes.contains(&mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_footer_label_names_a_binding_of_its_mode() {
        for (mode, wanted) in FOOTER {
            for (label, _) in *wanted {
                assert!(binding(*mode, label).is_some(), "{mode:?}: {label}");
            }
        }
    }
}
