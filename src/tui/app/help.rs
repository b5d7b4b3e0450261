//! The help overlay's text, generated from the key table: the bindings of the modes the user
//! is in, each line a list of (role, text) that the view maps to the theme. How far it scrolls
//! is decided here, from the text alone, so `update` need not ask the view.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::App;
use crate::strings as s;
use crate::tui::keymap::{BINDINGS, Mode};

/// What a piece of the help is, for the view to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpRole {
    /// An introduction line and the keys of a binding.
    Heading,
    /// A side note.
    Dim,
    /// The title of a mode's section.
    Title,
    /// What a binding does.
    Plain,
}

/// One line of the help: its pieces in order (none for a blank line).
pub type HelpLine = Vec<(HelpRole, String)>;

/// The size of the help overlay on a screen of `area`.
#[must_use]
pub fn help_size(area: Rect) -> (u16, u16) {
    (
        area.width.saturating_sub(4).min(76),
        area.height.saturating_sub(2),
    )
}

fn one(role: HelpRole, text: &str) -> HelpLine {
    vec![(role, text.to_owned())]
}

impl App {
    /// The lines of the help: the bindings of the modes the user is in.
    #[must_use]
    pub fn help_lines(&self) -> Vec<HelpLine> {
        use HelpRole::{Dim, Heading, Plain, Title};
        let mut lines = if self.presentation.is_some() {
            vec![one(Heading, s::PRESENT_INTRO)]
        } else {
            vec![one(Heading, s::HELP_INTRO), one(Dim, s::HELP_LETTERS)]
        };
        let presenting: &[(Mode, &str)] = if self.presentation.as_ref().is_some_and(|p| p.notes) {
            &[(Mode::Notes, "Vue orateur")]
        } else {
            &[
                (Mode::Present, "Présentation"),
                (Mode::Picker, "Choix de la présentation"),
            ]
        };
        let browsing = [
            (Mode::Search, "Barre de recherche"),
            (Mode::Results, "Liste des résultats"),
            (Mode::Reader, "Fiche (volet de lecture)"),
        ];
        let sections: &[(Mode, &str)] = if self.presentation.is_some() {
            presenting
        } else {
            &browsing
        };
        if self.presentation.is_some() {
            lines.push(one(Dim, s::FONT_SIZE_HINT));
        }
        for &(mode, title) in sections {
            lines.push(Vec::new());
            lines.push(one(Title, title));
            for binding in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
                lines.push(vec![
                    (Heading, format!("  {:<16}", binding.label)),
                    (Plain, binding.help.to_owned()),
                ]);
            }
        }
        lines.push(Vec::new());
        lines.push(one(
            Dim,
            "Souris : clic sur un résultat, un onglet ou un lien ; molette pour défiler.",
        ));
        lines.push(one(
            Dim,
            "Copie : y et c passent par le terminal (OSC 52), même en SSH.",
        ));
        lines.push(one(Dim, s::NOT_LEGAL_ADVICE));
        lines
    }

    /// How far the help can scroll: its wrapped lines less the rows it shows.
    #[must_use]
    pub fn help_max_scroll(&self) -> u16 {
        let (width, height) = help_size(self.size);
        let inner = width.saturating_sub(2).max(1) as usize;
        let rows: usize = self
            .help_lines()
            .iter()
            .map(|l| {
                let w: usize = l.iter().map(|(_, t)| t.width()).sum();
                w.div_ceil(inner).max(1)
            })
            .sum();
        u16::try_from(rows.saturating_sub(height.saturating_sub(2) as usize)).unwrap_or(u16::MAX)
    }
}
