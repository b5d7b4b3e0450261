//! When the translations lead, and how their hits and the French ones make one list.
//!
//! A query reads as another language when it has a word the French data does not know and a
//! translation covers more of it than the best French hit does (or as much, when the French hit
//! is not sure); or when every one of its words is a word of the translations and a
//! translation's title or `ask` holds the whole query word for word (`fedasil reception`: both
//! words are also French words, but only the English holds them together). Otherwise the
//! French results are returned untouched — unless they are empty and only a typo of a
//! translation's word matches (`scabis`).
//!
//! In the fused list, a French hit counts for the share of the query the French index can read
//! (its French words, half of the words both sides know): an English query whose words are
//! also French words (`mental`, `police`) does not let the French index's reading of them
//! outweigh the translations.

// Counts of words are small: they are exact as `f32`.
#![allow(clippy::cast_precision_loss)]

use crate::search::{Hit, QueryOptions, Results, SearchIndex};

/// How much a French hit counts beside the translations, when the query reads as another
/// language: sure, or not.
pub(super) const FRENCH_SURE: f32 = 1.0;
pub(super) const FRENCH_UNSURE: f32 = 0.8;
/// Why a hit found through a translation is not a sure answer.
const PARTIAL: &str = "la traduction ne contient qu'une partie de la question";
/// Share of the query's words a sure translated hit holds more than: as in French, a hit that
/// leaves out half of the question is not a sure answer.
pub(super) const PARTIAL_AT: f32 = 0.5;
const TYPOS: &str = "la traduction ne correspond qu'avec des fautes corrigées";

impl SearchIndex {
    /// The French results, or the translations first when the query reads as another
    /// language (see the module's doc); French results are returned untouched otherwise.
    pub(in crate::search) fn with_translations(
        &self,
        french: Results,
        query: &str,
        opts: QueryOptions,
    ) -> Results {
        if self.lang.is_empty() {
            return french;
        }
        let vocab = &self.index.vocab;
        let found = self.lang.search(query, |w| vocab.find(w).is_some());
        let reading = found.reading;
        let mut hits = found.hits;
        hits.retain(|h| opts.kind.is_none_or(|k| k == h.kind));
        let Some(top) = hits.first() else {
            return french;
        };
        let (fr_cov, fr_sure) = french.hits.first().map_or((0.0, false), |h| {
            let cov = if h.words == 0 {
                0.0
            } else {
                h.matched as f32 / h.words as f32
            };
            (cov, french.sure())
        });
        let cov = top.coverage();
        let by_words = top.foreign > 0 && (cov > fr_cov || (!fr_sure && cov >= fr_cov));
        let by_phrase = top.phrase && reading.all_translated();
        // Nothing in French at all, not even with typos corrected: the translations' typos.
        let alone = french.hits.is_empty();
        if !by_words && !by_phrase && !alone {
            return french;
        }
        let doubt = if top.typos >= top.matched {
            Some(TYPOS)
        } else {
            (cov <= PARTIAL_AT).then_some(PARTIAL)
        };
        let fr_weight = if fr_sure { FRENCH_SURE } else { FRENCH_UNSURE };
        let fr_weight = fr_weight * reading.french_share();
        let lang_max = top.score.max(f32::EPSILON);
        let fr_max = french
            .hits
            .first()
            .map_or(1.0, |h| h.score.max(f32::EPSILON));
        let mut fused: Vec<(f32, Hit)> = Vec::new();
        // The query reads as the translations' language: each translation that matches it is
        // evidence, also through the words French shares (« wifi », « police »).
        for h in &hits {
            fused.push((
                h.coverage() * h.score / lang_max,
                Hit {
                    id: h.id.clone(),
                    kind: h.kind,
                    score: 0.0,
                    positions: Vec::new(),
                    reasons: Vec::new(),
                    matched: h.matched,
                    words: h.words,
                    coverage: h.coverage(),
                    matched_lang: Some(h.lang),
                },
            ));
        }
        // Both sides counted against the same words: the French index also counts the
        // English words it treats as meaningful (« at », « is »), which would sink it here.
        let words = top.words.max(1) as f32;
        for h in french.hits {
            let cov = (h.matched as f32 / words).min(1.0);
            let points = fr_weight * cov * h.score / fr_max;
            match fused.iter_mut().find(|(_, o)| o.id == h.id) {
                Some((p, o)) => {
                    *p += points;
                    o.positions = h.positions;
                }
                None => fused.push((points, h)),
            }
        }
        fused.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        let out = fused
            .into_iter()
            .take(opts.limit)
            .map(|(p, mut h)| {
                h.score = (p * 1000.0).round() / 1000.0;
                h
            })
            .collect();
        Results { hits: out, doubt }
    }
}

#[cfg(test)]
mod tests {
    use crate::search::SearchIndex;

    fn index() -> SearchIndex {
        let entry = |id: &str, title: &str, answer: &str| {
            format!(
                "- {{id: {id}, title: \"{title}\", category: c, summary: Rien, answer: \"{answer}\", \
                 sources: [{{title: T}}], reviewed: 2026-06-01}}\n"
            )
        };
        let data = format!(
            "categories: [{{id: c, title: C}}]\nentries:\n{}{}",
            entry(
                "arrete",
                "Quelqu'un a été arrêté",
                "Il est gardé au commissariat, 24 heures au plus."
            ),
            entry(
                "visite",
                "Rendre visite au centre",
                "La police de la station voisine garde le centre. Appelez le +32 2 524 98 89 \
                 (24 h sur 24)."
            ),
        );
        let en = "lang: en\nentries:\n  - id: arrete\n    status: machine\n    date: 2026-10-01\n    \
                  title: \"Someone was arrested\"\n    summary: \"He is held for a few hours.\"\n    \
                  ask: [\"police station arrest\", \"taken by the police\", \"held 24 hours\"]\n\
                  \x20 - id: visite\n    status: machine\n    date: 2026-10-01\n    \
                  title: \"Visiting the centre\"\n    summary: \"Phone +32 2 524 98 89, day and \
                  night (24 h).\"\n";
        super::super::index_with_english(data, en)
    }

    #[test]
    fn french_words_held_together_by_an_english_ask_read_as_english() {
        let index = index();
        // « police » and « station » are both words of the French data, apart in one answer;
        // only the English `ask` holds them together.
        let hits = index.query("police station");
        assert_eq!(hits[0].id, "arrete", "{hits:?}");
        assert_eq!(hits[0].matched_lang, Some("en"));
        // One word is no phrase: the French reading stays, untouched.
        let hits = index.query("police");
        assert_eq!(hits[0].id, "visite", "{hits:?}");
        assert!(hits.iter().all(|h| h.matched_lang.is_none()), "{hits:?}");
    }

    #[test]
    fn a_small_number_is_found_in_a_title_or_ask_not_in_a_phone_number() {
        let index = index();
        let results = index.lang.search("24", |_| false);
        let ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["arrete"]);
        assert!(index.lang.search("2", |_| false).hits.is_empty());
    }

    #[test]
    fn a_typo_of_an_english_word_finds_it_but_is_not_a_sure_answer() {
        let results = index().search("arested", crate::search::QueryOptions::default());
        assert_eq!(results.hits[0].id, "arrete", "{results:?}");
        assert_eq!(results.doubt, Some(super::TYPOS));
    }

    #[test]
    fn a_word_only_the_translations_know_lets_them_lead() {
        let hits = index().query("arrested");
        assert_eq!(hits[0].id, "arrete", "{hits:?}");
        assert_eq!(hits[0].matched_lang, Some("en"));
    }
}
