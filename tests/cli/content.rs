//! The bundled knowledge base has what the content issues require: every mandatory entry and
//! contact, sources and a review date on every entry, decks whose slides resolve, the CAI
//! session deck in the seed's order, and the corrections of the December 2026 fact sheet
//! (`faits-2026-12.md`) that matter most: no 20 € legal-aid fee, the AMMR and reception-law
//! dates, no « ne peut pas arrêter », the UK–France agreement wherever the UK is discussed, the
//! crisis numbers, legal aid in each Walloon province, and contacts dated by rule D.2.

use relais::kb::validate::validate;
use relais::kb::{Entry, KnowledgeBase, Origin, VerifiedBy, WALLOON_PROVINCES};

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

/// The days the fact sheets were compiled (`faits.md` v1 and its December 2026 update): writing
/// down what a sheet says is not confirming it, so no bundled contact may carry them as `verified`.
const FACT_SHEET_DATES: [jiff::civil::Date; 2] = [
    jiff::civil::date(2026, 11, 27),
    jiff::civil::date(2026, 12, 1),
];

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
    assert!(kb.entries.len() >= 80, "{} entries", kb.entries.len());
    assert!(kb.contacts.len() >= 60, "{} contacts", kb.contacts.len());
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
    // The CAI session keeps the seed's questions in the seed's order; the v2 update may add
    // slides between them (issue 11: « the existing decks updated »).
    let cai = kb.deck("droits-citoyens-solidaires").expect("deck");
    let seed = [
        "droits-aidant",
        "droits-hebergeur",
        "que-puis-je-faire",
        "solidarite-crime",
        "hebergeurs-chauffeurs",
        "droits-sans-papiers",
    ];
    let kept: Vec<&str> = cai
        .slides
        .iter()
        .map(String::as_str)
        .filter(|s| seed.contains(s))
        .collect();
    assert_eq!(kept, seed, "{:?}", cai.slides);
    assert_eq!(cai.slides.first().map(String::as_str), Some(seed[0]));
    let deck = kb
        .deck("changements-2026")
        .expect("deck « Ce qui a changé en 2026 »");
    assert!(deck.slides.len() >= 5, "{:?}", deck.slides);
}

#[test]
fn the_disclaimer_says_it_is_not_legal_advice() {
    let kb = kb();
    let e = kb.entry("avertissement").expect("avertissement");
    let text = format!("{} {}", e.summary, e.answer).to_lowercase();
    assert!(text.contains("avis juridique"), "{text}");
}

/// What a reader sees of an entry: title, summary and answer, in lower case.
fn text(e: &Entry) -> String {
    format!("{}\n{}\n{}", e.title, e.summary, e.answer).to_lowercase()
}

/// The sentences of `text` (split on full stops, line breaks and semicolons).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', '\n', ';', '!', '?'])
}

