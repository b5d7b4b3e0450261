//! The footer's key hints: per mode, which bindings of the table are worth showing, in that
//! order, with the one word the footer has room for.

use super::{BINDINGS, Binding};
use crate::tui::action::Action;
use crate::tui::keymap::Mode::{
    self, Blanked, Find, Goto, Help, Notes, Picker, Present, PresentSearch, Reader, Results, Search,
};

/// One hint of the footer: keys, a word, and whether it opens the help (the footer keeps that
/// one whatever its width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub what: &'static str,
    pub help: bool,
}

/// Per mode: the label of a binding of that mode (as the table writes it) and the footer's
/// word for it. The footer shows the first word of the label.
#[rustfmt::skip]
const FOOTER: &[(Mode, &[(&str, &str)])] = &[
    (Search,  &[("↓ Ctrl-N", "résultat"), ("Entrée", "ouvrir"), ("Tab", "passer"), ("F1", "aide"), ("Ctrl-C", "quitter")]),
    (Results, &[("Entrée", "ouvrir"), ("s", "retour"), ("y", "copier"), ("c", "numéro"), ("t", "onglet"), ("?", "aide"), ("q", "quitter")]),
    (Reader,  &[("0…9", "suivre"), ("Retour Alt-← h", "revenir"), ("/", "chercher"), ("y", "copier"), ("c", "numéro"), ("?", "aide"), ("q", "quitter")]),
    (Find,    &[("Entrée", "suivant"), ("Échap", "fermer")]),
    (Help,    &[("Échap", "fermer l'aide")]),
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
                keys: label.split(' ').next().unwrap_or(label),
                what,
                help: b.action == Action::ToggleHelp,
            })
        })
        .collect()
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
