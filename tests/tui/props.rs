//! Hostile terminals: long random sessions on the bundled data, as the runtime would feed them to
//! the model — any key with any modifiers through the key map, mouse clicks and wheels anywhere
//! (off screen too), pastes (huge, multi-line, with control characters), resizes from 1x1 to
//! 300x100, timer ticks — in the browser and in presentation mode. After every step the screen is
//! drawn into a test buffer and the model's invariants are checked:
//!
//! - the selection is in the list (or the list is empty and the selection 0), and visible;
//! - the reader is not scrolled past its end;
//! - the history never holds the same id twice in a row;
//! - the cursor, when shown, is on the screen;
//! - the presentation is on an existing slide and page.
//!
//! `RELAIS_TUI_CASES=N` sets the number of sessions (default 16, each up to 300 steps).

use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use relais::kb::validate::validate;
use relais::kb::{KnowledgeBase, Origin};
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;

const TODAY: Date = date(2026, 11, 27);

fn cases() -> u32 {
    std::env::var("RELAIS_TUI_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16)
}

fn bundled() -> KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| {
        let files = Origin::Bundled.read().expect("bundled data");
        validate(&files, TODAY).expect("bundled data valid").0
    })
    .clone()
}

/// One thing the terminal can send.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Click(u16, u16),
    Wheel(u16, u16, i8),
    Paste(String),
    Resize(u16, u16),
    Tick(u64),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        6 => prop::sample::select(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /?:;.,-'\"é".chars().collect::<Vec<_>>()
        ).prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Backspace, KeyCode::Tab, KeyCode::BackTab,
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home,
            KeyCode::End, KeyCode::PageUp, KeyCode::PageDown, KeyCode::Delete, KeyCode::Insert,
            KeyCode::Null, KeyCode::CapsLock,
        ]),
        1 => (1u8..=12).prop_map(KeyCode::F),
    ]
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let modifiers = prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
        1 => (0u8..16).prop_map(KeyModifiers::from_bits_truncate),
    ];
    let kind = prop_oneof![
        10 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Repeat),
        1 => Just(KeyEventKind::Release),
    ];
    (key_code(), modifiers, kind).prop_map(|(code, modifiers, kind)| KeyEvent {
        code,
        modifiers,
        kind,
        state: KeyEventState::NONE,
    })
}

/// Pasted text: words, several lines, control characters and escapes, sometimes huge.
fn paste() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("héberger ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\t".to_owned()),
        Just("\u{1b}[2J\u{1b}]52;c;eA==\u{7}".to_owned()),
        Just("\u{202e}\u{0}\u{7f}\u{9b}".to_owned()),
        Just("漢字😀\u{301}".to_owned()),
        "[a-z ]{1,20}",
        any::<String>(),
    ];
    prop_oneof![
        8 => prop::collection::vec(piece, 1..20).prop_map(|v| v.concat()),
        1 => (1usize..200_000).prop_map(|n| "aide ".repeat(n / 5 + 1)),
        1 => (1usize..5_000).prop_map(|n| "ligne\n".repeat(n)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        20 => key().prop_map(Step::Key),
        3 => (0u16..320, 0u16..110).prop_map(|(x, y)| Step::Click(x, y)),
        3 => (0u16..320, 0u16..110, -3i8..=3).prop_map(|(x, y, d)| Step::Wheel(x, y, d)),
        1 => paste().prop_map(Step::Paste),
        2 => prop_oneof![
            3 => (1u16..=300, 1u16..=100),
            1 => (1u16..=4, 1u16..=4),
            1 => (38u16..=42, 10u16..=14),
        ]
        .prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u64..10_000).prop_map(Step::Tick),
    ]
}

/// How a session starts.
#[derive(Debug, Clone, Copy)]
enum Start {
    Browser,
    Deck,
    Picker,
}

fn start() -> impl Strategy<Value = Start> {
    prop_oneof![
        3 => Just(Start::Browser),
        2 => Just(Start::Deck),
        1 => Just(Start::Picker),
    ]
}

