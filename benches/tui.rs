//! One keystroke of the interface: `App::update(Edit(InsertChar))` (the search runs here) plus
//! `ui::render` on a 120x40 `TestBackend`, on the bundled data and on a knowledge base of
//! 10,000 entries from `benches/gen`. The budget is one frame (16 ms at 60 Hz).
//!
//!     cargo bench --bench tui
//!
//! Each case types one character after a query prefix and times only that keystroke and its
//! frame; the character is then deleted (untimed) so every iteration starts from the same state.

#[path = "gen/mod.rs"]
mod generator;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use relais::kb::validate::validate;
use relais::kb::{KnowledgeBase, Origin};
use relais::tui::action::Action;
use relais::tui::app::{App, DataInfo};
use relais::tui::theme::ThemeName;
use tui_input::InputRequest;

const TODAY: Date = jiff::civil::date(2026, 11, 27);

/// (case name, query already typed, character typed in the timed keystroke).
const KEYSTROKES: [(&str, &str, char); 4] = [
    ("first letter", "", 'h'),
    ("end of a word", "heberge", 'r'),
    ("second word", "aide medicale urgent", 'e'),
    ("typo", "hebregeu", 'r'),
];

fn bundled() -> KnowledgeBase {
    let files = Origin::Bundled.read().expect("bundled data");
    validate(&files, TODAY).expect("bundled data valid").0
}

fn app(kb: KnowledgeBase, origin: Origin) -> App {
    let mut app = App::new(
        kb,
        DataInfo {
            origin,
            today: TODAY,
        },
        ThemeName::Defaut,
    );
    app.update(Action::Resize(120, 40));
    app
}

fn bench_keystrokes(c: &mut Criterion, label: &str, app: &mut App) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
    let mut group = c.benchmark_group(format!("keystroke/{label}"));
    for (name, prefix, ch) in KEYSTROKES {
        app.update(Action::Edit(InputRequest::DeleteLine));
        for c in prefix.chars() {
            app.update(Action::Edit(InputRequest::InsertChar(c)));
        }
        terminal
            .draw(|f| relais::tui::ui::render(app, f))
            .expect("draw");
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    app.update(Action::Edit(InputRequest::InsertChar(black_box(ch))));
                    terminal
                        .draw(|f| relais::tui::ui::render(app, f))
                        .expect("draw");
                    total += start.elapsed();
                    app.update(Action::Edit(InputRequest::DeletePrevChar));
                    terminal
                        .draw(|f| relais::tui::ui::render(app, f))
                        .expect("draw");
                }
                total
            });
        });
    }
    // The frame alone, for the share of drawing in a keystroke.
    app.update(Action::Edit(InputRequest::DeleteLine));
    for c in "heberger".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    group.bench_function("render only", |b| {
        b.iter(|| {
            terminal
                .draw(|f| relais::tui::ui::render(black_box(app), f))
                .expect("draw");
        });
    });
    group.finish();
}

fn keystroke(c: &mut Criterion) {
    let mut small = app(bundled(), Origin::Bundled);
    bench_keystrokes(c, "bundled", &mut small);
    // The search helper's generator (benches/gen): 10,000 entries and 500 contacts.
    let mut large = app(generator::knowledge_base(10_000), Origin::Bundled);
    assert_eq!(large.kb.entries.len(), 10_000);
    bench_keystrokes(c, "10000 entries", &mut large);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4));
    targets = keystroke
}
criterion_main!(benches);
