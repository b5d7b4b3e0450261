//! The body of a compiled form, cut into parts that are decoded independently, in parallel, in
//! this order: the knowledge base but its entries, contacts and translations (the head, with
//! the translations' language marks), the search index but its postings and translations, the
//! postings (raw, [`crate::search`]'s own bytes, read straight into the buffer the index keeps:
//! most of the index at 10,000 entries), the translations' index, the translations, the
//! glimpse of the entries and contacts (the bundled form's only, [`super::glimpse`]), the
//! contacts, and the entries in chunks of about [`CHUNK`] bytes. Each part has its own length and checksum in the
//! form's table ([`Span`]), so that a part is checked as it is read, by the thread that decodes
//! it, and an installed form is read part by part into a buffer each thread reuses, never
//! whole. The head and the glimpse are what the interface's first frame needs ([`FIRST`]).
//! A whole read skips the glimpse.

use std::io::{Read as _, Seek as _, SeekFrom};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::glimpse::Glimpse;
pub(super) use super::slots::Slots;
use super::{Compiled, Refused, compat};
use crate::kb::i18n::{LanguageMarks, Translations};
use crate::kb::{Contact, Entry, KnowledgeBase};
use crate::search::lang::LangIndex;
use crate::search::{PostingsSeen, SearchIndex};

/// About how many bytes of entries a chunk holds: small enough that the threads share the work
/// evenly and that a reading buffer stays small, large enough that a part costs little.
const CHUNK: usize = 256 * 1024;

/// Most threads a form is decoded by (the calling one included).
pub(super) const THREADS: usize = 4;

/// Where one part is in the form, and its checksum (CRC-32 of its bytes as stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub at: u64,
    pub len: u64,
    pub crc: u32,
}

/// The head of the body: the knowledge base without its entries, contacts and translations,
/// how many files it was made from, and the translations' language marks.
#[derive(Serialize)]
struct HeadRef<'a> {
    kb: &'a KnowledgeBase,
    files: u64,
    marks: &'a LanguageMarks,
}

#[derive(Deserialize)]
pub(super) struct Head {
    pub kb: KnowledgeBase,
    pub files: u64,
    pub marks: LanguageMarks,
}

/// The translations, as the knowledge base writes them.
struct TranslationsOut<'a>(&'a Translations);

impl Serialize for TranslationsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        compat::translations::serialize(self.0, s)
    }
}

