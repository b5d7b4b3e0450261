//! What a translation must never change: the numbers (phone numbers, but also hours, house
//! numbers, years), e-mail addresses, web addresses and `[[id]]` links of a text, found the same
//! way in the French and in the translation so that the two can be compared as written.

use crate::kb::format::is_valid_email;
use crate::kb::markup::wiki_links;

/// What kind of fixed thing a [`Fact`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Number,
    Email,
    Url,
    Link,
}

impl Kind {
    /// Its name in the validator's messages.
    #[must_use]
    pub fn french(self, text: &str) -> &'static str {
        match self {
            Self::Number if crate::kb::format::is_valid_phone(text) => "le numéro",
            Self::Number => "le nombre",
            Self::Email => "l'adresse e-mail",
            Self::Url => "l'adresse web",
            Self::Link => "le lien",
        }
    }
}

/// One number, address or link of a text, as written (spaces inside a number made plain), with
/// its byte offset in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub kind: Kind,
    pub text: String,
    pub offset: usize,
}

/// Top-level domains read as web addresses without `http` or `www` (`asyluminbelgium.be`).
const DOMAINS: [&str; 12] = [
    "be", "eu", "org", "com", "net", "fr", "info", "int", "nl", "lu", "uk", "de",
];

/// Every number, e-mail address, web address and link of `text`, in order.
#[must_use]
pub fn facts(text: &str) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for (start, id) in wiki_links(text) {
        let end = text[start..]
            .find("]]")
            .map_or(text.len(), |e| start + e + 2);
        taken.push((start, end));
        out.push(Fact {
            kind: Kind::Link,
            text: id.to_owned(),
            offset: start,
        });
    }
    // Links are found in order and do not overlap: a word inside one is found by bisection.
    let links = taken.clone();
    for (start, word) in words(text) {
        let end = start + word.len();
        let before = links.partition_point(|&(s, _)| s < end);
        if before > 0 && links[before - 1].1 > start {
            continue;
        }
        if !word.contains(['@', '.']) {
            continue;
        }
        let kind = if word.contains('@') && is_valid_email(word) {
            Kind::Email
        } else if is_web_address(word) {
            Kind::Url
        } else {
            continue;
        };
        taken.push((start, end));
        out.push(Fact {
            kind,
            text: word.trim_end_matches('/').to_owned(),
            offset: start,
        });
    }
    taken.sort_unstable();
    numbers(text, &taken, &mut out);
    out.sort_by_key(|f| f.offset);
    out
}

/// True for a digit of any script a translation could write one in: ASCII, Arabic-Indic and
/// Eastern Arabic-Indic (Persian). Only ASCII digits are written like the French.
#[must_use]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{660}'..='\u{669}').contains(&c)
        || ('\u{6F0}'..='\u{6F9}').contains(&c)
}

/// The words of `text` separated by spaces, without the punctuation around them.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    const OPEN: &[char] = &['(', '[', '«', '"', '\'', '“', '‘', '<'];
    const CLOSE: &[char] = &[
        ')', ']', '»', '"', '\'', '”', '’', '>', '.', ',', ';', ':', '!', '?', '،', '؛', '؟', '۔',
    ];
    text.split_inclusive(char::is_whitespace)
        .scan(0usize, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some((start, piece))
        })
        .filter_map(|(start, piece)| {
            let trimmed = piece.trim_end();
            let body = trimmed.trim_start_matches(OPEN);
            let lead = trimmed.len() - body.len();
            let body = body.trim_end_matches(CLOSE);
            (!body.is_empty()).then_some((start + lead, body))
        })
}

fn is_web_address(word: &str) -> bool {
    let lower = word.to_lowercase();
    if ["http://", "https://", "www."]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return lower.len() > 8;
    }
    let host = lower.split('/').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|tld| DOMAINS.contains(tld))
}

/// The numbers of `text` outside `taken`: digits, with the groups a space, a dot, a slash or a
/// dash joins (`081 73 71 76`, `+32 4 222 40 12`, `33/B` gives `33`), the `+` in front kept.
fn numbers(text: &str, taken: &[(usize, usize)], out: &mut Vec<Fact>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let plus = c == '+' && chars.get(i + 1).is_some_and(|&(_, n)| is_digit(n));
        if !(is_digit(c) || plus) || covered(taken, at) {
            i += 1;
            continue;
        }
        let mut written = String::new();
        let mut j = i;
        while j < chars.len() {
            let (_, c) = chars[j];
            let joins = matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | '/' | '-')
                && chars.get(j + 1).is_some_and(|&(_, n)| is_digit(n));
            if is_digit(c) || (j == i && plus) {
                written.push(c);
            } else if joins {
                written.push(if c.is_whitespace() { ' ' } else { c });
            } else {
                break;
            }
            j += 1;
        }
        out.push(Fact {
            kind: Kind::Number,
            text: written,
            offset: at,
        });
        i = j;
    }
}

/// True when byte `at` lies in one of `spans` (sorted by start, not overlapping).
fn covered(spans: &[(usize, usize)], at: usize) -> bool {
    let before = spans.partition_point(|&(s, _)| s <= at);
    before > 0 && spans[before - 1].1 > at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Kind, String)> {
        facts(text).into_iter().map(|f| (f.kind, f.text)).collect()
    }

    #[test]
    fn numbers_keep_their_groups_and_their_plus() {
        assert_eq!(
            found("Appelez le 081 73 71 76, ou le +32 4 222 40 12 : de 11 h à 12 h, rue X 33/B."),
            [
                (Kind::Number, "081 73 71 76".to_owned()),
                (Kind::Number, "+32 4 222 40 12".to_owned()),
                (Kind::Number, "11".to_owned()),
                (Kind::Number, "12".to_owned()),
                (Kind::Number, "33".to_owned()),
            ]
        );
        assert_eq!(found("الرقم ١١٢،")[0].1, "١١٢");
        assert_eq!(found("1733، یا")[0].1, "1733");
    }

    #[test]
    fn addresses_and_links_are_found_and_their_digits_are_not_numbers() {
        assert_eq!(
            found(
                "Voir [[aide-2]] (www.site2.be/page), asyluminbelgium.be. Écrire à info3@cire.be !"
            ),
            [
                (Kind::Link, "aide-2".to_owned()),
                (Kind::Url, "www.site2.be/page".to_owned()),
                (Kind::Url, "asyluminbelgium.be".to_owned()),
                (Kind::Email, "info3@cire.be".to_owned()),
            ]
        );
        assert!(
            found("e.g. etc. Saint-Lambert. 10 h.")
                .iter()
                .all(|(k, _)| *k == Kind::Number)
        );
    }
}
