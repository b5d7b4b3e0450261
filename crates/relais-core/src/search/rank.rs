//! Stage 6: from scores to an order. A document's score is the sum of its terms' scores, plus a
//! bonus for two consecutive terms found as written next to each other in a short field (stop
//! words between them do not count; synonyms, typos and parts of words never earn it), times
//! its coverage: the share of the query's weight it matches (a term found only in the answer
//! counts for a share of its weight, see [`held_share`]). Ties go to the shorter title, then
//! the id. Then the confidence of the first hit.

use std::cmp::Ordering;

use super::expand::{Expanded, Known, PhraseWord};
use super::index::{Index, SEP};
use super::score::{Scratch, Slot, idf_cap, idf_of, is_literal};
use super::weights::{
    ADJACENT, ANSWER_ONLY, COVERAGE_POWER, FIELD_WEIGHT, FRENCH_UNKNOWN, K1, PHRASE,
    SCATTERED_FROM, SURE_LONG_SHARE, SURE_SCORE, SURE_SHARE, SURE_WORDS, SURE_WORDS_SCORED,
    UNANSWERED_FROM, prefix,
};
use super::{Field, MatchKind, QueryOptions};

/// A document that may be returned.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub score: f32,
    pub bonus: f32,
    pub coverage: f32,
    /// Index in [`Scratch::touched`].
    pub at: u32,
}

/// How much each term weighs in the query: its best expansion's rarity × weight; a term that
/// reaches nothing but is a French word weighs [`FRENCH_UNKNOWN`] of an average term (the query
/// asks something the data may not answer); an unknown word weighs nothing.
pub fn importance(index: &Index, q: &Expanded) -> Vec<f32> {
    let best: Vec<f32> = q
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let cap = idf_cap(index, &t.expansions);
            let own = t
                .expansions
                .iter()
                .map(|e| e.weight * idf_of(index, e, cap))
                .fold(0.0f32, f32::max);
            let alt = q
                .alternatives
                .iter()
                .filter(|a| a.covers.contains(&i))
                .flat_map(|a| {
                    a.ids
                        .iter()
                        .map(|&id| a.weight * index.vocab.idf[id as usize])
                })
                .fold(0.0f32, f32::max);
            own.max(alt)
        })
        .collect();
    let known: Vec<f32> = best.iter().copied().filter(|&b| b > 0.0).collect();
    #[allow(clippy::cast_precision_loss)]
    let mean = if known.is_empty() {
        1.0
    } else {
        known.iter().sum::<f32>() / known.len() as f32
    };
    best.iter()
        .zip(&q.terms)
        .map(|(&b, t)| {
            // A word of four letters or more that reaches nothing, not even with a typo, is
            // most likely a word the data does not know (`poux`), not noise.
            let unanswered = t.known == Known::French || t.text.len() >= UNANSWERED_FROM;
            if b == 0.0 && unanswered {
                FRENCH_UNKNOWN * mean
            } else {
                b
            }
        })
        .collect()
}

/// The ranked candidates, best first, at most `opts.limit`.
pub fn rank(
    index: &Index,
    scratch: &Scratch,
    importance: &[f32],
    q: &Expanded,
    opts: QueryOptions,
) -> Vec<Candidate> {
    let total: f32 = importance.iter().sum();
    let mut out: Vec<Candidate> = Vec::with_capacity(scratch.touched.len());
    let mut bounds: Vec<f32> = Vec::with_capacity(scratch.touched.len());
    for (at, &doc) in scratch.touched.iter().enumerate() {
        if opts
            .kind
            .is_some_and(|k| index.docs[doc as usize].kind != k)
        {
            continue;
        }
        let slots = scratch.slots_of(at);
        let base: f32 = slots.iter().map(|s| s.score).sum();
        let matched: f32 = slots
            .iter()
            .zip(importance)
            .filter(|(s, _)| s.score > 0.0)
            .map(|(s, w)| w * held_share(s))
            .sum();
        let coverage = if total > 0.0 {
            (matched / total).powf(COVERAGE_POWER)
        } else {
            1.0
        };
        bounds.push((base + bonus_bound(slots, base, q.phrase.is_some())) * coverage);
        out.push(Candidate {
            score: base * coverage,
            bonus: 0.0,
            coverage,
            at: at as u32,
        });
    }
    // The bonuses only lift a document by its bound: they are computed for those that could
    // still reach the first `limit`.
    let mut lows: Vec<f32> = out.iter().map(|c| c.score).collect();
    let k = opts.limit.min(lows.len());
    let floor = if k == 0 {
        f32::INFINITY
    } else {
        *lows.select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a)).1
    };
    for (c, &bound) in out.iter_mut().zip(&bounds) {
        if bound < floor || bound <= c.score {
            continue;
        }
        let doc = scratch.touched[c.at as usize];
        let slots = scratch.slots_of(c.at as usize);
        let base: f32 = slots.iter().map(|s| s.score).sum();
        let mut bonus = adjacency(index, &scratch.vmask, doc, slots).0;
        if holds_phrase(index, doc, q) {
            bonus += PHRASE * base;
        }
        c.bonus = bonus;
        c.score = (base + bonus) * c.coverage;
    }
    let by_rank = |a: &Candidate, b: &Candidate| compare(index, scratch, a, b);
    if out.len() > opts.limit {
        out.select_nth_unstable_by(opts.limit, by_rank);
        out.truncate(opts.limit);
    }
    out.sort_unstable_by(by_rank);
    out
}

