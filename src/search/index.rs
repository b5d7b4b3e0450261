//! The index, built once from a knowledge base: a sorted vocabulary of folded words with their
//! document frequency, stems, letter masks and length buckets; postings per word and field; the
//! word sequences of the short fields (for adjacency and highlights); the folded titles and
//! keywords that the fuzzy matcher scans; and the synonym groups resolved to vocabulary words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::fold::{for_each_token, is_stop_word, letter_mask, stem};
use super::{Field, Kind, typo};
use crate::kb::KnowledgeBase;

/// Marks the boundary between two keyword phrases in a word sequence.
pub const SEP: u32 = u32::MAX;

/// One searchable document: an entry or a contact.
pub struct Doc {
    pub id: Box<str>,
    pub kind: Kind,
    /// Length of the title in characters, for the tie-break (shorter first).
    pub title_len: u32,
    /// Offsets in [`Index::seq`]: title, keywords, summary, end.
    pub seq: [u32; 4],
    /// Offset in [`Index::title_ranges`] of the first title word.
    pub ranges: u32,
}

/// The folded vocabulary, sorted, with what each word needs at query time.
#[derive(Default)]
pub struct Vocab {
    pub words: Vec<Box<str>>,
    /// An original spelling, lower case, accents kept (for suggestions and explanations).
    pub display: Vec<Box<str>>,
    pub mask: Vec<u32>,
    /// Number of documents containing the word.
    pub df: Vec<u32>,
    /// Rarity factor between 0.4 (in every document) and 1.0.
    pub idf: Vec<f32>,
    /// Word ids by word length, for typo scans.
    pub by_len: Vec<Vec<u32>>,
    /// (stem, word id), sorted by stem.
    pub stems: Vec<(Box<str>, u32)>,
    /// Stop words, skipped when looking for neighbouring query words.
    pub stop: Vec<bool>,
}

impl Vocab {
    pub fn find(&self, word: &str) -> Option<u32> {
        self.words
            .binary_search_by(|w| (**w).cmp(word))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of the words starting with `prefix` (a contiguous range of the sorted vocabulary).
    pub fn prefixed(&self, prefix: &str) -> std::ops::Range<u32> {
        let start = self.words.partition_point(|w| &**w < prefix);
        let len = self.words[start..]
            .iter()
            .take_while(|w| w.starts_with(prefix))
            .count();
        start as u32..(start + len) as u32
    }

    /// Ids of the words whose stem is `s`.
    pub fn with_stem<'a>(&'a self, s: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.stems.partition_point(|(st, _)| &**st < s);
        self.stems[start..]
            .iter()
            .take_while(move |(st, _)| &**st == s)
            .map(|&(_, id)| id)
    }
}

/// A member of a synonym group: its meaningful folded words, their stems, and their ids in the
/// vocabulary (`None` when some word never occurs in the data).
pub struct Member {
    pub words: Vec<Box<str>>,
    pub stems: Vec<Box<str>>,
    pub ids: Option<Vec<u32>>,
    pub text: Box<str>,
}

/// Everything the query path reads.
pub struct Index {
    pub docs: Vec<Doc>,
    pub vocab: Vocab,
    /// Document ids, grouped by word then field, ascending.
    pub postings: Vec<u32>,
    /// Start of the postings of (word, field) at `word * 4 + field`; one extra at the end.
    pub offsets: Vec<u32>,
    /// Word ids of each document's title, keywords and summary, in order.
    pub seq: Vec<u32>,
    /// Byte ranges in the original title of each title word.
    pub title_ranges: Vec<(u32, u32)>,
    /// Folded title words joined by spaces, per document (fuzzy haystacks).
    pub titles: Vec<Box<str>>,
    /// Folded keywords (topics for contacts) joined by spaces, per document.
    pub keywords: Vec<Box<str>>,
    pub synonyms: Vec<Vec<Member>>,
}

impl Index {
    /// Documents containing word `id` in `field`.
    pub fn postings(&self, id: u32, field: Field) -> &[u32] {
        let at = id as usize * 4 + field as usize;
        &self.postings[self.offsets[at] as usize..self.offsets[at + 1] as usize]
    }

    /// The word sequence of `doc`'s `field` (title, keywords or summary).
    pub fn seq_of(&self, doc: u32, field: Field) -> &[u32] {
        let d = &self.docs[doc as usize];
        let f = (field as usize).min(2);
        &self.seq[d.seq[f] as usize..d.seq[f + 1] as usize]
    }

