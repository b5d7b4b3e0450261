//! What opens over the screen: the QR code of a contact and the help.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::app::help::{HelpRole, help_size};

/// The QR code, black on white whatever the theme (phones read dark modules on light).
pub(super) fn qr_overlay(
    app: &App,
    qr: &crate::tui::app::QrView,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let width = qr.lines.first().map_or(0, |l| l.chars().count()) as u16;
    let height = qr.lines.len() as u16 + 2;
    if width + 2 > area.width || height + 2 > area.height {
        let popup = Rect {
            height: 3.min(area.height),
            ..area
        };
        frame.render_widget(Clear, popup);
        let text = "Agrandissez le terminal pour afficher le code QR (m pour fermer).";
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme.warning)
                .wrap(Wrap { trim: true }),
            popup,
        );
        return;
    }
    let popup = Rect {
        x: area.x + (area.width - width - 2) / 2,
        y: area.y + (area.height - height - 2) / 2,
        width: width + 2,
        height: height + 2,
    };
    frame.render_widget(Clear, popup);
    let code = Style::new()
        .fg(ratatui::style::Color::Black)
        .bg(ratatui::style::Color::White);
    let mut lines: Vec<Line<'_>> = qr
        .lines
        .iter()
        .map(|l| Line::from(Span::styled(l.clone(), code)))
        .collect();
    lines.push(Line::from(Span::styled(
        qr.caption.clone(),
        app.theme.heading,
    )));
    lines.push(Line::from(Span::styled(
        "m ou Échap : fermer",
        app.theme.dim,
    )));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focus)
        .title(" Code QR ")
        .style(app.theme.base);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// A copied number, spaced to be read aloud, alone on its line in a box just above the status
/// bar (`status`), with its warning under it; gone at the next key.
pub(super) fn dictation(app: &App, text: &str, frame: &mut Frame<'_>, status: Rect) {
    let lines: Vec<&str> = text.lines().collect();
    let wide = lines
        .iter()
        .map(|l| unicode_width::UnicodeWidthStr::width(*l))
        .max()
        .unwrap_or(0) as u16;
    let height = lines.len() as u16 + 2;
    if status.y < height || wide + 4 > status.width {
        return;
    }
    let rect = Rect {
        x: status.x + (status.width - wide - 4) / 2,
        y: status.y - height,
        width: wide + 4,
        height,
    };
    frame.render_widget(Clear, rect);
    let styled: Vec<Line<'_>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let style = match i {
                0 => app.theme.heading,
                _ if l.starts_with('⚠') => app.theme.warning,
                _ => app.theme.dim,
            };
            Line::from(Span::styled((*l).to_owned(), style))
        })
        .collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focus)
        .style(app.theme.base);
    frame.render_widget(
        Paragraph::new(styled)
            .alignment(Alignment::Center)
            .block(block),
        rect,
    );
}

/// A cleared rectangle of `width` x `height` for an overlay, centred across `area` and `top`
/// rows below its top. `width` must not exceed the area's.
pub(super) fn popup(
    frame: &mut Frame<'_>,
    area: Rect,
    (width, height): (u16, u16),
    top: u16,
) -> Rect {
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + top,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    rect
}

/// The help overlay, generated from the key map; it scrolls (arrows, page keys) when it does
/// not fit.
pub(super) fn help(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let popup = popup(frame, area, help_size(area), 1);
    let max = app.help_max_scroll();
    let scroll = app.help_scroll.min(max);
    let title = " Aide — Échap pour fermer ";
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focus)
        .title(title)
        .title_alignment(Alignment::Center)
        .style(app.theme.base);
    if scroll < max {
        block = block.title_bottom(Line::from(" suite ↓ (PgSuiv, Espace) ").right_aligned());
    } else if scroll > 0 {
        block = block.title_bottom(Line::from(" fin · ↑ PgPréc : remonter ").right_aligned());
    }
    let paragraph = Paragraph::new(help_lines(app))
        .block(block)
        .scroll((scroll, 0))
        .style(Style::new());
    frame.render_widget(paragraph, popup);
}

/// The help's lines, each role in the theme's style.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    app.help_rows()
        .into_iter()
        .map(|line| {
            let spans: Vec<Span<'static>> = line
                .into_iter()
                .map(|(role, text)| match role {
                    HelpRole::Heading => Span::styled(text, app.theme.heading),
                    HelpRole::Dim => Span::styled(text, app.theme.dim),
                    HelpRole::Title => Span::styled(text, app.theme.title),
                    HelpRole::Plain => Span::raw(text),
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}
