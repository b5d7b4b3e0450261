//! One keystroke of the interface: `App::update(Edit(InsertChar))` (the search runs here) plus
//! `ui::render` on a 120x40 `TestBackend`, on the bundled data and on a generated knowledge base
//! of 10,000 entries. The budget is one frame (16 ms at 60 Hz).
//!
//!     cargo bench --bench tui
//!
//! Each case types one character after a query prefix and times only that keystroke and its
//! frame; the character is then deleted (untimed) so every iteration starts from the same state.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use relais::action::Action;
use relais::app::{App, DataInfo};
use relais::kb::validate::validate;
use relais::kb::{KnowledgeBase, Origin, SourceFile};
use relais::theme::ThemeName;
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
        terminal.draw(|f| relais::ui::render(app, f)).expect("draw");
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    app.update(Action::Edit(InputRequest::InsertChar(black_box(ch))));
                    terminal.draw(|f| relais::ui::render(app, f)).expect("draw");
                    total += start.elapsed();
                    app.update(Action::Edit(InputRequest::DeletePrevChar));
                    terminal.draw(|f| relais::ui::render(app, f)).expect("draw");
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
                .draw(|f| relais::ui::render(black_box(app), f))
                .expect("draw");
        });
    });
    group.finish();
}

fn keystroke(c: &mut Criterion) {
    let mut small = app(bundled(), Origin::Bundled);
    bench_keystrokes(c, "bundled", &mut small);
    let mut large = app(generated(10_000, 300), Origin::Bundled);
    assert!(large.kb.entries.len() == 10_000);
    bench_keystrokes(c, "10000 entries", &mut large);
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(4));
    targets = keystroke
}
criterion_main!(benches);

// --- a generated knowledge base ---------------------------------------------------------------

/// Words of the domain, with accents, so that folding and typo tolerance have work to do.
const WORDS: [&str; 64] = [
    "hébergement",
    "hébergeur",
    "aide",
    "médicale",
    "urgente",
    "police",
    "contrôle",
    "identité",
    "détention",
    "centre",
    "fermé",
    "avocat",
    "droits",
    "citoyen",
    "solidaire",
    "bénévole",
    "migrant",
    "transit",
    "asile",
    "demande",
    "séjour",
    "papiers",
    "commune",
    "CPAS",
    "hôpital",
    "médecin",
    "santé",
    "froid",
    "hiver",
    "repas",
    "transport",
    "voiture",
    "frontière",
    "Royaume-Uni",
    "mineur",
    "famille",
    "enfant",
    "école",
    "téléphone",
    "recharge",
    "vêtements",
    "douche",
    "gare",
    "parc",
    "Bruxelles",
    "Namur",
    "Liège",
    "Arlon",
    "Mons",
    "Wavre",
    "procédure",
    "Dublin",
    "règlement",
    "recours",
    "juridique",
    "plainte",
    "violence",
    "témoin",
    "accueil",
    "nuit",
    "abri",
    "collectif",
    "formation",
    "brochure",
];

const STARTS: [&str; 6] = [
    "Comment",
    "Puis-je",
    "Que faire pour",
    "Où trouver",
    "Qui contacter pour",
    "Quels sont les",
];

/// A small deterministic generator (xorshift), so every run benches the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 >> 33).expect("fits")
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.next() % WORDS.len()]
    }

    fn words(&mut self, n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.word());
        }
        out
    }
}

/// Entries per generated file: the YAML reader caps the size of one document, and a real data
/// set is split by theme anyway.
const ENTRIES_PER_FILE: usize = 500;

/// A valid knowledge base of `entries` entries in 8 categories and `contacts` contacts: titles
/// around 50 bytes, answers around 450, as in the measurements of DEPENDENCIES.md.
fn generated(entries: usize, contacts: usize) -> KnowledgeBase {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut head = String::from("meta:\n  title: \"Base générée\"\n  fallback_contacts: [c0]\n");
    head.push_str("categories:\n");
    for i in 0..8 {
        let _ = writeln!(head, "  - id: cat{i}\n    title: \"Catégorie {i}\"");
    }
    head.push_str("synonyms:\n  - [héberger, loger, hébergement]\n  - [médecin, docteur]\n");
    head.push_str("contacts:\n");
    for i in 0..contacts {
        let _ = write!(
            head,
            "  - id: c{i}\n    name: \"Service {} {i}\"\n    description: \"{}\"\n    \
             region: namur\n    phone: [\"081 00 00 {:02}\"]\n",
            rng.words(2),
            rng.words(12),
            i % 100,
        );
    }
    let mut files = vec![SourceFile {
        name: "generated/0-meta.yaml".to_owned(),
        text: head,
    }];
    for first in (0..entries).step_by(ENTRIES_PER_FILE) {
        let mut y = String::from("entries:\n");
        for i in first..(first + ENTRIES_PER_FILE).min(entries) {
            entry(&mut y, &mut rng, i, (entries, contacts));
        }
        files.push(SourceFile {
            name: format!("generated/entries-{first:05}.yaml"),
            text: y,
        });
    }
    match validate(&files, TODAY) {
        Ok((kb, _)) => kb,
        Err(err) => panic!("generated data invalid: {:?}", err.diagnostics().first()),
    }
}

/// Appends entry `i`, linking to random entries and contacts among `(entries, contacts)`.
fn entry(y: &mut String, rng: &mut Rng, i: usize, (entries, contacts): (usize, usize)) {
    let title = format!("{} {} ?", STARTS[rng.next() % STARTS.len()], rng.words(4));
    let summary = rng.words(14);
    let answer = format!(
        "{}.\n\n- {} ;\n- {}.\n\nVoir [[e{}]] et [[c{}]].",
        rng.words(40),
        rng.words(8),
        rng.words(8),
        rng.next() % entries,
        rng.next() % contacts,
    );
    let _ = write!(
        y,
        "  - id: e{i}\n    title: \"{title}\"\n    category: cat{}\n    summary: \"{summary}\"\n    \
         answer: |\n      {}\n    keywords: [{}, {}]\n    related: [e{}]\n    contacts: [c{}]\n    \
         sources:\n      - title: \"Source {i}\"\n    reviewed: 2026-01-15\n",
        i % 8,
        answer.replace('\n', "\n      "),
        rng.word(),
        rng.word(),
        rng.next() % entries,
        rng.next() % contacts,
    );
}
