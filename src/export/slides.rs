//! The deck as HTML slides for a PC without a terminal (`relais export --format slides --deck
//! D`): one self-contained file, no request of any kind (its policy forbids them), one slide
//! per screen in big type, driven by a clicker's keys, `b` blank, `f` full screen, `n` notes;
//! printed, one slide per landscape A4 page with the same content. The slides are the
//! terminal's: title, agenda, one per entry (question, summary, points), closing contacts
//! with their numbers and QR codes.

use std::fmt::Write as _;

use super::{escape, html, safe_url};
use crate::kb::{Contact, Deck, Entry, KnowledgeBase};
use crate::render::deck::{DeckRef, Slide};
use crate::render::outline::{self, Layout, Section as Part};
use crate::strings as s;

const SLIDES_CSS: &str = include_str!("slides.css");
const SLIDES_JS: &str = include_str!("slides.js");
/// Contacts on one closing slide: more continue on a « suite » slide, so each fits its page.
const CONTACTS_PER_SLIDE: usize = 6;

/// The deck as one HTML document.
#[must_use]
pub fn render(kb: &KnowledgeBase, deck: &Deck) -> String {
    let slides = DeckRef::of(deck).slides;
    let contacts = deck.contacts(kb);
    let chunks: Vec<&[&Contact]> = contacts.chunks(CONTACTS_PER_SLIDE).collect();
    // Every section the file holds, in order: the closing slide may take several.
    let mut sections: Vec<Section> = Vec::new();
    for slide in &slides {
        match slide {
            Slide::Title => sections.push(title(kb, deck)),
            Slide::Agenda => sections.push(agenda(kb, deck)),
            Slide::Entry(id) => sections.extend(kb.entry(id).map(entry)),
            Slide::Closing if chunks.is_empty() => sections.push(section(
                "closing",
                &format!(
                    "<h2>{}</h2>\n<p>{}</p>\n",
                    escape(s::CLOSING),
                    escape(s::NOT_LEGAL_ADVICE)
                ),
                None,
                None,
            )),
            Slide::Closing => {
                for (i, chunk) in chunks.iter().enumerate() {
                    let heading = if i == 0 {
                        s::CLOSING.to_owned()
                    } else {
                        format!("{} (suite)", s::CLOSING)
                    };
                    sections.push(closing(&heading, chunk));
                }
            }
        }
    }
    let count = sections.len();
    let mut out = String::new();
    html::head(&mut out, &deck.title, super::app::CSP_APP, SLIDES_CSS);
    out.push_str("<body>\n<main id=\"deck\">\n");
    let deck_title = escape(&deck.title);
    for (n, (body, reviewed)) in sections.iter().enumerate() {
        let reviewed = reviewed.map_or_else(String::new, |d| {
            format!("{} {}", escape(s::REVIEWED), s::date(d))
        });
        let _ = writeln!(
            out,
            "{body}<footer><span>{deck_title}</span><span class=\"counter\">{} / {count}</span>\
             <span>{reviewed}</span></footer>\n</section>",
            n + 1
        );
    }
    out.push_str("</main>\n<div id=\"blank\" aria-hidden=\"true\"></div>\n");
    let _ = writeln!(
        out,
        "<p id=\"keys\">{}</p>",
        escape(
            "PgSuiv, →, Espace : suivante · PgPréc, ←, Retour : précédente · b : écran noir · \
             f : plein écran · n : notes"
        )
    );
    let _ = write!(out, "<script>\n{SLIDES_JS}</script>\n</body>\n</html>\n");
    out
}

/// A slide without its footer (added with its number): its HTML, already escaped, and the
/// review date of its entry.
type Section = (String, Option<jiff::civil::Date>);

/// One slide: `body` is HTML already escaped; `notes` too.
fn section(
    class: &str,
    body: &str,
    notes: Option<&str>,
    reviewed: Option<jiff::civil::Date>,
) -> Section {
    let mut out = format!("<section class=\"slide {class}\">\n{body}");
    if let Some(notes) = notes {
        let _ = writeln!(
            out,
            "<aside class=\"notes\"><h3>{}</h3><p>{notes}</p></aside>",
            escape(s::SPEAKER_NOTES)
        );
    }
    (out, reviewed)
}

