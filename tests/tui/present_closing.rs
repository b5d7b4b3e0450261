//! The closing slide in the terminal: every contact of the deck's entries with its numbers,
//! then the QR code of each first number, whole on a page, that a phone in the room scans back
//! to the number (read here with rqrr, as a camera would); on a screen too small for a whole
//! code, none is drawn (the numbers are in the list).

use crate::support::present as present_support;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use relais::tui::action::Action;
use relais::tui::app::App;
use relais::tui::app::presentation::Slide;

fn closing(w: u16, h: u16) -> App {
    let mut app = present_support::app(w, h, present_support::given());
    app.start_presentation(Some(present_support::DECK), 0, false, false);
    app.update(Action::LastSlide);
    let p = app.presentation.as_ref().expect("presenting");
    assert_eq!(p.current_slide(), Some(&Slide::Closing));
    app
}

/// Pixels per module when the codes are read back, as a camera would see them.
const SCALE: usize = 4;

/// The QR codes on screen: the runs of cells drawn black on white, as module rows.
fn codes_on(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    let mut modules: Vec<Vec<bool>> = Vec::new();
    for y in 0..buf.area.height {
        let cells: Vec<&ratatui::buffer::Cell> = (0..buf.area.width)
            .map(|x| &buf[(x, y)])
            .filter(|c| c.bg == Color::White && c.fg == Color::Black)
            .collect();
        if cells.is_empty() {
            continue;
        }
        let (top, bottom): (Vec<bool>, Vec<bool>) = cells
            .iter()
            .map(|c| {
                let s = c.symbol();
                (matches!(s, "█" | "▀"), matches!(s, "█" | "▄"))
            })
            .unzip();
        modules.push(top);
        modules.push(bottom);
    }
    if modules.is_empty() {
        return Vec::new();
    }
    let (w, h) = (modules[0].len() * SCALE, modules.len() * SCALE);
    let mut image = rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| {
        modules[y / SCALE].get(x / SCALE).copied().unwrap_or(false)
    });
    image
        .detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

fn walk(app: &mut App) -> (String, Vec<String>) {
    let (w, h) = (app.size.width, app.size.height);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
    let (mut text, mut codes) = (String::new(), Vec::new());
    let pages = app.presentation.as_ref().expect("presenting").pages.len();
    for _ in 0..pages {
        term.draw(|f| relais::tui::ui::render(app, f))
            .expect("draw");
        let buf = term.backend().buffer();
        for cell in &buf.content {
            text.push_str(cell.symbol());
        }
        codes.extend(codes_on(buf));
        app.update(Action::NextSlide);
    }
    (text.replace('\u{A0}', " "), codes)
}

#[test]
fn the_closing_slide_lists_the_contacts_and_shows_a_scannable_code() {
    let mut a = closing(120, 40);
    let (text, codes) = walk(&mut a);
    assert!(text.contains("Permanence d'essai : 081 00 00 00"), "{text}");
    assert!(text.contains("Service d'essai non vérifié · essai@exemple.be (non vérifié)"));
    assert_eq!(
        codes,
        ["tel:+3281000000"],
        "the permanence's number, scannable"
    );
}

#[test]
fn no_code_is_drawn_cut_on_a_small_screen() {
    let mut a = closing(40, 12);
    let (text, codes) = walk(&mut a);
    assert!(text.contains("081 00 00 00"));
    assert!(codes.is_empty());
    assert!(!text.contains('█'), "a code would not fit whole at 40x12");
}
