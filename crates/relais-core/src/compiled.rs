//! The compiled form of a knowledge base: the validated [`KnowledgeBase`] and its
//! [`SearchIndex`] (every stem computed), saved once and loaded at start without parsing YAML,
//! validating or indexing.
//!
//! The bundled data is compiled by relais' `build.rs` and embedded in the binary; installed
//! data is compiled by `relais data install` and kept beside its files ([`FILE`]); `--data`
//! and `RELAIS_DATA` are always parsed and validated, so editors see every problem.
//!
//! ```text
//! "RELAISKB"      8 bytes
//! format          u16, little endian: FORMAT
//! build           u8 length + that many bytes: BUILD (the crate's version and its build id)
//! key             32 bytes: what the form was made from (SHA-256 of the installed manifest;
//!                 zeros for the bundled data)
//! checksum        u32, little endian: CRC-32 of all that follows
//! stamps          u32 length + postcard: the installed files as the form saw them (stamps.rs)
//! packing         u8: 0 stored as is, 1 compressed (lz4, its length first)
//! length          u64, little endian: the body's length, which ends the file
//! body            postcard: the knowledge base, the index, the number of files read
//! ```
//!
//! A binary loads only a form that carries its own format and build: any other, like a
//! truncated or damaged file (the checksum) or one made from files that changed since, is
//! refused with the reason, and the caller parses the YAML instead ([`load`]). postcard
//! (serde, compact, not self-describing) was chosen over a zero-copy format (rkyv) because it
//! reuses the serde derives the types already have and decoding it fits the start budget
//! (BENCHMARKS.md).

mod compat;
mod load;
pub mod stamps;

use serde::{Deserialize, Serialize};

use crate::kb::KnowledgeBase;
use crate::search::SearchIndex;

pub use compat::{
    lang_code, lang_terms, numbers, skip_empty, skip_false, skip_no_translations, text,
    translations,
};
pub use load::{COMPILED_NOTICE, compile_installed, key_of_manifest, load};
pub use stamps::Stamp;

/// A language code from the language table, as the translations' index holds it (an alias,
/// so that serde reads it through [`lang_code`] instead of borrowing it from the bytes).
pub type LangCode = &'static str;

/// The name of the compiled form in an installed version's folder.
pub const FILE: &str = "relais-kb.bin";

/// The version of the layout above; raised whenever it changes.
pub const FORMAT: u16 = 2;

/// This build of relais: the crate's version and a hash of the core's sources and locked
/// dependencies (`build.rs`), so that no other build's form is ever read.
pub const BUILD: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("RELAIS_BUILD_ID"));

const MAGIC: &[u8; 8] = b"RELAISKB";

/// What a compiled form was made from: 32 bytes, compared at load.
pub type Key = [u8; 32];

/// The key of the bundled data: the form is embedded with the code that reads it.
pub const BUNDLED_KEY: Key = [0; 32];

/// A compiled form, loaded.
pub struct Compiled {
    pub kb: KnowledgeBase,
    pub index: SearchIndex,
    /// Number of data files it was made from.
    pub files: usize,
}

/// Why a compiled form was not loaded, in French.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("ce n'est pas une forme compilée de relais")]
    NotCompiled,
    #[error("fichier tronqué")]
    Truncated,
    #[error("écrite par une autre version de relais ({0})")]
    OtherBuild(String),
    #[error("faite à partir d'autres fichiers que ceux installés")]
    OtherFiles,
    #[error("fichiers installés modifiés, ajoutés ou retirés depuis qu'elle a été faite")]
    Changed,
    #[error("fichier abîmé (somme de contrôle fausse)")]
    Damaged,
    #[error("fichier absent")]
    Missing,
    #[error("fichier illisible ({0})")]
    Unreadable(String),
    #[error("contenu incohérent (index hors des données)")]
    Inconsistent,
}

#[derive(Serialize)]
struct BodyRef<'a> {
    kb: &'a KnowledgeBase,
    index: &'a SearchIndex,
    files: u64,
}

#[derive(Deserialize)]
struct Body {
    kb: KnowledgeBase,
    index: SearchIndex,
    files: u64,
}

/// The compiled form of `kb` and `index`, made from `files` data files identified by `key`,
/// whose folder looked like `stamps` (empty for the bundled data).
///
/// # Errors
/// The serialisation failed (a bug: every type of the knowledge base serialises).
pub fn encode(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
    key: &Key,
    stamps: &[Stamp],
) -> Result<Vec<u8>, Refused> {
    encode_with(kb, index, files, key, stamps, false)
}

/// [`encode`], the body compressed: the bundled form, embedded in the binary, where size
/// counts more than the millisecond it takes to unpack at start.
///
/// # Errors
/// As [`encode`].
pub fn encode_packed(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
    key: &Key,
) -> Result<Vec<u8>, Refused> {
    encode_with(kb, index, files, key, &[], true)
}

