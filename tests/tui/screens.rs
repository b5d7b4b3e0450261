//! Whole screens drawn on ratatui's `TestBackend`, as text, at 80x24, 120x40 and 40x12, one per
//! situation a volunteer meets; plus exact buffer assertions for small parts (row truncation,
//! tab positions, styled wrapping) and cell styles of the high-contrast theme.
//!
//! Review a changed snapshot like code: `INSTA_UPDATE=always cargo test --test tui_snapshots`
//! writes the new `.snap` files under `tests/snapshots/`, then read them.

use crate::support::tui as tui_support;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget};
use relais::tui::action::Action;
use relais::tui::app::App;
use relais::tui::app::wrap::{Piece, wrap};
use relais::tui::theme::ThemeName;
use tui_support::{app, app_with, draw, lines, open_id, screen, type_text};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

/// Snapshots `setup` applied to a fresh app at every size, as `<name>_<w>x<h>`.
fn snapshot_at_sizes(name: &str, theme: ThemeName, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = app_with(w, h, theme);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app));
    }
}

#[test]
fn empty_query() {
    snapshot_at_sizes("empty_query", ThemeName::Defaut, |_| {});
}

#[test]
fn query_with_results() {
    snapshot_at_sizes("query_results", ThemeName::Defaut, |app| {
        type_text(app, "heberger");
    });
}

#[test]
fn reading_an_entry() {
    snapshot_at_sizes("reading_entry", ThemeName::Defaut, |app| {
        type_text(app, "heberger");
        app.update(Action::Open);
    });
}

#[test]
fn a_contact_card() {
    snapshot_at_sizes("contact", ThemeName::Defaut, |app| {
        open_id(app, "permanence-juridique");
    });
}

#[test]
fn help_overlay() {
    snapshot_at_sizes("help", ThemeName::Defaut, |app| {
        app.update(Action::ToggleHelp);
    });
}

#[test]
fn help_at_its_end() {
    snapshot_at_sizes("help_end", ThemeName::Defaut, |app| {
        app.update(Action::ToggleHelp);
        app.update(Action::ScrollBottom);
    });
}

/// Page keys scroll the help (they do not close it), never past its last line, which stays at
/// the bottom of the box; the « suite ↓ » hint is there until then.
#[test]
fn the_help_scrolls_to_its_end_and_no_further() {
    for (w, h) in [(80, 24), (40, 12), (200, 50)] {
        let mut app = app(w, h);
        app.update(Action::ToggleHelp);
        let max = app.help_max_scroll();
        if max > 0 {
            assert!(
                lines(&draw(&app)).iter().any(|l| l.contains("suite ↓")),
                "{w}x{h}"
            );
        }
        for _ in 0..200 {
            app.update(Action::PageDown);
        }
        assert!(app.help, "PgSuiv keeps the help open");
        assert_eq!(app.help_scroll, max, "{w}x{h}");
        let screen = lines(&draw(&app)).join("\n");
        let last = app
            .help_rows()
            .last()
            .map(|l| l[0].1.clone())
            .expect("rows");
        assert!(
            screen.contains(last.trim()),
            "{w}x{h}: the last line shows\n{screen}"
        );
        assert!(!screen.contains("suite ↓"), "{w}x{h}");
        assert!(
            !screen.contains("OSC 52") && !screen.contains("Maj-Tab"),
            "{w}x{h}"
        );
    }
}

#[test]
fn no_results_with_suggestions() {
    snapshot_at_sizes("no_results", ThemeName::Defaut, |app| {
        type_text(app, "plolise");
    });
}

#[test]
fn not_a_sure_answer() {
    snapshot_at_sizes("not_sure", ThemeName::Defaut, |app| {
        type_text(app, "toubib");
    });
}

#[test]
fn high_contrast_theme() {
    snapshot_at_sizes("contraste", ThemeName::Contraste, |app| {
        type_text(app, "froid");
        app.update(Action::Open);
    });
}

