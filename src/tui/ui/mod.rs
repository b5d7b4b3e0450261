//! The view: draws the model, reads it only. One function per region; overlays last.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
    Wrap,
};

use crate::search::Kind;
use crate::strings as s;
use crate::tui::app::Mode;
use crate::tui::app::layout::inner;
use crate::tui::app::{App, Focus, Row};
use crate::tui::keymap::{self, BINDINGS};
use unicode_width::UnicodeWidthStr;

mod present;
mod speaker;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    draw_all(app, frame);
    clean_cells(frame.buffer_mut());
}

/// The last guard before the terminal: a cell holding a control, a bidi override, a line or
/// paragraph separator or an invisible format character (from data that was never checked, a
/// paste, a file name) is neutralised, whichever widget put it there.
fn clean_cells(buffer: &mut ratatui::buffer::Buffer) {
    use crate::kb::text::{is_forbidden, is_invisible};
    for cell in &mut buffer.content {
        if cell
            .symbol()
            .chars()
            .any(|c| is_forbidden(c) || is_invisible(c))
        {
            let clean = crate::kb::text::neutralize(cell.symbol()).into_owned();
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

fn draw_all(app: &App, frame: &mut Frame<'_>) {
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
        let mut title = format!(
            " {} résultat{} ",
            app.rows.len(),
            if app.rows.len() > 1 { "s" } else { "" }
        );
        // Browsing (no query): the list runs category by category; say which one the selection
        // is in, before the count, cut to leave the count on the border.
        if app.input.value().trim().is_empty()
            && let Some(group) = app.rows.get(app.selected).and_then(|r| group_of(app, r))
        {
            let count = format!("· {} ", app.rows.len());
            let room = usize::from(area.width).saturating_sub(count.width() + 4);
            let mut group = vec![Span::raw(crate::kb::text::neutralize(group).into_owned())];
            truncate(&mut group, room, Style::new());
            if room > 3 {
                title = format!(" {} {count}", group[0].content);
            }
        }
        title
    };
    frame.render_widget(pane(app, &title, app.focus == Focus::Results), area);
    let rows = inner(area);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if app.not_sure {
        // The fallback contacts close the list.
        let mut text = s::NOT_SURE.to_owned();
        if !app.suggestions.is_empty() {
            text = format!(
                "{text} · {} : {} ?",
                s::DID_YOU_MEAN,
                app.suggestions.join(", ")
            );
        }
        lines.push(Line::from(Span::styled(text, app.theme.warning)));
    } else if app.nothing_found && !app.suggestions.is_empty() {
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

/// The heading a row is browsed under: its category's title, or "Contacts".
fn group_of<'a>(app: &'a App, row: &Row) -> Option<&'a str> {
    match row.kind {
        Kind::Faq => {
            let entry = app.kb.entry(&row.id)?;
            app.kb.category(&entry.category).map(|c| c.title.as_str())
        }
        Kind::Contact => Some(s::CONTACTS),
    }
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
    truncate(&mut spans, width, base.patch(app.theme.highlight));
    let used: usize = spans.iter().map(Span::width).sum();
    if selected && used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}

/// Cuts spans to `width` columns with "…" in the middle when something was cut: the beginning
/// and the end of a title stay, so that two long questions that start alike ("Quels sont mes
/// droits en tant qu'aidant ?", "… qu'hébergeur ?") still look different. When that cut would
/// hide a character styled `highlight` (a matched query word) and cutting only the end would
/// not, only the end is cut.
fn truncate(spans: &mut Vec<Span<'_>>, width: usize, highlight: Style) {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= width || width == 0 {
        return;
    }
    let chars: Vec<(char, Style)> = spans
        .iter()
        .flat_map(|s| s.content.chars().map(move |c| (c, s.style)))
        .collect();
    let w = |c: char| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    let width_of = |part: &[(char, Style)]| part.iter().map(|c| w(c.0)).sum::<usize>();
    let room = width - 1;
    // The tail: whole words from the end, up to half the room; at least the last word that is
    // more than punctuation ("hébergeur ?"), if it takes no more than three fifths; otherwise
    // the last two fifths of the room.
    let word_starts: Vec<usize> = (1..chars.len())
        .rev()
        .filter(|&i| chars[i - 1].0 == ' ' && chars[i].0 != ' ')
        .collect();
    let mut tail = chars.len();
    for &start in &word_starts {
        let wide = width_of(&chars[start..]);
        let short_word = chars.len() - start <= 2;
        if wide <= room / 2 || (tail == chars.len() && short_word) {
            tail = start;
        } else if tail == chars.len() || chars.len() - tail <= 2 {
            // Nothing but punctuation yet: the last real word, if it is not too long.
            if wide <= room * 3 / 5 {
                tail = start;
            }
            break;
        } else {
            break;
        }
    }
    if tail == chars.len() || chars.len() - tail <= 2 {
        tail = chars.len();
        let mut left = room * 2 / 5;
        while tail > 0 && w(chars[tail - 1].0) <= left {
            left -= w(chars[tail - 1].0);
            tail -= 1;
        }
    }
    // The head: the rest of the room from the beginning.
    let mut head_room = room - width_of(&chars[tail..]);
    let mut head = 0;
    while head < tail && w(chars[head].0) <= head_room {
        head_room -= w(chars[head].0);
        head += 1;
    }
    let hidden = |from: usize, to: usize| chars[from..to].iter().any(|c| c.1 == highlight);
    if hidden(head, tail) {
        // The end cut: as much of the beginning as fits.
        let (mut end, mut left) = (0, room);
        while end < chars.len() && w(chars[end].0) <= left {
            left -= w(chars[end].0);
            end += 1;
        }
        if !hidden(end, chars.len()) {
            (head, tail) = (end, chars.len());
        }
    }
    let ellipsis_style = chars.get(head).map_or_else(Style::default, |c| c.1);
    let pieces = chars[..head]
        .iter()
        .copied()
        .chain(std::iter::once(('…', ellipsis_style)))
        .chain(chars[tail..].iter().copied());
    let mut kept: Vec<Span<'_>> = Vec::new();
    for (c, style) in pieces {
        match kept.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push(c),
            _ => kept.push(Span::styled(c.to_string(), style)),
        }
    }
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
    let width = usize::from(area.width);
    let origin = match app.info.origin.path() {
        None if app.info.origin.broken_install().is_some() => s::BROKEN_INSTALL.to_owned(),
        None => s::BUNDLED_DATA.to_owned(),
        // A long path keeps its end, where the file name is.
        Some(p) => {
            let newer = matches!(app.info.origin, crate::kb::Origin::UserDir(_))
                && crate::kb::version::bundled_newer(&app.kb.meta).is_some();
            let mut path = shorten_left(&p.display().to_string(), width / 3);
            // « non signées » first: on a narrow terminal it is the part that must stay.
            if app.kb.meta.unsigned {
                path = format!("{path} · {}", s::UNSIGNED);
            }
            if newer {
                path = format!("{path} {}", s::BUNDLED_NEWER);
            }
            path
        }
    };
    let version = app
        .kb
        .meta
        .date
        .map(s::date)
        .or_else(|| app.kb.meta.version.clone())
        .unwrap_or_default();
    // On a narrow terminal the date gives way to the key hints.
    let left = if width < 60 || version.is_empty() {
        format!(" {origin} ")
    } else {
        format!(" {origin} · {version} ")
    };
    let used = UnicodeWidthStr::width(left.as_str());
    let mut spans = vec![Span::styled(left, app.theme.bar)];
    if let Some(message) = &app.status {
        spans.push(Span::styled(format!(" {message} "), app.theme.bar_key));
    } else {
        // Whole hints only, as many as fit, and the help key always when it fits at all.
        let hints = keymap::hints(app.mode());
        let cost = |h: &keymap::Hint| h.keys.width() + h.what.width() + 3;
        let help = hints.iter().find(|h| h.help);
        let mut room = width.saturating_sub(used + help.map_or(0, cost));
        let mut shown: Vec<&keymap::Hint> = Vec::new();
        for hint in hints.iter().filter(|h| !h.help) {
            if cost(hint) > room {
                break;
            }
            room -= cost(hint);
            shown.push(hint);
        }
        shown.extend(help.filter(|h| used + cost(h) <= width));
        for hint in shown {
            spans.push(Span::styled(format!(" {} ", hint.keys), app.theme.bar_key));
            spans.push(Span::styled(format!("{} ", hint.what), app.theme.bar));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(app.theme.bar), area);
}

/// `text` cut from the left to at most `max` columns, with `…` where it was cut.
fn shorten_left(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut width = 1; // the ellipsis
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width + w > max {
            break;
        }
        width += w;
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// The QR code, black on white whatever the theme (phones read dark modules on light).
fn qr_overlay(app: &App, qr: &crate::tui::app::QrView, frame: &mut Frame<'_>, area: Rect) {
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

/// A cleared rectangle of `width` x `height` for an overlay, centred across `area` and `top`
/// rows below its top. `width` must not exceed the area's.
fn popup(frame: &mut Frame<'_>, area: Rect, (width, height): (u16, u16), top: u16) -> Rect {
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + top,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    rect
}

/// The size of the help overlay on a screen of `area`.
fn help_size(area: Rect) -> (u16, u16) {
    (
        area.width.saturating_sub(4).min(76),
        area.height.saturating_sub(2),
    )
}

/// How far the help can scroll: its wrapped lines less the rows it shows.
#[must_use]
pub fn help_max_scroll(app: &App) -> u16 {
    let (width, height) = help_size(app.size);
    let inner = width.saturating_sub(2).max(1) as usize;
    let rows: usize = help_lines(app)
        .iter()
        .map(|l| l.width().div_ceil(inner).max(1))
        .sum();
    u16::try_from(rows.saturating_sub(height.saturating_sub(2) as usize)).unwrap_or(u16::MAX)
}

/// The help overlay, generated from the key map; it scrolls (arrows, page keys) when it does
/// not fit.
fn help(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let popup = popup(frame, area, help_size(area), 1);
    let max = help_max_scroll(app);
    let scroll = app.help_scroll.min(max);
    let title = match (scroll > 0, scroll < max) {
        (false, false) => " Aide — Échap pour fermer ",
        (false, true) => " Aide — ↓ PgSuiv : suite · Échap pour fermer ",
        (true, true) => " Aide — ↑ ↓ pour défiler · Échap pour fermer ",
        (true, false) => " Aide — ↑ PgPréc : début · Échap pour fermer ",
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focus)
        .title(title)
        .title_alignment(Alignment::Center)
        .style(app.theme.base);
    let paragraph = Paragraph::new(help_lines(app))
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .style(Style::new());
    frame.render_widget(paragraph, popup);
}

/// The lines of the help: the bindings of the modes the user is in.
fn help_lines(app: &App) -> Vec<Line<'static>> {
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
    let presenting: &[(Mode, &str)] = if app.presentation.as_ref().is_some_and(|p| p.notes) {
        &[(Mode::Notes, "Vue orateur")]
    } else {
        &[
            (Mode::Present, "Présentation"),
            (Mode::Picker, "Choix de la présentation"),
        ]
    };
    let browsing = [
        (Mode::Search, "Barre de recherche"),
        (Mode::Results, "Liste des résultats"),
        (Mode::Reader, "Fiche (volet de lecture)"),
    ];
    let sections: &[(Mode, &str)] = if app.presentation.is_some() {
        presenting
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
    lines
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, width: usize) -> String {
        let mut spans = vec![Span::raw(text.to_owned())];
        truncate(
            &mut spans,
            width,
            Style::new().fg(ratatui::style::Color::Red),
        );
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn long_titles_keep_their_beginning_and_their_end() {
        let aidant = cut("Quels sont mes droits en tant qu'aidant\u{A0}?", 28);
        let hebergeur = cut("Quels sont mes droits en tant qu'hébergeur\u{A0}?", 28);
        assert_ne!(aidant, hebergeur);
        for (cut, end) in [
            (&aidant, "qu'aidant\u{A0}?"),
            (&hebergeur, "qu'hébergeur\u{A0}?"),
        ] {
            assert!(cut.starts_with("Quels sont"), "{cut}");
            assert!(cut.ends_with(end), "{cut}");
            assert!(cut.contains('…') && cut.width() <= 28, "{cut}");
        }
    }

    #[test]
    fn short_text_is_untouched_and_any_width_is_respected() {
        assert_eq!(cut("Gale", 10), "Gale");
        let text = "Un titre très long, sans fin, avec 漢字 et des émojis 😀 jusqu'au bout";
        for width in 1..text.width() {
            let c = cut(text, width);
            assert!(c.width() <= width, "{width}: {c:?}");
            assert!(c.contains('…'), "{width}: {c:?}");
        }
    }

    #[test]
    fn highlights_keep_their_style_across_the_cut() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let mut spans = vec![
            Span::raw("Début d'un titre assez long pour être coupé, puis "),
            Span::styled("hébergeur", bold),
        ];
        truncate(&mut spans, 30, Style::new().fg(ratatui::style::Color::Red));
        let last = spans.last().expect("spans");
        assert_eq!(last.content, "hébergeur");
        assert_eq!(last.style, bold);
    }

    #[test]
    fn a_matched_word_the_middle_cut_would_hide_keeps_the_beginning_instead() {
        let hit = Style::new().fg(ratatui::style::Color::Red);
        let mut spans = vec![
            Span::raw("Que faire face au "),
            Span::styled("froid", hit),
            Span::raw(" et à l'hypothermie ?"),
        ];
        truncate(&mut spans, 28, hit);
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "Que faire face au froid et …");
        assert!(spans.iter().any(|s| s.content == "froid" && s.style == hit));
    }
}
