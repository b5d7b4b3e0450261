//! Every tunable of the search, in one place: the weight of each kind of match, the BM25F
//! constants, the bonuses, the confidence thresholds and the length limits. The phone page
//! reads the same values from [`Table`], serialised into it by [`super::page`], so that its
//! script and this crate cannot drift apart.

use serde::Serialize;

use super::FIELDS;

/// Weights of each kind of match, before field weights and rarity.
pub mod kind {
    pub const EXACT: f32 = 1.0;
    pub const PLURAL: f32 = 0.97;
    pub const STEM: f32 = 0.85;
    pub const ELISION: f32 = 0.95;
    pub const GLUED: f32 = 0.9;
    pub const FAMILY: f32 = 0.75;
    pub const SYNONYM: f32 = 0.5;
    /// One edit that is a common slip: two letters swapped, a letter doubled or not.
    pub const TYPO_SLIP: f32 = 0.6;
    pub const TYPO_1: f32 = 0.4;
    pub const TYPO_2: f32 = 0.3;
    pub const TYPO_PREFIX: f32 = 0.3;
    pub const PART: f32 = 0.3;
}

/// A prefix scores `base + per_letter × typed share of the word`: (base, per letter) for the
/// word being typed when it is a French word the data lacks, when the data holds it, when it
/// is neither, and for a word that is no word (not being typed).
pub mod prefix {
    pub const TYPING_FRENCH: (f32, f32) = (0.2, 0.2);
    pub const TYPING_IN_DATA: (f32, f32) = (0.45, 0.35);
    pub const TYPING_UNKNOWN: (f32, f32) = (0.5, 0.4);
    pub const NOT_TYPING: (f32, f32) = (0.4, 0.3);
    /// A prefix under this many letters only counts in titles, `ask` and keywords.
    pub const SHORT_BELOW: usize = 3;
    /// A word that is no word is tried as a prefix from this many letters.
    pub const UNKNOWN_FROM: usize = 3;
    /// A prefix match weighing less than this is no sure match.
    pub const SURE_FROM: f32 = 0.4;
}

/// Share of its rarity that an everyday word keeps (see `expand::stems::WEAK_WORDS`).
pub const WEAK: f32 = 0.4;
/// Share of its rarity that a town keeps (see `expand::stems::PLACE_WORDS`).
pub const PLACE: f32 = 0.5;

/// Highest rarity (IDF) a word scores with: about that of a word found in five documents of the
/// bundled data. Rarer words (one ask phrasing uses `débarque`) would otherwise outweigh the
/// rest of the query on their own.
pub const IDF_MAX: f32 = 3.5;

/// Saturation of the term frequency.
pub const K1: f32 = 4.0;
/// Field weights: title > ask > keywords > summary > answer.
pub const FIELD_WEIGHT: [f32; FIELDS] = [10.0, 8.0, 6.0, 3.0, 1.0];
/// Length normalisation per field.
pub const B: [f32; FIELDS] = [0.5, 0.5, 0.4, 0.5, 0.75];

/// Share of the smaller of two neighbouring terms' scores added, times the field's weight over
/// the title's.
pub const ADJACENT: f32 = 1.0;
/// Share of its score added to a document whose title or `ask` holds the whole query as typed,
/// little words included (`qui sont les migrants`).
pub const PHRASE: f32 = 0.5;
/// Share of its weight a term found only in a document's answer adds to that document's
/// coverage (see `rank::held_share`).
pub const ANSWER_ONLY: f32 = 0.5;
/// Coverage is raised to this power.
pub const COVERAGE_POWER: f32 = 0.5;
/// Weight of a French word the data does not hold, as a share of the query's mean term weight:
/// the query may ask something the data does not answer.
pub const FRENCH_UNKNOWN: f32 = 0.5;
/// A word of this many letters or more that reaches nothing is a word the data lacks, not noise.
pub const UNANSWERED_FROM: usize = 4;

/// A contact the query does not name scores this share of its points (the entry that explains
/// the situation comes first); one whose name the query is scores [`CONTACT_NAMED`] of them,
/// and in between, in proportion to how much of the name the query holds (by rarity) times
/// how much of the query is in the name.
pub const CONTACT_UNNAMED: f32 = 0.8;
pub const CONTACT_NAMED: f32 = 1.2;

/// The first hit is not sure when the query weight it matches as written is under this share.
pub const SURE_SHARE: f32 = 0.7;
/// ... unless the query weight found as written in its title, `ask`, keywords or summary is at
/// least this many times the query's mean term weight, and at least [`SURE_LONG_SHARE`] of the
/// query is found as written: a long question tells a story, most of whose words no entry holds.
pub const SURE_WORDS: f32 = 3.0;
pub const SURE_LONG_SHARE: f32 = 0.4;
/// ... or when its score is under this share of what a title holding every term scores, the
/// query counted at most [`SURE_WORDS_SCORED`] mean terms long.
pub const SURE_SCORE: f32 = 0.25;
pub const SURE_WORDS_SCORED: f32 = 6.0;

/// ... or when the query has this many terms or more and no two of them are next to each other
/// or in the same short field of the first hit.
pub const SCATTERED_FROM: usize = 3;

