//! The results pane: rows grouped by category or region, the selected one highlighted, long
//! titles cut in the middle so their beginning and end stay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::search::Kind;
use crate::strings as s;
use crate::tui::app::layout::inner;
use crate::tui::app::list::{HeadRole, MARKER, Slot, title_break};
use crate::tui::app::{App, Focus, Row};

use super::pane;

pub(super) fn list(app: &App, frame: &mut Frame<'_>, area: Rect) {
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
    let width = rows.width as usize;
    let mut lines: Vec<Line<'_>> = Vec::new();
    for slot in app.list_slots() {
        lines.push(match slot {
            Slot::Head(text, role) => {
                let style = match role {
                    HeadRole::Warning => app.theme.warning,
                    HeadRole::Emergency => app.theme.heading,
                    HeadRole::Dim => app.theme.dim,
                };
                Line::from(Span::styled(text, style))
            }
            Slot::Sep(text) => {
                let rule = width.saturating_sub(text.width() + 4);
                Line::from(Span::styled(
                    format!("── {text} {}", "─".repeat(rule)),
                    app.theme.dim,
                ))
            }
            Slot::Row { index, part } => {
                row_line(app, &app.rows[index], index == app.selected, width, part)
            }
        });
    }
    if app.rows.is_empty() {
        lines.push(Line::from(Span::styled(
            "Rien à afficher avec ce filtre (Échap pour le retirer).",
            app.theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// The heading a row is browsed under: its category's title, or "Contacts".
pub(super) fn group_of<'a>(app: &'a App, row: &Row) -> Option<&'a str> {
    match row.kind {
        Kind::Faq => {
            let entry = app.kb.entry(&row.id)?;
            app.kb.category(&entry.category).map(|c| c.title.as_str())
        }
        Kind::Contact => Some(s::CONTACTS),
    }
}

/// Line `part` of a row: the marker and the title's first line, or the indented rest of a
/// long title (cut with « … » if it needs more than a second line).
pub(super) fn row_line<'a>(
    app: &'a App,
    row: &Row,
    selected: bool,
    width: usize,
    part: usize,
) -> Line<'a> {
    let marker = match row.kind {
        Kind::Faq => "? ",
        Kind::Contact => "☎ ",
    };
    let title = app.row_title(row);
    let cut = title_break(title, width.saturating_sub(MARKER).max(1));
    let range = match (part, cut) {
        (0, Some(at)) => 0..at,
        (0, None) => 0..title.len(),
        (_, Some(at)) => at..title.len(),
        (_, None) => title.len()..title.len(),
    };
    let base = if selected {
        app.theme.selected
    } else {
        app.theme.base
    };
    let lead = if part == 0 { marker } else { "  " };
    let mut spans = vec![Span::styled(
        lead,
        if selected { base } else { app.theme.dim },
    )];
    let mut last = range.start;
    for r in &row.positions {
        let (start, end) = (r.start.max(range.start), r.end.min(range.end));
        if start >= end
            || start < last
            || !title.is_char_boundary(start)
            || !title.is_char_boundary(end)
        {
            continue;
        }
        spans.push(Span::styled(
            crate::kb::text::neutralize(&title[last..start]).into_owned(),
            base,
        ));
        spans.push(Span::styled(
            crate::kb::text::neutralize(&title[start..end]).into_owned(),
            base.patch(app.theme.highlight),
        ));
        last = end;
    }
    spans.push(Span::styled(
        crate::kb::text::neutralize(title[last..range.end].trim_end()).into_owned(),
        base,
    ));
    // The languages the item has (« EN AR »), the one the query matched in first and marked;
    // a contact's warning goes with it on the row (« Qui contacter » too) and is never cut:
    // the name is cut first.
    // The marks go on the row's last line only (the second one of a two-line title).
    let last_part = part == usize::from(cut.is_some());
    let langs = if last_part {
        super::languages::row_marks(app, row, width)
    } else {
        Vec::new()
    };
    let langs_width: usize = langs.iter().map(Span::width).sum();
    let mark = (last_part && row.kind == Kind::Contact)
        .then(|| app.kb.contact(&row.id))
        .flatten()
        .and_then(|c| crate::render::warning::mark(c, app.info.today))
        .map(|m| format!(" ⚠ {m}"));
    let mark_width = mark.as_deref().map_or(0, UnicodeWidthStr::width);
    let title_room = if mark_width + langs_width + 8 <= width {
        width - mark_width - langs_width
    } else {
        width.saturating_sub(langs_width)
    };
    truncate(&mut spans, title_room, base.patch(app.theme.highlight));
    if let Some(mark) = mark {
        let used: usize = spans.iter().map(Span::width).sum();
        if used + mark_width + langs_width <= width {
            let style = if selected { base } else { app.theme.warning };
            spans.push(Span::styled(mark, style));
        }
    }
    if !langs.is_empty() {
        let used: usize = spans.iter().map(Span::width).sum();
        let before = width.saturating_sub(langs_width);
        if used < before {
            spans.push(Span::styled(" ".repeat(before - used), base));
        }
        spans.extend(langs);
        return Line::from(spans);
    }
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
pub(super) fn truncate(spans: &mut Vec<Span<'_>>, width: usize, highlight: Style) {
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
