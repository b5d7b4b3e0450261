//! `list --lang` and `search --lang`: the same rows, each title in the chosen language when the
//! entry has it (French otherwise, said so), marked with the languages the entry has.

use std::io::Write;

use serde_json::Value;

use super::{Painter, Status};
use crate::cli::{Cli, Command};
use crate::kb::KnowledgeBase;
use crate::kb::i18n::{Language, MACHINE_NOTICE_FR, Status as TrStatus};
use crate::kb::text::neutralize;
use crate::kb::validate::Loaded;

/// The languages of `id` as a mark: « [fr en ar] ».
fn marks(kb: &KnowledgeBase, id: &str) -> String {
    let codes: Vec<&str> = kb.languages_of(id).iter().map(|l| l.code).collect();
    format!("[{}]", codes.join(" "))
}

/// `list --lang CODE`: with a language other than French, only the entries translated into
/// it, with their translated title and the French one; with French, every entry and its
/// languages.
///
/// # Errors
/// A failed write.
pub fn run_list(
    kb: &KnowledgeBase,
    category: Option<&str>,
    lang: &Language,
    json: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    // The French list checks the category and says what to do when it is unknown.
    let mut french = Vec::new();
    let status = super::browse::run_list(kb, category, true, &mut french, p)?;
    if status != Status::Success {
        return Ok(status);
    }
    let Value::Array(rows) = serde_json::from_slice(&french)? else {
        return Ok(Status::Success);
    };
    let french_only = lang.code == "fr";
    let rows: Vec<Value> = rows
        .into_iter()
        .filter_map(|mut row| {
            let id = row.get("id")?.as_str()?.to_owned();
            if !french_only && kb.translation(&id, lang.code).is_none() {
                return None;
            }
            if let Value::Object(map) = &mut row {
                map.extend(super::lang::json_fields(kb, &id, lang));
            }
            Some(row)
        })
        .collect();
    if json {
        crate::render::json::write(out, &rows)?;
        return Ok(Status::Success);
    }
    if rows.is_empty() {
        eprintln!(
            "relais : aucune entrée traduite en {}{}",
            lang.french,
            category.map_or(String::new(), |c| format!(
                " dans la catégorie « {} »",
                neutralize(c)
            ))
        );
        return Ok(Status::NotFound);
    }
    let mut machine = false;
    for row in &rows {
        let id = row["id"].as_str().unwrap_or_default();
        let title_fr = row["title"].as_str().unwrap_or_default();
        let translated = row["translated"]["title"].as_str();
        machine |= row["translation"] == TrStatus::Machine.as_str();
        let title = translated.unwrap_or(title_fr);
        writeln!(
            out,
            "  {:<26} {}  {}",
            neutralize(id),
            neutralize(title),
            p.dim(&marks(kb, id))
        )?;
        if translated.is_some() {
            writeln!(out, "  {:<26} {}", "", p.dim(&neutralize(title_fr)))?;
        }
    }
    footer(out, lang, machine, p)?;
    Ok(Status::Success)
}

fn footer(out: &mut dyn Write, lang: &Language, machine: bool, p: Painter) -> anyhow::Result<()> {
    if machine {
        writeln!(out)?;
        writeln!(out, "{}", p.warn(&format!("⚠ {}", lang.machine_notice)))?;
        writeln!(out, "{}", p.warn(&format!("⚠ {MACHINE_NOTICE_FR}")))?;
    }
    Ok(())
}

/// `search --lang CODE`: the French search's results, each shown in the language when it has
/// it. (Which words are searched is the search's business: the results are the same.)
///
/// # Errors
/// A failed write.
pub fn run_search(
    _cli: &Cli,
    command: &Command,
    loaded: &Loaded,
    lang: &Language,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let Command::Search(a) = command else {
        return Ok(Status::Invalid);
    };
    let args = super::search::SearchArgs {
        query: &a.query.join(" "),
        limit: a.limit,
        kind: a.kind,
        json: true,
        explain: a.explain,
    };
    let mut french = Vec::new();
    let status = super::search::run_search(loaded, &args, &mut french, p)?;
    let kb = &loaded.kb;
    let mut rows: Vec<Value> = match serde_json::from_slice(&french)? {
        Value::Array(rows) => rows,
        _ => Vec::new(),
    };
    for row in &mut rows {
        let id = row["id"].as_str().unwrap_or_default().to_owned();
        if let Value::Object(map) = row {
            map.extend(super::lang::json_fields(kb, &id, lang));
        }
    }
    if a.json {
        crate::render::json::write(out, &rows)?;
        return Ok(status);
    }
    let mut machine = false;
    for (rank, row) in rows.iter().enumerate() {
        let id = row["id"].as_str().unwrap_or_default();
        let title_fr = row["title"].as_str().unwrap_or_default();
        let translated = row["translated"]["title"].as_str();
        machine |= row["translation"] == TrStatus::Machine.as_str();
        writeln!(
            out,
            "{:>2}. {}  {}",
            rank + 1,
            p.bold(&neutralize(translated.unwrap_or(title_fr))),
            p.dim(&format!("[{}] {}", neutralize(id), marks(kb, id)))
        )?;
        match translated {
            Some(_) => writeln!(out, "    {}", p.dim(&neutralize(title_fr)))?,
            None if lang.code != "fr" => writeln!(
                out,
                "    {}",
                p.dim(&format!(
                    "(pas de traduction en {} : en français)",
                    lang.french
                ))
            )?,
            None => {}
        }
    }
    footer(out, lang, machine, p)?;
    Ok(status)
}
