//! `relais schema`: the JSON Schema of the data format, for editors (yaml-language-server in VS
//! Code, Neovim, Helix…). It is derived from the serde types of [`crate::kb::raw`], so every
//! key they accept is in it; the rules that live in the validator are added by field name:
//! regions, audiences, the data's categories, ids, dates and phone numbers.

use std::io::Write;

use serde_json::{Value, json};

use super::Status;
use crate::cli::Cli;

/// A date as the data writes it.
pub const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
/// A `date` key: a full date, or for a source as precise as the source (`AAAA`, `AAAA-MM`).
pub const PARTIAL_DATE_PATTERN: &str = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
/// An id: lowercase letters without accents, digits, single hyphens between.
pub const ID_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";
/// A Belgian phone number (short emergency number, national or international), with spaces,
/// dots, slashes or hyphens; the validator's rule is finer.
pub const PHONE_PATTERN: &str =
    r"^\s*(1[0-9]{2,3}|0([ ./-]?[0-9]){8,9}|\+ ?[0-9]([ ./-]?[0-9]){7,14})\s*$";

/// What each key means, shown by the editor on hover (by key name: the same name means the same
/// thing wherever it appears).
const DESCRIPTIONS: [(&str, &str); 34] = [
    (
        "meta",
        "Une seule fois dans toutes les données : titre, version, date, éditeur.",
    ),
    ("categories", "Les catégories des questions."),
    ("entries", "Les questions et leurs réponses."),
    (
        "contacts",
        "Les contacts (en tête de fichier) ou, dans une entrée, les identifiants des contacts à proposer.",
    ),
    ("decks", "Les parcours de formation (présentations)."),
    ("synonyms", "Groupes de mots équivalents pour la recherche."),
    (
        "title",
        "Le titre ; pour une entrée, la question telle qu'on la pose.",
    ),
    ("version", "La version des données, par exemple 2026.12.01."),
    (
        "date",
        "Une date AAAA-MM-JJ ; pour une source, AAAA-MM ou AAAA suffisent.",
    ),
    ("publisher", "Qui publie ces données."),
    (
        "fallback_contacts",
        "Contacts montrés quand une recherche ne trouve rien.",
    ),
    (
        "trusted_keys",
        "Clés publiques minisign (deuxième ligne d'un fichier .pub) dont les paquets signés sont acceptés.",
    ),
    (
        "id",
        "Identifiant : minuscules sans accents, chiffres et tirets ; unique parmi entrées, contacts et parcours.",
    ),
    ("description", "Quelques phrases de présentation."),
    ("category", "L'identifiant d'une catégorie déclarée."),
    ("audience", "Pour qui : aidants, migrants, formateurs."),
    ("summary", "La réponse courte, en une à trois phrases."),
    (
        "answer",
        "La réponse complète : paragraphes, **gras**, listes, [texte](https://…) et [[autre-id]].",
    ),
    (
        "keywords",
        "Mots que les gens tapent et qui ne sont pas dans le texte.",
    ),
    ("related", "Identifiants d'autres entrées à lire aussi."),
    ("sources", "Les sources (au moins une pour une entrée)."),
    (
        "reviewed",
        "Date de la dernière vérification contre les sources (AAAA-MM-JJ) ; à relire après 12 mois.",
    ),
    ("url", "Adresse web (http ou https)."),
    ("name", "Le nom de l'organisation ou du service."),
    ("region", "Où le contact agit."),
    ("topics", "Thèmes du contact."),
    (
        "phone",
        "Numéros au format belge : 081 73 71 76, 0470 12 34 56, +32 2 524 98 89, 112.",
    ),
    ("email", "Adresse e-mail."),
    ("website", "Site web (http ou https)."),
    ("address", "Adresse postale."),
    ("hours", "Horaires d'ouverture ou de permanence."),
    (
        "notes",
        "Réserves et précisions (« ancien numéro, à vérifier »).",
    ),
    (
        "verified",
        "Date où les coordonnées ont été confirmées dans une source (AAAA-MM-JJ) ; absente : « non vérifié ».",
    ),
    (
        "slides",
        "Les identifiants des entrées du parcours, dans l'ordre.",
    ),
];

/// A schema that `build.rs` derived from the serde types ([`crate::kb::raw::data_schema`],
/// [`crate::kb::i18n::schema::translation_schema`]) and wrote as JSON, so that the schema
/// generator stays out of the binary. Made by the build with the code, it always reads (`null`
/// if it did not).
fn embedded(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_default()
}

