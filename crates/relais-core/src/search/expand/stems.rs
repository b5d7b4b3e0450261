//! Stop words and stems. Stems come from the Snowball French stemmer (`rust-stemmers`), run on
//! folded words (no accents) for the index and the query alike, after a light fold of the
//! feminine past participle (`hebergee` → `hebergee`'s `heberge`) that folding leaves behind.

use rust_stemmers::{Algorithm, Stemmer};

use super::super::weights::{PLACE, WEAK};

/// Words that carry no meaning for search: articles, pronouns, auxiliaries and modal verbs,
/// prepositions, question words, the elided forms left by apostrophes, adverbs of time and
/// degree and greetings (`hier soir`, `vraiment`, `merci`), and the English ones people type
/// too. Sorted (kept dense: one word per line would run to 200 lines).
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "a", "ai", "aie", "aimerais", "aimerait", "aimerions", "ainsi", "alors", "an", "and", "are",
    "as", "at", "au", "aujourd", "aussi", "autre", "aux", "avais", "avait", "avec", "avez",
    "avoir", "avons", "ayant", "be", "beaucoup", "bien", "bonjour", "bonsoir", "c", "ca", "can",
    "car", "ce", "ceci", "cela", "celle", "celui", "ces", "cest", "cet", "cette", "ceux", "chez",
    "ci", "combien", "comme", "comment", "d", "dans", "de", "deja", "demain", "des", "devez",
    "devons", "devraient", "devrais", "devrait", "devriez", "devrions", "do", "does", "dois",
    "doit", "doivent", "donc", "du", "elle", "elles", "en", "encore", "entre", "es", "est", "et", "etais",
    "etait", "etant", "ete", "etes", "etre", "eu", "eux", "exactement", "faire", "fais", "fait",
    "faut", "for", "hier", "how", "hui", "i", "ici", "if", "il", "ils", "in", "is", "it", "j",
    "jamais", "je", "juste", "l", "la", "le", "les", "leur", "leurs", "lorsque", "lui", "m", "ma",
    "maintenant", "mais", "me", "meme", "merci", "mes", "moi", "mon", "my", "n", "ne", "ni", "nos",
    "notre", "nous", "of", "on", "ont", "or", "ou", "par", "parce", "part", "pas", "peut",
    "peuvent", "peux", "plus", "pour", "pourquoi", "pourraient", "pourrais", "pourrait",
    "pourriez", "pourrions", "pouvez", "pouvons", "puisque", "qu", "quand", "que", "quel",
    "quelle", "quelles", "quelqu", "quelque", "quelques", "quels", "qui", "quoi", "rien", "s",
    "sa", "sais", "sait", "se", "ses", "si", "soi", "sommes", "son", "sont", "souvent", "stp",
    "suis", "sur", "svp", "t", "ta", "tant", "te", "tes", "the", "to", "toi", "ton", "toujours",
    "tous", "tout", "toute", "toutes", "tres", "trop", "tu", "un", "une", "va", "vais", "veulent",
    "veut", "veux", "voici", "voila", "vos", "votre", "voudraient", "voudrais", "voudrait",
    "voudriez", "voudrions", "voulez", "voulons", "vous", "vraiment", "what", "where", "who", "y",
];

/// Words of everyday talk that mean something but say little about which answer is wanted
/// (`tout le monde dit`, `c'est vrai`, `les gens`, `un truc`, `qqn connait un avocat`), and the
/// words that ask for a way to reach someone (`numéro`, `contact`, `adresse`) rather than say
/// about what. A small knowledge base makes them look rare, and so weighty: they keep a share
/// ([`WEAK`]) of their rarity, in every form (by stem). Folded, sorted.
pub const WEAK_WORDS: &[&str] = &[
    "adresse",
    "besoin",
    "cas",
    "chose",
    "choses",
    "connais",
    "connaissez",
    "connait",
    "contact",
    "coordonnees",
    "dire",
    "dit",
    "dits",
    "fois",
    "gens",
    "moment",
    "monde",
    "numero",
    "pendant",
    "possible",
    "tel",
    "telephone",
    "temps",
    "trouver",
    "truc",
    "trucs",
    "vrai",
    "vraie",
    "vrais",
];

/// Towns and districts of Wallonia and Brussels where people help. In a question a town says
/// where, not what (`medecin gratuit namur`, `colis alimentaires verviers`): the topic is in
/// the other words, yet a town named in a few entries of a small knowledge base looks rare, and
/// an entry of another topic that names it (a list of lawyers by town) would win on it alone.
/// They keep a share ([`PLACE`]) of their rarity, as written only (a town has no forms). Not
/// here: places that are a topic of their own (the closed centres, `calais`). Folded, sorted.
#[rustfmt::skip]
pub const PLACE_WORDS: &[&str] = &[
    "anderlecht", "arlon", "bastogne", "bruxelles", "charleroi", "dinant", "eupen", "gembloux",
    "huy", "ixelles", "jambes", "liege", "louviere", "malmedy", "molenbeek", "mons", "mouscron",
    "namur", "nivelles", "ottignies", "schaerbeek", "seraing", "tournai", "verviers", "waremme",
    "wavre",
];

/// Words the stemmer joins to words of another meaning (`port`, the harbour, and `porter`
/// plainte; `presentation`, the slides, and `present`, `presenter`): each group is the forms of
/// one sense, and a word in a group never reaches, by stem, a word outside it. Folded.
pub const APART: &[&[&str]] = &[&["port", "ports"], &["presentation", "presentations"]];

