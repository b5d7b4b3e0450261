//! A data pack: one plain tar file, easy to copy on a USB stick, that any `tar` unpacks.
//!
//! ```text
//! MANIFEST.sha256           version, date, publisher, SHA-256 of every data file
//! MANIFEST.sha256.minisig   minisign signature of the manifest (Ed25519)
//! data/…                    the YAML files, sorted (and the data's own queries.yaml, if any)
//! ```
//!
//! Every entry is a regular file with mode 0644, owner 0, and the pack's time. A pack is read
//! whole into memory (at most [`MAX_PACK_BYTES`]) and accepted only when it is byte for byte the
//! pack [`write()`] makes of what it holds: with the signature over the manifest and the hashes
//! over the files, no byte of the file can change unnoticed, not even the padding of the tar.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::manifest::{self, DATA_DIR, MANIFEST, Manifest, ManifestError, SIGNATURE};

/// Largest pack accepted, read or not.
pub const MAX_PACK_BYTES: u64 = 64 * 1024 * 1024;
/// Most data files in a pack.
const MAX_FILES: usize = 10_000;

/// Why a file is not a usable pack. Nothing was installed when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{}: impossible de lire : {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("paquet trop grand ({size} octets ; la limite est {limit} octets)")]
    TooLarge { size: u64, limit: u64 },
    #[error("paquet abîmé ou modifié : {0}")]
    Damaged(String),
    #[error("paquet abîmé ou modifié : {0}")]
    Manifest(#[from] ManifestError),
    #[error("paquet modifié : {}", .0.join(" ; "))]
    Mismatch(Vec<String>),
}

/// The content of a pack whose structure and hashes hold (its signature is checked apart, see
/// [`super::trust::check_signature`]).
#[derive(Debug, Clone)]
pub struct Pack {
    pub manifest: Manifest,
    /// The manifest as signed.
    pub manifest_text: String,
    /// The minisign signature of the manifest.
    pub signature: String,
    /// Each data file's path below `data/` and bytes, in the manifest's order.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Pack {
    /// The folder that [`Pack::sources`] names the files in: `<pack>/data`.
    #[must_use]
    pub fn base(pack_path: &Path) -> PathBuf {
        pack_path.join(DATA_DIR)
    }

    /// The data files as the loader reads them, named `<pack>/data/<path>` in messages, and
    /// apart the data's own query set (`queries.yaml`), if the pack has one.
    ///
    /// # Errors
    /// A file that is not UTF-8.
    pub fn sources(
        &self,
        pack_path: &Path,
    ) -> Result<(Vec<super::SourceFile>, Option<super::SourceFile>), super::LoadError> {
        let base = Self::base(pack_path);
        let mut data = Vec::new();
        let mut queries = None;
        for (path, bytes) in &self.files {
            let name = base.join(path).display().to_string();
            let file = super::source::decode(name, bytes.clone())?;
            if path == super::source::QUERIES {
                queries = Some(file);
            } else {
                data.push(file);
            }
        }
        Ok((data, queries))
    }
}

/// True when `bytes` start like a tar file (the `ustar` mark of its first header).
#[must_use]
pub fn looks_like_pack(bytes: &[u8]) -> bool {
    bytes.get(257..262) == Some(b"ustar".as_slice())
}

/// True when the file at `path` starts like a tar file.
#[must_use]
pub fn is_pack_file(path: &Path) -> bool {
    let mut head = [0u8; 512];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && looks_like_pack(&head)
}

/// The pack of `manifest_text`, its `signature` and the data `files` (path below `data/`,
/// bytes, in the manifest's order), each entry dated `mtime` (seconds since 1970).
///
/// # Errors
/// A path too long for a tar header.
pub fn write(
    manifest_text: &str,
    signature: &str,
    files: &[(String, &[u8])],
    mtime: u64,
) -> Result<Vec<u8>, PackError> {
    let mut builder = tar::Builder::new(Vec::new());
    let damaged = |e: std::io::Error| PackError::Damaged(e.to_string());
    append(&mut builder, MANIFEST, manifest_text.as_bytes(), mtime).map_err(damaged)?;
    append(&mut builder, SIGNATURE, signature.as_bytes(), mtime).map_err(damaged)?;
    for (path, bytes) in files {
        append(&mut builder, &format!("{DATA_DIR}/{path}"), bytes, mtime).map_err(damaged)?;
    }
    builder.into_inner().map_err(damaged)
}

fn append(
    builder: &mut tar::Builder<Vec<u8>>,
    path: &str,
    bytes: &[u8],
    mtime: u64,
) -> std::io::Result<()> {
    let mut header = tar::Header::new_ustar();
    header.set_path(path)?;
    header.set_size(bytes.len() as u64);
    header.set_mode(0o644);
    header.set_uid(0);
    header.set_gid(0);
    header.set_mtime(mtime);
    header.set_entry_type(tar::EntryType::Regular);
    header.set_cksum();
    builder.append(&header, bytes)
}

/// Reads the pack at `path`.
///
/// # Errors
/// See [`read`]; also an unreadable file.
pub fn read_file(path: &Path) -> Result<Pack, PackError> {
    let io = |source| PackError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            size,
            limit: MAX_PACK_BYTES,
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_PACK_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    read(&bytes)
}

/// One entry of the tar as read.
struct Entry {
    path: String,
    bytes: Vec<u8>,
    mtime: u64,
}

