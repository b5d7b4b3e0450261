//! The bundled knowledge base has what the content issue requires: every mandatory entry and
//! contact, sources and a review date on every entry, decks whose slides resolve, and the
//! CAI session deck in the seed's order.

use relais::kb::Origin;
use relais::kb::validate::validate;

const ENTRIES: [&str; 27] = [
    "droits-aidant",
    "droits-hebergeur",
    "que-puis-je-faire",
    "solidarite-crime",
    "hebergeurs-chauffeurs",
    "proces-hebergeurs",
    "visites-domiciliaires",
    "declarer-heberge",
    "droits-sans-papiers",
    "aide-medicale-urgente",
    "demande-asile",
    "dublin",
    "mineurs-non-accompagnes",
    "controle-police",
    "centres-fermes",
    "aide-juridique",
    "scolarite",
    "circulaire-wallonne",
    "coordination-wallonne",
    "appel-d-air",
    "criminalite",
    "gale",
    "tuberculose",
    "froid-hypothermie",
    "liens-familiaux",
    "recharge-telephone",
    "avertissement",
];

const CONTACTS: [&str; 21] = [
    "cai-namur",
    "cire",
    "ligue-droits-humains",
    "medimmigrant",
    "fares",
    "plateforme-citoyenne",
    "crilux",
    "pac-namur",
    "discri",
    "cbai",
    "myria",
    "fedasil",
    "croix-rouge-liens-familiaux",
    "medecins-du-monde",
    "nansen",
    "office-etrangers",
    "cgra",
    "service-tutelles",
    "cpas",
    "baj-namur",
    "urgences",
];

fn kb() -> relais::kb::KnowledgeBase {
    let files = Origin::Bundled.read().expect("bundled data readable");
    validate(&files, relais::kb::today())
        .expect("bundled data valid")
        .0
}

#[test]
fn every_mandatory_entry_and_contact_exists() {
    let kb = kb();
    let missing: Vec<&str> = ENTRIES
        .iter()
        .copied()
        .filter(|id| kb.entry(id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing entries: {missing:?}");
    let missing: Vec<&str> = CONTACTS
        .iter()
        .copied()
        .filter(|id| kb.contact(id).is_none())
        .collect();
    assert!(missing.is_empty(), "missing contacts: {missing:?}");
    assert!(kb.entries.len() >= 45, "{} entries", kb.entries.len());
    assert!(kb.contacts.len() >= 25, "{} contacts", kb.contacts.len());
}

#[test]
fn every_entry_has_sources_and_a_review_date_that_is_not_stale() {
    let kb = kb();
    let today = relais::kb::today();
    for e in &kb.entries {
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
        assert!(
            e.sources.iter().all(|s| !s.title.trim().is_empty()),
            "{}",
            e.id
        );
        assert!(!e.is_stale(today), "{} is stale ({})", e.id, e.reviewed);
    }
}

#[test]
fn the_emergency_contact_gives_112_1733_and_the_number_for_foreign_sim_cards() {
    let kb = kb();
    let urgences = kb.contact("urgences").expect("urgences");
    let all = urgences.phone.join(" ");
    for number in ["112", "1733", "+32 2 524 98 89"] {
        assert!(all.contains(number), "{number} missing from {all}");
    }
}

#[test]
fn decks_resolve_and_the_cai_session_follows_the_seed() {
    let kb = kb();
    for id in [
        "droits-citoyens-solidaires",
        "droits-migrants-en-transit",
        "sante-sur-le-terrain",
        "prejuges",
    ] {
        let deck = kb.deck(id).unwrap_or_else(|| panic!("deck {id} missing"));
        assert!(deck.slides.iter().all(|s| kb.entry(s).is_some()), "{id}");
    }
    let cai = kb.deck("droits-citoyens-solidaires").expect("deck");
    assert_eq!(
        cai.slides,
        [
            "droits-aidant",
            "droits-hebergeur",
            "que-puis-je-faire",
            "solidarite-crime",
            "hebergeurs-chauffeurs",
            "droits-sans-papiers"
        ]
    );
}

#[test]
fn the_disclaimer_says_it_is_not_legal_advice() {
    let kb = kb();
    let e = kb.entry("avertissement").expect("avertissement");
    let text = format!("{} {}", e.summary, e.answer).to_lowercase();
    assert!(text.contains("avis juridique"), "{text}");
}
