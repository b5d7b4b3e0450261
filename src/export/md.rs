//! The Markdown handout: a title, the data's version and date, a table of contents, each entry
//! (question, summary, answer, related entries, contacts, sources, review date) and, when asked,
//! a contacts sheet. Links between entries and contacts are internal anchors; text from the
//! data is escaped so that it can never turn into Markdown or HTML.

use std::fmt::Write as _;

use jiff::civil::Date;

use super::{Handout, Linker, href};
use crate::kb::markup::{self, Block, Marker};
use crate::kb::text::neutralize;
use crate::kb::{Contact, Entry, Source};
use crate::render::freshness;
use crate::render::outline::{self, Layout, Section};
use crate::strings as s;

/// The whole handout as Markdown.
#[must_use]
pub fn render(h: &Handout<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&h.title));
    let _ = writeln!(out, "*{}*\n", inline(&h.data_line()));
    let _ = writeln!(out, "> {}\n", inline(s::NOT_LEGAL_ADVICE));
    toc(&mut out, h);
    let link = |id: &str| h.has(id).then(|| format!("#{}", super::fragment(id)));
    for e in &h.entries {
        out.push_str("---\n\n");
        entry(&mut out, h, e, &link);
    }
    if !h.contacts.is_empty() {
        out.push_str("---\n\n");
        let _ = writeln!(out, "## {}\n", inline(s::CONTACTS_SHEET));
        for c in &h.contacts {
            contact(&mut out, c, h.today);
        }
    }
    out
}

fn toc(out: &mut String, h: &Handout<'_>) {
    if h.entries.len() < 2 {
        return;
    }
    let _ = writeln!(out, "## {}\n", s::TABLE_OF_CONTENTS);
    for (i, e) in h.entries.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. [{}](#{})",
            i + 1,
            inline(&e.title),
            super::fragment(&e.id)
        );
    }
    if !h.contacts.is_empty() {
        let n = h.entries.len() + 1;
        let _ = writeln!(out, "{n}. [{}](#contacts)", s::CONTACTS_SHEET);
    }
    out.push('\n');
}

/// An entry in the order of [`Layout::Markdown`].
fn entry(out: &mut String, h: &Handout<'_>, e: &Entry, link: &Linker<'_>) {
    for section in outline::sections(e, Layout::Markdown, Some(h.today)) {
        entry_section(out, h, e, section, link);
    }
}

fn entry_section(
    out: &mut String,
    h: &Handout<'_>,
    e: &Entry,
    section: Section,
    link: &Linker<'_>,
) {
    match section {
        Section::Title => {
            let _ = writeln!(
                out,
                "## <a id=\"{}\"></a>{}\n",
                super::fragment(&e.id),
                inline(&e.title)
            );
        }
        Section::Summary => {
            let _ = writeln!(out, "**{} :** {}\n", s::SUMMARY, inline(&e.summary));
        }
        Section::Answer => answer(
            out,
            &markup::parse_named(&e.answer, &|id| super::name_of(h.kb, id)),
            h,
            link,
        ),
        Section::Related => {
            let related: Vec<String> = e.related.iter().map(|id| reference(h, id)).collect();
            list(out, s::RELATED, &related);
        }
        Section::Contacts => {
            let contacts: Vec<String> = e.contacts.iter().map(|id| contact_line(h, id)).collect();
            list(out, s::CONTACTS, &contacts);
        }
        Section::Sources => {
            let sources: Vec<String> = e.sources.iter().map(source).collect();
            list(out, s::SOURCES, &sources);
        }
        Section::Reviewed => {
            let _ = writeln!(out, "*{}*\n", inline(&freshness::entry_dates(e)));
        }
        Section::Stale => warning(out, s::STALE),
        Section::OldSources => {
            if let Some(w) = freshness::old_sources_warning(e, h.today) {
                warning(out, &w);
            }
        }
        // Not in the Markdown handout's layout.
        Section::Category | Section::Points | Section::Notes | Section::NotLegalAdvice => {}
    }
}

fn warning(out: &mut String, text: &str) {
    let _ = writeln!(out, "> **{}**\n", inline(text));
}

fn answer(out: &mut String, blocks: &[Block], h: &Handout<'_>, link: &Linker<'_>) {
    let mut previous: Option<Marker> = None;
    for b in blocks {
        let text = inlines(b, h, link);
        let is_item = b.marker != Marker::Paragraph;
        // A blank line between paragraphs and around lists, none between items of one list.
        if previous.is_some_and(|p| p == Marker::Paragraph || !is_item) {
            out.push('\n');
        }
        match b.marker {
            Marker::Paragraph => out.push_str(&text),
            Marker::Bullet => {
                let _ = write!(out, "- {text}");
            }
            Marker::Number(n) => {
                let _ = write!(out, "{n}. {text}");
            }
        }
        out.push('\n');
        previous = Some(b.marker);
    }
    if previous.is_some() {
        out.push('\n');
    }
}

