//! The one-page « contacts et QR » sheet (`relais export --format html --contacts --sheet`):
//! every contact of the selection on a single A4 page, each with its name, numbers, site or
//! e-mail, whether it is verified, and one QR code (its first number, else its site), to pin
//! on a wall or hand out after a session. The grid and the size of the codes follow the number
//! of contacts so that the page holds them all.

use std::fmt::Write as _;

use super::{Handout, escape, html, safe_url};
use crate::kb::Contact;
use crate::strings as s;

/// Contacts one page holds at most; beyond, the sheet is refused (choose with a selection).
pub const MAX_CONTACTS: usize = 48;

const SHEET_CSS: &str = "@page { size: A4; margin: 8mm; }
html { color: #000; background: #fff; }
body { font: 8pt/1.25 \"DejaVu Sans\", Arial, sans-serif; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 1mm; }
.top { margin: 0 0 2mm; font-size: 7.5pt; }
.top .disclaimer { font-weight: bold; }
.grid { display: grid; gap: 1.5mm 2.5mm; }
.cell { display: flex; gap: 1.5mm; align-items: flex-start; border-top: 0.5pt solid #000;
  padding-top: 1mm; break-inside: avoid; overflow: hidden; }
.cell svg { flex: none; display: block; }
.cell h2 { font-size: 8.5pt; margin: 0 0 0.5mm; }
.cell p { margin: 0; overflow-wrap: anywhere; }
.cell a { color: #000; text-decoration: none; }
.unverified { font-style: italic; }
";

/// The sheet, or `None` when the contacts are too many for one page.
#[must_use]
pub fn render(h: &Handout<'_>) -> Option<String> {
    let n = h.contacts.len();
    if n > MAX_CONTACTS {
        return None;
    }
    // Columns and QR size (mm) for this many contacts: the page is 194 x 281 mm inside.
    let (cols, qr) = match n {
        0..=8 => (2, 30),
        9..=15 => (3, 24),
        16..=24 => (4, 19),
        25..=35 => (5, 14),
        _ => (6, 12),
    };
    let mut out = String::new();
    let title = format!("{} — {}", s::CONTACTS_AND_QR, h.title);
    let css = format!(
        "{SHEET_CSS}.grid {{ grid-template-columns: repeat({cols}, 1fr); }}\n\
         .cell svg {{ width: {qr}mm; height: {qr}mm; }}\n\
         .cell {{ flex-direction: {}; }}\n",
        if cols >= 4 { "column" } else { "row" }
    );
    html::head(&mut out, &title, html::CSP_PRINT, &css);
    out.push_str("<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        out,
        "<p class=\"top\">{} · <span class=\"disclaimer\">{}</span></p>",
        escape(&h.data_line()),
        escape(s::NOT_LEGAL_ADVICE)
    );
    out.push_str("<div class=\"grid\">\n");
    for c in &h.contacts {
        out.push_str(&cell(c, h.today));
    }
    out.push_str("</div>\n</body>\n</html>\n");
    Some(out)
}

fn cell(c: &Contact, today: jiff::civil::Date) -> String {
    let mut out = String::from("<div class=\"cell\">");
    let target = c
        .phone
        .first()
        .map(|p| (crate::render::qr::tel_uri(p), p.as_str()))
        .or_else(|| {
            c.website
                .as_deref()
                .and_then(safe_url)
                .map(|w| (w.to_owned(), w))
        });
    if let Some(svg) = target.and_then(|(t, caption)| {
        crate::render::qr::svg(&t, &format!("{} {caption}", s::QR_LABEL)).ok()
    }) {
        out.push_str(&svg);
    }
    let _ = write!(out, "<div><h2>{}</h2>", escape(&c.name));
    for p in &c.phone {
        let _ = write!(
            out,
            "<p><a href=\"{}\">{}</a></p>",
            escape(&crate::render::qr::tel_uri(p)),
            escape(p)
        );
    }
    if let Some(w) = c.website.as_deref().or(c.email.as_deref()) {
        let _ = write!(out, "<p>{}</p>", escape(w));
    }
    if let Some(m) = crate::render::warning::mark(c, today) {
        let _ = write!(out, "<p class=\"unverified\">{}</p>", escape(&m));
    }
    out.push_str("</div></div>\n");
    out
}
