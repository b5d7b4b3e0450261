//! The terminal backend of the interface: the same escape sequences as ratatui's
//! `CrosstermBackend`, byte for byte, but a frame's cells are turned into bytes by hand in one
//! reused buffer and handed to the writer in one piece, instead of one formatted crossterm
//! command per cell (`core::fmt` for every cursor move, colour and symbol). Everything else —
//! cursor, clearing, size — is the crossterm backend's own. `tests/tui/screen_bytes.rs` holds
//! its bytes to the crossterm backend's over real frames and random buffers.

use std::io::{self, Write};

use crossterm::style::Colored;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// A backend writing to `W` (stdout through a buffer, in the interface).
pub struct Screen<W: Write> {
    inner: CrosstermBackend<W>,
    bytes: Vec<u8>,
}

impl<W: Write> Screen<W> {
    pub fn new(writer: W) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
            bytes: Vec::new(),
        }
    }
}

/// Appends `n` in decimal.
fn number(out: &mut Vec<u8>, n: u16) {
    let mut digits = [0u8; 5];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// The SGR parameters crossterm writes for `color` as a foreground (`38`), background (`48`) or
/// underline (`58`) colour: ratatui's named colours are the 16 indexed ones, in its order.
/// Nothing when colours are off (`NO_COLOR`, as crossterm reads it).
fn colour(out: &mut Vec<u8>, layer: u8, color: Color, colours: bool) {
    if !colours {
        return;
    }
    let index = match color {
        Color::Reset => {
            number(out, u16::from(layer) + 1);
            return;
        }
        Color::Rgb(r, g, b) => {
            number(out, u16::from(layer));
            out.extend_from_slice(b";2;");
            number(out, u16::from(r));
            out.push(b';');
            number(out, u16::from(g));
            out.push(b';');
            number(out, u16::from(b));
            return;
        }
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    number(out, u16::from(layer));
    out.extend_from_slice(b";5;");
    number(out, u16::from(index));
}

/// `CSI <sgr> m`.
fn attribute(out: &mut Vec<u8>, sgr: u16) {
    out.extend_from_slice(b"\x1b[");
    number(out, sgr);
    out.push(b'm');
}

/// The attributes that take a cell's text from modifier `from` to `to`, in the crossterm
/// backend's order.
fn modifiers(out: &mut Vec<u8>, from: Modifier, to: Modifier) {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        attribute(out, 27);
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        attribute(out, 22);
        if to.contains(Modifier::DIM) {
            attribute(out, 2);
        }
        if to.contains(Modifier::BOLD) {
            attribute(out, 1);
        }
    }
    for (modifier, sgr) in [
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::CROSSED_OUT, 29),
        (Modifier::HIDDEN, 28),
    ] {
        if removed.contains(modifier) {
            attribute(out, sgr);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        attribute(out, 25);
    }
    let added = to - from;
    for (modifier, sgr, unless_reset) in [
        (Modifier::REVERSED, 7, false),
        (Modifier::BOLD, 1, true),
        (Modifier::ITALIC, 3, false),
        (Modifier::UNDERLINED, 4, false),
        (Modifier::DIM, 2, true),
        (Modifier::CROSSED_OUT, 9, false),
        (Modifier::HIDDEN, 8, false),
        (Modifier::SLOW_BLINK, 5, false),
        (Modifier::RAPID_BLINK, 6, false),
    ] {
        if added.contains(modifier) && !(unless_reset && reset_intensity) {
            attribute(out, sgr);
        }
    }
}

/// The bytes of one frame's changed cells, as the crossterm backend's `draw` writes them.
pub fn frame_bytes<'a>(
    out: &mut Vec<u8>,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    colours: bool,
) {
    let mut fg = Color::Reset;
    let mut bg = Color::Reset;
    let mut underline = Color::Reset;
    let mut modifier = Modifier::empty();
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in content {
        if !matches!(last, Some((lx, ly)) if x == lx.wrapping_add(1) && y == ly) {
            out.extend_from_slice(b"\x1b[");
            number(out, y.wrapping_add(1));
            out.push(b';');
            number(out, x.wrapping_add(1));
            out.push(b'H');
        }
        last = Some((x, y));
        if cell.modifier != modifier {
            modifiers(out, modifier, cell.modifier);
            modifier = cell.modifier;
        }
        if cell.fg != fg || cell.bg != bg {
            out.extend_from_slice(b"\x1b[");
            colour(out, 38, cell.fg, colours);
            out.push(b';');
            colour(out, 48, cell.bg, colours);
            out.push(b'm');
            fg = cell.fg;
            bg = cell.bg;
        }
        if cell.underline_color != underline {
            out.extend_from_slice(b"\x1b[");
            colour(out, 58, cell.underline_color, colours);
            out.push(b'm');
            underline = cell.underline_color;
        }
        out.extend_from_slice(cell.symbol().as_bytes());
    }
    for layer in [38, 48, 58] {
        out.extend_from_slice(b"\x1b[");
        colour(out, layer, Color::Reset, colours);
        out.push(b'm');
    }
    out.extend_from_slice(b"\x1b[0m");
}

impl<W: Write> Backend for Screen<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.bytes.clear();
        frame_bytes(
            &mut self.bytes,
            content,
            !Colored::ansi_color_disabled_memoized(),
        );
        self.inner.write_all(&self.bytes)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}
