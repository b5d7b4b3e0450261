//! Scoring a query against the index, best first.
//!
//! Each query term keeps, per document, its best match: field weight × kind weight × rarity of
//! the word. A document's score is the sum over terms, plus bonuses for query words that are
//! neighbours in a short field and for the whole query found nearly contiguous in the title
//! (computed only for documents whose bound could still reach the top), times its coverage
//! squared (the share of the query's weight that it matches), so that
//! documents matching more of the query rank above those matching fewer. Ties go to the shorter
//! title, then the id. Buffers live in a [`Scratch`] reused from one keystroke to the next:
//! nothing is allocated per document.

use std::cmp::Ordering;

use super::fuzzy::Fuzzy;
use super::index::{Index, SEP};
use super::terms::{self, Alternative, Expansion, Term, weight};
use super::{Field, Hit, MatchKind, QueryOptions, Reason};

const NONE: u32 = u32::MAX;
/// Share of a field's weight earned by two query words that are neighbours in it.
const ADJACENT: f32 = 0.5;
/// Bonus per query word when the whole query is found nearly contiguous in the title.
const PHRASE: f32 = 2.0;
/// Coverage is raised to this power.
const COVERAGE_POWER: i32 = 2;

/// Share of a term's points in its other fields that adds to its best field: a word found in
/// the title, the keywords and the summary says more than one found in the title alone.
const OTHER_FIELDS: f32 = 0.25;

/// The matches of one term in one document: the best per field, and what the best one was.
#[derive(Clone, Copy)]
struct Slot {
    by_field: [f32; 4],
    /// The best match's points.
    points: f32,
    /// Vocabulary word, or [`NONE`] for a fuzzy match.
    id: u32,
    field: Field,
    kind: MatchKind,
    /// (group, member) of a synonym, as an index into [`Index::synonyms`].
    member: (u16, u16),
}

const EMPTY: Slot = Slot {
    by_field: [0.0; 4],
    points: 0.0,
    id: NONE,
    field: Field::Answer,
    kind: MatchKind::Exact,
    member: (u16::MAX, u16::MAX),
};

/// A document that may be returned, with its score.
#[derive(Clone, Copy)]
struct Candidate {
    score: f32,
    /// Index in [`Scratch::touched`].
    at: u32,
}

/// Buffers reused across queries.
#[derive(Default)]
pub struct Scratch {
    /// Per document: its index in `touched`, or [`NONE`].
    slot_of: Vec<u32>,
    /// Documents matched by some term, in the order first met.
    touched: Vec<u32>,
    /// `terms` slots per touched document.
    slots: Vec<Slot>,
    /// Per touched document: phrase and adjacency bonus, and the phrase part alone.
    bonus: Vec<f32>,
    phrase: Vec<f32>,
    /// Per vocabulary word: bit `i` set when term `i` reaches it.
    vmask: Vec<u16>,
    vtouched: Vec<u32>,
    expansions: Vec<Vec<Expansion>>,
    fuzzy: Vec<(u32, f32)>,
    candidates: Vec<Candidate>,
    terms: usize,
}

impl Scratch {
    fn reset(&mut self, index: &Index, terms: usize) {
        if self.slot_of.len() != index.docs.len() {
            self.slot_of = vec![NONE; index.docs.len()];
        }
        if self.vmask.len() != index.vocab.words.len() {
            self.vmask = vec![0; index.vocab.words.len()];
        }
        for &doc in &self.touched {
            self.slot_of[doc as usize] = NONE;
        }
        for &id in &self.vtouched {
            self.vmask[id as usize] = 0;
        }
        self.touched.clear();
        self.vtouched.clear();
        self.slots.clear();
        self.bonus.clear();
        self.phrase.clear();
        self.candidates.clear();
        self.terms = terms;
        self.expansions
            .resize_with(terms.max(self.expansions.len()), Vec::new);
    }

    /// Keeps `slot` as term `i`'s match in `doc` if it beats the one there.
    fn offer(&mut self, doc: u32, i: usize, slot: Slot) {
        let mut at = self.slot_of[doc as usize];
        if at == NONE {
            at = self.touched.len() as u32;
            self.slot_of[doc as usize] = at;
            self.touched.push(doc);
            self.slots.extend(std::iter::repeat_n(EMPTY, self.terms));
            self.bonus.push(0.0);
            self.phrase.push(0.0);
        }
        let s = &mut self.slots[at as usize * self.terms + i];
        let f = slot.field as usize;
        s.by_field[f] = s.by_field[f].max(slot.points);
        if slot.points > s.points {
            let by_field = s.by_field;
            *s = Slot { by_field, ..slot };
        }
    }

