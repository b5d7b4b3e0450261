//! The view of presentation mode: deck picker, slides, blank screens, the quick search, the
//! go-to prompt and the speaker view. No chrome on slides: title, text, one footer line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_big_text::{BigText, PixelSize};

use crate::strings as s;
use crate::tui::action::Blank;
use crate::tui::app::App;
use crate::tui::app::presentation::{Presentation, TitleLayout, body_area, slide_areas};

/// Draws presentation mode.
pub fn render(app: &App, p: &Presentation, frame: &mut Frame<'_>) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.base), area);
    if p.notes {
        return super::speaker::render(app, p, frame, area);
    }
    if p.deck.is_none() {
        return picker(app, p, frame, area);
    }
    if let Some(blank) = p.blank {
        let color = if blank == Blank::White {
            Color::White
        } else {
            Color::Black
        };
        frame.render_widget(Block::new().style(Style::new().bg(color).fg(color)), area);
        return;
    }
    slide(app, p, frame, area);
    if let Some(goto) = &p.goto {
        prompt(
            app,
            frame,
            area,
            &format!("Aller à la diapositive : {goto}"),
        );
    }
    if p.search.is_some() {
        quick_search(app, p, frame, area);
    }
}

fn slide(app: &App, p: &Presentation, frame: &mut Frame<'_>, area: Rect) {
    let (text, footer_area) = slide_areas(area, p.width_pct);
    let title = p.page_title();
    let title_area = Rect {
        height: u16::try_from(title.height())
            .unwrap_or(u16::MAX)
            .min(text.height),
        ..text
    };
    match title {
        TitleLayout::Big(lines) => {
            let big = BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(app.theme.title)
                .lines(
                    lines
                        .iter()
                        .map(|l| Line::from(l.clone()))
                        .collect::<Vec<_>>(),
                )
                .build();
            frame.render_widget(big, title_area);
        }
        TitleLayout::Plain(lines) => frame.render_widget(Paragraph::new(lines.clone()), title_area),
    }
    if let Some(page) = p.pages.get(p.current_page()) {
        frame.render_widget(
            Paragraph::new(page.clone()),
            body_area(text, title.height()),
        );
    }
    footer(app, p, frame, footer_area);
}

fn footer(app: &App, p: &Presentation, frame: &mut Frame<'_>, area: Rect) {
    let deck = p.deck.as_ref().map_or("", |d| d.title.as_str());
    let reviewed = p
        .current_entry()
        .and_then(|id| app.kb.entry(id))
        .map_or_else(String::new, |e| {
            format!("{} {}", s::REVIEWED, s::date(e.reviewed))
        });
    let timer = if p.show_timer {
        format!("  ⏱ {:02}:{:02}", p.elapsed / 60, p.elapsed % 60)
    } else {
        String::new()
    };
    let mut right = format!("{reviewed}{timer} ");
    let center = p.hint.map_or_else(|| p.counter(), str::to_owned);
    let width = area.width as usize;
    let mut left = format!(" {deck}");
    // The counter matters most: on a narrow screen the date goes first, then the deck's title.
    let room =
        |l: &str, r: &str| l.chars().count() + center.chars().count() + r.chars().count() + 2;
    if room(&left, &right) > width {
        right = format!("{timer} ");
    }
    if room(&left, &right) > width {
        " ".clone_into(&mut left);
    }
    let used = left.chars().count() + center.chars().count() + right.chars().count();
    let gap = width.saturating_sub(used);
    let line = Line::from(vec![
        Span::styled(left, app.theme.dim),
        Span::raw(" ".repeat(gap / 2)),
        Span::styled(center, app.theme.heading),
        Span::raw(" ".repeat(gap - gap / 2)),
        Span::styled(right, app.theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn picker(app: &App, p: &Presentation, frame: &mut Frame<'_>, area: Rect) {
    let mut lines = vec![
        Line::from(Span::styled("Choisir une présentation", app.theme.title)),
        Line::from(Span::styled(
            "↑ ↓ pour choisir, Entrée pour présenter, q pour quitter",
            app.theme.dim,
        )),
        Line::default(),
    ];
    for (i, d) in app.kb.decks.iter().enumerate() {
        let style = if i == p.picker {
            app.theme.selected
        } else {
            app.theme.base
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", d.title), style),
            Span::styled(
                format!("  {} diapositives · {}", d.slides.len(), d.id),
                app.theme.dim,
            ),
        ]));
    }
    if app.kb.decks.is_empty() {
        lines.push(Line::from(
            "Ces données ne contiennent aucune présentation (section decks).",
        ));
    }
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(1),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn prompt(app: &App, frame: &mut Frame<'_>, area: Rect, text: &str) {
    let width = (text.chars().count() as u16 + 4).min(area.width);
    let rect = super::popup(frame, area, (width, 3.min(area.height)), area.height / 2);
    frame.render_widget(
        Paragraph::new(text.to_owned())
            .block(
                Block::new()
                    .borders(Borders::ALL)
                    .border_style(app.theme.border_focus),
            )
            .style(app.theme.base),
        rect,
    );
}

fn quick_search(app: &App, p: &Presentation, frame: &mut Frame<'_>, area: Rect) {
    let Some(search) = &p.search else {
        return;
    };
    let width = area.width.saturating_sub(4).min(90);
    let height = (search.results.len() as u16 + 3).min(area.height);
    let rect = super::popup(frame, area, (width, height), 1);
    let mut lines = vec![Line::from(vec![
        Span::styled("Montrer : ", app.theme.heading),
        Span::raw(search.input.value().to_owned()),
    ])];
    for (i, id) in search.results.iter().enumerate() {
        let title = app.kb.entry(id).map_or(id.as_str(), |e| e.title.as_str());
        let style = if i == search.selected {
            app.theme.selected
        } else {
            app.theme.base
        };
        lines.push(Line::from(Span::styled(title.to_owned(), style)));
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border_focus)
        .title(" Entrée : montrer · Échap : revenir ");
    frame.render_widget(
        Paragraph::new(lines).block(block).style(app.theme.base),
        rect,
    );
}
