//! The bundled form read in two steps, for the interface: the head of the knowledge base and
//! the glimpse of its entries at once (what the first frame shows, with the translations'
//! language marks for its rows: [`super::glimpse`]), the entries whole, the search index and the
//! translations by another thread meanwhile (the first search, the first entry opened or the
//! first change of language needs them, some hundred milliseconds later at the earliest:
//! nobody types that fast).
//!
//! Only the bundled form is read this way: it is part of the binary, and is `'static`.
//! Installed data is read whole before the interface starts (`super::load`), so that a form
//! that does not load is replaced by the YAML files before anything is shown.

use std::thread::JoinHandle;

use super::parts::{self, FIRST, Slots, Span};
use super::{Key, Refused, table};
use crate::kb::i18n::{LanguageMarks, Translations};
use crate::kb::{Entry, KnowledgeBase};
use crate::search::SearchIndex;

/// What [`decode_deferred`] gives at once.
#[derive(Debug)]
pub struct Early {
    /// The knowledge base, its entries the glimpse's (whole only at the positions `whole`),
    /// its translations still empty.
    pub kb: KnowledgeBase,
    /// The positions of the entries given whole; the others have what a row of the list shows,
    /// not their answer.
    pub whole: Vec<usize>,
    /// How many data files it was made from.
    pub files: usize,
    /// Which languages each item can be read in, for the rows of the first frame.
    pub marks: LanguageMarks,
    /// The search index and the translations, on their way.
    pub back: Back,
}

/// The entries, the search index and the translations of a knowledge base read by
/// [`decode_deferred`]: still being decoded by another thread, or (when no thread could be
/// started) still to decode.
pub struct Back(Making);

type Rest = (Vec<Entry>, SearchIndex, Translations);

enum Making {
    Thread(JoinHandle<Result<Rest, Refused>>),
    Here {
        src: &'static [u8],
        spans: Vec<Span>,
        packed: bool,
    },
}

impl Back {
    /// The index, once decoded (waiting for the thread if it has not finished), checked
    /// against `kb`, the knowledge base it came with, whose whole entries and translations it
    /// fills in.
    ///
    /// # Errors
    /// A part that does not decode, entries that are not the glimpse's or an index that is not
    /// `kb`'s (then `kb` is left as it was).
    pub fn finish(self, kb: &mut KnowledgeBase) -> Result<SearchIndex, Refused> {
        let (entries, index, translations) = match self.0 {
            // A panic of the thread (a bug) reaches here only in builds that unwind: the
            // release build aborts (`panic = "abort"`), the terminal given back by the hook.
            Making::Thread(handle) => handle
                .join()
                .unwrap_or_else(|_| Err(Refused::Unreadable("décodage interrompu".into()))),
            Making::Here { src, spans, packed } => rest_of(src, &spans, packed),
        }?;

        // The entries must be those the first frame listed, and, as for the whole form
        // (`parts::decode`), the index this knowledge base's.
        let same = super::glimpse::Glimpse::rows_of_entries(&kb.entries, &entries);
        let glimpse = std::mem::replace(&mut kb.entries, entries);
        if same && index.belongs_to(kb) {
            kb.translations = translations;
            Ok(index)
        } else {
            kb.entries = glimpse;
            Err(Refused::Inconsistent)
        }
    }
}

impl std::fmt::Debug for Back {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            Making::Thread(_) => "Back(thread)",
            Making::Here { .. } => "Back(here)",
        })
    }
}

