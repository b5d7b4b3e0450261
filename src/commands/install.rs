//! `relais data install PACK [--allow-unsigned] [--yes]`: the signature first, then the data,
//! then what changes (confirmed on a terminal), and only then the switch.

use std::io::{BufRead as _, IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::guard::Verdict;
use super::{Painter, Status};
use crate::kb::manifest::{MANIFEST, Manifest, SIGNATURE};
use crate::kb::store::{Store, StoreError};
use crate::kb::trust::{self, Signer};
use crate::kb::validate::{load, validate};
use crate::kb::{KnowledgeBase, Origin, Severity, SourceFile, pack, source};
use crate::strings as s;

/// What is about to be installed.
struct Input {
    /// The data files, as validated.
    data: Vec<SourceFile>,
    /// The data's own query set, installed beside them.
    queries: Option<SourceFile>,
    /// The folder the files' names are relative to.
    base: PathBuf,
    /// The manifest and signature of a pack signed by a trusted key.
    signed: Option<(String, String, String)>,
}

fn nothing_changed() {
    eprintln!("{}", s::NOTHING_INSTALLED);
}

fn shown(path: &Path) -> String {
    crate::kb::text::neutralize(&path.display().to_string()).into_owned()
}

/// Reads and checks the input; refusals are printed and returned as a status.
fn read_input(
    path: &Path,
    allow_unsigned: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Result<Input, Status>> {
    if pack::is_pack_file(path) {
        let pack = match pack::read_file(path) {
            Ok(pack) => pack,
            Err(e) => {
                eprintln!(
                    "relais : {} : {}",
                    shown(path),
                    crate::kb::text::neutralize(&e.to_string())
                );
                nothing_changed();
                return Ok(Err(Status::Invalid));
            }
        };
        let keys = trust::trusted_keys(trust::keys_dir().as_deref());
        let signer =
            match trust::check_signature(pack.manifest_text.as_bytes(), &pack.signature, &keys) {
                Ok(signer) => signer,
                Err(e) => {
                    eprintln!("relais : {} : {e}", shown(path));
                    nothing_changed();
                    return Ok(Err(Status::Invalid));
                }
            };
        super::sign::describe(&pack, &signer, out, p)?;
        let signed = match &signer {
            Signer::Trusted(k) => Some((
                k.key.id.clone(),
                pack.manifest_text.clone(),
                pack.signature.clone(),
            )),
            Signer::Unknown { key_id } if !allow_unsigned => {
                eprintln!("{}", super::sign::unknown_key_advice(key_id));
                eprintln!("{}", s::ALLOW_UNSIGNED_HINT);
                nothing_changed();
                return Ok(Err(Status::Invalid));
            }
            Signer::Unknown { .. } => None,
        };
        let (data, queries) = match pack.sources(path) {
            Ok(files) => files,
            Err(err) => {
                super::report_load_error(&Origin::Given(path.to_path_buf()), &err);
                nothing_changed();
                return Ok(Err(Status::Invalid));
            }
        };
        return Ok(Ok(Input {
            data,
            queries,
            base: pack::Pack::base(path),
            signed,
        }));
    }
    if !allow_unsigned {
        eprintln!(
            "relais : {} n'est pas un paquet signé (voir relais data pack) : refusé. Des données \
             non signées peuvent avoir été modifiées par n'importe qui ; pour les installer quand \
             même : relais data install --allow-unsigned {} (elles seront affichées « non signées »).",
            shown(path),
            shown(path)
        );
        nothing_changed();
        return Ok(Err(Status::Invalid));
    }
    let data = match Origin::Given(path.to_path_buf()).read() {
        Ok(files) => files,
        Err(err) => {
            super::report_load_error(&Origin::Given(path.to_path_buf()), &err);
            nothing_changed();
            return Ok(Err(Status::Invalid));
        }
    };
    let queries = match super::eval::own_queries(path) {
        Some(file) => {
            let bytes = std::fs::read(&file).with_context(|| crate::strings::cannot_read(&file))?;
            Some(source::decode(file.display().to_string(), bytes)?)
        }
        None => None,
    };
    Ok(Ok(Input {
        data,
        queries,
        base: path.to_path_buf(),
        signed: None,
    }))
}

/// The data that an install replaces: the installed version, or the bundled data.
fn active(store: &Store) -> Option<KnowledgeBase> {
    let origin = Origin::locate(None, None, Some(store.root()));
    load(&origin, crate::kb::today())
        .or_else(|_| load(&Origin::Bundled, crate::kb::today()))
        .ok()
        .map(|l| l.kb)
}

/// Asks on the terminal (the question on stderr, so that it shows even when the output goes to
/// a file); true for « o » or « oui ».
fn confirm(out: &mut dyn Write, question: &str) -> anyhow::Result<bool> {
    out.flush()?;
    let mut err = std::io::stderr().lock();
    write!(err, "{question}")?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "o" | "oui" | "y" | "yes"
    ))
}

