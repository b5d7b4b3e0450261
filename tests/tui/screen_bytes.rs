//! The interface's backend (`relais::tui::screen`) sends the terminal exactly the bytes of
//! ratatui's `CrosstermBackend`: over the real app's frames (first frames and frame-to-frame
//! changes, every theme, 80x24, 40x12 and 200x50) and over random buffers with every colour
//! kind, every modifier, underline colours and wide symbols, with colours on and off.

use crate::support::tui as tui_support;

use crossterm::style::Colored;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use relais::tui::action::Action;
use relais::tui::screen::{Screen, frame_bytes};
use relais::tui::theme::ThemeName;
use tui_support::{app_with, draw, open_id, type_text};

/// The bytes of the crossterm backend and of ours for the change from `prev` to `next`, ours
/// both through the backend (colours as crossterm reads the environment) and directly.
fn both(prev: &Buffer, next: &Buffer, colours: bool) -> (Vec<u8>, Vec<u8>) {
    let mut theirs = Vec::new();
    CrosstermBackend::new(&mut theirs)
        .draw(prev.diff_iter(next))
        .expect("crossterm draw");
    let mut ours = Vec::new();
    frame_bytes(&mut ours, prev.diff_iter(next), colours);
    (theirs, ours)
}

fn assert_same(prev: &Buffer, next: &Buffer, what: &str) {
    let colours = !Colored::ansi_color_disabled_memoized();
    let (theirs, ours) = both(prev, next, colours);
    assert!(!theirs.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&ours),
        String::from_utf8_lossy(&theirs),
        "{what}"
    );
    let mut through = Vec::new();
    let mut screen = Screen::new(&mut through);
    screen.draw(prev.diff_iter(next)).expect("draw");
    Backend::flush(&mut screen).expect("flush");
    drop(screen);
    assert_eq!(through, theirs, "{what}, through the backend");
}

#[test]
fn the_app_s_frames_are_the_crossterm_backend_s_bytes() {
    let themes = [
        ThemeName::Defaut,
        ThemeName::Contraste,
        ThemeName::Clair,
        ThemeName::Mono,
    ];
    for (w, h) in [(80, 24), (40, 12), (200, 50)] {
        for theme in themes {
            let mut app = app_with(w, h, theme);
            let mut frames = vec![draw(&app)];
            type_text(&mut app, "heberger");
            frames.push(draw(&app));
            app.update(Action::Open);
            frames.push(draw(&app));
            app.update(Action::ToggleHelp);
            frames.push(draw(&app));
            let mut contact = app_with(w, h, theme);
            open_id(&mut contact, "permanence-juridique");
            frames.push(draw(&contact));
            let empty = Buffer::empty(frames[0].area);
            let what = format!("{w}x{h} {theme:?}");
            for (i, frame) in frames.iter().enumerate() {
                assert_same(&empty, frame, &format!("{what}, first frame {i}"));
                if i > 0 {
                    assert_same(&frames[i - 1], frame, &format!("{what}, change {i}"));
                }
            }
        }
    }
}

/// A small deterministic generator (xorshift), so that a failure is the same at every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn colour(&mut self) -> Color {
        match self.below(5) {
            0 => Color::Reset,
            1 => Color::Indexed(self.below(256) as u8),
            2 => Color::Rgb(
                self.below(256) as u8,
                self.below(256) as u8,
                self.below(256) as u8,
            ),
            _ => crate::contrast::NAMED[self.below(16) as usize],
        }
    }
}

/// A buffer of random cells: symbols (ASCII, accented, wide), colours, modifiers; runs of
/// equal styles, so that the backend both keeps and changes its state.
fn random_buffer(rng: &mut Rng, area: Rect) -> Buffer {
    let mut buffer = Buffer::empty(area);
    let symbols = ["a", "é", " ", "─", "┃", "›", "Z", "日"];
    let mut cell = Cell::default();
    let mut x = 0;
    for index in 0..buffer.content.len() {
        if rng.below(4) == 0 {
            cell.fg = rng.colour();
            cell.bg = rng.colour();
            cell.underline_color = if rng.below(3) == 0 {
                rng.colour()
            } else {
                Color::Reset
            };
            cell.modifier = Modifier::from_bits_truncate(rng.next() as u16);
        }
        let wide = x + 1 < area.width && rng.below(10) == 0;
        let symbol = if wide {
            "日"
        } else {
            symbols[rng.below(7) as usize]
        };
        if x > 0 && buffer.content[index - 1].symbol() == "日" {
            // The cell after a wide symbol stays blank, as ratatui leaves it.
            buffer.content[index] = Cell::default();
        } else {
            buffer.content[index] = cell.clone();
            buffer.content[index].set_symbol(symbol);
        }
        x = (x + 1) % area.width;
    }
    buffer
}

#[test]
fn random_buffers_are_the_crossterm_backend_s_bytes_with_colours_on_and_off() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let areas = [
        Rect::new(0, 0, 80, 24),
        Rect::new(0, 0, 7, 3),
        Rect::new(0, 0, 200, 50),
    ];
    for round in 0..60 {
        let area = areas[round % areas.len()];
        let prev = if round % 2 == 0 {
            Buffer::empty(area)
        } else {
            random_buffer(&mut rng, area)
        };
        let next = random_buffer(&mut rng, area);
        assert_same(&prev, &next, &format!("random round {round}"));
    }
    // Colours off (NO_COLOR, as crossterm reads it): crossterm writes empty colour parameters.
    // Only this test changes that switch, and it puts it back.
    let before = Colored::ansi_color_disabled_memoized();
    Colored::set_ansi_color_disabled(true);
    let mut results = Vec::new();
    for round in 0..10 {
        let area = areas[round % areas.len()];
        let next = random_buffer(&mut rng, area);
        results.push(both(&Buffer::empty(area), &next, false));
    }
    Colored::set_ansi_color_disabled(before);
    for (theirs, ours) in results {
        assert!(theirs.windows(4).any(|w| w == b"\x1b[;m"));
        assert_eq!(ours, theirs);
    }
}