    fn mark(&mut self, id: u32, i: usize) {
        let m = &mut self.vmask[id as usize];
        if *m == 0 {
            self.vtouched.push(id);
        }
        *m |= 1 << i;
    }

    fn slots_of(&self, at: u32) -> &[Slot] {
        let n = self.terms;
        &self.slots[at as usize * n..(at as usize + 1) * n]
    }
}

/// Runs `query` and returns the best hits.
pub fn run(index: &Index, scratch: &mut Scratch, query: &str, opts: QueryOptions) -> Vec<Hit> {
    let terms = terms::parse(query);
    if terms.is_empty() || index.docs.is_empty() || opts.limit == 0 {
        return Vec::new();
    }
    scratch.reset(index, terms.len());
    let mut expansions = std::mem::take(&mut scratch.expansions);
    for (i, out) in expansions.iter_mut().enumerate().take(terms.len()) {
        terms::expand(index, &terms, i, out);
    }
    let alternatives = terms::alternatives(index, &terms, &expansions);
    let mut importance = vec![0.0f32; terms.len()];
    for (i, exps) in expansions.iter().enumerate().take(terms.len()) {
        for e in exps {
            importance[i] = importance[i].max(e.idf(index));
            accumulate(index, scratch, i, e);
        }
    }
    for alt in &alternatives {
        synonym(index, scratch, alt, &mut importance);
    }
    fuzzy_terms(
        index,
        scratch,
        &terms,
        &expansions,
        &alternatives,
        &mut importance,
    );
    scratch.expansions = expansions;
    let total: f32 = importance.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut phrase = phrase_matcher(&terms);
    let ranked = rank(index, scratch, &importance, total, opts, phrase.as_mut());
    ranked
        .iter()
        .map(|&c| hit(index, scratch, &terms, &importance, c))
        .collect()
}

/// Offers every posting of expansion `e` of term `i`.
fn accumulate(index: &Index, scratch: &mut Scratch, i: usize, e: &Expansion) {
    scratch.mark(e.id, i);
    let idf = e.idf(index);
    let fields: &[Field] = if e.short_only {
        &[Field::Title, Field::Keywords]
    } else {
        &Field::ALL
    };
    for &field in fields {
        let slot = Slot {
            by_field: [0.0; 4],
            points: field.weight() * e.weight * idf,
            id: e.id,
            field,
            kind: e.kind,
            member: EMPTY.member,
        };
        for &doc in index.postings(e.id, field) {
            scratch.offer(doc, i, slot);
        }
    }
}

/// Offers the documents that contain every word of a synonym alternative, in the weakest field
/// among its words, to each term the alternative covers.
fn synonym(index: &Index, scratch: &mut Scratch, alt: &Alternative, importance: &mut [f32]) {
    let Some((&first, rest)) = alt.ids.split_first() else {
        return;
    };
    let idf = alt
        .ids
        .iter()
        .map(|&id| index.vocab.idf[id as usize])
        .fold(1.0f32, f32::min);
    for i in alt.covers.clone() {
        importance[i] = importance[i].max(idf * 0.8);
        // One-word synonyms take part in adjacency and highlights; the words of a phrase do not
        // stand for the query word one by one.
        if rest.is_empty() {
            scratch.mark(first, i);
        }
    }
    for field in Field::ALL {
        for &doc in index.postings(first, field) {
            let weakest = rest
                .iter()
                .map(|&id| best_field(index, id, doc))
                .try_fold(field, |acc, f| f.map(|f| acc.max(f)));
            let Some(weakest) = weakest else { continue };
            let slot = Slot {
                by_field: [0.0; 4],
                points: weakest.weight() * alt.weight * idf,
                id: first,
                field: weakest,
                kind: MatchKind::Synonym,
                member: alt.member,
            };
            for i in alt.covers.clone() {
                scratch.offer(doc, i, slot);
            }
        }
    }
}

/// The strongest field of `doc` containing word `id`.
fn best_field(index: &Index, id: u32, doc: u32) -> Option<Field> {
    Field::ALL
        .into_iter()
        .find(|&f| index.postings(id, f).binary_search(&doc).is_ok())
}

