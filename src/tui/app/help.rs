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

/// Columns of the keys column of the help.
const KEYS: usize = 18;

/// The sections of the help while browsing: the keys that work everywhere, then each mode's
/// own keys.
const BROWSING: [(Mode, &str); 6] = [
    (Mode::Search, "Barre de recherche"),
    (Mode::Results, "Liste des résultats"),
    (Mode::Reader, "Fiche (volet de lecture)"),
    (Mode::Find, "Recherche dans la fiche"),
    (Mode::List, "Fenêtres Urgences et Épinglées et récentes"),
    (Mode::Help, "Dans cette aide"),
];

/// True for a binding of the search bar, the list and the reader alike.
fn everywhere(modes: &[Mode]) -> bool {
    [Mode::Search, Mode::Results, Mode::Reader]
        .iter()
        .all(|m| modes.contains(m))
}

fn binding_line(label: &str, help: &str) -> HelpLine {
    vec![
        (
            HelpRole::Heading,
            format!("  {label:<width$}", width = KEYS - 2),
        ),
        (HelpRole::Plain, help.to_owned()),
    ]
}

impl App {
    /// The lines of the help: the bindings of the modes the user is in.
    #[must_use]
    pub fn help_lines(&self) -> Vec<HelpLine> {
        use HelpRole::{Dim, Heading, Title};
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
        if self.presentation.is_some() {
            lines.push(one(Dim, s::FONT_SIZE_HINT));
            for &(mode, title) in presenting {
                lines.push(Vec::new());
                lines.push(one(Title, title));
                for binding in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
                    lines.push(binding_line(binding.label, binding.help));
                }
            }
        } else {
            lines.push(Vec::new());
            lines.push(one(Title, "Partout"));
            for binding in BINDINGS.iter().filter(|b| everywhere(b.modes)) {
                lines.push(binding_line(binding.label, binding.help));
            }
            for &(mode, title) in &BROWSING {
                lines.push(Vec::new());
                lines.push(one(Title, title));
                let own = BINDINGS
                    .iter()
                    .filter(|b| b.modes.contains(&mode) && !everywhere(b.modes));
                for binding in own {
                    lines.push(binding_line(binding.label, binding.help));
                }
                if mode == Mode::Search {
                    lines.push(binding_line(
                        "autres touches",
                        "écrivent la question (Ctrl + W : effacer un mot)",
                    ));
                }
            }
        }
        lines.push(Vec::new());
        lines.push(one(
            Dim,
            "Souris : clic sur un résultat, un onglet ou un lien ; molette pour défiler.",
        ));
        lines.push(one(
            Dim,
            "Copier : relais envoie le texte au presse-papiers par le terminal ; certains \
             terminaux l'ignorent. Collez une fois pour vérifier.",
        ));
        lines.push(one(Dim, s::NOT_LEGAL_ADVICE));
        lines
    }

    /// The help's lines wrapped at word boundaries to the overlay's inner width; a binding's
    /// words continue under its description, not under its keys.
    #[must_use]
    pub fn help_rows(&self) -> Vec<HelpLine> {
        let (width, _) = help_size(self.size);
        let inner = usize::from(width.saturating_sub(2)).max(1);
        let mut rows = Vec::new();
        for line in self.help_lines() {
            match line.as_slice() {
                [] => rows.push(Vec::new()),
                [(HelpRole::Heading, keys), (HelpRole::Plain, text)] if inner > KEYS + 8 => {
                    for (i, part) in super::list::wrap_words(text, inner - KEYS)
                        .into_iter()
                        .enumerate()
                    {
                        let lead = if i == 0 {
                            keys.clone()
                        } else {
                            " ".repeat(KEYS)
                        };
                        let lead = if lead.width() > KEYS {
                            // A long key label takes its own line.
                            rows.push(vec![(HelpRole::Heading, lead)]);
                            " ".repeat(KEYS)
                        } else {
                            lead
                        };
                        rows.push(vec![(HelpRole::Heading, lead), (HelpRole::Plain, part)]);
                    }
                }
                pieces => {
                    let role = pieces[0].0;
                    let text: String = pieces
                        .iter()
                        .map(|(_, t)| t.trim_end())
                        .collect::<Vec<_>>()
                        .join(" ");
                    for part in super::list::wrap_words(text.trim_start(), inner) {
                        rows.push(vec![(role, part)]);
                    }
                }
            }
        }
        rows
    }

    /// The rows of help text the overlay shows at once (inside its border).
    #[must_use]
    pub fn help_page(&self) -> u16 {
        help_size(self.size).1.saturating_sub(2).max(1)
    }

    /// How far the help can scroll: its wrapped rows less the rows it shows, so its last line
    /// ends at the bottom of the box, never above it.
    #[must_use]
    pub fn help_max_scroll(&self) -> u16 {
        let rows = self.help_rows().len();
        u16::try_from(rows.saturating_sub(usize::from(self.help_page()))).unwrap_or(u16::MAX)
    }
}
