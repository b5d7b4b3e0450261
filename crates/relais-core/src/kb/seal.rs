//! At each start on installed data: are the files still those that were installed, and did a
//! trusted key sign them? The installed version keeps the manifest of what was installed (and
//! the pack's signature when there was one); the check hashes a few hundred kilobytes.

use std::path::Path;

use super::manifest::{MANIFEST, Manifest, SIGNATURE};
use super::trust::{KeySource, Signer, TrustedKey, check_signature};
use super::{LoadError, SourceFile};

/// What the start check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seal {
    /// Signed by a trusted key, and unchanged since.
    Signed { key_id: String, source: KeySource },
    /// Unchanged since installed, but no trusted key signed it (installed with
    /// `--allow-unsigned`, or before relais signed its packs).
    Unsigned,
}

impl Seal {
    #[must_use]
    pub fn is_signed(&self) -> bool {
        matches!(self, Self::Signed { .. })
    }
}

/// Checks the installed version `dir`, whose YAML files were read as `files`, against its
/// manifest and signature, with the trusted keys of the user's configuration and of the
/// bundled data.
///
/// # Errors
/// See [`check_installed`].
pub fn check_installed_trusted(dir: &Path, files: &[SourceFile]) -> Result<Seal, LoadError> {
    check_installed(
        dir,
        files,
        &super::trust::trusted_keys(super::trust::keys_dir().as_deref()),
    )
}

/// Checks the installed version `dir`, whose YAML files were read as `files`, against its
/// manifest and signature.
///
/// # Errors
/// [`LoadError::Tampered`] when a file was changed, added or removed since the install, or the
/// manifest or its signature was changed.
pub fn check_installed(
    dir: &Path,
    files: &[SourceFile],
    keys: &[TrustedKey],
) -> Result<Seal, LoadError> {
    let tampered = |problems: Vec<String>| LoadError::Tampered {
        path: dir.to_path_buf(),
        problems,
    };
    let Ok(text) = std::fs::read_to_string(dir.join(MANIFEST)) else {
        return if dir.join(SIGNATURE).exists() {
            Err(tampered(vec!["manifeste supprimé".to_owned()]))
        } else {
            Ok(Seal::Unsigned)
        };
    };
    let manifest = Manifest::parse(&text).map_err(|e| tampered(vec![e.to_string()]))?;
    let mut held: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (relative(dir, &f.name), f.text.as_bytes().to_vec()))
        .collect();
    // Files the loader does not read as data (the data's own queries.yaml) are read here.
    for (path, _) in &manifest.files {
        if !held.iter().any(|(p, _)| p == path)
            && let Ok(bytes) = std::fs::read(dir.join(path))
        {
            held.push((path.clone(), bytes));
        }
    }
    let borrowed: Vec<(String, &[u8])> = held.iter().map(|(p, b)| (p.clone(), &b[..])).collect();
    let problems = manifest.mismatches(&borrowed);
    if !problems.is_empty() {
        return Err(tampered(problems));
    }
    check_manifest_signature(dir, &text, keys)
}

/// Who signed the manifest `text` of the installed version `dir` (its signature file beside
/// it), without looking at the data files.
///
/// # Errors
/// [`LoadError::Tampered`] when the signature does not match the manifest.
pub fn check_manifest_signature(
    dir: &Path,
    text: &str,
    keys: &[TrustedKey],
) -> Result<Seal, LoadError> {
    let Ok(signature) = std::fs::read_to_string(dir.join(SIGNATURE)) else {
        return Ok(Seal::Unsigned);
    };
    match check_signature(text.as_bytes(), &signature, keys) {
        Ok(Signer::Trusted(key)) => Ok(Seal::Signed {
            key_id: key.key.id,
            source: key.source,
        }),
        Ok(Signer::Unknown { .. }) => Ok(Seal::Unsigned),
        Err(e) => Err(LoadError::Tampered {
            path: dir.to_path_buf(),
            problems: vec![e.to_string()],
        }),
    }
}

/// A file's path below `dir`, with `/`.
fn relative(dir: &Path, name: &str) -> String {
    let path = Path::new(name);
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
