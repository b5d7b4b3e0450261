//! Presentation mode without a terminal, on the presentation fixture: navigation, go-to, quick
//! search and return, split slides, blank screens, title, agenda and closing slides, help,
//! Échap and F5; and whole-screen snapshots at three projector-ish sizes.

use crate::support::present as present_support;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use relais::kb::Origin;
use relais::tui::action::Action;
use relais::tui::action::Blank;
use relais::tui::app::App;
use relais::tui::app::presentation::{Slide, TitleLayout};
use relais::tui::keymap::Mode;
use relais::tui::theme::ThemeName;
use tui_input::InputRequest;

use present_support::DECK;
/// Title, agenda, four entries, closing.
const SLIDES: usize = 7;

fn app(w: u16, h: u16) -> App {
    present_support::app(w, h, Origin::Bundled)
}

fn presenting(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    a.start_presentation(Some(DECK), 0, false, false);
    a
}

fn screen(app: &App) -> String {
    let mut term =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("backend");
    term.draw(|f| relais::tui::ui::render(app, f))
        .expect("draw");
    let buf = term.backend().buffer().clone();
    let width = buf.area.width as usize;
    buf.content
        .chunks(width)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                .replace('\u{A0}', " ")
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn p(app: &App) -> &relais::tui::app::presentation::Presentation {
    app.presentation.as_ref().expect("presenting")
}

/// Presses "next" until the deck's slide index changes, returning the pages seen.
fn next_slide(app: &mut App) -> usize {
    let start = p(app).slide;
    let mut pages = 1;
    while p(app).slide == start {
        app.update(Action::NextSlide);
        if p(app).slide == start {
            pages += 1;
            assert!(pages < 50, "stuck on slide {start}");
        }
    }
    pages
}

#[test]
fn starts_on_the_title_slide_with_the_high_contrast_theme() {
    let mut a = presenting(200, 50);
    assert_eq!(a.mode(), Mode::Present);
    assert_eq!(p(&a).slide, 0);
    assert_eq!(p(&a).current_slide(), Some(&Slide::Title));
    assert!(p(&a).counter().starts_with("1 / 7"), "{}", p(&a).counter());
    assert_eq!(a.theme.name, ThemeName::Contraste);
    let title = screen(&a);
    for words in [
        "Une séance pour tester les diapositives.",
        "Données : version present-1 du 30/11/2026",
        "Durée prévue : 45 min",
        "pas un avis juridique",
    ] {
        assert!(title.contains(words), "{words} missing:\n{title}");
    }
    a.update(Action::NextSlide);
    assert_eq!(p(&a).current_slide(), Some(&Slide::Agenda));
    let agenda = screen(&a);
    assert!(agenda.contains("1. Que faut-il dire"), "{agenda}");
    assert!(
        agenda.contains("4. Une seule phrase très longue"),
        "{agenda}"
    );
    a.update(Action::NextSlide);
    assert_eq!(p(&a).current_entry(), Some("longue-question"));
    a.update(Action::LastSlide);
    assert_eq!(p(&a).current_slide(), Some(&Slide::Closing));
    let closing = screen(&a);
    assert!(
        closing.contains("Permanence d'essai : 081 00 00 00"),
        "{closing}"
    );
    assert!(
        closing.contains("Service d'essai non vérifié · essai@exemple.be (non vérifié)"),
        "{closing}"
    );
}

#[test]
fn a_deck_can_do_without_title_agenda_and_closing() {
    let mut a = app(120, 40);
    a.start_presentation(Some("sans-extras"), 0, false, false);
    assert_eq!(p(&a).current_entry(), Some("question-courte"));
    assert!(p(&a).counter().starts_with("1 / 2"));
}

#[test]
fn a_slide_shows_the_summary_and_its_points_or_the_summary_only() {
    let mut a = presenting(200, 50);
    a.update(Action::StartGoto);
    a.update(Action::GotoDigit(3));
    a.update(Action::GotoConfirm);
    let shown = screen(&a);
    assert!(
        shown.contains("• Troisième point, plus court que les autres."),
        "{shown}"
    );
    assert!(
        !shown.contains("Réponse complète"),
        "the answer is for the speaker view"
    );
    a.update(Action::NextSlide);
    assert_eq!(p(&a).current_entry(), Some("question-courte"));
    let shown = screen(&a);
    assert!(shown.contains("Un résumé d'une phrase, sans points de diapositive."));
    assert!(
        !shown.contains('•') && !shown.contains("Une réponse d'une phrase."),
        "{shown}"
    );
}

#[test]
fn the_theme_given_on_the_command_line_is_kept_and_f2_lightens() {
    let mut a = app(120, 40);
    a.theme_chosen = true;
    a.start_presentation(Some(DECK), 0, false, false);
    assert_eq!(
        a.theme.name,
        ThemeName::Defaut,
        "--theme defaut is honoured"
    );
    a.update(Action::ToggleTheme);
    assert_eq!(a.theme.name, ThemeName::Clair);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    term.draw(|f| relais::tui::ui::render(&a, f)).expect("draw");
    let cell = &term.backend().buffer()[(60, 20)];
    assert_eq!(
        cell.bg,
        ratatui::style::Color::White,
        "light theme: white background"
    );
    a.update(Action::LeavePresentation);
    let mut b = app(120, 40);
    b.theme = relais::tui::theme::Theme::new(ThemeName::Clair);
    b.start_presentation(Some(DECK), 0, false, false);
    assert_eq!(b.theme.name, ThemeName::Clair);
}

#[test]
fn navigation_stays_in_bounds() {
    let mut a = presenting(200, 50);
    a.update(Action::PrevSlide);
    assert_eq!((p(&a).slide, p(&a).current_page()), (0, 0));
    a.update(Action::LastSlide);
    assert_eq!(p(&a).slide, SLIDES - 1);
    for _ in 0..20 {
        a.update(Action::NextSlide);
    }
    assert_eq!(p(&a).slide, SLIDES - 1);
    assert_eq!(p(&a).current_page(), p(&a).pages.len() - 1);
    a.update(Action::FirstSlide);
    assert_eq!((p(&a).slide, p(&a).current_page()), (0, 0));
}

#[test]
fn previous_from_a_slide_lands_on_the_last_page_of_the_one_before() {
    let mut a = presenting(40, 12);
    a.update(Action::StartGoto);
    a.update(Action::GotoDigit(4));
    a.update(Action::GotoConfirm);
    assert_eq!(p(&a).slide, 3);
    a.update(Action::PrevSlide);
    assert_eq!(p(&a).slide, 2);
    assert!(
        p(&a).pages.len() > 1,
        "the long entry needs several pages at 40x12"
    );
    assert_eq!(p(&a).current_page(), p(&a).pages.len() - 1);
}

#[test]
fn go_to_a_slide_number_clamped_to_the_deck() {
    let mut a = presenting(200, 50);
    for action in [Action::StartGoto, Action::GotoDigit(4), Action::GotoConfirm] {
        a.update(action);
    }
    assert_eq!(p(&a).slide, 3);
    for action in [
        Action::StartGoto,
        Action::GotoDigit(9),
        Action::GotoDigit(9),
        Action::GotoConfirm,
    ] {
        a.update(action);
    }
    assert_eq!(p(&a).slide, SLIDES - 1);
    a.update(Action::StartGoto);
    assert_eq!(a.mode(), Mode::Goto);
    a.update(Action::Escape);
    assert_eq!(a.mode(), Mode::Present);
    assert_eq!(p(&a).slide, SLIDES - 1);
}

#[test]
fn quick_search_shows_any_entry_and_escape_returns_to_the_deck() {
    let mut a = presenting(200, 50);
    a.update(Action::StartGoto);
    a.update(Action::GotoDigit(3));
    a.update(Action::GotoConfirm);
    a.update(Action::QuickSearch);
    assert_eq!(a.mode(), Mode::PresentSearch);
    for ch in "geante".chars() {
        a.update(Action::Edit(InputRequest::InsertChar(ch)));
    }
    a.update(Action::Open);
    assert_eq!(p(&a).current_entry(), Some("phrase-geante"));
    assert!(p(&a).counter().starts_with("hors parcours"));
    a.update(Action::Escape);
    assert_eq!(p(&a).current_entry(), Some("longue-question"));
    assert_eq!(p(&a).slide, 2);
}

#[test]
fn blank_screens_and_any_key_restores() {
    let mut a = presenting(120, 40);
    a.update(Action::Blank(Blank::Black));
    assert_eq!(a.mode(), Mode::Blanked);
    assert!(screen(&a).trim().is_empty(), "blank screen shows text");
    a.update(Action::Unblank);
    assert_eq!(a.mode(), Mode::Present);
    assert!(screen(&a).contains("1 / 7"));
}

#[test]
fn long_slides_continue_on_follow_up_pages_never_mid_sentence() {
    let mut a = presenting(40, 12);
    let mut split = 0;
    for _ in 0..SLIDES {
        let pages = p(&a).pages.clone();
        split += usize::from(pages.len() > 1);
        for (n, page) in pages.iter().enumerate() {
            let text: String = page
                .iter()
                .map(|l| {
                    l.spans
                        .iter()
                        .map(|s| s.content.as_ref())
                        .collect::<String>()
                        + " "
                })
                .collect();
            let text = text.trim_end();
            // Only the one-sentence summary taller than the screen may be cut inside.
            if n + 1 < pages.len() && p(&a).current_entry() != Some("phrase-geante") {
                let end = text.chars().last().unwrap_or('.');
                assert!(
                    matches!(end, '.' | '?' | '!' | ':' | ';' | ')' | '»'),
                    "page {n} of slide {} ends mid-sentence: …{}",
                    p(&a).slide,
                    text
                );
            }
        }
        if p(&a).slide == SLIDES - 1 {
            break;
        }
        next_slide(&mut a);
    }
    assert_eq!(p(&a).slide, SLIDES - 1);
    assert!(
        split >= 2,
        "the fixture should need follow-up pages at 40x12"
    );
}

#[test]
fn small_terminals_fall_back_to_plain_titles_and_never_panic() {
    for (w, h) in [(1, 1), (10, 4), (40, 12), (80, 24), (300, 100)] {
        let mut a = presenting(w, h);
        a.update(Action::NextSlide);
        let _ = screen(&a);
        if w < 40 {
            assert!(matches!(p(&a).title, TitleLayout::Plain(_)));
        }
    }
}

#[test]
fn big_titles_only_with_glyphs_for_every_letter() {
    for c in ['é', 'è', 'à', 'ç', 'ô', '«', '»', '?', 'A'] {
        assert!(relais::tui::app::presentation::has_big_glyph(c), "{c}");
    }
    assert!(!relais::tui::app::presentation::has_big_glyph('œ'));
    let plain = relais::tui::app::presentation::title_layout(
        "Le cœur du sujet",
        200,
        40,
        ratatui::style::Style::new(),
    );
    assert!(
        matches!(plain, TitleLayout::Plain(_)),
        "œ has no big glyph: fall back to bold text"
    );
}

#[test]
fn leaving_returns_to_the_interface_when_started_from_it() {
    let mut a = app(120, 40);
    for ch in "courte".chars() {
        a.update(Action::Edit(InputRequest::InsertChar(ch)));
    }
    a.update(Action::Open);
    a.update(Action::Present);
    assert_eq!(a.mode(), Mode::Present);
    assert_eq!(p(&a).current_entry(), a.open.as_deref());
    a.update(Action::LeavePresentation);
    assert!(a.presentation.is_none());
    assert!(!a.quit);
    assert_eq!(a.theme.name, ThemeName::Defaut);

    let mut b = presenting(120, 40);
    b.update(Action::LeavePresentation);
    assert!(b.quit, "relais present quits when the presentation ends");
}

#[test]
fn the_picker_lists_decks_and_starts_the_chosen_one() {
    let mut a = app(120, 40);
    a.start_presentation(None, 0, false, false);
    assert_eq!(a.mode(), Mode::Picker);
    a.update(Action::SelectNext);
    a.update(Action::Open);
    let deck = p(&a).deck.as_ref().map(|d| d.id.clone());
    assert_eq!(deck.as_deref(), Some(a.kb.decks[1].id.as_str()));
    assert_eq!(a.mode(), Mode::Present);
}

#[test]
fn snapshots() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let mut a = presenting(w, h);
        insta::assert_snapshot!(format!("slide1_{w}x{h}"), screen(&a));
        a.update(Action::NextSlide);
        insta::assert_snapshot!(format!("after_next_{w}x{h}"), screen(&a));
        a.update(Action::NextSlide);
        insta::assert_snapshot!(format!("entry_{w}x{h}"), screen(&a));
        a.update(Action::NextSlide);
        insta::assert_snapshot!(format!("entry_next_{w}x{h}"), screen(&a));
        a.update(Action::Blank(Blank::White));
        insta::assert_snapshot!(format!("blank_{w}x{h}"), screen(&a));
    }
    let mut picker = app(80, 24);
    picker.start_presentation(None, 0, false, false);
    insta::assert_snapshot!("picker_80x24", screen(&picker));
    let mut help = presenting(120, 40);
    help.update(Action::ToggleHelp);
    insta::assert_snapshot!("help_120x40", screen(&help));
}

