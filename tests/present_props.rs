//! Nothing a slide says is ever lost: every entry of the bundled data, presented at random
//! terminal sizes from 40x12 to 240x70, walked page by page with « next », each page drawn to a
//! `TestBackend` buffer. The text read back from the body of every page, in order, is exactly
//! the slide's text (each word once, in order, nothing added); the pages of a slide never move
//! while it is shown, the counter « suite x/N » follows them, and « next » never shows a page
//! twice.

use jiff::civil::date;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use relais::action::Action;
use relais::app::presentation::{DeckRef, body_area, slide_areas};
use relais::app::{App, DataInfo};
use relais::kb::markup::{self, Marker, Target};
use relais::kb::validate::validate;
use relais::kb::{Entry, KnowledgeBase, Origin};
use relais::theme::ThemeName;

fn bundled() -> KnowledgeBase {
    let files = Origin::Bundled.read().expect("bundled data");
    validate(&files, date(2026, 12, 1))
        .expect("bundled data validates")
        .0
}

/// What the slide of `e` must say, as the data writes it, without any spacing.
fn expected(kb: &KnowledgeBase, e: &Entry) -> String {
    let mut text = e.summary.clone();
    for block in markup::parse(&e.answer) {
        text.push(' ');
        match block.marker {
            Marker::Paragraph => {}
            Marker::Bullet => text.push('•'),
            Marker::Number(n) => text.push_str(&(n.to_string() + ".")),
        }
        for inline in &block.inlines {
            match &inline.link {
                Some(Target::Id(id)) => text.push_str(&relais::plain::name_of(kb, id)),
                _ => text.push_str(&inline.text),
            }
        }
    }
    squeeze(&relais::kb::text::neutralize(&text))
}

/// The text without any whitespace (no-break spaces included): line breaks and page breaks
/// fall between words, so what is left must match character for character.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn app(kb: KnowledgeBase, w: u16, h: u16) -> App {
    let info = DataInfo {
        origin: Origin::Bundled,
        today: date(2026, 12, 1),
    };
    let mut app = App::new(kb, info, ThemeName::Defaut);
    app.update(Action::Resize(w, h));
    // One deck of every entry, in the order of the data.
    let slides: Vec<String> = app.kb.entries.iter().map(|e| e.id.clone()).collect();
    app.start_presentation(None, 0, false, false);
    if let Some(p) = app.presentation.as_mut() {
        p.deck = Some(DeckRef {
            id: "tout".into(),
            title: "Toutes les fiches".into(),
            slides,
        });
    }
    app.plan_slide();
    app
}

/// The rows of `rect` in the drawn buffer, as text.
fn read(buf: &ratatui::buffer::Buffer, rect: Rect) -> String {
    let mut out = String::new();
    for y in rect.top()..rect.bottom() {
        for x in rect.left()..rect.right() {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Walks the whole deck with « next » at `w` x `h`, checking every slide's pages.
fn walk(kb: &KnowledgeBase, w: u16, h: u16) -> Result<(), TestCaseError> {
    let mut a = app(kb.clone(), w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
    let count = kb.entries.len();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for slide in 0..count {
        let p = a.presentation.as_ref().expect("presenting");
        prop_assert_eq!((p.slide, p.current_page()), (slide, 0));
        let pages = p.pages.len();
        let entry = &kb.entries[slide];
        let mut read_back = String::new();
        for page in 0..pages {
            let p = a.presentation.as_ref().expect("presenting");
            prop_assert_eq!(
                (p.slide, p.current_page()),
                (slide, page),
                "next skipped or repeated"
            );
            prop_assert_eq!(p.pages.len(), pages, "the pages moved while shown");
            if pages > 1 {
                let counter = format!("suite {}/{pages}", page + 1);
                prop_assert!(
                    p.counter().contains(&counter),
                    "{} for {}",
                    p.counter(),
                    counter
                );
            }
            prop_assert!(!seen.contains(&(slide, page)));
            seen.push((slide, page));
            term.draw(|f| relais::ui::render(&a, f)).expect("draw");
            let (text, _) = slide_areas(Rect::new(0, 0, w, h), p.width_pct);
            let body = body_area(text, p.page_title().height());
            read_back.push_str(&read(term.backend().buffer(), body));
            a.update(Action::NextSlide);
        }
        let want = expected(kb, entry);
        let got = squeeze(&read_back);
        if got != want {
            let at = got
                .chars()
                .zip(want.chars())
                .take_while(|(g, w)| g == w)
                .count();
            let around = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(30))
                    .take(80)
                    .collect::<String>()
            };
            return Err(TestCaseError::fail(format!(
                "{} at {w}x{h}: the slide differs from the data after {at} characters\n\
                 shown: …{}\n\
                 data:  …{}",
                entry.id,
                around(&got),
                around(&want)
            )));
        }
    }
    let p = a.presentation.as_ref().expect("presenting");
    prop_assert_eq!(p.slide, count - 1, "next went past the end");
    Ok(())
}

#[test]
fn every_entry_at_the_corner_sizes() {
    let kb = bundled();
    for (w, h) in [
        (40, 12),
        (80, 24),
        (120, 40),
        (240, 70),
        (40, 70),
        (240, 12),
    ] {
        walk(&kb, w, h).unwrap_or_else(|e| panic!("{e}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_entry_at_any_size(w in 40u16..=240, h in 12u16..=70) {
        walk(&bundled(), w, h)?;
    }
}
