//! The speaker view (`relais present DECK --notes`) without a terminal: what it shows of the
//! projector (slide, page, blank screen, elapsed and remaining time), the slide's notes and
//! whole answer, the next slide, and how its keys become commands for the presenter.

use crate::support::present as present_support;
use crossterm::event::{KeyCode as K, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use relais::tui::action::Action;
use relais::tui::action::Blank;
use relais::tui::app::App;
use relais::tui::link::{Command, Position};

fn speaker(w: u16, h: u16) -> App {
    let mut app = present_support::app(w, h, present_support::given());
    app.start_presentation(Some(present_support::DECK), 0, false, true);
    app
}

fn screen(app: &App) -> String {
    let mut term =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("backend");
    term.draw(|f| relais::tui::ui::render(app, f))
        .expect("draw");
    let buf = term.backend().buffer().clone();
    buf.content
        .chunks(buf.area.width as usize)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
        .replace('\u{A0}', " ")
}

fn outbox(app: &mut App) -> Vec<Command> {
    std::mem::take(&mut app.presentation.as_mut().expect("presenting").outbox)
}

#[test]
fn it_says_when_no_presenter_is_connected_and_sends_nothing() {
    let mut a = speaker(100, 30);
    let shown = screen(&a);
    assert!(
        shown.contains("non connectée : en attente de la présentation"),
        "{shown}"
    );
    a.update(Action::NextSlide);
    assert!(outbox(&mut a).is_empty());
    assert!(screen(&a).contains("aucune présentation de ce parcours à piloter"));
}

#[test]
fn it_follows_the_projector_and_shows_notes_answer_time_and_next() {
    let mut a = speaker(120, 40);
    a.update(Action::Presenter(Some(
        "processus 42, terminal /dev/pts/3".into(),
    )));
    a.update(Action::Follow(Position {
        slide: 2,
        page: 1,
        pages: 3,
        elapsed: 20 * 60 + 5,
        ..Position::default()
    }));
    let shown = screen(&a);
    for words in [
        "Connectée à la présentation (processus 42, terminal /dev/pts/3)",
        "Diapositive 3 / 7 · suite 2/3",
        "écoulé 20:05",
        "prévu 45 min, reste 25 min",
        "Que faut-il dire à une personne",
        "Notes de l'orateur",
        "insister sur le troisième point",
        "Réponse complète",
        "Réponse complète de l'essai, montrée seulement dans la vue orateur.",
        "Suivante : Une question courte ?",
    ] {
        assert!(shown.contains(words), "« {words} » missing:\n{shown}");
    }
    a.update(Action::Follow(Position {
        slide: 3,
        pages: 1,
        elapsed: 50 * 60,
        blank: Some('b'),
        ..Position::default()
    }));
    let shown = screen(&a);
    assert!(shown.contains("Diapositive 4 / 7 · écran noir"), "{shown}");
    assert!(shown.contains("dépassé de 5 min"), "{shown}");
    assert!(
        shown.contains("(pas de notes pour cette diapositive)"),
        "{shown}"
    );
}

#[test]
fn its_keys_drive_the_presenter() {
    let mut a = speaker(100, 30);
    a.update(Action::Presenter(Some("processus 42".into())));
    a.update(Action::Follow(Position {
        pages: 1,
        ..Position::default()
    }));
    for code in [K::Char(' '), K::PageDown, K::PageUp, K::Char('b')] {
        let action = relais::tui::keymap::action(a.mode(), KeyEvent::new(code, KeyModifiers::NONE));
        a.update(action.expect("bound in the speaker view"));
    }
    assert_eq!(
        outbox(&mut a),
        [
            Command::Next,
            Command::Next,
            Command::Previous,
            Command::Black
        ]
    );
    a.update(Action::Follow(Position {
        pages: 1,
        blank: Some('b'),
        ..Position::default()
    }));
    a.update(Action::Blank(Blank::Black));
    assert_eq!(
        outbox(&mut a),
        [Command::Unblank],
        "b again shows the slide"
    );
    // Échap never ends the speaker view; q does.
    let esc = relais::tui::keymap::action(a.mode(), KeyEvent::new(K::Esc, KeyModifiers::NONE));
    a.update(esc.expect("bound"));
    assert!(a.presentation.is_some() && !a.quit);
    let q = relais::tui::keymap::action(a.mode(), KeyEvent::new(K::Char('q'), KeyModifiers::NONE));
    a.update(q.expect("bound"));
    assert!(a.quit);
}
