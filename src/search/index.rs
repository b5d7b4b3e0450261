//! The index, built once from a knowledge base: a sorted vocabulary of folded words with their
//! document frequency, rarity, stems, letter masks and length buckets; postings (document, term
//! frequency) per word and field; each document's field lengths; the word sequences of the
//! short fields (for neighbours and highlights); and the data's synonym groups, word families
//! and colloquial forms, resolved to the vocabulary.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::expand::colloquial::{self, Rule};
use super::expand::distance::MAX_LEN;
use super::expand::stems::{is_stop_word, stem};
use super::fold::{for_each_token, letter_mask, tokenize};
use super::{FIELDS, Field, Kind};
use crate::kb::KnowledgeBase;

/// Marks the boundary between two phrases (keywords, `ask` items) in a word sequence.
pub const SEP: u32 = u32::MAX;

/// One searchable document: an entry or a contact.
pub struct Doc {
    pub id: Box<str>,
    pub kind: Kind,
    /// Length of the title in characters, for the tie-break (shorter first).
    pub title_len: u32,
    /// Length of each field in meaningful words (stop words left out).
    pub len: [u32; FIELDS],
    /// Offsets in [`Index::seq`] of the title, `ask`, keywords and summary, and their end.
    pub seq: [u32; 5],
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
    /// BM25 rarity: `ln(1 + (N - df + 0.5) / (df + 0.5))`.
    pub idf: Vec<f32>,
    /// Found in a title, `ask` or keywords.
    pub short: Vec<bool>,
    pub stop: Vec<bool>,
    /// Word ids by word length, for typo scans.
    pub by_len: Vec<Vec<u32>>,
    /// The distinct stems, sorted; the stem of each word; the words of each stem.
    pub stems: Vec<Box<str>>,
    pub stem_of: Vec<u32>,
    stem_words: Vec<u32>,
    stem_starts: Vec<u32>,
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

    pub fn find_stem(&self, s: &str) -> Option<u32> {
        self.stems
            .binary_search_by(|w| (**w).cmp(s))
            .ok()
            .map(|i| i as u32)
    }

    /// The words of stem `s`, in vocabulary order.
    pub fn with_stem(&self, s: u32) -> &[u32] {
        let s = s as usize;
        &self.stem_words[self.stem_starts[s] as usize..self.stem_starts[s + 1] as usize]
    }
}

/// A member of a synonym group: its meaningful folded words, their stems, and their ids in the
/// vocabulary (`None` when some word is not in the data in any form).
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
    /// (document, term frequency), grouped by word then field, by document.
    pub postings: Vec<(u32, u16)>,
    /// Start of the postings of (word, field) at `word * FIELDS + field`; one extra at the end.
    pub offsets: Vec<u32>,
    /// Mean length of each field over the documents.
    pub avg_len: [f32; FIELDS],
    /// Word ids of each document's title, `ask`, keywords and summary, in order.
    pub seq: Vec<u32>,
    /// Byte ranges in the original title of each title word.
    pub title_ranges: Vec<(u32, u32)>,
    pub synonyms: Vec<Vec<Member>>,
    /// Word families, as stems; and (stem, family), sorted, to find a stem's families.
    pub families: Vec<Vec<Box<str>>>,
    family_of: Vec<(Box<str>, u32)>,
    pub colloquial: Vec<Rule>,
}

impl Index {
    /// Documents containing word `id` in `field`, with the word's frequency there.
    pub fn postings(&self, id: u32, field: Field) -> &[(u32, u16)] {
        let at = id as usize * FIELDS + field as usize;
        &self.postings[self.offsets[at] as usize..self.offsets[at + 1] as usize]
    }

    /// The word sequence of `doc`'s short field (title, `ask`, keywords or summary).
    pub fn seq_of(&self, doc: u32, field: Field) -> &[u32] {
        let d = &self.docs[doc as usize];
        let f = (field as usize).min(3);
        &self.seq[d.seq[f] as usize..d.seq[f + 1] as usize]
    }

