//! Stage 4: what each term reaches in the vocabulary — exactly, by stem, through a word family
//! of the data, as a prefix, with a glued elision undone (`lhebergeur`), glued to its neighbour
//! (`police watch`), and only when the data does not know it in any form and it is not a
//! French word ([`super::typo`]), through typos or as part of a longer word. Synonym groups
//! then give alternatives for whole terms ([`synonyms`]).

pub mod synonyms;

use super::MatchKind;
use super::expand::{Expanded, Expansion, Known, Term, add, lexicon, stems};
use super::fold::unglue_elision;
use super::index::Index;
use super::typo;
use super::weights::{MAX_PREFIXED, SHORT_STEM, kind as weight, prefix};

/// Runs the stage: fills each term's expansions and the query's synonym alternatives.
pub fn matching(index: &Index, q: &mut Expanded) {
    for i in 0..q.terms.len() {
        let (known, expansions) = reach(index, &q.terms, i);
        q.terms[i].known = known;
        q.terms[i].expansions = expansions;
    }
    q.alternatives = synonyms::alternatives(index, &q.terms);
    // A word that is a member of a synonym group is known, even if the data never uses it.
    for a in &q.alternatives {
        for t in &mut q.terms[a.covers.clone()] {
            if t.known == Known::Unknown && t.expansions.iter().all(|e| e.kind >= MatchKind::Typo) {
                t.expansions.clear();
                t.known = Known::French;
            }
        }
    }
}

/// What term `i` reaches.
fn reach(index: &Index, terms: &[Term], i: usize) -> (Known, Vec<Expansion>) {
    let term = &terms[i];
    let t = term.text.as_str();
    let mut out = Vec::new();
    words_of(index, t, &term.stem, 1.0, &mut out);
    // Snowball French leaves the third person plural of a verb whole (`toussent`, `cherchent`),
    // and reads the first (`hebergeons`) as a noun in `-on`: when the data holds the singular
    // (`tousse`, `heberge`), the word reaches it and its forms, as a stem.
    let verb = plural_verb(index, t, &term.stem)
        .map(str::to_owned)
        .or_else(|| first_plural_verb(index, t, &term.stem));
    if let Some(singular) = verb.as_deref() {
        let from = out.len();
        words_of(
            index,
            singular,
            &stems::stem(singular),
            weight::STEM,
            &mut out,
        );
        for e in &mut out[from..] {
            if e.kind == MatchKind::Exact {
                e.kind = MatchKind::Stem;
            }
        }
    }
    for (a, b) in [(i.wrapping_sub(1), i), (i, i + 1)] {
        if let (Some(x), Some(y)) = (terms.get(a), terms.get(b))
            && let Some(id) = index.vocab.find(&format!("{}{}", x.text, y.text))
        {
            // Both words reach the one data word (`pro deo` → `prodeo`): each scores half of
            // it, so that the pair counts it once, as a word typed whole would.
            add(&mut out, id, MatchKind::Glued, weight::GLUED / 2.0, true);
        }
    }
    let in_data = !out.is_empty();
    let french = typo::known(in_data, t, &term.stem) == Known::French;
    // Glued to an elided article or pronoun (`lhebergeur`, `largent`): unless the word list
    // holds the word's own stem. A word it knows only as a guessed verb form (`largent` as
    // « ils largent ») is read as glued too.
    if !in_data
        && !lexicon::is_french_stem(&term.stem)
        && let Some(rest) = unglue_elision(t)
    {
        words_of(index, rest, &stems::stem(rest), weight::ELISION, &mut out);
    }
    // Prefixes: of the word being typed, or of a word that is no word.
    if term.typing || (out.is_empty() && !french && t.len() >= prefix::UNKNOWN_FROM) {
        let base: (f32, f32) = match (term.typing, in_data, french) {
            (true, _, true) => prefix::TYPING_FRENCH,
            (true, true, false) => prefix::TYPING_IN_DATA,
            (true, false, false) => prefix::TYPING_UNKNOWN,
            (false, ..) => prefix::NOT_TYPING,
        };
        let range = index.vocab.prefixed(t);
        for id in range.take(MAX_PREFIXED) {
            #[allow(clippy::cast_precision_loss)] // word lengths
            let typed = t.len() as f32 / index.vocab.words[id as usize].len() as f32;
            add(
                &mut out,
                id,
                MatchKind::Prefix,
                base.0 + base.1 * typed,
                t.len() < prefix::SHORT_BELOW,
            );
        }
    }
    let known = typo::known(!out.is_empty(), t, &term.stem);
    if typo::corrects(known) {
        typo::typos(index, t, term.typing, &mut out);
        if out.is_empty() {
            typo::parts(index, t, &mut out);
        }
    }
    (known, out)
}

