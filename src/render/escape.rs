//! Text for HTML: the one escaping every HTML output uses (the handouts, the slides, the
//! contact sheet, the phone page and the QR codes' labels).

use crate::kb::text::neutralize;

/// Text for HTML, in element content or a double-quoted attribute (the only kind the exports
/// write): control characters neutralised, `& < > "` escaped.
#[must_use]
pub fn escape(text: &str) -> String {
    let text = neutralize(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("<a href=\"x\">l'été & co</a>\u{1b}"),
            "&lt;a href=&quot;x&quot;&gt;l'été &amp; co&lt;/a&gt;\u{FFFD}"
        );
    }
}
