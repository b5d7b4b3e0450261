//! Building the [`Index`] once from a knowledge base: every field's words with their
//! frequencies and sequences, then the sorted vocabulary, its lookups, and the data's synonym
//! groups, families and colloquial forms resolved to it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::super::expand::colloquial;
use super::super::expand::stems::{is_stop_word, rarity_share, stem};
use super::super::fold::{for_each_token, letter_mask, tokenize};
use super::super::weights::{IDF_MAX, TYPO_MAX_LEN as MAX_LEN};
use super::super::{FIELDS, Field, Kind};
use super::{Index, IndexDoc, Member, SEP, Vocab};
use crate::kb::KnowledgeBase;

impl Index {
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
            // « CPVS de Liège — Centre de prise en charge des violences sexuelles »: the name is
            // before the dash; what follows says what the contact does, like its topics.
            let (name, what) = split_name(&c.name);
            b.short_field(Field::Title, std::iter::once(name));
            b.short_field(Field::Ask, c.ask.iter().map(String::as_str));
            let id_words = c.id.replace('-', " ");
            let topics = c.topics.iter().map(String::as_str);
            b.short_field(
                Field::Keywords,
                what.into_iter()
                    .chain(std::iter::once(id_words.as_str()))
                    .chain(topics),
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
    docs: Vec<IndexDoc>,
    seq: Vec<u32>,
    title_ranges: Vec<(u32, u32)>,
}

impl Builder {
    fn start_doc(&mut self, id: &str, kind: Kind, title: &str) {
        let at = self.seq.len() as u32;
        self.docs.push(IndexDoc {
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
            postings: super::posting_bytes(&postings),
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
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            (idf * rarity_share(&word)).min(IDF_MAX)
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
        self.stems = std::iter::repeat_with(std::sync::OnceLock::new)
            .take(self.words.len())
            .collect();
    }
}

fn document_frequency(lists: &[Vec<(u32, u16)>; FIELDS]) -> u32 {
    let mut all: Vec<u32> = lists.iter().flatten().map(|&(d, _)| d).collect();
    all.sort_unstable();
    all.dedup();
    all.len() as u32
}

/// A contact's name and, after a dash, what it does (`None` without a dash).
fn split_name(name: &str) -> (&str, Option<&str>) {
    match name.split_once(" — ") {
        Some((name, what)) if !name.trim().is_empty() => (name, Some(what)),
        _ => (name, None),
    }
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
                    vocab
                        .find(w)
                        .or_else(|| vocab.with_stem(s).max_by_key(|&id| vocab.df[id as usize]))
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
