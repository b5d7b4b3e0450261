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

#[cfg(test)]
mod tests {
    use crate::kb::SourceFile;
    use crate::kb::validate::validate;
    use crate::search::SearchIndex;

    #[test]
    fn a_rare_synonym_weighs_no_more_than_the_common_words_it_stands_for() {
        // « sans papiers » is in most titles, so it says little; its synonym « illégal » is in
        // one entry's keywords. Counted with its own rarity, that one word outscored a title
        // holding the words as written.
        let entry = |id: &str, title: &str, extra: &str| {
            format!(
                " - {{id: {id}, title: {title}, category: c, summary: Oui, answer: Oui, \
                 sources: [{{title: T}}], reviewed: 2026-06-01{extra}}}\n"
            )
        };
        let mut text = String::from(
            "categories: [{id: c, title: C}]\nsynonyms: [[sans papiers, illégal]]\nentries:\n",
        );
        text += &entry("a", "Se soigner sans papiers", "");
        text += &entry("b", "Que puis-je faire", ", keywords: [illégal]");
        for (id, verb) in [
            ("c", "Dormir"),
            ("d", "Manger"),
            ("e", "Voyager"),
            ("f", "Étudier"),
        ] {
            text += &entry(id, &format!("{verb} sans papiers"), "");
        }
        let files = [SourceFile {
            name: "kb.yaml".into(),
            text,
        }];
        let (kb, _) = validate(&files, jiff::civil::date(2026, 11, 27)).expect("valid");
        let hits = SearchIndex::new(&kb).query("soigner sans papier");
        assert_eq!(hits[0].id, "a", "{hits:?}");
        let b = hits
            .iter()
            .find(|h| h.id == "b")
            .expect("found by its synonym");
        let c = hits.iter().find(|h| h.id == "c").expect("found as written");
        assert!(b.score < c.score, "{hits:?}");
    }
}
