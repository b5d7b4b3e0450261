//! The ASCII transliteration of a character (`é` → `e`, `œ` → `oe`, `ب` → `b`, `北` → `Bei `),
//! as the `deunicode` crate gives it, from a table the core's `build.rs` makes with that crate.
//! The characters of the scripts text and queries are written in (Latin, Greek, Cyrillic,
//! Arabic, Ethiopic, punctuation, symbols, emoji) are looked up directly; the rest of the
//! table (Chinese, Korean, historic scripts: 0.4 MB of the 0.48 MB that `deunicode` embeds) is
//! kept compressed by chunks of 4,096 code points, each unpacked the first time one of its
//! characters is folded.

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/translit.rs"));

/// The table of the code points of [`HOT_RANGES`]: per code point 3 bytes, the offset of its
/// transliteration in [`HOT_TEXT`] (u16 little endian) and its length (u8, [`NONE`]: none).
static HOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/translit-hot.bin"));
static HOT_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/translit-hot.txt"));

/// The other code points `deunicode` knows, by chunks of [`CHUNK`] code points (those of
/// [`HOT_RANGES`] left empty), each in the same layout but with 3-byte offsets (the table,
/// then its text) compressed
/// alone (deflate); [`COLD_CHUNKS`] says where each starts.
static COLD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/translit-cold.deflate"));

/// Code points per chunk of [`COLD`].
const CHUNK: usize = 4096;

/// The length that marks a character without transliteration.
const NONE: u8 = u8::MAX;

/// Entry `at` of `table`, read in `text`; `width`: the bytes of its offset (the entry has one
/// more, the length).
fn lookup<'a>(table: &[u8], text: &'a str, at: usize, width: usize) -> Option<&'a str> {
    let entry = table.get((width + 1) * at..(width + 1) * (at + 1))?;
    let (&len, offset) = entry.split_last()?;
    if len == NONE {
        return None;
    }
    let start = offset
        .iter()
        .rev()
        .fold(0, |n, &b| (n << 8) | usize::from(b));
    text.get(start..start + usize::from(len))
}

/// Chunk `n` of [`COLD`] unpacked: its table and its text. Made by the build with the code: if
/// it does not unpack (a damaged binary), it is empty and its characters fold to nothing.
fn cold(n: usize) -> Option<&'static (Vec<u8>, String)> {
    static CHUNKS: [OnceLock<(Vec<u8>, String)>; COLD_CHUNKS.len() - 1] =
        [const { OnceLock::new() }; COLD_CHUNKS.len() - 1];
    let chunk = CHUNKS.get(n)?;
    Some(chunk.get_or_init(|| {
        let unpack = || {
            let packed = COLD.get(COLD_CHUNKS[n] as usize..COLD_CHUNKS[n + 1] as usize)?;
            let mut all = miniz_oxide::inflate::decompress_to_vec(packed).ok()?;
            let text = String::from_utf8(all.split_off(4 * CHUNK.min(all.len() / 4))).ok()?;
            Some((all, text))
        };
        unpack().unwrap_or_default()
    }))
}

/// The ASCII transliteration of `c` (`deunicode::deunicode_char`): `None` for a character it
/// does not know.
#[must_use]
pub fn translit(c: char) -> Option<&'static str> {
    let cp = u32::from(c);
    for (start, end, first) in HOT_RANGES {
        if cp < start {
            break;
        }
        if cp < end {
            return lookup(HOT, HOT_TEXT, (first + cp - start) as usize, 2);
        }
    }
    let cp = cp as usize;
    let (table, text) = cold(cp / CHUNK)?;
    lookup(table, text, cp % CHUNK, 3)
}

/// `s` in ASCII (`deunicode::deunicode`): the ASCII it starts with as it is, then each
/// character transliterated, `[?]` for one it does not know, and the space that ends a
/// word-like transliteration (`北` → `Bei `) dropped at the end and before another space.
#[must_use]
pub fn to_ascii(s: &str) -> String {
    let ascii = s.bytes().take_while(|&b| b < 0x7F).count();
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..ascii]);
    let mut chars = s[ascii..].chars().map(translit).peekable();
    while let Some(t) = chars.next() {
        let Some(t) = t else {
            out.push_str("[?]");
            continue;
        };
        let trim = t.len() > 1
            && t.ends_with(' ')
            && chars
                .peek()
                .is_none_or(|next| next.is_some_and(|n| n.starts_with(' ')));
        out.push_str(if trim { &t[..t.len() - 1] } else { t });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_transliterated_as_deunicode_does() {
        let mut cold_only = 0;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                translit(c),
                deunicode::deunicode_char(c),
                "U+{:04X}",
                u32::from(c)
            );
            if !HOT_RANGES
                .iter()
                .any(|&(a, b, _)| (a..b).contains(&u32::from(c)))
            {
                cold_only += 1;
            }
        }
        assert!(cold_only > 1_000_000, "the ranges kept are the small part");
    }

    #[test]
    fn strings_are_transliterated_as_deunicode_does() {
        for s in [
            "",
            "Liège",
            "Brabant wallon",
            "Œuvre « sœur » — l’été",
            "中国x🅶",
            "☃中 国",
            "🄏中国",
            "北京 ",
            "北\u{10FFFF}京",
            "مرحبا بكم",
            "ሰላም",
            "Привет, мир",
            "\u{7F}\u{80}\u{FFFF}\u{E000}",
            "a\0b",
            "é\0b",
        ] {
            assert_eq!(to_ascii(s), deunicode::deunicode(s), "{s}");
        }
        // Every character alone, and before a space, a letter and a word-like one.
        for c in (0..=0x3_0000).filter_map(char::from_u32).step_by(7) {
            for s in [
                c.to_string(),
                format!("{c} "),
                format!("{c}a"),
                format!("{c}北"),
                format!("北{c}"),
            ] {
                assert_eq!(to_ascii(&s), deunicode::deunicode(&s), "{s:?}");
            }
        }
    }
}
