//! What lets the knowledge base's serde derives serve both its JSON output and the compiled
//! form. postcard is not self-describing: every field must be written, in order, and a
//! flattened field (a map of unknown length) cannot be written at all. So:
//!
//! - the fields that JSON leaves out when empty (`skip_serializing_if`) use the predicates
//!   here, which leave nothing out while a compiled form is being written ([`keeping_all`]);
//! - the translations, whose provenance JSON flattens into each record, are written as plain
//!   tuples when the format is not human-readable (postcard), as they are otherwise. The
//!   tuples are built by destructuring every field, so that a field added to a translation
//!   does not compile until it is added here too.

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

type EntryRow = (
    String,
    String,
    String,
    String,
    Vec<String>,
    Option<String>,
    Provenance,
);
type ContactRow = (String, String, Vec<String>, String, Provenance);

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
            .map(|e| {
                let Translation {
                    id,
                    lang,
                    title,
                    summary,
                    ask,
                    card,
                    provenance,
                } = e;
                (id, lang, title, summary, ask, card, provenance)
            })
            .collect();
        let contacts: Vec<_> = t
            .contacts
            .iter()
            .map(|c| {
                let ContactTranslation {
                    id,
                    lang,
                    ask,
                    description,
                    provenance,
                } = c;
                (id, lang, ask, description, provenance)
            })
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
                .map(
                    |(id, lang, title, summary, ask, card, provenance)| Translation {
                        id,
                        lang,
                        title,
                        summary,
                        ask,
                        card,
                        provenance,
                    },
                )
                .collect(),
            contacts: contacts
                .into_iter()
                .map(
                    |(id, lang, ask, description, provenance)| ContactTranslation {
                        id,
                        lang,
                        ask,
                        description,
                        provenance,
                    },
                )
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

/// `serde(with)` for the long texts (answers, summaries): in the compiled form, bytes checked
/// as UTF-8 by `simdutf8` (the standard check was a quarter of a start at 10,000 entries); in
/// JSON, a string as before.
pub mod text {
    use serde::de::{Error, Visitor};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(text)
        } else {
            s.serialize_bytes(text.as_bytes())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        if d.is_human_readable() {
            return String::deserialize(d);
        }
        d.deserialize_bytes(Utf8)
    }

    struct Utf8;

    impl Visitor<'_> for Utf8 {
        type Value = String;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("un texte UTF-8")
        }

        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<String, E> {
            simdutf8::basic::from_utf8(bytes)
                .map(str::to_owned)
                .map_err(|_| E::custom("texte qui n'est pas de l'UTF-8"))
        }
    }
}

/// `serde(with)` for the index's long lists of numbers: in the compiled form, one run of
/// little-endian bytes, read back in one pass (element by element, they were the largest part
/// of a start at 10,000 entries); otherwise a plain list.
pub mod numbers {
    use serde::de::{Error, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// A value of fixed width in the compiled form.
    pub trait Fixed: Sized + Copy {
        const WIDTH: usize;
        fn put(self, out: &mut Vec<u8>);
        fn get(bytes: &[u8]) -> Self;
    }

    impl Fixed for u32 {
        const WIDTH: usize = 4;
        fn put(self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.to_le_bytes());
        }
        fn get(b: &[u8]) -> Self {
            Self::from_le_bytes([b[0], b[1], b[2], b[3]])
        }
    }

    impl Fixed for (u32, u8, u16) {
        const WIDTH: usize = 7;
        fn put(self, out: &mut Vec<u8>) {
            out.extend_from_slice(&self.0.to_le_bytes());
            out.push(self.1);
            out.extend_from_slice(&self.2.to_le_bytes());
        }
        fn get(b: &[u8]) -> Self {
            (
                u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                b[4],
                u16::from_le_bytes([b[5], b[6]]),
            )
        }
    }

    pub fn serialize<T, S>(values: &[T], s: S) -> Result<S::Ok, S::Error>
    where
        T: Fixed + Serialize,
        S: Serializer,
    {
        if s.is_human_readable() {
            return values.serialize(s);
        }
        let mut out = Vec::with_capacity(values.len() * T::WIDTH);
        for &v in values {
            v.put(&mut out);
        }
        s.serialize_bytes(&out)
    }

    pub fn deserialize<'de, T, D>(d: D) -> Result<Vec<T>, D::Error>
    where
        T: Fixed + Deserialize<'de>,
        D: Deserializer<'de>,
    {
        if d.is_human_readable() {
            return Vec::deserialize(d);
        }
        d.deserialize_bytes(Run(std::marker::PhantomData))
    }

    struct Run<T>(std::marker::PhantomData<T>);

    impl<T: Fixed> Visitor<'_> for Run<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("une suite de nombres")
        }

        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
            if !bytes.len().is_multiple_of(T::WIDTH) {
                return Err(E::custom("suite de nombres tronquée"));
            }
            Ok(bytes.chunks_exact(T::WIDTH).map(T::get).collect())
        }
    }
}

/// `serde(with)` for the terms of the translations' index: each term with its postings as one
/// run of bytes ([`numbers`]).
pub mod lang_terms {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    type Term = (Box<str>, Vec<(u32, u8, u16)>);

    #[derive(Serialize, Deserialize)]
    struct Packed(
        Box<str>,
        #[serde(with = "super::numbers")] Vec<(u32, u8, u16)>,
    );

    pub fn serialize<S: Serializer>(terms: &[Term], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(terms.iter().map(|(t, p)| Packed(t.clone(), p.clone())))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Term>, D::Error> {
        let packed = Vec::<Packed>::deserialize(d)?;
        Ok(packed.into_iter().map(|Packed(t, p)| (t, p)).collect())
    }
}
