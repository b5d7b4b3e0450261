//! Entries and contacts as plain text: what `relais show` prints and what the TUI copies to the
//! clipboard. Wrapped to a width; never contains control characters from the data.

use std::fmt::Write as _;

use jiff::civil::Date;
use textwrap::core::Word;

use crate::kb::markup::{self, Marker};
use crate::kb::text::neutralize;
use crate::kb::{Contact, Entry, KnowledgeBase, Source};
use crate::render::outline::{self, Layout, Section};
use crate::render::{freshness, warning};
use crate::strings as s;

/// The display name of an id: an entry's title or a contact's name.
#[must_use]
pub fn name_of(kb: &KnowledgeBase, id: &str) -> String {
    kb.entry(id)
        .map(|e| e.title.clone())
        .or_else(|| kb.contact(id).map(|c| c.name.clone()))
        .unwrap_or_else(|| id.to_owned())
}

fn wrap(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    // Long words (addresses) overflow rather than break, so they stay copyable.
    let options = textwrap::Options::new(width.max(20))
        .break_words(false)
        .word_separator(textwrap::WordSeparator::Custom(french_words))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent(first)
        .subsequent_indent(rest);
    for line in textwrap::wrap(&neutralize(text), options) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The words of a line, split at ASCII spaces as [`textwrap::WordSeparator::AsciiSpace`] does,
/// except where French typography binds two words ([`crate::render::binds`]): « and the word
/// after it, a word and the ?, !, :, ; or » after it stay on one line.
fn french_words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut ends = Vec::new();
    let mut start = 0;
    for w in textwrap::WordSeparator::AsciiSpace.find_words(line) {
        let end = start + w.word.len() + w.whitespace.len();
        let glued = ends.last().is_some_and(|&(s, _)| {
            let prev: &str = line[s..start].trim_end_matches(' ');
            crate::render::binds(prev.chars().next_back(), w.word.chars().next())
        });
        match ends.last_mut() {
            Some((_, e)) if glued => *e = end,
            _ => ends.push((start, end)),
        }
        start = end;
    }
    Box::new(ends.into_iter().map(move |(s, e)| Word::from(&line[s..e])))
}

/// The whole entry: title, summary, answer, links, sources and review date, in the order of
/// [`Layout::Plain`].
#[must_use]
pub fn entry(kb: &KnowledgeBase, e: &Entry, width: usize, today: Date) -> String {
    let mut out = String::new();
    for section in outline::sections(e, Layout::Plain, Some(today)) {
        entry_section(&mut out, kb, e, section, width, today);
    }
    out
}

fn entry_section(
    out: &mut String,
    kb: &KnowledgeBase,
    e: &Entry,
    section: Section,
    width: usize,
    today: Date,
) {
    match section {
        Section::Title => {
            wrap(out, &e.title, width, "", "");
            out.push('\n');
        }
        Section::Summary => wrap(
            out,
            &format!("{} : {}", s::SUMMARY, e.summary),
            width,
            "",
            "",
        ),
        Section::Answer => {
            let name = |id: &str| name_of(kb, id);
            for (marker, text) in markup::to_plain(&markup::parse_named(&e.answer, &name), &name) {
                match marker {
                    Marker::Paragraph => {
                        out.push('\n');
                        wrap(out, &text, width, "", "");
                    }
                    Marker::Bullet => wrap(out, &text, width, "  - ", "    "),
                    Marker::Number(n) => {
                        let first = format!("  {n}. ");
                        let rest = " ".repeat(first.chars().count());
                        wrap(out, &text, width, &first, &rest);
                    }
                }
            }
        }
        Section::Related => list_section(
            out,
            s::RELATED,
            e.related.iter().map(|id| name_of(kb, id)),
            width,
        ),
        Section::Contacts => list_section(
            out,
            s::CONTACTS,
            e.contacts.iter().map(|id| contact_line(kb, id, today)),
            width,
        ),
        Section::Sources => list_section(out, s::SOURCES, e.sources.iter().map(source_line), width),
        Section::Reviewed => {
            out.push('\n');
            wrap(out, &freshness::entry_dates(e), width, "", "");
        }
        Section::Stale => wrap(out, s::STALE, width, "", ""),
        Section::OldSources => {
            if let Some(warning) = freshness::old_sources_warning(e, today) {
                wrap(out, &warning, width, "", "");
            }
        }
        // Not in plain text's layout.
        Section::Category | Section::Points | Section::Notes | Section::NotLegalAdvice => {}
    }
}

