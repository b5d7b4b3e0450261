//! What is copied: the whole entry as plain text, a contact's first number, the highlighted
//! row; and the QR code of a contact's number.

use relais::tui::action::Action;
use relais::tui::app::Focus;
use tui_support::{app, open_id};

use crate::support::tui as tui_support;

// --- clipboard -------------------------------------------------------------------------------

#[test]
fn copy_answer_puts_the_whole_entry_as_plain_text() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    assert!(app.clipboard.is_none());
    app.update(Action::CopyAnswer);
    let text = app.clipboard.clone().expect("something copied");
    for part in [
        "Puis-je héberger une personne sans papiers ?",
        "En bref : Oui : héberger quelqu'un par humanité",
        "par humanité",
        "Loi du 15 décembre 1980, article 77",
        "Brochure « Quels droits pour les personnes solidaires ? »",
        "Vérifié le 01/10/2026",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
    assert!(!text.contains("**"), "no markup in the copy");
    assert!(!text.contains('\x1b'), "no escape sequences in the copy");
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("envoyée au presse-papiers du terminal"))
    );
}

#[test]
fn copy_phone_copies_exactly_the_first_number_of_a_contact() {
    let mut app = app(120, 40);
    open_id(&mut app, "permanence-juridique");
    app.update(Action::CopyPhone);
    assert_eq!(app.clipboard.as_deref(), Some("081 00 00 00"));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("081 00 00 00"))
    );
}

#[test]
fn copy_phone_works_on_the_selected_contact_in_the_list() {
    let mut app = app(120, 40);
    app.update(Action::SelectLast);
    assert_eq!(app.rows[app.selected].id, "croix-rouge");
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Results);
    app.update(Action::CopyPhone);
    assert_eq!(app.clipboard.as_deref(), Some("0800 00 000"));
}

#[test]
fn copy_phone_on_an_entry_or_a_contact_without_phone_copies_nothing() {
    let mut app = app(120, 40);
    app.update(Action::Open);
    app.update(Action::CopyPhone);
    assert!(app.clipboard.is_none());
    assert!(app.status.as_deref().is_some_and(|s| s.contains("contact")));

    open_id(&mut app, "ligue-droits");
    app.update(Action::CopyPhone);
    assert!(app.clipboard.is_none());
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("pas de numéro")),
        "{:?}",
        app.status
    );
}

#[test]
fn copy_with_nothing_open_copies_nothing() {
    let mut app = app(60, 20);
    app.update(Action::PrevTab);
    // Flanders reaches its own and the Belgium-wide contacts: the fixture has neither.
    while app.region != Some(8) {
        app.update(Action::CycleFilter);
    }
    assert!(app.rows.is_empty(), "nobody in Flanders");
    assert!(app.open.is_none());
    app.update(Action::CopyAnswer);
    assert!(app.clipboard.is_none());
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("Rien à copier"))
    );
}

#[test]
fn outside_the_reader_y_copies_the_highlighted_row() {
    // On a narrow screen, after reading one entry and going back to the list.
    let mut app = app(60, 20);
    app.update(Action::Open);
    assert_eq!(app.open.as_deref(), Some("droits-hebergeur"));
    app.update(Action::Escape);
    assert_eq!(app.focus, Focus::Results);
    app.update(Action::SelectLast);
    app.update(Action::CopyAnswer);
    let text = app.clipboard.take().expect("copied");
    assert!(text.starts_with("Croix-Rouge — accueil de nuit"), "{text}");
    app.update(Action::Open);
    app.update(Action::SelectFirst);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::CopyAnswer);
    let text = app.clipboard.take().expect("copied");
    assert!(
        text.starts_with("Croix-Rouge"),
        "in the reader, the open card: {text}"
    );
}

#[test]
fn the_qr_code_of_a_contact_encodes_its_phone_and_escape_closes_it() {
    let mut app = app(120, 40);
    let (id, phone) = app
        .kb
        .contacts
        .iter()
        .find_map(|c| c.phone.first().map(|p| (c.id.clone(), p.clone())))
        .expect("the fixture has a contact with a phone");
    app.navigate(id);
    app.focus = relais::tui::app::Focus::Reader;
    app.update(Action::ToggleQr);
    let qr = app
        .qr
        .clone()
        .expect("a QR code for a contact with a phone");
    assert!(qr.caption.contains(phone.as_str()), "{}", qr.caption);
    let width = qr.lines[0].chars().count();
    assert!(qr.lines.len() > 10 && qr.lines.iter().all(|l| l.chars().count() == width));
    app.update(Action::Escape);
    assert!(app.qr.is_none());
}

#[test]
fn no_qr_code_for_an_entry() {
    let mut app = app(120, 40);
    let id = app.kb.entries[0].id.clone();
    app.navigate(id);
    app.focus = relais::tui::app::Focus::Reader;
    app.update(Action::ToggleQr);
    assert!(app.qr.is_none());
    assert!(app.status.is_some());
}
