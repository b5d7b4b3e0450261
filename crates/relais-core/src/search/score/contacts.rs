//! Contacts are reached through the entries that explain a situation: a contact the query
//! does not name scores a share of its points, one whose name the query is a little more.

use super::super::index::{Index, SEP};
use super::super::weights::{CONTACT_NAMED, CONTACT_UNNAMED};
use super::super::{Field, Kind};
use super::Scratch;

/// A contact is reached through the entries that explain a situation: it scores a share of its
/// points that grows with the share of the query's weight (`importance`) found as written in
/// its name, from [`CONTACT_UNNAMED`] when the query does not name it to [`CONTACT_NAMED`] when
/// the query is its name.
pub fn contacts(index: &Index, scratch: &mut Scratch, importance: &[f32]) {
    let (low, high) = (CONTACT_UNNAMED, CONTACT_NAMED);
    let total: f32 = importance.iter().sum();
    if total <= 0.0 {
        return;
    }
    let n = scratch.terms;
    for at in 0..scratch.touched.len() {
        if index.docs[scratch.touched[at] as usize].kind != Kind::Contact {
            continue;
        }
        // How much of the name the query holds (by rarity: `centre fermé` does not name « Centre
        // fermé de Merksplas »), and how much of the query is in the name.
        let (mut name, mut held) = (0.0f32, 0.0f32);
        for &id in index.seq_of(scratch.touched[at], Field::Title) {
            if id != SEP && !index.vocab.stop[id as usize] {
                let idf = index.vocab.idf[id as usize];
                name += idf;
                if scratch.vmask[id as usize] & 0xffff != 0 {
                    held += idf;
                }
            }
        }
        let slots = &mut scratch.slots[at * n..(at + 1) * n];
        let named: f32 = slots
            .iter()
            .zip(importance)
            .filter(|(s, _)| s.score > 0.0 && s.literal & 1 != 0)
            .map(|(_, w)| w)
            .sum();
        let held = if name > 0.0 { held / name } else { 0.0 };
        let share = low + (high - low) * held * named / total;
        for s in slots {
            s.score *= share;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::search::{Kind, SearchIndex};

    const KB: &str = r#"
categories: [{id: c, title: C}]
entries:
  - id: violences
    title: "Une personne me dit avoir été agressée sexuellement : que faire ?"
    ask: ["elle a subi des violences sexuelles"]
    category: c
    summary: "L'écouter, la croire, proposer un centre spécialisé."
    answer: "Un centre de prise en charge accueille jour et nuit."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: autre
    title: "Où trouver un repas ?"
    category: c
    summary: "Dans un centre de jour."
    answer: "Les repas sont servis le midi."
    sources: [{title: T}]
    reviewed: 2026-06-01
contacts:
  - id: cpvs-liege
    name: "CPVS de Liège — Centre de prise en charge des violences sexuelles"
    description: "Accueil des victimes de violences sexuelles, jour et nuit."
    region: liege
    topics: [violences-sexuelles]
    phone: ["04 000 00 00"]
    sources: [{title: T}]
"#;

    fn index() -> SearchIndex {
        let kb = crate::search::one_file_kb(KB);
        SearchIndex::new(&kb)
    }

    #[test]
    fn the_entry_comes_before_a_contact_the_query_does_not_name() {
        let index = index();
        let hits = index.query("violences sexuelles");
        assert_eq!(hits[0].id, "violences", "{hits:?}");
        assert!(hits.iter().any(|h| h.kind == Kind::Contact));
        assert_eq!(index.query("cpvs liege")[0].id, "cpvs-liege");
        assert_eq!(index.query("cpvs")[0].id, "cpvs-liege");
    }
}
