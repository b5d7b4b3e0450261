//! `relais data trust PUBKEY | --list | --remove ID`: the keys a volunteer's relais trusts.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

use super::Status;
use super::sign::neutral;
use crate::kb::trust::{self, PublicKey, TrustError};
use crate::strings as s;

/// `relais data trust PUBKEY | --list | --remove ID`.
pub fn trust(
    key: Option<&str>,
    list: bool,
    remove: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    let dir = trust::keys_dir();
    if list {
        let keys = trust::trusted_keys(dir.as_deref());
        if keys.is_empty() {
            writeln!(out, "{}", s::NO_TRUSTED_KEY)?;
        }
        for k in keys {
            writeln!(out, "{}  {}", k.key.id, neutral(&k.source.to_string()))?;
        }
        return Ok(Status::Success);
    }
    let Some(dir) = dir else {
        eprintln!("relais : {}", TrustError::NoConfigDir);
        return Ok(Status::Invalid);
    };
    if let Some(id) = remove {
        return match trust::remove(&dir, id) {
            Ok(k) => {
                writeln!(out, "{}", s::key_removed(&k.key.id))?;
                Ok(Status::Success)
            }
            Err(e @ TrustError::UnknownId(_)) => {
                eprintln!("relais : {e} (voir relais data trust --list)");
                Ok(Status::NotFound)
            }
            Err(e) => {
                eprintln!("relais : {}", neutral(&e.to_string()));
                Ok(Status::Invalid)
            }
        };
    }
    let Some(given) = key else {
        return Ok(Status::Invalid);
    };
    let path = PathBuf::from(given);
    let text = if path.is_file() {
        std::fs::read_to_string(&path).with_context(|| s::cannot_read(&path))?
    } else {
        given.to_owned()
    };
    match PublicKey::parse(&text) {
        Ok(key) => {
            let file = trust::add(&dir, &key)?;
            writeln!(out, "{}", s::key_added(&key.id, &file))?;
            writeln!(out, "{}", s::KEY_ADDED_EFFECT)?;
            Ok(Status::Success)
        }
        Err(e) => {
            eprintln!("relais : {} : {e}", neutral(given));
            Ok(Status::Invalid)
        }
    }
}
