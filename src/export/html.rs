//! The print-ready HTML handout (one file, A4, one entry per page, readable in black and
//! white), and the HTML fragments it shares with the phone page: an entry's body and a contact
//! card with `tel:`/`mailto:` links and QR codes. Every text from the data goes through
//! [`escape`]; links only through [`super::safe_url`].

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{Handout, Linker, escape, href};
use crate::kb::markup::{self, Block, Marker};
use crate::kb::{Entry, KnowledgeBase, Source};
use crate::render::freshness;
use crate::render::outline::{self, Layout, Section};
use crate::strings as s;

/// The print stylesheet: black on white, A4 pages, a page break before each entry.
mod card;

pub use card::contact_card;

const PRINT_CSS: &str = include_str!("print.css");

/// The policy of the exported pages: nothing may be fetched, only inline styles (and, for
/// the phone page, inline script) run, images only from `data:`.
pub const CSP_PRINT: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The whole handout as one HTML document.
#[must_use]
pub fn render(h: &Handout<'_>) -> String {
    let mut out = String::new();
    head(&mut out, &h.title, CSP_PRINT, PRINT_CSS);
    out.push_str("<body>\n<header class=\"cover\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&h.title));
    let _ = writeln!(out, "<p class=\"data\">{}</p>", escape(&h.data_line()));
    let _ = writeln!(
        out,
        "<p class=\"disclaimer\">{}</p>",
        escape(s::NOT_LEGAL_ADVICE)
    );
    toc(&mut out, h);
    out.push_str("</header>\n");
    let link = |id: &str| h.has(id).then(|| format!("#{id}"));
    for e in &h.entries {
        let _ = writeln!(out, "<article class=\"entry\" id=\"{}\">", escape(&e.id));
        for part in outline::sections(e, Layout::HtmlHandout, Some(h.today)) {
            entry_section(&mut out, h.kb, e, part, &link, h.today);
        }
        out.push_str("</article>\n");
    }
    if !h.contacts.is_empty() {
        // Alone (no entries), the sheet starts under the cover instead of on a page of its own.
        let class = if h.entries.is_empty() {
            "sheet alone"
        } else {
            "sheet"
        };
        let _ = writeln!(out, "<section class=\"{class}\" id=\"contacts\">");
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<div class=\"cards\">",
            escape(s::CONTACTS_SHEET)
        );
        for c in &h.contacts {
            // Compact: two cards a row, QR codes for the first number and the site only.
            out.push_str(&contact_card(c, Some(&c.id), 1, h.today));
        }
        out.push_str("</div>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// `<!doctype html>` to `</head>`, with the content security policy and the stylesheet.
pub(crate) fn head(out: &mut String, title: &str, csp: &str, css: &str) {
    out.push_str("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>\n{css}</style>\n</head>");
}

fn toc(out: &mut String, h: &Handout<'_>) {
    if h.entries.len() < 2 {
        return;
    }
    let _ = writeln!(
        out,
        "<nav>\n<h2>{}</h2>\n<ol>",
        escape(s::TABLE_OF_CONTENTS)
    );
    for e in &h.entries {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&e.id),
            escape(&e.title)
        );
    }
    if !h.contacts.is_empty() {
        let _ = writeln!(
            out,
            "<li><a href=\"#contacts\">{}</a></li>",
            escape(s::CONTACTS_SHEET)
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

/// Everything of an entry below its title, in the order of [`Layout::PhonePage`]: summary,
/// answer, related entries, contacts, sources and review date. `link` gives the href of an id,
/// `None` when it is not reachable.
#[must_use]
pub fn entry_body(kb: &KnowledgeBase, e: &Entry, link: &Linker<'_>, today: Date) -> String {
    let mut out = String::new();
    for part in outline::sections(e, Layout::PhonePage, Some(today)) {
        entry_section(&mut out, kb, e, part, link, today);
    }
    out
}

/// One section of an entry in HTML.
fn entry_section(
    out: &mut String,
    kb: &KnowledgeBase,
    e: &Entry,
    part: Section,
    link: &Linker<'_>,
    today: Date,
) {
    match part {
        Section::Title => {
            let _ = writeln!(out, "<h2>{}</h2>", escape(&e.title));
        }
        Section::Summary => {
            let _ = writeln!(
                out,
                "<p class=\"summary\"><strong>{} :</strong> {}</p>",
                escape(s::SUMMARY),
                escape(&e.summary)
            );
        }
        Section::Answer => {
            out.push_str("<div class=\"answer\">\n");
            answer(
                out,
                &markup::parse_named(&e.answer, &|id| super::name_of(kb, id)),
                kb,
                link,
            );
            out.push_str("</div>\n");
        }
        Section::Related => {
            let related: Vec<String> = e.related.iter().map(|id| reference(kb, id, link)).collect();
            section(out, "related", s::RELATED, &related);
        }
        Section::Contacts => {
            let contacts: Vec<String> = e
                .contacts
                .iter()
                .map(|id| contact_line(kb, id, link, today))
                .collect();
            section(out, "contacts", s::CONTACTS, &contacts);
        }
        Section::Sources => {
            let sources: Vec<String> = e.sources.iter().map(source).collect();
            section(out, "sources", s::SOURCES, &sources);
        }
        Section::Reviewed => {
            let _ = writeln!(
                out,
                "<p class=\"reviewed\">{}</p>",
                escape(&freshness::entry_dates(e))
            );
        }
        Section::OldSources => {
            if let Some(warning) = freshness::old_sources_warning(e, today) {
                let _ = writeln!(out, "<p class=\"stale\">{}</p>", escape(&warning));
            }
        }
        Section::Stale => {
            let _ = writeln!(out, "<p class=\"stale\">{}</p>", escape(s::STALE));
        }
        // Not in the HTML layouts.
        Section::Category | Section::Points | Section::Notes | Section::NotLegalAdvice => {}
    }
}

/// Paragraphs as `<p>`, runs of bullets as `<ul>`, runs of numbered items as `<ol>`.
fn answer(out: &mut String, blocks: &[Block], kb: &KnowledgeBase, link: &Linker<'_>) {
    let mut open: Option<&str> = None;
    for b in blocks {
        let want = match b.marker {
            Marker::Paragraph => None,
            Marker::Bullet => Some("ul"),
            Marker::Number(_) => Some("ol"),
        };
        if open != want {
            if let Some(tag) = open {
                let _ = writeln!(out, "</{tag}>");
            }
            match (want, b.marker) {
                (Some("ol"), Marker::Number(n)) if n != 1 => {
                    let _ = writeln!(out, "<ol start=\"{n}\">");
                }
                (Some(tag), _) => {
                    let _ = writeln!(out, "<{tag}>");
                }
                (None, _) => {}
            }
            open = want;
        }
        let tag = if want.is_some() { "li" } else { "p" };
        let _ = writeln!(out, "<{tag}>{}</{tag}>", inlines(b, kb, link));
    }
    if let Some(tag) = open {
        let _ = writeln!(out, "</{tag}>");
    }
}

fn inlines(b: &Block, kb: &KnowledgeBase, link: &Linker<'_>) -> String {
    let mut out = String::new();
    for run in &b.inlines {
        let shown = match &run.link {
            Some(markup::Target::Id(id)) => super::name_of(kb, id),
            _ => run.text.clone(),
        };
        let mut html = escape(&shown);
        if let Some(url) = run.link.as_ref().and_then(|t| href(t, link)) {
            html = anchor(&url, &html);
        }
        if run.bold {
            html = format!("<strong>{html}</strong>");
        }
        out.push_str(&html);
    }
    out
}

/// `<a href>` around already escaped HTML; links leaving the page are marked for print.
pub(super) fn anchor(url: &str, inner_html: &str) -> String {
    let class = if url.starts_with('#') {
        ""
    } else {
        " class=\"ext\""
    };
    format!("<a href=\"{}\"{class}>{inner_html}</a>", escape(url))
}

pub(super) fn section(out: &mut String, class: &str, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"{class}\">\n<h3>{}</h3>\n<ul>",
        escape(title)
    );
    for item in items {
        let _ = writeln!(out, "<li>{item}</li>");
    }
    out.push_str("</ul>\n</section>\n");
}

fn reference(kb: &KnowledgeBase, id: &str, link: &Linker<'_>) -> String {
    let name = escape(&super::name_of(kb, id));
    match link(id) {
        Some(url) => anchor(&url, &name),
        None => name,
    }
}

fn contact_line(kb: &KnowledgeBase, id: &str, link: &Linker<'_>, today: Date) -> String {
    let mut line = reference(kb, id, link);
    if let Some(c) = kb.contact(id) {
        for p in &c.phone {
            let _ = write!(line, " — {}", phone_link(p));
        }
        line.push_str(&warn_span(c, today));
    }
    line
}

/// « (non vérifié) » as a warning span after a number or an address, or nothing when the
/// contact was confirmed within 12 months ([`crate::render::warning::mark`]).
pub(super) fn warn_span(c: &crate::kb::Contact, today: Date) -> String {
    crate::render::warning::mark(c, today).map_or(String::new(), |m| {
        format!(" <span class=\"warn\">({})</span>", escape(&m))
    })
}

pub(super) fn phone_link(phone: &str) -> String {
    anchor(&crate::render::qr::tel_uri(phone), &escape(phone))
}

pub(super) fn source(src: &Source) -> String {
    let mut line = escape(&src.title);
    if let Some(d) = src.date {
        let _ = write!(line, " ({})", d.display());
    }
    if let Some(url) = src.url.as_deref().and_then(super::safe_url) {
        let _ = write!(line, " — {}", anchor(url, &escape(url)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb_with(answer: &str) -> KnowledgeBase {
        let entry = |id: &str, title: &str, answer: &str| {
            [
                format!("  - id: {id}"),
                format!("    title: {title:?}"),
                "    category: c".to_owned(),
                "    summary: S".to_owned(),
                format!("    answer: {answer:?}"),
                "    sources: [{title: T}]".to_owned(),
                "    reviewed: 2026-01-01".to_owned(),
            ]
            .join("\n")
        };
        let text = format!(
            "categories: [{{id: c, title: C}}]\nentries:\n{}\n{}\n",
            entry("a", "A <b>", answer),
            entry("b", "B", "x")
        );
        let files = [crate::kb::SourceFile {
            name: "t.yaml".into(),
            text,
        }];
        let today = jiff::civil::date(2026, 6, 1);
        crate::kb::validate::validate(&files, today)
            .expect("valid")
            .0
    }

    #[test]
    fn answers_become_paragraphs_lists_and_safe_links() {
        let kb = kb_with(
            "Un **droit** et <script>x</script>.\n\n- voir [[b]]\n- [piège](javascript:alert(1))\n\n3. trois\n4. quatre\n",
        );
        let e = kb.entry("a").expect("a");
        let today = jiff::civil::date(2026, 6, 1);
        let html = entry_body(&kb, e, &|id| Some(format!("#e/{id}")), today);
        assert!(
            html.contains("<p>Un <strong>droit</strong> et &lt;script&gt;x&lt;/script&gt;.</p>")
        );
        assert!(html.contains("<ul>\n<li>voir <a href=\"#e/b\">B</a></li>\n<li>piège</li>\n</ul>"));
        assert!(html.contains("<ol start=\"3\">\n<li>trois</li>\n<li>quatre</li>\n</ol>"));
        assert!(!html.contains("javascript"));
        // Unreachable ids are named, not linked.
        let html = entry_body(&kb, e, &|_| None, today);
        assert!(html.contains("<li>voir B</li>"));
    }
}
