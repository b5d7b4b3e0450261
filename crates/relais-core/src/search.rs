//! Forgiving search over entries and contacts, behind a narrow API: [`SearchIndex::new`] once
//! at load, [`SearchIndex::search`] at each keystroke, [`SearchIndex::suggest`] and
//! [`SearchIndex::fallback_contacts`] when nothing is found.
//!
//! A query runs through one pipeline, in one direction, a module per stage:
//!
//! 1. the query: [`fold`] (NFC, case, accents, ligatures, apostrophes), then [`tokens`] (its
//!    words, the one being typed);
//! 2. [`expand`]: colloquial forms read as words, stop words dropped, stems;
//! 3. [`matching`]: what each term reaches in the vocabulary (exact word, stem, word family,
//!    prefix, glued words, and typos only for words neither the data nor French knows, as
//!    [`typo`] decides), and the synonym alternatives;
//! 4. `score`: BM25F (field weights title > ask > keywords > summary > answer, length
//!    normalisation, rarity);
//! 5. `rank`: neighbouring words, the whole phrase, coverage, order, and the confidence of the
//!    first hit;
//! 6. [`explain`]: highlights, reasons, and what each stage made of the query.
//!
//! Beside the pipeline: `index` (built once at load), [`weights`] (every tunable, which the
//! phone page reads too), [`typo`] (when a word may be corrected, for matching and
//! suggestions), `suggest` ("Vouliez-vous dire") and [`page`] (the index as the phone page's
//! script reads it).

// The pipeline, in order (one stage per group, so that rustfmt keeps the order).
/// Folding and word splitting live with the data's text rules (`kb::fold`): the validator
/// uses them too, and `kb` never imports `search`.
pub use crate::kb::fold;
pub mod tokens;

pub mod expand;

pub mod matching;

mod score;

mod rank;

pub mod explain;

// Beside it.
mod index;
pub(crate) use index::PostingsSeen;
pub mod lang;
pub mod page;
mod suggest;
pub mod typo;
pub mod weights;

/// The knowledge base of one data file `kb.yaml` holding `text`, valid on 27 November 2026, for
/// the search's tests.
#[cfg(test)]
pub(crate) fn one_file_kb(text: impl Into<String>) -> KnowledgeBase {
    let files = [crate::kb::SourceFile {
        name: "kb.yaml".into(),
        text: text.into(),
    }];
    crate::kb::validate::validate(&files, jiff::civil::date(2026, 11, 27))
        .expect("valid")
        .0
}

use std::ops::Range;
use std::sync::{Mutex, TryLockError};

use serde::{Deserialize, Serialize};

use crate::kb::KnowledgeBase;
pub use expand::stems::{is_stop_word, stem};
pub use explain::Pipeline;

/// Number of fields a word can be found in.
pub const FIELDS: usize = 5;

/// What a hit points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Faq,
    Contact,
}

/// The fields a word can be found in, strongest first. For contacts: name, `ask`, topics,
/// description, then the rest (region, notes, address, hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Ask,
    Keywords,
    Summary,
    Answer,
}

impl Field {
    /// Every field, strongest first.
    pub const ALL: [Self; FIELDS] = [
        Self::Title,
        Self::Ask,
        Self::Keywords,
        Self::Summary,
        Self::Answer,
    ];

    /// The BM25F weight of the field.
    #[must_use]
    pub fn weight(self) -> f32 {
        weights::FIELD_WEIGHT[self as usize]
    }

    /// The field's name in French, for explanations.
    #[must_use]
    pub fn label(self, kind: Kind) -> &'static str {
        match (self, kind) {
            (Self::Title, Kind::Faq) => "titre",
            (Self::Title, Kind::Contact) => "nom",
            (Self::Ask, _) => "autres formulations",
            (Self::Keywords, Kind::Faq) => "mots-clés",
            (Self::Keywords, Kind::Contact) => "thèmes",
            (Self::Summary, Kind::Faq) => "résumé",
            (Self::Summary, Kind::Contact) => "description",
            (Self::Answer, Kind::Faq) => "réponse",
            (Self::Answer, Kind::Contact) => "coordonnées",
        }
    }
}

