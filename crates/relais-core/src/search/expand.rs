//! Stage 3: from the query's words to its terms. Colloquial forms are rewritten
//! ([`colloquial`]), stop words dropped unless nothing else is left ([`stems`]), each term
//! stemmed; the query's phrase (stop words included) is kept for the phrase bonus. The types
//! here also carry what the next stage, [`super::matching`], finds for each term: the
//! vocabulary words it reaches ([`Expansion`]) and the synonym alternatives ([`Alternative`]).

pub mod colloquial;
pub mod lexicon;
pub mod stems;

use super::MatchKind;
use super::fold::unglue_elision;
use super::index::Index;
use super::tokens::Word;
use super::weights::MAX_TERMS;

/// Another member of a synonym group standing for some consecutive query terms: every word in
/// `ids` must be in the document.
#[derive(Debug, Clone)]
pub struct Alternative {
    /// The query terms it stands for.
    pub covers: std::ops::Range<usize>,
    pub ids: Vec<u32>,
    pub weight: f32,
    /// (group, member) in `Index::synonyms`, for explanations.
    pub member: (u16, u16),
}

/// What the data and the word list know of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// The data holds it in some form (exact, stem, family, prefix of a word, glued).
    Data,
    /// Not in the data, but a French word: never corrected.
    French,
    /// Neither: typos and parts of words are tried.
    Unknown,
}

/// One vocabulary word a term reaches, and how well.
#[derive(Debug, Clone, Copy)]
pub struct Expansion {
    pub id: u32,
    pub kind: MatchKind,
    /// Share of the points of the word itself (1.0 for an exact word).
    pub weight: f32,
    /// Only counted in titles, `ask` and keywords (short prefixes, typos while typing, parts).
    pub short_only: bool,
}

/// A meaningful word of the query and what it reaches.
#[derive(Debug, Clone)]
pub struct Term {
    pub text: String,
    pub stem: String,
    pub typing: bool,
    /// The colloquial rule it comes from, as an index into `Index::colloquial`.
    pub rule: Option<u16>,
    pub known: Known,
    pub expansions: Vec<Expansion>,
}

/// One word of the query's phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseWord {
    /// A stop word: this vocabulary word.
    Word(u32),
    /// Term `i`: a word it reaches exactly, by stem or family, or with a typo.
    Term(usize),
}

impl Term {
    /// True when this term reaches vocabulary word `id` as written or with a typo.
    pub fn accepts(&self, id: u32) -> bool {
        self.expansions
            .iter()
            .any(|e| e.id == id && e.kind <= MatchKind::Typo && e.kind != MatchKind::Prefix)
    }
}

/// The query after this stage.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    pub terms: Vec<Term>,
    pub alternatives: Vec<Alternative>,
    /// Stop words left out.
    pub dropped: Vec<String>,
    /// Colloquial rules applied, as indexes into `Index::colloquial`.
    pub rules: Vec<u16>,
    /// Every word of the query, stop words included, when there are two or more: the phrase a
    /// title or an `ask` may hold as it is (a term may be found with a typo there).
    pub phrase: Option<Vec<PhraseWord>>,
    /// Every word of the query is a stop word (`que faire`): they are scored, since nothing
    /// else is left, but no hit can be a sure answer to them.
    pub only_common: bool,
}

/// Runs the stage on the query's words (the terms reach nothing yet: see [`super::matching`]).
pub fn expand(index: &Index, words: &[Word]) -> Expanded {
    // A form the data also holds as it is (`qqn` in an `ask`) is still read as its words: only a
    // longer word of the data that it begins keeps it as typed.
    let rewritten = colloquial::rewrite(&index.colloquial, words, |w| {
        index
            .vocab
            .prefixed(w)
            .any(|id| &*index.vocab.words[id as usize] != w)
    });
    let mut out = Expanded::default();
    for r in &rewritten {
        if let Some(rule) = r.rule
            && !out.rules.contains(&rule)
        {
            out.rules.push(rule);
        }
    }
    let mut phrase: Option<Vec<PhraseWord>> = (rewritten.len() >= 2).then(Vec::new);
    // A stop word, or one glued to its elided pronoun or article (`lont`, `jai`) that the data
    // and the word list do not know.
    let stop = |w: &str| {
        stems::is_stop_word(w)
            || (index.vocab.find(w).is_none()
                && !lexicon::is_french(w, &stems::stem(w))
                && unglue_elision(w).is_some_and(stems::is_stop_word))
    };
    let keep_all = rewritten.iter().all(|r| stop(&r.word.text));
    out.only_common = keep_all && !rewritten.is_empty();
    for r in rewritten {
        if !keep_all && stop(&r.word.text) {
            let id = index.vocab.find(&r.word.text);
            phrase = phrase.zip(id).map(|(mut p, id)| {
                p.push(PhraseWord::Word(id));
                p
            });
            out.dropped.push(r.word.text);
            continue;
        }
        // A word said twice (`combien de temps ... pendant ce temps`) is one term: the query
        // asks about it once.
        if let Some(j) = out.terms.iter().position(|t| t.text == r.word.text) {
            phrase = phrase.map(|mut p| {
                p.push(PhraseWord::Term(j));
                p
            });
            continue;
        }
        phrase = phrase.filter(|_| out.terms.len() < MAX_TERMS).map(|mut p| {
            p.push(PhraseWord::Term(out.terms.len()));
            p
        });
        if out.terms.len() < MAX_TERMS {
            out.terms.push(Term {
                stem: stems::stem(&r.word.text),
                text: r.word.text,
                typing: r.word.typing,
                rule: r.rule,
                known: Known::Unknown,
                expansions: Vec::new(),
            });
        }
    }
    out.phrase = phrase;
    out
}

/// Adds or upgrades the expansion of word `id`.
pub fn add(out: &mut Vec<Expansion>, id: u32, kind: MatchKind, weight: f32, short_only: bool) {
    let e = Expansion {
        id,
        kind,
        weight,
        short_only,
    };
    match out.iter_mut().find(|e| e.id == id) {
        Some(old) if weight > old.weight => *old = e,
        Some(_) => {}
        None => out.push(e),
    }
}
