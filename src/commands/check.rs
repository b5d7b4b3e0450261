//! `relais check`: validate data and report every problem with its position.

use std::io::Write;

use super::{Painter, Status};
use crate::kb::validate::load;
use crate::kb::{Origin, Severity, Verification};

pub fn run_check(
    origin: &Origin,
    strict: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let today = crate::kb::today();
    let loaded = match load(origin, today) {
        Ok(loaded) => loaded,
        Err(err) => {
            super::report_load_error(origin, &err);
            return Ok(Status::Invalid);
        }
    };
    for w in &loaded.warnings {
        // Notes are one line each: they describe honest states, not mistakes to locate.
        if w.severity == Severity::Info {
            eprintln!("{}", crate::kb::text::neutralize(&w.headline()));
        } else {
            eprintln!("{w}");
        }
    }
    let kb = &loaded.kb;
    let warnings = loaded
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let shown = crate::kb::text::neutralize(&origin.to_string()).into_owned();
    writeln!(out, "{} {shown}", p.bold("Données :"))?;
    if let Some(v) = &kb.meta.version {
        writeln!(out, "Version : {v}")?;
    }
    let sources: usize = kb.entries.iter().map(|e| e.sources.len()).sum();
    writeln!(
        out,
        "{} fichier(s) : {} entrées, {} contacts, {} présentations, {} catégories, {} groupes de synonymes, {} sources",
        loaded.files,
        kb.entries.len(),
        kb.contacts.len(),
        kb.decks.len(),
        kb.categories.len(),
        kb.synonyms.len(),
        sources
    )?;
    let stale = kb.stale_entries(today).count();
    let old: Vec<&str> = kb
        .entries
        .iter()
        .filter(|e| e.has_old_sources(today))
        .map(|e| e.id.as_str())
        .collect();
    let old_sources = old.len();
    let (mut unverified, mut reverify) = (0, 0);
    for c in &kb.contacts {
        match c.verification(today) {
            Verification::Unverified { .. } => unverified += 1,
            Verification::Verified { stale: true, .. } => reverify += 1,
            Verification::Verified { .. } => {}
        }
    }
    writeln!(
        out,
        "{stale} entrée(s) à relire, {old_sources} entrée(s) aux sources de plus de trois ans ou non datées, {warnings} avertissement(s)"
    )?;
    writeln!(
        out,
        "{unverified} contact(s) non vérifié(s) (affichés avec leur source et sa date), {reverify} contact(s) à revérifier"
    )?;
    if !old.is_empty() {
        // A note, never a failure: the reader shows the warning; a newer source removes it.
        let list = crate::kb::text::neutralize(&old.join(", ")).into_owned();
        writeln!(
            out,
            "Sources de plus de trois ans ou non datées (le lecteur avertit) : {list}"
        )?;
    }
    let no_points = kb
        .entries
        .iter()
        .filter(|e| e.slide.is_empty() && kb.decks.iter().any(|d| d.slides.contains(&e.id)))
        .count();
    if no_points > 0 {
        writeln!(
            out,
            "{no_points} entrée(s) de parcours sans points « slide » (leur diapositive ne montre que le résumé)"
        )?;
    }
    if strict && warnings > 0 {
        writeln!(
            out,
            "{}",
            p.warn("Échec : avertissements refusés par --strict.")
        )?;
        return Ok(Status::Invalid);
    }
    writeln!(out, "OK")?;
    Ok(Status::Success)
}
