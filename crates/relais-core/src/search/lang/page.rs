//! What the phone page's script (`src/export/search_lang.js`) needs to search the translations
//! exactly like [`super::LangIndex`]: the sorted terms, each translation's terms field by field
//! (the script rebuilds the postings, lengths and phrases from them), the spellings a typo is
//! compared with, the stop words and Arabic affixes, and every weight of the lang modules and
//! of the fusion. The script keeps folding, stemming, lookups and the formulas.

use std::collections::HashMap;

use serde::Serialize;

use super::{ADJACENT, B, CONTACT, FIELDS, K1, LangIndex, PREFIX_FACTOR, WEIGHT, fold, fuse};
use crate::search::Kind;

/// Serialised into the page, beside the French index.
#[derive(Serialize)]
pub struct PageLang {
    /// Sorted, as the index sorts them.
    terms: Vec<String>,
    docs: Vec<PageLangDoc>,
    /// Average length of each field, over the translations that have it.
    avg: [f32; FIELDS],
    /// The Latin words of the translations as written (folded) and the index of their term in
    /// `terms` (words whose term is not indexed, the stop words, are left out).
    spellings: Vec<(String, u32)>,
    /// The stop words, folded.
    stop_words: Vec<String>,
    /// The towns, folded: each keeps `weights.place` of a word (see `lang::query`).
    places: &'static [&'static str],
    ar_prefixes: &'static [&'static str],
    ar_suffixes: &'static [&'static str],
    weights: PageLangWeights,
}

#[derive(Serialize)]
struct PageLangDoc {
    id: String,
    /// `f` for an entry, `c` for a contact.
    k: &'static str,
    lang: &'static str,
    /// Each field's texts (the title; the `ask` phrasings; the summary; the card or the
    /// description), each text as indices into `terms`, in order (the summary's and the
    /// card's sorted, each as its difference from the previous one).
    f: [Vec<Vec<u32>>; FIELDS],
}

#[derive(Serialize)]
struct PageLangWeights {
    field: [f32; FIELDS],
    prefix: f32,
    adjacent: f32,
    contact: f32,
    k1: f32,
    b: f32,
    french_sure: f32,
    french_unsure: f32,
    partial_at: f32,
    place: f32,
    /// Hits of [`crate::search::SearchIndex::query`] at most (the French ones, and the fused).
    limit: usize,
}

impl PageLang {
    pub(in crate::search) fn new(lang: &LangIndex) -> Self {
        let at: HashMap<&str, u32> = lang
            .terms
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (&**t, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let mut texts: Vec<[Vec<Vec<u32>>; FIELDS]> = lang.docs.iter().map(|_| fields()).collect();
        // Each text of the title and of the `ask` is a phrase; the summary and the card are one
        // text each (lengths are what count there).
        for (d, doc) in lang.docs.iter().enumerate() {
            let title = usize::from(doc.kind == Kind::Faq);
            for (p, phrase) in doc.phrases.iter().enumerate() {
                let f = usize::from(p >= title);
                texts[d][f].push(
                    phrase
                        .iter()
                        .filter_map(|t| at.get(&**t).copied())
                        .collect(),
                );
            }
        }
        // The postings give the summary's and the card's terms (order does not count there).
        for (t, (_, postings)) in lang.terms.iter().enumerate() {
            for &(d, f, tf) in postings {
                let f = usize::from(f);
                if f >= 2 {
                    let text = &mut texts[d as usize][f];
                    if text.is_empty() {
                        text.push(Vec::new());
                    }
                    let t = u32::try_from(t).unwrap_or(u32::MAX);
                    text[0].extend(std::iter::repeat_n(t, usize::from(tf)));
                }
            }
        }
        // The summary's and the card's terms come sorted: each is written as its distance from
        // the one before (small numbers, a smaller page).
        for doc in &mut texts {
            for text in doc.iter_mut().skip(2).flatten() {
                let mut prev = 0;
                for t in text.iter_mut() {
                    (*t, prev) = (*t - prev, *t);
                }
            }
        }
        let docs = lang
            .docs
            .iter()
            .zip(texts)
            .map(|(d, f)| PageLangDoc {
                id: d.id.to_string(),
                k: if d.kind == Kind::Faq { "f" } else { "c" },
                lang: d.lang,
                f,
            })
            .collect();
        Self {
            terms: lang.terms.iter().map(|(t, _)| t.to_string()).collect(),
            docs,
            avg: lang.avg,
            spellings: lang
                .spellings
                .iter()
                .filter_map(|s| Some((s.word.to_string(), *at.get(s.term())?)))
                .collect(),
            stop_words: fold::stop_words(),
            places: crate::search::expand::stems::PLACE_WORDS,
            ar_prefixes: fold::AR_PREFIXES,
            ar_suffixes: fold::AR_SUFFIXES,
            weights: PageLangWeights {
                field: WEIGHT,
                prefix: PREFIX_FACTOR,
                adjacent: ADJACENT,
                contact: CONTACT,
                k1: K1,
                b: B,
                french_sure: fuse::FRENCH_SURE,
                french_unsure: fuse::FRENCH_UNSURE,
                partial_at: fuse::PARTIAL_AT,
                place: crate::search::weights::PLACE,
                limit: crate::search::DEFAULT_LIMIT,
            },
        }
    }
}

fn fields() -> [Vec<Vec<u32>>; FIELDS] {
    std::array::from_fn(|_| Vec::new())
}
