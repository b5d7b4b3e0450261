//! `relais show`, `list`, `contacts` and `decks`: reading the knowledge base without searching.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::{Painter, Status};
use crate::kb::text::{did_you_mean, neutralize};
use crate::kb::{Contact, Entry, Item, KnowledgeBase, REGIONS, SourceDate, Verification};
use crate::render::plain;

/// Width of plain output: readable on an 80-column terminal.
const WIDTH: usize = 78;

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Shown<'a> {
    Faq {
        #[serde(flatten)]
        entry: &'a Entry,
        stale: bool,
        /// The date of the newest dated source, as precise as it is (`null`: none dated).
        sources_until: Option<SourceDate>,
        /// The newest source is more than three years old, or none is dated.
        old_sources: bool,
        /// « Vérifié le … · sources jusqu'au … », as the reader shows it.
        dates: String,
        /// The warnings the reader shows about the entry's age.
        warnings: Vec<String>,
    },
    Contact {
        #[serde(flatten)]
        contact: &'a Contact,
        /// `verified` is more than 12 months old: « à revérifier ».
        reverify: bool,
        /// What the reader shows: the verification, or the source and its date.
        status: String,
        /// Days since `verified` and the short warning that goes with the number.
        #[serde(flatten)]
        facts: crate::render::warning::JsonFacts,
    },
    Deck {
        #[serde(flatten)]
        deck: &'a crate::kb::Deck,
    },
}