/// Terms that reach no vocabulary word by their beginning are looked for as near-contiguous
/// subsequences of titles and keywords (`watch` in `PoliceWatch`).
fn fuzzy_terms(
    index: &Index,
    scratch: &mut Scratch,
    terms: &[Term],
    expansions: &[Vec<Expansion>],
    alternatives: &[Alternative],
    importance: &mut [f32],
) {
    for (i, term) in terms.iter().enumerate() {
        let strong = expansions[i].iter().any(|e| e.kind <= MatchKind::Prefix)
            || alternatives.iter().any(|a| a.covers.contains(&i));
        if strong {
            continue;
        }
        let Some(mut fuzzy) = Fuzzy::new(&term.text, 1) else {
            continue;
        };
        let mut found = std::mem::take(&mut scratch.fuzzy);
        for (field, haystacks) in [
            (Field::Title, &index.titles),
            (Field::Keywords, &index.keywords),
        ] {
            fuzzy.scan(haystacks, &mut found);
            for &(doc, quality) in &found {
                importance[i] = importance[i].max(0.5);
                let slot = Slot {
                    by_field: [0.0; 4],
                    points: field.weight() * weight::FUZZY * quality * 0.7,
                    id: NONE,
                    field,
                    kind: MatchKind::Fuzzy,
                    member: EMPTY.member,
                };
                scratch.offer(doc, i, slot);
            }
        }
        scratch.fuzzy = found;
    }
}

/// The whole query glued (`appelair`), to find nearly contiguous in titles; `None` for a
/// one-word query.
fn phrase_matcher(terms: &[Term]) -> Option<Fuzzy> {
    if terms.len() < 2 {
        return None;
    }
    let needle: String = terms.iter().map(|t| t.text.as_str()).collect();
    Fuzzy::new(&needle, terms.len())
}

/// The phrase bonus of `doc`: a bonus per query word when the glued query is nearly
/// contiguous in its title.
fn phrase(index: &Index, fuzzy: &mut Fuzzy, doc: u32, words: usize) -> f32 {
    #[allow(clippy::cast_precision_loss)] // a dozen words at most
    let per_word = PHRASE * (words - 1) as f32;
    fuzzy
        .quality_at(&index.titles, doc as usize)
        .map_or(0.0, |q| per_word * q)
}

/// The most the adjacency and phrase bonuses can add to a document, from the fields where its
/// terms matched: two terms can only be neighbours in a field where both are, and the phrase
/// needs every term in the title.
fn bonus_bound(slots: &[Slot]) -> f32 {
    let fields = [Field::Title, Field::Keywords, Field::Summary];
    let adjacent: f32 = slots
        .windows(2)
        .map(|pair| {
            fields
                .iter()
                .find(|f| pair.iter().all(|s| s.by_field[**f as usize] > 0.0))
                .map_or(0.0, |f| f.weight() * ADJACENT)
        })
        .sum();
    #[allow(clippy::cast_precision_loss)] // a dozen words at most
    let phrase = if slots
        .iter()
        .all(|s| s.by_field[Field::Title as usize] > 0.0)
    {
        PHRASE * (slots.len() - 1) as f32
    } else {
        0.0
    };
    adjacent + phrase
}

/// Scores the touched documents and returns the best `opts.limit`, sorted.
fn rank(
    index: &Index,
    scratch: &mut Scratch,
    importance: &[f32],
    total: f32,
    opts: QueryOptions,
    mut phrase_matcher: Option<&mut Fuzzy>,
) -> Vec<Candidate> {
    let mut candidates = std::mem::take(&mut scratch.candidates);
    candidates.clear();
    for at in 0..scratch.touched.len() as u32 {
        let doc = scratch.touched[at as usize];
        if opts
            .kind
            .is_some_and(|k| index.docs[doc as usize].kind != k)
        {
            continue;
        }
        let (base, cov) = base_score(scratch, at, importance, total);
        candidates.push(Candidate {
            score: base * cov,
            at,
        });
    }
    // Bonuses only lift a document by its bound: compute them for those that could still
    // reach the top.
    let limit = opts.limit.min(candidates.len());
    let floor = kth_score(&mut candidates, limit);
    if importance.len() > 1 {
        for c in &mut candidates {
            let slots = scratch.slots_of(c.at);
            let bound = bonus_bound(slots);
            let (_, cov) = base_score(scratch, c.at, importance, total);
            if bound <= 0.0 || c.score + bound * cov < floor {
                continue;
            }
            let doc = scratch.touched[c.at as usize];
            let mut bonus = adjacency(index, &scratch.vmask, doc, slots).0;
            // The phrase is the query's letters glued together: with a typo in a word, those
            // letters can be found spread over other words ("centre ferde" in "centre fermé
            // de Bruges"), so only words found as written count toward it.
            if let Some(fuzzy) = phrase_matcher.as_deref_mut()
                && slots.iter().all(|s| {
                    s.by_field[Field::Title as usize] > 0.0
                        && matches!(
                            s.kind,
                            MatchKind::Exact | MatchKind::Stem | MatchKind::Prefix
                        )
                })
            {
                let p = phrase(index, fuzzy, doc, importance.len());
                scratch.phrase[c.at as usize] = p;
                bonus += p;
            }
            scratch.bonus[c.at as usize] = bonus;
            c.score += bonus * cov;
        }
    }
    let by_rank = |a: &Candidate, b: &Candidate| compare(index, scratch, *a, *b);
    if candidates.len() > limit {
        candidates.select_nth_unstable_by(limit, by_rank);
        candidates.truncate(limit);
    }
    candidates.sort_unstable_by(by_rank);
    let out = candidates.clone();
    scratch.candidates = candidates;
    out
}