/// Reads a pack: its entries, then checks that it is exactly the pack relais writes of them and
/// that every file has the hash its manifest gives.
///
/// # Errors
/// Not a tar, a damaged or changed tar, a manifest that relais did not write, a file that does
/// not match the manifest.
pub fn read(bytes: &[u8]) -> Result<Pack, PackError> {
    let damaged = |why: &str| PackError::Damaged(why.to_owned());
    if bytes.len() as u64 > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_PACK_BYTES,
        });
    }
    if !looks_like_pack(bytes) {
        return Err(damaged("ce n'est pas un paquet de relais (fichier tar)"));
    }
    let entries = entries(bytes)?;
    let [manifest_entry, signature_entry, data @ ..] = entries.as_slice() else {
        return Err(damaged("il manque le manifeste ou la signature"));
    };
    if manifest_entry.path != MANIFEST || signature_entry.path != SIGNATURE {
        return Err(damaged(
            "le manifeste et sa signature doivent venir en premier",
        ));
    }
    let text = |e: &Entry| {
        String::from_utf8(e.bytes.clone()).map_err(|_| damaged("texte qui n'est pas en UTF-8"))
    };
    let manifest_text = text(manifest_entry)?;
    let signature = text(signature_entry)?;
    let mut files = Vec::with_capacity(data.len());
    for e in data {
        let path = e
            .path
            .strip_prefix(&format!("{DATA_DIR}/"))
            .filter(|p| manifest::is_safe_path(p))
            .ok_or_else(|| PackError::Damaged(format!("chemin refusé : {}", e.path)))?;
        files.push((path.to_owned(), e.bytes.clone()));
    }
    let borrowed: Vec<(String, &[u8])> = files.iter().map(|(p, b)| (p.clone(), &b[..])).collect();
    let rebuilt = write(&manifest_text, &signature, &borrowed, manifest_entry.mtime)?;
    if rebuilt != bytes {
        return Err(damaged(
            "sa structure diffère de celle qu'écrit relais (octets ajoutés, retirés ou changés)",
        ));
    }
    let manifest = Manifest::parse(&manifest_text)?;
    let listed: Vec<&str> = manifest.files.iter().map(|(p, _)| p.as_str()).collect();
    let held: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let problems = manifest.mismatches(&borrowed);
    if !problems.is_empty() {
        return Err(PackError::Mismatch(problems));
    }
    if listed != held {
        return Err(damaged(
            "les fichiers ne sont pas dans l'ordre du manifeste",
        ));
    }
    Ok(Pack {
        manifest,
        manifest_text,
        signature,
        files,
    })
}

/// The entries of the tar `bytes`: regular files only, with UTF-8 names, all of the same date.
fn entries(bytes: &[u8]) -> Result<Vec<Entry>, PackError> {
    let damaged = |why: String| PackError::Damaged(why);
    let mut archive = tar::Archive::new(bytes);
    let mut out: Vec<Entry> = Vec::new();
    let iter = archive
        .entries()
        .map_err(|e| damaged(format!("tar illisible ({e})")))?;
    for entry in iter {
        let mut entry = entry.map_err(|e| damaged(format!("tar illisible ({e})")))?;
        if out.len() > MAX_FILES + 2 {
            return Err(damaged(format!("plus de {MAX_FILES} fichiers")));
        }
        let header = entry.header();
        if header.entry_type() != tar::EntryType::Regular {
            return Err(damaged(
                "une entrée n'est pas un fichier ordinaire".to_owned(),
            ));
        }
        let mtime = header
            .mtime()
            .map_err(|e| damaged(format!("date illisible ({e})")))?;
        let size = entry.size();
        if size > super::source::MAX_FILE_BYTES {
            return Err(damaged(format!(
                "un fichier dépasse {} octets",
                super::source::MAX_FILE_BYTES
            )));
        }
        let path = String::from_utf8(entry.path_bytes().into_owned())
            .map_err(|_| damaged("nom de fichier qui n'est pas en UTF-8".to_owned()))?;
        let mut content = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        entry
            .read_to_end(&mut content)
            .map_err(|e| damaged(format!("tar illisible ({e})")))?;
        if out.first().is_some_and(|first| first.mtime != mtime) {
            return Err(damaged(
                "les entrées n'ont pas toutes la même date".to_owned(),
            ));
        }
        out.push(Entry {
            path,
            bytes: content,
            mtime,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let files = [("a.yaml".to_owned(), b"meta: {}\n".as_slice())];
        let manifest = Manifest::new(&crate::kb::Meta::default(), &files).render();
        write(&manifest, "signature\n", &files, 1_700_000_000).expect("write")
    }

    #[test]
    fn a_written_pack_reads_back_and_is_a_plain_tar() {
        let bytes = sample();
        assert!(looks_like_pack(&bytes));
        assert_eq!(bytes.len() % 512, 0);
        let pack = read(&bytes).expect("read");
        assert_eq!(pack.files, [("a.yaml".to_owned(), b"meta: {}\n".to_vec())]);
        assert_eq!(pack.signature, "signature\n");
    }

    #[test]
    fn trailing_bytes_or_changed_padding_are_refused() {
        let mut longer = sample();
        longer.extend([0u8; 512]);
        assert!(read(&longer).is_err());
        let mut padded = sample();
        // The last byte is in the end-of-archive blocks, covered by no hash.
        let last = padded.len() - 1;
        padded[last] = 1;
        assert!(read(&padded).is_err());
    }
}
