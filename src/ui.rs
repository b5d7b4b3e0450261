//! The view: draws the model, reads it only. One function per region; overlays last.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
    Wrap,
};

use crate::app::layout::inner;
use crate::app::{App, Focus, Row};
use crate::keymap::{self, BINDINGS, Mode};
use crate::search::Kind;
use crate::strings as s;

mod present;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    if let Some(p) = &app.presentation {
        present::render(app, p, frame);
        if app.help {
            help(app, frame, area);
        }
        return;
    }
    frame.render_widget(Block::new().style(app.theme.base), area);
    let a = app.areas();
    search_bar(app, frame, a.search);
    tabs(app, frame, a.tabs);
    if a.list.width > 0 {
        list(app, frame, a.list);
    }
    if a.reader.width > 0 {
        reader(app, frame, a.reader);
    }
    status_bar(app, frame, a.status);
    if let Some(qr) = &app.qr {
        qr_overlay(app, qr, frame, area);
    }
    if app.help {
        help(app, frame, area);
    }
}

fn pane<'a>(app: &App, title: &'a str, focused: bool) -> Block<'a> {
    let style = if focused {
        app.theme.border_focus
    } else {
        app.theme.border
    };
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(Span::styled(title, style))
}

fn search_bar(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let focused = app.focus == Focus::Search && app.mode() != Mode::Help;
    let prompt = "Rechercher › ";
    let (text_area, block) = if area.height >= 3 {
        (inner(area), Some(pane(app, " relais ", focused)))
    } else {
        (area, None)
    };
    if let Some(block) = block {
        frame.render_widget(block, area);
    }
    let width = text_area
        .width
        .saturating_sub(prompt.chars().count() as u16) as usize;
    let scroll = app.input.visual_scroll(width.max(1));
    let value: String = app.input.value().chars().skip(scroll).collect();
    let mut spans = vec![
        Span::styled(prompt, app.theme.heading),
        Span::styled(value, app.theme.base),
    ];
    if app.input.value().is_empty() {
        spans.push(Span::styled(
            "tapez quelques mots (accents et fautes tolérés)",
            app.theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), text_area);
    if focused && text_area.width > 0 {
        let x = text_area.x
            + (prompt.chars().count() + app.input.visual_cursor().saturating_sub(scroll)) as u16;
        frame.set_cursor_position((x.min(text_area.right().saturating_sub(1)), text_area.y));
    }
}

fn tabs(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (tab, ..) in app.tab_spans() {
        let style = if tab == app.tab {
            app.theme.tab_active
        } else {
            app.theme.tab
        };
        spans.push(Span::styled(format!(" {} ", tab.label()), style));
        spans.push(Span::raw(" "));
    }
    if let Some(filter) = app.filter_label() {
        spans.push(Span::styled(format!(" {filter} "), app.theme.heading));
        spans.push(Span::styled("(f : filtre suivant)", app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn list(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let title = if app.nothing_found {
        format!(" {} — {} ", s::NOTHING_FOUND, s::WHO_TO_CONTACT)
    } else {
        format!(
            " {} résultat{} ",
            app.rows.len(),
            if app.rows.len() > 1 { "s" } else { "" }
        )
    };
    frame.render_widget(pane(app, &title, app.focus == Focus::Results), area);
    let rows = inner(area);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if app.nothing_found && !app.suggestions.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{} : {} ?", s::DID_YOU_MEAN, app.suggestions.join(", ")),
            app.theme.warning,
        )));
    }
    let skip = lines.len();
    let visible = app
        .rows
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take((rows.height as usize).saturating_sub(skip));
    for (i, row) in visible {
        lines.push(row_line(app, row, i == app.selected, rows.width as usize));
    }
    if app.rows.is_empty() {
        lines.push(Line::from(Span::styled(
            "Rien à afficher avec ce filtre.",
            app.theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

fn row_line<'a>(app: &'a App, row: &Row, selected: bool, width: usize) -> Line<'a> {
    let (marker, title) = match row.kind {
        Kind::Faq => ("? ", app.kb.entry(&row.id).map_or("", |e| e.title.as_str())),
        Kind::Contact => (
            "☎ ",
            app.kb.contact(&row.id).map_or("", |c| c.name.as_str()),
        ),
    };
    let base = if selected {
        app.theme.selected
    } else {
        app.theme.base
    };
    let mut spans = vec![Span::styled(
        marker,
        if selected { base } else { app.theme.dim },
    )];
    let mut last = 0;
    for r in &row.positions {
        if r.start < last
            || r.end > title.len()
            || !title.is_char_boundary(r.start)
            || !title.is_char_boundary(r.end)
        {
            continue;
        }
        spans.push(Span::styled(
            crate::kb::text::neutralize(&title[last..r.start]).into_owned(),
            base,
        ));
        spans.push(Span::styled(
            crate::kb::text::neutralize(&title[r.clone()]).into_owned(),
            base.patch(app.theme.highlight),
        ));
        last = r.end;
    }
    spans.push(Span::styled(
        crate::kb::text::neutralize(&title[last..]).into_owned(),
        base,
    ));
    truncate(&mut spans, width);
    let used: usize = spans.iter().map(Span::width).sum();
    if selected && used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}

/// Cuts spans to `width` columns, ending with "…" when something was cut.
fn truncate(spans: &mut Vec<Span<'_>>, width: usize) {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= width || width == 0 {
        return;
    }
    let mut room = width - 1;
    let mut kept = Vec::new();
    for span in spans.drain(..) {
        if room == 0 {
            break;
        }
        let mut text = String::new();
        for ch in span.content.chars() {
            let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if w > room {
                room = 0;
                break;
            }
            room -= w;
            text.push(ch);
        }
        kept.push(Span::styled(text, span.style));
    }
    let style = kept.last().map(|s| s.style).unwrap_or_default();
    kept.push(Span::styled("…", style));
    *spans = kept;
}

fn reader(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let title = match (app.back.len(), app.forward.len()) {
        (0, 0) => " Lecture ".to_owned(),
        (b, f) => format!(" Lecture — historique ← {b} · {f} → "),
    };
    frame.render_widget(pane(app, &title, app.focus == Focus::Reader), area);
    let a = app.areas();
    let text = a.reader_text();
    if app.open.is_none() {
        let hint = "Choisissez un résultat (↑ ↓) et appuyez sur Entrée pour le lire ici.";
        frame.render_widget(
            Paragraph::new(hint)
                .style(app.theme.dim)
                .wrap(Wrap { trim: true }),
            text,
        );
        return;
    }
    let (body, find_bar) = match &app.find {
        Some(_) if text.height > 1 => (
            Rect {
                height: text.height - 1,
                ..text
            },
            Some(Rect {
                y: text.bottom() - 1,
                height: 1,
                ..text
            }),
        ),
        _ => (text, None),
    };
    frame.render_widget(doc_window(app, body.height), body);
    if app.doc.lines.len() > body.height as usize {
        let mut state = ScrollbarState::new(app.max_scroll() + 1).position(app.scroll);
        let bar = Rect {
            x: text.right(),
            width: 1,
            ..body
        };
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            bar,
            &mut state,
        );
    }
    if let (Some(find), Some(bar)) = (&app.find, find_bar) {
        let count = app.doc.matches.len();
        let position = if count == 0 {
            "aucune".to_owned()
        } else {
            format!("{}/{count}", find.current + 1)
        };
        let line = Line::from(vec![
            Span::styled("Chercher dans la fiche : ", app.theme.heading),
            Span::styled(find.input.value().to_owned(), app.theme.highlight),
            Span::styled(format!("  ({position})"), app.theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), bar);
        if find.editing {
            let x = bar.x + 25 + find.input.visual_cursor() as u16;
            frame.set_cursor_position((x.min(bar.right().saturating_sub(1)), bar.y));
        }
    }
}

fn status_bar(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let origin = match app.info.origin.path() {
        None => "intégrées".to_owned(),
        Some(p) => p.display().to_string(),
    };
    let version = app
        .kb
        .meta
        .date
        .map(s::date)
        .or_else(|| app.kb.meta.version.clone())
        .unwrap_or_default();
    let left = format!(" {origin} · {version} ");
    let mut spans = vec![Span::styled(left, app.theme.bar)];
    match &app.status {
        Some(message) => spans.push(Span::styled(format!(" {message} "), app.theme.bar_key)),
        None => {
            for (keys, what) in keymap::hints(app.mode()) {
                spans.push(Span::styled(format!(" {keys} "), app.theme.bar_key));
                spans.push(Span::styled(format!("{what} "), app.theme.bar));
            }
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(app.theme.bar), area);
}

/// The QR code, black on white whatever the theme (phones read dark modules on light).
fn qr_overlay(app: &App, qr: &crate::app::QrView, frame: &mut Frame<'_>, area: Rect) {
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

/// The help overlay, generated from the key map.
fn help(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(2);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focus)
        .title(" Aide — Échap pour fermer ")
        .title_alignment(Alignment::Center)
        .style(app.theme.base);
    let mut lines = if app.presentation.is_some() {
        vec![Line::from(Span::styled(
            s::PRESENT_INTRO,
            app.theme.heading,
        ))]
    } else {
        vec![
            Line::from(Span::styled(s::HELP_INTRO, app.theme.heading)),
            Line::from(Span::styled(s::HELP_LETTERS, app.theme.dim)),
        ]
    };
    let presenting = [
        (Mode::Present, "Présentation"),
        (Mode::Picker, "Choix de la présentation"),
    ];
    let browsing = [
        (Mode::Search, "Barre de recherche"),
        (Mode::Results, "Liste des résultats"),
        (Mode::Reader, "Fiche (volet de lecture)"),
    ];
    let sections: &[(Mode, &str)] = if app.presentation.is_some() {
        &presenting
    } else {
        &browsing
    };
    if app.presentation.is_some() {
        lines.push(Line::from(Span::styled(s::FONT_SIZE_HINT, app.theme.dim)));
    }
    for &(mode, title) in sections {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(title, app.theme.title)));
        for binding in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", binding.label), app.theme.heading),
                Span::raw(binding.help),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Souris : clic sur un résultat, un onglet ou un lien ; molette pour défiler.",
        app.theme.dim,
    )));
    lines.push(Line::from(Span::styled(
        "Copie : y et c passent par le terminal (OSC 52), même en SSH.",
        app.theme.dim,
    )));
    lines.push(Line::from(Span::styled(s::NOT_LEGAL_ADVICE, app.theme.dim)));
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((app.help_scroll, 0))
        .style(Style::new());
    frame.render_widget(paragraph, popup);
}

/// The reader's document as it shows on `rows` rows: from the scroll position down.
fn doc_window(app: &App, rows: u16) -> Paragraph<'_> {
    let lines: Vec<Line<'_>> = app
        .doc
        .lines
        .iter()
        .skip(app.scroll)
        .take(rows as usize)
        .cloned()
        .collect();
    Paragraph::new(lines)
}
