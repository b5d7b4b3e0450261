//! The phone page: one self-contained HTML file (inline CSS and JavaScript, no request to any
//! address) holding the whole knowledge base as JSON, a search as forgiving as the terminal's,
//! entry pages and contact cards with `tel:`/`mailto:` links and QR codes.
//!
//! The search is the terminal's: the index it builds is serialised into the page
//! ([`crate::search::page`]) and `search.js` runs the same pipeline and formula on it, with
//! `stem.js` (the Snowball French stemmer) for what is typed; the translations are searched
//! and fused the same way by `search_lang.js` (with `stem_en.js`, Snowball English) on
//! [`crate::search::lang::page`]; `tests/browser/run.sh` checks
//! that the page's first result is the terminal's on the query sets.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

use super::html::{self, contact_card, entry_body};
use super::{data_line, escape};
use crate::kb::KnowledgeBase;
use crate::strings as s;

const APP_CSS: &str = include_str!("app.css");
/// The page's scripts, in the order of `build.rs`'s `PAGE_SCRIPTS`, compressed by it.
static PAGE_SCRIPT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/page-script.deflate"));
const LANG_CSS: &str = include_str!("lang.css");

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
    /// The terminal's search index, as `search.js` reads it.
    index: crate::search::page::PageIndex,
    /// The languages of the picker, with their notices (`lang.js`).
    languages: &'static [crate::kb::i18n::Language],
    /// The language the page opens in.
    initial_lang: &'a str,
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
    not_sure: &'static str,
    did_you_mean: &'static str,
    who_to_contact: &'static str,
    stale: &'static str,
    back: &'static str,
    results: &'static str,
}

/// The whole page. `today` (the export day) decides which contacts show « à revérifier » and
/// which entries warn about old sources; the page itself recomputes the 12-month review
/// warning on the day it is read.
#[must_use]
pub fn render(kb: &KnowledgeBase, today: Date) -> String {
    render_in(kb, today, "fr")
}

/// The page, opening in language `lang` (the picker can change it; French when the data has no
/// translation into it).
#[must_use]
pub fn render_in(kb: &KnowledgeBase, today: Date, lang: &str) -> String {
    let title = kb.meta.title.clone().unwrap_or_else(|| "relais".to_owned());
    let mut out = String::new();
    html::head(&mut out, &title, CSP_APP, &format!("{APP_CSS}{LANG_CSS}"));
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
    out.push_str(&payload_json(kb, today, lang));
    out.push_str("</script>\n<script>\n");
    out.push_str(&page_script());
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The page's scripts, unpacked. The build wrote them: they unpack, or the binary is damaged.
fn page_script() -> String {
    let bytes = miniz_oxide::inflate::decompress_to_vec(PAGE_SCRIPT)
        .expect("the page's scripts, compressed at build time, unpack");
    String::from_utf8(bytes).expect("the page's scripts are UTF-8")
}

/// The payload as JSON that cannot end its `<script>` element: every `<` is written `\u003c`
/// (it only occurs inside strings, where the escape means the same). Control characters and
/// bidi overrides are escaped too ([`crate::render::json`]), so unchecked data cannot reach a terminal
/// that shows the file.
fn payload_json(kb: &KnowledgeBase, today: Date, lang: &str) -> String {
    let payload = Payload {
        kb,
        labels: labels(),
        stale_after_months: crate::kb::STALE_AFTER_MONTHS,
        entries: kb
            .entries
            .iter()
            .map(|e| (e.id.as_str(), entry_body(kb, e, &|id| route(kb, id), today)))
            .collect(),
        contacts: kb
            .contacts
            .iter()
            .map(|c| (c.id.as_str(), contact_card(c, None, 3, today)))
            .collect(),
        index: crate::search::SearchIndex::new(kb).page(),
        languages: &crate::kb::i18n::LANGUAGES,
        initial_lang: lang,
    };
    // Serialising plain structs of strings cannot fail; an empty object keeps the page usable.
    crate::render::json::to_compact_string(&payload)
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
        not_sure: s::NOT_SURE,
        did_you_mean: s::DID_YOU_MEAN,
        who_to_contact: s::WHO_TO_CONTACT,
        stale: s::STALE,
        back: s::APP_BACK,
        results: s::APP_RESULTS,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_holds_its_scripts_whole_and_in_order() {
        let files = [
            include_str!("stem.js"),
            include_str!("search.js"),
            include_str!("search_rank.js"),
            include_str!("stem_en.js"),
            include_str!("search_lang.js"),
            include_str!("lang.js"),
            include_str!("app.js"),
        ];
        assert_eq!(super::page_script(), files.concat());
    }

    use super::*;

    #[test]
    fn payload_cannot_close_its_script_element() {
        let json = payload_json(
            &crate::kb::KnowledgeBase {
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
                translations: crate::kb::i18n::Translations::default(),
            },
            jiff::civil::date(2026, 12, 1),
            "fr",
        );
        assert!(!json.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(
            back["kb"]["meta"]["title"],
            "</script><script>alert(1)</script>"
        );
    }
}
