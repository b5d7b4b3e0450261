//! A French word list, so that a correctly spelled word the data never uses (`manger`,
//! `douche`, `gare`) is not "corrected" into another word. `lexicon.txt` holds the stems
//! ([`super::stems::stem`]) of the lemmas of the Dicollecte/Grammalecte French dictionary for
//! Hunspell (MPL-2.0, Debian package `hunspell-fr-classical`), folded, three letters and more,
//! sorted, one per line; `examples/lexicon.rs` makes it (origin and licence:
//! `lexicon.LICENSE.md`). Kept compressed in the binary (the core's `build.rs`), unpacked the
//! first time a word is looked up (a few milliseconds, once), then looked up by binary search
//! on the text: nothing is built at start.

use std::sync::OnceLock;

/// The word list packed by `build.rs`: each word as the number of first letters it shares with
/// the one before (one byte) and the rest of it, ended by a newline, compressed (deflate).
static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.deflate"));

/// The word list: stems, sorted, one per line. Made by the build with the code: if it does not
/// unpack (a damaged binary), it is empty and typos are corrected as before the list.
#[must_use]
pub fn lexicon() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        miniz_oxide::inflate::decompress_to_vec(PACKED)
            .ok()
            .and_then(|packed| unshare(&packed))
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    })
}

/// The words of `packed` written out in full, one per line; `None` when it does not read.
fn unshare(packed: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(packed.len() * 2);
    let mut word_at = 0;
    let mut rest = packed;
    while let Some((&same, tail)) = rest.split_first() {
        let end = tail.iter().position(|&b| b == b'\n')?;
        let start = out.len();
        let shared = word_at..word_at + usize::from(same);
        if shared.end > start {
            return None;
        }
        out.extend_from_within(shared);
        out.extend_from_slice(&tail[..end]);
        out.push(b'\n');
        word_at = start;
        rest = &tail[end + 1..];
    }
    Some(out)
}

/// Verb endings the stemmer keeps (`mangeons`, `dorment`): a word not found as it is is looked
/// up again without them.
pub const VERB_ENDINGS: [&str; 2] = ["ent", "ons"];

/// True when the folded `word`, of stem `stem`, is a French word.
#[must_use]
pub fn is_french(word: &str, stem: &str) -> bool {
    is_french_stem(stem)
        || VERB_ENDINGS.iter().any(|e| {
            word.strip_suffix(e)
                .is_some_and(|w| w.len() >= 3 && is_french_stem(&super::stems::stem(w)))
        })
}

/// True when `stem` is the stem of a French word.
#[must_use]
pub fn is_french_stem(stem: &str) -> bool {
    let lexicon = lexicon();
    let text = lexicon.as_bytes();
    let (mut lo, mut hi) = (0usize, text.len());
    // Invariant: every line starting before `lo` is < stem; every line starting at or after
    // `hi` is > stem. Lines are found from any byte by going back to the previous newline.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = text[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |p| start + p);
        match lexicon[start..end].cmp(stem) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::stems::stem;
    use super::*;

    #[test]
    fn french_words_are_known_and_typos_are_not() {
        for w in [
            "manger",
            "mangeons",
            "mangent",
            "douche",
            "douches",
            "parc",
            "gare",
            "dangereux",
        ] {
            assert!(is_french(w, &stem(w)), "{w}");
        }
        for w in ["herbergeur", "hebergeru", "acceuil", "xqzkw", "xqzkwent"] {
            assert!(!is_french(w, &stem(w)), "{w}");
        }
    }

    #[test]
    fn the_list_is_sorted_and_clean() {
        let lines: Vec<&str> = lexicon().lines().collect();
        let source = include_str!("lexicon.txt");
        assert_eq!(lexicon(), source, "the packed list is the list");
        assert!(lines.len() > 10_000);
        assert!(lines.windows(2).all(|w| w[0] < w[1]));
        assert!(
            lines
                .iter()
                .all(|l| l.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert!(is_french_stem(lines[0]) && is_french_stem(lines[lines.len() - 1]));
    }
}