    pub fn build(kb: &KnowledgeBase) -> Self {
        let mut b = Builder::default();
        for e in &kb.entries {
            b.start_doc(&e.id, Kind::Faq, &e.title);
            b.short_field(&e.title, Field::Title);
            b.keywords(e.keywords.iter().map(String::as_str));
            b.short_field(&e.summary, Field::Summary);
            b.long_field(&e.answer);
            b.end_doc();
        }
        for c in &kb.contacts {
            b.start_doc(&c.id, Kind::Contact, &c.name);
            b.short_field(&c.name, Field::Title);
            let id_words = c.id.replace('-', " ");
            let topics = c.topics.iter().map(String::as_str);
            b.keywords(std::iter::once(id_words.as_str()).chain(topics));
            b.short_field(&c.description, Field::Summary);
            for extra in [
                Some(&c.region),
                c.notes.as_ref(),
                c.address.as_ref(),
                c.hours.as_ref(),
            ]
            .into_iter()
            .flatten()
            {
                b.long_field(extra);
            }
            b.end_doc();
        }
        b.finish(&kb.synonyms)
    }
}

/// A small, fast hasher for the build (word keys); the default one is made to resist attacks
/// that cannot happen on a local data file, and costs a third of the build.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A word seen during the build, by its temporary (first-seen) id.
struct WordBuild {
    word: Box<str>,
    display: Box<str>,
    postings: [Vec<u32>; 4],
}

#[derive(Default)]
struct Builder {
    ids: FxMap<Box<str>, u32>,
    words: Vec<WordBuild>,
    docs: Vec<Doc>,
    seq: Vec<u32>,
    title_ranges: Vec<(u32, u32)>,
    titles: Vec<Box<str>>,
    keywords: Vec<Box<str>>,
    folded: String,
}

impl Builder {
    fn doc(&self) -> u32 {
        self.docs.len() as u32 - 1
    }

    fn start_doc(&mut self, id: &str, kind: Kind, title: &str) {
        let at = self.seq.len() as u32;
        self.docs.push(Doc {
            id: id.into(),
            kind,
            title_len: title.chars().count() as u32,
            seq: [at; 4],
            ranges: self.title_ranges.len() as u32,
        });
    }

    fn end_doc(&mut self) {
        let end = self.seq.len() as u32;
        if let Some(d) = self.docs.last_mut() {
            d.seq[3] = end;
        }
    }

    /// Registers one occurrence of `word` in `field` of the current document.
    fn word(&mut self, word: &str, original: &str, field: Field) -> u32 {
        let id = if let Some(&id) = self.ids.get(word) {
            id
        } else {
            let id = self.words.len() as u32;
            self.ids.insert(word.into(), id);
            self.words.push(WordBuild {
                word: word.into(),
                display: original.to_lowercase().into(),
                postings: Default::default(),
            });
            id
        };
        let doc = self.doc();
        let w = &mut self.words[id as usize];
        let list = &mut w.postings[field as usize];
        if list.last() != Some(&doc) {
            list.push(doc);
        }
        // Prefer an accented spelling for display: "hébergeur" rather than "hebergeur".
        if w.display.is_ascii() && !original.is_ascii() {
            w.display = original.to_lowercase().into();
        }
        id
    }

    /// Title or summary: words, their sequence, and for the title the ranges and folded text.
    fn short_field(&mut self, text: &str, field: Field) {
        let mut folded = std::mem::take(&mut self.folded);
        folded.clear();
        for_each_token(text, |w, range| {
            let id = self.word(w, &text[range.clone()], field);
            self.seq.push(id);
            if field == Field::Title {
                self.title_ranges
                    .push((range.start as u32, range.end as u32));
                push_word(&mut folded, w);
            }
        });
        let at = self.seq.len() as u32;
        if let Some(d) = self.docs.last_mut() {
            let slot = if field == Field::Title { 1 } else { 3 };
            d.seq[slot] = at;
            if field == Field::Title {
                d.seq[2] = at;
                self.titles.push(folded.as_str().into());
            }
        }
        self.folded = folded;
    }

