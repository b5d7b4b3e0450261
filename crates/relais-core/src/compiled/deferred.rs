//! The bundled form read in two steps, for the interface: the knowledge base at once (what the
//! first frame shows, with the translations' language marks for its rows), the search index
//! and the translations by another thread meanwhile (the first search or the first change of
//! language needs them, some hundred milliseconds later at the earliest: nobody types that
//! fast).
//!
//! Only the bundled form is read this way: it is part of the binary, and is `'static`.
//! Installed data is read whole before the interface starts (`super::load`), so that a form
//! that does not load is replaced by the YAML files before anything is shown.

use std::thread::JoinHandle;

use super::parts::{self, BACK, Slots, Span};
use super::{Key, Refused, table};
use crate::kb::KnowledgeBase;
use crate::kb::i18n::{LanguageMarks, Translations};
use crate::search::SearchIndex;

/// What [`decode_deferred`] gives at once.
#[derive(Debug)]
pub struct Early {
    /// The knowledge base, its translations still empty.
    pub kb: KnowledgeBase,
    /// How many data files it was made from.
    pub files: usize,
    /// Which languages each item can be read in, for the rows of the first frame.
    pub marks: LanguageMarks,
    /// The search index and the translations, on their way.
    pub back: Back,
}

/// The search index and the translations of a knowledge base read by [`decode_deferred`]:
/// still being decoded by another thread, or (when no thread could be started) still to
/// decode.
pub struct Back(Making);

type Rest = (SearchIndex, Translations);

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
    /// against `kb`, the knowledge base it came with, whose translations it fills in.
    ///
    /// # Errors
    /// A part that does not decode, or an index that is not `kb`'s (then `kb` is left as it
    /// was).
    pub fn finish(self, kb: &mut KnowledgeBase) -> Result<SearchIndex, Refused> {
        let (index, translations) = match self.0 {
            // A panic of the thread (a bug) reaches here only in builds that unwind: the
            // release build aborts (`panic = "abort"`), the terminal given back by the hook.
            Making::Thread(handle) => handle
                .join()
                .unwrap_or_else(|_| Err(Refused::Unreadable("décodage interrompu".into()))),
            Making::Here { src, spans, packed } => rest_of(src, &spans, packed),
        }?;

        // As for the whole form (`parts::decode`): the index must be this knowledge base's.
        if index.belongs_to(kb) {
            kb.translations = translations;
            Ok(index)
        } else {
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

/// The knowledge base of the compiled form `bytes` (written by this build from `key`'s
/// files), and its search index and translations on their way: a thread decodes them once the
/// knowledge base is read, while the caller goes on.
///
/// # Errors
/// As [`super::decode`], for the knowledge base's parts; the others are checked by
/// [`Back::finish`].
pub fn decode_deferred(bytes: &'static [u8], key: &Key) -> Result<Early, Refused> {
    let table = table(bytes, key, &[])?;
    if table.end != bytes.len() as u64 || table.spans.len() <= BACK.len() {
        return Err(Refused::Truncated);
    }
    let (spans, packed) = (table.spans, table.packed);
    let front = parts::front(spans.len());
    // Two threads, the caller and one more: the form is small, and asking the system how many
    // cores there are costs more than the work it would share.
    let done = parts::decode_some(bytes, &spans, &front, packed, 2);
    let front = Slots::of(done, front.len())?.front()?;
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
        files: front.files,
        marks: front.marks,
        back: Back(back),
    })
}

/// The search index and the translations of the parts `spans` of `src`, decoded by the
/// calling thread alone.
fn rest_of(src: &'static [u8], spans: &[Span], packed: bool) -> Result<Rest, Refused> {
    let done = parts::decode_some(src, spans, &BACK, packed, 1);
    let mut slots = Slots::of(done, BACK.len())?;
    Ok((slots.index()?, slots.translations()?))
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
}