/// Longest query taken into account, in words (before stop words are dropped).
pub const MAX_WORDS: usize = 48;
/// Most query terms scored; the rest are ignored.
pub const MAX_TERMS: usize = 12;
/// Most words a prefix reaches (the first in alphabetical order).
pub const MAX_PREFIXED: usize = 64;
/// A stem shorter than this, cut from a longer word, joins only words beginning alike.
pub const SHORT_STEM: usize = 4;
/// A word is looked for inside longer words of the short fields from this many letters.
pub const PART_FROM: usize = 4;

/// Typos: words longer than this are never matched with typos.
pub const TYPO_MAX_LEN: usize = 40;
/// Typos allowed in a query word: one from this many letters, two from the second.
pub const TYPO_FROM: [usize; 2] = [5, 9];
/// Typos a suggestion may correct: one from the first length, two from the second, three from
/// the third ("Vouliez-vous dire" looks further than matching does).
pub const SUGGEST_FROM: [usize; 3] = [3, 5, 9];

// The word as written before its forms, its forms before synonyms, synonyms before typos.
const _: () = assert!(kind::EXACT > kind::STEM && kind::STEM > kind::SYNONYM);
const _: () = assert!(kind::SYNONYM > kind::TYPO_1 && kind::TYPO_1 > kind::TYPO_2);
const _: () = assert!(kind::STEM > kind::TYPO_SLIP && kind::TYPO_SLIP > kind::TYPO_1);
const _: () = assert!(CONTACT_UNNAMED < 1.0 && CONTACT_NAMED >= 1.0);

/// Every value above, as the phone page reads it.
#[derive(Serialize)]
pub struct Table {
    k1: f32,
    field: [f32; FIELDS],
    b: [f32; FIELDS],
    exact: f32,
    plural: f32,
    stem: f32,
    elision: f32,
    glued: f32,
    family: f32,
    synonym: f32,
    typo_slip: f32,
    typo1: f32,
    typo2: f32,
    typo_prefix: f32,
    part: f32,
    prefix_typing_french: (f32, f32),
    prefix_typing_in_data: (f32, f32),
    prefix_typing_unknown: (f32, f32),
    prefix_not_typing: (f32, f32),
    prefix_short_below: usize,
    prefix_unknown_from: usize,
    prefix_sure_from: f32,
    adjacent: f32,
    phrase: f32,
    answer_only: f32,
    coverage_power: f32,
    french_unknown: f32,
    unanswered_from: usize,
    contact_unnamed: f32,
    contact_named: f32,
    sure_share: f32,
    sure_score: f32,
    sure_words: f32,
    sure_long_share: f32,
    sure_words_scored: f32,
    scattered_from: usize,
    max_words: usize,
    max_terms: usize,
    max_prefixed: usize,
    short_stem: usize,
    part_from: usize,
    typo_max_len: usize,
    typo_from: [usize; 2],
    suggest_from: [usize; 3],
}

impl Table {
    #[must_use]
    pub fn new() -> Self {
        Self {
            k1: K1,
            field: FIELD_WEIGHT,
            b: B,
            exact: kind::EXACT,
            plural: kind::PLURAL,
            stem: kind::STEM,
            elision: kind::ELISION,
            glued: kind::GLUED,
            family: kind::FAMILY,
            synonym: kind::SYNONYM,
            typo_slip: kind::TYPO_SLIP,
            typo1: kind::TYPO_1,
            typo2: kind::TYPO_2,
            typo_prefix: kind::TYPO_PREFIX,
            part: kind::PART,
            prefix_typing_french: prefix::TYPING_FRENCH,
            prefix_typing_in_data: prefix::TYPING_IN_DATA,
            prefix_typing_unknown: prefix::TYPING_UNKNOWN,
            prefix_not_typing: prefix::NOT_TYPING,
            prefix_short_below: prefix::SHORT_BELOW,
            prefix_unknown_from: prefix::UNKNOWN_FROM,
            prefix_sure_from: prefix::SURE_FROM,
            adjacent: ADJACENT,
            phrase: PHRASE,
            answer_only: ANSWER_ONLY,
            coverage_power: COVERAGE_POWER,
            french_unknown: FRENCH_UNKNOWN,
            unanswered_from: UNANSWERED_FROM,
            contact_unnamed: CONTACT_UNNAMED,
            contact_named: CONTACT_NAMED,
            sure_share: SURE_SHARE,
            sure_score: SURE_SCORE,
            sure_words: SURE_WORDS,
            sure_long_share: SURE_LONG_SHARE,
            sure_words_scored: SURE_WORDS_SCORED,
            scattered_from: SCATTERED_FROM,
            max_words: MAX_WORDS,
            max_terms: MAX_TERMS,
            max_prefixed: MAX_PREFIXED,
            short_stem: SHORT_STEM,
            part_from: PART_FROM,
            typo_max_len: TYPO_MAX_LEN,
            typo_from: TYPO_FROM,
            suggest_from: SUGGEST_FROM,
        }
    }
}

impl Default for Table {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_kinds_keep_their_order() {
        assert!(FIELD_WEIGHT.windows(2).all(|w| w[0] > w[1]));
        assert!(TYPO_FROM[0] < TYPO_FROM[1] && SUGGEST_FROM.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_page_table_holds_the_values() {
        let json = serde_json::to_value(Table::new()).expect("serialisable");
        assert_eq!(json["k1"], serde_json::json!(K1));
        assert_eq!(json["typo_from"], serde_json::json!(TYPO_FROM));
        assert_eq!(json["max_words"], serde_json::json!(MAX_WORDS));
    }
}
