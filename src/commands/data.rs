//! `relais data install | status | restore | reset | …`: updating the knowledge base from a
//! signed pack on a USB stick without a network, through [`crate::kb::store`]. Installing is in
//! `install`, the publisher's commands in `sign`, comparing in `diff`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::civil::Date;
use serde::Serialize;

use super::installed::{overridden_warning, store, summary};
use super::{Painter, Status};
use crate::cli::{Cli, DataAction};
use crate::kb::store::{Store, StoreError};
use crate::kb::validate::load;
use crate::kb::{Meta, Origin, source};

pub fn run_data(
    cli: &Cli,
    action: &DataAction,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    match action {
        DataAction::Install(a) => {
            super::install::run_install(cli, &a.path, a.allow_unsigned, a.yes, a.force, out, p)
        }
        DataAction::Diff(a) => super::diff::run_diff(&a.before, &a.after, out, p),
        DataAction::Keygen(a) => super::sign::keygen(&a.out, &a.name, a.no_password, out),
        DataAction::Pack(a) => super::sign::pack(&a.dir, &a.key, &a.output, out, p),
        DataAction::Verify(a) => super::sign::verify(&a.file, out, p),
        DataAction::Trust(a) => {
            super::trusted::trust(a.key.as_deref(), a.list, a.remove.as_deref(), out)
        }
        DataAction::Status(a) => status(cli, a.json, out, p),
        DataAction::Restore => switch(cli, Store::restore, crate::strings::RESTORED, out, p),
        DataAction::Reset => switch(cli, Store::reset, crate::strings::RESET_DONE, out, p),
    }
}

/// Restore or reset: switch, then say which data is now active.
fn switch(
    cli: &Cli,
    action: fn(&Store) -> Result<crate::kb::store::State, StoreError>,
    done: &str,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let store = store()?;
    match action(&store) {
        Ok(_) => {}
        Err(err @ (StoreError::NoBackup | StoreError::NothingInstalled)) => {
            eprintln!("relais : {err}");
            return Ok(Status::NotFound);
        }
        Err(err @ (StoreError::Busy | StoreError::BrokenBackup { .. })) => {
            eprintln!("relais : {}", crate::kb::text::neutralize(&err.to_string()));
            return Ok(Status::Invalid);
        }
        Err(err) => return Err(err).context(crate::strings::ACTIVE_UNCHANGED),
    }
    writeln!(out, "{done}")?;
    let origin = Origin::locate(None, None, Some(store.root()));
    match load(&origin, crate::kb::today()) {
        Ok(loaded) => writeln!(out, "{} {}", p.bold("Actives :"), summary(&loaded.kb))?,
        Err(err) => {
            super::report_load_error(&origin, &err);
            return Ok(Status::Invalid);
        }
    }
    overridden_warning(cli, p);
    Ok(Status::Success)
}

#[derive(Serialize)]
struct StatusReport<'a> {
    origin: String,
    path: Option<&'a Path>,
    meta: &'a Meta,
    entries: usize,
    contacts: usize,
    decks: usize,
    categories: usize,
    stale: Vec<StaleRow<'a>>,
    installed: Option<PathBuf>,
    backup: Option<PathBuf>,
    /// The installed data that does not load, when the bundled data stands in for it.
    broken: Option<&'a Path>,
    /// Said when the data built into relais is newer than the installed data.
    bundled_newer: Option<String>,
    /// Installed data: signed by a trusted key (its id), or not.
    signature: Option<SignatureRow>,
}

#[derive(Serialize)]
struct SignatureRow {
    signed: bool,
    key: Option<String>,
}

#[derive(Serialize)]
struct StaleRow<'a> {
    id: &'a str,
    title: &'a str,
    reviewed: Date,
}