/// « Nom — 081 73 71 76 (non vérifié) »: the warning of [`warning::mark`] goes with the number.
fn contact_line(kb: &KnowledgeBase, id: &str, today: Date) -> String {
    match kb.contact(id) {
        Some(c) if c.phone.is_empty() => warning::with_mark(&c.name, c, today),
        // No-break spaces keep a number, and its warning, on one line when wrapped.
        Some(c) => format!(
            "{} — {}",
            c.name,
            warning::phones_with_mark(c, ", ", today).replace(' ', "\u{A0}")
        ),
        None => id.to_owned(),
    }
}

fn list_section(out: &mut String, title: &str, items: impl Iterator<Item = String>, width: usize) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = write!(out, "\n{title} :\n");
    for item in items {
        wrap(out, &item, width, "  - ", "    ");
    }
}

/// A source as one line: title, date, address.
#[must_use]
pub fn source_line(src: &Source) -> String {
    let mut line = src.title.clone();
    if let Some(d) = src.date {
        let _ = write!(line, " ({})", d.display());
    }
    if let Some(url) = &src.url {
        let _ = write!(line, " — {url}");
    }
    neutralize(&line).into_owned()
}

/// A contact card: name, description and every detail, with its verification state on `today`.
#[must_use]
pub fn contact(c: &Contact, width: usize, today: Date) -> String {
    let mut out = String::new();
    wrap(&mut out, &c.name, width, "", "");
    out.push('\n');
    wrap(&mut out, &c.description, width, "", "");
    out.push('\n');
    let fields = [
        (s::REGION, Some(s::region_label(&c.region).to_owned())),
        (
            s::TOPICS,
            (!c.topics.is_empty()).then(|| c.topics.join(", ")),
        ),
        (
            s::PHONE,
            (!c.phone.is_empty()).then(|| warning::phones_with_mark(c, " ; ", today)),
        ),
        (s::EMAIL, c.email.clone()),
        (s::WEBSITE, c.website.clone()),
        (
            s::ADDRESS,
            c.address
                .as_deref()
                .map(|a| warning::with_mark(a, c, today)),
        ),
        (s::HOURS, c.hours.clone()),
        (s::NOTES, c.notes.clone()),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            let first = format!("{label} : ");
            wrap(
                &mut out,
                &format!("{first}{value}"),
                width,
                "",
                &" ".repeat(2),
            );
        }
    }
    out.push('\n');
    wrap(
        &mut out,
        &freshness::contact_status(c, today).text,
        width,
        "",
        "",
    );
    list_section(
        &mut out,
        s::SOURCES,
        c.sources.iter().map(source_line),
        width,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn guillemets_and_high_punctuation_stay_with_their_word() {
        let text = "Tapez « relais data install /media/usb/maj.relais » puis lisez : les numéros \
                    changent-ils ? Répondez « o » pour installer ; sinon « n » !";
        for width in 20..=90 {
            let mut out = String::new();
            wrap(&mut out, text, width, "", "");
            for line in out.lines() {
                assert!(
                    !line.trim_end().ends_with('«'),
                    "{width}: « ends a line: {line:?}"
                );
                let first = line.trim_start().chars().next();
                assert!(
                    !matches!(first, Some('»' | '?' | '!' | ':' | ';')),
                    "{width}: a line starts with {first:?}: {line:?}"
                );
            }
            let joined: Vec<&str> = out.split_whitespace().collect();
            let words: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(joined, words, "{width}: words lost or changed");
        }
    }
}
