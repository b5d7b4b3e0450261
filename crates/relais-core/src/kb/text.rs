//! Text rules shared by the loader and every output path: normalisation at load, the characters
//! that data may not contain, and "did you mean" suggestions.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC-normalises `s`, maps the narrow and figure no-break spaces (U+202F, U+2007) to U+00A0 so
/// that wrapping never separates `?` from its word, and trims trailing whitespace.
#[must_use]
pub fn normalize(s: &str) -> String {
    // Most text is already NFC and has no narrow spaces: a quick check spares the rebuild.
    if is_nfc(s) && !s.contains(['\u{202F}', '\u{2007}']) {
        return s.trim_end().to_owned();
    }
    let mut out: String = s
        .nfc()
        .map(|c| match c {
            '\u{202F}' | '\u{2007}' => '\u{00A0}',
            c => c,
        })
        .collect();
    out.truncate(out.trim_end().len());
    out
}

/// True when `s` is certainly in NFC already (ASCII, or the quick check says so), so that
/// normalising it would give it back unchanged.
#[must_use]
pub fn is_nfc(s: &str) -> bool {
    s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// True for characters that must never reach a terminal from data: C0 controls other than
/// newline and tab, DEL, C1 controls, and the bidirectional override and isolate characters.
#[must_use]
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True for characters that show nothing on a terminal yet change the text: the line and
/// paragraph separators (U+2028, U+2029), and the invisible format characters (zero-width
/// spaces and joiners, direction marks, the word joiner and invisible operators, the soft
/// hyphen, the byte-order mark inside a text, tag characters). A title holding one is no longer
/// found by its obvious words; on screen they are neutralised by [`neutralize`].
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E007F}')
}

/// The French name of an invisible character, for error messages.
#[must_use]
pub fn describe_invisible(c: char) -> String {
    let name = match c {
        '\u{200B}' => "espace sans largeur",
        '\u{200C}' => "anti-liant sans largeur",
        '\u{200D}' => "liant sans largeur",
        '\u{200E}' | '\u{200F}' | '\u{61C}' => "marque de direction",
        '\u{2028}' => "séparateur de ligne",
        '\u{2029}' => "séparateur de paragraphe",
        '\u{2060}' => "gluon de mots",
        '\u{AD}' => "trait d'union conditionnel",
        '\u{FEFF}' => "espace insécable sans largeur (BOM)",
        _ => "caractère de mise en forme invisible",
    };
    format!("U+{:04X} ({name})", u32::from(c))
}

/// The first forbidden character of `s` and its byte offset.
#[must_use]
pub fn find_forbidden(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| is_forbidden(c))
}

/// True for the characters of most text, which are neither forbidden nor invisible: tab,
/// newline, printable ASCII, Latin letters and combining accents (checked first, cheaply, by
/// [`neutralize`], which runs on everything the reader lays out).
fn is_plain(c: char) -> bool {
    matches!(c, '\t' | '\n' | ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{33F}')
}

/// Replaces forbidden characters with U+FFFD so that unchecked data can never drive the
/// terminal, line and paragraph separators with a space, and drops the other invisible
/// characters ([`is_invisible`]). Borrowed when nothing needs replacing.
#[must_use]
pub fn neutralize(s: &str) -> std::borrow::Cow<'_, str> {
    let clean = s.bytes().all(|b| matches!(b, b'\t' | b'\n' | b' '..=b'~'))
        || s.chars()
            .all(|c| is_plain(c) || !(is_forbidden(c) || is_invisible(c)));
    if clean {
        std::borrow::Cow::Borrowed(s)
    } else {
        s.chars()
            .filter_map(|c| match c {
                c if is_forbidden(c) => Some('\u{FFFD}'),
                // A line or paragraph separator shows as the space between two words.
                '\u{2028}' | '\u{2029}' => Some(' '),
                c if is_invisible(c) => None,
                c => Some(c),
            })
            .collect::<String>()
            .into()
    }
}

/// Text from the data as a message quotes it between « and »: its own guillemets become
/// single ones (‹ ›), so that the quotation ends where the message says it ends (a truncated
/// line can hold a lone « or »). Borrowed when there is none.
#[must_use]
pub fn quotable(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['«', '»']) {
        s.replace('«', "‹").replace('»', "›").into()
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The French name of a forbidden character, for error messages.
#[must_use]
pub fn describe_char(c: char) -> String {
    let name = match c {
        '\u{1B}' => "ESC (séquence d'échappement du terminal)",
        '\u{7}' => "BEL",
        '\r' => "retour chariot isolé",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "contrôle de direction du texte (bidi)"
        }
        _ => "caractère de contrôle",
    };
    format!("U+{:04X}, {name}", u32::from(c))
}

