//! Properties of the search engine on the bundled knowledge base: folding is idempotent, an
//! entry's title typed without accents and with one typo finds that entry first (or tied with
//! the first), and no query, however strange, panics or returns highlights outside the title.

use std::sync::OnceLock;

use proptest::prelude::*;
use relais::kb::validate::load;
use relais::kb::{KnowledgeBase, Origin};
use relais::search::expand::lexicon::is_french;
use relais::search::fold::{fold, tokenize};
use relais::search::stem;
use relais::search::{Kind, SearchIndex};

fn bundled() -> &'static (KnowledgeBase, SearchIndex) {
    static KB: OnceLock<(KnowledgeBase, SearchIndex)> = OnceLock::new();
    KB.get_or_init(|| {
        let today = jiff::civil::date(2026, 11, 27);
        let kb = load(&Origin::Bundled, today)
            .expect("the bundled data is valid")
            .kb;
        let index = SearchIndex::new(&kb);
        (kb, index)
    })
}

/// Every word of the bundled data's texts, folded and stemmed as the index sees them.
fn vocabulary() -> &'static std::collections::HashSet<String> {
    static WORDS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let (kb, _) = bundled();
        let mut texts: Vec<&str> = Vec::new();
        for e in &kb.entries {
            texts.extend([e.title.as_str(), e.summary.as_str(), e.answer.as_str()]);
            texts.extend(e.keywords.iter().map(String::as_str));
        }
        for c in &kb.contacts {
            texts.extend([c.name.as_str(), c.description.as_str()]);
            texts.extend(c.topics.iter().map(String::as_str));
        }
        texts
            .iter()
            .flat_map(|t| tokenize(t))
            .map(|t| stem(&t.word))
            .collect()
    })
}