fn status(cli: &Cli, json: bool, out: &mut dyn Write, p: Painter) -> anyhow::Result<Status> {
    let today = crate::kb::today();
    let loaded = match super::load_data(cli) {
        Ok(loaded) => loaded,
        Err(status) => return Ok(status),
    };
    let origin = loaded.origin.clone();
    let kb = &loaded.kb;
    let store = source::user_data_dir().map(Store::new);
    let report = StatusReport {
        origin: origin.display(crate::strings::BUNDLED_DATA).to_string(),
        path: origin.path(),
        meta: &kb.meta,
        entries: kb.entries.len(),
        contacts: kb.contacts.len(),
        decks: kb.decks.len(),
        categories: kb.categories.len(),
        stale: kb
            .stale_entries(today)
            .map(|e| StaleRow {
                id: &e.id,
                title: &e.title,
                reviewed: e.reviewed,
            })
            .collect(),
        installed: store.as_ref().and_then(Store::current),
        backup: store.as_ref().and_then(Store::backup),
        broken: origin.broken_install(),
        bundled_newer: matches!(origin, Origin::UserDir(_))
            .then(|| crate::kb::version::bundled_newer(&kb.meta))
            .flatten(),
        signature: signature_of(&origin),
    };
    if json {
        crate::render::json::write(out, &report)?;
    } else {
        print_status(&report, out, p)?;
    }
    Ok(Status::Success)
}

/// Who signed the installed data in use (`None` for other data).
fn signature_of(origin: &Origin) -> Option<SignatureRow> {
    let Origin::UserDir(dir) = origin else {
        return None;
    };
    let files = origin.read().ok()?;
    let seal = crate::kb::seal::check_installed_trusted(dir, &files).ok()?;
    Some(match seal {
        crate::kb::seal::Seal::Signed { key_id, .. } => SignatureRow {
            signed: true,
            key: Some(key_id),
        },
        crate::kb::seal::Seal::Unsigned => SignatureRow {
            signed: false,
            key: None,
        },
    })
}

fn print_status(r: &StatusReport<'_>, out: &mut dyn Write, p: Painter) -> anyhow::Result<()> {
    let n = crate::kb::text::neutralize;
    writeln!(out, "{} {}", p.bold("Données actives :"), n(&r.origin))?;
    let meta = [
        ("Titre", r.meta.title.clone()),
        ("Version", r.meta.version.clone()),
        ("Date", r.meta.date.map(crate::strings::date)),
        ("Éditeur", r.meta.publisher.clone()),
    ];
    for (label, value) in meta {
        let value = value.unwrap_or_else(|| p.dim("(non indiqué)"));
        writeln!(out, "{label} : {}", n(&value))?;
    }
    writeln!(
        out,
        "{} entrées, {} contacts, {} présentations, {} catégories",
        r.entries, r.contacts, r.decks, r.categories
    )?;
    writeln!(
        out,
        "Entrées à relire (plus de {} mois) : {}",
        crate::kb::STALE_AFTER_MONTHS,
        r.stale.len()
    )?;
    for s in &r.stale {
        let line = format!(
            "  {}  {} (vérifié le {})",
            s.id,
            n(s.title),
            crate::strings::date(s.reviewed)
        );
        writeln!(out, "{}", p.warn(&line))?;
    }
    let shown = |d: &Option<PathBuf>| {
        d.as_ref()
            .map_or_else(|| "aucune".to_owned(), |d| d.display().to_string())
    };
    match &r.signature {
        Some(SignatureRow { key: Some(key), .. }) => {
            writeln!(out, "Signature : signées par la clé de confiance {key}")?;
        }
        Some(_) => writeln!(
            out,
            "{}",
            p.warn(
                "Signature : non signées (installées avec --allow-unsigned ou d'une clé inconnue)"
            )
        )?,
        None => {}
    }
    writeln!(out, "Installées : {}", n(&shown(&r.installed)))?;
    writeln!(out, "Sauvegarde : {}", n(&shown(&r.backup)))?;
    if let Some(newer) = &r.bundled_newer {
        let line = format!("Attention : {newer}.");
        writeln!(out, "{}", p.warn(&n(&line)))?;
    }
    if let Some(dir) = r.broken {
        let line = format!(
            "Les données installées ({}) ne se chargent pas : les données intégrées les \
             remplacent. Pour réparer : relais data restore, relais data reset ou relais data \
             install DOSSIER.",
            dir.display()
        );
        writeln!(out, "{}", p.warn(&n(&line)))?;
    }
    Ok(())
}