    /// The families whose stems include `s`.
    pub fn families_of<'a>(&'a self, s: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.family_of.partition_point(|(st, _)| &**st < s);
        self.family_of[start..]
            .iter()
            .take_while(move |(st, _)| &**st == s)
            .map(|&(_, f)| f)
    }

    pub fn build(kb: &KnowledgeBase) -> Self {
        let mut b = Builder::default();
        for e in &kb.entries {
            b.start_doc(&e.id, Kind::Faq, &e.title);
            b.short_field(Field::Title, std::iter::once(e.title.as_str()));
            b.short_field(Field::Ask, e.ask.iter().map(String::as_str));
            b.short_field(Field::Keywords, e.keywords.iter().map(String::as_str));
            b.short_field(Field::Summary, std::iter::once(e.summary.as_str()));
            b.long_field(&e.answer);
        }
        for c in &kb.contacts {
            b.start_doc(&c.id, Kind::Contact, &c.name);
            b.short_field(Field::Title, std::iter::once(c.name.as_str()));
            b.short_field(Field::Ask, c.ask.iter().map(String::as_str));
            let id_words = c.id.replace('-', " ");
            let topics = c.topics.iter().map(String::as_str);
            b.short_field(
                Field::Keywords,
                std::iter::once(id_words.as_str()).chain(topics),
            );
            b.short_field(Field::Summary, std::iter::once(c.description.as_str()));
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
        }
        b.finish(kb)
    }
}

/// A small, fast hasher for the build (word keys); the default one is made to resist attacks
/// that cannot happen on a local data file.
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
    stop: bool,
    display: Box<str>,
    postings: [Vec<(u32, u16)>; FIELDS],
}

#[derive(Default)]
struct Builder {
    ids: FxMap<Box<str>, u32>,
    words: Vec<WordBuild>,
    docs: Vec<Doc>,
    seq: Vec<u32>,
    title_ranges: Vec<(u32, u32)>,
}

