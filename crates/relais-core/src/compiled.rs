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
//! table length    u32, little endian
//! checksum        u32, little endian: CRC-32 of the table
//! table           stamps: u32 length + postcard, the installed files as the form saw them
//!                 (stamps.rs);
//!                 packing: u8, 0 stored as is, 1 each part compressed (lz4, its length
//!                 first; the bundled form only);
//!                 parts: u32 count, then for each part u64 length + u32 CRC-32 of its bytes
//! parts           one after another, to the end of the file (parts.rs): the knowledge base
//!                 but its entries, contacts and translations, the number of files read and
//!                 the translations' language marks; the search index but its postings and
//!                 translations; the postings (raw bytes); the translations' index; the
//!                 translations; the glimpse of the entries and contacts for the interface's
//!                 first frame (glimpse.rs; `None` but in the bundled form); the contacts;
//!                 the entries, in chunks (all but the postings postcard)
//! ```
//!
//! A binary loads only a form that carries its own format and build: any other, like a
//! truncated or damaged file (a checksum) or one made from files that changed since, is
//! refused with the reason, and the caller parses the YAML instead ([`load`]). postcard
//! (serde, compact, not self-describing) was chosen over a zero-copy format (rkyv) because it
//! reuses the serde derives the types already have and decoding it fits the start budget
//! (BENCHMARKS.md).

mod compat;
mod deferred;
mod glimpse;
mod load;
mod parts;
mod slots;
pub mod stamps;

use crate::kb::KnowledgeBase;
use crate::search::SearchIndex;

pub use compat::{
    lang_code, lang_terms, numbers, skip_empty, skip_false, skip_no_translations, text,
    translations,
};
pub use deferred::{Back, Early, decode_deferred};
pub use load::{COMPILED_NOTICE, compile_installed, key_of_manifest, load};
pub use stamps::Stamp;

/// A language code from the language table, as the translations' index holds it (an alias,
/// so that serde reads it through [`lang_code`] instead of borrowing it from the bytes).
pub type LangCode = &'static str;

/// The name of the compiled form in an installed version's folder.
pub const FILE: &str = "relais-kb.bin";

/// The version of the layout above; raised whenever it changes.
pub const FORMAT: u16 = 6;

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
    encode_with(kb, index, files, key, stamps, None)
}

/// A compressor of the parts of the bundled form: any that writes an LZ4 block with its
/// unpacked length first (u32, little endian), which is what the start unpacks. The build
/// script passes LZ4 HC (build time only): the block is the same format as `lz4_flex`'s fast
/// compressor writes, smaller, and as fast to unpack.
pub type Pack = fn(&[u8]) -> Vec<u8>;

/// [`encode`], each part compressed by `pack`: the bundled form, embedded in the binary, where
/// size counts more than the millisecond it takes to unpack at start.
///
/// # Errors
/// As [`encode`].
pub fn encode_packed(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
    key: &Key,
    pack: Pack,
) -> Result<Vec<u8>, Refused> {
    encode_with(kb, index, files, key, &[], Some(pack))
}

fn encode_with(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
    key: &Key,
    stamps: &[Stamp],
    pack: Option<Pack>,
) -> Result<Vec<u8>, Refused> {
    index.stem_all();
    let unreadable = |e: postcard::Error| Refused::Unreadable(e.to_string());
    let packed = pack.is_some();
    // Only the bundled form is read in two steps, its first frame from the glimpse.
    let glimpse = *key == BUNDLED_KEY;
    let parts = parts::encode(kb, index, files, pack, glimpse).map_err(unreadable)?;
    let stamps = postcard::to_stdvec(stamps).map_err(unreadable)?;
    Ok(frame(key, &stamps, packed, &parts))
}