/// A term's points in a document: its best field, plus a share of the others.
fn term_points(s: &Slot) -> f32 {
    s.points + OTHER_FIELDS * (s.by_field.iter().sum::<f32>() - s.points)
}

/// Sum of the terms' points, and the coverage factor.
fn base_score(scratch: &Scratch, at: u32, importance: &[f32], total: f32) -> (f32, f32) {
    let slots = scratch.slots_of(at);
    let base: f32 = slots.iter().map(term_points).sum();
    let matched: f32 = slots
        .iter()
        .zip(importance)
        .filter(|(s, _)| s.points > 0.0)
        .map(|(_, w)| w)
        .sum();
    (base, (matched / total).powi(COVERAGE_POWER))
}

/// The `k`-th best score (the lowest that still makes the cut).
fn kth_score(candidates: &mut [Candidate], k: usize) -> f32 {
    if k == 0 || candidates.is_empty() {
        return f32::INFINITY;
    }
    if k >= candidates.len() {
        return f32::NEG_INFINITY;
    }
    let by_score = |a: &Candidate, b: &Candidate| b.score.total_cmp(&a.score);
    candidates.select_nth_unstable_by(k - 1, by_score);
    candidates[k - 1].score
}

/// Best score first; ties to the shorter title, then the id.
fn compare(index: &Index, scratch: &Scratch, a: Candidate, b: Candidate) -> Ordering {
    let da = &index.docs[scratch.touched[a.at as usize] as usize];
    let db = &index.docs[scratch.touched[b.at as usize] as usize];
    b.score
        .total_cmp(&a.score)
        .then(da.title_len.cmp(&db.title_len))
        .then_with(|| da.id.cmp(&db.id))
}

/// Bonus for neighbouring query words in the title, keywords or summary of `doc` (stop words
/// between them do not count), and the pairs found, per field. Fields where no two
/// consecutive terms both matched are not read.
fn adjacency(index: &Index, vmask: &[u16], doc: u32, slots: &[Slot]) -> (f32, [u16; 3]) {
    let mut pairs = [0u16; 3];
    for (f, field) in [Field::Title, Field::Keywords, Field::Summary]
        .into_iter()
        .enumerate()
    {
        let possible = slots
            .windows(2)
            .any(|pair| pair.iter().all(|s| s.by_field[f] > 0.0));
        if !possible {
            continue;
        }
        let mut prev = 0u16;
        for &id in index.seq_of(doc, field) {
            if id == SEP {
                prev = 0;
                continue;
            }
            if index.vocab.stop[id as usize] {
                continue;
            }
            let m = vmask[id as usize];
            pairs[f] |= prev & (m >> 1);
            prev = m;
        }
    }
    let title = pairs[0];
    let keywords = pairs[1] & !title;
    let summary = pairs[2] & !title & !keywords;
    let points = |field: Field, pairs: u16| field.weight() * f32::from(pairs.count_ones() as u8);
    let bonus = ADJACENT
        * (points(Field::Title, title)
            + points(Field::Keywords, keywords)
            + points(Field::Summary, summary));
    (bonus, [title, keywords, summary])
}

