//! Every export format carries no control character.

use relais::kb::KnowledgeBase;
use relais::kb::text::{is_forbidden, is_invisible};

use super::{TODAY, kb, run};

// --- exports ---------------------------------------------------------------------------------

/// Every forbidden character of `text`, by code point, with how often it occurs.
fn leaks(text: &str) -> std::collections::BTreeMap<String, usize> {
    let mut found = std::collections::BTreeMap::new();
    for c in text.chars().filter(|&c| is_forbidden(c) || is_invisible(c)) {
        *found.entry(format!("U+{:04X}", u32::from(c))).or_default() += 1;
    }
    found
}

/// Every output of the exports, named.
fn exports(kb: &KnowledgeBase) -> Vec<(String, String)> {
    use relais::export::{Handout, Scope};
    let mut out = Vec::new();
    let scopes = [
        (Scope::All, false),
        (Scope::All, true),
        (Scope::Deck("seance".to_owned()), true),
    ];
    for (scope, contacts) in scopes {
        let handout = Handout::select(kb, &scope, contacts, TODAY).expect("handout");
        let name = format!("{scope:?} contacts={contacts}");
        out.push((
            format!("markdown {name}"),
            relais::export::md::render(&handout),
        ));
        out.push((
            format!("html {name}"),
            relais::export::html::render(&handout),
        ));
    }
    out.push((
        "phone page".to_owned(),
        relais::export::app::render(kb, TODAY),
    ));
    for deck in &kb.decks {
        out.push((
            format!("slides {}", deck.id),
            relais::export::slides::render(kb, deck),
        ));
    }
    let langs: Vec<&'static relais::kb::i18n::Language> = ["ar", "en"]
        .iter()
        .filter_map(|c| relais::kb::i18n::language(c))
        .collect();
    let entries: Vec<&relais::kb::Entry> = kb.entries.iter().collect();
    let (cards, _) = relais::export::cards::render(kb, &entries, &langs, TODAY);
    assert!(cards.contains("dir=\"rtl\""), "no Arabic card:\n{cards}");
    out.push(("bilingual cards".to_owned(), cards));
    out.push((
        "phone page in Arabic".to_owned(),
        relais::export::app::render_in(kb, TODAY, "ar"),
    ));
    let all = Handout::select(kb, &Scope::All, true, TODAY).expect("all contacts");
    out.push((
        "contacts and QR sheet".to_owned(),
        relais::export::sheet::render(&all).expect("one page"),
    ));
    out
}

/// Every export, on a knowledge base that was never checked (control characters everywhere, a
/// contact id full of escapes): nothing that could drive a terminal reaches the file, which
/// `relais export` writes to the terminal when no `-o` is given.
#[test]
fn every_export_carries_no_control_character() {
    use relais::cli::{ExportArgs, ExportFormat};
    let kb = kb();
    let mut report: Vec<(String, std::collections::BTreeMap<String, usize>)> = exports(&kb)
        .into_iter()
        .map(|(name, text)| (name, leaks(&text)))
        .collect();
    // And through `relais export` itself, in every format, as it writes to the terminal.
    for (format, app) in [
        (ExportFormat::Json, false),
        (ExportFormat::Html, true),
        (ExportFormat::Html, false),
        (ExportFormat::Md, false),
    ] {
        let args = ExportArgs {
            format,
            deck: None,
            category: None,
            ids: Vec::new(),
            contacts: !app && format != ExportFormat::Json,
            app,
            sheet: false,
            cards: false,
            output: None,
        };
        let out = run(|o| relais::commands::export::run_export(&kb, &args, o));
        report.push((format!("relais export {format:?} app={app}"), leaks(&out)));
    }
    report.retain(|(_, found)| !found.is_empty());
    assert!(
        report.is_empty(),
        "control characters in exports: {report:#?}"
    );
}
