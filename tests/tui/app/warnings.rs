//! Issue 14 in the interface: the warning of an unverified contact goes with its number (the
//! result row, the contacts of an answer, the QR popup, the copy message), the copy messages
//! say what relais did and, once a session, how to check it, and the short share.

use relais::tui::action::Action;
use relais::tui::app::Focus;
use tui_support::{app, draw, lines, open_id, shows, type_text};

use crate::support::tui as tui_support;

/// Each module as a 4×4 block of pixels, as a camera would see it.
const SCALE: usize = 4;

/// Decodes half-block lines as a camera would.
fn scan(code: &[String]) -> String {
    let mut modules: Vec<Vec<bool>> = Vec::new();
    for line in code {
        let (top, bottom): (Vec<bool>, Vec<bool>) = line
            .chars()
            .map(|c| (matches!(c, '█' | '▀'), matches!(c, '█' | '▄')))
            .unzip();
        modules.push(top);
        modules.push(bottom);
    }
    let (w, h) = (modules[0].len() * SCALE, modules.len() * SCALE);
    let mut image =
        rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| modules[y / SCALE][x / SCALE]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code");
    grids[0].decode().expect("decodes").1
}

#[test]
fn an_unverified_contact_row_says_so_and_a_verified_one_does_not() {
    let app = app(120, 40);
    let screen = lines(&draw(&app));
    let row = |name: &str| {
        screen
            .iter()
            .find(|l| l.contains(name))
            .cloned()
            .unwrap_or_else(|| panic!("{name} not on screen"))
    };
    assert!(row("☎ Médecins bénévoles").contains("⚠ non vérifié"));
    assert!(!row("☎ Croix-Rouge").contains("non vérifié"));
}

#[test]
fn the_contacts_of_an_answer_carry_the_warning_after_the_number() {
    let mut app = app(120, 40);
    type_text(&mut app, "soins");
    app.update(Action::Open);
    // The number's spaces are no-break spaces, so that it is never split.
    let screen = lines(&draw(&app)).join("\n").replace('\u{A0}', " ");
    assert!(
        screen.contains("Médecins bénévoles de Liège — 04 000 00 00 (non vérifié)"),
        "{screen}"
    );
}

#[test]
fn the_qr_popup_and_the_copy_message_carry_the_warning() {
    let mut app = app(120, 40);
    open_id(&mut app, "medecins-benevoles");
    app.update(Action::ToggleQr);
    let qr = app.qr.clone().expect("a QR code");
    assert_eq!(qr.caption, "Tél. 04 000 00 00 (non vérifié)");
    app.update(Action::ToggleQr);
    app.update(Action::CopyPhone);
    assert_eq!(app.clipboard.as_deref(), Some("04 000 00 00"));
    let status = app.status.clone().expect("a message");
    assert!(
        status.starts_with(
            "Numéro envoyé au presse-papiers du terminal : 04 000 00 00 (non vérifié)"
        ),
        "{status}"
    );
    // Large enough to dictate: the digits spaced, alone on a line, the warning under them.
    assert_eq!(
        app.dictate.as_deref(),
        Some("0 4   0 0 0   0 0   0 0\n⚠ non vérifié\nCollez-le ailleurs pour vérifier la copie.")
    );
    assert!(shows(&app, "0 4   0 0 0   0 0   0 0"));
    // The next key puts the screen back.
    app.update(Action::ScrollDown);
    assert!(app.dictate.is_none());
}

#[test]
fn the_first_copy_of_a_session_says_how_to_check_it_and_only_the_first() {
    let mut app = app(120, 40);
    open_id(&mut app, "permanence-juridique");
    app.update(Action::CopyPhone);
    let first = app.status.clone().expect("a message");
    assert!(
        first.contains("collez-le ailleurs pour vérifier"),
        "{first}"
    );
    // Verified a month ago: no warning, and the number alone to dictate.
    assert!(!first.contains("vérifié)"), "{first}");
    assert_eq!(
        app.dictate.as_deref(),
        Some("0 8 1   0 0   0 0   0 0\nCollez-le ailleurs pour vérifier la copie.")
    );
    // The second time, the number alone.
    app.update(Action::CopyPhone);
    assert_eq!(app.dictate.as_deref(), Some("0 8 1   0 0   0 0   0 0"));
    app.update(Action::CopyAnswer);
    let second = app.status.clone().expect("a message");
    assert_eq!(second, "Fiche envoyée au presse-papiers du terminal");
    assert!(!second.contains("copié"), "no claim of success: {second}");
}

#[test]
fn the_short_share_copies_a_short_text_and_m_shows_it_as_a_qr_code() {
    let mut app = app(120, 40);
    type_text(&mut app, "soins");
    app.update(Action::Open);
    app.focus = Focus::Reader;
    let title = app
        .kb
        .entry(app.open.as_deref().expect("open"))
        .expect("an entry")
        .title
        .clone();
    app.update(Action::ShareShort);
    let text = app.clipboard.clone().expect("shared");
    assert!(text.starts_with(&title), "{text}");
    assert!(text.contains("04 000 00 00 (non vérifié)"), "{text}");
    assert!(text.contains("pas un avis juridique"), "{text}");
    assert!(text.chars().count() < 500);
    let status = app.status.clone().expect("a message");
    assert!(status.starts_with("Partage court envoyé au presse-papiers du terminal"));
    app.update(Action::ToggleQr);
    let qr = app.qr.clone().expect("the share as a QR code");
    assert!(qr.caption.starts_with("Partage court"), "{}", qr.caption);
    assert_eq!(scan(&qr.lines), text);
    // Once closed, `m` is the contact's QR again, not the share's.
    app.update(Action::ToggleQr);
    app.update(Action::ToggleQr);
    assert!(app.qr.is_none(), "no contact open: no code");
}

#[test]
fn the_short_share_never_holds_the_trainers_notes() {
    let mut app = app(120, 40);
    let notes = "NOTE-DU-FORMATEUR à ne jamais transmettre";
    for e in &mut app.kb.entries {
        e.notes = Some(notes.to_owned());
    }
    for c in &mut app.kb.contacts {
        c.notes = Some(notes.to_owned());
    }
    let ids: Vec<String> = app
        .kb
        .entries
        .iter()
        .map(|e| e.id.clone())
        .chain(app.kb.contacts.iter().map(|c| c.id.clone()))
        .collect();
    for id in ids {
        app.navigate(id.clone());
        app.focus = Focus::Reader;
        app.update(Action::ShareShort);
        let text = app.clipboard.take().expect("shared");
        assert!(!text.contains("NOTE-DU-FORMATEUR"), "{id}: {text}");
    }
    // The full copy (`y`) of a contact has its remarks: the share leaves them out.
    app.navigate("medecins-benevoles".to_owned());
    app.focus = Focus::Reader;
    app.update(Action::CopyAnswer);
    assert!(
        app.clipboard
            .take()
            .expect("copied")
            .contains("NOTE-DU-FORMATEUR")
    );
}
