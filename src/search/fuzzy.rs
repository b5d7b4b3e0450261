//! Fuzzy subsequence scoring of the short fields (titles, keywords, contact names and topics)
//! with `frizbee`, on folded text. Patterns are built from our own folded words — never through
//! frizbee's fzf query syntax, which French apostrophes would trigger — and matching ignores
//! case and Unicode (both sides are folded ASCII). Only near-contiguous matches count: quality
//! is the score over what a contiguous match of the same length earns, and a match must lose
//! no more than a short gap per word.

use frizbee::{
    CaseMatching, Config, Matcher, Matching, Pattern, PatternConfig, Scoring, UnicodeMatching,
};

/// Longest pattern handed to the matcher, in bytes.
pub const MAX_NEEDLE: usize = 48;
/// Points lost to gaps that are still accepted: one short gap, plus one per word boundary of a
/// pattern glued from several words (`appelair` in `appel d air`).
const SLACK: u16 = 6;
const SLACK_PER_WORD: u16 = 7;

/// Plain scoring: bonuses (start of text, after a delimiter, exact) would let a scattered
/// subsequence of word initials pass for a contiguous match.
fn config() -> Config {
    let scoring = Scoring {
        prefix_bonus: 0,
        capitalization_bonus: 0,
        matching_case_bonus: 0,
        exact_match_bonus: 0,
        delimiter_bonus: 0,
        ..Scoring::default()
    };
    Config::default()
        .casing(CaseMatching::Ignore)
        .unicode(UnicodeMatching::Ignore)
        .matching(Matching::Fuzzy)
        .max_typos(Some(0))
        .scoring(scoring)
}

/// A matcher for one folded needle.
pub struct Fuzzy {
    matcher: Matcher,
    /// Score of a contiguous match.
    ideal: u16,
    /// Lowest score accepted.
    floor: u16,
}

impl Fuzzy {
    /// A matcher for `needle`, glued from `words` query words. `None` when the needle is too
    /// short to mean anything as a subsequence.
    pub fn new(needle: &str, words: usize) -> Option<Self> {
        let needle = needle.get(..needle.len().min(MAX_NEEDLE))?;
        if needle.len() < 3 || !needle.is_ascii() {
            return None;
        }
        let pattern = Pattern::new(needle, PatternConfig::default());
        let ideal = Scoring::default().match_score * needle.len() as u16;
        let slack = SLACK + SLACK_PER_WORD * (words.clamp(1, 8) as u16 - 1);
        Some(Self {
            matcher: Matcher::new(pattern, &config()),
            ideal,
            floor: ideal.saturating_sub(slack),
        })
    }

    /// Pushes `(index, quality)` for each haystack matched well enough.
    pub fn scan(&mut self, haystacks: &[Box<str>], out: &mut Vec<(u32, f32)>) {
        out.clear();
        for m in self.matcher.match_list(haystacks) {
            if m.score >= self.floor {
                out.push((
                    m.index,
                    (f32::from(m.score) / f32::from(self.ideal)).min(1.0),
                ));
            }
        }
    }

    /// The quality of the match in `haystacks[at]`, if good enough. Through the same list
    /// matcher as [`Fuzzy::scan`]: each of frizbee's entry points is compiled for every CPU
    /// back end it has, so using one keeps the binary megabytes smaller.
    pub fn quality_at(&mut self, haystacks: &[Box<str>], at: usize) -> Option<f32> {
        let one = haystacks.get(at..=at)?;
        let mut found = Vec::with_capacity(1);
        self.scan(one, &mut found);
        found.first().map(|&(_, q)| q)
    }
}

/// Byte offsets in `hay` of the characters of `needle`, in the shortest stretch of `hay` that
/// holds them in order (the leftmost of the shortest); empty when `hay` does not hold them.
/// Both are folded text. This places the highlight of a fuzzy match, which [`Fuzzy`] has
/// already accepted as near-contiguous.
pub fn tightest(hay: &str, needle: &str) -> Vec<u32> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return Vec::new();
    };
    let mut best: Vec<u32> = Vec::new();
    let mut span = usize::MAX;
    for start in (0..hay.len()).filter(|&i| hay[i] == first) {
        let mut at = vec![start];
        let mut next = start + 1;
        for &c in rest {
            match hay[next.min(hay.len())..].iter().position(|&h| h == c) {
                Some(offset) => {
                    at.push(next + offset);
                    next += offset + 1;
                }
                None => return best,
            }
        }
        let width = next - start;
        if width < span {
            span = width;
            best = at
                .into_iter()
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hay(items: &[&str]) -> Vec<Box<str>> {
        items.iter().map(|s| Box::from(*s)).collect()
    }

    #[test]
    fn tightest_places_the_needle_in_its_shortest_stretch() {
        assert_eq!(tightest("policewatch", "watch"), [6, 7, 8, 9, 10]);
        // "appel" at 0, then the closest "air": the one right after, not the first letters.
        assert_eq!(
            tightest("a pa appel d air", "appelair"),
            [5, 6, 7, 8, 9, 13, 14, 15]
        );
        assert_eq!(tightest("abc", "abd"), Vec::<u32>::new());
        assert_eq!(tightest("abc", ""), Vec::<u32>::new());
    }

    #[test]
    fn quality_agrees_with_the_list_scan() {
        let h = hay(&["appel d air", "policewatch", "rien"]);
        let mut fuzzy = Fuzzy::new("appelair", 2).expect("long enough");
        let mut out = Vec::new();
        fuzzy.scan(&h, &mut out);
        assert_eq!(fuzzy.quality_at(&h, 0), Some(out[0].1));
        assert_eq!(fuzzy.quality_at(&h, 2), None);
        assert_eq!(fuzzy.quality_at(&h, 9), None);
    }

    #[test]
    fn finds_near_contiguous_matches_only() {
        let h = hay(&[
            "policewatch ligue des droits humains",
            "pas ici",
            "p o l i c e",
        ]);
        let mut out = Vec::new();
        Fuzzy::new("watch", 1)
            .expect("long enough")
            .scan(&h, &mut out);
        assert_eq!(out.iter().map(|m| m.0).collect::<Vec<_>>(), [0]);
        Fuzzy::new("police", 1)
            .expect("long enough")
            .scan(&h, &mut out);
        assert_eq!(out.iter().map(|m| m.0).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn glued_words_allow_one_gap_per_word() {
        let h = hay(&["appel d air", "au camp quelle aide sociale"]);
        let mut out = Vec::new();
        Fuzzy::new("appelair", 2)
            .expect("long enough")
            .scan(&h, &mut out);
        assert_eq!(out.iter().map(|m| m.0).collect::<Vec<_>>(), [0]);
        Fuzzy::new("amucpas", 2)
            .expect("long enough")
            .scan(&h, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn apostrophes_and_fzf_syntax_are_plain_letters() {
        assert!(Fuzzy::new("^ab", 1).is_some());
        let h = hay(&["x^abc", "abc"]);
        let mut out = Vec::new();
        Fuzzy::new("^ab", 1)
            .expect("long enough")
            .scan(&h, &mut out);
        assert_eq!(out.iter().map(|m| m.0).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn short_and_non_ascii_needles_are_refused() {
        assert!(Fuzzy::new("ab", 1).is_none());
        assert!(Fuzzy::new("été", 1).is_none());
    }
}
