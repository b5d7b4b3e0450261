//! Loading the data at start: from its compiled form when one written by this build from these
//! very files is there, else by parsing and validating (and, for installed data, writing the
//! compiled form again for the next start).
//!
//! For installed data the start reads no YAML when the compiled form fits: the manifest and
//! its signature are checked as at every start (a few kilobytes), the compiled form must have
//! been made from that very manifest (its SHA-256) and the folder must look as it did then
//! (every file's size, inode and times, [`super::stamps`]); anything else is the full check,
//! every file hashed against the manifest, as without a compiled form.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use sha2::{Digest as _, Sha256};

use super::stamps::{self, Stamp};
use super::{BUNDLED_KEY, Compiled, FILE, Key, Refused, decode, decode_file, encode};
use crate::kb::manifest::MANIFEST;
use crate::kb::seal::Seal;
use crate::kb::validate::{self, Loaded, limits, load_read};
use crate::kb::{KnowledgeBase, LoadError, Origin};
use crate::search::SearchIndex;

/// Said on stderr (after the reason) when the compiled form is not used.
pub const COMPILED_NOTICE: &str = "lecture des fichiers YAML à la place (démarrage plus lent)";

/// The data of `origin`, and what to say on stderr when its compiled form could not be used.
/// `bundled` is the compiled form of the bundled data, embedded in the binary. `--data` and
/// `RELAIS_DATA` are always parsed and validated.
///
/// # Errors
/// As [`validate::load`]: the files cannot be read, were changed since installed, or are invalid.
pub fn load(
    origin: &Origin,
    today: Date,
    bundled: &[u8],
) -> Result<(Loaded, Option<String>), LoadError> {
    match origin {
        Origin::Bundled | Origin::Fallback(_) => match decode(bundled, &BUNDLED_KEY, &[]) {
            Ok(c) => Ok((ready(c, origin, false), None)),
            Err(why) => {
                let notice = format!(
                    "relais : forme compilée des données intégrées inutilisable ({why}) : \
                     {COMPILED_NOTICE}."
                );
                Ok((validate::load(origin, today)?, Some(notice)))
            }
        },
        Origin::UserDir(dir) => installed(dir, origin, today),
        Origin::Given(_) | Origin::Flag(_) | Origin::Env(_) => {
            Ok((validate::load(origin, today)?, None))
        }
    }
}

/// The key of a version whose manifest is `manifest`.
#[must_use]
pub fn key_of_manifest(manifest: &[u8]) -> Key {
    Sha256::digest(manifest).into()
}

/// Writes the compiled form of `kb` (validated, `files` data files) into the installed version
/// `dir`, beside its files: made from its manifest, as the folder looks now. A temporary file,
/// synced, then renamed over the old one, so that a reader sees the old form or the new, never
/// half. Called by `relais data install` once the version is in place.
///
/// # Errors
/// No manifest, the folder cannot be listed, or the file cannot be written.
pub fn compile_installed(
    dir: &Path,
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
) -> std::io::Result<()> {
    let stamps = stamps::of_dir(dir).ok_or_else(|| std::io::Error::other("dossier illisible"))?;
    let manifest = std::fs::read(dir.join(MANIFEST))?;
    write(dir, kb, index, files, &key_of_manifest(&manifest), &stamps)
}

/// The compiled form of the installed version `dir`, if it fits: its manifest is read and its
/// signature checked (the seal), and the form must come from that manifest and that folder.
fn compiled(dir: &Path, now: Option<&[Stamp]>) -> Result<(Compiled, Seal), Refused> {
    let now = now.ok_or_else(|| Refused::Unreadable("dossier illisible".to_owned()))?;
    let manifest = std::fs::read_to_string(dir.join(MANIFEST))
        .map_err(|_| Refused::Unreadable("pas de manifeste".to_owned()))?;
    let keys = crate::kb::trust::trusted_keys(crate::kb::trust::keys_dir().as_deref());
    let seal = crate::kb::seal::check_manifest_signature(dir, &manifest, &keys)
        .map_err(|e| Refused::Unreadable(e.to_string()))?;
    let compiled = decode_file(
        &dir.join(FILE),
        limits::MAX_TEXT_BYTES as u64 * 4,
        &key_of_manifest(manifest.as_bytes()),
        now,
    )?;
    Ok((compiled, seal))
}

fn installed(
    dir: &Path,
    origin: &Origin,
    today: Date,
) -> Result<(Loaded, Option<String>), LoadError> {
    // Taken before anything is read: a file changed after this no longer fits the form.
    let now = stamps::of_dir(dir);
    let why = match compiled(dir, now.as_deref()) {
        Ok((c, seal)) => return Ok((ready(c, origin, !seal.is_signed()), None)),
        Err(why) => why,
    };
    // The full check, as without a compiled form: every file hashed against the manifest.
    let files = origin.read()?;
    let seal = crate::kb::seal::check_installed_trusted(dir, &files)?;
    let unsigned = !seal.is_signed();
    let mut loaded = load_read(origin, &files, Some(&seal), today)?;
    let index = Arc::new(SearchIndex::new(&loaded.kb));
    // Saved as install saves it: the seal is the loader's to tell, at each start.
    loaded.kb.meta.unsigned = false;
    let again = match (&now, std::fs::read(dir.join(MANIFEST))) {
        (Some(now), Ok(manifest)) => write(
            dir,
            &loaded.kb,
            &index,
            loaded.files,
            &key_of_manifest(&manifest),
            now,
        )
        .is_ok(),
        _ => false,
    };
    loaded.kb.meta.unsigned = unsigned;
    loaded.index = Some(index);
    let notice = format!(
        "relais : forme compilée des données installées non utilisée ({why}) : {COMPILED_NOTICE}{}.",
        if again {
            " ; elle est refaite pour les prochains démarrages"
        } else {
            ""
        }
    );
    Ok((loaded, Some(notice)))
}

/// Writes the compiled form into `dir` (see [`compile_installed`]).
fn write(
    dir: &Path,
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
    key: &Key,
    stamps: &[Stamp],
) -> std::io::Result<()> {
    use std::io::Write as _;
    let bytes = encode(kb, index, files, key, stamps).map_err(std::io::Error::other)?;
    let tmp = dir.join(format!(".{FILE}.tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(&bytes)?;
        f.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&tmp, dir.join(FILE)));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    renamed
}

/// A compiled form as loaded data.
fn ready(c: Compiled, origin: &Origin, unsigned: bool) -> Loaded {
    let mut kb = c.kb;
    kb.meta.unsigned = unsigned;
    Loaded {
        kb,
        warnings: Vec::new(),
        origin: origin.clone(),
        files: c.files,
        index: Some(Arc::new(c.index)),
    }
}