/// `toussent` → `tousse`: a word in `-ent` that its stem leaves whole and whose `-e` form is a
/// word of the data (`parent`, `moment` have none: they stay as they are).
fn plural_verb<'a>(index: &Index, t: &'a str, stem: &str) -> Option<&'a str> {
    let singular = t.strip_suffix("nt")?;
    (stem == t && singular.ends_with('e') && singular.chars().count() >= 4)
        .then_some(singular)
        .filter(|s| index.vocab.find(s).is_some())
}

/// `hebergeons` → `heberge`, `aidons` → `aide`: a word in `-ons` whose stem is no French word
/// (`prisons`, `lecons` are nouns: their stems are) and whose `-e` form is a word of the data.
fn first_plural_verb(index: &Index, t: &str, stem: &str) -> Option<String> {
    let base = t.strip_suffix("ons")?;
    if base.chars().count() < 3 || lexicon::is_french_stem(stem) {
        return None;
    }
    let singular = if base.ends_with('e') {
        base.to_owned()
    } else {
        format!("{base}e")
    };
    index.vocab.find(&singular).is_some().then_some(singular)
}

/// `w` without its final `s` or `x` and then its final `e` (`loges` → `log`).
fn bare(w: &str) -> &str {
    let w = w.trim_end_matches(['s', 'x']);
    w.strip_suffix('e').unwrap_or(w)
}

/// The exact word, the words of the same stem, and those of the same family, scaled.
fn words_of(index: &Index, t: &str, stem: &str, scale: f32, out: &mut Vec<Expansion>) {
    let vocab = &index.vocab;
    if let Some(id) = vocab.find(t) {
        add(out, id, MatchKind::Exact, weight::EXACT * scale, false);
    }
    // A stem of three letters or less cut from a longer word (`delit` → `del`) joins unrelated
    // words (`délai`, `delà`): it joins only words that begin with the other, but for a final
    // `e`, `s` or `x` (`loge`: `loger`, `logement`).
    let short = stem.len() < SHORT_STEM && t.len() > stem.len();
    let bare_t = bare(t);
    for id in vocab.with_stem(stem) {
        let w = &*vocab.words[id as usize];
        // `mons` (the city) is not a form of `mon`: a word never reaches a stop word.
        if vocab.stop[id as usize] && !stems::is_stop_word(t) {
            continue;
        }
        // `porter` (plainte) is no form of `port`, the harbour (see [`stems::APART`]).
        if stems::apart(t, w) {
            continue;
        }
        let plural = w.trim_end_matches(['s', 'x']) == t.trim_end_matches(['s', 'x']);
        // ... and a word that short is a word of its own (`hiv` is no form of `hiver`); two
        // words that end apart are forms of one only when one is the other and an ending
        // (`pris`, `prise`), not when each has its own (`gars`, `gare`).
        if short
            && !plural
            && ((!w.starts_with(bare_t) && !t.starts_with(bare(w)))
                || w.len().min(t.len()) < SHORT_STEM
                || (bare(w) == bare_t && !ends_as_form(w, t) && !ends_as_form(t, w)))
        {
            continue;
        }
        // The other way too: `hiv` typed reaches `hivs`, never `hiver`.
        if !plural && t.chars().count() < SHORT_STEM {
            continue;
        }
        let wt = if plural { weight::PLURAL } else { weight::STEM };
        add(out, id, MatchKind::Stem, wt * scale, false);
    }
    // A word that short is a word of its own in a family too: `hiv` is neither reached from
    // the family of `hiver` nor reaches it.
    if t.chars().count() >= SHORT_STEM {
        family(index, stem, scale, out);
    }
}

/// True when `word` is `base` with a plural or feminine ending (`e`, `s`, `x`, `es`).
fn ends_as_form(word: &str, base: &str) -> bool {
    word.strip_prefix(base)
        .is_some_and(|end| matches!(end, "e" | "s" | "x" | "es"))
}

