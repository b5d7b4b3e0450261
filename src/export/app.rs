//! The phone page: one self-contained HTML file (inline CSS and JavaScript, no request to any
//! address) holding the whole knowledge base as JSON, a search as forgiving as the terminal's,
//! entry pages and contact cards with `tel:`/`mailto:` links and QR codes.
//!
//! The search words of every entry and contact are folded here with [`crate::search::fold`],
//! exactly as the terminal's index folds them, and so is the list of stop words, so the page
//! only has to fold what is typed. `app.js` ranks in the spirit of the terminal's search
//! (fields and their weights, exact words, stems, prefixes, glued elisions, typos, synonyms,
//! coverage); it is a smaller algorithm, measured against the same query set by
//! `tests/browser/run.sh`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::html::{self, contact_card, entry_body};
use super::{data_line, escape};
use crate::kb::{Entry, KnowledgeBase};
use crate::search::fold::tokenize;
use crate::strings as s;

const APP_CSS: &str = include_str!("app.css");
const APP_JS: &str = include_str!("app.js");

/// The page's policy: no request of any kind; only its own inline script and styles run.
pub const CSP_APP: &str =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/// What the page's script reads, embedded as JSON.
#[derive(Serialize)]
struct Payload<'a> {
    kb: &'a KnowledgeBase,
    labels: Labels,
    stale_after_months: i8,
    /// Pre-rendered (escaped) bodies of entries and cards of contacts, by id.
    entries: BTreeMap<&'a str, String>,
    contacts: BTreeMap<&'a str, String>,
    index: Index,
}

/// Interface labels, from [`crate::strings`] so that a translation stays one file.
#[derive(Serialize)]
struct Labels {
    search: &'static str,
    faq: &'static str,
    contact: &'static str,
    contacts: &'static str,
    all_contacts: &'static str,
    nothing_found: &'static str,
    did_you_mean: &'static str,
    who_to_contact: &'static str,
    stale: &'static str,
    back: &'static str,
    results: &'static str,
}

/// The search words of each document, folded, one string per field (title, keywords,
/// summary, body) with words separated by spaces.
#[derive(Serialize)]
struct Index {
    docs: Vec<Doc>,
    /// Folded word -> original spelling (lower case), where they differ, for suggestions.
    display: BTreeMap<String, String>,
    /// Synonym groups: members, each a list of folded words.
    synonyms: Vec<Vec<Vec<String>>>,
    /// The terminal's stop words, found among every word of up to three letters and every
    /// word of the data: longer stop words that the data never uses match nothing anyway.
    stop_words: Vec<String>,
}

#[derive(Serialize)]
struct Doc {
    id: String,
    /// `f` for an entry, `c` for a contact.
    k: &'static str,
    f: [String; 4],
}

/// The whole page.
#[must_use]
pub fn render(kb: &KnowledgeBase) -> String {
    let title = kb.meta.title.clone().unwrap_or_else(|| "relais".to_owned());
    let mut out = String::new();
    html::head(&mut out, &title, CSP_APP, APP_CSS);
    out.push_str("<body>\n<header>\n");
    let _ = write!(
        out,
        "<a class=\"home\" href=\"#\">{}</a>\n<input id=\"q\" type=\"search\" \
         autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\" \
         enterkeyhint=\"search\" placeholder=\"{}\" aria-label=\"{}\">\n",
        escape(&title),
        escape(s::APP_SEARCH_PLACEHOLDER),
        escape(s::APP_SEARCH)
    );
    out.push_str("</header>\n<main id=\"view\"></main>\n<footer>\n");
    let _ = write!(
        out,
        "<p class=\"disclaimer\">{}</p>\n<p class=\"data\">{}</p>\n</footer>\n",
        escape(s::NOT_LEGAL_ADVICE),
        escape(&data_line(kb))
    );
    out.push_str("<script type=\"application/json\" id=\"kb\">");
    out.push_str(&payload_json(kb));
    out.push_str("</script>\n<script>\n");
    out.push_str(APP_JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The payload as JSON that cannot end its `<script>` element: every `<` is written `\u003c`
/// (it only occurs inside strings, where the escape means the same). Control characters and
/// bidi overrides are escaped too ([`crate::json`]), so unchecked data cannot reach a terminal
/// that shows the file.
fn payload_json(kb: &KnowledgeBase) -> String {
    let payload = Payload {
        kb,
        labels: labels(),
        stale_after_months: crate::kb::STALE_AFTER_MONTHS,
        entries: kb
            .entries
            .iter()
            .map(|e| (e.id.as_str(), entry_body(kb, e, &|id| route(kb, id))))
            .collect(),
        contacts: kb
            .contacts
            .iter()
            .map(|c| (c.id.as_str(), contact_card(c, None, 3)))
            .collect(),
        index: index(kb),
    };
    // Serialising plain structs of strings cannot fail; an empty object keeps the page usable.
    crate::json::to_compact_string(&payload)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The page's address of an id: `#e/ID` for entries, `#c/ID` for contacts.
fn route(kb: &KnowledgeBase, id: &str) -> Option<String> {
    if kb.entry(id).is_some() {
        Some(format!("#e/{id}"))
    } else {
        kb.contact(id).map(|_| format!("#c/{id}"))
    }
}

fn labels() -> Labels {
    Labels {
        search: s::APP_SEARCH,
        faq: s::KIND_FAQ,
        contact: s::KIND_CONTACT,
        contacts: s::CONTACTS,
        all_contacts: s::APP_ALL_CONTACTS,
        nothing_found: s::NOTHING_FOUND,
        did_you_mean: s::DID_YOU_MEAN,
        who_to_contact: s::WHO_TO_CONTACT,
        stale: s::STALE,
        back: s::APP_BACK,
        results: s::APP_RESULTS,
    }
}

/// The documents in the order and with the fields of the terminal's index.
fn index(kb: &KnowledgeBase) -> Index {
    let mut display = Words::default();
    let mut docs = Vec::with_capacity(kb.entries.len() + kb.contacts.len());
    for e in &kb.entries {
        docs.push(entry_doc(e, &mut display));
    }
    for c in &kb.contacts {
        let id_words = c.id.replace('-', " ");
        let keywords: Vec<&str> = std::iter::once(id_words.as_str())
            .chain(c.topics.iter().map(String::as_str))
            .collect();
        let body: Vec<&str> = std::iter::once(c.region.as_str())
            .chain(
                [&c.notes, &c.address, &c.hours]
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            )
            .collect();
        docs.push(Doc {
            id: c.id.clone(),
            k: "c",
            f: [
                display.field(&[&c.name]),
                display.field(&keywords),
                display.field(&[&c.description]),
                display.field(&body),
            ],
        });
    }
    let synonyms = kb
        .synonyms
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|m| tokenize(m).into_iter().map(|t| t.word).collect::<Vec<_>>())
                .filter(|w| !w.is_empty())
                .collect()
        })
        .collect();
    let stop_words = stop_words(display.0.keys());
    Index {
        docs,
        display: display.differing(),
        synonyms,
        stop_words,
    }
}

