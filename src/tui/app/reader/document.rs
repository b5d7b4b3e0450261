//! The reading pane's document: an entry or a contact laid out as styled, wrapped lines, with
//! numbered links (followable by digit or click) and the lines where the find term occurs.
//! Built by the model when what is shown changes; the view only draws it.

use jiff::civil::Date;
use ratatui::text::Line;

use crate::kb::markup::{self, Marker, Target};
use crate::kb::text::neutralize;
use crate::kb::{Contact, Entry, KnowledgeBase};
use crate::render::outline::{self, Layout, Section};
use crate::render::plain::{name_of, source_line};
use crate::render::{freshness, warning};
use crate::strings as s;
use crate::tui::app::wrap::{LinkSpot, Piece};
use crate::tui::theme::Theme;

mod builder;
mod translated;

pub use builder::Marks;
use builder::{Builder, piece};

pub use translated::{FRENCH_FOLLOWS, contact_in, entry_in, no_translation, rtl_warning};

/// A laid-out document.
#[derive(Debug, Clone, Default)]
pub struct ReaderDoc {
    pub lines: Vec<Line<'static>>,
    /// Link targets (ids); link `n` on screen is `links[n - 1]`.
    pub links: Vec<String>,
    pub spots: Vec<LinkSpot>,
    /// Lines containing the find term, in order.
    pub matches: Vec<usize>,
}

/// Lays out an entry in the reader's outline: title, review date, stale warning, category,
/// summary, old-sources warning, answer, links, contacts, sources, not legal advice.
#[must_use]
pub fn entry(
    kb: &KnowledgeBase,
    e: &Entry,
    width: usize,
    theme: &Theme,
    marks: &Marks<'_>,
    today: Date,
) -> ReaderDoc {
    let mut b = Builder::new(width, theme, marks);
    entry_body(&mut b, kb, e, today);
    b.doc
}

/// The French entry, after what [`translated`] may have put above it.
fn entry_body(b: &mut Builder<'_>, kb: &KnowledgeBase, e: &Entry, today: Date) {
    let theme = b.theme;
    // The order is the outline's (render/outline.rs): the review date and the stale warning
    // sit under the title, before anything is read.
    for section in outline::sections(e, Layout::Reader, Some(today)) {
        match section {
            Section::Title => b.text(&e.title, theme.title),
            Section::Reviewed => b.text(
                &freshness::entry_dates(e),
                if e.is_stale(today) || e.has_old_sources(today) {
                    theme.warning
                } else {
                    theme.ok
                },
            ),
            Section::Stale => b.text(s::STALE, theme.warning),
            Section::Category => {
                let category = kb
                    .category(&e.category)
                    .map_or(e.category.as_str(), |c| c.title.as_str());
                b.text(category, theme.dim);
                b.blank();
            }
            Section::Summary => b.runs(
                [
                    piece(&format!("{} : ", s::SUMMARY), theme.heading),
                    piece(&e.summary, theme.base),
                ],
                "",
                "",
            ),
            Section::OldSources => {
                if let Some(warning) = freshness::old_sources_warning(e, today) {
                    b.text(&warning, theme.warning);
                }
            }
            Section::Answer => answer(b, kb, e),
            Section::Related => {
                b.heading(s::RELATED);
                for id in &e.related {
                    b.link(id, &name_of(kb, id));
                }
            }
            Section::Contacts => {
                b.heading(s::CONTACTS);
                for id in &e.contacts {
                    let label = kb.contact(id).map_or_else(
                        || id.clone(),
                        |c| match c.phone.first() {
                            Some(p) => format!(
                                "{} — {}",
                                c.name,
                                warning::with_mark(&p.replace(' ', "\u{A0}"), c, today)
                            ),
                            None => warning::with_mark(&c.name, c, today),
                        },
                    );
                    b.link(id, &label);
                }
            }
            Section::Sources => sources(b, &e.sources),
            Section::NotLegalAdvice => {
                b.blank();
                b.text(s::NOT_LEGAL_ADVICE, theme.dim);
            }
            Section::Points | Section::Notes => {}
        }
    }
}