/// Words of the data in the families of `stem`, but those of fewer than [`SHORT_STEM`] letters.
fn family(index: &Index, stem: &str, scale: f32, out: &mut Vec<Expansion>) {
    for fam in index.families_of(stem) {
        for s in &index.families[fam as usize] {
            for id in index.vocab.with_stem(s) {
                if index.vocab.words[id as usize].chars().count() < SHORT_STEM {
                    continue;
                }
                add(out, id, MatchKind::Family, weight::FAMILY * scale, false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::search::{MatchKind, SearchIndex};

    #[test]
    fn two_short_words_that_end_apart_are_not_forms_of_one() {
        // `gars` and `gare` share the stem `gar`: a guy is no station. `loge` still reaches
        // `loger`, which begins with it.
        let kb = crate::search::one_file_kb(
            "categories: [{id: c, title: C}]\nentries:\n\
                   - {id: a, title: Aller à la gare, category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n\
                   - {id: b, title: Où se loger, category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n",
        );
        let index = SearchIndex::new(&kb);
        assert!(index.query("gars ").iter().all(|h| h.id != "a"));
        assert!(index.query("gares ").iter().any(|h| h.id == "a"));
        assert_eq!(
            index.query("loge ").first().map(|h| h.id.as_str()),
            Some("b")
        );
    }

    #[test]
    fn a_word_of_one_stem_and_another_sense_is_not_reached() {
        // `porter` plainte and `port`, the harbour, share the stem `port`.
        let index = two_entries("Aller au port", "Le porter au bureau");
        assert!(index.query("porte ").iter().all(|h| h.id != "a"));
        assert!(index.query("ports ").iter().all(|h| h.id != "b"));
        assert!(index.query("ports ").iter().any(|h| h.id == "a"));
    }

    #[test]
    fn a_word_glued_to_its_article_is_read_apart_even_when_it_looks_like_a_verb() {
        // `largent` ends like a verb (« ils largent », from `large`): the word list knows it only
        // by that guess, so it is read as `l'argent`, as `lhebergeur` is `l'hébergeur`.
        use super::lexicon;
        assert!(lexicon::is_french("largent", "largent") && !lexicon::is_french_stem("largent"));
        let kb = crate::search::one_file_kb(
            "categories: [{id: c, title: C}]\nentries:\n\
                   - {id: a, title: Recevoir de l'argent, category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n\
                   - {id: b, title: Une tente pour la nuit, category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n",
        );
        let index = SearchIndex::new(&kb);
        let hits = index.query("largent ");
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("a"), "{hits:?}");
    }

    #[test]
    fn a_first_person_plural_reaches_its_singular_but_a_noun_in_ons_does_not() {
        let kb = crate::search::one_file_kb(
            "categories: [{id: c, title: C}]\nentries:\n\
                   - {id: a, title: Qui héberge un exilé, category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n\
                   - {id: b, title: Une prise de sang, category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n",
        );
        let index = SearchIndex::new(&kb);
        let hits = index.query("nous hébergeons ");
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("a"), "{hits:?}");
        assert_eq!(
            hits[0].reasons[0].kind,
            MatchKind::Stem,
            "{:?}",
            hits[0].reasons
        );
        // `prisons` is the plural of a noun, not a verb: it never reaches `prise`.
        assert!(index.query("prisons ").iter().all(|h| h.id != "b"));
    }

    #[test]
    fn two_words_glued_in_one_word_of_the_data_count_it_once() {
        let kb = crate::search::one_file_kb(
            "categories: [{id: c, title: C}]\nentries:\n\
                   - {id: a, title: Un avocat gratuit, keywords: [prodeo], category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n\
                   - {id: b, title: Autre chose, category: c, \
                   summary: Rien, answer: Rien, sources: [{title: T}], reviewed: 2026-06-01}\n",
        );
        let index = SearchIndex::new(&kb);
        let points = |q: &str, kind: MatchKind| -> f32 {
            let hits = index.query(q);
            assert_eq!(hits[0].id, "a", "{hits:?}");
            hits[0]
                .reasons
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| r.points)
                .sum()
        };
        let whole = points("prodeo", MatchKind::Exact);
        let pair = points("pro deo", MatchKind::Glued);
        // `pro` and `deo` both reach `prodeo`: together they score it once, below the word typed
        // whole, not twice.
        assert!(pair > 0.0 && pair < whole, "pair {pair}, whole {whole}");
    }

    fn two_entries(a: &str, b: &str) -> SearchIndex {
        let kb = crate::search::one_file_kb(format!(
            "categories: [{{id: c, title: C}}]\nentries:\n\
                 - {{id: a, title: {a}, category: c, \
                 summary: Rien, answer: Rien, sources: [{{title: T}}], reviewed: 2026-06-01}}\n\
                 - {{id: b, title: {b}, category: c, \
                 summary: Rien, answer: Rien, sources: [{{title: T}}], reviewed: 2026-06-01}}\n"
        ));
        SearchIndex::new(&kb)
    }

    #[test]
    fn a_corrected_word_reaches_its_forms_below_itself() {
        // `hebergment` is one letter from `hébergement`, and through it reaches `héberger`.
        let index = two_entries("Héberger quelqu'un chez soi", "Un hébergement d'urgence");
        let hits = index.query("hebergment ");
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"], "{hits:?}");
        assert!(hits[1].score < hits[0].score);
        assert!(hits.iter().all(|h| h.reasons[0].kind == MatchKind::Typo));
    }

    #[test]
    fn a_word_said_twice_counts_once() {
        let index = two_entries("Combien de temps dure la procédure", "Un autre sujet");
        let once = index.query("temps procedure ");
        let twice = index.query("temps procedure pendant ce temps ");
        assert_eq!(once[0].id, "a");
        assert_eq!(
            (twice[0].id.as_str(), twice[0].words),
            ("a", once[0].words + 1)
        );
        // `pendant` reaches nothing: the second `temps` adds no reason and no points.
        let points = |h: &crate::search::Hit| -> Vec<(String, f32)> {
            h.reasons
                .iter()
                .map(|r| (r.query_word.clone(), r.points))
                .collect()
        };
        assert_eq!(points(&twice[0]), points(&once[0]));
    }
}
