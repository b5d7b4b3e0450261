//! Languages on screen: the marks of the result rows (« EN AR », the language the query
//! matched in bracketed) and « montrer à la personne », the card full screen in the chosen
//! language with the contact's number and its QR code.
//!
//! Terminals draw Arabic-script text poorly: xterm and tmux neither join the letters nor order
//! them right to left; VTE (GNOME Terminal) can, but reorders whole screen lines, borders
//! included. The text is drawn in its logical order, unreordered (numbers stay right), and the
//! view says where to show it properly: the phone page or the printed card.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::kb::i18n::Direction;
use crate::kb::text::neutralize;
use crate::search::Kind;
use crate::tui::app::QrView;
use crate::tui::app::language::{Card, ShowView};
use crate::tui::app::{App, Row};

/// Columns a title keeps before the row gives up its language marks.
const TITLE_ROOM: usize = 24;

/// The languages of a row's item other than French, upper case, the matched one bracketed;
/// in a narrow list, only the matched one (or none), so that the title keeps its room.
pub(super) fn row_marks(app: &App, row: &Row, width: usize) -> Vec<Span<'static>> {
    let mark = |code: &str| {
        let upper = code.to_ascii_uppercase();
        if row.lang == Some(code) {
            Span::styled(format!(" [{upper}]"), app.theme.highlight)
        } else {
            Span::styled(format!(" {upper}"), app.theme.dim)
        }
    };
    // Only what can be shown to the person carries its languages (an entry with a card, a
    // contact): the volunteers' entries have English titles for search, not a card to show.
    let shown = row.kind == Kind::Contact || app.has_card(&row.id);
    let all: Vec<Span<'static>> = if shown {
        app.language_marks(&row.id).into_iter().map(mark).collect()
    } else {
        Vec::new()
    };
    let used: usize = all.iter().map(Span::width).sum();
    if shown && width >= used + TITLE_ROOM {
        return all;
    }
    row.lang
        .map(mark)
        .filter(|m| width >= m.width() + TITLE_ROOM)
        .into_iter()
        .collect()
}

/// « Montrer à la personne », over the whole screen.
pub(super) fn show(app: &App, view: &ShowView, frame: &mut Frame<'_>, area: Rect) {
    let card = app.show_card(view);
    let theme = &app.theme;
    frame.render_widget(Clear, area);
    let name = if card.lang.native == card.lang.french {
        card.lang.french.to_owned()
    } else {
        format!("{} — {}", card.lang.native, card.lang.french)
    };
    let title = format!(" {name} · F4 langue · Échap fermer ");
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(title, theme.border_focus))
        .style(theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let qr = view.qr.as_ref();
    let qr_width = qr
        .and_then(|q| q.lines.first())
        .map_or(0, |l| l.chars().count()) as u16;
    let qr_height = qr.map_or(0, |q| q.lines.len()) as u16 + 1;
    let side = qr.is_some() && inner.width >= qr_width + 32 && inner.height >= qr_height;
    let text_area = if side {
        Rect {
            width: inner.width - qr_width - 2,
            ..inner
        }
    } else {
        inner
    };
    let contact = view.contact.as_deref().and_then(|c| app.kb.contact(c));
    // The contact and its number stay at the bottom, whatever the length of the card.
    let footer = match contact {
        Some(c) if !c.phone.is_empty() => 3,
        Some(_) => 2,
        None => 0,
    }
    .min(text_area.height / 2);
    let body = Rect {
        height: text_area.height - footer,
        ..text_area
    };
    let big = theme.title.add_modifier(Modifier::BOLD);
    let lines = card_lines(app, &card, view.scroll);
    let overflow = wrapped_height(&lines, body.width) > usize::from(body.height);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, body);
    if overflow && body.height > 0 {
        let more = Rect {
            y: body.y + body.height - 1,
            height: 1,
            ..body
        };
        frame.render_widget(Clear, more);
        frame.render_widget(Paragraph::new(Span::styled("… ↓ suite", theme.dim)), more);
    }
    if let Some(c) = contact.filter(|_| footer > 0) {
        let mut lines = vec![
            Line::default(),
            Line::from(Span::styled(
                neutralize(&c.name).into_owned(),
                theme.heading,
            )),
        ];
        if let Some(phone) = c.phone.first() {
            lines.push(Line::from(Span::styled(
                format!("☎  {}", phone.replace(' ', "\u{A0}")),
                big,
            )));
        }
        let at = Rect {
            y: body.y + body.height,
            height: footer,
            ..text_area
        };
        frame.render_widget(Paragraph::new(lines), at);
    }
    if let (true, Some(qr)) = (side, qr) {
        let at = Rect {
            x: inner.x + inner.width - qr_width,
            y: inner.y,
            width: qr_width,
            height: qr_height.min(inner.height),
        };
        draw_qr(app, qr, frame, at);
    }
}

/// How many rows `lines` take once wrapped to `width` (as the paragraph wraps them, near
/// enough to know whether the card goes past the screen).
fn wrapped_height(lines: &[Line<'_>], width: u16) -> usize {
    let width = usize::from(width).max(1);
    lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            textwrap::wrap(&text, width).len().max(1)
        })
        .sum()
}

/// The notices, the title and the sentences of the card, past the first `scroll` sentences.
fn card_lines<'a>(app: &App, card: &'a Card, scroll: usize) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let mut lines: Vec<Line<'_>> = Vec::new();
    for n in &card.notices {
        lines.push(Line::from(Span::styled(
            format!("⚠ {}", neutralize(n)),
            theme.warning,
        )));
    }
    // Said once, short: scrolling the card leaves room for the sentences.
    if card.lang.direction == Direction::Rtl && scroll == 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "Le terminal affiche mal le texte en {} : montrez plutôt la page pour \
                 téléphone ou la carte imprimée (relais export --cards).",
                card.lang.french
            ),
            theme.dim,
        )));
    }
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        neutralize(&card.title).into_owned(),
        theme.title.add_modifier(Modifier::BOLD),
    )));
    if scroll > 0 {
        lines.push(Line::from(Span::styled("↑ …", theme.dim)));
    }
    for s in card.sentences.iter().skip(scroll) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            neutralize(s).into_owned(),
            theme.base,
        )));
    }
    lines
}

/// The QR code of the number, dark modules on a light ground whatever the theme (phones read
/// the reverse only sometimes), its caption below.
fn draw_qr(app: &App, qr: &QrView, frame: &mut Frame<'_>, at: Rect) {
    let style = Style::new()
        .fg(ratatui::style::Color::Black)
        .bg(ratatui::style::Color::White);
    let mut rows: Vec<Line<'_>> = qr
        .lines
        .iter()
        .map(|l| Line::from(Span::styled(l.clone(), style)))
        .collect();
    rows.push(Line::from(Span::styled(qr.caption.clone(), app.theme.dim)));
    frame.render_widget(Paragraph::new(rows), at);
}
