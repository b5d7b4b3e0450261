//! `relais export` with `--lang` or `--cards`: the phone page opening in a language, the
//! printed cards for the people helped (French beside each language), and the JSON (which
//! always carries every translation).

use std::io::Write;

use super::Status;
use crate::cli::{ExportArgs, ExportFormat};
use crate::export::{Handout, Scope};
use crate::kb::KnowledgeBase;
use crate::kb::i18n::Language;

/// Runs `export` in `langs` (empty: `--cards` in French only).
///
/// # Errors
/// A failed write.
pub fn run_export(
    kb: &KnowledgeBase,
    args: &ExportArgs,
    langs: &[&'static Language],
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    if args.cards {
        return cards(kb, args, langs, out);
    }
    match (args.format, args.app) {
        (ExportFormat::Html, true) if langs.len() == 1 => {
            let lang = langs[0];
            if lang.code != "fr" && !kb.translations.entries.iter().any(|t| t.lang == lang.code) {
                eprintln!(
                    "relais : les données n'ont aucune traduction en {} : la page s'ouvrira en \
                     français",
                    lang.french
                );
            }
            let page = crate::export::app::render_in(kb, crate::kb::today(), lang.code);
            emit(args, &page, out)
        }
        (ExportFormat::Html, true) => Ok(usage(
            "la page pour téléphone s'ouvre dans une seule langue (--lang CODE) ; le lecteur \
             change de langue dans la page",
        )),
        (ExportFormat::Json, _) => super::export::run_export(kb, args, out),
        _ => Ok(usage(
            "--lang s'utilise avec export --format html --app (page pour téléphone), --format \
             html --cards (cartes imprimées bilingues) ou --format json",
        )),
    }
}

fn cards(
    kb: &KnowledgeBase,
    args: &ExportArgs,
    langs: &[&'static Language],
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    if args.format != ExportFormat::Html || args.app || args.sheet || args.contacts {
        return Ok(usage(
            "--cards s'utilise avec --format html seul (ni --app, ni --sheet, ni --contacts)",
        ));
    }
    let today = crate::kb::today();
    let entries: Vec<&crate::kb::Entry> =
        if args.deck.is_none() && args.category.is_none() && args.ids.is_empty() {
            kb.entries
                .iter()
                .filter(|e| e.audience.contains(&crate::kb::Audience::Migrants))
                .collect()
        } else {
            let scope = if let Some(d) = &args.deck {
                Scope::Deck(d.clone())
            } else if let Some(c) = &args.category {
                Scope::Category(c.clone())
            } else {
                Scope::Ids(args.ids.iter().map(|i| i.trim().to_owned()).collect())
            };
            match Handout::select(kb, &scope, false, today) {
                Ok(h) => h.entries,
                Err(err) => {
                    eprintln!("relais : {}", crate::kb::text::neutralize(&err.to_string()));
                    return Ok(Status::NotFound);
                }
            }
        };
    let (page, skipped) = crate::export::cards::render(kb, &entries, langs, today);
    if !skipped.is_empty() {
        eprintln!(
            "relais : {} carte(s) laissée(s) de côté : {}",
            skipped.len(),
            crate::kb::text::neutralize(&skipped.join(", "))
        );
    }
    if skipped.len() >= entries.len() * langs.len().max(1) {
        eprintln!("relais : aucune carte à imprimer pour cette sélection");
        return Ok(Status::NotFound);
    }
    emit(args, &page, out)
}

fn emit(args: &ExportArgs, text: &str, out: &mut dyn Write) -> anyhow::Result<Status> {
    match &args.output {
        Some(path) => super::export::write_file(path, text)?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Status::Success)
}

fn usage(message: &str) -> Status {
    eprintln!("relais : {message}");
    Status::Invalid
}
