//! The public keys whose signed packs relais accepts, and the check of a pack's signature.
//!
//! Keys are minisign public keys (Ed25519). They come from two places: the files of the trusted
//! keys folder in the user's configuration folder (`~/.config/relais/trusted-keys/<ID>.pub` on
//! Linux), added with `relais data trust`, and the bundled data's `meta.trusted_keys`, so that a
//! binary built by an association trusts its own packs out of the box. The cryptography is the
//! `minisign-verify` crate's; only the bookkeeping is here.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// The folder of trusted keys, under the configuration folder of relais.
pub const KEYS_DIR: &str = "trusted-keys";

/// Why a key or a signature was refused.
#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error(
        "ce n'est pas une clé publique minisign (attendu : le fichier .pub, ou sa deuxième ligne)"
    )]
    NotAKey,
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("aucune clé de confiance n'a l'identifiant {0}")]
    UnknownId(String),
    #[error(
        "la clé {0} vient des données intégrées au binaire : elle ne peut pas être retirée ici"
    )]
    Bundled(String),
    #[error("impossible de trouver le dossier de configuration (HOME n'est pas défini ?)")]
    NoConfigDir,
}

/// A minisign public key: its id (16 hexadecimal digits, as minisign prints it) and its base64
/// line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub id: String,
    pub base64: String,
}

impl PublicKey {
    /// Reads a key from the text of a `.pub` file (comment line, key line) or from the key line
    /// alone.
    ///
    /// # Errors
    /// [`TrustError::NotAKey`] when no line of `text` is a minisign public key.
    pub fn parse(text: &str) -> Result<Self, TrustError> {
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
            .ok_or(TrustError::NotAKey)?;
        minisign_verify::PublicKey::from_base64(line).map_err(|_| TrustError::NotAKey)?;
        let key = minisign::PublicKey::from_base64(line).map_err(|_| TrustError::NotAKey)?;
        Ok(Self {
            id: key_id(key.keynum()),
            base64: line.to_owned(),
        })
    }

    /// The key for `minisign-verify`.
    fn verifier(&self) -> Option<minisign_verify::PublicKey> {
        minisign_verify::PublicKey::from_base64(&self.base64).ok()
    }

    /// The text of its `.pub` file, as minisign writes it.
    #[must_use]
    pub fn file_text(&self) -> String {
        format!(
            "untrusted comment: minisign public key {}\n{}\n",
            self.id, self.base64
        )
    }
}

/// A key id as minisign prints it: the 8 bytes read as a little-endian number, in hexadecimal.
#[must_use]
pub fn key_id(keynum: &[u8]) -> String {
    use std::fmt::Write as _;
    keynum.iter().rev().fold(String::new(), |mut id, b| {
        let _ = write!(id, "{b:02X}");
        id
    })
}

/// Where a trusted key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// A file of the trusted keys folder.
    Config(PathBuf),
    /// The bundled data's `meta.trusted_keys`.
    Bundled,
}

impl fmt::Display for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Config(path) => write!(f, "{}", path.display()),
            Self::Bundled => f.write_str("données intégrées (meta.trusted_keys)"),
        }
    }
}

/// A key relais trusts, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKey {
    pub key: PublicKey,
    pub source: KeySource,
}

/// The folder of trusted keys (`~/.config/relais/trusted-keys` on Linux, or under
/// `$XDG_CONFIG_HOME`), if a home directory is known.
#[must_use]
pub fn keys_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("relais").join(KEYS_DIR))
}