/// How a query word matched, strongest first; the last two are bonuses, not word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The same word once folded (`hebergeur` = `hébergeur`).
    Exact,
    /// The same stem (Snowball French): `hébergement` = `héberger`.
    Stem,
    /// A word of the same family in the data (`scolarisation` → `scolarité`).
    Family,
    /// Two query words the data writes as one (`police watch` → `PoliceWatch`).
    Glued,
    /// The beginning of a word (`héberg` → `hébergement`).
    Prefix,
    /// A word one or two edits away (`herbergeur` → `hébergeur`).
    Typo,
    /// A word of the same synonym group in the data (`flic` → `police`).
    Synonym,
    /// Part of a longer word of a title or keywords (`watch` → `policewatch`).
    Part,
    /// Bonus: two query words next to each other in a field.
    Adjacent,
    /// Bonus: the whole query, word for word, in the title or an `ask`.
    Phrase,
}

impl MatchKind {
    /// The kind's name in French, for explanations.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Exact => "mot exact",
            Self::Stem => "même racine",
            Self::Family => "même famille de mots",
            Self::Glued => "mots collés",
            Self::Prefix => "début de mot",
            Self::Typo => "faute de frappe",
            Self::Synonym => "synonyme",
            Self::Part => "partie de mot",
            Self::Adjacent => "mots voisins",
            Self::Phrase => "la requête mot pour mot",
        }
    }
}

/// Why a hit scored: one query word, the word it matched, where and how, and the points earned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub query_word: String,
    pub matched: String,
    pub field: Field,
    pub kind: MatchKind,
    pub points: f32,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: Kind,
    pub score: f32,
    /// Byte ranges of the matched words in the original title (or contact name), sorted.
    pub positions: Vec<Range<usize>>,
    pub reasons: Vec<Reason>,
    /// How many of the query's meaningful words this hit matches...
    pub matched: usize,
    /// ...out of how many.
    pub words: usize,
    /// The factor the score was multiplied by for the share of the query matched (0 to 1).
    pub coverage: f32,
    /// Found through a translation: the language that matched (`en`, `ar`…), see [`lang`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_lang: Option<&'static str>,
}

/// The hits of a query, and whether the first one is a sure answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Why the first hit is not a sure answer (only typos or synonyms matched, or it matches
    /// far less than a real answer would); `None` when it is.
    pub doubt: Option<&'static str>,
}

impl Results {
    /// True when the first hit can be shown as the answer.
    #[must_use]
    pub fn sure(&self) -> bool {
        self.doubt.is_none() && !self.hits.is_empty()
    }
}

/// Hits returned by [`SearchIndex::query`] at most.
pub const DEFAULT_LIMIT: usize = 100;

/// Options of [`SearchIndex::query_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryOptions {
    /// Most hits returned (the best ones).
    pub limit: usize,
    /// Only hits of this kind.
    pub kind: Option<Kind>,
}

impl Default for QueryOptions {
    fn default() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            kind: None,
        }
    }
}

/// The index, built once from a knowledge base, or loaded from its compiled form
/// ([`crate::compiled`]).
#[derive(Serialize, Deserialize)]
pub struct SearchIndex {
    index: index::Index,
    /// The translations, searched apart ([`lang`]); a part of its own in the compiled form.
    #[serde(skip)]
    lang: lang::LangIndex,
    fallback: Vec<String>,
    /// Buffers reused from one query to the next (a fresh set is used if they are busy).
    #[serde(skip)]
    scratch: Mutex<score::Scratch>,
}

impl SearchIndex {
    /// Builds the index of `kb`'s entries and contacts.
    #[must_use]
    pub fn new(kb: &KnowledgeBase) -> Self {
        Self {
            index: index::Index::build(kb),
            lang: lang::LangIndex::build(kb),
            fallback: kb.meta.fallback_contacts.clone(),
            scratch: Mutex::new(score::Scratch::default()),
        }
    }

