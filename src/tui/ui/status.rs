//! The status bar at the bottom: where the data comes from, then a message or the key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::strings as s;
use crate::tui::app::App;
use crate::tui::keymap;

pub(super) fn status_bar(app: &App, frame: &mut Frame<'_>, area: Rect) {
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
        // A message takes the place of the data's name when it needs it, and is shortened
        // after a whole word, never inside one; the quit key follows when there is room.
        let quit = " Ctrl+C quitter ";
        let room = width.saturating_sub(used);
        let message = if message.width() + 2 <= room {
            message.clone()
        } else {
            spans.clear();
            shorten_words(message, width.saturating_sub(2))
        };
        let room = width.saturating_sub(spans.iter().map(Span::width).sum::<usize>());
        spans.push(Span::styled(format!(" {message} "), app.theme.bar_key));
        if message.width() + 2 + quit.width() <= room {
            spans.push(Span::styled(quit, app.theme.bar));
        }
    } else {
        // Whole hints only, as many as fit; the help and quit keys always when they fit at all.
        let mut hints = keymap::hints(app.mode());
        let cost = |h: &keymap::Hint| h.keys.width() + h.what.width() + 3;
        // Narrow: the quit key goes without its word rather than not at all.
        let kept_cost: usize = hints.iter().filter(|h| h.help || h.quit).map(cost).sum();
        if used + kept_cost > width {
            for h in hints.iter_mut().filter(|h| h.quit) {
                h.what = "";
            }
        }
        let kept: Vec<&keymap::Hint> = hints.iter().filter(|h| h.help || h.quit).collect();
        let mut room = width.saturating_sub(used + kept.iter().map(|h| cost(h)).sum::<usize>());
        let mut shown: Vec<&keymap::Hint> = Vec::new();
        for hint in hints.iter().filter(|h| !h.help && !h.quit) {
            if cost(hint) > room {
                break;
            }
            room -= cost(hint);
            shown.push(hint);
        }
        let mut left = width.saturating_sub(used);
        for hint in kept {
            if cost(hint) <= left {
                left -= cost(hint);
                shown.push(hint);
            }
        }
        for hint in shown {
            spans.push(Span::styled(format!(" {} ", hint.keys), app.theme.bar_key));
            spans.push(Span::styled(format!("{} ", hint.what), app.theme.bar));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(app.theme.bar), area);
}

/// `text` cut after its last whole word that fits in `max` columns, with « … ».
pub(super) fn shorten_words(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if next.width() + 1 > max {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        // Not even the first word fits: as many of its characters as do.
        out = text
            .chars()
            .scan(0, |w, c| {
                *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                (*w < max).then_some(c)
            })
            .collect();
    }
    format!("{out}…")
}

/// `text` cut from the left to at most `max` columns, with `…` where it was cut.
pub(super) fn shorten_left(text: &str, max: usize) -> String {
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