/// Every trusted key: those of `dir` (the trusted keys folder), then the bundled ones.
/// Unreadable files are skipped; the same key twice is kept once.
#[must_use]
pub fn trusted_keys(dir: Option<&Path>) -> Vec<TrustedKey> {
    let mut keys: Vec<TrustedKey> = Vec::new();
    let mut files: Vec<PathBuf> = dir
        .and_then(|d| fs::read_dir(d).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pub"))
        .collect();
    files.sort();
    for path in files {
        if let Some(key) = fs::read_to_string(&path)
            .ok()
            .and_then(|t| PublicKey::parse(&t).ok())
        {
            keys.push(TrustedKey {
                key,
                source: KeySource::Config(path),
            });
        }
    }
    for key in super::source::bundled_trusted_keys() {
        if let Ok(key) = PublicKey::parse(&key) {
            keys.push(TrustedKey {
                key,
                source: KeySource::Bundled,
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(k.key.base64.clone()));
    keys
}

/// Adds `key` to the trusted keys folder `dir` as `<ID>.pub`. Returns its file.
///
/// # Errors
/// A failed write.
pub fn add(dir: &Path, key: &PublicKey) -> Result<PathBuf, TrustError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TrustError::Io { path, source }
    };
    fs::create_dir_all(dir).map_err(io(dir))?;
    let path = dir.join(format!("{}.pub", key.id));
    let tmp = dir.join(format!(".{}.pub.tmp", key.id));
    fs::write(&tmp, key.file_text()).map_err(io(&tmp))?;
    fs::rename(&tmp, &path).map_err(io(&path))?;
    Ok(path)
}

/// Removes the key `id` (any case) from the trusted keys folder `dir`. Returns the removed key.
///
/// # Errors
/// No such key in the folder, a bundled key, or a failed removal.
pub fn remove(dir: &Path, id: &str) -> Result<TrustedKey, TrustError> {
    let wanted = id.trim().to_ascii_uppercase();
    let keys = trusted_keys(Some(dir));
    let found = keys
        .into_iter()
        .filter(|k| k.key.id == wanted)
        .min_by_key(|k| k.source == KeySource::Bundled)
        .ok_or_else(|| TrustError::UnknownId(wanted.clone()))?;
    match &found.source {
        KeySource::Bundled => Err(TrustError::Bundled(wanted)),
        KeySource::Config(path) => {
            fs::remove_file(path).map_err(|source| TrustError::Io {
                path: path.clone(),
                source,
            })?;
            Ok(found)
        }
    }
}

/// Who signed a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signer {
    /// A trusted key, whose signature is valid.
    Trusted(TrustedKey),
    /// A key relais does not trust: its signature cannot be checked.
    Unknown { key_id: String },
}

/// A signature that does not hold: the signed text or the signature was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("la signature est illisible ou n'est pas au format de relais")]
    Malformed,
    #[error("la signature ne correspond pas au contenu (clé {0}) : le paquet a été modifié")]
    Invalid(String),
}

/// The untrusted comment of a pack's signature. It is fixed by the key id so that no byte of
/// the signature file can change unnoticed.
#[must_use]
pub fn untrusted_comment(key_id: &str) -> String {
    format!("relais data pack, key {key_id}")
}

/// Checks the minisign signature `signature` of `signed` against `keys`.
///
/// The signature file must be exactly as relais writes it (nothing added, nothing reworded),
/// then valid for the trusted key with its id.
///
/// # Errors
/// A malformed signature, or one that a trusted key with its id does not validate.
pub fn check_signature(
    signed: &[u8],
    signature: &str,
    keys: &[TrustedKey],
) -> Result<Signer, SignatureError> {
    let parsed =
        minisign::SignatureBox::from_string(signature).map_err(|_| SignatureError::Malformed)?;
    let key_id = key_id(parsed.keynum());
    let canonical = parsed.is_prehashed()
        && parsed.untrusted_comment().ok() == Some(untrusted_comment(&key_id))
        && parsed.to_string() == signature;
    if !canonical {
        return Err(SignatureError::Malformed);
    }
    let decoded =
        minisign_verify::Signature::decode(signature).map_err(|_| SignatureError::Malformed)?;
    let mut candidates = keys.iter().filter(|k| k.key.id == key_id).peekable();
    if candidates.peek().is_none() {
        return Ok(Signer::Unknown { key_id });
    }
    for key in candidates {
        if let Some(verifier) = key.key.verifier()
            && verifier.verify(signed, &decoded, false).is_ok()
        {
            return Ok(Signer::Trusted(key.clone()));
        }
    }
    Err(SignatureError::Invalid(key_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ids_read_as_minisign_prints_them() {
        assert_eq!(
            key_id(&[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0xAB]),
            "AB07060504030201"
        );
    }

    #[test]
    fn a_key_is_read_from_a_pub_file_or_its_line_and_nothing_else() {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("keypair");
        let line = pair.pk.to_base64();
        let from_line = PublicKey::parse(&line).expect("line");
        let from_file = PublicKey::parse(&from_line.file_text()).expect("file");
        assert_eq!(from_line, from_file);
        assert_eq!(from_line.id, key_id(pair.pk.keynum()));
        for bad in ["", "bonjour", "untrusted comment: x\n", &line[1..]] {
            assert!(PublicKey::parse(bad).is_err(), "{bad}");
        }
    }
}