/// An entry's slide, in the order of [`Layout::Slide`]: its title, summary and points, then the
/// speaker notes and the review date beside it.
fn entry(e: &Entry) -> Section {
    let mut body = String::new();
    let mut notes = None;
    let mut reviewed = None;
    for part in outline::sections(e, Layout::Slide, None) {
        match part {
            Part::Title => {
                let _ = writeln!(body, "<h2>{}</h2>", escape(&e.title));
            }
            Part::Summary => {
                let _ = writeln!(body, "<p class=\"summary\">{}</p>", escape(&e.summary));
            }
            Part::Points => {
                body.push_str("<ul class=\"points\">\n");
                for point in &e.slide {
                    let _ = writeln!(body, "<li>{}</li>", escape(point));
                }
                body.push_str("</ul>\n");
            }
            Part::Notes => notes = e.notes.as_deref().map(escape),
            Part::Reviewed => reviewed = Some(e.reviewed),
            // Not on a slide.
            Part::Stale
            | Part::Category
            | Part::OldSources
            | Part::Answer
            | Part::Related
            | Part::Contacts
            | Part::Sources
            | Part::NotLegalAdvice => {}
        }
    }
    section("entry", &body, notes.as_deref(), reviewed)
}

fn title(kb: &KnowledgeBase, deck: &Deck) -> Section {
    let mut body = format!("<h1>{}</h1>\n", escape(&deck.title));
    if let Some(d) = &deck.description {
        let _ = writeln!(body, "<p class=\"summary\">{}</p>", escape(d));
    }
    let _ = writeln!(body, "<p>{}</p>", escape(&super::data_line(kb)));
    if let Some(minutes) = deck.duration {
        let _ = writeln!(body, "<p>{} {minutes} min</p>", escape(s::DURATION));
    }
    let _ = writeln!(
        body,
        "<p class=\"disclaimer\">{}</p>",
        escape(s::NOT_LEGAL_ADVICE)
    );
    section("title", &body, None, None)
}

fn agenda(kb: &KnowledgeBase, deck: &Deck) -> Section {
    let mut body = format!("<h2>{}</h2>\n<ol class=\"agenda\">\n", escape(s::AGENDA));
    for id in &deck.slides {
        let title = kb.entry(id).map_or(id.as_str(), |e| e.title.as_str());
        let _ = writeln!(body, "<li>{}</li>", escape(title));
    }
    body.push_str("</ol>\n");
    section("agenda", &body, None, None)
}

/// A closing slide: each contact's name, numbers (`tel:` links), site or e-mail, whether it
/// is verified, and a QR code of its first number (or of its site).
fn closing(heading: &str, contacts: &[&Contact]) -> Section {
    let mut body = format!("<h2>{}</h2>\n<div class=\"contacts\">\n", escape(heading));
    for c in contacts {
        body.push_str("<div class=\"contact\">\n");
        let target = c
            .phone
            .first()
            .map(|p| (crate::render::qr::tel_uri(p), p.clone()))
            .or_else(|| {
                c.website
                    .as_deref()
                    .and_then(safe_url)
                    .map(|w| (w.to_owned(), w.to_owned()))
            });
        if let Some(svg) = target.and_then(|(t, caption)| {
            crate::render::qr::svg(&t, &format!("{} {caption}", s::QR_LABEL)).ok()
        }) {
            body.push_str(&svg);
        }
        let _ = writeln!(body, "<div><h3>{}</h3>", escape(&c.name));
        for p in &c.phone {
            let _ = writeln!(
                body,
                "<p class=\"phone\"><a href=\"{}\">{}</a></p>",
                escape(&crate::render::qr::tel_uri(p)),
                escape(p)
            );
        }
        if let Some(w) = c.website.as_deref().or(c.email.as_deref()) {
            let _ = writeln!(body, "<p class=\"site\">{}</p>", escape(w));
        }
        // No day of its own: the mark says the verification date rather than its age.
        let class = if c.verified.is_none() {
            "unverified"
        } else {
            "verified"
        };
        let _ = writeln!(
            body,
            "<p class=\"{class}\">{}</p>",
            escape(&crate::render::warning::undated_mark(c))
        );
        body.push_str("</div>\n</div>\n");
    }
    body.push_str("</div>\n");
    section("closing", &body, None, None)
}
