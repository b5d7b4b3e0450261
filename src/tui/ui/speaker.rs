//! The speaker view (`relais present DECK --notes`): whether it is connected and to which
//! presenter, the projector's slide and page, elapsed time, clock and time left, the slide's
//! notes and whole answer (scrollable), the next slide's title, and the keys that drive the
//! projector from here.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::strings as s;
use crate::tui::app::App;
use crate::tui::app::presentation::Presentation;

/// Draws the speaker view.
pub fn render(app: &App, p: &Presentation, frame: &mut Frame<'_>, area: Rect) {
    let row = |y: u16| Rect {
        y: area.y + y.min(area.height.saturating_sub(1)),
        height: 1.min(area.height),
        ..area
    };
    let link = p.presenter.as_ref().map_or_else(
        || s::WAITING_FOR_PRESENTER.to_owned(),
        |who| format!("Connectée à la présentation ({who})"),
    );
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" Vue orateur ", app.theme.bar_key),
            Span::styled(format!(" {link} "), app.theme.bar),
        ])),
        row(0),
    );
    frame.render_widget(Paragraph::new(status_line(app, p)), row(1));
    let title = p
        .deck
        .as_ref()
        .and_then(|d| {
            if let Some(detour) = &p.detour {
                return app.kb.entry(&detour.entry).map(|e| e.title.clone());
            }
            d.slide_title(&app.kb, p.slide)
        })
        .unwrap_or_default();
    frame.render_widget(Paragraph::new(Span::styled(title, app.theme.title)), row(2));
    let body = Rect {
        x: area.x + 1,
        y: area.y + 4,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(6),
    };
    frame.render_widget(super::doc_window(app, body.height), body);
    let next = p
        .next_title(&app.kb)
        .unwrap_or_else(|| "(fin du parcours)".to_owned());
    let footer = match p.hint {
        Some(hint) => Line::from(Span::styled(format!(" {hint}"), app.theme.warning)),
        None => Line::from(vec![
            Span::styled(" Suivante : ", app.theme.heading),
            Span::raw(next),
            Span::styled(
                "   Espace/PgSuiv suivante · PgPréc précédente · b noir · ↑↓ défiler · q quitter",
                app.theme.dim,
            ),
        ]),
    };
    frame.render_widget(Paragraph::new(footer), row(area.height.saturating_sub(1)));
}

/// « Diapositive 3 / 9 · suite 1/2 · écran noir   écoulé 12:04 · 10:42 · prévu 45 min, reste
/// 32 min ».
fn status_line(app: &App, p: &Presentation) -> Line<'static> {
    let slides = p.deck.as_ref().map_or(0, |d| d.slides.len());
    let mut counter = String::new();
    let elapsed = if let Some(r) = &p.remote {
        if r.detour.is_some() {
            counter.push_str("Hors parcours");
        } else {
            let _ = write!(counter, "Diapositive {} / {slides}", r.slide + 1);
        }
        if r.pages > 1 {
            let _ = write!(counter, " · suite {}/{}", r.page + 1, r.pages);
        }
        match r.blank {
            Some('w') => counter.push_str(" · écran blanc"),
            Some(_) => counter.push_str(" · écran noir"),
            None => {}
        }
        r.elapsed
    } else {
        counter.push_str("Projecteur : rien");
        p.elapsed
    };
    let mut time = format!(
        "écoulé {:02}:{:02} · {}",
        elapsed / 60,
        elapsed % 60,
        clock()
    );
    if let Some(minutes) = p.deck.as_ref().and_then(|d| d.duration) {
        let planned = u64::from(minutes) * 60;
        let _ = write!(time, " · prévu {minutes} min");
        if elapsed <= planned {
            let _ = write!(time, ", reste {} min", (planned - elapsed).div_ceil(60));
        } else {
            let _ = write!(
                time,
                ", dépassé de {} min",
                (elapsed - planned).div_ceil(60)
            );
        }
    }
    Line::from(vec![
        Span::styled(format!(" {counter}"), app.theme.heading),
        Span::raw("   "),
        Span::styled(time, app.theme.base),
    ])
}

/// The local time, « 10:42 ».
fn clock() -> String {
    let now = jiff::Zoned::now();
    format!("{:02}:{:02}", now.hour(), now.minute())
}