/// Optimal string alignment distance (Levenshtein with adjacent transpositions counting as one
/// edit), on characters.
#[must_use]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a plausible slip.
#[must_use]
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (word.chars().count() / 3).max(2);
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let close = candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c.len()))
        .map(|(_, c)| c);
    // A beginning typed in full ("droits-citoyens") also points to its whole word.
    close.or_else(|| {
        (word.len() >= 3)
            .then(|| {
                candidates
                    .iter()
                    .filter(|c| c.starts_with(word))
                    .min_by_key(|c| c.len())
                    .copied()
            })
            .flatten()
    })
}

/// An id, region or category as typed, made comparable: accents and case dropped, every run
/// of other characters one hyphen (« Liège » → `liege`, « Brabant wallon » → `brabant-wallon`).
#[must_use]
pub fn id_key(s: &str) -> String {
    let plain = crate::kb::translit::to_ascii(s).to_lowercase();
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The candidate that `typed` names, accents and case ignored (`santé` → `sante`); `typed`
/// itself when none does, so that the caller's « inconnu » message names what was typed.
#[must_use]
pub fn resolve<'a, I>(typed: &'a str, candidates: I) -> &'a str
where
    I: IntoIterator<Item = &'a str>,
{
    let key = id_key(typed);
    let mut found = None;
    for c in candidates {
        if c == typed {
            return c;
        }
        if found.is_none() && id_key(c) == key {
            found = Some(c);
        }
    }
    found.unwrap_or(typed)
}

/// The address of a link if it is safe to follow: `http(s)://`, `mailto:` or `tel:`, without
/// spaces or control characters. Anything else (`javascript:`, `data:`...) is not a link.
#[must_use]
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p));
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_forbidden(c));
    (scheme_ok && clean).then_some(url)
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_characters_are_neither_forbidden_nor_invisible() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if super::is_plain(c) {
                assert!(!super::is_forbidden(c) && !super::is_invisible(c), "{c:?}");
            }
        }
        assert_eq!(super::neutralize("é\u{AD}a\u{1B}"), "éa\u{FFFD}");
        assert!(matches!(
            super::neutralize("école\tà\n« ici »"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn quoted_data_keeps_its_text_but_not_its_guillemets() {
        assert_eq!(super::quotable("« ici » et là"), "‹ ici › et là");
        assert_eq!(super::quotable("a»b«"), "a›b‹");
        assert!(matches!(
            super::quotable("sans guillemets"),
            std::borrow::Cow::Borrowed("sans guillemets")
        ));
    }

    #[test]
    fn ids_resolve_without_accents_or_case() {
        let regions = ["liege", "brabant-wallon", "namur"];
        assert_eq!(super::resolve("Liège", regions), "liege");
        assert_eq!(super::resolve("BRABANT wallon", regions), "brabant-wallon");
        assert_eq!(super::resolve("namur", regions), "namur");
        assert_eq!(super::resolve("gand", regions), "gand");
        assert_eq!(super::id_key("Santé "), "sante");
    }

    use super::*;

    #[test]
    fn normalize_composes_and_protects_french_spaces() {
        assert_eq!(
            normalize("he\u{301}bergeur\u{202F}?\n"),
            "h\u{E9}bergeur\u{A0}?"
        );
        assert_eq!(normalize("a\u{2007}b"), "a\u{A0}b");
        // Already NFC: the same text, trimmed at the end only.
        assert_eq!(normalize("  déjà\tcomposé \n\n"), "  déjà\tcomposé");
        assert_eq!(normalize("plain ascii  "), "plain ascii");
    }

    #[test]
    fn forbidden_characters() {
        for c in [
            '\u{1B}', '\u{7}', '\u{7F}', '\u{85}', '\u{202E}', '\u{2067}', '\r',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in ['\n', '\t', 'é', '\u{A0}', '«'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
        assert_eq!(neutralize("a\u{1B}[31mb"), "a\u{FFFD}[31mb");
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        assert_eq!(edit_distance("hebergeur", "hebergeru"), 1);
        assert_eq!(edit_distance("titel", "title"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("chat", "chien"), 3);
    }

    #[test]
    fn suggestions_only_when_close() {
        let keys = ["id", "title", "summary", "answer"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("sumary", keys), Some("summary"));
        assert_eq!(did_you_mean("zzzzzzzz", keys), None);
        assert_eq!(
            did_you_mean("summ", ["summary", "sources"]),
            Some("summary")
        );
        assert_eq!(
            did_you_mean("droits-citoyens", ["droits-citoyens-solidaires", "sante"]),
            Some("droits-citoyens-solidaires")
        );
    }
}
