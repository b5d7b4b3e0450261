//! Stage 3: from the query's words to what they can match. In order: colloquial forms are
//! rewritten ([`colloquial`]), stop words dropped unless nothing else is left ([`stems`]), then
//! each remaining term reaches vocabulary words — exactly, by stem, through a word family of
//! the data, as a prefix, with a glued elision undone (`lhebergeur`), glued to its neighbour
//! (`police watch`), and only when the data does not know it in any form and it is not a French
//! word ([`lexicon`]), through typos or as part of a longer word ([`typos`]). Synonym groups
//! give alternatives for whole terms ([`synonyms`]).

pub mod colloquial;
pub mod distance;
pub mod lexicon;
pub mod stems;
pub mod synonyms;
pub mod typos;

use super::MatchKind;
use super::fold::unglue_elision;
use super::index::Index;
use super::tokens::Word;
pub use synonyms::Alternative;

/// Most query terms scored; the rest are ignored.
pub const MAX_TERMS: usize = 12;
/// Most words a prefix reaches (the first in alphabetical order).
pub const MAX_PREFIXED: usize = 64;

/// Weights of each kind of match, before field weights and rarity.
pub mod weight {
    pub const EXACT: f32 = 1.0;
    pub const PLURAL: f32 = 0.97;
    pub const STEM: f32 = 0.85;
    pub const ELISION: f32 = 0.95;
    pub const GLUED: f32 = 0.9;
    pub const FAMILY: f32 = 0.75;
    pub const SYNONYM: f32 = 0.5;
    pub const TYPO_1: f32 = 0.4;
    pub const TYPO_2: f32 = 0.3;
    pub const TYPO_PREFIX: f32 = 0.3;
    pub const PART: f32 = 0.3;
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
}

/// Runs the stage on the query's words.
pub fn expand(index: &Index, words: &[Word]) -> Expanded {
    let rewritten = colloquial::rewrite(&index.colloquial, words, |w| {
        !index.vocab.prefixed(w).is_empty()
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
    let keep_all = rewritten.iter().all(|r| stems::is_stop_word(&r.word.text));
    for r in rewritten {
        if !keep_all && stems::is_stop_word(&r.word.text) {
            let id = index.vocab.find(&r.word.text);
            phrase = phrase.zip(id).map(|(mut p, id)| {
                p.push(PhraseWord::Word(id));
                p
            });
            out.dropped.push(r.word.text);
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
    for i in 0..out.terms.len() {
        let (known, expansions) = reach(index, &out.terms, i);
        out.terms[i].known = known;
        out.terms[i].expansions = expansions;
    }
    out.phrase = phrase;
    out.alternatives = synonyms::alternatives(index, &out.terms);
    // A word that is a member of a synonym group is known, even if the data never uses it.
    for a in &out.alternatives {
        for t in &mut out.terms[a.covers.clone()] {
            if t.known == Known::Unknown && t.expansions.iter().all(|e| e.kind >= MatchKind::Typo) {
                t.expansions.clear();
                t.known = Known::French;
            }
        }
    }
    out
}

/// What term `i` reaches.
fn reach(index: &Index, terms: &[Term], i: usize) -> (Known, Vec<Expansion>) {
    let term = &terms[i];
    let t = term.text.as_str();
    let mut out = Vec::new();
    words_of(index, t, &term.stem, 1.0, &mut out);
    for (a, b) in [(i.wrapping_sub(1), i), (i, i + 1)] {
        if let (Some(x), Some(y)) = (terms.get(a), terms.get(b))
            && let Some(id) = index.vocab.find(&format!("{}{}", x.text, y.text))
        {
            add(&mut out, id, MatchKind::Glued, weight::GLUED, true);
        }
    }
    let in_data = !out.is_empty();
    let french = !in_data && lexicon::is_french(t, &term.stem);
    if !in_data
        && !french
        && let Some(rest) = unglue_elision(t)
    {
        words_of(index, rest, &stems::stem(rest), weight::ELISION, &mut out);
    }
    // Prefixes: of the word being typed, or of a word that is no word.
    if term.typing || (out.is_empty() && !french && t.len() >= 3) {
        let base: (f32, f32) = match (term.typing, in_data, french) {
            (true, _, true) => (0.2, 0.2),
            (true, true, false) => (0.45, 0.35),
            (true, false, false) => (0.5, 0.4),
            (false, ..) => (0.4, 0.3),
        };
        let range = index.vocab.prefixed(t);
        for id in range.take(MAX_PREFIXED) {
            #[allow(clippy::cast_precision_loss)] // word lengths
            let typed = t.len() as f32 / index.vocab.words[id as usize].len() as f32;
            add(
                &mut out,
                id,
                MatchKind::Prefix,
                base.0 + base.1 * typed,
                t.len() < 3,
            );
        }
    }
    let known = if !out.is_empty() {
        Known::Data
    } else if french {
        Known::French
    } else {
        Known::Unknown
    };
    if known == Known::Unknown {
        typos::typos(index, t, term.typing, &mut out);
        if out.is_empty() {
            typos::parts(index, t, &mut out);
        }
    }
    (known, out)
}

/// The exact word, the words of the same stem, and those of the same family, scaled.
fn words_of(index: &Index, t: &str, stem: &str, scale: f32, out: &mut Vec<Expansion>) {
    let vocab = &index.vocab;
    if let Some(id) = vocab.find(t) {
        add(out, id, MatchKind::Exact, weight::EXACT * scale, false);
    }
    // A stem of three letters or less cut from a longer word (`delit` → `del`) joins unrelated
    // words (`délai`, `delà`): it joins only words that begin with the other, but for a final
    // `e`, `s` or `x` (`loge`: `loger`, `logement`).
    let short = stem.len() < 4 && t.len() > stem.len();
    let bare = |w: &'_ str| -> String {
        let w = w.trim_end_matches(['s', 'x']);
        w.strip_suffix('e').unwrap_or(w).to_owned()
    };
    let bare_t = bare(t);
    for id in vocab.with_stem(stem) {
        let w = &*vocab.words[id as usize];
        let plural = w.trim_end_matches(['s', 'x']) == t.trim_end_matches(['s', 'x']);
        if short && !plural && !w.starts_with(&bare_t) && !t.starts_with(&bare(w)) {
            continue;
        }
        let wt = if plural { weight::PLURAL } else { weight::STEM };
        add(out, id, MatchKind::Stem, wt * scale, false);
    }
    family(index, stem, scale, out);
}

/// Words of the data in the families of `stem`.
fn family(index: &Index, stem: &str, scale: f32, out: &mut Vec<Expansion>) {
    for fam in index.families_of(stem) {
        for s in &index.families[fam as usize] {
            for id in index.vocab.with_stem(s) {
                add(out, id, MatchKind::Family, weight::FAMILY * scale, false);
            }
        }
    }
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