impl Builder {
    fn start_doc(&mut self, id: &str, kind: Kind, title: &str) {
        let at = self.seq.len() as u32;
        self.docs.push(Doc {
            id: id.into(),
            kind,
            title_len: title.chars().count() as u32,
            len: [0; FIELDS],
            seq: [at; 5],
            ranges: self.title_ranges.len() as u32,
        });
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
                stop: is_stop_word(word),
                display: original.to_lowercase().into(),
                postings: Default::default(),
            });
            id
        };
        let doc = self.docs.len() as u32 - 1;
        let w = &mut self.words[id as usize];
        // Lengths count meaningful words: « Quels sont mes droits en tant qu'hébergeur ? » is
        // as short as « Droits de l'hébergeur ».
        if let Some(d) = self.docs.last_mut()
            && !w.stop
        {
            d.len[field as usize] += 1;
        }
        let list = &mut w.postings[field as usize];
        match list.last_mut() {
            Some((d, tf)) if *d == doc => *tf = tf.saturating_add(1),
            _ => list.push((doc, 1)),
        }
        // Prefer an accented spelling for display: "hébergeur" rather than "hebergeur".
        if w.display.is_ascii() && !original.is_ascii() {
            w.display = original.to_lowercase().into();
        }
        id
    }

    /// A short field (one or several phrases): words, their sequence, and for the title the
    /// byte ranges of its words.
    fn short_field<'a>(&mut self, field: Field, phrases: impl Iterator<Item = &'a str>) {
        for (i, phrase) in phrases.enumerate() {
            if i > 0 {
                self.seq.push(SEP);
            }
            for_each_token(phrase, |w, range| {
                let id = self.word(w, &phrase[range.clone()], field);
                self.seq.push(id);
                if field == Field::Title {
                    self.title_ranges
                        .push((range.start as u32, range.end as u32));
                }
            });
        }
        let at = self.seq.len() as u32;
        if let Some(d) = self.docs.last_mut() {
            for slot in &mut d.seq[field as usize + 1..] {
                *slot = at;
            }
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

    fn finish(self, kb: &KnowledgeBase) -> Index {
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
        let mut offsets = Vec::with_capacity(order.len() * FIELDS + 1);
        for &old in &order {
            let Some(w) = words[old as usize].take() else {
                continue;
            };
            let df = document_frequency(&w.postings);
            let short = w.postings[..3].iter().any(|l| !l.is_empty());
            for list in &w.postings {
                offsets.push(postings.len() as u32);
                postings.extend_from_slice(list);
            }
            vocab.push(w.word, w.display, df, n_docs, short, w.stop);
        }
        offsets.push(postings.len() as u32);
        vocab.finish_lookups();
        let seq = self
            .seq
            .into_iter()
            .map(|id| if id == SEP { SEP } else { new_id[id as usize] })
            .collect();
        let mut avg_len = [0.0f32; FIELDS];
        for d in &self.docs {
            for (a, &l) in avg_len.iter_mut().zip(&d.len) {
                #[allow(clippy::cast_precision_loss)] // word counts
                let l = l as f32;
                *a += l;
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let n = n_docs.max(1) as f32;
        for a in &mut avg_len {
            *a = (*a / n).max(1.0);
        }
        let synonyms = kb
            .synonyms
            .iter()
            .map(|g| resolve_group(g, &vocab))
            .collect();
        let families: Vec<Vec<Box<str>>> = kb
            .families
            .iter()
            .map(|g| {
                let mut s: Vec<Box<str>> = g
                    .iter()
                    .flat_map(|w| tokenize(w))
                    .map(|t| stem(&t.word).into())
                    .collect();
                s.sort();
                s.dedup();
                s
            })
            .collect();
        let mut family_of: Vec<(Box<str>, u32)> = families
            .iter()
            .enumerate()
            .flat_map(|(f, g)| g.iter().map(move |s| (s.clone(), f as u32)))
            .collect();
        family_of.sort();
        family_of.dedup();
        Index {
            docs: self.docs,
            vocab,
            postings,
            offsets,
            avg_len,
            seq,
            title_ranges: self.title_ranges,
            synonyms,
            families,
            family_of,
            colloquial: colloquial::rules(&kb.colloquial),
        }
    }
}

impl Vocab {
    fn push(
        &mut self,
        word: Box<str>,
        display: Box<str>,
        df: u32,
        n_docs: usize,
        short: bool,
        stop: bool,
    ) {
        #[allow(clippy::cast_precision_loss)] // document counts far below 2^24
        let idf = {
            let (n, df) = (n_docs as f32, df as f32);
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        };
        self.mask.push(letter_mask(&word));
        self.stop.push(stop);
        self.short.push(short);
        self.words.push(word);
        self.display.push(display);
        self.df.push(df);
        self.idf.push(idf);
    }

    fn finish_lookups(&mut self) {
        self.by_len = vec![Vec::new(); MAX_LEN + 1];
        for (id, w) in self.words.iter().enumerate() {
            if w.len() <= MAX_LEN {
                self.by_len[w.len()].push(id as u32);
            }
        }
        let mut pairs: Vec<(Box<str>, u32)> = self
            .words
            .iter()
            .enumerate()
            .map(|(id, w)| (Box::from(stem(w)), id as u32))
            .collect();
        pairs.sort_unstable();
        self.stem_of = vec![0; self.words.len()];
        for (s, id) in pairs {
            if self.stems.last() != Some(&s) {
                self.stems.push(s);
                self.stem_starts.push(self.stem_words.len() as u32);
            }
            self.stem_of[id as usize] = self.stems.len() as u32 - 1;
            self.stem_words.push(id);
        }
        self.stem_starts.push(self.stem_words.len() as u32);
    }
}

fn document_frequency(lists: &[Vec<(u32, u16)>; FIELDS]) -> u32 {
    let mut all: Vec<u32> = lists.iter().flatten().map(|&(d, _)| d).collect();
    all.sort_unstable();
    all.dedup();
    all.len() as u32
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

/// Folds a synonym group into members of meaningful words, resolved to vocabulary ids (the
/// word itself, else the most common word of its stem).
fn resolve_group(group: &[String], vocab: &Vocab) -> Vec<Member> {
    group
        .iter()
        .filter_map(|text| {
            let all: Vec<Box<str>> = tokenize(text).into_iter().map(|t| t.word.into()).collect();
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
            let stems: Vec<Box<str>> = words.iter().map(|w| Box::from(stem(w))).collect();
            let ids = words
                .iter()
                .zip(&stems)
                .map(|(w, s)| {
                    vocab.find(w).or_else(|| {
                        let s = vocab.find_stem(s)?;
                        vocab
                            .with_stem(s)
                            .iter()
                            .copied()
                            .max_by_key(|&id| vocab.df[id as usize])
                    })
                })
                .collect();
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
