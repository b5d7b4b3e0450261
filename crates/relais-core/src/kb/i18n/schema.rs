//! The translation files in `relais schema`: the JSON Schema accepts a data file or a
//! translation file (`lang:` and its `entries` or `contacts`), so that an editor checks and
//! explains both.

use serde_json::{Value, json};

use super::raw::RawTranslationFile;

/// The root JSON Schema of the translation files as derived from their serde types (draft 7).
/// The binary does not call it: `build.rs` of relais does, and `relais schema` embeds the result.
#[must_use]
pub fn translation_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    generator
        .into_root_schema_for::<RawTranslationFile>()
        .to_value()
}

/// `data` (the data files' root schema) or `translation` (the translation files' root schema,
/// [`translation_schema`]), in one root.
#[must_use]
pub fn either_data_or_translation(mut data: Value, mut translation: Value) -> Value {
    let Some(root) = data.as_object_mut() else {
        return data;
    };
    let keys = ["type", "properties", "required", "additionalProperties"];
    let mut file = serde_json::Map::new();
    for key in keys {
        if let Some(v) = root.remove(key) {
            file.insert(key.to_owned(), v);
        }
    }
    let mut translated = serde_json::Map::new();
    if let Some(t) = translation.as_object_mut() {
        for key in keys {
            if let Some(v) = t.remove(key) {
                translated.insert(key.to_owned(), v);
            }
        }
        translated.insert("required".to_owned(), json!(["lang"]));
        if let (Some(Value::Object(defs)), Some(Value::Object(more))) =
            (root.get_mut("definitions"), t.remove("definitions"))
        {
            defs.extend(more);
        }
    }
    root.insert(
        "anyOf".to_owned(),
        json!([Value::Object(file), Value::Object(translated)]),
    );
    data
}

/// What the keys of translation files mean, for the editor's hover.
#[must_use]
pub fn description(name: &str) -> Option<&'static str> {
    Some(match name {
        "lang" => {
            "Fichier de traduction : le code de la langue, le nom de son dossier (en, ar, prs, \
             ps, ti ; fr pour les cartes françaises)."
        }
        "status" => {
            "machine (écrite par une machine ou une IA) ou reviewed (comparée au français par \
             une personne nommée qui lit la langue)."
        }
        "by" => "Qui a comparé la traduction au français (avec status: reviewed).",
        "card" => {
            "La carte pour la personne aidée : 5 à 8 phrases simples, une par ligne ; les \
             numéros écrits comme en français."
        }
        _ => return None,
    })
}

/// The rules of the translation keys a schema can say.
pub fn rules(name: &str, prop: &mut Value) {
    let allowed = match name {
        "lang" => json!(super::LANGUAGES.map(|l| l.code)),
        "status" => json!(["machine", "reviewed"]),
        _ => return,
    };
    if let Some(obj) = prop.as_object_mut() {
        obj.insert("enum".to_owned(), allowed);
    }
}
