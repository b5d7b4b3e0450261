//! Styled word wrapping for the reading pane and slides: words keep their style and link, lines
//! break only at ordinary spaces (never at the no-break spaces of French typography), through
//! textwrap's first-fit algorithm on our own fragments.
//!
//! The words are ranges of one flat list of parts, each part measured once: a document is laid
//! out at every change of selection, so the layout allocates one string a span and no list a
//! word.

use std::iter::Peekable;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use textwrap::core::Fragment;
use unicode_width::UnicodeWidthStr;

/// A run of text inside a word: one style, maybe a link number.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub style: Style,
    pub link: Option<usize>,
}

/// A piece of a word with its width in columns.
#[derive(Debug)]
struct Part {
    piece: Piece,
    width: usize,
}

/// A word: the parts `start..end` of the flat list, followed or not by a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    width: usize,
    space: bool,
}

impl Fragment for Word {
    #[allow(clippy::cast_precision_loss)] // widths of words on a terminal line
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        if self.space { 1.0 } else { 0.0 }
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Where a link landed on a wrapped line, for mouse clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSpot {
    pub line: usize,
    pub start: u16,
    pub end: u16,
    /// Index into the document's link targets.
    pub link: usize,
}

/// True for the characters that take one column whatever surrounds them: printable ASCII, the
/// printable Latin-1 supplement (but the soft hyphen and the two signs that can be emoji) and
/// the punctuation of French text (dashes, quotes, ellipsis, euro). None of them takes part in
/// a sequence that unicode-width measures as a whole (emoji, keycaps, lam-alef…).
fn one_column(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\u{A0}'..='\u{A8}' | '\u{AA}'..='\u{AC}' | '\u{AF}'..='\u{FF}'
        | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'
        | '\u{2026}' | '\u{20AC}')
}

/// The columns `s` takes, exactly as [`UnicodeWidthStr::width`] counts them, without its
/// per-character state machine for the common text made only of one-column characters.
#[must_use]
pub fn columns(s: &str) -> usize {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.len();
    }
    let mut n = 0;
    for c in s.chars() {
        if !one_column(c) {
            return s.width();
        }
        n += 1;
    }
    n
}

/// The columns a line takes (the sum of its spans', as [`Line::width`]).
#[must_use]
pub fn line_columns(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| columns(&s.content)).sum()
}

/// The words of a list of runs: the flat list of their parts, and the words as ranges of it.
#[derive(Debug, Default)]
struct Words {
    parts: Vec<Part>,
    words: Vec<Word>,
}

impl Words {
    /// Ends the word being built, if any, followed by a space.
    fn end_word(&mut self, current: &mut Option<Word>) {
        if let Some(mut w) = current.take() {
            w.space = true;
            self.words.push(w);
        }
    }

    /// Adds `text` (cut from `piece`) to the end of `word`: to its last part when that one has
    /// the same style and link, as a new part otherwise (measured once the cutting is done).
    fn add_to(&mut self, word: &mut Word, text: &str, piece: &Piece) {
        if text.is_empty() {
            return;
        }
        match self.parts[word.start..word.end].last_mut() {
            Some(last) if last.piece.style == piece.style && last.piece.link == piece.link => {
                last.piece.text.push_str(text);
            }
            _ => {
                self.parts.push(Part {
                    piece: Piece {
                        text: text.to_owned(),
                        style: piece.style,
                        link: piece.link,
                    },
                    width: 0,
                });
                word.end += 1;
            }
        }
    }

    /// Adds `text` to the word being built, starting one if needed.
    fn push(&mut self, current: &mut Option<Word>, text: String, run: &Piece, width: usize) {
        let start = self.parts.len();
        let word = current.get_or_insert(Word {
            start,
            end: start,
            width: 0,
            space: false,
        });
        word.width += width;
        word.end += 1;
        self.parts.push(Part {
            piece: Piece {
                text,
                style: run.style,
                link: run.link,
            },
            width,
        });
    }
}

/// Splits styled runs into words at ASCII spaces and newlines. A word's text is copied from
/// its run a slice at a time, not a character at a time; the runs are scanned as bytes (a space
/// and a newline are never part of another character in UTF-8).
fn words(runs: &[Piece]) -> Words {
    let breaks = runs
        .iter()
        .map(|r| r.text.bytes().filter(|&b| b == b' ' || b == b'\n').count())
        .sum::<usize>();
    let mut out = Words {
        parts: Vec::with_capacity(breaks + runs.len()),
        words: Vec::with_capacity(breaks + 1),
    };
    let mut current: Option<Word> = None;
    // The last character of the runs before this one.
    let mut before: Option<char> = None;
    for (r, run) in runs.iter().enumerate() {
        let text = run.text.as_str();
        let mut chunk = String::new();
        // Start of the part of `text` not yet in `chunk`.
        let mut from = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b' ' {
                let prev = text[..i].chars().next_back().or(before);
                // The character after this space, in this run or the next ones.
                let next = text[i + 1..]
                    .chars()
                    .next()
                    .or_else(|| runs[r + 1..].iter().find_map(|p| p.text.chars().next()));
                if crate::render::binds(prev, next) {
                    chunk.push_str(&text[from..i]);
                    chunk.push('\u{A0}');
                    from = i + 1;
                    continue;
                }
            }
            if b == b' ' || b == b'\n' {
                let piece = take(&mut chunk, &text[from..i]);
                from = i + 1;
                if !piece.is_empty() {
                    let width = columns(&piece);
                    out.push(&mut current, piece, run, width);
                }
                out.end_word(&mut current);
            }
        }
        let piece = take(&mut chunk, &text[from..]);
        if !piece.is_empty() {
            let width = columns(&piece);
            out.push(&mut current, piece, run, width);
        }
        before = text.chars().next_back().or(before);
    }
    out.words.extend(current);
    out
}

