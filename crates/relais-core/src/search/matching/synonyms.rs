//! Synonyms from the data's groups: when a member is in the query (as consecutive terms, by
//! word or stem), every other member that the data holds is an alternative for those terms,
//! scored below the literal words and never earning the neighbour bonus.

use super::super::MatchKind;
use super::super::expand::{Alternative, Term};
use super::super::index::{Index, Member};
use super::super::weights::kind as weight;

/// The synonym alternatives of `terms`.
pub fn alternatives(index: &Index, terms: &[Term]) -> Vec<Alternative> {
    let mut out: Vec<Alternative> = Vec::new();
    for (g, group) in index.synonyms.iter().enumerate() {
        for member in group {
            let Some(at) = find_member(member, terms) else {
                continue;
            };
            let covers = at..at + member.words.len();
            for (o, other) in group.iter().enumerate() {
                let Some(ids) = other.ids.as_ref() else {
                    continue;
                };
                // The query's own words, or words its terms already reach as written.
                let reached = ids.iter().all(|id| {
                    terms[covers.clone()].iter().any(|t| {
                        t.expansions
                            .iter()
                            .any(|e| e.id == *id && e.kind < MatchKind::Typo)
                    })
                });
                if std::ptr::eq(other, member)
                    || reached
                    || out.iter().any(|a| a.covers == covers && a.ids == *ids)
                {
                    continue;
                }
                out.push(Alternative {
                    covers: covers.clone(),
                    ids: ids.clone(),
                    weight: weight::SYNONYM,
                    member: (g as u16, o as u16),
                });
            }
        }
    }
    out
}

/// Where `member` occurs in the query as consecutive terms (same word or same stem).
fn find_member(member: &Member, terms: &[Term]) -> Option<usize> {
    let k = member.words.len();
    if k > terms.len() {
        return None;
    }
    (0..=terms.len() - k).find(|&at| {
        (0..k).all(|j| {
            let t = &terms[at + j];
            *t.text == *member.words[j] || t.stem == *member.stems[j]
        })
    })
}