/// The schema, with the categories of `categories` as the allowed values of `category` (none
/// given: any id).
#[must_use]
pub fn schema(categories: &[String]) -> Value {
    let mut root = crate::kb::i18n::schema::either_data_or_translation(
        embedded(include_str!(concat!(env!("OUT_DIR"), "/data-schema.json"))),
        embedded(include_str!(concat!(
            env!("OUT_DIR"),
            "/translation-schema.json"
        ))),
    );
    if let Some(obj) = root.as_object_mut() {
        obj.insert("title".into(), json!("Données de relais"));
        obj.insert(
            "description".into(),
            json!("Un fichier YAML de données de relais (voir « Le format des données » dans le README). relais check reste l'arbitre : il vérifie aussi les renvois entre fichiers."),
        );
    }
    let regions: Vec<&str> = crate::kb::REGIONS.to_vec();
    let audiences: Vec<&str> = crate::kb::Audience::ALL.iter().map(|(n, _)| *n).collect();
    patch(&mut root, &|name, prop| {
        let described = prop.get("description").is_some();
        let text = DESCRIPTIONS
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, t)| *t)
            .or_else(|| crate::kb::i18n::schema::description(name));
        if let Some(text) = text
            && !described
        {
            set(prop, "description", json!(text));
        }
        rules(name, prop, categories, &regions, &audiences);
        crate::kb::i18n::schema::rules(name, prop);
    });
    plain_numbers(&mut root);
    root
}

/// A text may be written as a plain YAML number (`date: 2025`, `"112"` unquoted): the loader
/// reads it as text, so the schema accepts a number wherever it accepts a string.
fn plain_numbers(value: &mut Value) {
    match value {
        Value::Object(obj) => {
            match obj.get_mut("type") {
                Some(t) if *t == json!("string") => *t = json!(["string", "number"]),
                Some(t) if *t == json!(["string", "null"]) => {
                    *t = json!(["string", "number", "null"]);
                }
                _ => {}
            }
            for (_, child) in obj.iter_mut() {
                plain_numbers(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(plain_numbers),
        _ => {}
    }
}

/// The validator's rules that a schema can say, by key name.
fn rules(
    name: &str,
    prop: &mut Value,
    categories: &[String],
    regions: &[&str],
    audiences: &[&str],
) {
    match name {
        "region" => set(prop, "enum", json!(regions)),
        "audience" => items(prop, "enum", json!(audiences)),
        "category" if !categories.is_empty() => set(prop, "enum", json!(categories)),
        "id" | "category" => set(prop, "pattern", json!(ID_PATTERN)),
        "reviewed" | "verified" => set(prop, "pattern", json!(DATE_PATTERN)),
        "date" => set(prop, "pattern", json!(PARTIAL_DATE_PATTERN)),
        "phone" => items(prop, "pattern", json!(PHONE_PATTERN)),
        "email" => set(prop, "format", json!("email")),
        "website" | "url" => set(prop, "pattern", json!("^https?://[^\\s]+$")),
        "related" | "contacts" | "slides" | "fallback_contacts" => {
            items(prop, "pattern", json!(ID_PATTERN));
        }
        _ => {}
    }
}

/// Calls `f` on every property of every object schema in the tree.
fn patch(value: &mut Value, f: &dyn Fn(&str, &mut Value)) {
    match value {
        Value::Object(obj) => {
            if let Some(Value::Object(props)) = obj.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    f(name, prop);
                }
            }
            for (_, child) in obj.iter_mut() {
                patch(child, f);
            }
        }
        Value::Array(items) => {
            for child in items {
                patch(child, f);
            }
        }
        _ => {}
    }
}

fn set(prop: &mut Value, key: &str, value: Value) {
    if let Some(obj) = prop.as_object_mut() {
        obj.insert(key.to_owned(), value);
    }
}

/// Sets `key` on the schema of a list's items, when they are strings (ids, phones), not
/// records.
fn items(prop: &mut Value, key: &str, value: Value) {
    if let Some(items) = prop.get_mut("items")
        && items.get("type") == Some(&json!("string"))
    {
        set(items, key, value);
    }
}

/// `relais schema`: the schema, with the categories of the active data when it loads.
pub fn run_schema(cli: &Cli, out: &mut dyn Write) -> anyhow::Result<Status> {
    let origin = super::locate(cli);
    let categories: Vec<String> = crate::kb::validate::load(&origin, crate::kb::today())
        .map(|l| l.kb.categories.into_iter().map(|c| c.id).collect())
        .unwrap_or_default();
    crate::render::json::write(out, &schema(&categories))?;
    Ok(Status::Success)
}