    fn keywords<'a>(&mut self, phrases: impl Iterator<Item = &'a str>) {
        let mut folded = std::mem::take(&mut self.folded);
        folded.clear();
        for (i, phrase) in phrases.enumerate() {
            if i > 0 {
                self.seq.push(SEP);
            }
            for_each_token(phrase, |w, range| {
                let id = self.word(w, &phrase[range], Field::Keywords);
                self.seq.push(id);
                push_word(&mut folded, w);
            });
        }
        self.keywords.push(folded.as_str().into());
        self.folded = folded;
        let at = self.seq.len() as u32;
        if let Some(d) = self.docs.last_mut() {
            d.seq[2] = at;
            d.seq[3] = at;
        }
    }

    /// Answer-like text: words only, without the targets of links (`[[id]]`, `](url)`).
    fn long_field(&mut self, text: &str) {
        for part in without_link_targets(text) {
            for_each_token(part, |w, range| {
                self.word(w, &part[range], Field::Answer);
            });
        }
    }

    fn finish(self, synonyms: &[Vec<String>]) -> Index {
        let mut order: Vec<u32> = (0..self.words.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            self.words[a as usize]
                .word
                .cmp(&self.words[b as usize].word)
        });
        let mut new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let n_docs = self.docs.len();
        let mut words: Vec<Option<WordBuild>> = self.words.into_iter().map(Some).collect();
        let mut vocab = Vocab::default();
        let mut postings = Vec::new();
        let mut offsets = Vec::with_capacity(order.len() * 4 + 1);
        for &old in &order {
            let Some(w) = words[old as usize].take() else {
                continue;
            };
            let df = document_frequency(&w.postings);
            for list in &w.postings {
                offsets.push(postings.len() as u32);
                postings.extend_from_slice(list);
            }
            vocab.push(w.word, w.display, df, n_docs);
        }
        offsets.push(postings.len() as u32);
        vocab.finish_lookups();
        let seq = self
            .seq
            .into_iter()
            .map(|id| if id == SEP { SEP } else { new_id[id as usize] })
            .collect();
        let synonyms = synonyms.iter().map(|g| resolve_group(g, &vocab)).collect();
        Index {
            docs: self.docs,
            vocab,
            postings,
            offsets,
            seq,
            title_ranges: self.title_ranges,
            titles: self.titles,
            keywords: self.keywords,
            synonyms,
        }
    }
}

impl Vocab {
    fn push(&mut self, word: Box<str>, display: Box<str>, df: u32, n_docs: usize) {
        #[allow(clippy::cast_precision_loss)] // document counts far below 2^24
        let idf = {
            let n = n_docs.max(1) as f32;
            let df = df as f32;
            let raw = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            0.4 + 0.6 * (raw / (1.0 + n).ln()).clamp(0.0, 1.0)
        };
        self.mask.push(letter_mask(&word));
        self.stop.push(is_stop_word(&word));
        self.words.push(word);
        self.display.push(display);
        self.df.push(df);
        self.idf.push(idf);
    }

    fn finish_lookups(&mut self) {
        self.by_len = vec![Vec::new(); typo::MAX_LEN + 1];
        for (id, w) in self.words.iter().enumerate() {
            if w.len() <= typo::MAX_LEN {
                self.by_len[w.len()].push(id as u32);
            }
        }
        self.stems = self
            .words
            .iter()
            .enumerate()
            .map(|(id, w)| (Box::from(stem(w)), id as u32))
            .collect();
        self.stems.sort_unstable();
    }
}

fn document_frequency(lists: &[Vec<u32>; 4]) -> u32 {
    let mut all: Vec<u32> = lists.iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    all.len() as u32
}

fn push_word(folded: &mut String, w: &str) {
    if !folded.is_empty() {
        folded.push(' ');
    }
    folded.push_str(w);
}

/// The parts of `text` outside `[[id]]` links and `](url)` targets.
fn without_link_targets(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let next = [rest.find("[["), rest.find("](")]
            .into_iter()
            .flatten()
            .min();
        let Some(at) = next else {
            parts.push(rest);
            return parts;
        };
        parts.push(&rest[..at]);
        let close = if rest[at..].starts_with("[[") {
            "]]"
        } else {
            ")"
        };
        match rest[at + 2..].find(close) {
            Some(end) => rest = &rest[at + 2 + end + close.len()..],
            None => return parts,
        }
    }
}

/// Folds a synonym group into members of meaningful words, resolved to vocabulary ids.
fn resolve_group(group: &[String], vocab: &Vocab) -> Vec<Member> {
    group
        .iter()
        .filter_map(|text| {
            let mut all = Vec::new();
            for_each_token(text, |w, _| all.push(Box::<str>::from(w)));
            let meaningful: Vec<Box<str>> =
                all.iter().filter(|w| !is_stop_word(w)).cloned().collect();
            let words = if meaningful.is_empty() {
                all
            } else {
                meaningful
            };
            if words.is_empty() {
                return None;
            }
            let ids = words.iter().map(|w| vocab.find(w)).collect();
            let stems = words.iter().map(|w| Box::from(stem(w))).collect();
            Some(Member {
                words,
                stems,
                ids,
                text: text.as_str().into(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_are_not_indexed() {
        let parts =
            without_link_targets("voir [[aide-juridique]] et [le site](https://x.be/a) fin");
        let text: String = parts.concat();
        assert!(!text.contains("juridique") && !text.contains("https"));
        assert!(text.contains("voir") && text.contains("le site") && text.contains("fin"));
        assert_eq!(without_link_targets("[[ouvert"), vec![""]);
    }
}
