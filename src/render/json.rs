//! JSON that cannot drive a terminal, for every JSON the tool writes (the command line's
//! `--json`, `relais export --format json` and the phone page's embedded data). `serde_json` escapes the C0 controls (ESC among
//! them) but writes DEL, the C1 controls (a one-character CSI in some terminals) and the bidi
//! overrides as they are; here every character that [`is_forbidden`] is escaped as `\uXXXX`
//! too. The JSON is the same data: any JSON reader gets the original text back.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::kb::text::{is_forbidden, is_invisible};

/// Writes `value` as pretty JSON, then a line break.
///
/// # Errors
/// Writing failed (a closed pipe, say).
pub fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser)?;
    writeln!(out)?;
    Ok(())
}

/// `value` as compact JSON on one line, with the same escapes as [`write()`].
///
/// # Errors
/// `value` cannot be serialised (a map whose keys are not strings, say).
pub fn to_compact_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(CompactFormatter));
    value.serialize(&mut ser)?;
    // The serializer writes only UTF-8: strings as they are or escaped, the rest ASCII.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// A formatter that also escapes the characters that could drive a terminal.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut last = 0;
        for (at, c) in fragment
            .char_indices()
            .filter(|&(_, c)| is_forbidden(c) || is_invisible(c))
        {
            writer.write_all(&fragment.as_bytes()[last..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            last = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[last..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        write(&mut out, value).expect("write");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn forbidden_characters_are_escaped_and_read_back() {
        let text = "a\u{1b}[2J\u{7f}\u{9b}\u{202e}é\u{7}b";
        let out = json(&[text]);
        assert!(!out.chars().any(is_forbidden), "{out:?}");
        assert!(out.contains("\\u009b") && out.contains("\\u202e"), "{out}");
        let back: Vec<String> = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(back, [text]);
    }

    #[test]
    fn compact_json_escapes_the_same_characters() {
        let text = "a\u{1b}]52;c;eA==\u{7}\u{85}\u{2066}b";
        let out = to_compact_string(&serde_json::json!({"t": [text]})).expect("json");
        assert!(!out.chars().any(is_forbidden), "{out:?}");
        assert!(!out.contains('\n'), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(back["t"][0], text);
    }

    #[test]
    fn clean_text_is_the_same_as_serde_json_pretty() {
        let value = serde_json::json!({"id": "a", "tags": ["é", "b"], "n": 1});
        let plain = serde_json::to_string_pretty(&value).expect("json") + "\n";
        assert_eq!(json(&value), plain);
    }
}
