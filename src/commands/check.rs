//! `relais check`: validate data and report every problem with its position, then one line
//! that counts errors, warnings and remarks; a data folder's own `queries.yaml` is run against
//! its own thresholds.

use std::io::Write;

use super::{Painter, Status};
use crate::kb::validate::load;
use crate::kb::{Diagnostic, Origin, Severity, Verification};

/// "Bilan : 1 erreur, 2 avertissements, 0 remarque".
fn tally(diags: &[Diagnostic]) -> String {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let word = |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    format!(
        "Bilan : {}, {}, {}",
        word(count(Severity::Error), "erreur", "erreurs"),
        word(count(Severity::Warning), "avertissement", "avertissements"),
        word(count(Severity::Info), "remarque", "remarques")
    )
}

/// Prints the problems to stderr: all, or with `errors_only` the errors alone.
fn report(diags: &[Diagnostic], errors_only: bool) {
    for d in diags {
        match d.severity {
            Severity::Error => eprintln!("{d}"),
            _ if errors_only => {}
            // Notes are one line each: they describe honest states, not mistakes to locate.
            Severity::Info => eprintln!("{}", crate::kb::text::neutralize(&d.headline())),
            Severity::Warning => eprintln!("{d}"),
        }
    }
}

/// The lines that count what editors have to look at: stale entries, old sources, contacts to
/// verify, deck entries without slide points.
fn print_counts(
    kb: &crate::kb::KnowledgeBase,
    today: jiff::civil::Date,
    warnings: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
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
    if let Some(line) = crate::kb::i18n::summary(kb) {
        writeln!(out, "{line}")?;
    }
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
    Ok(())
}

pub fn run_check(
    origin: &Origin,
    strict: bool,
    errors_only: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let today = crate::kb::today();
    let loaded = match load(origin, today) {
        Ok(loaded) => loaded,
        Err(err) => {
            report(err.diagnostics(), errors_only);
            let line =
                crate::strings::invalid_data(origin.display(crate::strings::BUNDLED_DATA), &err);
            eprintln!("{}", crate::kb::text::neutralize(&line));
            // Failures keep stdout empty, as every command does: the tally goes with the errors.
            if !err.diagnostics().is_empty() {
                eprintln!("{}", tally(err.diagnostics()));
            }
            return Ok(Status::Invalid);
        }
    };
    report(&loaded.warnings, errors_only);
    let kb = &loaded.kb;
    let warnings = loaded
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let shown =
        crate::kb::text::neutralize(&origin.display(crate::strings::BUNDLED_DATA).to_string())
            .into_owned();
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
    print_counts(kb, today, warnings, out)?;
    let own = origin.path().and_then(super::eval::own_queries);
    if let Some(queries) = own
        && super::eval::run_own(&loaded, &queries, out)? != Status::Success
    {
        writeln!(out, "{}", tally(&loaded.warnings))?;
        writeln!(
            out,
            "{}",
            p.warn("Échec : la recherche est sous les seuils du jeu de requêtes des données.")
        )?;
        return Ok(Status::Invalid);
    }
    writeln!(out, "{}", tally(&loaded.warnings))?;
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