pub fn run_install(
    cli: &crate::cli::Cli,
    path: &Path,
    allow_unsigned: bool,
    yes: bool,
    force: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let input = match read_input(path, allow_unsigned, out, p)? {
        Ok(input) => input,
        Err(status) => return Ok(status),
    };
    let (kb, warnings) = match validate(&input.data, crate::kb::today()) {
        Ok(v) => v,
        Err(err) => {
            for d in err.diagnostics() {
                eprintln!("{d}");
            }
            eprintln!("relais : {}", crate::kb::text::neutralize(&err.to_string()));
            nothing_changed();
            return Ok(Status::Invalid);
        }
    };
    for w in warnings.iter().filter(|w| w.severity == Severity::Warning) {
        eprintln!("{w}");
    }
    let store = super::installed::store()?;
    let guard = super::guard::check(&store, &kb, force);
    if guard == Verdict::Refused {
        return Ok(Status::Invalid);
    }
    if let Some(before) = active(&store) {
        super::diff::print(&super::diff::compare(&before, &kb), out, p)?;
    }
    // Only when a person sees the summary and can answer: a script's pipes never block here.
    // One question at most: an older or the same version asks its own, even with --yes.
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if guard == Verdict::Ask {
        if !confirm(out, super::guard::QUESTION)? {
            super::guard::refused();
            return Ok(Status::Invalid);
        }
    } else if !yes && interactive && !confirm(out, s::INSTALL_QUESTION)? {
        writeln!(out, "{}", s::NOT_INSTALLED)?;
        return Ok(Status::NotFound);
    }
    let data_files = input.data.len();
    let mut files = input.data;
    files.extend(input.queries);
    let unsigned_manifest;
    let extras: Vec<(&str, &[u8])> = if let Some((_, manifest, signature)) = &input.signed {
        vec![
            (MANIFEST, manifest.as_bytes()),
            (SIGNATURE, signature.as_bytes()),
        ]
    } else {
        let listed = match crate::kb::manifest::listed(&input.base, &files) {
            Ok(listed) => listed,
            Err(bad) => {
                eprintln!("relais : {}", super::sign::bad_name(&bad));
                nothing_changed();
                return Ok(Status::Invalid);
            }
        };
        unsigned_manifest = Manifest::new(&kb.meta, &listed).render();
        vec![(MANIFEST, unsigned_manifest.as_bytes())]
    };
    let dir = match store.install_sealed(&input.base, &files, &extras) {
        Ok(dir) => dir,
        Err(err @ StoreError::Busy) => {
            eprintln!("relais : {err}");
            return Ok(Status::Invalid);
        }
        Err(err) => {
            return Err(err).context(s::INSTALL_INTERRUPTED);
        }
    };
    // The compiled form, beside the files: relais starts from it. Without it (it could not be
    // written), relais parses the files at start, says so, and writes it then.
    let index = crate::search::SearchIndex::new(&kb);
    let _ = crate::compiled::compile_installed(&dir, &kb, &index, data_files);
    writeln!(
        out,
        "{} {}",
        p.bold("Installé :"),
        super::installed::summary(&kb)
    )?;
    match &input.signed {
        Some((id, _, _)) => writeln!(out, "{}", s::signed_by(id))?,
        None => writeln!(out, "{}", p.warn(s::INSTALLED_UNSIGNED))?,
    }
    writeln!(out, "Dossier : {}", dir.display())?;
    if store.backup().is_some() {
        writeln!(out, "{}", s::PREVIOUS_KEPT)?;
    }
    super::installed::overridden_warning(cli, p);
    Ok(Status::Success)
}