/// Builds the hit of a ranked candidate: highlights and reasons.
fn hit(index: &Index, scratch: &Scratch, terms: &[Term], importance: &[f32], c: Candidate) -> Hit {
    let doc = scratch.touched[c.at as usize];
    let d = &index.docs[doc as usize];
    let slots = scratch.slots_of(c.at);
    let mut reasons = Vec::new();
    let mut fuzzy_title = Vec::new();
    for (term, slot) in terms.iter().zip(slots) {
        if slot.points <= 0.0 {
            continue;
        }
        let matched = match slot.kind {
            MatchKind::Synonym if slot.member.0 != u16::MAX => index.synonyms
                [slot.member.0 as usize][slot.member.1 as usize]
                .text
                .to_string(),
            MatchKind::Fuzzy => {
                let (word, ranges) = fuzzy_word(index, doc, slot.field, &term.text);
                fuzzy_title.extend(ranges);
                word
            }
            _ => index.vocab.display[slot.id as usize].to_string(),
        };
        reasons.push(Reason {
            query_word: term.text.clone(),
            matched,
            field: slot.field,
            kind: slot.kind,
            points: round(term_points(slot)),
        });
    }
    bonus_reasons(index, scratch, terms, doc, c.at, &mut reasons);
    let (_, cov) = base_score(scratch, c.at, importance, importance.iter().sum());
    Hit {
        id: d.id.to_string(),
        kind: d.kind,
        score: round(c.score),
        positions: highlights(index, &scratch.vmask, doc, fuzzy_title),
        reasons,
        matched: slots.iter().filter(|s| s.points > 0.0).count(),
        words: terms.len(),
        coverage: round(cov),
    }
}

/// Reasons for the adjacency and phrase bonuses.
fn bonus_reasons(
    index: &Index,
    scratch: &Scratch,
    terms: &[Term],
    doc: u32,
    at: u32,
    reasons: &mut Vec<Reason>,
) {
    let (_, pairs) = if terms.len() > 1 {
        adjacency(index, &scratch.vmask, doc, scratch.slots_of(at))
    } else {
        (0.0, [0; 3])
    };
    for (f, field) in [Field::Title, Field::Keywords, Field::Summary]
        .into_iter()
        .enumerate()
    {
        for i in 0..terms.len().saturating_sub(1) {
            if pairs[f] & (1 << i) != 0 && pairs[..f].iter().all(|p| p & (1 << i) == 0) {
                reasons.push(Reason {
                    query_word: format!("{} {}", terms[i].text, terms[i + 1].text),
                    matched: String::new(),
                    field,
                    kind: MatchKind::Adjacent,
                    points: round(field.weight() * ADJACENT),
                });
            }
        }
    }
    let phrase = scratch.phrase[at as usize];
    if phrase > 0.0 {
        reasons.push(Reason {
            query_word: terms
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            matched: index.titles[doc as usize].to_string(),
            field: Field::Title,
            kind: MatchKind::Phrase,
            points: round(phrase),
        });
    }
}

/// The folded word of `doc`'s field where a fuzzy term matched, and for a title the original
/// byte ranges of the words it spans.
fn fuzzy_word(index: &Index, doc: u32, field: Field, needle: &str) -> (String, Vec<(u32, u32)>) {
    let hay = match field {
        Field::Title => &index.titles[doc as usize],
        _ => &index.keywords[doc as usize],
    };
    let mut words: Vec<usize> = super::fuzzy::tightest(hay, needle)
        .iter()
        .map(|&b| hay[..(b as usize).min(hay.len())].matches(' ').count())
        .collect();
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        return (needle.to_owned(), Vec::new());
    }
    let shown = words
        .iter()
        .filter_map(|&w| hay.split(' ').nth(w))
        .collect::<Vec<_>>()
        .join(" ");
    let ranges = if field == Field::Title {
        let d = &index.docs[doc as usize];
        words
            .iter()
            .filter_map(|&w| index.title_ranges.get(d.ranges as usize + w).copied())
            .collect()
    } else {
        Vec::new()
    };
    (shown, ranges)
}

/// Byte ranges of the title words reached by the query, in order, merged when they touch.
fn highlights(
    index: &Index,
    vmask: &[u16],
    doc: u32,
    extra: Vec<(u32, u32)>,
) -> Vec<std::ops::Range<usize>> {
    let d = &index.docs[doc as usize];
    let title = index.seq_of(doc, Field::Title);
    let mut ranges: Vec<(u32, u32)> = title
        .iter()
        .enumerate()
        .filter(|&(_, &id)| vmask[id as usize] != 0)
        .filter_map(|(p, _)| index.title_ranges.get(d.ranges as usize + p).copied())
        .chain(extra)
        .collect();
    ranges.sort_unstable();
    ranges.dedup();
    ranges
        .into_iter()
        .map(|(s, e)| s as usize..e as usize)
        .collect()
}

fn round(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}