/// The answer's blocks: paragraphs, bullets and numbered steps, links numbered in order.
fn answer(b: &mut Builder<'_>, kb: &KnowledgeBase, e: &Entry) {
    let theme = b.theme;
    for block in markup::parse(&e.answer) {
        let runs: Vec<Piece> = block
            .inlines
            .iter()
            .map(|i| match &i.link {
                Some(Target::Id(id)) => {
                    let n = b.link_number(id);
                    Piece {
                        text: format!("{} [{}]", neutralize(&name_of(kb, id)), n + 1),
                        style: theme.link,
                        link: Some(n),
                    }
                }
                Some(Target::Url(url)) if *url != i.text => {
                    piece(&format!("{} ({url})", i.text), theme.base)
                }
                _ => piece(&i.text, if i.bold { theme.heading } else { theme.base }),
            })
            .collect();
        match block.marker {
            Marker::Paragraph => {
                b.blank();
                b.runs(runs, "", "");
            }
            Marker::Bullet => b.runs(runs, "  • ", "    "),
            Marker::Number(n) => {
                let lead = format!("  {n}. ");
                let rest = " ".repeat(lead.chars().count());
                b.runs(runs, lead, rest);
            }
        }
    }
}

fn sources(b: &mut Builder<'_>, sources: &[crate::kb::Source]) {
    if sources.is_empty() {
        return;
    }
    b.heading(s::SOURCES);
    for src in sources {
        let runs = [piece(&source_line(src), b.theme.dim)];
        b.runs(runs, "  • ", "    ");
    }
}

/// Phone numbers joined, each kept on one line (a number split across lines gets misdialled).
fn phones(numbers: &[String]) -> String {
    let kept: Vec<String> = numbers.iter().map(|p| p.replace(' ', "\u{A0}")).collect();
    kept.join(" ; ")
}

/// Lays out a contact card, with the entries that point to it as links.
#[must_use]
pub fn contact(
    kb: &KnowledgeBase,
    c: &Contact,
    width: usize,
    theme: &Theme,
    marks: &Marks<'_>,
    today: Date,
) -> ReaderDoc {
    let mut b = Builder::new(width, theme, marks);
    contact_body(&mut b, kb, c, today);
    b.doc
}

/// The French contact card, after what [`translated`] may have put above it.
fn contact_body(b: &mut Builder<'_>, kb: &KnowledgeBase, c: &Contact, today: Date) {
    let theme = b.theme;
    b.text(&c.name, theme.title);
    let status = freshness::contact_status(c, today);
    b.text(
        &status.text,
        if status.warn { theme.warning } else { theme.ok },
    );
    b.blank();
    b.text(&c.description, theme.base);
    b.blank();
    let fields = [
        (
            s::PHONE,
            (!c.phone.is_empty()).then(|| warning::with_mark(&phones(&c.phone), c, today)),
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
        (s::REGION, Some(s::region_label(&c.region).to_owned())),
        (
            s::TOPICS,
            (!c.topics.is_empty()).then(|| c.topics.join(", ")),
        ),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            b.runs(
                [
                    piece(&format!("{label} : "), theme.heading),
                    piece(&value, theme.base),
                ],
                "",
                "  ",
            );
        }
    }
    if let Some(notes) = &c.notes {
        b.blank();
        b.runs(
            [
                piece(&format!("{} : ", s::NOTES), theme.heading),
                piece(notes, theme.base),
            ],
            "",
            "",
        );
    }
    let entries: Vec<&Entry> = kb
        .entries
        .iter()
        .filter(|e| e.contacts.contains(&c.id))
        .collect();
    if !entries.is_empty() {
        b.heading(s::RELATED);
        for e in entries {
            b.link(&e.id, &e.title);
        }
    }
    sources(b, &c.sources);
}