/// True when two words of one stem are of different senses (see [`APART`]).
#[must_use]
pub fn apart(a: &str, b: &str) -> bool {
    let sense = |w: &str| APART.iter().position(|g| g.contains(&w));
    sense(a) != sense(b)
}

/// True for a town (see [`PLACE_WORDS`]), on folded words.
#[must_use]
pub fn is_place_word(word: &str) -> bool {
    PLACE_WORDS.binary_search(&word).is_ok()
}

/// The share of its rarity a folded word keeps: [`WEAK`] for a weak word, [`PLACE`] for a
/// town, all of it otherwise.
#[must_use]
pub fn rarity_share(word: &str) -> f32 {
    if is_weak_word(word) {
        WEAK
    } else if is_place_word(word) {
        PLACE
    } else {
        1.0
    }
}

/// True for a form of a weak word (see [`WEAK_WORDS`]), on folded words.
#[must_use]
pub fn is_weak_word(word: &str) -> bool {
    static STEMS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<String> = WEAK_WORDS.iter().map(|w| stem(w)).collect();
        v.sort();
        v.dedup();
        v
    });
    WEAK_WORDS.binary_search(&word).is_ok() || STEMS.binary_search(&stem(word)).is_ok()
}

/// True for stop words (on folded words).
#[must_use]
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The stem of a folded word: Snowball French, after turning a final `ee`/`ees` into `e`
/// (`hebergee` and `hebergees` meet `heberge`). Words of fewer than four letters and words
/// with digits are their own stems.
#[must_use]
pub fn stem(word: &str) -> String {
    if word.len() < 4 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_owned();
    }
    let light = word.strip_suffix('s').unwrap_or(word);
    let light = light
        .strip_suffix("ee")
        .map_or(light, |w| &light[..=w.len()]);
    Stemmer::create(Algorithm::French).stem(light).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(is_stop_word("les") && is_stop_word("qu") && !is_stop_word("droits"));
        assert!(!is_stop_word("sans") && !is_stop_word("papiers"));
        // `entre`, the preposition (`la différence entre`), whose fold is also `entré`.
        assert!(is_stop_word("entre") && !is_stop_word("entree"));
        // Modal verbs in every person and in the conditional (`on voudrait`, `il pourrait`).
        for w in [
            "voudrais", "voudrait", "pourrait", "devrait", "aimerais", "veulent",
        ] {
            assert!(is_stop_word(w), "{w}");
        }
    }

    #[test]
    fn weak_words_are_sorted_and_found_in_every_form() {
        assert!(WEAK_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(is_weak_word("vrai") && is_weak_word("dire") && is_weak_word("trucs"));
        // `qqn connait un avocat ?`: knowing asks for someone, it says nothing of the topic.
        assert!(is_weak_word("connait") && is_weak_word("connaissez"));
        assert!(!is_weak_word("urgence") && !is_weak_word("avocat") && !is_weak_word("asile"));
    }

    #[test]
    fn towns_are_weak_as_written_and_topic_places_are_not() {
        assert!(PLACE_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(is_place_word("namur") && is_place_word("louviere") && is_place_word("mons"));
        // A closed centre or the road to England is what the question is about.
        assert!(!is_place_word("vottem") && !is_place_word("calais"));
        // As written only: a town has no forms.
        assert!(!is_place_word("mon") && !is_place_word("namurois"));
    }

    const KB: &str = r#"
categories: [{id: c, title: C}]
entries:
  - id: avocats
    title: "Où trouver un avocat à Namur ou à Wavre ?"
    category: c
    summary: "Au bureau d'aide juridique."
    answer: "Appelez avant."
    sources: [{title: T}]
    reviewed: 2026-06-01
  - id: soins
    title: "Comment faire soigner une personne sans papiers ?"
    keywords: [médecin]
    category: c
    summary: "Par l'aide médicale urgente."
    answer: "Le CPAS paie."
    sources: [{title: T}]
    reviewed: 2026-06-01
"#;

    #[test]
    fn a_town_does_not_outweigh_what_the_question_is_about() {
        use crate::kb::SourceFile;
        use crate::search::SearchIndex;
        let files = [SourceFile {
            name: "kb.yaml".into(),
            text: KB.into(),
        }];
        let date = jiff::civil::date(2026, 11, 27);
        let (kb, _) = crate::kb::validate::validate(&files, date).expect("valid");
        let index = SearchIndex::new(&kb);
        assert_eq!(index.query("medecin namur")[0].id, "soins");
        // Alone, the town still finds what names it.
        assert_eq!(index.query("namur")[0].id, "avocats");
    }

    #[test]
    fn words_of_one_stem_and_two_senses_are_apart() {
        assert_eq!(stem("presentation"), stem("present"));
        assert!(apart("presentation", "present") && apart("presenter", "presentations"));
        assert!(apart("porter", "port") && !apart("port", "ports"));
        assert!(!apart("presenter", "presente") && !apart("porter", "porte"));
    }

    #[test]
    fn stems_join_inflections() {
        assert_eq!(stem("hebergement"), stem("heberger"));
        assert_eq!(stem("hebergee"), stem("heberge"));
        assert_eq!(stem("hebergees"), stem("heberger"));
        assert_eq!(stem("aidantes"), stem("aidant"));
        assert_eq!(stem("transporter"), stem("transport"));
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("127bis"), "127bis");
    }
}
