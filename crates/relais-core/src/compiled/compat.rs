//! What lets the knowledge base's serde derives serve both its JSON output and the compiled
//! form. postcard is not self-describing: every field must be written, in order, and a
//! flattened field (a map of unknown length) cannot be written at all. So:
//!
//! - the fields that JSON leaves out when empty (`skip_serializing_if`) use the predicates
//!   here, which leave nothing out while a compiled form is being written ([`keeping_all`]);
//! - the translations, whose provenance JSON flattens into each record, are written as plain
//!   tuples when the format is not human-readable (postcard), as they are otherwise.

use std::cell::Cell;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::kb::i18n::{ContactTranslation, FrenchCard, Provenance, Translation, Translations};

thread_local! {
    static KEEP_ALL: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` (which writes a compiled form) with every field kept.
pub(super) fn keeping_all<T>(f: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            KEEP_ALL.with(|k| k.set(self.0));
        }
    }
    let _reset = Reset(KEEP_ALL.with(|k| k.replace(true)));
    f()
}

fn keep_all() -> bool {
    KEEP_ALL.with(Cell::get)
}

/// `skip_serializing_if` for a list left out of JSON when empty.
#[must_use]
pub fn skip_empty<T>(v: &[T]) -> bool {
    v.is_empty() && !keep_all()
}

/// `skip_serializing_if` for a flag left out of JSON when false.
#[must_use]
#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
pub fn skip_false(v: &bool) -> bool {
    !*v && !keep_all()
}

/// `skip_serializing_if` for the translations, left out of JSON when there are none.
#[must_use]
pub fn skip_no_translations(v: &Translations) -> bool {
    v.is_empty() && !keep_all()
}

type EntryRow = (String, String, String, String, Option<String>, Provenance);
type ContactRow = (String, String, String, Provenance);

/// `serde(with)` for [`crate::kb::KnowledgeBase::translations`].
pub mod translations {
    use super::{
        ContactRow, ContactTranslation, Deserialize, Deserializer, EntryRow, FrenchCard, Serialize,
        Serializer, Translation, Translations,
    };

    pub fn serialize<S: Serializer>(t: &Translations, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return t.serialize(s);
        }
        let entries: Vec<_> = t
            .entries
            .iter()
            .map(|e| (&e.id, &e.lang, &e.title, &e.summary, &e.card, &e.provenance))
            .collect();
        let contacts: Vec<_> = t
            .contacts
            .iter()
            .map(|c| (&c.id, &c.lang, &c.description, &c.provenance))
            .collect();
        (&t.cards, entries, contacts).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Translations, D::Error> {
        if d.is_human_readable() {
            return Translations::deserialize(d);
        }
        let (cards, entries, contacts) =
            <(Vec<FrenchCard>, Vec<EntryRow>, Vec<ContactRow>)>::deserialize(d)?;
        Ok(Translations {
            cards,
            entries: entries
                .into_iter()
                .map(|(id, lang, title, summary, card, provenance)| Translation {
                    id,
                    lang,
                    title,
                    summary,
                    card,
                    provenance,
                })
                .collect(),
            contacts: contacts
                .into_iter()
                .map(|(id, lang, description, provenance)| ContactTranslation {
                    id,
                    lang,
                    description,
                    provenance,
                })
                .collect(),
        })
    }
}

/// `serde(with)` for a language code held as `&'static str`: read back through the language
/// table, so that an unknown code is refused rather than leaked.
pub mod lang_code {
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
    pub fn serialize<S: Serializer>(code: &&'static str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(code)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        crate::kb::i18n::language(&code)
            .map(|l| l.code)
            .ok_or_else(|| serde::de::Error::custom(format!("langue inconnue : {code}")))
    }
}