#[test]
fn a_stale_entry_with_the_find_bar() {
    let mut app = app(80, 24);
    open_id(&mut app, "urgence-froid");
    app.update(Action::StartFind);
    type_text(&mut app, "appel");
    insta::assert_snapshot!("stale_entry_find_80x24", screen(&app));
}

#[test]
fn an_unverified_contact_and_the_region_filter() {
    let mut app = app(80, 24);
    app.update(Action::PrevTab);
    for _ in 0..6 {
        app.update(Action::CycleFilter);
    }
    open_id(&mut app, "ligue-droits");
    insta::assert_snapshot!("unverified_contact_filter_80x24", screen(&app));
}

// --- exact assertions ------------------------------------------------------------------------

#[test]
fn the_high_contrast_theme_paints_the_cells() {
    let mut app = app_with(80, 24, ThemeName::Contraste);
    type_text(&mut app, "froid");
    app.update(Action::Open);
    let buf = draw(&app);
    let text = lines(&buf);
    // The screen is white on black, everywhere the view draws nothing special.
    let blank = &buf[(5, 20)];
    assert_eq!(blank.symbol(), " ");
    assert_eq!((blank.fg, blank.bg), (Color::White, Color::Black));
    // The focused pane (the reader) has a bold yellow border; the list's border is plain.
    let reader = app.areas().reader;
    let corner = &buf[(reader.x, reader.y)];
    assert_eq!(corner.symbol(), "┏");
    assert_eq!(corner.fg, Color::Yellow);
    assert!(corner.modifier.contains(Modifier::BOLD));
    let list = app.areas().list;
    assert_eq!(buf[(list.x, list.y)].symbol(), "┌");
    assert_eq!(buf[(list.x, list.y)].fg, Color::White);
    // The stale warning: black on yellow, bold.
    let text_area = app.areas().reader_text();
    // Under the title and the review dates.
    let row = (text_area.y..text_area.y + text_area.height)
        .find(|&y| buf[(text_area.x, y)].symbol() == "⚠")
        .expect("the stale warning in the reader");
    assert!(row <= text_area.y + 3, "under the title");
    let warning = &buf[(text_area.x, row)];
    assert_eq!(warning.symbol(), "⚠");
    assert_eq!((warning.fg, warning.bg), (Color::Black, Color::Yellow));
    // The selected row: black on white.
    let rows = app.areas().list_rows();
    let selected = &buf[(rows.x + 2, rows.y)];
    assert_eq!((selected.fg, selected.bg), (Color::Black, Color::White));
    // The status bar: black on white, its key hints black on yellow.
    let bar_y = 23;
    assert_eq!(buf[(0, bar_y)].bg, Color::White);
    let bar = &text[usize::from(bar_y)];
    let at = bar.find(" F1 aide").expect("the key hint of help") + 1;
    let key_x = bar[..at].chars().count();
    assert_eq!(buf[(key_x as u16, bar_y)].bg, Color::Yellow);
}

#[test]
fn the_default_theme_highlights_matched_title_words() {
    let mut app = app(80, 24);
    type_text(&mut app, "froid");
    let buf = draw(&app);
    let rows = app.areas().list_rows();
    let line = &lines(&buf)[usize::from(rows.y)];
    let at = line.find("froid").expect("title on the first row");
    let x = line[..at].chars().count() as u16;
    let cell = &buf[(x, rows.y)];
    assert_eq!(cell.symbol(), "f");
    // The selected row in reverse video (the terminal's own pair, whatever its palette),
    // the matched word underlined on it.
    let before = &buf[(x - 2, rows.y)];
    assert!(
        before.modifier.contains(Modifier::REVERSED),
        "the rest of the selected row"
    );
    assert!(!before.modifier.contains(Modifier::UNDERLINED));
    assert_eq!((before.fg, before.bg), (Color::Reset, Color::Reset));
    assert!(cell.modifier.contains(Modifier::BOLD));
    assert!(
        cell.modifier.contains(Modifier::UNDERLINED),
        "highlight on the selected row"
    );
    assert!(cell.modifier.contains(Modifier::REVERSED));
}

