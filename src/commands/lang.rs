//! `--lang CODE` on `show`, `search`, `list` and `export`: the translated title, summary and
//! card of what is shown, with the notice of how it was translated in its language and in
//! French, and always the French after it (the French is the reference). An entry without a
//! translation falls back to French and says so; it is never left out.

use std::io::Write;

use serde_json::{Value, json};

use super::{Painter, Status};
use crate::cli::{Cli, Command};
use crate::kb::i18n::{self, Language, Provenance, STALE_NOTICE_FR};
use crate::kb::text::neutralize;
use crate::kb::validate::Loaded;
use crate::kb::{Item, KnowledgeBase};

/// Width of plain output, as `show` prints it.
const WIDTH: usize = 78;

/// The language of `code`, or a French message and exit 2.
///
/// # Errors
/// The status to exit with when `code` is not a language relais knows (message printed).
pub fn language(code: &str) -> Result<&'static Language, Status> {
    i18n::language(code).ok_or_else(|| {
        eprintln!(
            "relais : langue inconnue « {} » pour --lang : codes connus : {} ({})",
            neutralize(code),
            i18n::known_codes(),
            i18n::LANGUAGES
                .iter()
                .map(|l| format!("{} = {}", l.code, l.french))
                .collect::<Vec<_>>()
                .join(", ")
        );
        Status::Invalid
    })
}

/// Runs `command` with `--lang code`.
///
/// # Errors
/// A failed write.
pub fn run(
    cli: &Cli,
    command: &Command,
    loaded: &Loaded,
    code: &str,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let mut langs = Vec::new();
    for code in code.split(',').filter(|c| !c.trim().is_empty()) {
        match language(code) {
            Ok(l) if !langs.contains(&l) => langs.push(l),
            Ok(_) => {}
            Err(status) => return Ok(status),
        }
    }
    let Some(&lang) = langs.first() else {
        return Ok(language("").map_or_else(|s| s, |_| Status::Invalid));
    };
    let kb = &loaded.kb;
    if langs.len() > 1 && !matches!(command, Command::Export(_)) {
        eprintln!(
            "relais : une seule langue à la fois avec show, search et list (plusieurs, séparées \
             par des virgules, seulement pour export --cards)"
        );
        return Ok(Status::Invalid);
    }
    match command {
        Command::Show(a) => show(kb, &a.id, lang, a.json, out, p),
        Command::List(a) => {
            super::lang_list::run_list(kb, a.category.as_deref(), lang, a.json, out, p)
        }
        Command::Search(_) => super::lang_list::run_search(cli, command, loaded, lang, out, p),
        Command::Export(args) => super::export_lang::run_export(kb, args, &langs, out),
        _ => {
            eprintln!("relais : --lang s'utilise avec show, search, list et export");
            Ok(Status::Invalid)
        }
    }
}

/// The JSON fields that say in which language an item is shown: `lang` and `translation`,
/// the translated texts, or the note of the French fallback.
#[must_use]
pub fn json_fields(
    kb: &KnowledgeBase,
    id: &str,
    lang: &Language,
) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    let card_fr = kb.french_card(id).map(|c| c.card.clone());
    let found = kb
        .translation(id, lang.code)
        .map(|t| {
            let mut texts = json!({"title": t.title, "summary": t.summary, "card": t.card});
            if !t.ask.is_empty() {
                texts["ask"] = json!(t.ask);
            }
            (&t.provenance, texts)
        })
        .or_else(|| {
            kb.contact_translation(id, lang.code).map(|t| {
                let mut texts = json!({"description": t.description});
                if !t.ask.is_empty() {
                    texts["ask"] = json!(t.ask);
                }
                (&t.provenance, texts)
            })
        });
    match found {
        Some((prov, mut texts)) if lang.code != "fr" => {
            map.insert("lang".into(), lang.code.into());
            map.insert("translation".into(), prov.status.as_str().into());
            let (notice, notice_fr) = prov.notices(lang);
            if let Value::Object(t) = &mut texts {
                t.insert("dir".into(), lang.direction.as_str().into());
                t.insert("date".into(), prov.date.to_string().into());
                t.insert(
                    "reviewed".into(),
                    json!(prov.reviewed.map(|d| d.to_string())),
                );
                t.insert("by".into(), json!(prov.by));
                t.insert("stale".into(), prov.stale.into());
                t.insert("notice".into(), notice.into());
                t.insert("notice_fr".into(), notice_fr.into());
            }
            map.insert("translated".into(), texts);
        }
        _ => {
            map.insert("lang".into(), "fr".into());
            if lang.code != "fr" {
                map.insert("note".into(), fallback_note(lang).into());
            }
        }
    }
    if let Some(card) = card_fr {
        map.insert("card_fr".into(), card.into());
    }
    let langs: Vec<&str> = kb.languages_of(id).iter().map(|l| l.code).collect();
    map.insert("languages".into(), json!(langs));
    map
}