/// `chunk` followed by `rest`, allocated once when `chunk` is empty (a word without a bound
/// space); `chunk` is left empty.
fn take(chunk: &mut String, rest: &str) -> String {
    if chunk.is_empty() {
        rest.to_owned()
    } else {
        chunk.push_str(rest);
        std::mem::take(chunk)
    }
}

/// Splits words wider than `width` into words that fit, a character at a time, so nothing
/// overflows a narrow pane. Words that fit are kept as they are.
fn fit(words: Words, width: usize) -> Words {
    if words.words.iter().all(|w| w.width <= width) {
        return words;
    }
    let mut out = Words {
        parts: Vec::with_capacity(words.parts.len()),
        words: Vec::with_capacity(words.words.len()),
    };
    let mut parts = words.parts.into_iter();
    for w in words.words {
        let own = parts.by_ref().take(w.end - w.start);
        let start = out.parts.len();
        if w.width <= width {
            out.parts.extend(own);
            out.words.push(Word {
                start,
                end: out.parts.len(),
                ..w
            });
            continue;
        }
        let mut part = Word {
            start,
            end: start,
            width: 0,
            space: false,
        };
        for Part { piece, .. } in own {
            let text = piece.text.as_str();
            // Start of the part of `text` not yet in `out`.
            let mut from = 0;
            for (i, ch) in text.char_indices() {
                let cw = if one_column(ch) {
                    1
                } else {
                    ch.encode_utf8(&mut [0; 4]).width()
                };
                if part.width + cw > width && part.width > 0 {
                    out.add_to(&mut part, &text[from..i], &piece);
                    from = i;
                    out.words.push(part);
                    let at = out.parts.len();
                    part = Word {
                        start: at,
                        end: at,
                        width: 0,
                        space: false,
                    };
                }
                part.width += cw;
            }
            out.add_to(&mut part, &text[from..], &piece);
        }
        part.space = w.space;
        out.words.push(part);
    }
    // A cut piece is measured as a whole, as it is drawn.
    for p in &mut out.parts[..] {
        if p.width == 0 {
            p.width = columns(&p.piece.text);
        }
    }
    out
}

/// Wraps `runs` to `width` columns. The first line starts with `first` and the others with
/// `rest` (list markers and hanging indents); `line0` is the index of the first produced line
/// in the document, used for link spots.
#[must_use]
pub fn wrap(
    runs: &[Piece],
    width: usize,
    first: &Span<'static>,
    rest: &Span<'static>,
    line0: usize,
) -> (Vec<Line<'static>>, Vec<LinkSpot>) {
    let (first_width, rest_width) = (columns(&first.content), columns(&rest.content));
    let avail = width.saturating_sub(first_width.max(rest_width)).max(1);
    let Words { parts, words } = fit(words(runs), avail);
    #[allow(clippy::cast_precision_loss)]
    let lines = textwrap::wrap_algorithms::wrap_first_fit(&words, &[avail as f64]);
    let mut out = Vec::with_capacity(lines.len());
    let mut spots = Vec::new();
    // The parts are moved into the lines, in order, rather than copied.
    let mut parts = parts.into_iter().peekable();
    for (n, line) in lines.iter().enumerate() {
        let (lead, mut col) = if n == 0 {
            (first.clone(), first_width)
        } else {
            (rest.clone(), rest_width)
        };
        let mut spans = Vec::with_capacity(2 * line.len() + 1);
        spans.push(lead);
        for (i, w) in line.iter().enumerate() {
            let last = place(w, &mut parts, &mut spans, &mut spots, (line0 + n, &mut col));
            if w.space && i + 1 < line.len() {
                // Keep the underline of a link across its inner spaces only.
                let next_link = parts.peek().and_then(|p| p.piece.link);
                let same_link = last.1.is_some_and(|l| Some(l) == next_link);
                spans.push(Span::styled(
                    " ",
                    if same_link { last.0 } else { Style::new() },
                ));
                col += 1;
            }
        }
        out.push(Line::from(spans));
    }
    if out.is_empty() {
        out.push(Line::from(first.clone()));
    }
    (out, spots)
}

/// Moves the parts of `w` into `spans` from column `at.1` of line `at.0`, noting where its links
/// land; gives the style and link of its last part.
fn place(
    w: &Word,
    parts: &mut Peekable<std::vec::IntoIter<Part>>,
    spans: &mut Vec<Span<'static>>,
    spots: &mut Vec<LinkSpot>,
    at: (usize, &mut usize),
) -> (Style, Option<usize>) {
    let (line, col) = at;
    let mut last = (Style::new(), None);
    for Part { piece, width } in parts.by_ref().take(w.end - w.start) {
        if let Some(link) = piece.link {
            spots.push(LinkSpot {
                line,
                start: *col as u16,
                end: (*col + width) as u16,
                link,
            });
        }
        *col += width;
        last = (piece.style, piece.link);
        spans.push(Span::styled(piece.text, piece.style));
    }
    last
}

#[cfg(test)]
mod tests;
