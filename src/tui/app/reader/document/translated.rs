//! An entry or a contact read in another language (F4): the translated title, summary and card
//! (or description) first, with the machine-translation notice in that language and in French,
//! then the French text, which is the reference. Right-to-left languages also get a plain
//! warning: a terminal shows them badly, the phone page and the printed card show them well.
//! Text is laid out in its logical order: no reordering of our own (it would break numbers and
//! terminals that do reorder).

use jiff::civil::Date;

use super::{Builder, ReaderDoc, contact_body, entry_body, piece};
use crate::kb::i18n::{Direction, Language, Provenance, STALE_NOTICE_FR, language};
use crate::kb::{Contact, Entry, KnowledgeBase};
use crate::tui::app::reader::Marks;
use crate::tui::theme::Theme;

/// Above the French text of a translated item.
pub const FRENCH_FOLLOWS: &str = "──── Version française (elle fait foi) ────";

/// Said in the reader and in « montrer à la personne » for Arabic, Dari and Pashto.
#[must_use]
pub fn rtl_warning(lang: &Language) -> String {
    format!(
        "Un terminal affiche mal l'écriture de droite à gauche ({}) : lettres non liées, mots \
         parfois dans le désordre. Pour la montrer à la personne, préférez la page pour \
         téléphone (relais export --format html --app) ou la carte imprimée (relais export \
         --format html --cards --lang {}).",
        lang.french, lang.code
    )
}

/// The line that says the item has no text in the chosen language.
#[must_use]
pub fn no_translation(lang: &Language) -> String {
    format!(
        "Pas de traduction en {} pour cette fiche : voici la version française.",
        lang.french
    )
}

fn header(b: &mut Builder<'_>, lang: &'static Language, provenance: &Provenance) {
    let theme = b.theme;
    b.text(&format!("{} — {}", lang.native, lang.french), theme.heading);
    let (own, french) = provenance.notices(lang);
    b.text(&format!("⚠ {own}"), theme.warning);
    b.text(&format!("⚠ {french}"), theme.warning);
    if provenance.stale {
        b.text(&format!("⚠ {STALE_NOTICE_FR}"), theme.warning);
    }
    if lang.direction == Direction::Rtl {
        b.text(&rtl_warning(lang), theme.dim);
    }
    b.blank();
}

fn french_follows(b: &mut Builder<'_>) {
    let theme = b.theme;
    b.blank();
    b.text(FRENCH_FOLLOWS, theme.heading);
    b.blank();
}

/// The chosen language, unless it is French or unknown.
fn foreign(lang: &str) -> Option<&'static Language> {
    language(lang).filter(|l| l.code != "fr")
}

/// Lays out an entry in `lang` (its translation, then the French), or in French with a note
/// when it has no translation into `lang`.
#[must_use]
pub fn entry_in(
    kb: &KnowledgeBase,
    e: &Entry,
    lang: &str,
    width: usize,
    theme: &Theme,
    marks: &Marks<'_>,
    today: Date,
) -> ReaderDoc {
    let mut b = Builder::new(width, theme, marks);
    if let Some(l) = foreign(lang) {
        if let Some(t) = kb.translation(&e.id, l.code) {
            header(&mut b, l, &t.provenance);
            b.text(&t.title, theme.title);
            b.blank();
            b.text(&t.summary, theme.base);
            if let Some(card) = &t.card {
                b.blank();
                for line in card.lines().filter(|l| !l.trim().is_empty()) {
                    b.runs([piece(line.trim(), theme.base)], "  • ", "    ");
                }
            }
            french_follows(&mut b);
        } else {
            b.text(&no_translation(l), theme.dim);
            b.blank();
        }
    }
    entry_body(&mut b, kb, e, today);
    b.doc
}

/// Lays out a contact in `lang` (its translated description, then the French card).
#[must_use]
pub fn contact_in(
    kb: &KnowledgeBase,
    c: &Contact,
    lang: &str,
    width: usize,
    theme: &Theme,
    marks: &Marks<'_>,
    today: Date,
) -> ReaderDoc {
    let mut b = Builder::new(width, theme, marks);
    if let Some(l) = foreign(lang) {
        if let Some(t) = kb.contact_translation(&c.id, l.code) {
            header(&mut b, l, &t.provenance);
            b.text(&c.name, theme.title);
            b.text(&t.description, theme.base);
            if let Some(phone) = c.phone.first() {
                b.text(
                    &format!("☎ {}", phone.replace(' ', "\u{A0}")),
                    theme.heading,
                );
            }
            french_follows(&mut b);
        } else {
            b.text(&no_translation(l), theme.dim);
            b.blank();
        }
    }
    contact_body(&mut b, kb, c, today);
    b.doc
}