/// The head and the glimpse of the compiled form `bytes` (written by this build from `key`'s
/// files), and its entries, search index and translations on their way: a thread decodes them
/// once the glimpse is read, while the caller goes on.
///
/// # Errors
/// As [`super::decode`], for the head and the glimpse (a form without a glimpse, not the
/// bundled one, is refused); the other parts are checked by [`Back::finish`].
pub fn decode_deferred(bytes: &'static [u8], key: &Key) -> Result<Early, Refused> {
    let table = table(bytes, key, &[])?;
    if table.end != bytes.len() as u64 || table.spans.len() < parts::ENTRIES {
        return Err(Refused::Truncated);
    }
    let (spans, packed) = (table.spans, table.packed);
    // The caller alone: two small parts.
    let done = parts::decode_some(bytes, &spans, &FIRST, packed, 1);
    let front = Slots::of(done, FIRST.len())?.glimpse_front()?;
    // One thread: the caller, drawing its first frame, keeps the other core.
    let here = Making::Here {
        src: bytes,
        spans: spans.clone(),
        packed,
    };
    let back = std::thread::Builder::new()
        .name("relais-index".into())
        .spawn(move || rest_of(bytes, &spans, packed))
        .map_or(here, Making::Thread);
    Ok(Early {
        kb: front.kb,
        whole: front.whole.unwrap_or_default(),
        files: front.files,
        marks: front.marks,
        back: Back(back),
    })
}

/// The entries, the search index and the translations of the parts `spans` of `src`, decoded
/// by the calling thread alone.
fn rest_of(src: &'static [u8], spans: &[Span], packed: bool) -> Result<Rest, Refused> {
    let rest = parts::rest(spans.len());
    let done = parts::decode_some(src, spans, &rest, packed, 1);
    let mut slots = Slots::of(done, rest.len())?;
    Ok((slots.entries(), slots.index()?, slots.translations()?))
}

#[cfg(test)]
mod tests {
    use super::{Back, Making, decode_deferred, table};
    use crate::compiled::{BUNDLED_KEY, decode, encode};
    use crate::kb::validate::load;
    use crate::kb::{Origin, today};
    use crate::search::{QueryOptions, SearchIndex};

    #[test]
    fn without_a_thread_the_rest_is_decoded_by_the_caller_the_same() {
        // When no thread can be started, `finish` decodes the index and the translations
        // itself: same index, same translations as the whole form.
        let loaded = load(&Origin::Bundled, today()).expect("bundled data loads");
        let index = SearchIndex::new(&loaded.kb);
        let bytes = encode(&loaded.kb, &index, loaded.files, &BUNDLED_KEY, &[]).expect("encodes");
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let whole = decode(bytes, &BUNDLED_KEY, &[]).expect("decodes");
        let mut early = decode_deferred(bytes, &BUNDLED_KEY).expect("decodes");
        let t = table(bytes, &BUNDLED_KEY, &[]).expect("table");
        let here = Back(Making::Here {
            src: bytes,
            spans: t.spans,
            packed: t.packed,
        });
        assert_eq!(format!("{here:?}"), "Back(here)");
        let index = here.finish(&mut early.kb).expect("decodes here");
        assert_eq!(early.kb, whole.kb);
        for q in ["hebergeur", "free lawyer", "xqzkw"] {
            let opts = QueryOptions::default();
            assert_eq!(index.search(q, opts), whole.index.search(q, opts), "{q}");
        }
    }

    #[test]
    fn entries_that_are_not_the_glimpse_s_rows_are_refused_and_change_nothing() {
        let loaded = load(&Origin::Bundled, today()).expect("bundled data loads");
        let index = SearchIndex::new(&loaded.kb);
        let bytes = encode(&loaded.kb, &index, loaded.files, &BUNDLED_KEY, &[]).expect("encodes");
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let early = decode_deferred(bytes, &BUNDLED_KEY).expect("decodes");
        // A first frame that listed another title than the entries that arrive.
        let mut kb = early.kb.clone();
        kb.entries[1].title.push_str(" (autre)");
        let before = kb.clone();
        let err = early.back.finish(&mut kb).expect_err("not the rows listed");
        assert_eq!(err, crate::compiled::Refused::Inconsistent);
        assert_eq!(kb, before, "left as it was");
    }
}
