//! The bundled form read in two steps, for the interface: the head of the knowledge base and
//! the glimpse of its entries and contacts at once (what the first frame shows, with the
//! translations' language marks for its rows: [`super::glimpse`]), then, once that frame is
//! drawn, the entries and contacts whole, the search index and the translations, by two
//! threads (the first search,
//! the first other entry shown or the first change of language needs them, some hundred
//! milliseconds later at the earliest: nobody types that fast).
//!
//! Only the bundled form is read this way: it is part of the binary, and is `'static`.
//! Installed data is read whole before the interface starts (`super::load`), so that a form
//! that does not load is replaced by the YAML files before anything is shown.

use super::parts::{self, FIRST, Slots, Span};
use super::{Key, Refused, table};
use crate::kb::i18n::{LanguageMarks, Translations};
use crate::kb::{Contact, Entry, KnowledgeBase};
use crate::search::SearchIndex;

/// What [`decode_deferred`] gives at once.
#[derive(Debug)]
pub struct Early {
    /// The knowledge base, its entries and contacts the glimpse's (entries whole only at the
    /// positions [`Back::whole`]), its translations still empty.
    pub kb: KnowledgeBase,
    /// How many data files it was made from.
    pub files: usize,
    /// Which languages each item can be read in, for the rows of the first frame.
    pub marks: LanguageMarks,
    /// The whole entries, the search index and the translations, still to decode.
    pub back: Back,
}

/// The entries, the search index and the translations of a knowledge base read by
/// [`decode_deferred`], still to decode: [`Back::finish`] decodes them.
pub struct Back {
    src: &'static [u8],
    spans: Vec<Span>,
    packed: bool,
    /// The positions of the entries the glimpse gives whole.
    whole: Vec<usize>,
}

/// What [`Back::finish`] decodes.
struct Rest {
    entries: Vec<Entry>,
    contacts: Vec<Contact>,
    index: SearchIndex,
    translations: Translations,
}

impl Back {
    /// The positions of the entries the glimpse gives whole: the other entries have what a
    /// row of the list shows, not their answer, and no contact is whole until [`Back::finish`].
    #[must_use]
    pub fn whole(&self) -> &[usize] {
        &self.whole
    }

    /// The whole entries and contacts, the search index and the translations, decoded now by
    /// the caller and one more thread, checked against `kb`, the knowledge base they came
    /// with, whose entries, contacts and translations they fill in.
    ///
    /// # Errors
    /// A part that does not decode, items that are not the glimpse's or an index that is not
    /// `kb`'s (then `kb` is left as it was).
    pub fn finish(self, kb: &mut KnowledgeBase) -> Result<SearchIndex, Refused> {
        let rest = rest_of(self.src, &self.spans, self.packed)?;
        // The items must be those the first frame listed, and, as for the whole form
        // (`parts::decode`), the index this knowledge base's.
        let same = super::glimpse::Glimpse::rows_of_items(
            (&kb.entries, &kb.contacts),
            (&rest.entries, &rest.contacts),
        );
        let entries = std::mem::replace(&mut kb.entries, rest.entries);
        let contacts = std::mem::replace(&mut kb.contacts, rest.contacts);
        if same && rest.index.belongs_to(kb) {
            kb.translations = rest.translations;
            Ok(rest.index)
        } else {
            kb.entries = entries;
            kb.contacts = contacts;
            Err(Refused::Inconsistent)
        }
    }
}

impl std::fmt::Debug for Back {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Back({} parts to decode)",
            parts::rest(self.spans.len()).len()
        )
    }
}

/// The head and the glimpse of the compiled form `bytes` (written by this build from `key`'s
/// files); its entries, search index and translations are decoded later, by [`Back::finish`].
///
/// Nothing else runs until the first frame is drawn: measured on two cores, a thread decoding
/// the rest meanwhile slowed the first frame down (its allocations and page faults against
/// the drawing thread's) more than it saved afterwards (BENCHMARKS.md).
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
    let (front, whole) = Slots::of(done, FIRST.len())?.glimpse_front()?;
    Ok(Early {
        kb: front.kb,
        files: front.files,
        marks: front.marks,
        back: Back {
            src: bytes,
            spans,
            packed,
            whole,
        },
    })
}

/// The entries, the search index and the translations of the parts `spans` of `src`, decoded
/// by the calling thread and one more (by the caller alone when no thread can be started).
fn rest_of(src: &'static [u8], spans: &[Span], packed: bool) -> Result<Rest, Refused> {
    let rest = parts::rest(spans.len());
    let done = parts::decode_some(src, spans, &rest, packed, 2);
    let mut slots = Slots::of(done, rest.len())?;
    Ok(Rest {
        entries: slots.entries(),
        contacts: slots.contacts()?,
        index: slots.index()?,
        translations: slots.translations()?,
    })
}

#[cfg(test)]
mod tests {
    use super::{decode_deferred, table};
    use crate::compiled::{BUNDLED_KEY, decode, encode};
    use crate::kb::validate::load;
    use crate::kb::{Origin, today};
    use crate::search::{QueryOptions, SearchIndex};

    /// The bundled data's form, made by this test build, for as long as the tests run.
    fn bundled_form() -> &'static [u8] {
        let loaded = load(&Origin::Bundled, today()).expect("bundled data loads");
        let index = SearchIndex::new(&loaded.kb);
        let bytes = encode(&loaded.kb, &index, loaded.files, &BUNDLED_KEY, &[]).expect("encodes");
        Box::leak(bytes.into_boxed_slice())
    }

    #[test]
    fn the_rest_decoded_later_makes_the_whole_form_s_knowledge_base_and_index() {
        let bytes = bundled_form();
        let whole = decode(bytes, &BUNDLED_KEY, &[]).expect("decodes");
        let mut early = decode_deferred(bytes, &BUNDLED_KEY).expect("decodes");
        let parts = table(bytes, &BUNDLED_KEY, &[]).expect("table").spans.len();
        // All but the head and the glimpse.
        assert_eq!(
            format!("{:?}", early.back),
            format!("Back({} parts to decode)", parts - 2)
        );
        assert_ne!(early.kb, whole.kb, "the glimpse, not the whole entries");
        let index = early.back.finish(&mut early.kb).expect("decodes");
        assert_eq!(early.kb, whole.kb);
        for q in ["hebergeur", "free lawyer", "xqzkw"] {
            let opts = QueryOptions::default();
            assert_eq!(index.search(q, opts), whole.index.search(q, opts), "{q}");
        }
    }

    #[test]
    fn entries_that_are_not_the_glimpse_s_rows_are_refused_and_change_nothing() {
        let early = decode_deferred(bundled_form(), &BUNDLED_KEY).expect("decodes");
        // A first frame that listed another title than the entries that arrive.
        let mut kb = early.kb.clone();
        kb.entries[1].title.push_str(" (autre)");
        let before = kb.clone();
        let err = early.back.finish(&mut kb).expect_err("not the rows listed");
        assert_eq!(err, crate::compiled::Refused::Inconsistent);
        assert_eq!(kb, before, "left as it was");
    }
}
