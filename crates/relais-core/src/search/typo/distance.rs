//! Edit distances for typo tolerance, bounded so that a scan of the vocabulary gives up early:
//! optimal string alignment (Levenshtein where swapping two neighbouring letters is one edit),
//! on folded ASCII words, with fixed-size rows on the stack.

/// Words longer than this are never matched with typos (and cost nothing to reject).
pub const MAX_LEN: usize = super::super::weights::TYPO_MAX_LEN;

/// The distance between `a` and `b` if it is at most `max`.
#[must_use]
pub fn distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let last = rows(a, b, max)?;
    Some(last[b.len()]).filter(|&d| d <= max)
}

/// True when `a` and `b`, alike but at `i`, have `a` and `e` there in a nasal vowel: before an
/// `n` or an `m` that ends the word or comes before another consonant.
fn nasal(a: &[u8], b: &[u8], i: usize) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    i + 1 < a.len()
        && matches!((a[i], b[i]), (b'a', b'e') | (b'e', b'a'))
        && matches!(a[i + 1], b'n' | b'm')
        && a.get(i + 2).is_none_or(|&c| !vowel(c) && c != a[i + 1])
        && a[i + 1..] == b[i + 1..]
}

/// True when `a` and `b` (one edit apart) differ by the slips people make most: two neighbouring
/// letters swapped (`acceuil`), one letter doubled or not (`frapee`, `addresse`), or an `s`
/// written for a soft `c` or the other way round, before `e`, `i` or `y` (`enseinte`), or an `a`
/// for an `e` or back in a nasal `an`/`en`, `am`/`em` (`permanance`), where French says both
/// alike.
#[must_use]
pub fn is_slip(a: &[u8], b: &[u8]) -> bool {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        let i = start;
        let swapped =
            i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..];
        let soft_c = i + 1 < a.len()
            && matches!((a[i], b[i]), (b's', b'c') | (b'c', b's'))
            && matches!(a[i + 1], b'e' | b'i' | b'y')
            && a[i + 1..] == b[i + 1..];
        swapped || soft_c || nasal(a, b, i)
    } else {
        let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
        let i = start;
        long.len() == short.len() + 1
            && long[i + 1..] == short[i..]
            && ((i > 0 && long[i] == long[i - 1]) || long.get(i + 1) == Some(&long[i]))
    }
}

/// The smallest distance between `a` and a prefix of `b` (the word being typed against the
/// words it may become), if it is at most `max`.
#[must_use]
pub fn prefix_distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if b.len() + max < a.len() {
        return None;
    }
    let last = rows(a, b, max)?;
    last.iter()
        .take(b.len() + 1)
        .skip(a.len().saturating_sub(max))
        .copied()
        .min()
        .filter(|&d| d <= max)
}

/// Runs the dynamic programme and returns its last row, or `None` as soon as every cell of a
/// row exceeds `max` (no alignment can come back under it).
fn rows(a: &[u8], b: &[u8], max: usize) -> Option<[usize; MAX_LEN + 1]> {
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return None;
    }
    let mut before = [0usize; MAX_LEN + 1];
    let mut prev: [usize; MAX_LEN + 1] = std::array::from_fn(|j| j);
    let mut cur = [0usize; MAX_LEN + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            cur[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return None;
        }
        before = prev;
        prev = cur;
    }
    Some(prev)
}

#[cfg(test)]
mod tests {
    #[test]
    fn slips_are_swaps_and_doubled_letters() {
        assert!(super::is_slip(b"acceuil", b"accueil"));
        assert!(super::is_slip(b"frapee", b"frappee"));
        assert!(super::is_slip(b"addresse", b"adresse"));
        assert!(super::is_slip(b"hopitall", b"hopital"));
        assert!(!super::is_slip(b"manger", b"danger"));
        assert!(!super::is_slip(b"douche", b"touche"));
        assert!(!super::is_slip(b"gare", b"garde"));
        assert!(!super::is_slip(b"abc", b"abc"));
        // An `s` for a soft `c` (before e, i, y), not for a hard one.
        assert!(super::is_slip(b"enseinte", b"enceinte"));
        assert!(super::is_slip(b"cituation", b"situation"));
        assert!(!super::is_slip(b"sas", b"cas"));
        assert!(!super::is_slip(b"sage", b"cage"));
        // An `a` for an `e` in a nasal vowel, and back; not before a vowel or a doubled `n`.
        assert!(super::is_slip(b"permanance", b"permanence"));
        assert!(super::is_slip(b"demende", b"demande"));
        assert!(super::is_slip(b"urgant", b"urgent"));
        assert!(!super::is_slip(b"panne", b"penne"));
        assert!(!super::is_slip(b"canal", b"cenal"));
        assert!(!super::is_slip(b"parle", b"perle"));
    }

    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        distance(a.as_bytes(), b.as_bytes(), max)
    }

    #[test]
    fn counts_edits_and_transpositions_once() {
        assert_eq!(d("hebergeur", "hebergeru", 2), Some(1));
        assert_eq!(d("herbergeur", "hebergeur", 2), Some(1));
        assert_eq!(d("quiter", "quitter", 1), Some(1));
        assert_eq!(d("chat", "chien", 2), None);
        assert_eq!(d("chat", "chien", 3), Some(3));
        assert_eq!(d("", "ab", 2), Some(2));
    }

    #[test]
    fn agrees_with_the_unbounded_distance() {
        let words = [
            "acceuil",
            "accueil",
            "territoir",
            "territoire",
            "dublin",
            "dubliné",
        ];
        for a in words {
            for b in words {
                let full = crate::kb::text::edit_distance(a, b);
                let folded = (crate::search::fold::fold(a), crate::search::fold::fold(b));
                let bounded = d(&folded.0, &folded.1, 3);
                if full <= 3 && a.is_ascii() && b.is_ascii() {
                    assert_eq!(bounded, Some(full), "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn prefixes_of_longer_words() {
        let p = |a: &str, b: &str| prefix_distance(a.as_bytes(), b.as_bytes(), 1);
        assert_eq!(p("herberg", "hebergeur"), Some(1));
        assert_eq!(p("heberg", "hebergeur"), Some(0));
        assert_eq!(p("xyzab", "hebergeur"), None);
    }
}
