//! End to end in a pseudo-terminal: `relais present DECK` as a trainer drives it, and the
//! terminal given back afterwards.
#![cfg(unix)]

use crate::support::pty as pty_support;

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
fn a_trainer_presents_a_session() {
    let mut s = start(&["present", "seance-essai", "--data", FIXTURE]);
    s.wait_for("the first slide", |t| t.contains("1 / 7"));
    assert!(s.contents().contains("Séance d'essai"));
    s.send(PAGE_DOWN);
    s.wait_for("the second slide", |t| t.contains("2 / 7"));
    s.send("b");
    s.wait_for("a blank screen", |t| t.trim().is_empty());
    s.send("x");
    s.wait_for("the slide again", |t| t.contains("2 / 7"));
    s.send("\x1b");
    s.wait_for("the reminder", |t| t.contains("q pour quitter"));
    assert!(s.running(), "Échap ended the presentation");
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

/// The words the slide of `id` must show: the summary and the slide's points.
fn slide_words(kb: &relais::kb::KnowledgeBase, id: &str) -> Vec<String> {
    let e = kb.entry(id).expect("deck entry");
    let mut text = e.summary.clone();
    for point in &e.slide {
        text.push_str(" • ");
        text.push_str(point);
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

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/present/kb.yaml"
);

/// A trainer walks a deck to the end with Space: every page comes once, in order, the counter
/// « suite x/N » counts them, and every word of every entry's slide is on the screen at some
/// point, in order. Returns how many follow-up pages the walk went through.
fn walk(data: Option<&str>, deck: Option<&str>, cols: u16, rows: u16) -> usize {
    let (kb, _) = relais::kb::validate::validate(
        &data
            .map_or(relais::kb::Origin::Bundled, |d| {
                relais::kb::Origin::Given(d.into())
            })
            .read()
            .expect("data"),
        jiff::civil::date(2026, 12, 1),
    )
    .expect("valid");
    let deck = deck.map_or_else(
        || kb.decks[0].clone(),
        |id| kb.deck(id).expect("deck").clone(),
    );
    let slides = relais::tui::app::presentation::DeckRef::of(&deck).slides;
    let mut args = vec!["present", deck.id.as_str()];
    if let Some(d) = data {
        args.extend(["--data", d]);
    }
    let mut s = Launch::new(&args)
        .home_var("XDG_DATA_HOME", "data")
        .home_var("XDG_RUNTIME_DIR", "")
        .size(cols, rows)
        .start();
    let n = slides.len();
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
    for (slide, seen) in slides.iter().zip(&screens) {
        let relais::tui::app::presentation::Slide::Entry(id) = slide else {
            continue;
        };
        let mut rest = seen.iter();
        for word in slide_words(&kb, id) {
            assert!(
                rest.any(|w| *w == word),
                "{id}: « {word} » never shown (or out of order) at {cols}x{rows}"
            );
        }
    }
    s.send("q");
    s.wait_exit();
    follow_ups
}

#[test]
fn space_walks_a_whole_deck_without_losing_a_word() {
    let follow_ups = walk(Some(FIXTURE), Some("seance-essai"), 40, 12);
    assert!(
        follow_ups > 0,
        "no slide of several pages at 40x12: the walk proves little"
    );
    walk(None, None, 80, 24);
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

/// Two terminals on one laptop: the speaker view connects to the presenter, follows it and
/// drives it with Space; a second presenter of the same deck is told one already runs; when
/// the presenter quits, the speaker view says it is no longer connected.
#[test]
fn the_speaker_view_follows_and_drives_the_presenter() {
    let runtime = tempfile::tempdir().expect("runtime dir");
    let runtime = runtime.path().to_str().expect("utf-8").to_owned();
    let present = |extra: &[&str], cols, rows| {
        let mut args = vec!["present", "seance-essai", "--data", FIXTURE];
        args.extend(extra);
        Launch::new(&args)
            .home_var("XDG_DATA_HOME", "data")
            .env("XDG_RUNTIME_DIR", &runtime)
            .size(cols, rows)
            .start()
    };
    let mut projector = present(&[], 100, 30);
    projector.wait_for("the first slide", |t| t.contains("1 / 7"));
    let mut speaker = present(&["--notes"], 120, 40);
    speaker.wait_for("the connection", |t| {
        t.contains("Connectée à la présentation (processus") && t.contains("Diapositive 1 / 7")
    });
    speaker.send(" ");
    projector.wait_for("the agenda, from the speaker view", |t| t.contains("2 / 7"));
    speaker.wait_for("the speaker view following", |t| {
        t.contains("Diapositive 2 / 7")
    });
    speaker.send("b");
    projector.wait_for("a black screen", |t| t.trim().is_empty());
    speaker.wait_for("the blank screen said", |t| t.contains("écran noir"));
    speaker.send("b");
    projector.wait_for("the slide again", |t| t.contains("2 / 7"));
    let mut second = present(&[], 100, 30);
    second.wait_for("the warning", |t| t.contains("déjà en cours"));
    second.send("q");
    second.wait_exit();
    projector.send("q");
    projector.wait_exit();
    speaker.wait_for("the lost connection", |t| t.contains("non connectée"));
    speaker.send("q");
    speaker.wait_exit();
}
