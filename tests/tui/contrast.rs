//! Issue 14: the default theme keeps at least 4.5:1 contrast (WCAG 2 relative luminance) on
//! dark and light terminals. Every colour the theme sets is measured against the 16-colour
//! palettes of common terminals; a colour set on the terminal's own background is measured
//! against dark and light backgrounds (black, white and the palettes' own). The figures are
//! written below and in the README; the test recomputes them and asserts ≥ 4.5.

// Colours read as the #rrggbb their palettes publish, not split in groups of four.
#![allow(clippy::unreadable_literal)]

use ratatui::style::{Color, Modifier, Style};
use relais::tui::theme::{Theme, ThemeName};

/// The 16 ANSI colours of a terminal's palette, 0 (black) to 15 (bright white).
struct Palette {
    name: &'static str,
    ansi: [u32; 16],
}

const PALETTES: [Palette; 4] = [
    Palette {
        name: "xterm",
        ansi: [
            0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
            0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
        ],
    },
    Palette {
        name: "Tango (VTE, GNOME Terminal)",
        ansi: [
            0x2e3436, 0xcc0000, 0x4e9a06, 0xc4a000, 0x3465a4, 0x75507b, 0x06989a, 0xd3d7cf,
            0x555753, 0xef2929, 0x8ae234, 0xfce94f, 0x729fcf, 0xad7fa8, 0x34e2e2, 0xeeeeec,
        ],
    },
    Palette {
        name: "Solarized",
        ansi: [
            0x073642, 0xdc322f, 0x859900, 0xb58900, 0x268bd2, 0xd33682, 0x2aa198, 0xeee8d5,
            0x002b36, 0xcb4b16, 0x586e75, 0x657b83, 0x839496, 0x6c71c4, 0x93a1a1, 0xfdf6e3,
        ],
    },
    Palette {
        name: "Campbell (Windows Terminal)",
        ansi: [
            0x0c0c0c, 0xc50f1f, 0x13a10e, 0xc19c00, 0x0037da, 0x881798, 0x3a96dd, 0xcccccc,
            0x767676, 0xe74856, 0x16c60c, 0xf9f1a5, 0x3b78ff, 0xb4009e, 0x61d6d6, 0xf2f2f2,
        ],
    },
];

/// Terminal backgrounds: black, white, Solarized dark and light, Campbell, Tango dark.
const BACKGROUNDS: [u32; 6] = [0x000000, 0xffffff, 0x002b36, 0xfdf6e3, 0x0c0c0c, 0x2e3436];

/// The figures: each colour pair the default theme sets, on each palette (rounded to 0.01).
const FIGURES: [(&str, [(&str, f64); 4]); 1] = [(
    "warning: ANSI black on ANSI white",
    [
        ("xterm", 16.67),
        ("Tango (VTE, GNOME Terminal)", 8.67),
        ("Solarized", 10.61),
        ("Campbell (Windows Terminal)", 12.18),
    ],
)];

/// The best any ANSI colour does on the worst of the backgrounds, per palette: none reaches
/// 4.5, which is why the default theme sets no colour on the terminal's own background.
const BEST_ON_ANY_BACKGROUND: [(&str, f64); 4] = [
    ("xterm", 3.16),
    ("Tango (VTE, GNOME Terminal)", 3.27),
    ("Solarized", 3.41),
    ("Campbell (Windows Terminal)", 3.29),
];