#[derive(Deserialize)]
struct TranslationsIn(#[serde(with = "compat::translations")] Translations);

/// Where each part is; the entries fill the rest.
const HEAD: usize = 0;
const INDEX: usize = 1;
const POSTINGS: usize = 2;
const LANG: usize = 3;
const TRANSLATIONS: usize = 4;
const GLIMPSE: usize = 5;
const CONTACTS: usize = 6;
pub(super) const ENTRIES: usize = 7;

/// A part, decoded.
pub(super) enum Part {
    Head(Box<Head>),
    Index(Box<SearchIndex>),
    Postings(Vec<u8>, PostingsSeen),
    Lang(Box<LangIndex>),
    Translations(Box<Translations>),
    Glimpse(Option<Box<Glimpse>>),
    Contacts(Vec<Contact>),
    Entries(Vec<Entry>),
}

/// The parts of the body of `kb` and `index`, in order (see above), with a glimpse of the
/// entries when `glimpse`; each compressed by `pack` when there is one.
pub(super) fn encode(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    files: usize,
    pack: Option<super::Pack>,
    glimpse: bool,
) -> Result<Vec<Vec<u8>>, postcard::Error> {
    let KnowledgeBase {
        meta,
        categories,
        entries,
        contacts,
        decks,
        synonyms,
        families,
        colloquial,
        translations,
    } = kb;
    let head = KnowledgeBase {
        meta: meta.clone(),
        categories: categories.clone(),
        entries: Vec::new(),
        contacts: Vec::new(),
        decks: decks.clone(),
        synonyms: synonyms.clone(),
        families: families.clone(),
        colloquial: colloquial.clone(),
        translations: Translations::default(),
    };
    let marks = LanguageMarks::of(kb);
    compat::keeping_all(|| {
        let mut parts = vec![
            postcard::to_stdvec(&HeadRef {
                kb: &head,
                files: files as u64,
                marks: &marks,
            })?,
            postcard::to_stdvec(index)?,
            index.postings_bytes().to_vec(),
            postcard::to_stdvec(index.lang())?,
            postcard::to_stdvec(&TranslationsOut(translations))?,
            postcard::to_stdvec(&glimpse.then(|| Glimpse::of(kb)))?,
            postcard::to_stdvec(contacts)?,
        ];
        let mut start = 0;
        let mut size = 0;
        for (i, entry) in entries.iter().enumerate() {
            size += postcard::to_stdvec(entry)?.len();
            if size >= CHUNK || i + 1 == entries.len() {
                parts.push(postcard::to_stdvec(&entries[start..=i])?);
                (start, size) = (i + 1, 0);
            }
        }
        if let Some(pack) = pack {
            for part in &mut parts {
                *part = pack(part);
            }
        }
        Ok(parts)
    })
}

/// Where the parts are read from: the form in memory, or its file.
pub(super) trait Source: Sync {
    /// The stored bytes of `span`: borrowed, or read into `buf`.
    fn bytes<'a>(&'a self, span: Span, buf: &'a mut Vec<u8>) -> Result<&'a [u8], Refused>;

    /// The stored bytes of `span`, in a buffer of their own.
    fn owned(&self, span: Span) -> Result<Vec<u8>, Refused> {
        self.bytes(span, &mut Vec::new()).map(<[u8]>::to_vec)
    }
}

impl Source for [u8] {
    fn bytes<'a>(&'a self, span: Span, _: &'a mut Vec<u8>) -> Result<&'a [u8], Refused> {
        let at = usize::try_from(span.at).map_err(|_| Refused::Truncated)?;
        let len = usize::try_from(span.len).map_err(|_| Refused::Truncated)?;
        self.get(at..at.checked_add(len).ok_or(Refused::Truncated)?)
            .ok_or(Refused::Truncated)
    }
}

/// A form's file, read one part at a time (each thread seeks, reads its part and lets go).
pub(super) struct FileSource(pub Mutex<std::fs::File>);

impl Source for FileSource {
    fn owned(&self, span: Span) -> Result<Vec<u8>, Refused> {
        let mut buf = Vec::new();
        self.bytes(span, &mut buf)?;
        Ok(buf)
    }

    fn bytes<'a>(&'a self, span: Span, buf: &'a mut Vec<u8>) -> Result<&'a [u8], Refused> {
        let unreadable = |e: std::io::Error| Refused::Unreadable(e.to_string());
        let len = usize::try_from(span.len).map_err(|_| Refused::Truncated)?;
        buf.clear();
        buf.reserve(len);
        let mut file = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        file.seek(SeekFrom::Start(span.at)).map_err(unreadable)?;
        (&mut *file)
            .take(span.len)
            .read_to_end(buf)
            .map_err(unreadable)?;
        drop(file);
        if buf.len() == len {
            Ok(buf)
        } else {
            Err(Refused::Truncated)
        }
    }
}

/// The body whose parts are `spans` in `src`, decoded in parallel (each part checked against
/// its checksum first), then put together and checked as a whole.
pub(super) fn decode<S: Source + ?Sized>(
    src: &S,
    spans: &[Span],
    packed: bool,
) -> Result<Compiled, Refused> {
    if spans.len() < ENTRIES {
        return Err(Refused::Truncated);
    }
    // The glimpse is for the interface's first frame only: not decoded here, but damage in it
    // is refused like damage anywhere else.
    let mut buf = Vec::new();
    if crc32fast::hash(src.bytes(spans[GLIMPSE], &mut buf)?) != spans[GLIMPSE].crc {
        return Err(Refused::Damaged);
    }
    let all: Vec<usize> = (0..spans.len()).filter(|&i| i != GLIMPSE).collect();
    let mut slots = Slots::of(decode_some(src, spans, &all, packed, THREADS), all.len())?;
    let front = slots.front()?;
    let (kb, files) = (front.kb, front.files);
    let index = slots.index()?;
    // A right checksum says the form is as written, not that it was written by relais.
    if !index.belongs_to(&kb) {
        return Err(Refused::Inconsistent);
    }
    Ok(Compiled { kb, index, files })
}

/// The head and the glimpse: what the interface's first frame needs.
pub(super) const FIRST: [usize; 2] = [HEAD, GLIMPSE];

/// The parts but the head and the glimpse, of a form of `count` parts: the search index, the
/// translations, the contacts and the entries, what the first search needs.
pub(super) fn rest(count: usize) -> Vec<usize> {
    [INDEX, POSTINGS, LANG, TRANSLATIONS, CONTACTS]
        .into_iter()
        .chain(ENTRIES..count)
        .collect()
}

/// Parts `which` of `spans`, each checked and decoded, by at most `threads` threads (the
/// calling one included), in no particular order.
pub(super) fn decode_some<S: Source + ?Sized>(
    src: &S,
    spans: &[Span],
    which: &[usize],
    packed: bool,
    threads: usize,
) -> Vec<(usize, Result<Part, Refused>)> {
    // Largest first, so that the threads finish together.
    let mut order = which.to_vec();
    order.sort_by_key(|&i| std::cmp::Reverse(spans.get(i).map_or(0, |s| s.len)));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let work = || {
        let mut buf = Vec::new();
        let mut done = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            let part = part(src, spans, i, packed, &mut buf);
            failed.fetch_or(part.is_err(), Ordering::Relaxed);
            done.push((i, part));
        }
        done
    };
    // Asking how many cores there are reads files of /proc and /sys: only worth it for more
    // than two threads.
    let threads = if threads <= 2 {
        threads
    } else {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(threads)
    };
    let helpers = threads.min(order.len()).saturating_sub(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..helpers)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok())
            .collect();
        let mut done = work();
        for h in handles {
            match h.join() {
                Ok(theirs) => done.extend(theirs),
                Err(_) => done.push((0, Err(Refused::Unreadable("décodage interrompu".into())))),
            }
        }
        done
    })
}