#[test]
fn long_titles_take_a_second_line() {
    let mut app = app(40, 12);
    type_text(&mut app, "soigner");
    let buf = draw(&app);
    let rows = app.areas().list_rows();
    assert_eq!(rows.width, 38);
    let text = lines(&buf);
    let first = &text[usize::from(rows.y)];
    assert!(
        first.starts_with("│? Comment faire soigner une personne "),
        "{first}"
    );
    let second = &text[usize::from(rows.y) + 1];
    assert!(second.starts_with("│  sans titre de séjour ?"), "{second}");
    assert!(
        !first.contains('…') && !second.contains('…'),
        "{first}\n{second}"
    );
    // The selected row is filled to the border on both lines.
    assert!(
        buf[(rows.x + 37, rows.y + 1)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn tabs_are_drawn_where_clicks_land() {
    let app = app(80, 24);
    let buf = draw(&app);
    let tabs = app.areas().tabs;
    let line: Vec<char> = lines(&buf)[usize::from(tabs.y)].chars().collect();
    for (tab, start, end) in app.tab_spans() {
        let drawn: String = line[usize::from(tabs.x + start)..usize::from(tabs.x + end)]
            .iter()
            .collect();
        assert_eq!(drawn, format!(" {} ", tab.label()));
    }
}

#[test]
fn the_search_bar_holds_the_cursor() {
    let mut app = app(80, 24);
    type_text(&mut app, "froid");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| relais::tui::ui::render(&app, f))
        .expect("draw");
    let prompt = "Rechercher › ".chars().count() as u16;
    let cursor = terminal.get_cursor_position().expect("cursor");
    assert_eq!((cursor.x, cursor.y), (1 + prompt + 5, 1));
    let top = &lines(terminal.backend().buffer())[1];
    assert!(top.starts_with("┃Rechercher › froid "), "{top}");
}

#[test]
fn the_status_bar_names_the_data_and_its_date() {
    let app = app(120, 40);
    let status = lines(&draw(&app)).pop().expect("a last line");
    assert!(
        status.starts_with(" tests/fixtures/tui/kb.yaml · 01/11/2026 "),
        "{status}"
    );
    assert!(status.contains("Ctrl+C quitter"), "{status}");
}

#[test]
fn every_size_from_one_by_one_draws() {
    let mut app = app(80, 24);
    type_text(&mut app, "police");
    app.update(Action::Open);
    for w in [1, 2, 3, 5, 10, 20, 39, 40, 41, 79, 80, 81, 200] {
        for h in [1, 2, 3, 4, 5, 8, 11, 12, 15, 16, 17, 24, 60] {
            app.update(Action::Resize(w, h));
            let buf = draw(&app);
            assert_eq!(buf.area, Rect::new(0, 0, w, h));
        }
    }
}

#[test]
fn wrapped_runs_keep_their_styles_in_the_buffer() {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let link = Style::new().fg(Color::Blue);
    let runs = [
        Piece {
            text: "Appelez la ".into(),
            style: Style::new(),
            link: None,
        },
        Piece {
            text: "permanence".into(),
            style: bold,
            link: None,
        },
        Piece {
            text: " du CAI [1] ?".into(),
            style: link,
            link: Some(0),
        },
    ];
    let (wrapped, spots) = wrap(&runs, 14, &Span::raw("• "), &Span::raw("  "), 0);
    let mut buf = Buffer::empty(Rect::new(0, 0, 14, 4));
    Paragraph::new(wrapped).render(buf.area, &mut buf);
    let mut expected = Buffer::with_lines([
        "• Appelez la  ",
        "  permanence  ",
        "  du CAI [1]\u{A0}?",
        "              ",
    ]);
    expected.set_style(Rect::new(2, 1, 10, 1), bold);
    expected.set_style(Rect::new(2, 2, 12, 1), link);
    assert_eq!(buf, expected);
    // One spot per word of the link, together covering it, for mouse clicks.
    assert!(
        spots.iter().all(|s| s.line == 2 && s.link == 0),
        "{spots:?}"
    );
    assert_eq!(spots.first().map(|s| s.start), Some(2));
    assert_eq!(spots.last().map(|s| s.end), Some(14));
}
