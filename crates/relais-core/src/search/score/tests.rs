use crate::search::SearchIndex;

#[test]
fn a_term_found_in_several_fields_and_forms_adds_its_evidence() {
    // Two entries alike but for the summary of the second, which holds the word in another
    // form: its evidence adds to that of the `ask` (the best form alone would tie them, and
    // the tie would go to the shorter title, the first).
    let kb = |summary: &str| {
        format!(
            "categories: [{{id: c, title: C}}]\nentries:\n\
             - {{id: a, title: Un cas, ask: [violences sexuelles], category: c, \
             summary: Rien, answer: Rien, sources: [{{title: T}}], reviewed: 2026-06-01}}\n\
             - {{id: b, title: Second cas, ask: [violences sexuelles], category: c, \
             summary: {summary}, answer: Rien, sources: [{{title: T}}], reviewed: 2026-06-01}}\n"
        )
    };
    let kb = crate::search::one_file_kb(kb("Un geste sexuel"));
    let hits = SearchIndex::new(&kb).query("sexuelles");
    assert_eq!(hits[0].id, "b", "{hits:?}");
    assert!(hits[0].score > hits[1].score, "{hits:?}");
}

#[test]
fn a_word_only_in_the_answer_covers_less_of_the_query() {
    // Both entries hold both words; `tournai` is only in the answer of the first, in the
    // summary of the second: the first covers less of the query, though it matches it all.
    let text = "categories: [{id: c, title: C}]\nentries:\n\
         - {id: a, title: Donner des vêtements, category: c, summary: Oui, \
         answer: Un collectif en récolte à Tournai, sources: [{title: T}], \
         reviewed: 2026-06-01}\n\
         - {id: b, title: Donner des vêtements, category: c, summary: Un collectif à \
         Tournai, answer: Oui, sources: [{title: T}], reviewed: 2026-06-01}\n";
    let kb = crate::search::one_file_kb(text);
    let hits = SearchIndex::new(&kb).query("vetements tournai");
    let of = |id: &str| hits.iter().find(|h| h.id == id).expect("found");
    assert_eq!((of("a").matched, of("b").matched), (2, 2), "{hits:?}");
    assert!((of("b").coverage - 1.0).abs() < 1e-6, "{hits:?}");
    assert!(of("a").coverage < 0.95, "{hits:?}");
    assert_eq!(hits[0].id, "b");
}

#[test]
fn a_synonym_of_a_phrase_is_never_rarer_than_its_words() {
    // `sans` is in every entry, `papiers` in two, `clandestin` in one: the member would
    // score as two rare words and put the entry that only holds it above the words as typed.
    let mut text = String::from(
        "synonyms: [[sans papiers, clandestin]]\ncategories: [{id: c, title: C}]\nentries:\n\
         - {id: a, title: Aide sans papiers, category: c, summary: Oui, answer: Rien, \
         sources: [{title: T}], reviewed: 2026-06-01}\n\
         - {id: b, title: Aide au clandestin, category: c, summary: Oui sans, answer: Rien, \
         sources: [{title: T}], reviewed: 2026-06-01}\n\
         - {id: p, title: Des papiers, category: c, summary: Sans, answer: Rien, \
         sources: [{title: T}], reviewed: 2026-06-01}\n",
    );
    text.extend((0..6).map(|i| {
        format!(
            "- {{id: x{i}, title: Autre {i}, category: c, summary: Sans rien, answer: Rien, \
             sources: [{{title: T}}], reviewed: 2026-06-01}}\n"
        )
    }));
    let kb = crate::search::one_file_kb(text);
    let hits = SearchIndex::new(&kb).query("sans papiers");
    let of = |id: &str| hits.iter().find(|h| h.id == id).expect("found");
    assert_eq!(hits[0].id, "a", "{hits:?}");
    assert!(of("b").score < of("a").score * 0.75, "{hits:?}");
}