fn stop_words<'a>(data_words: impl Iterator<Item = &'a String>) -> Vec<String> {
    let letters = || b'a'..=b'z';
    let mut short: Vec<String> = Vec::new();
    for a in letters() {
        short.push(char::from(a).to_string());
        for b in letters() {
            short.push(String::from_utf8_lossy(&[a, b]).into_owned());
            short.extend(letters().map(|c| String::from_utf8_lossy(&[a, b, c]).into_owned()));
        }
    }
    let mut out: Vec<String> = short
        .into_iter()
        .chain(data_words.filter(|w| w.len() > 3).cloned())
        .filter(|w| crate::search::is_stop_word(w))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn entry_doc(e: &Entry, display: &mut Words) -> Doc {
    let keywords: Vec<&str> = e.keywords.iter().map(String::as_str).collect();
    Doc {
        id: e.id.clone(),
        k: "f",
        f: [
            display.field(&[&e.title]),
            display.field(&keywords),
            display.field(&[&e.summary]),
            display.field(&[&e.answer]),
        ],
    }
}

/// Collects the first original spelling of each folded word, in index order.
#[derive(Default)]
struct Words(BTreeMap<String, String>);

impl Words {
    /// The folded words of `texts`, space-separated, remembering their spellings.
    fn field(&mut self, texts: &[&str]) -> String {
        let mut words = Vec::new();
        for text in texts {
            for token in tokenize(text) {
                self.0
                    .entry(token.word.clone())
                    .or_insert_with(|| text[token.range].to_lowercase());
                words.push(token.word);
            }
        }
        words.join(" ")
    }

    fn differing(self) -> BTreeMap<String, String> {
        self.0.into_iter().filter(|(w, d)| w != d).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_the_terminal_ones() {
        let data = ["vous", "votre", "hebergeur", "notre"].map(String::from);
        let words = stop_words(data.iter());
        for w in ["a", "l", "qu", "les", "des", "vous", "votre", "notre"] {
            assert!(words.iter().any(|x| x == w), "{w}");
        }
        assert!(!words.iter().any(|x| x == "hebergeur"));
        assert!(words.iter().all(|w| crate::search::is_stop_word(w)));
    }

    #[test]
    fn payload_cannot_close_its_script_element() {
        let json = payload_json(&crate::kb::KnowledgeBase {
            meta: crate::kb::Meta {
                title: Some("</script><script>alert(1)</script>".into()),
                ..Default::default()
            },
            categories: Vec::new(),
            entries: Vec::new(),
            contacts: Vec::new(),
            decks: Vec::new(),
            synonyms: Vec::new(),
            families: Vec::new(),
            colloquial: Vec::new(),
        });
        assert!(!json.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(
            back["kb"]["meta"]["title"],
            "</script><script>alert(1)</script>"
        );
    }
}