fn key(code: crossterm::event::KeyCode) -> crossterm::event::KeyEvent {
    crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE)
}

/// What a key does in the mode the app is in, applied.
fn press(app: &mut App, code: crossterm::event::KeyCode) {
    if let Some(action) = relais::tui::keymap::action(app.mode(), key(code)) {
        app.update(action);
    }
}

#[test]
fn help_stays_open_while_the_clock_ticks_and_scrolls_at_80x24() {
    use crossterm::event::KeyCode as K;
    let mut a = presenting(80, 24);
    press(&mut a, K::Char('?'));
    assert!(a.help);
    for s in 1..5 {
        a.update(Action::Tick(s));
        a.update(Action::Follow(relais::tui::link::Position::default()));
    }
    assert!(a.help, "the timer tick closed the help");
    let top = screen(&a);
    assert!(top.contains("suite ↓"), "{top}");
    press(&mut a, K::PageDown);
    press(&mut a, K::PageDown);
    press(&mut a, K::PageDown);
    assert!(a.help, "scrolling closed the help");
    let bottom = screen(&a);
    assert_ne!(top, bottom);
    assert!(bottom.contains("pas un avis juridique"), "{bottom}");
    let max = a.help_scroll;
    press(&mut a, K::Down);
    assert_eq!(a.help_scroll, max, "scrolled past the end");
    press(&mut a, K::Esc);
    assert!(!a.help);
    assert!(a.presentation.is_some());
}