/// « Pas de traduction en arabe : la version française suit. »
#[must_use]
pub fn fallback_note(lang: &Language) -> String {
    format!(
        "pas de traduction en {} : la version française suit",
        lang.french
    )
}

fn show(
    kb: &KnowledgeBase,
    id: &str,
    lang: &Language,
    json: bool,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    if json {
        let mut french = Vec::new();
        let status = super::browse::run_show(kb, id, true, &mut french, p)?;
        if status != Status::Success {
            return Ok(status);
        }
        let mut value: Value = serde_json::from_slice(&french)?;
        if let Value::Object(map) = &mut value {
            map.extend(json_fields(kb, id, lang));
        }
        crate::render::json::write(out, &value)?;
        return Ok(Status::Success);
    }
    if kb.item(id).is_some() {
        write!(out, "{}", translated_text(kb, id, lang, p))?;
    }
    super::browse::run_show(kb, id, false, out, p)
}

/// The translated block `show --lang` prints before the French: title, notices, summary and
/// card (or description), or the note that there is no translation.
#[must_use]
pub fn translated_text(kb: &KnowledgeBase, id: &str, lang: &Language, p: Painter) -> String {
    let mut out = String::new();
    // Data is neutralised before it is painted: the painter's own escapes must stay.
    let push = |out: &mut String, s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let n = |s: &str| neutralize(s).into_owned();
    let texts: Option<(&Provenance, Vec<&str>)> = match kb.item(id) {
        Some(Item::Entry(_)) => kb.translation(id, lang.code).map(|t| {
            let mut texts = vec![t.title.as_str(), t.summary.as_str()];
            texts.extend(t.card.as_deref());
            (&t.provenance, texts)
        }),
        Some(Item::Contact(_)) => kb
            .contact_translation(id, lang.code)
            .map(|t| (&t.provenance, vec![t.description.as_str()])),
        _ => None,
    };
    if lang.code == "fr" {
        if let Some(card) = kb.french_card(id) {
            push(&mut out, &p.bold("Carte pour la personne aidée"));
            wrap_into(&mut out, &card.card);
            push(&mut out, "");
        }
        return out;
    }
    let Some((prov, texts)) = texts else {
        push(
            &mut out,
            &p.warn(&format!("⚠ {}.", capitalized(&fallback_note(lang)))),
        );
        push(&mut out, "");
        return out;
    };
    let (notice, notice_fr) = prov.notices(lang);
    let (title, rest) = texts.split_first().map_or(("", &[][..]), |(t, r)| (*t, r));
    push(
        &mut out,
        &p.bold(&format!("[{}] {}", lang.native, n(title))),
    );
    push(&mut out, &p.warn(&format!("⚠ {}", n(&notice))));
    push(&mut out, &p.warn(&format!("⚠ {}", n(&notice_fr))));
    if prov.stale {
        push(
            &mut out,
            &p.warn(&format!(
                "⚠ {} : le français a changé depuis le {}",
                capitalized(STALE_NOTICE_FR),
                prov.date
            )),
        );
    }
    if lang.direction == i18n::Direction::Rtl {
        push(&mut out, &p.dim(&rtl_hint(lang)));
    }
    for text in rest {
        push(&mut out, "");
        wrap_into(&mut out, text);
    }
    push(&mut out, "");
    push(
        &mut out,
        &p.bold("──── Version française (elle fait foi) ────"),
    );
    out
}

/// Why a right-to-left language shows badly in a terminal, and where to show it instead.
#[must_use]
pub fn rtl_hint(lang: &Language) -> String {
    format!(
        "Un terminal affiche mal l'écriture de droite à gauche ({}) : lettres non liées, mots \
         dans le désordre. Pour la montrer à la personne : la page pour téléphone (relais export \
         --format html --app --lang {}) ou la carte imprimée (relais export --format html \
         --cards --lang {}).",
        lang.french, lang.code, lang.code
    )
}

fn wrap_into(out: &mut String, text: &str) {
    let options = textwrap::Options::new(WIDTH)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in text.lines() {
        for piece in textwrap::wrap(&neutralize(line), &options) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
