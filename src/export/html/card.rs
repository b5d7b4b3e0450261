//! A contact as an HTML card, shared by the handout's contact sheet, the one-page sheet and
//! the phone page: its details as links, its verification state, its sources and QR codes.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{anchor, escape, phone_link, section, source};
use crate::kb::Contact;
use crate::render::freshness;
use crate::strings as s;

/// A contact card: name, description, details with `tel:`/`mailto:` links, verification state,
/// sources, and QR codes for at most `max_qr` phone numbers and the website. `id` sets the
/// element id (the anchor of the print sheet).
#[must_use]
pub fn contact_card(c: &Contact, id: Option<&str>, max_qr: usize, today: Date) -> String {
    let mut out = String::new();
    let id_attr = id.map_or(String::new(), |i| format!(" id=\"{}\"", escape(i)));
    let _ = writeln!(out, "<article class=\"card\"{id_attr}>");
    let _ = writeln!(out, "<h3>{}</h3>", escape(&c.name));
    let _ = writeln!(out, "<p>{}</p>", escape(&c.description));
    out.push_str("<dl>\n");
    for (label, html) in card_fields(c, today) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{html}</dd>", escape(label));
    }
    out.push_str("</dl>\n");
    let status = freshness::contact_status(c, today);
    let class = if status.warn {
        "unverified"
    } else {
        "verified"
    };
    let _ = writeln!(out, "<p class=\"{class}\">{}</p>", escape(&status.text));
    out.push_str(&qr_codes(c, max_qr, today));
    let sources: Vec<String> = c.sources.iter().map(source).collect();
    section(&mut out, "sources", s::SOURCES, &sources);
    out.push_str("</article>\n");
    out
}

fn card_fields(c: &Contact, today: Date) -> Vec<(&'static str, String)> {
    let warn = super::warn_span(c, today);
    let phones: Vec<String> = c.phone.iter().map(|p| phone_link(p)).collect();
    let email = c
        .email
        .as_deref()
        .map(|e| match crate::export::safe_url(&format!("mailto:{e}")) {
            Some(url) => anchor(url, &escape(e)),
            None => escape(e),
        });
    let website = c
        .website
        .as_deref()
        .map(|w| crate::export::safe_url(w).map_or_else(|| escape(w), |u| anchor(u, &escape(u))));
    [
        (s::REGION, Some(escape(s::region_label(&c.region)))),
        (
            s::PHONE,
            (!phones.is_empty()).then(|| format!("{}{warn}", phones.join("<br>"))),
        ),
        (s::EMAIL, email),
        (s::WEBSITE, website),
        (
            s::ADDRESS,
            c.address.as_deref().map(|a| format!("{}{warn}", escape(a))),
        ),
        (s::HOURS, c.hours.as_deref().map(escape)),
        (s::NOTES, c.notes.as_deref().map(escape)),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| (label, v)))
    .collect()
}

/// QR codes of the phone numbers (as `tel:` addresses) and of the website, each with its
/// caption, so that a phone camera can take a number off the page or the screen.
fn qr_codes(c: &Contact, max_qr: usize, today: Date) -> String {
    let phones = c
        .phone
        .iter()
        .take(max_qr)
        .map(|p| (crate::render::qr::tel_uri(p), p.as_str()));
    let site = c
        .website
        .as_deref()
        .and_then(crate::export::safe_url)
        .map(|w| (w.to_owned(), w));
    let figures: Vec<String> = phones
        .chain(site)
        .filter_map(|(target, caption)| {
            let label = format!("{} {caption}", s::QR_LABEL);
            let svg = crate::render::qr::svg(&target, &label).ok()?;
            Some(format!(
                "<figure>{svg}<figcaption>{}</figcaption></figure>",
                escape(&crate::render::warning::with_mark(caption, c, today))
            ))
        })
        .collect();
    if figures.is_empty() {
        return String::new();
    }
    format!("<div class=\"qrs\">{}</div>\n", figures.join(""))
}