/// Removes accents but keeps case and punctuation, as someone typing on a plain keyboard would.
fn without_accents(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// One typo in the word at `range` of `text`: 0 swaps two neighbouring letters, 1 drops one,
/// 2 doubles one, 3 replaces one with `with`.
fn with_typo(text: &str, range: std::ops::Range<usize>, kind: u8, at: usize, with: char) -> String {
    let word: Vec<char> = text[range.clone()].chars().collect();
    let at = at % (word.len() - 1);
    let mut typed = word.clone();
    match kind % 4 {
        0 => typed.swap(at, at + 1),
        1 => {
            typed.remove(at);
        }
        2 => typed.insert(at, word[at]),
        _ => {
            if typed[at].eq_ignore_ascii_case(&with) {
                typed[at] = if with == 'z' { 'y' } else { 'z' };
            } else {
                typed[at] = with;
            }
        }
    }
    let typed: String = typed.into_iter().collect();
    format!("{}{}{}", &text[..range.start], typed, &text[range.end..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn folding_is_idempotent(s in any::<String>()) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once.clone());
        let words = |t: &str| tokenize(t).into_iter().map(|t| t.word).collect::<Vec<_>>();
        prop_assert_eq!(words(&once), words(&s));
    }

    #[test]
    fn folding_french_text_is_idempotent(s in "[a-zA-ZàâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊÎÔŒÆ’'«» -]{0,60}") {
        let once = fold(&s);
        prop_assert!(once.is_ascii());
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn a_title_without_accents_and_with_one_typo_finds_its_entry(
        pick in any::<prop::sample::Index>(),
        word_pick in any::<prop::sample::Index>(),
        kind in 0u8..4,
        at in 0usize..64,
        with in proptest::char::range('a', 'z'),
    ) {
        let (kb, index) = bundled();
        let entry = pick.get(&kb.entries);
        let title = without_accents(&entry.title);
        let long: Vec<_> = tokenize(&title)
            .into_iter()
            .filter(|t| t.word.len() >= 5 && t.word.bytes().all(|b| b.is_ascii_alphabetic()))
            .collect();
        prop_assume!(!long.is_empty());
        let token = word_pick.get(&long);
        let query = with_typo(&title, token.range.clone(), kind, at, with);
        // A typo that makes another word of the data ("ferme" → "femme", found in "femmes")
        // is that word, not a typo: the query then asks for something else.
        let written: Vec<String> = tokenize(&title).into_iter().map(|t| t.word).collect();
        // So is a typo that makes a French word ("droits" → "droite"): never corrected.
        let another_word = tokenize(&query)
            .into_iter()
            .filter(|t| !written.contains(&t.word))
            .any(|t| vocabulary().contains(&stem(&t.word)) || is_french(&t.word, &stem(&t.word)));
        prop_assume!(!another_word);
        let hits = index.query(&query);
        let top: Vec<&str> = hits.iter().take(3).map(|h| h.id.as_str()).collect();
        // First, or as good as the first: a typo weighs far below the word, so another title
        // holding the same words (« Centre fermé de Bruges » for « Qu'est-ce qu'un centre
        // fferme ? ») can tie with it.
        let own = hits.iter().find(|h| h.id == entry.id).map(|h| h.score);
        let best = hits.first().map_or(0.0, |h| h.score);
        prop_assert!(
            own.is_some_and(|s| s >= 0.95 * best),
            "query {:?} top {:?} own {:?} best {}", query, top, own, best
        );
    }

    /// The index finds the words of a stem among those starting with the stem but for its last
    /// two letters (and at least its first letter): that must hold for every word.
    #[test]
    fn a_stem_is_its_word_but_for_the_last_two_letters(
        w in "[a-z]{1,12}(ement|ements|ation|ations|atrice|eaux|aux|euse|euses|ique|iques|logie|usion|ution|ence|ences|ier|iere|issement|amment|emment|ment|ions|ez|ent|ee|ees|ivement|yer|uie)?"
    ) {
        let s = stem(&w);
        let head = &s[..s.len().saturating_sub(2).max(1).min(s.len())];
        prop_assert!(w.starts_with(head), "{} -> {}", w, s);
    }

    #[test]
    fn no_query_panics_and_highlights_stay_in_the_title(q in any::<String>()) {
        check_query(&q)?;
    }

    #[test]
    fn combining_marks_rtl_emoji_and_punctuation(
        q in "[\u{300}-\u{36F}\u{590}-\u{6FF}\u{200E}\u{200F}\u{202B}\u{1F600}-\u{1F64F}\u{FE0F}\u{200D}a-z !?.,;:'’«»()-]{0,200}"
    ) {
        check_query(&q)?;
    }

    #[test]
    fn very_long_queries(word in "[a-zé’ ]{1,12}", times in 1usize..1200) {
        let q = word.repeat(times);
        check_query(&q)?;
    }
}

/// Runs `q` through every entry point and checks the highlights against the titles.
fn check_query(q: &str) -> Result<(), TestCaseError> {
    let (kb, index) = bundled();
    for hit in index.query(q) {
        let title = match hit.kind {
            Kind::Faq => kb.entry(&hit.id).map(|e| e.title.as_str()),
            Kind::Contact => kb.contact(&hit.id).map(|c| c.name.as_str()),
        };
        let title = title.ok_or_else(|| TestCaseError::fail("hit without a document"))?;
        for r in &hit.positions {
            prop_assert!(
                title.get(r.clone()).is_some(),
                "{:?} outside {:?}",
                r,
                title
            );
        }
        prop_assert!(hit.score.is_finite() && hit.score >= 0.0);
    }
    let _ = index.suggest(q);
    Ok(())
}

#[test]
fn ten_thousand_characters_and_punctuation_only() {
    let long: String = "é’l'hébergeur, ".chars().cycle().take(10_000).collect();
    check_query(&long).expect("long query");
    assert!(bundled().1.query("?!…«»—–-'’.,;:()[]{}").is_empty());
    assert!(bundled().1.query("").is_empty());
    assert!(bundled().1.query("\u{301}\u{301}\u{301}").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A word that reaches nothing in the data, not even with a typo, is part of the question
    /// that the data does not answer: beside one other word, the first hit is no sure answer.
    #[test]
    fn a_word_that_reaches_nothing_makes_the_answer_unsure(unknown in "[qxzwk]{5,8}") {
        let index = &bundled().1;
        let opts = relais::search::QueryOptions::default();
        prop_assert!(index.search("camion ", opts).sure());
        let q = format!("camion {unknown} ");
        let results = index.search(&q, opts);
        prop_assert!(!results.hits.is_empty());
        prop_assert!(!results.sure(), "{q} is sure");
    }
}

/// Snowball cuts `délit` to `del`, the stem of `délai` and `delà` too: so short a stem joins only
/// the word's own forms (`délits`), while `loge` still reaches `loger` and `logement`.
#[test]
fn a_short_stem_joins_only_the_words_own_forms() {
    let index = &bundled().1;
    let matched = |q: &str| -> Vec<String> {
        index
            .query(q)
            .iter()
            .flat_map(|h| h.reasons.iter().map(|r| fold(&r.matched)))
            .collect()
    };
    let delit = matched("delit ");
    assert!(delit.iter().any(|w| w == "delit"));
    assert!(
        !delit.iter().any(|w| w.starts_with("delai") || w == "dela"),
        "{delit:?}"
    );
    let loge = matched("loge ");
    assert!(
        loge.iter()
            .any(|w| w == "loger" || w.starts_with("logement")),
        "{loge:?}"
    );
}