/// Part `i` of `spans`, checked and decoded.
fn part<S: Source + ?Sized>(
    src: &S,
    spans: &[Span],
    i: usize,
    packed: bool,
    buf: &mut Vec<u8>,
) -> Result<Part, Refused> {
    let unreadable = |e: postcard::Error| Refused::Unreadable(e.to_string());
    if i == POSTINGS {
        // Read into the buffer the index keeps, not into `buf`: the largest part is not
        // copied once more.
        let stored = src.owned(spans[i])?;
        if crc32fast::hash(&stored) != spans[i].crc {
            return Err(Refused::Damaged);
        }
        let postings = if packed { unpack(&stored)? } else { stored };
        let seen = PostingsSeen::of(&postings);
        return Ok(Part::Postings(postings, seen));
    }
    let stored = src.bytes(spans[i], buf)?;
    if crc32fast::hash(stored) != spans[i].crc {
        return Err(Refused::Damaged);
    }
    let unpacked;
    let body = if packed {
        unpacked = unpack(stored)?;
        &unpacked[..]
    } else {
        stored
    };
    Ok(match i {
        HEAD => Part::Head(Box::new(postcard::from_bytes(body).map_err(unreadable)?)),
        INDEX => {
            let index: Box<SearchIndex> = postcard::from_bytes(body).map_err(unreadable)?;
            // Checked here, while the other threads decode the entries; with its postings and
            // the entries, once joined.
            if !index.holds_together_but_postings() {
                return Err(Refused::Inconsistent);
            }
            Part::Index(index)
        }
        LANG => {
            let lang: Box<LangIndex> = postcard::from_bytes(body).map_err(unreadable)?;
            if !lang.holds_together() {
                return Err(Refused::Inconsistent);
            }
            Part::Lang(lang)
        }
        TRANSLATIONS => {
            let t: TranslationsIn = postcard::from_bytes(body).map_err(unreadable)?;
            Part::Translations(Box::new(t.0))
        }
        GLIMPSE => {
            let glimpse: Option<Box<Glimpse>> = postcard::from_bytes(body).map_err(unreadable)?;
            Part::Glimpse(glimpse)
        }
        CONTACTS => Part::Contacts(postcard::from_bytes(body).map_err(unreadable)?),
        _ => Part::Entries(postcard::from_bytes(body).map_err(unreadable)?),
    })
}

/// A compressed part (its unpacked length first), unpacked.
fn unpack(stored: &[u8]) -> Result<Vec<u8>, Refused> {
    let bad = || Refused::Unreadable("partie compressée illisible".into());
    let (size, rest) = stored.split_first_chunk::<4>().ok_or_else(bad)?;
    let size = u32::from_le_bytes(*size) as usize;
    // LZ4 cannot expand more than 255 times: a larger length is a lie.
    if size > rest.len().saturating_mul(255) {
        return Err(bad());
    }
    // Into a fresh buffer the decoder writes without zeroing it first.
    match lz4_flex::block::decompress(rest, size) {
        Ok(out) if out.len() == size => Ok(out),
        _ => Err(bad()),
    }
}