fn luminance(rgb: u32) -> f64 {
    let channel = |shift: u32| {
        let c = f64::from((rgb >> shift) & 0xff) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
}

fn ratio(a: u32, b: u32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The sixteen named colours, in ANSI order.
pub const NAMED: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// The ANSI index of a named colour; `None` for the terminal's own (`Reset`) and for RGB.
fn ansi(color: Color) -> Option<usize> {
    NAMED.iter().position(|c| *c == color)
}

fn styles(t: &Theme) -> Vec<(&'static str, Style)> {
    vec![
        ("base", t.base),
        ("title", t.title),
        ("heading", t.heading),
        ("dim", t.dim),
        ("highlight", t.highlight),
        ("selected", t.selected),
        ("link", t.link),
        ("warning", t.warning),
        ("ok", t.ok),
        ("border", t.border),
        ("border_focus", t.border_focus),
        ("tab", t.tab),
        ("tab_active", t.tab_active),
        ("bar", t.bar),
        ("bar_key", t.bar_key),
    ]
}

#[test]
fn every_colour_of_the_default_theme_keeps_4_5_to_1_on_every_palette() {
    let theme = Theme::new(ThemeName::Defaut);
    let mut pairs = 0;
    for (role, style) in styles(&theme) {
        let fg = style.fg.filter(|c| *c != Color::Reset);
        let bg = style.bg.filter(|c| *c != Color::Reset);
        match (fg, bg) {
            // The terminal's own pair, reversed or not: the user's choice, not ours.
            (None, None) => {}
            (Some(fg), Some(bg)) => {
                let (f, b) = (ansi(fg).expect("ANSI"), ansi(bg).expect("ANSI"));
                for p in &PALETTES {
                    let r = ratio(p.ansi[f], p.ansi[b]);
                    assert!(r >= 4.5, "{role} on {}: {r:.2}", p.name);
                }
                pairs += 1;
            }
            // A colour on the terminal's background must hold on dark and light ones.
            (Some(c), None) | (None, Some(c)) => {
                let i = ansi(c).expect("ANSI");
                for p in &PALETTES {
                    for bg in BACKGROUNDS {
                        let r = ratio(p.ansi[i], bg);
                        assert!(r >= 4.5, "{role} on {} over #{bg:06x}: {r:.2}", p.name);
                    }
                }
            }
        }
        // Reverse video swaps the terminal's pair; with a colour it would swap ours.
        if style.add_modifier.contains(Modifier::REVERSED) {
            assert!(fg.is_none() && bg.is_none(), "{role}: reversed colours");
        }
    }
    assert_eq!(pairs, FIGURES.len(), "one figure per colour pair");
}

#[test]
fn the_written_figures_are_the_computed_ones() {
    let theme = Theme::new(ThemeName::Defaut);
    let warning = (
        ansi(theme.warning.fg.expect("fg")).expect("ANSI"),
        ansi(theme.warning.bg.expect("bg")).expect("ANSI"),
    );
    for (p, (name, figure)) in PALETTES.iter().zip(FIGURES[0].1) {
        assert_eq!(p.name, name);
        let computed = ratio(p.ansi[warning.0], p.ansi[warning.1]);
        assert!(
            (round(computed) - figure).abs() < 1e-9,
            "{name}: {computed:.2}"
        );
        assert!(figure >= 4.5);
    }
    for (p, (name, best)) in PALETTES.iter().zip(BEST_ON_ANY_BACKGROUND) {
        assert_eq!(p.name, name);
        let computed = p
            .ansi
            .iter()
            .map(|&c| {
                BACKGROUNDS
                    .iter()
                    .map(|&bg| ratio(c, bg))
                    .fold(f64::MAX, f64::min)
            })
            .fold(0.0, f64::max);
        assert!(
            (round(computed) - best).abs() < 1e-9,
            "{name}: {computed:.2}"
        );
        assert!(
            best < 4.5,
            "{name}: some colour would do; the theme could use it"
        );
    }
}

#[test]
fn the_old_dark_blue_title_was_below_the_bar() {
    // Issue 14's complaint, measured: ANSI blue on a black background.
    assert!(ratio(PALETTES[0].ansi[4], 0x000000) < 2.5);
    let theme = Theme::new(ThemeName::Defaut);
    assert_eq!(
        theme.title.fg, None,
        "titles in the terminal's own colour, bold"
    );
    assert!(theme.title.add_modifier.contains(Modifier::BOLD));
}
