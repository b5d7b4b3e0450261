//! End to end in a pseudo-terminal: `relais present DECK` as a trainer drives it, and the
//! terminal given back afterwards.
#![cfg(unix)]

mod pty_support;

use std::process::Command;

use pty_support::{Launch, Pty};

const COLS: u16 = 200;
const ROWS: u16 = 50;

/// Starts `relais ARGS` in an empty home, also its working directory and runtime folder.
fn start(args: &[&str]) -> Pty {
    Launch::new(args)
        .home_var("XDG_DATA_HOME", "data")
        .home_var("XDG_RUNTIME_DIR", "")
        .size(COLS, ROWS)
        .start()
}

const PAGE_DOWN: &str = "\x1b[6~";

#[test]
fn a_trainer_presents_the_cai_session() {
    let mut s = start(&["present", "droits-citoyens-solidaires"]);
    s.wait_for("the first slide", |t| t.contains("1 / "));
    assert!(s.contents().contains("Droits des citoyens solidaires"));
    s.send(PAGE_DOWN);
    s.wait_for("the second slide", |t| t.contains("2 / "));
    s.send("b");
    s.wait_for("a blank screen", |t| t.trim().is_empty());
    s.send("x");
    s.wait_for("the slide again", |t| t.contains("2 / "));
    s.send("q");
    s.wait_exit();
    let raw = s.raw;
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(400)..]).into_owned();
    assert!(
        tail.contains("\x1b[?1049l"),
        "alternate screen not left: {tail:?}"
    );
    assert!(
        tail.contains("\x1b[?25h"),
        "cursor not shown again: {tail:?}"
    );
}

/// The words the slide of `id` must show: the summary and the answer, as the data writes them.
fn slide_words(kb: &relais::kb::KnowledgeBase, id: &str) -> Vec<String> {
    use relais::kb::markup::{Marker, Target, parse};
    let e = kb.entry(id).expect("deck entry");
    let mut text = e.summary.clone();
    for block in parse(&e.answer) {
        text.push(' ');
        match block.marker {
            Marker::Paragraph => {}
            Marker::Bullet => text.push_str("• "),
            Marker::Number(n) => text.push_str(&(n.to_string() + ". ")),
        }
        for inline in &block.inlines {
            match &inline.link {
                Some(Target::Id(id)) => text.push_str(&relais::plain::name_of(kb, id)),
                _ => text.push_str(&inline.text),
            }
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

/// The footer's counter: (slide, slides, Some((page, pages)) on a slide of several pages).
type Counter = (usize, usize, Option<(usize, usize)>);

fn counter(screen: &str) -> Option<Counter> {
    let footer = screen.lines().rfind(|l| l.contains(" / "))?;
    let words = footer.split_whitespace().collect::<Vec<_>>();
    let at = words.iter().position(|w| *w == "/")?;
    let slide = words.get(at.checked_sub(1)?)?.parse().ok()?;
    let slides = words.get(at + 1)?.parse().ok()?;
    let page = words
        .iter()
        .position(|w| *w == "suite")
        .and_then(|i| words.get(i + 1))
        .and_then(|w| w.split_once('/'))
        .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
    Some((slide, slides, page))
}

/// A trainer walks the first bundled deck to the end with Space at 80x24: every page comes
/// once, in order, the counter « suite x/N » counts them, and every word of every slide is on
/// the screen at some point, in order.
#[test]
fn space_walks_a_whole_deck_without_losing_a_word() {
    let files = relais::kb::Origin::Bundled.read().expect("bundled data");
    let (kb, _) =
        relais::kb::validate::validate(&files, jiff::civil::date(2026, 12, 1)).expect("valid");
    let deck = kb.decks.first().expect("a deck").clone();
    let mut s = Launch::new(&["present", &deck.id])
        .home_var("XDG_DATA_HOME", "data")
        .home_var("XDG_RUNTIME_DIR", "")
        .size(80, 24)
        .start();
    let n = deck.slides.len();
    s.wait_for("the first slide", |t| counter(t).is_some_and(|c| c.0 == 1));
    let mut now = counter(&s.contents()).expect("counter");
    let mut screens: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut follow_ups = 0;
    loop {
        assert_eq!(now.1, n, "{now:?}");
        screens[now.0 - 1].extend(s.contents().split_whitespace().map(str::to_owned));
        let next = match now.2 {
            Some((page, pages)) if page < pages => {
                follow_ups += 1;
                (now.0, Some((page + 1, pages)))
            }
            _ if now.0 == n => break,
            _ => (now.0 + 1, None),
        };
        s.send(" ");
        s.wait_for(&format!("{next:?} after {now:?}"), |t| {
            counter(t).is_some_and(|c| c.0 == next.0 && (next.1.is_none() || c.2 == next.1))
        });
        now = counter(&s.contents()).expect("counter");
        if next.1.is_none() {
            assert!(now.2.is_none_or(|(page, _)| page == 1), "{now:?}");
        }
    }
    assert!(
        follow_ups > 0,
        "no slide of several pages at 80x24: the walk proves little"
    );
    for (slide, seen) in deck.slides.iter().zip(&screens) {
        let mut rest = seen.iter();
        for word in slide_words(&kb, slide) {
            assert!(
                rest.any(|w| *w == word),
                "{slide}: « {word} » never shown (or out of order) at 80x24"
            );
        }
    }
    s.send("q");
    s.wait_exit();
}

#[test]
fn an_unknown_deck_is_refused_before_the_screen_changes() {
    let output = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(["present", "droits-citoyens"])
        .env_remove("RELAIS_DATA")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("vouliez-vous dire « droits-citoyens-solidaires »"),
        "{err}"
    );
}