fn encode_with(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
    key: &Key,
    stamps: &[Stamp],
    packed: bool,
) -> Result<Vec<u8>, Refused> {
    index.stem_all();
    let unreadable = |e: postcard::Error| Refused::Unreadable(e.to_string());
    let body = compat::keeping_all(|| {
        postcard::to_stdvec(&BodyRef {
            kb,
            index,
            files: files as u64,
        })
    })
    .map_err(unreadable)?;
    let body = if packed {
        lz4_flex::block::compress_prepend_size(&body)
    } else {
        body
    };
    let stamps = postcard::to_stdvec(stamps).map_err(unreadable)?;
    let mut rest = Vec::with_capacity(stamps.len() + body.len() + 16);
    rest.extend_from_slice(
        &u32::try_from(stamps.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    rest.extend_from_slice(&stamps);
    rest.push(u8::from(packed));
    rest.extend_from_slice(&(body.len() as u64).to_le_bytes());
    rest.extend_from_slice(&body);
    let mut out = Vec::with_capacity(rest.len() + 96);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.push(BUILD.len() as u8);
    out.extend_from_slice(BUILD.as_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&crc32fast::hash(&rest).to_le_bytes());
    out.extend_from_slice(&rest);
    Ok(out)
}

/// Reads a compiled form written by this build from `key`'s files, whose folder looks like
/// `stamps` now (empty for the bundled data).
///
/// # Errors
/// [`Refused`]: another format or build, another key, files changed since, a truncated or
/// damaged file.
pub fn decode(bytes: &[u8], key: &Key, stamps: &[Stamp]) -> Result<Compiled, Refused> {
    let mut rest = bytes;
    if take(&mut rest, MAGIC.len()).ok_or(Refused::NotCompiled)? != MAGIC {
        return Err(Refused::NotCompiled);
    }
    let format = take(&mut rest, 2).ok_or(Refused::Truncated)?;
    let build_len = take(&mut rest, 1).ok_or(Refused::Truncated)?[0] as usize;
    let build = take(&mut rest, build_len).ok_or(Refused::Truncated)?;
    if format != FORMAT.to_le_bytes() || build != BUILD.as_bytes() {
        let theirs = String::from_utf8_lossy(build);
        let theirs = theirs.chars().filter(|c| !c.is_control()).take(40);
        return Err(Refused::OtherBuild(theirs.collect()));
    }
    if take(&mut rest, 32).ok_or(Refused::Truncated)? != key {
        return Err(Refused::OtherFiles);
    }
    let crc = take(&mut rest, 4).ok_or(Refused::Truncated)?;
    let checked = rest;
    let stamps_len = u32::from_le_bytes(array(take(&mut rest, 4))?) as usize;
    let theirs = take(&mut rest, stamps_len).ok_or(Refused::Truncated)?;
    let packing = take(&mut rest, 1).ok_or(Refused::Truncated)?[0];
    let len = u64::from_le_bytes(array(take(&mut rest, 8))?);
    if len != rest.len() as u64 {
        return Err(Refused::Truncated);
    }
    if crc32fast::hash(checked).to_le_bytes() != crc {
        return Err(Refused::Damaged);
    }
    let theirs: Vec<Stamp> =
        postcard::from_bytes(theirs).map_err(|e| Refused::Unreadable(e.to_string()))?;
    if theirs != stamps {
        return Err(Refused::Changed);
    }
    let unpacked;
    let body = match packing {
        0 => rest,
        1 => {
            unpacked = lz4_flex::block::decompress_size_prepended(rest)
                .map_err(|e| Refused::Unreadable(e.to_string()))?;
            &unpacked[..]
        }
        other => return Err(Refused::Unreadable(format!("rangement inconnu ({other})"))),
    };
    let body: Body = postcard::from_bytes(body).map_err(|e| Refused::Unreadable(e.to_string()))?;
    // A right checksum says the form is as written, not that it was written by relais.
    if !body.index.is_consistent(&body.kb) {
        return Err(Refused::Inconsistent);
    }
    Ok(Compiled {
        kb: body.kb,
        index: body.index,
        files: usize::try_from(body.files).unwrap_or(usize::MAX),
    })
}

/// `N` bytes taken by [`take`], as an array.
fn array<const N: usize>(bytes: Option<&[u8]>) -> Result<[u8; N], Refused> {
    bytes
        .and_then(|b| b.try_into().ok())
        .ok_or(Refused::Truncated)
}

/// The first `n` bytes of `rest`, which then starts after them.
fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, tail) = (rest.get(..n)?, rest.get(n..)?);
    *rest = tail;
    Some(head)
}

#[cfg(test)]
mod tests;