/// The whole form around its `parts`: header, then the table (`stamps` as postcard bytes, the
/// packing, each part's length and checksum) with its own length and checksum, then the parts.
fn frame<P: AsRef<[u8]>>(key: &Key, stamps: &[u8], packed: bool, parts: &[P]) -> Vec<u8> {
    let mut table = Vec::with_capacity(stamps.len() + parts.len() * 12 + 16);
    table.extend_from_slice(
        &u32::try_from(stamps.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    table.extend_from_slice(stamps);
    table.push(u8::from(packed));
    table.extend_from_slice(&(parts.len() as u32).to_le_bytes());
    for part in parts {
        let part = part.as_ref();
        table.extend_from_slice(&(part.len() as u64).to_le_bytes());
        table.extend_from_slice(&crc32fast::hash(part).to_le_bytes());
    }
    let body: usize = parts.iter().map(|p| p.as_ref().len()).sum();
    let mut out = Vec::with_capacity(table.len() + body + 96);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.push(BUILD.len() as u8);
    out.extend_from_slice(BUILD.as_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&u32::try_from(table.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&table).to_le_bytes());
    out.extend_from_slice(&table);
    for part in parts {
        out.extend_from_slice(part.as_ref());
    }
    out
}

/// Reads a compiled form written by this build from `key`'s files, whose folder looks like
/// `stamps` now (empty for the bundled data).
///
/// # Errors
/// [`Refused`]: another format or build, another key, files changed since, a truncated or
/// damaged file, a part that does not decode or an index that does not hold together.
pub fn decode(bytes: &[u8], key: &Key, stamps: &[Stamp]) -> Result<Compiled, Refused> {
    let table = table(bytes, key, stamps)?;
    if table.end != bytes.len() as u64 {
        return Err(Refused::Truncated);
    }
    parts::decode(bytes, &table.spans, table.packed)
}

/// [`decode`] of the form in the file `path` (at most `limit` bytes), read part by part: each
/// thread reads the part it decodes into a buffer it reuses, so the file is never held whole.
///
/// # Errors
/// As [`decode`]; [`Refused::Missing`] when there is no such file.
pub fn decode_file(
    path: &std::path::Path,
    limit: u64,
    key: &Key,
    stamps: &[Stamp],
) -> Result<Compiled, Refused> {
    use std::io::Read as _;
    let (file, len) = match crate::kb::read::open_bounded(path, limit) {
        Ok(opened) => opened,
        Err(crate::kb::LoadError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            return Err(Refused::Missing);
        }
        Err(e) => return Err(Refused::Unreadable(e.to_string())),
    };
    let unreadable = |e: std::io::Error| Refused::Unreadable(e.to_string());
    // The header and table, in one read unless the table is large.
    let mut head = Vec::new();
    (&file)
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    if let Some(more) = header_len(&head).and_then(|n| n.checked_sub(head.len())) {
        (&file)
            .take(more as u64)
            .read_to_end(&mut head)
            .map_err(unreadable)?;
    }
    let table = table(&head, key, stamps)?;
    if table.end != len {
        return Err(Refused::Truncated);
    }
    let source = parts::FileSource(std::sync::Mutex::new(file));
    parts::decode(&source, &table.spans, table.packed)
}

/// The table of a form: whether its parts are compressed, where they are, where they end.
struct Table {
    packed: bool,
    spans: Vec<parts::Span>,
    end: u64,
}

/// Length of the header and table that start `bytes`, when `bytes` holds their fixed part.
fn header_len(bytes: &[u8]) -> Option<usize> {
    let build_len = *bytes.get(MAGIC.len() + 2)? as usize;
    let at = MAGIC.len() + 3 + build_len + 32;
    let table_len = u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
    Some(at + 8 + table_len)
}

/// Checks the header of the form that `bytes` starts with (at least its header and table)
/// and reads its table: this build's, from `key`, its table's checksum right, made from a
/// folder that looked like `stamps`.
fn table(bytes: &[u8], key: &Key, stamps: &[Stamp]) -> Result<Table, Refused> {
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
    let table_len = u32::from_le_bytes(array(take(&mut rest, 4))?) as usize;
    let crc = take(&mut rest, 4).ok_or(Refused::Truncated)?;
    let mut table = take(&mut rest, table_len).ok_or(Refused::Truncated)?;
    if crc32fast::hash(table).to_le_bytes() != crc {
        return Err(Refused::Damaged);
    }
    let stamps_len = u32::from_le_bytes(array(take(&mut table, 4))?) as usize;
    let theirs = take(&mut table, stamps_len).ok_or(Refused::Truncated)?;
    let packed = match take(&mut table, 1).ok_or(Refused::Truncated)?[0] {
        0 => false,
        // Only the bundled form, embedded in the binary, is ever compressed.
        1 if key == &BUNDLED_KEY => true,
        other => return Err(Refused::Unreadable(format!("rangement inconnu ({other})"))),
    };
    let count = u32::from_le_bytes(array(take(&mut table, 4))?) as usize;
    if table.len() != count.saturating_mul(12) {
        return Err(Refused::Truncated);
    }
    let mut end = (bytes.len() - rest.len()) as u64;
    let mut spans = Vec::with_capacity(count);
    for row in table.chunks_exact(12) {
        let len = u64::from_le_bytes(array(row.get(..8))?);
        let crc = u32::from_le_bytes(array(row.get(8..))?);
        spans.push(parts::Span { at: end, len, crc });
        end = end.checked_add(len).ok_or(Refused::Truncated)?;
    }
    let theirs: Vec<Stamp> =
        postcard::from_bytes(theirs).map_err(|e| Refused::Unreadable(e.to_string()))?;
    if theirs != stamps {
        return Err(Refused::Changed);
    }
    Ok(Table { packed, spans, end })
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
