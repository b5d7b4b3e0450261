//! Nothing a slide says is ever lost: every entry of the bundled data and of the presentation
//! fixture (slide points of the full 80 columns, a sentence taller than the screen), and every
//! deck with its title, agenda and closing slides, presented at random terminal sizes from
//! 40x12 to 240x70, walked page by page with « next », each page drawn to a `TestBackend`
//! buffer. The text read back from the body of every page, in order, is exactly the slide's
//! text (each word once, in order, nothing added); the pages of a slide never move while it is
//! shown, the counter « suite x/N » follows them, and « next » never shows a page twice.

use jiff::civil::date;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use relais::kb::validate::validate;
use relais::kb::{Entry, KnowledgeBase, Origin};
use relais::tui::action::Action;
use relais::tui::app::presentation::{DeckRef, Slide, body_area, slide_areas};
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;

fn bundled() -> KnowledgeBase {
    let files = Origin::Bundled.read().expect("bundled data");
    validate(&files, date(2026, 12, 1))
        .expect("bundled data validates")
        .0
}

fn fixture() -> KnowledgeBase {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/present/kb.yaml"
    );
    let files = Origin::Given(path.into()).read().expect("fixture");
    validate(&files, date(2026, 12, 1))
        .expect("fixture validates")
        .0
}

/// The decks a walk goes through: one of every entry (no special slide), then each deck of
/// the data with the slides it declares.
fn decks(kb: &KnowledgeBase) -> Vec<DeckRef> {
    let all = kb.entries.iter().map(|e| e.id.clone()).collect();
    let mut out = vec![DeckRef::entries("tout", "Toutes les fiches", all)];
    out.extend(kb.decks.iter().map(DeckRef::of));
    out
}

/// What slide `n` of `deck` must say, when the test knows it independently: an entry's summary
/// and points, the agenda's numbered questions.
fn expected_slide(kb: &KnowledgeBase, deck: &DeckRef, n: usize) -> Option<String> {
    match &deck.slides[n] {
        Slide::Entry(id) => kb.entry(id).map(expected),
        Slide::Agenda => {
            let titles = deck.entry_ids().enumerate().map(|(i, id)| {
                format!(
                    "{}.{}",
                    i + 1,
                    kb.entry(id).map_or(id, |e| e.title.as_str())
                )
            });
            Some(squeeze(&titles.collect::<String>()))
        }
        Slide::Title | Slide::Closing => None,
    }
}

/// What the slide of `e` must say, as the data writes it, without any spacing: the summary
/// and the slide's points.
fn expected(e: &Entry) -> String {
    let mut text = e.summary.clone();
    for point in &e.slide {
        text.push('•');
        text.push_str(point);
    }
    squeeze(&relais::kb::text::neutralize(&text))
}

/// The text without any whitespace (no-break spaces included): line breaks and page breaks
/// fall between words, so what is left must match character for character.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn app(kb: KnowledgeBase, deck: DeckRef, w: u16, h: u16) -> App {
    let info = DataInfo {
        origin: Origin::Bundled,
        today: date(2026, 12, 1),
    };
    let mut app = App::new(kb, info, ThemeName::Defaut);
    app.update(Action::Resize(w, h));
    app.start_presentation(None, 0, false, false);
    if let Some(p) = app.presentation.as_mut() {
        p.deck = Some(deck);
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

/// Walks every deck of `kb` with « next » at `w` x `h`, checking every slide's pages.
fn walk(kb: &KnowledgeBase, w: u16, h: u16) -> Result<(), TestCaseError> {
    for deck in decks(kb) {
        walk_deck(kb, &deck, w, h)?;
    }
    Ok(())
}

fn walk_deck(kb: &KnowledgeBase, deck: &DeckRef, w: u16, h: u16) -> Result<(), TestCaseError> {
    let mut a = app(kb.clone(), deck.clone(), w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
    let count = deck.slides.len();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for slide in 0..count {
        let p = a.presentation.as_ref().expect("presenting");
        prop_assert_eq!((p.slide, p.current_page()), (slide, 0));
        let pages = p.pages.len();
        prop_assert!(pages > 0, "slide {} of {} has no page", slide, deck.id);
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
            term.draw(|f| relais::tui::ui::render(&a, f)).expect("draw");
            let (text, _) = slide_areas(Rect::new(0, 0, w, h), p.width_pct);
            let body = body_area(text, p.page_title().height());
            read_back.push_str(&read(term.backend().buffer(), body));
            a.update(Action::NextSlide);
        }
        let Some(want) = expected_slide(kb, deck, slide) else {
            continue;
        };
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
                "slide {slide} of {} at {w}x{h}: the slide differs from the data after {at} \
                 characters\nshown: …{}\ndata:  …{}",
                deck.id,
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
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn every_entry_at_any_size(w in 40u16..=240, h in 12u16..=70) {
        walk(&bundled(), w, h)?;
        walk(&fixture(), w, h)?;
    }
}