/// How much of its weight a matched term adds to a document's coverage: all of it, but
/// [`ANSWER_ONLY`] of it when its best match lies only in the document's answer. A word met in
/// the body of a long answer (a town among those named, a passing `chauffeur`) says less of
/// what the entry is about than one of its title, `ask`, keywords or summary.
pub fn held_share(s: &Slot) -> f32 {
    if s.field == Field::Answer {
        ANSWER_ONLY
    } else {
        1.0
    }
}

/// The most the neighbour and phrase bonuses can add to a document: two terms can only be
/// neighbours in a short field where both are found as written.
fn bonus_bound(slots: &[Slot], base: f32, phrase: bool) -> f32 {
    let adjacent: f32 = slots
        .windows(2)
        .filter(|p| p[0].literal & p[1].literal & 0b1111 != 0)
        .map(|p| ADJACENT * p[0].score.min(p[1].score))
        .sum();
    adjacent + if phrase { PHRASE * base } else { 0.0 }
}

/// The first of the title, the `ask` phrasings and the keywords of `doc` that holds the query's
/// phrase word for word (`ce qu'on peut faire`: little words are what such a phrase is made of).
pub fn phrase_field(index: &Index, doc: u32, q: &Expanded) -> Option<Field> {
    let phrase = q.phrase.as_deref()?;
    let fits = |want: &PhraseWord, id: u32| match *want {
        PhraseWord::Word(w) => w == id,
        PhraseWord::Term(i) => q.terms[i].accepts(id),
    };
    [Field::Title, Field::Ask, Field::Keywords]
        .into_iter()
        .find(|&f| {
            index.seq_of(doc, f).split(|&id| id == SEP).any(|part| {
                part.windows(phrase.len())
                    .any(|w| phrase.iter().zip(w).all(|(want, &id)| fits(want, id)))
            })
        })
}

/// True when a short field of `doc` holds the query's phrase (see [`phrase_field`]).
pub fn holds_phrase(index: &Index, doc: u32, q: &Expanded) -> bool {
    phrase_field(index, doc, q).is_some()
}

/// Best score first; ties to the shorter title, then the id.
fn compare(index: &Index, scratch: &Scratch, a: &Candidate, b: &Candidate) -> Ordering {
    let da = &index.docs[scratch.touched[a.at as usize] as usize];
    let db = &index.docs[scratch.touched[b.at as usize] as usize];
    b.score
        .total_cmp(&a.score)
        .then(da.title_len.cmp(&db.title_len))
        .then_with(|| da.id.cmp(&db.id))
}

/// The neighbour bonus of `doc` and, per short field, the pairs found (bit `i`: terms `i` and
/// `i + 1`); a pair counts once, in its strongest field.
pub fn adjacency(index: &Index, vmask: &[u32], doc: u32, slots: &[Slot]) -> (f32, [u16; 4]) {
    let mut pairs = [0u16; 4];
    let fields = [Field::Title, Field::Ask, Field::Keywords, Field::Summary];
    let possible = |f: usize| {
        slots
            .windows(2)
            .any(|p| p.iter().all(|s| s.literal & (1 << f) != 0))
    };
    for (f, &field) in fields.iter().enumerate() {
        if !possible(f) {
            continue;
        }
        let mut prev = 0u32;
        for &id in index.seq_of(doc, field) {
            if id == SEP {
                prev = 0;
                continue;
            }
            if index.vocab.stop[id as usize] {
                continue;
            }
            let m = vmask[id as usize] & 0xffff;
            // Neighbours, or two terms glued in one word of the data (`policewatch`).
            pairs[f] |= ((prev | m) & (m >> 1)) as u16;
            prev = m;
        }
    }
    let mut seen = 0u16;
    let mut bonus = 0.0;
    for (f, p) in pairs.iter_mut().enumerate() {
        *p &= !seen;
        seen |= *p;
        for i in 0..slots.len().saturating_sub(1) {
            if *p & (1 << i) != 0 {
                bonus += pair_bonus(slots, f, i);
            }
        }
    }
    (bonus, pairs)
}

/// The neighbour bonus of terms `i` and `i + 1` found next to each other in short field `f`
/// (0: title, 1: `ask`, 2: keywords, 3: summary): a share of the smaller of their points.
pub fn pair_bonus(slots: &[Slot], f: usize, i: usize) -> f32 {
    let smaller = slots[i].score.min(slots[i + 1].score);
    ADJACENT * FIELD_WEIGHT[f] / FIELD_WEIGHT[0] * smaller
}