fn new_app(start: Start, theme: ThemeName) -> App {
    let info = DataInfo {
        origin: Origin::Bundled,
        today: TODAY,
    };
    let mut app = App::new(bundled(), info, theme);
    app.update(Action::Resize(80, 24));
    match start {
        Start::Browser => {}
        Start::Deck => app.start_presentation(Some("droits-citoyens-solidaires"), 0, false, false),
        Start::Picker => app.start_presentation(None, 0, false, false),
    }
    app
}

fn apply(app: &mut App, step: Step) {
    let action = match step {
        Step::Key(key) => relais::tui::keymap::action(app.mode(), key),
        Step::Click(x, y) => Some(Action::Click(x, y)),
        Step::Wheel(x, y, d) => Some(Action::Wheel(x, y, d)),
        Step::Paste(text) => Some(Action::Paste(text)),
        Step::Resize(w, h) => Some(Action::Resize(w, h)),
        Step::Tick(s) => Some(Action::Tick(s)),
    };
    if let Some(action) = action {
        app.update(action);
    }
}

/// Draws the screen and returns the cursor, when shown.
fn draw(app: &App) -> Option<(u16, u16)> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("terminal");
    terminal
        .draw(|frame| relais::tui::ui::render(app, frame))
        .expect("draw");
    let backend = terminal.backend();
    backend.cursor_visible().then(|| {
        let p = backend.cursor_position();
        (p.x, p.y)
    })
}

fn check(app: &App, cursor: Option<(u16, u16)>) -> Result<(), TestCaseError> {
    if app.rows.is_empty() {
        prop_assert_eq!(app.selected, 0);
    } else {
        prop_assert!(
            app.selected < app.rows.len(),
            "selection {} of {} rows",
            app.selected,
            app.rows.len()
        );
    }
    // The list and the reader are laid out again when a presentation ends; during one, only
    // the slides are on screen.
    if app.presentation.is_none() {
        prop_assert!(
            app.list_offset <= app.selected,
            "offset {} above the selection {}",
            app.list_offset,
            app.selected
        );
        let height = app.areas().list_rows().height as usize;
        if !app.rows.is_empty() && height > 0 {
            prop_assert!(
                app.selected < app.list_offset + height,
                "selection below the list"
            );
        }
        prop_assert!(
            app.scroll <= app.max_scroll(),
            "scroll {} past {}",
            app.scroll,
            app.max_scroll()
        );
    }
    // The history: back, the open page (a step unless it is only a preview), forward. A preview
    // stands between back and forward without being a step, so it separates them.
    let open = app.open.as_ref().filter(|_| !app.previewing);
    let twice = app.back.windows(2).any(|w| w[0] == w[1])
        || app.forward.windows(2).any(|w| w[0] == w[1])
        || open.is_some_and(|o| app.back.last() == Some(o) || app.forward.last() == Some(o));
    prop_assert!(
        !twice,
        "the same id twice in a row in the history: back {:?}, open {:?} (preview: {}), forward {:?}",
        app.back,
        app.open,
        app.previewing,
        app.forward
    );
    if let Some((x, y)) = cursor {
        prop_assert!(
            x < app.size.width && y < app.size.height,
            "cursor at {x},{y} off a {}x{} screen",
            app.size.width,
            app.size.height
        );
    }
    if let Some(p) = &app.presentation {
        if let Some(deck) = &p.deck {
            prop_assert!(
                p.slide < deck.slides.len().max(1),
                "slide {} of {}",
                p.slide,
                deck.slides.len()
            );
        }
        let page = p.current_page();
        prop_assert!(
            p.pages.is_empty() || page < p.pages.len(),
            "page {page} of {}",
            p.pages.len()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        max_shrink_iters: 500,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_session_keeps_the_screen_and_the_model_sound(
        start in start(),
        contrast in any::<bool>(),
        steps in prop::collection::vec(step(), 1..300),
    ) {
        let theme = if contrast { ThemeName::Contraste } else { ThemeName::Defaut };
        let mut app = new_app(start, theme);
        check(&app, draw(&app))?;
        for step in steps {
            apply(&mut app, step);
            let cursor = draw(&app);
            check(&app, cursor)?;
        }
    }
}