    /// An index of nothing: what the interface holds while the real one is still being
    /// decoded ([`crate::compiled::Back`]). It finds nothing.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            index: index::Index::default(),
            lang: lang::LangIndex::default(),
            fallback: Vec::new(),
            scratch: Mutex::new(score::Scratch::default()),
        }
    }

    /// Computes every stem now (otherwise each is computed on first use), so that the
    /// compiled form holds them all and a loaded index never stems a vocabulary word.
    pub fn stem_all(&self) {
        for id in 0..self.index.vocab.words.len() {
            self.index.vocab.stem_of(id as u32);
        }
    }

    /// Number of indexed documents.
    #[must_use]
    pub fn len(&self) -> usize {
        self.index.docs.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.index.docs.is_empty()
    }

    /// The contacts to show when nothing is found, as the data names them.
    #[must_use]
    pub fn fallback_contacts(&self) -> &[String] {
        &self.fallback
    }

    /// Searches `query`, best first, at most [`DEFAULT_LIMIT`] hits.
    #[must_use]
    pub fn query(&self, query: &str) -> Vec<Hit> {
        self.search(query, QueryOptions::default()).hits
    }

    /// Searches `query` with a limit and a kind filter.
    #[must_use]
    pub fn query_with(&self, query: &str, opts: QueryOptions) -> Vec<Hit> {
        self.search(query, opts).hits
    }

    /// Searches `query`: the hits and the confidence of the first one.
    #[must_use]
    pub fn search(&self, query: &str, opts: QueryOptions) -> Results {
        match self.scratch.try_lock() {
            Ok(mut scratch) => self.run(&mut scratch, query, opts),
            Err(TryLockError::Poisoned(p)) => self.run(&mut p.into_inner(), query, opts),
            Err(TryLockError::WouldBlock) => self.run(&mut score::Scratch::default(), query, opts),
        }
    }

    fn run(&self, scratch: &mut score::Scratch, query: &str, opts: QueryOptions) -> Results {
        // The translations are weighed against the French hits of one pool, whatever the
        // limit asked for, so that `--limit 5` shows the first five of the full list (and the
        // phone page, which fuses the same pool, the same first answer).
        let pool = if self.lang.is_empty() {
            opts
        } else {
            QueryOptions {
                limit: opts.limit.max(DEFAULT_LIMIT),
                ..opts
            }
        };
        let french = self.run_french(scratch, query, pool);
        let mut out = self.with_translations(french, query, opts);
        out.hits.truncate(opts.limit);
        out
    }

    fn run_french(&self, scratch: &mut score::Scratch, query: &str, opts: QueryOptions) -> Results {
        let q = self.prepare(query);
        if q.terms.is_empty() {
            return Results {
                hits: Vec::new(),
                doubt: Some("rien ne correspond"),
            };
        }
        score::score(&self.index, scratch, &q);
        let importance = rank::importance(&self.index, &q);
        score::contacts(&self.index, scratch, &importance);
        let ranked = rank::rank(&self.index, scratch, &importance, &q, opts);
        let doubt = rank::doubt(ranked.first(), scratch, &importance, q.only_common);
        Results {
            hits: ranked
                .iter()
                .map(|c| explain::hit(&self.index, scratch, &q, c))
                .collect(),
            doubt,
        }
    }

    /// What each stage of the pipeline makes of `query`.
    #[must_use]
    pub fn explain(&self, query: &str) -> Pipeline {
        let words = tokens::words(query);
        let texts: Vec<String> = words.iter().map(|w| w.text.clone()).collect();
        let mut q = expand::expand(&self.index, &words);
        matching::matching(&self.index, &mut q);
        explain::pipeline(&self.index, query, &texts, &q)
    }

    /// Corrections for the query words that match nothing, in their original spelling
    /// ("Vouliez-vous dire : hébergeur ?"), most likely first.
    #[must_use]
    pub fn suggest(&self, query: &str) -> Vec<String> {
        suggest::suggest(&self.index, &self.prepare(query))
    }

    /// Stages 1 to 3: the query's terms and what they reach.
    fn prepare(&self, query: &str) -> expand::Expanded {
        let mut q = expand::expand(&self.index, &tokens::words(query));
        matching::matching(&self.index, &mut q);
        q
    }

    /// What the phone page's script needs to search like this index.
    #[must_use]
    pub fn page(&self) -> page::PageIndex {
        page::PageIndex::new(&self.index, &self.lang)
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("documents", &self.index.docs.len())
            .field("words", &self.index.vocab.words.len())
            .finish_non_exhaustive()
    }
}