/// Why the first hit is not a sure answer, if it is not.
pub fn doubt(
    best: Option<&Candidate>,
    scratch: &Scratch,
    importance: &[f32],
    only_common: bool,
) -> Option<&'static str> {
    let Some(best) = best else {
        return Some("rien ne correspond");
    };
    if only_common {
        return Some("la question ne contient que des mots courants");
    }
    let slots = scratch.slots_of(best.at as usize);
    let literal = |s: &Slot| {
        is_literal(s.kind) && !(s.kind == MatchKind::Prefix && s.weight < prefix::SURE_FROM)
    };
    let as_written: f32 = slots
        .iter()
        .zip(importance)
        .filter(|(s, _)| s.score > 0.0 && literal(s))
        .map(|(_, w)| w)
        .sum();
    if as_written == 0.0 {
        return Some(
            "seuls des synonymes, des fautes corrigées ou des mots approchés correspondent",
        );
    }
    // Title, `ask`, keywords or summary: a word found only deep in an answer is no answer.
    if !slots
        .iter()
        .any(|s| s.score > 0.0 && literal(s) && s.literal & 0b1111 != 0)
    {
        return Some("les mots ne se trouvent que dans le texte des réponses");
    }
    let total: f32 = importance.iter().sum();
    #[allow(clippy::cast_precision_loss)]
    let mean = total / importance.len().max(1) as f32;
    // A long question tells a story: many of its words are in no entry. It is answered when
    // several words' worth of it are found as written in the short fields of the first hit.
    let in_short: f32 = slots
        .iter()
        .zip(importance)
        .filter(|(s, _)| s.score > 0.0 && literal(s) && s.literal & 0b1111 != 0)
        .map(|(_, w)| w)
        .sum();
    let told = in_short >= SURE_WORDS * mean && as_written >= SURE_LONG_SHARE * total;
    if as_written < SURE_SHARE * total && !told {
        return Some("une grande partie de la question ne se trouve pas dans les données");
    }
    // What a real hit scores: a title holding every term, up to a real question's length.
    let title = FIELD_WEIGHT[0] * (K1 + 1.0) / (K1 + FIELD_WEIGHT[0]);
    if best.score < SURE_SCORE * title * total.min(SURE_WORDS_SCORED * mean) {
        return Some("la meilleure réponse ne correspond que de loin");
    }
    // Three words or more, no two of them next to each other nor in the same title, `ask`,
    // keywords or summary: they are scattered over the entry, not the question it answers.
    let shared = (0..4).any(|f| {
        slots
            .iter()
            .filter(|s| s.score > 0.0 && literal(s) && s.literal & (1 << f) != 0)
            .count()
            >= 2
    });
    if slots.len() >= SCATTERED_FROM && best.bonus == 0.0 && !shared {
        return Some("les mots de la question sont dispersés dans la réponse");
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::search::{QueryOptions, SearchIndex};

    const KB: &str = r#"
categories: [{id: c, title: C}]
entries:
  - id: limites
    title: "Quelles sont les limites ?"
    keywords: [permis]
    category: c
    summary: "Ne pas conduire vers la frontière."
    answer: "Ne rien recevoir en échange."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: voiture
    title: "Conduire une voiture avec un permis étranger ?"
    category: c
    summary: "Selon le pays du permis."
    answer: "Renseignez-vous."
    sources: [{title: T}]
    reviewed: 2026-06-01
"#;

    #[test]
    fn words_scattered_over_an_entry_are_no_sure_answer() {
        let kb = crate::search::one_file_kb(KB);
        let index = SearchIndex::new(&kb);
        let scattered = index.search("permis echange frontiere", QueryOptions::default());
        assert_eq!(scattered.hits[0].id, "limites");
        assert_eq!(
            scattered.doubt,
            Some("les mots de la question sont dispersés dans la réponse")
        );
        let together = index.search("permis conduire voiture", QueryOptions::default());
        assert_eq!(together.hits[0].id, "voiture");
        assert!(together.sure(), "{together:?}");
    }

    #[test]
    fn a_long_story_around_the_question_stays_sure() {
        let kb = crate::search::one_file_kb(KB);
        let index = SearchIndex::new(&kb);
        let story = "hier soir mon voisin hesitait beaucoup, il voulait conduire une voiture \
                     avec son permis etranger, franchement tout le monde discutait";
        let long = index.search(story, QueryOptions::default());
        assert_eq!(long.hits[0].id, "voiture");
        assert!(long.sure(), "{long:?}");
        let unknown = index.search("adopter chat voisin permis", QueryOptions::default());
        assert!(!unknown.sure(), "{unknown:?}");
    }

    #[test]
    fn a_query_of_only_common_words_is_never_sure() {
        let kb = crate::search::one_file_kb(KB);
        let index = SearchIndex::new(&kb);
        // « quelles sont les » are all stop words, and all in a title: they are scored, since
        // nothing else is left, but they do not say which answer is wanted.
        let common = index.search("quelles sont les", QueryOptions::default());
        assert_eq!(common.hits[0].id, "limites", "{common:?}");
        assert_eq!(
            common.doubt,
            Some("la question ne contient que des mots courants")
        );
        let meant = index.search("quelles sont les limites", QueryOptions::default());
        assert!(meant.sure(), "{meant:?}");
    }
}
