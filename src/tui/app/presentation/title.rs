//! The slide title (big letters when they fit, else bold wrapped text) and the screen regions
//! of a slide.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::paginate::piece;
use crate::tui::app::wrap::wrap;

/// How the slide title is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum TitleLayout {
    /// Big letters (tui-big-text, quadrant pixels: 4 columns x 4 rows per letter), one string
    /// per line.
    Big(Vec<String>),
    /// Bold wrapped text, when big letters do not fit or a glyph is missing.
    Plain(Vec<Line<'static>>),
}

impl TitleLayout {
    /// Rows the title takes.
    #[must_use]
    pub fn height(&self) -> usize {
        match self {
            Self::Big(lines) => lines.len() * BIG_ROWS,
            Self::Plain(lines) => lines.len(),
        }
    }
}

const BIG_COLS: usize = 4;
const BIG_ROWS: usize = 4;

/// True when the big-text font draws `c` (a missing glyph would leave a hole in the title).
#[must_use]
pub fn has_big_glyph(c: char) -> bool {
    use ratatui::buffer::Buffer;
    use ratatui::widgets::Widget;
    if c == ' ' {
        return true;
    }
    let area = Rect::new(0, 0, 8, 8);
    let mut buf = Buffer::empty(area);
    tui_big_text::BigText::builder()
        .lines(vec![Line::from(c.to_string())])
        .build()
        .render(area, &mut buf);
    buf.content.iter().any(|cell| cell.symbol() != " ")
}

/// Lays out `title` in big letters if it fits in `max_rows` and every glyph exists, else as
/// bold wrapped text of at most `max_plain` lines (the last one ending in « … » when cut, so a
/// long title never pushes the slide's text off the screen).
#[must_use]
pub fn title_layout(title: &str, width: usize, max_rows: usize, style: Style) -> TitleLayout {
    title_layout_within(title, width, max_rows, usize::MAX, style)
}

/// [`title_layout`] with a bound on the plain title's lines.
#[must_use]
pub fn title_layout_within(
    title: &str,
    width: usize,
    max_rows: usize,
    max_plain: usize,
    style: Style,
) -> TitleLayout {
    let title = title.replace('\u{A0}', " ");
    let per_line = width / BIG_COLS;
    if per_line >= 8 && title.chars().all(has_big_glyph) {
        let lines = textwrap::wrap(&title, per_line);
        let fits = lines.iter().all(|l| l.chars().count() <= per_line);
        if fits && lines.len() * BIG_ROWS <= max_rows {
            return TitleLayout::Big(
                lines
                    .into_iter()
                    .map(std::borrow::Cow::into_owned)
                    .collect(),
            );
        }
    }
    let (mut lines, _) = wrap(
        &[piece(&title, style)],
        width,
        &Span::raw(""),
        &Span::raw(""),
        0,
    );
    let keep = max_plain.max(1);
    if lines.len() > keep {
        lines.truncate(keep);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let cut: String = text.chars().take(width.saturating_sub(2)).collect();
            *last = Line::from(Span::styled(format!("{} …", cut.trim_end()), style));
        }
    }
    TitleLayout::Plain(lines)
}

/// The screen regions of a slide: title and body share `text`; the footer is the last row.
#[must_use]
pub fn slide_areas(size: Rect, width_pct: u16) -> (Rect, Rect) {
    let footer = Rect {
        y: size.bottom().saturating_sub(1),
        height: size.height.min(1),
        ..size
    };
    let width =
        u16::try_from(u32::from(size.width) * u32::from(width_pct) / 100).unwrap_or(size.width);
    let width = width.max(size.width.min(20)).min(size.width);
    let x = size.x + (size.width - width) / 2;
    let top = u16::from(size.height >= 16);
    let text = Rect {
        x,
        y: size.y + top,
        width,
        height: size.height.saturating_sub(1 + 2 * top),
    };
    (text, footer)
}

/// Where the body of a slide goes, under a title of `title_rows` rows and one blank row.
#[must_use]
pub fn body_area(text: Rect, title_rows: usize) -> Rect {
    let title = u16::try_from(title_rows)
        .unwrap_or(u16::MAX)
        .min(text.height);
    Rect {
        y: text.y + title.saturating_add(1).min(text.height),
        height: text.height.saturating_sub(title + 1),
        ..text
    }
}