pub fn run_show(
    kb: &KnowledgeBase,
    id: &str,
    json: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let today = crate::kb::today();
    let Some(item) = kb.item(id) else {
        let hint = did_you_mean(id, kb.ids())
            .map_or(String::new(), |s| format!(" (vouliez-vous dire « {s} » ?)"));
        eprintln!("relais : identifiant inconnu « {} »{hint}", neutralize(id));
        return Ok(Status::NotFound);
    };
    if json {
        let shown = match item {
            Item::Entry(entry) => Shown::Faq {
                entry,
                stale: entry.is_stale(today),
                sources_until: entry.sources_until(),
                old_sources: entry.has_old_sources(today),
                dates: crate::render::freshness::entry_dates(entry),
                warnings: crate::render::freshness::entry_warnings(entry, today),
            },
            Item::Contact(contact) => Shown::Contact {
                contact,
                reverify: matches!(
                    contact.verification(today),
                    Verification::Verified { stale: true, .. }
                ),
                status: crate::render::freshness::contact_status(contact, today).text,
                facts: crate::render::warning::JsonFacts::of(contact, today),
            },
            Item::Deck(deck) => Shown::Deck { deck },
        };
        crate::render::json::write(out, &shown)?;
        return Ok(Status::Success);
    }
    let text = match item {
        Item::Entry(e) => plain::entry(kb, e, WIDTH, today),
        Item::Contact(c) => plain::contact(c, WIDTH, today),
        Item::Deck(d) => deck_text(kb, d),
    };
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        writeln!(out, "{}", p.bold(first))?;
    }
    for line in lines {
        if line.starts_with('⚠') {
            writeln!(out, "{}", p.warn(line))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(Status::Success)
}

fn deck_text(kb: &KnowledgeBase, d: &crate::kb::Deck) -> String {
    let mut text = format!("{}\n", d.title);
    for (i, id) in d.slides.iter().enumerate() {
        let _ = writeln!(text, "{:>2}. {}  [{id}]", i + 1, plain::name_of(kb, id));
    }
    neutralize(&text).into_owned()
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    category: &'a str,
    summary: &'a str,
    reviewed: jiff::civil::Date,
    stale: bool,
}

pub fn run_list(
    kb: &KnowledgeBase,
    category: Option<&str>,
    json: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    if let Some(c) = category.filter(|c| kb.category(c).is_none()) {
        let hint = did_you_mean(c, kb.categories.iter().map(|c| c.id.as_str()))
            .map_or(String::new(), |s| format!(" (vouliez-vous dire « {s} » ?)"));
        let all: Vec<&str> = kb.categories.iter().map(|c| c.id.as_str()).collect();
        eprintln!(
            "relais : catégorie inconnue « {} »{hint} ; catégories : {}",
            neutralize(c),
            all.join(", ")
        );
        return Ok(Status::NotFound);
    }
    let today = crate::kb::today();
    let categories = kb
        .categories
        .iter()
        .filter(|c| category.is_none_or(|id| id == c.id));
    if json {
        let rows: Vec<ListRow<'_>> = categories
            .flat_map(|c| kb.entries.iter().filter(move |e| e.category == c.id))
            .map(|e| ListRow {
                id: &e.id,
                title: &e.title,
                category: &e.category,
                summary: &e.summary,
                reviewed: e.reviewed,
                stale: e.is_stale(today),
            })
            .collect();
        crate::render::json::write(out, &rows)?;
        return Ok(Status::Success);
    }
    for c in categories {
        writeln!(
            out,
            "{}  {}",
            p.bold(&neutralize(&c.title)),
            p.dim(&format!("[{}]", neutralize(&c.id)))
        )?;
        for e in kb.entries.iter().filter(|e| e.category == c.id) {
            let stale = if e.is_stale(today) { " ⚠" } else { "" };
            let id = neutralize(&e.id);
            writeln!(out, "  {id:<26} {}{stale}", neutralize(&e.title))?;
        }
        writeln!(out)?;
    }
    Ok(Status::Success)
}

pub fn run_contacts(
    kb: &KnowledgeBase,
    region: Option<&str>,
    json: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    if let Some(r) = region.filter(|r| !REGIONS.contains(r)) {
        let hint = did_you_mean(r, REGIONS)
            .map_or(String::new(), |s| format!(" (vouliez-vous dire « {s} » ?)"));
        eprintln!(
            "relais : région inconnue « {} »{hint} ; régions : {}",
            neutralize(r),
            REGIONS.join(", ")
        );
        return Ok(Status::NotFound);
    }
    let contacts: Vec<&Contact> = kb
        .contacts
        .iter()
        .filter(|c| region.is_none_or(|r| r == c.region))
        .collect();
    let today = crate::kb::today();
    if json {
        let rows: Vec<_> = contacts
            .iter()
            .map(|c| crate::render::warning::JsonContact::of(c, today))
            .collect();
        crate::render::json::write(out, &rows)?;
        return Ok(Status::Success);
    }
    for c in &contacts {
        let verified = crate::render::warning::mark(c, today)
            .map_or(String::new(), |m| p.warn(&format!(" ({m})")));
        writeln!(
            out,
            "{}{verified}  {}",
            p.bold(&neutralize(&c.name)),
            p.dim(&format!("[{}]", neutralize(&c.id)))
        )?;
        let details: Vec<&str> = c
            .phone
            .iter()
            .map(String::as_str)
            .chain(c.email.as_deref())
            .chain(c.website.as_deref())
            .collect();
        writeln!(
            out,
            "  {} — {}",
            crate::strings::region_label(&c.region),
            neutralize(&details.join(" · "))
        )?;
    }
    if contacts.is_empty() {
        eprintln!("relais : aucun contact pour cette région");
        return Ok(Status::NotFound);
    }
    Ok(Status::Success)
}

#[derive(Serialize)]
struct DeckRow<'a> {
    id: &'a str,
    title: &'a str,
    slides: &'a [String],
    count: usize,
}

pub fn run_decks(
    kb: &KnowledgeBase,
    json: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    if json {
        let rows: Vec<DeckRow<'_>> = kb
            .decks
            .iter()
            .map(|d| DeckRow {
                id: &d.id,
                title: &d.title,
                slides: &d.slides,
                count: d.slides.len(),
            })
            .collect();
        crate::render::json::write(out, &rows)?;
        return Ok(Status::Success);
    }
    for d in &kb.decks {
        writeln!(
            out,
            "{}  {}",
            p.bold(&neutralize(&d.title)),
            p.dim(&format!(
                "[{}] {} diapositives",
                neutralize(&d.id),
                d.slides.len()
            ))
        )?;
    }
    Ok(Status::Success)
}
