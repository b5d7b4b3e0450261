//! Where each region of the screen goes for a terminal size. A pure function of the size and
//! a few model facts, shared by the view (to draw) and the model (to map clicks and clamp
//! scrolling), so both always agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width the list and the reader share the screen one at a time.
pub const WIDE: u16 = 80;

/// The regions of the main screen. Empty rectangles are not drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub search: Rect,
    pub tabs: Rect,
    pub list: Rect,
    pub reader: Rect,
    pub status: Rect,
}

impl Areas {
    /// The reader's text area: inside its border, without the scrollbar column.
    #[must_use]
    pub fn reader_text(&self) -> Rect {
        let inner = inner(self.reader);
        Rect {
            width: inner.width.saturating_sub(1),
            ..inner
        }
    }

    /// The list's rows, inside its border.
    #[must_use]
    pub fn list_rows(&self) -> Rect {
        inner(self.list)
    }
}

/// The inside of a bordered block.
#[must_use]
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect {
            width: 0,
            height: 0,
            ..r
        };
    }
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width - 2,
        height: r.height - 2,
    }
}

/// Splits `area`. `reading` says whether the reader is the visible pane on a narrow screen.
///
/// The regions are fixed heights and one that takes the rest: they are computed directly,
/// which gives what ratatui's `Layout` solver gives (a test compares them at every size) for a
/// small fraction of its cost; the solver is left only for a screen under three rows.
#[must_use]
pub fn areas(area: Rect, reading: bool) -> Areas {
    let search_height = if area.height >= 16 { 3 } else { 1 };
    let [search, tabs, body, status] = if area.height >= search_height + 2 {
        let row = |y, height| Rect {
            y: area.y + y,
            height,
            ..area
        };
        [
            row(0, search_height),
            row(search_height, 1),
            row(search_height + 1, area.height - search_height - 2),
            row(area.height - 1, 1),
        ]
    } else {
        Layout::vertical([
            Constraint::Length(search_height),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area)
    };
    let (list, reader) = if area.width >= WIDE {
        // Never wider than the body (56 < WIDE): the reader takes the rest.
        let list_width = (area.width * 2 / 5).clamp(28, 56);
        (
            Rect {
                width: list_width,
                ..body
            },
            Rect {
                x: body.x + list_width,
                width: body.width - list_width,
                ..body
            },
        )
    } else if reading {
        (Rect::default(), body)
    } else {
        (body, Rect::default())
    };
    Areas {
        search,
        tabs,
        list,
        reader,
        status,
    }
}

/// True when `(col, row)` falls inside `r`.
#[must_use]
pub fn contains(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x
        && col < r.x.saturating_add(r.width)
        && row >= r.y
        && row < r.y.saturating_add(r.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What ratatui's solver gives, as `areas` computed it before.
    fn solved(area: Rect, reading: bool) -> Areas {
        let search_height = if area.height >= 16 { 3 } else { 1 };
        let [search, tabs, body, status] = Layout::vertical([
            Constraint::Length(search_height),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        let (list, reader) = if area.width >= WIDE {
            let list_width = (area.width * 2 / 5).clamp(28, 56);
            let [l, r] = Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)])
                .areas(body);
            (l, r)
        } else if reading {
            (Rect::default(), body)
        } else {
            (body, Rect::default())
        };
        Areas {
            search,
            tabs,
            list,
            reader,
            status,
        }
    }

    #[test]
    fn the_direct_split_is_the_solver_s_at_every_size() {
        for width in (0..=300).step_by(10).chain([79, 81, 139, 141, 279, 281]) {
            for height in 0..=70 {
                for reading in [false, true] {
                    let area = Rect::new(0, 0, width, height);
                    assert_eq!(
                        areas(area, reading),
                        solved(area, reading),
                        "{width}x{height}"
                    );
                }
            }
        }
        let offset = Rect::new(3, 5, 120, 40);
        assert_eq!(areas(offset, false), solved(offset, false));
    }
}
