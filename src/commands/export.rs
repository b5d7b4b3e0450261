//! `relais export`: handouts (Markdown, print HTML), the phone page and the JSON knowledge base,
//! to standard output or to a file.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use super::Status;
use crate::cli::{ExportArgs, ExportFormat};
use crate::export::{Handout, Scope, app, html, md};
use crate::kb::KnowledgeBase;

pub fn run_export(
    kb: &KnowledgeBase,
    args: &ExportArgs,
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    if args.cards {
        return super::export_lang::run_export(kb, args, &[], out);
    }
    let scoped = args.deck.is_some() || args.category.is_some() || !args.ids.is_empty();
    if args.sheet && args.app {
        return Ok(usage("--sheet et --app ne vont pas ensemble"));
    }
    if args.app && args.format != ExportFormat::Html {
        return Ok(usage("--app ne s'utilise qu'avec --format html"));
    }
    let whole = args.app || args.format == ExportFormat::Json;
    if whole && (scoped || args.contacts) {
        return Ok(usage(
            "la page pour téléphone et l'export JSON contiennent toute la base : \
             --deck, --category, --ids et --contacts ne s'y appliquent pas",
        ));
    }
    if args.format == ExportFormat::Slides {
        let Some(id) = args.deck.as_deref() else {
            return Ok(usage(
                "--format slides montre une présentation : ajoutez --deck PARCOURS",
            ));
        };
        if args.contacts || args.app {
            return Ok(usage(
                "--contacts et --app ne s'utilisent pas avec --format slides",
            ));
        }
        let id = crate::kb::text::resolve(id, kb.decks.iter().map(|d| d.id.as_str()));
        let Some(deck) = kb.deck(id) else {
            let hint = crate::strings::did_you_mean(crate::kb::text::did_you_mean(
                id,
                kb.decks.iter().map(|d| d.id.as_str()),
            ));
            eprintln!(
                "relais : présentation inconnue « {} »{hint}",
                crate::kb::text::neutralize(id)
            );
            return Ok(Status::NotFound);
        };
        let text = crate::export::slides::render(kb, deck);
        match &args.output {
            Some(path) => write_file(path, &text)?,
            None => out.write_all(text.as_bytes())?,
        }
        return Ok(Status::Success);
    }
    let text = if args.format == ExportFormat::Json {
        let mut json = Vec::new();
        crate::render::json::write(&mut json, kb).context(crate::strings::JSON_WRITE_FAILED)?;
        String::from_utf8(json).context(crate::strings::JSON_WRITE_FAILED)?
    } else if args.app {
        app::render(kb, crate::kb::today())
    } else {
        let scope = scope(kb, args);
        let handout = match Handout::select(kb, &scope, args.contacts, crate::kb::today()) {
            Ok(h) => h,
            Err(err) => {
                eprintln!("relais : {}", crate::kb::text::neutralize(&err.to_string()));
                return Ok(Status::NotFound);
            }
        };
        match args.format {
            ExportFormat::Md if args.sheet => {
                return Ok(usage("--sheet ne s'utilise qu'avec --format html"));
            }
            ExportFormat::Md => md::render(&handout),
            _ if args.sheet => match crate::export::sheet::render(&handout) {
                Some(page) => page,
                None => {
                    return Ok(usage(&format!(
                        "{} contacts ne tiennent pas sur une page (au plus {}) : choisissez-en \
                         avec --deck, --category ou --ids",
                        handout.contacts.len(),
                        crate::export::sheet::MAX_CONTACTS
                    )));
                }
            },
            _ => html::render(&handout),
        }
    };
    match &args.output {
        Some(path) => write_file(path, &text)?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Status::Success)
}

/// What to export; ids, decks and categories as typed, accents and case ignored.
fn scope(kb: &KnowledgeBase, args: &ExportArgs) -> Scope {
    use crate::kb::text::resolve;
    if let Some(d) = &args.deck {
        Scope::Deck(resolve(d, kb.decks.iter().map(|d| d.id.as_str())).to_owned())
    } else if let Some(c) = &args.category {
        Scope::Category(resolve(c, kb.categories.iter().map(|c| c.id.as_str())).to_owned())
    } else if !args.ids.is_empty() {
        Scope::Ids(
            args.ids
                .iter()
                .map(|i| resolve(i.trim(), kb.ids()).to_owned())
                .collect(),
        )
    } else {
        Scope::All
    }
}

fn usage(message: &str) -> Status {
    eprintln!("relais : {message}");
    Status::Invalid
}

/// Writes the export where the user asked (see [`super::output`]).
pub(super) fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    super::output::write(path, text.as_bytes()).with_context(|| crate::strings::cannot_write(path))
}