#[test]
fn escape_never_ends_the_presentation_and_q_does() {
    use crossterm::event::KeyCode as K;
    let mut a = presenting(120, 40);
    press(&mut a, K::Char(' '));
    let at = (p(&a).slide, p(&a).current_page());
    press(&mut a, K::Esc);
    assert!(
        a.presentation.is_some() && !a.quit,
        "Esc ended the presentation"
    );
    assert_eq!((p(&a).slide, p(&a).current_page()), at);
    assert!(screen(&a).contains("q pour quitter"));
    press(&mut a, K::Esc);
    assert!(!a.quit);
    // Esc leaves the quick search and the detour, one step at a time.
    press(&mut a, K::Char('/'));
    assert_eq!(a.mode(), Mode::PresentSearch);
    for ch in "courte".chars() {
        press(&mut a, K::Char(ch));
    }
    press(&mut a, K::Enter);
    assert!(p(&a).detour.is_some());
    press(&mut a, K::Esc);
    assert!(p(&a).detour.is_none());
    assert_eq!((p(&a).slide, p(&a).current_page()), at);
    // A clicker's « start » (F5) changes nothing.
    press(&mut a, K::F(5));
    assert_eq!((p(&a).slide, p(&a).current_page()), at);
    assert!(a.presentation.is_some() && !a.quit);
    press(&mut a, K::Char('q'));
    assert!(a.quit);
}
