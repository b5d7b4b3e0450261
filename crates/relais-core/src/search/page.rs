//! What the phone page's script (`src/export/search.js`) needs to rank exactly like
//! [`super::SearchIndex`]: the vocabulary with its rarities and stems, each document's word
//! sequences, the synonym groups, families and colloquial forms as resolved here, the stop
//! words, the French word list, and every weight. The script keeps folding, stemming, lookups
//! and the formula; nothing is computed twice in two ways.

use serde::Serialize;

use super::expand::{self, lexicon};
use super::index::{Index, SEP, Vocab};
use super::weights::Table;
use super::{FIELDS, Field, Kind};

/// Serialised into the page.
#[derive(Serialize)]
pub struct PageIndex {
    words: Vec<String>,
    display: Vec<String>,
    idf: Vec<f32>,
    /// Number of documents holding each word.
    df: Vec<u32>,
    /// Index into `stems` of each word's stem.
    stem: Vec<u32>,
    stems: Vec<String>,
    docs: Vec<PageDoc>,
    avg_len: [f32; FIELDS],
    synonyms: Vec<Vec<PageMember>>,
    families: Vec<Vec<String>>,
    /// (form, words), longest forms first.
    colloquial: Vec<(Vec<String>, Vec<String>)>,
    stop_words: &'static [&'static str],
    /// Groups of words of one stem and one sense (`expand::stems::APART`).
    apart: &'static [&'static [&'static str]],
    /// The French word list, front-coded: each stem as the number of letters it shares with
    /// the previous one (0-9) then the rest, separated by spaces.
    lexicon: String,
    verb_endings: [&'static str; 2],
    weights: Table,
    /// The translations' index (`search_lang.js`).
    lang: super::lang::page::PageLang,
}

#[derive(Serialize)]
struct PageDoc {
    id: String,
    /// `f` for an entry, `c` for a contact.
    k: &'static str,
    /// Title length in characters (tie-break).
    tl: u32,
    len: [u32; FIELDS],
    /// Word ids of the title, `ask`, keywords and summary; -1 between phrases.
    seq: [Vec<i64>; 4],
    /// The answer's words: id, frequency, id, frequency...
    answer: Vec<u32>,
}

#[derive(Serialize)]
struct PageMember {
    words: Vec<String>,
    stems: Vec<String>,
    ids: Option<Vec<u32>>,
}

impl PageIndex {
    pub(super) fn new(index: &Index, lang: &super::lang::LangIndex) -> Self {
        let v = &index.vocab;
        let mut answers: Vec<Vec<u32>> = vec![Vec::new(); index.docs.len()];
        for id in 0..v.words.len() as u32 {
            for (doc, tf) in index.postings(id, Field::Answer) {
                answers[doc as usize].extend([id, u32::from(tf)]);
            }
        }
        let docs = index
            .docs
            .iter()
            .enumerate()
            .zip(answers)
            .map(|((i, d), answer)| {
                let seq = [Field::Title, Field::Ask, Field::Keywords, Field::Summary].map(|f| {
                    index
                        .seq_of(i as u32, f)
                        .iter()
                        .map(|&id| if id == SEP { -1 } else { i64::from(id) })
                        .collect()
                });
                PageDoc {
                    id: d.id.to_string(),
                    k: if d.kind == Kind::Faq { "f" } else { "c" },
                    tl: d.title_len,
                    len: d.len,
                    seq,
                    answer,
                }
            })
            .collect();
        let strings = |xs: &[Box<str>]| xs.iter().map(ToString::to_string).collect::<Vec<_>>();
        let (stems, stem) = stems(v);
        Self {
            words: strings(&v.words),
            display: v
                .words
                .iter()
                .zip(&v.display)
                .map(|(w, d)| {
                    if **w == **d {
                        String::new()
                    } else {
                        d.to_string()
                    }
                })
                .collect(),
            idf: v.idf.clone(),
            df: v.df.clone(),
            stem,
            stems,
            docs,
            avg_len: index.avg_len,
            synonyms: index
                .synonyms
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|m| PageMember {
                            words: strings(&m.words),
                            stems: strings(&m.stems),
                            ids: m.ids.clone(),
                        })
                        .collect()
                })
                .collect(),
            families: index.families.iter().map(|f| strings(f)).collect(),
            colloquial: index
                .colloquial
                .iter()
                .map(|r| (strings(&r.form), strings(&r.words)))
                .collect(),
            stop_words: expand::stems::STOP_WORDS,
            apart: expand::stems::APART,
            lexicon: front_coded(lexicon::lexicon()),
            verb_endings: lexicon::VERB_ENDINGS,
            weights: Table::new(),
            lang: super::lang::page::PageLang::new(lang),
        }
    }
}

/// Every word's stem, as the distinct stems, sorted, and each word's index into them.
fn stems(v: &Vocab) -> (Vec<String>, Vec<u32>) {
    let mut stems: Vec<String> = (0..v.words.len() as u32)
        .map(|id| v.stem_of(id).to_owned())
        .collect();
    stems.sort_unstable();
    stems.dedup();
    let of = (0..v.words.len() as u32)
        .map(|id| {
            stems
                .binary_search_by(|s| s.as_str().cmp(v.stem_of(id)))
                .unwrap_or(0) as u32
        })
        .collect();
    (stems, of)
}

/// `lines` (sorted) front-coded: shared-prefix length (at most 9) and the rest, space-separated.
fn front_coded(lines: &str) -> String {
    let mut out = String::with_capacity(lines.len() * 2 / 3);
    let mut prev = "";
    for w in lines.lines() {
        let shared = prev
            .bytes()
            .zip(w.bytes())
            .take(9)
            .take_while(|(a, b)| a == b)
            .count();
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(char::from(b'0' + shared as u8));
        out.push_str(&w[shared..]);
        prev = w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_coding_keeps_every_word() {
        let coded = front_coded("abc\nabd\nabdefghijklm\nabdefghijklz\nb\n");
        assert_eq!(coded, "0abc 2d 3efghijklm 9klz 0b");
    }
}
