//! Making keys and signing manifests, with the `minisign` crate: the secret key file is
//! minisign's own (`minisign -S -s KEY` can use it too), password-protected with scrypt unless
//! asked otherwise. No cryptography is written here.

use std::io::Cursor;

use super::manifest::Manifest;
use super::trust::{PublicKey, key_id, untrusted_comment};

/// Why a key could not be made, read or used.
#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    #[error("la clé secrète est illisible (ce n'est pas une clé secrète minisign)")]
    NotASecretKey,
    #[error("mot de passe incorrect pour cette clé secrète")]
    WrongPassword,
    #[error("{0}")]
    Password(String),
    #[error("erreur de minisign : {0}")]
    Minisign(String),
}

fn minisign_error(e: &minisign::PError) -> SigningError {
    SigningError::Minisign(e.to_string())
}

/// A new key pair: the text of the secret key file and the public key. With a password the
/// secret key is encrypted (scrypt, as minisign does); without, it is stored in clear.
///
/// # Errors
/// The system's random generator or the key derivation failed.
pub fn generate(password: Option<String>) -> Result<(String, PublicKey), SigningError> {
    let pair = match password {
        Some(password) => minisign::KeyPair::generate_encrypted_keypair(Some(password)),
        None => minisign::KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(|e| minisign_error(&e))?;
    let id = key_id(pair.pk.keynum());
    let comment = format!("relais secret key {id} (minisign) - keep it secret");
    let secret = pair
        .sk
        .to_box(Some(&comment))
        .map_err(|e| minisign_error(&e))?
        .into_string();
    let public = PublicKey {
        id,
        base64: pair.pk.to_base64(),
    };
    Ok((secret, public))
}

/// A secret key ready to sign, and its public key.
pub struct Signer {
    secret: minisign::SecretKey,
    public: minisign::PublicKey,
}

impl Signer {
    /// Reads the secret key file's `text`; `password` is asked only when the key is encrypted.
    ///
    /// # Errors
    /// Not a secret key, no password to be had, or a wrong password.
    pub fn from_key_file(
        text: &str,
        password: impl FnOnce() -> Result<String, SigningError>,
    ) -> Result<Self, SigningError> {
        let boxed = || minisign::SecretKeyBox::from_string(text).map_err(|e| minisign_error(&e));
        let secret = match boxed()?.into_unencrypted_secret_key() {
            Ok(secret) => secret,
            Err(_) if looks_encrypted(text) => {
                let password = password()?;
                boxed()?
                    .into_secret_key(Some(password))
                    .map_err(|e| match e.kind() {
                        minisign::ErrorKind::Verify => SigningError::WrongPassword,
                        _ => SigningError::NotASecretKey,
                    })?
            }
            Err(_) => return Err(SigningError::NotASecretKey),
        };
        let public = minisign::PublicKey::from_secret_key(&secret)
            .map_err(|_| SigningError::NotASecretKey)?;
        Ok(Self { secret, public })
    }

    /// The public key that checks this key's signatures.
    #[must_use]
    pub fn public_key(&self) -> PublicKey {
        PublicKey {
            id: key_id(self.public.keynum()),
            base64: self.public.to_base64(),
        }
    }

    /// The minisign signature of `manifest`'s text, with the version, date and publisher in its
    /// trusted comment (what `minisign -V` prints).
    ///
    /// # Errors
    /// The signature could not be made.
    pub fn sign(&self, manifest: &Manifest) -> Result<String, SigningError> {
        let id = key_id(self.public.keynum());
        let text = manifest.render();
        let signature = minisign::sign(
            Some(&self.public),
            &self.secret,
            Cursor::new(text.as_bytes()),
            Some(&trusted_comment(manifest)),
            Some(&untrusted_comment(&id)),
        )
        .map_err(|e| minisign_error(&e))?;
        Ok(signature.into_string())
    }
}

/// Whether a secret key file holds an encrypted key: its key line's second and third bytes name
/// the key derivation (scrypt, `Sc`), read from the base64 without decoding all of it.
fn looks_encrypted(text: &str) -> bool {
    // "RWRTY0Iy" is the base64 of "EdScB2": signature, derivation and checksum algorithms.
    text.lines()
        .nth(1)
        .is_some_and(|l| l.trim().starts_with("RWRTY0Iy"))
}

/// "relais data: version V, date D, publisher P" — one line, signed with the manifest.
fn trusted_comment(manifest: &Manifest) -> String {
    let mut parts = vec!["relais data".to_owned()];
    if let Some(v) = &manifest.version {
        parts.push(format!("version {v}"));
    }
    if let Some(d) = &manifest.date {
        parts.push(format!("date {d}"));
    }
    if let Some(p) = &manifest.publisher {
        parts.push(format!("publisher {p}"));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::trust::{KeySource, Signer as Who, TrustedKey, check_signature};

    fn manifest() -> Manifest {
        Manifest::new(
            &crate::kb::Meta::default(),
            &[("a.yaml".to_owned(), b"x".as_slice())],
        )
    }

    #[test]
    fn an_unencrypted_key_signs_and_its_public_key_checks_it() {
        let (secret, public) = generate(None).expect("keys");
        let signer = Signer::from_key_file(&secret, || panic!("no password asked")).expect("read");
        assert_eq!(signer.public_key(), public);
        let m = manifest();
        let signature = signer.sign(&m).expect("sign");
        let trusted = [TrustedKey {
            key: public.clone(),
            source: KeySource::Bundled,
        }];
        let who = check_signature(m.render().as_bytes(), &signature, &trusted).expect("valid");
        assert_eq!(who, Who::Trusted(trusted[0].clone()));
        let other = m.render().replace("data/a.yaml", "data/b.yaml");
        assert!(check_signature(other.as_bytes(), &signature, &trusted).is_err());
        assert_eq!(
            check_signature(m.render().as_bytes(), &signature, &[]),
            Ok(Who::Unknown { key_id: public.id })
        );
    }

    #[test]
    fn an_encrypted_key_needs_its_password() {
        let (secret, public) = generate(Some("correct horse".into())).expect("keys");
        assert!(looks_encrypted(&secret));
        let wrong = Signer::from_key_file(&secret, || Ok("battery".into()));
        assert!(matches!(wrong, Err(SigningError::WrongPassword)));
        let right = Signer::from_key_file(&secret, || Ok("correct horse".into())).expect("key");
        assert_eq!(right.public_key(), public);
        assert!(matches!(
            Signer::from_key_file("untrusted comment: x\nAAAA\n", || Ok(String::new())),
            Err(SigningError::NotASecretKey | SigningError::Minisign(_))
        ));
    }
}
