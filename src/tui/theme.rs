//! Named styles for each theme. The view takes every colour from here.
//!
//! - `defaut`: the terminal's own colours, bold, underline and reverse video, and warnings in
//!   ANSI black on ANSI white: at least 4.5:1 on dark and light terminals alike;
//! - `contraste`: white on black, yellow accents, for projectors and low vision;
//! - `clair`: black on white, dark blue accents, for projectors in bright rooms;
//! - `mono`: no colour at all, only bold, underline and reverse (`NO_COLOR`, `--color never`).

use clap::ValueEnum;
use ratatui::style::{Color, Modifier, Style};

/// The themes a user can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    #[value(name = "defaut", alias = "default")]
    Defaut,
    #[value(name = "contraste", alias = "contrast")]
    Contraste,
    #[value(name = "clair", alias = "light")]
    Clair,
    #[value(name = "mono", alias = "monochrome")]
    Mono,
}

/// Every style the interface uses, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// Background and text of the whole screen.
    pub base: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    /// Query words and find matches.
    pub highlight: Style,
    /// The selected result.
    pub selected: Style,
    pub link: Style,
    pub warning: Style,
    pub ok: Style,
    pub border: Style,
    pub border_focus: Style,
    pub tab: Style,
    pub tab_active: Style,
    /// The status bar.
    pub bar: Style,
    pub bar_key: Style,
}

impl Theme {
    #[must_use]
    pub fn new(name: ThemeName) -> Self {
        match name {
            ThemeName::Defaut => Self::defaut(),
            ThemeName::Contraste => Self::contraste(),
            ThemeName::Clair => Self::clair(),
            ThemeName::Mono => Self::mono(),
        }
    }

    /// The terminal's own colours; emphasis by bold, underline and reverse video, and one
    /// colour pair (ANSI black on ANSI white) for warnings. No colour on the terminal's own
    /// background: none of the 16 ANSI colours keeps 4.5:1 on both a dark and a light one
    /// (figures in `tests/tui/contrast.rs` and the README), while reverse video and the pair
    /// keep it on every common palette.
    fn defaut() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = bold.add_modifier(Modifier::REVERSED);
        Self {
            name: ThemeName::Defaut,
            base: Style::new(),
            title: bold,
            heading: bold,
            dim: Style::new().add_modifier(Modifier::DIM),
            highlight: bold.add_modifier(Modifier::UNDERLINED),
            selected: reversed,
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            warning: bold.fg(Color::Black).bg(Color::Gray),
            ok: Style::new(),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focus: bold,
            tab: Style::new(),
            tab_active: reversed,
            bar: Style::new().add_modifier(Modifier::REVERSED),
            bar_key: bold.add_modifier(Modifier::REVERSED),
        }
    }

    fn contraste() -> Self {
        let base = Style::new().fg(Color::White).bg(Color::Black);
        let bold = base.add_modifier(Modifier::BOLD);
        Self {
            name: ThemeName::Contraste,
            base,
            title: bold.fg(Color::Yellow),
            heading: bold.fg(Color::Yellow),
            dim: base,
            highlight: bold.fg(Color::Black).bg(Color::Yellow),
            selected: bold.fg(Color::Black).bg(Color::White),
            link: bold.fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            warning: bold.fg(Color::Black).bg(Color::Yellow),
            ok: bold.fg(Color::Green),
            border: base,
            border_focus: bold.fg(Color::Yellow),
            tab: base,
            tab_active: bold.fg(Color::Black).bg(Color::Yellow),
            bar: bold.fg(Color::Black).bg(Color::White),
            bar_key: bold.fg(Color::Black).bg(Color::Yellow),
        }
    }

    fn clair() -> Self {
        let base = Style::new().fg(Color::Black).bg(Color::White);
        let bold = base.add_modifier(Modifier::BOLD);
        let blue = Color::Rgb(0, 51, 153);
        Self {
            name: ThemeName::Clair,
            base,
            title: bold.fg(blue),
            heading: bold,
            dim: base.fg(Color::Rgb(64, 64, 64)),
            highlight: bold.bg(Color::Yellow),
            selected: bold.fg(Color::White).bg(blue),
            link: bold.fg(blue).add_modifier(Modifier::UNDERLINED),
            warning: bold.bg(Color::Yellow),
            ok: bold.fg(Color::Rgb(0, 100, 0)),
            border: base,
            border_focus: bold.fg(blue),
            tab: base,
            tab_active: bold.fg(Color::White).bg(blue),
            bar: bold.fg(Color::White).bg(Color::Black),
            bar_key: bold.fg(Color::White).bg(blue),
        }
    }

    fn mono() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            name: ThemeName::Mono,
            base: Style::new(),
            title: bold,
            heading: bold,
            dim: Style::new(),
            highlight: bold.add_modifier(Modifier::UNDERLINED),
            selected: reversed,
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            warning: bold.add_modifier(Modifier::REVERSED),
            ok: Style::new(),
            border: Style::new(),
            border_focus: bold,
            tab: Style::new(),
            tab_active: reversed.add_modifier(Modifier::BOLD),
            bar: reversed,
            bar_key: reversed.add_modifier(Modifier::BOLD),
        }
    }
}