#[test]
fn no_entry_or_contact_asks_for_the_annulled_20_euro_legal_aid_fee() {
    // C-F43: the flat contributions (20 € per designation) were annulled on 21 June 2018.
    let kb = kb();
    let contacts = kb.contacts.iter().map(|c| {
        let all = format!(
            "{} {} {}",
            c.description,
            c.notes.as_deref().unwrap_or(""),
            c.hours.as_deref().unwrap_or("")
        );
        (c.id.clone(), all.to_lowercase())
    });
    let texts = kb
        .entries
        .iter()
        .map(|e| (e.id.clone(), text(e)))
        .chain(contacts);
    let mut found = Vec::new();
    for (id, t) in texts {
        let t = t.replace(['\u{a0}', '\u{202f}'], " ");
        for s in sentences(&t) {
            let fee = ["20 €", "20€", "20 euros", "vingt euros"]
                .iter()
                .any(|f| s.contains(f));
            let legal = [
                "aide juridique",
                "avocat",
                "pro deo",
                "baj",
                "ticket modérateur",
                "désignation",
            ]
            .iter()
            .any(|w| s.contains(w));
            if fee && legal && !s.contains("annul") {
                found.push(format!("{id}: {}", s.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "20 € legal-aid fee presented as due: {found:#?}"
    );
}

#[test]
fn the_ammr_is_said_to_apply_since_1_july_2026() {
    // B.1: the AMMR (EU 2024/1351) replaces Dublin III since 1 July 2026.
    let kb = kb();
    for id in ["dublin", "pacte-europeen"] {
        let e = kb.entry(id).unwrap_or_else(|| panic!("entry {id} missing"));
        let t = text(e);
        assert!(
            ["1er juillet 2026", "1/07/2026", "01/07/2026"]
                .iter()
                .any(|d| t.contains(d)),
            "{id} does not give the AMMR's date (1er juillet 2026)"
        );
    }
    let future = [
        "remplacera dublin",
        "va remplacer dublin",
        "entrera en application",
        "entreront en application",
    ];
    let wrong: Vec<String> = kb
        .entries
        .iter()
        .filter_map(|e| {
            let t = text(e);
            future
                .iter()
                .find(|f| t.contains(*f))
                .map(|f| format!("{}: « {f} »", e.id))
        })
        .collect();
    assert!(wrong.is_empty(), "the Pact presented as future: {wrong:?}");
}

#[test]
fn the_2025_reception_law_is_in_the_entries_that_need_it() {
    // C-F71, F114: the reception law of 14 July 2025, in force in early August 2025 (the
    // procedure changes on 4 August 2025). The brief says « début août 2025 ».
    let kb = kb();
    let law = kb
        .entry("loi-accueil-2025")
        .expect("entry loi-accueil-2025");
    let t = text(law);
    assert!(
        t.contains("14 juillet 2025") && t.contains("août 2025"),
        "loi-accueil-2025: {t}"
    );
    for id in [
        "famille-enfants",
        "protection-autre-pays",
        "accueil-demandeurs-asile",
    ] {
        let e = kb.entry(id).unwrap_or_else(|| panic!("entry {id} missing"));
        let t = text(e);
        let mentions = t.contains("14 juillet 2025")
            || t.contains("août 2025")
            || e.answer.contains("[[loi-accueil-2025]]");
        assert!(mentions, "{id} does not mention the reception law of 2025");
    }
}

#[test]
fn no_entry_says_the_police_cannot_arrest_a_host() {
    // C-F21: false as worded.
    let kb = kb();
    let found: Vec<&str> = kb
        .entries
        .iter()
        .filter(|e| {
            let t = text(e).replace('\u{a0}', " ");
            t.contains("ne peut pas arrêter") || t.contains("ne peut pas vous arrêter")
        })
        .map(|e| e.id.as_str())
        .collect();
    assert!(found.is_empty(), "« ne peut pas arrêter » in {found:?}");
}

#[test]
fn every_entry_that_discusses_the_uk_mentions_the_uk_france_agreement() {
    // E17, F132: the UK–France returns agreement, wherever the UK is discussed.
    let kb = kb();
    let uk = ["royaume-uni", "angleterre", "grande-bretagne"];
    let missing: Vec<&str> = kb
        .entries
        .iter()
        .filter(|e| uk.iter().any(|w| text(e).contains(w)))
        .filter(|e| {
            let t = text(e);
            let agreement = sentences(&t).any(|s| s.contains("accord") && s.contains("france"));
            let linked = e.id == "accord-france-royaume-uni"
                || e.answer.contains("[[accord-france-royaume-uni]]")
                || e.related.iter().any(|r| r == "accord-france-royaume-uni");
            !(agreement || linked)
        })
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        kb.entry("accord-france-royaume-uni").is_some(),
        "entry accord-france-royaume-uni"
    );
    assert!(
        missing.is_empty(),
        "the UK without the UK–France agreement: {missing:?}"
    );
}

#[test]
fn the_police_suicide_prevention_and_listening_lines_are_there() {
    let kb = kb();
    for number in ["101", "0800 32 123", "107"] {
        let contact = kb
            .contacts
            .iter()
            .find(|c| c.phone.iter().any(|p| p == number));
        assert!(contact.is_some(), "no contact with the number {number}");
        let entry = kb.entries.iter().find(|e| {
            let t = text(e).replace('\u{a0}', " ");
            t.split(|c: char| !(c.is_ascii_digit() || c == ' '))
                .any(|run| run.trim() == number)
        });
        assert!(entry.is_some(), "no entry gives the number {number}");
    }
}

#[test]
fn each_walloon_province_has_a_legal_aid_contact() {
    let kb = kb();
    for province in WALLOON_PROVINCES {
        let legal: Vec<&str> = kb
            .contacts
            .iter()
            .filter(|c| c.region == province && c.topics.iter().any(|t| t == "aide-juridique"))
            .map(|c| c.id.as_str())
            .collect();
        assert!(!legal.is_empty(), "no legal-aid contact in {province}");
        assert!(
            legal.iter().any(|id| id.starts_with("baj-")),
            "no bureau d'aide juridique in {province}: {legal:?}"
        );
    }
}

#[test]
fn every_contact_has_a_source_and_every_verified_date_follows_rule_d2() {
    // D.2: `verified` only for a detail confirmed directly that day (a call, an e-mail, the
    // organisation's own page), said in `verified_by`; never in the future; never the day a
    // fact sheet was compiled; an official page needs its address and the day it was read.
    let kb = kb();
    let today = relais::kb::today();
    for c in &kb.contacts {
        assert!(!c.sources.is_empty(), "{} has no source", c.id);
        let Some(on) = c.verified else {
            assert!(
                c.verified_by.is_none(),
                "{}: verified_by without verified",
                c.id
            );
            continue;
        };
        let by = c
            .verified_by
            .unwrap_or_else(|| panic!("{}: verified without verified_by", c.id));
        assert!(on <= today, "{}: verified in the future ({on})", c.id);
        assert!(
            !FACT_SHEET_DATES.contains(&on),
            "{}: a compilation day is not a check ({on})",
            c.id
        );
        if by == VerifiedBy::SiteOfficiel {
            assert!(
                c.sources
                    .iter()
                    .any(|s| s.url.is_some() && s.date == Some(on.into())),
                "{}: site_officiel without the page read on {on}",
                c.id
            );
        }
    }
}

#[test]
fn unverified_contacts_show_their_source_and_its_date() {
    // D.2.2: « Source : …, 2023 — non vérifié ».
    let kb = kb();
    let today = relais::kb::today();
    let c = kb
        .contacts
        .iter()
        .find(|c| c.verified.is_none() && c.sources.iter().any(|s| s.date.is_some()))
        .expect("an unverified contact with a dated source");
    let shown = relais::render::plain::contact(c, 200, today);
    let newest = relais::kb::dates::newest(&c.sources).expect("dated source");
    let line = format!(
        "Source : {}, {} — non vérifié",
        newest.title,
        newest.date.expect("date").display()
    );
    assert!(
        shown.contains(&line),
        "{} does not show « {line} »:\n{shown}",
        c.id
    );
}

#[test]
fn every_region_is_known_and_outside_wallonia_says_so() {
    let kb: KnowledgeBase = kb();
    let outside: Vec<&str> = kb
        .contacts
        .iter()
        .filter(|c| c.region == "flandre")
        .map(|c| c.id.as_str())
        .collect();
    for id in ["payoke", "centre-caricole", "centre-127bis"] {
        assert!(
            outside.contains(&id),
            "{id} should be marked flandre: {outside:?}"
        );
    }
    assert_eq!(
        relais::strings::region_label("flandre"),
        "Flandre (hors Wallonie)"
    );
}
