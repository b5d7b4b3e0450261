//! Stage 7: what the user sees and why — each hit with its highlights and the reasons of its
//! score, and for `--explain` what every stage of the pipeline made of the query.

use serde::Serialize;

use super::expand::{Expanded, Known};
use super::index::Index;
use super::rank::{Candidate, adjacency, pair_bonus, phrase_field};
use super::score::Scratch;
use super::{Field, Hit, MatchKind, Reason};

/// What each stage made of a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pipeline {
    /// 1. The query folded.
    pub folded: String,
    /// 2. Its words.
    pub words: Vec<String>,
    /// 3. Colloquial forms read as words (form, words).
    pub colloquial: Vec<(String, String)>,
    /// Stop words left out.
    pub stop_words: Vec<String>,
    /// The terms and what each reaches.
    pub terms: Vec<TermInfo>,
    /// Synonym alternatives: the query words they stand for, and the member.
    pub synonyms: Vec<(String, String)>,
}

/// One term and the words it reaches (the strongest first, at most eight).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermInfo {
    pub term: String,
    pub stem: String,
    /// `données`, `mot français` or `inconnu`.
    pub known: &'static str,
    pub reaches: Vec<(String, MatchKind, f32)>,
}

pub fn pipeline(index: &Index, query: &str, words: &[String], q: &Expanded) -> Pipeline {
    let terms = q
        .terms
        .iter()
        .map(|t| {
            let mut reaches: Vec<(String, MatchKind, f32)> = t
                .expansions
                .iter()
                .map(|e| {
                    (
                        index.vocab.display[e.id as usize].to_string(),
                        e.kind,
                        round(e.weight),
                    )
                })
                .collect();
            reaches.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
            reaches.truncate(8);
            TermInfo {
                term: t.text.clone(),
                stem: t.stem.clone(),
                known: match t.known {
                    Known::Data => "données",
                    Known::French => "mot français",
                    Known::Unknown => "inconnu",
                },
                reaches,
            }
        })
        .collect();
    let synonyms = q
        .alternatives
        .iter()
        .map(|a| {
            let covered: Vec<&str> = q.terms[a.covers.clone()]
                .iter()
                .map(|t| t.text.as_str())
                .collect();
            let m = &index.synonyms[a.member.0 as usize][a.member.1 as usize];
            (covered.join(" "), m.text.to_string())
        })
        .collect();
    Pipeline {
        folded: super::fold::fold(query),
        words: words.to_vec(),
        colloquial: q
            .rules
            .iter()
            .map(|&r| {
                let t = &index.colloquial[r as usize].text;
                (t.0.to_string(), t.1.to_string())
            })
            .collect(),
        stop_words: q.dropped.clone(),
        terms,
        synonyms,
    }
}

/// Builds the hit of a ranked candidate: highlights and reasons.
pub fn hit(index: &Index, scratch: &Scratch, q: &Expanded, c: &Candidate) -> Hit {
    let doc = scratch.touched[c.at as usize];
    let d = &index.docs[doc as usize];
    let slots = scratch.slots_of(c.at as usize);
    let mut reasons = Vec::new();
    for (term, slot) in q.terms.iter().zip(slots) {
        if slot.score <= 0.0 {
            continue;
        }
        let matched = if slot.kind == MatchKind::Synonym && slot.member.0 != u16::MAX {
            index.synonyms[slot.member.0 as usize][slot.member.1 as usize]
                .text
                .to_string()
        } else {
            index.vocab.display[slot.id as usize].to_string()
        };
        reasons.push(Reason {
            query_word: term.text.clone(),
            matched,
            field: slot.field,
            kind: slot.kind,
            points: round(slot.score),
        });
    }
    let (_, pairs) = adjacency(index, &scratch.vmask, doc, slots);
    for (f, field) in [Field::Title, Field::Ask, Field::Keywords, Field::Summary]
        .into_iter()
        .enumerate()
    {
        for i in 0..q.terms.len().saturating_sub(1) {
            if pairs[f] & (1 << i) != 0 {
                reasons.push(Reason {
                    query_word: format!("{} {}", q.terms[i].text, q.terms[i + 1].text),
                    matched: String::new(),
                    field,
                    kind: MatchKind::Adjacent,
                    points: round(pair_bonus(slots, f, i)),
                });
            }
        }
    }
    if let Some(p) = q.phrase.as_deref()
        && let Some(field) = phrase_field(index, doc, q)
    {
        let words: Vec<&str> = p
            .iter()
            .map(|w| match *w {
                super::expand::PhraseWord::Word(id) => &*index.vocab.words[id as usize],
                super::expand::PhraseWord::Term(i) => q.terms[i].text.as_str(),
            })
            .collect();
        let base: f32 = slots.iter().map(|s| s.score).sum();
        reasons.push(Reason {
            query_word: words.join(" "),
            matched: String::new(),
            field,
            kind: MatchKind::Phrase,
            points: round(super::weights::PHRASE * base),
        });
    }
    Hit {
        id: d.id.to_string(),
        kind: d.kind,
        score: round(c.score),
        positions: highlights(index, &scratch.vmask, doc),
        reasons,
        matched: slots.iter().filter(|s| s.score > 0.0).count(),
        words: q.terms.len(),
        coverage: round(c.coverage),
        matched_lang: None,
    }
}

/// Byte ranges of the title words reached by the query, in order.
fn highlights(index: &Index, vmask: &[u32], doc: u32) -> Vec<std::ops::Range<usize>> {
    let d = &index.docs[doc as usize];
    index
        .seq_of(doc, Field::Title)
        .iter()
        .enumerate()
        .filter(|&(_, &id)| vmask[id as usize] != 0)
        .filter_map(|(p, _)| index.title_ranges.get(d.ranges as usize + p).copied())
        .map(|(s, e)| s as usize..e as usize)
        .collect()
}

pub fn round(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use crate::search::{MatchKind, SearchIndex};

    #[test]
    fn each_pair_of_neighbours_shows_its_own_points_and_they_add_up_to_the_score() {
        let kb = crate::search::one_file_kb(
            "categories: [{id: c, title: C}]\nentries:\n\
                   - {id: a, title: Un enfant sans papiers peut-il aller à l'école, \
                   category: c, summary: Rien, answer: Rien, sources: [{title: T}], \
                   reviewed: 2026-06-01}\n\
                   - {id: b, title: Autre chose, category: c, summary: Rien, answer: Rien, \
                   sources: [{title: T}], reviewed: 2026-06-01}\n",
        );
        let index = SearchIndex::new(&kb);
        let hit = index.query("enfant sans papiers école").remove(0);
        let pairs: Vec<f32> = hit
            .reasons
            .iter()
            .filter(|r| r.kind == MatchKind::Adjacent)
            .map(|r| r.points)
            .collect();
        assert_eq!(pairs.len(), 2, "{:?}", hit.reasons);
        assert!(pairs.iter().all(|&p| p > 0.0), "{:?}", hit.reasons);
        let total: f32 = hit.reasons.iter().map(|r| r.points).sum();
        let shown = total * hit.coverage;
        assert!((shown - hit.score).abs() < 0.05, "{shown} vs {}", hit.score);
    }
}