/// A block's inlines: bold, links to URLs, and `[[id]]` links as anchors (or plain names when
/// the target is not part of the handout).
fn inlines(b: &Block, h: &Handout<'_>, link: &Linker<'_>) -> String {
    let mut out = String::new();
    for (i, run) in b.inlines.iter().enumerate() {
        let shown = match &run.link {
            Some(markup::Target::Id(id)) => super::name_of(h.kb, id),
            _ => run.text.clone(),
        };
        let mut text = inline(&shown);
        if i == 0 && b.marker == Marker::Paragraph {
            text = protect_line_start(&text);
        }
        if let Some(url) = run.link.as_ref().and_then(|t| href(t, link)) {
            text = format!("[{text}]({})", destination(&url));
        }
        if run.bold && !text.trim().is_empty() {
            text = embolden(&text);
        }
        out.push_str(&text);
    }
    out
}

/// `**text**` with the surrounding spaces outside the markers, where Markdown needs them.
fn embolden(text: &str) -> String {
    let core = text.trim();
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    format!("{}**{core}**{}", &text[..start], &text[end..])
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{title} :**\n");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}

/// An entry or contact named by id: an anchor link when it is in the handout.
fn reference(h: &Handout<'_>, id: &str) -> String {
    let name = inline(&super::name_of(h.kb, id));
    if h.has(id) {
        format!("[{name}](#{})", super::fragment(id))
    } else {
        name
    }
}

fn contact_line(h: &Handout<'_>, id: &str) -> String {
    let mut line = reference(h, id);
    if let Some(c) = h.kb.contact(id) {
        if !c.phone.is_empty() {
            let _ = write!(line, " — {}", inline(&c.phone.join(", ")));
        }
        if let Some(mark) = crate::render::warning::mark(c, h.today) {
            let _ = write!(line, " ({})", inline(&mark));
        }
    }
    line
}

fn source(src: &Source) -> String {
    let mut line = inline(&src.title);
    if let Some(d) = src.date {
        let _ = write!(line, " ({})", d.display());
    }
    if let Some(url) = src.url.as_deref().and_then(super::safe_url) {
        let _ = write!(line, " — <{}>", destination(url));
    }
    line
}

/// Markdown already escaped, then the contact's warning in bold ([`crate::render::warning`]).
fn marked(md: String, c: &Contact, today: Date) -> String {
    match crate::render::warning::mark(c, today) {
        Some(m) => format!("{md} **({})**", inline(&m)),
        None => md,
    }
}

fn contact(out: &mut String, c: &Contact, today: Date) {
    let _ = writeln!(
        out,
        "### <a id=\"{}\"></a>{}\n",
        super::fragment(&c.id),
        inline(&c.name)
    );
    let _ = writeln!(out, "{}\n", protect_line_start(&inline(&c.description)));
    let phones: Vec<String> = c
        .phone
        .iter()
        .map(|p| format!("[{}]({})", inline(p), crate::render::qr::tel_uri(p)))
        .collect();
    let email = c.email.as_deref().map(|e| {
        let e = inline(e);
        format!("[{e}](mailto:{e})")
    });
    let website = c
        .website
        .as_deref()
        .and_then(super::safe_url)
        .map(|w| format!("<{}>", destination(w)));
    let fields = [
        (s::REGION, Some(inline(s::region_label(&c.region)))),
        (
            s::PHONE,
            (!phones.is_empty()).then(|| marked(phones.join(" ; "), c, today)),
        ),
        (s::EMAIL, email),
        (s::WEBSITE, website),
        (
            s::ADDRESS,
            c.address.as_deref().map(|a| marked(inline(a), c, today)),
        ),
        (s::HOURS, c.hours.as_deref().map(inline)),
        (s::NOTES, c.notes.as_deref().map(inline)),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            let _ = writeln!(out, "- **{label} :** {value}");
        }
    }
    out.push('\n');
    let status = freshness::contact_status(c, today);
    if status.warn {
        let _ = writeln!(out, "> **{}**\n", inline(&status.text));
    } else {
        let _ = writeln!(out, "*{}*\n", inline(&status.text));
    }
}

/// Text from the data inside a Markdown line: control characters neutralised, line breaks
/// folded to spaces, and every character that Markdown or HTML would read escaped.
#[must_use]
pub fn inline(text: &str) -> String {
    let text = neutralize(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes what would make a paragraph start a list (`- `, `+ `, `1. `) or a heading.
fn protect_line_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = text[digits..].chars().next();
    if digits > 0 && matches!(after, Some('.' | ')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    match text.chars().next() {
        Some('-' | '+' | '=') => format!("\\{text}"),
        _ => text.to_owned(),
    }
}

/// A link destination that cannot end the link early: spaces, parentheses and angle brackets
/// percent-encoded (safe URLs have no spaces, but the parentheses are legal in them).
fn destination(url: &str) -> String {
    url.replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_become_markup() {
        assert_eq!(
            inline("**gras** <b>x</b> [l](u) #1\nsuite"),
            "\\*\\*gras\\*\\* \\<b\\>x\\</b\\> \\[l\\](u) \\#1 suite"
        );
        assert_eq!(inline("a\u{1b}b"), "a\u{FFFD}b");
    }

    #[test]
    fn paragraph_starts_cannot_become_lists() {
        assert_eq!(protect_line_start("12. rue"), "12\\. rue");
        assert_eq!(protect_line_start("- tiret"), "\\- tiret");
        assert_eq!(protect_line_start("1er mai"), "1er mai");
    }

    #[test]
    fn destinations_keep_links_closed() {
        assert_eq!(destination("https://x.be/a_(b)"), "https://x.be/a_%28b%29");
    }
}
