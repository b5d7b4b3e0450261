//! The search's own data, end to end on a small knowledge base: `ask` phrasings are searched
//! like a second title, word families join what the stemmer does not, colloquial forms are
//! read as their words, French words are never "corrected", synonyms stay below the word
//! itself and earn no neighbour bonus, and a weak first hit is not called sure.

use relais::kb::SourceFile;
use relais::kb::validate::validate;
use relais::search::{Field, MatchKind, QueryOptions, SearchIndex};

const KB: &str = r#"
categories: [{id: c, title: C}]
synonyms:
  - [police, flic, keuf]
families:
  - [scolarité, scolarisation]
  - [hiver, hivernal]
colloquial:
  - [jpeu, je peux]
  - [qqn, quelqu'un]
entries:
  - id: ecole
    title: "Un enfant peut-il aller à l'école ?"
    category: c
    summary: "Oui, la scolarité est obligatoire."
    answer: "Inscrivez-le à l'école de la commune."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: velo
    title: "Puis-je prêter un moyen de transport ?"
    ask: ["prêter mon vélo", "donner une bicyclette", "un vélo pour rouler", "prêter un vélo à qqn"]
    category: c
    summary: "Oui, sans contrepartie."
    answer: "Un prêt gratuit n'est pas un trafic."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: droits-hebergeur
    title: "Quels sont mes droits en tant qu'hébergeur ?"
    category: c
    summary: "Héberger quelqu'un sans contrepartie n'est pas puni."
    answer: "La police peut venir ; restez calme."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: asile-logement
    title: "Où dort un demandeur d'asile ?"
    category: c
    summary: "Dans un centre d'accueil : ses droits au logement."
    answer: "Le réseau d'accueil loge les demandeurs. Droits et police : voir ailleurs."
    keywords: [flic droits]
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: abri
    title: "Où dormir au chaud en hiver ?"
    category: c
    summary: "Les abris de nuit ouvrent."
    answer: "Demandez au relais social."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: depistage
    title: "Où faire un test de dépistage ?"
    category: c
    summary: "Un test gratuit et anonyme."
    answer: "Dans un centre de dépistage."
    keywords: [HIV, sida]
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: toux
    title: "Il tousse depuis des semaines ?"
    category: c
    summary: "Un médecin doit le voir."
    answer: "Allez au centre de santé."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: danger
    title: "Est-ce dangereux ?"
    category: c
    summary: "Non."
    answer: "Rien de dangereux, parce que c'est permis."
    sources: [{title: T}]
    reviewed: 2026-06-01
"#;

fn index() -> SearchIndex {
    let files = [SourceFile {
        name: "kb.yaml".into(),
        text: KB.into(),
    }];
    let (kb, _) = validate(&files, jiff::civil::date(2026, 11, 27)).expect("valid");
    SearchIndex::new(&kb)
}

fn first(index: &SearchIndex, q: &str) -> Option<String> {
    index.query(q).first().map(|h| h.id.clone())
}

#[test]
fn ask_phrasings_are_searched_like_a_second_title() {
    let index = index();
    let hits = index.query("velo");
    assert_eq!(hits[0].id, "velo");
    assert!(
        hits[0]
            .reasons
            .iter()
            .any(|r| r.field == Field::Ask && r.kind == MatchKind::Exact),
        "{:?}",
        hits[0].reasons
    );
    assert!(
        index
            .search("preter mon velo", QueryOptions::default())
            .sure()
    );
}

#[test]
fn families_join_words_the_stemmer_keeps_apart() {
    let index = index();
    let hits = index.query("scolarisation");
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("ecole"));
    assert_eq!(hits[0].reasons[0].kind, MatchKind::Family);
}

#[test]
fn a_word_of_three_letters_is_no_member_of_a_family() {
    let index = index();
    // `hiver` and `hiv` share the French stem `hiv`: the family of `hiver` stays its own.
    let hits = index.query("plan hivernal");
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("abri"));
    assert!(hits.iter().all(|h| h.id != "depistage"), "{hits:?}");
    let hits = index.query("hiv ");
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("depistage"));
    assert!(hits.iter().all(|h| h.id != "abri"), "{hits:?}");
}

#[test]
fn a_word_never_reaches_a_stop_word_by_its_stem() {
    let index = index();
    // `parc` and `parce` share the stem `parc` (the word once typed: no longer a prefix).
    let hits = index.query("parc ");
    assert!(hits.iter().all(|h| h.id != "danger"), "{hits:?}");
}

#[test]
fn a_plural_verb_the_stemmer_leaves_whole_reaches_its_singular() {
    let index = index();
    // Snowball French keeps `toussent` whole; the data holds `tousse`.
    let hits = index.query("ils toussent ");
    assert_eq!(
        hits.first().map(|h| h.id.as_str()),
        Some("toux"),
        "{hits:?}"
    );
    assert_eq!(
        hits[0].reasons[0].kind,
        MatchKind::Stem,
        "{:?}",
        hits[0].reasons
    );
    // A noun in -ent whose -e form the data does not hold stays as it is.
    assert!(index.query("moment ").is_empty());
}

#[test]
fn colloquial_forms_are_read_as_their_words() {
    let index = index();
    let pipeline = index.explain("jpeu heberger qqn");
    assert!(
        pipeline
            .colloquial
            .contains(&("jpeu".to_owned(), "je peux".to_owned()))
    );
    // `qqn` is also a word of the data (an `ask` holds it as typed): it is still read as its
    // words, even while it is being typed, since no longer word of the data begins with it.
    assert!(
        pipeline
            .colloquial
            .contains(&("qqn".to_owned(), "quelqu'un".to_owned())),
        "{:?}",
        pipeline.colloquial
    );
    assert!(pipeline.stop_words.iter().any(|w| w == "quelqu"));
    let terms: Vec<&str> = pipeline.terms.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(terms, ["heberger"]);
    assert_eq!(
        first(&index, "jpeu heberger qqn").as_deref(),
        Some("droits-hebergeur")
    );
}

#[test]
fn french_words_are_never_corrected() {
    let index = index();
    // `manger` is one letter from `danger` but a word of its own: nothing matches it.
    assert!(index.query("manger").is_empty());
    // A real typo is corrected, below the word itself.
    let hits = index.query("dangereus");
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("danger"));
    assert!(!index.search("dangereus", QueryOptions::default()).sure());
}

#[test]
fn synonyms_score_below_the_word_and_earn_no_neighbour_bonus() {
    let index = index();
    // « droits » and « police » are literal in droits-hebergeur (title and answer); in
    // asile-logement the keywords hold « flic droits », neighbours only through a synonym.
    let hits = index.query("droits police");
    assert_eq!(hits[0].id, "droits-hebergeur", "{hits:?}");
    let other = hits
        .iter()
        .find(|h| h.id == "asile-logement")
        .expect("found");
    assert!(
        !other
            .reasons
            .iter()
            .any(|r| r.kind == MatchKind::Adjacent && r.field == Field::Keywords)
    );
    let keuf = index.query("keuf");
    assert!(!keuf.is_empty());
    assert!(
        keuf.iter()
            .all(|h| h.reasons.iter().all(|r| r.kind == MatchKind::Synonym))
    );
    assert!(!index.search("keuf", QueryOptions::default()).sure());
}
