//! `relais data diff A B`, and the summary `data install` shows before it changes anything:
//! entries and contacts added, removed and changed field by field, and first, in full, every
//! phone number, e-mail, address and website that changes — the details someone may pass on to
//! a person in danger.

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use super::{Painter, Status};
use crate::kb::validate::{load, validate};
use crate::kb::{KnowledgeBase, LoadError, Origin, pack, source, store::Store, trust};

/// The contact details checked first, in the order they are shown.
const COORDINATES: [(&str, &str); 4] = [
    ("phone", "téléphone"),
    ("email", "e-mail"),
    ("address", "adresse"),
    ("website", "site"),
];

/// French names of the fields, in the order they are listed; other fields follow by name.
const LABELS: [(&str, &str); 21] = [
    ("title", "titre"),
    ("name", "nom"),
    ("category", "catégorie"),
    ("region", "région"),
    ("audience", "public"),
    ("summary", "résumé"),
    ("description", "description"),
    ("answer", "réponse"),
    ("phone", "téléphone"),
    ("email", "e-mail"),
    ("address", "adresse"),
    ("website", "site"),
    ("hours", "horaires"),
    ("notes", "notes"),
    ("topics", "thèmes"),
    ("keywords", "mots-clés"),
    ("related", "voir aussi"),
    ("contacts", "contacts"),
    ("sources", "sources"),
    ("reviewed", "relu le"),
    ("verified", "vérifié le"),
];

/// One contact detail that changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coordinate {
    pub contact: String,
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// Records of one kind added, removed and changed (with the names of the changed fields and,
/// for short values, old → new).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub added: Vec<(String, String)>,
    pub removed: Vec<(String, String)>,
    pub changed: Vec<(String, String, Vec<String>)>,
}

/// What changes between two knowledge bases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub coordinates: Vec<Coordinate>,
    pub entries: Section,
    pub contacts: Section,
}

impl Diff {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.coordinates.is_empty()
            && self.entries == Section::default()
            && self.contacts == Section::default()
    }
}

fn label(key: &str) -> String {
    LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| key.to_owned(), |(_, l)| (*l).to_owned())
}

/// A value in full, on one line: lists joined by « ; », nothing as « (aucun) ».
fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(aucun)".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.is_empty() => "(aucun)".to_owned(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| shown(Some(v)))
            .collect::<Vec<_>>()
            .join(" ; "),
        Some(other) => other.to_string(),
    }
}

/// The fields of a record as JSON, in the order of [`LABELS`] then by name.
fn fields<T: serde::Serialize>(record: &T) -> serde_json::Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    }
}

fn ordered_keys(
    a: &serde_json::Map<String, Value>,
    b: &serde_json::Map<String, Value>,
) -> Vec<String> {
    let mut keys: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| *k != "id")
        .cloned()
        .collect();
    keys.sort_by_key(|k| {
        (
            LABELS
                .iter()
                .position(|(l, _)| l == k)
                .unwrap_or(usize::MAX),
            k.clone(),
        )
    });
    keys.dedup();
    keys
}

/// The changed fields of two versions of a record: a label, with old → new when both are short.
fn changed_fields<T: serde::Serialize>(old: &T, new: &T) -> Vec<String> {
    let (a, b) = (fields(old), fields(new));
    ordered_keys(&a, &b)
        .into_iter()
        .filter(|k| a.get(k) != b.get(k))
        .map(|k| {
            let (before, after) = (shown(a.get(&k)), shown(b.get(&k)));
            if before.chars().count() <= 40 && after.chars().count() <= 40 && !before.contains('\n')
            {
                format!("{} ({before} → {after})", label(&k))
            } else {
                label(&k)
            }
        })
        .collect()
}

fn section<T: serde::Serialize>(
    old: &[T],
    new: &[T],
    id: fn(&T) -> &str,
    title: fn(&T) -> &str,
) -> Section {
    let mut s = Section::default();
    for n in new {
        match old.iter().find(|o| id(o) == id(n)) {
            None => s.added.push((id(n).to_owned(), title(n).to_owned())),
            Some(o) => {
                let changed = changed_fields(o, n);
                if !changed.is_empty() {
                    s.changed
                        .push((id(n).to_owned(), title(n).to_owned(), changed));
                }
            }
        }
    }
    for o in old.iter().filter(|o| !new.iter().any(|n| id(n) == id(o))) {
        s.removed.push((id(o).to_owned(), title(o).to_owned()));
    }
    s
}

/// Compares `old` with `new`.
#[must_use]
pub fn compare(old: &KnowledgeBase, new: &KnowledgeBase) -> Diff {
    let mut coordinates = Vec::new();
    for (key, field) in COORDINATES {
        for n in &new.contacts {
            let o = old.contacts.iter().find(|o| o.id == n.id);
            let before = o.map(fields).and_then(|f| f.get(key).cloned());
            let after = fields(n).get(key).cloned();
            let (b, a) = (shown(before.as_ref()), shown(after.as_ref()));
            if b != a {
                coordinates.push(Coordinate {
                    contact: n.id.clone(),
                    field,
                    old: b,
                    new: a,
                });
            }
        }
    }
    Diff {
        coordinates,
        entries: section(&old.entries, &new.entries, |e| &e.id, |e| &e.title),
        contacts: section(&old.contacts, &new.contacts, |c| &c.id, |c| &c.name),
    }
}

/// Prints `diff`: changed contact details first, highlighted, then each section.
pub fn print(diff: &Diff, out: &mut dyn Write, p: Painter) -> std::io::Result<()> {
    let n = |s: &str| crate::kb::text::neutralize(s).into_owned();
    if diff.is_empty() {
        return writeln!(out, "Aucune différence dans les entrées et les contacts.");
    }
    if !diff.coordinates.is_empty() {
        writeln!(
            out,
            "{}",
            p.bold(&p.warn("Coordonnées qui changent (à vérifier avant de les transmettre) :"))
        )?;
        for c in &diff.coordinates {
            let line = format!(
                "  {} — {} : {} → {}",
                n(&c.contact),
                c.field,
                n(&c.old),
                n(&c.new)
            );
            writeln!(out, "{}", p.warn(&line))?;
        }
    }
    for (name, s) in [("Entrées", &diff.entries), ("Contacts", &diff.contacts)] {
        writeln!(
            out,
            "{} : {} ajouté(s), {} retiré(s), {} modifié(s)",
            p.bold(name),
            s.added.len(),
            s.removed.len(),
            s.changed.len()
        )?;
        for (id, title) in &s.added {
            writeln!(out, "  + {}  {}", n(id), n(title))?;
        }
        for (id, title) in &s.removed {
            writeln!(out, "  - {}  {}", n(id), n(title))?;
        }
        for (id, title, changed) in &s.changed {
            writeln!(
                out,
                "  ~ {}  {} : {}",
                n(id),
                n(title),
                n(&changed.join(", "))
            )?;
        }
    }
    Ok(())
}

/// Loads one side of a diff: `installed`, `bundled`, a pack, a folder or a YAML file. Problems
/// are printed; `None` then.
fn side(arg: &str) -> Option<(String, KnowledgeBase)> {
    let today = crate::kb::today();
    let report = |origin: &Origin, err: &LoadError| super::report_load_error(origin, err);
    let origin = match arg {
        "bundled" => Origin::Bundled,
        "installed" => {
            let Some(dir) = source::user_data_dir().and_then(|d| Store::new(d).current()) else {
                eprintln!("relais : aucune donnée installée (installed) ; voir relais data status");
                return None;
            };
            Origin::UserDir(dir)
        }
        path if pack::is_pack_file(Path::new(path)) => {
            let path = Path::new(path);
            let shown = crate::kb::text::neutralize(&path.display().to_string()).into_owned();
            let pack = match pack::read_file(path) {
                Ok(pack) => pack,
                Err(e) => {
                    eprintln!("relais : {shown} : {e}");
                    return None;
                }
            };
            let keys = trust::trusted_keys(trust::keys_dir().as_deref());
            match trust::check_signature(pack.manifest_text.as_bytes(), &pack.signature, &keys) {
                Ok(trust::Signer::Trusted(_)) => {}
                Ok(trust::Signer::Unknown { key_id }) => eprintln!(
                    "relais : {shown} : signé par la clé {key_id}, qui n'est pas une clé de confiance"
                ),
                Err(e) => {
                    eprintln!("relais : {shown} : {e}");
                    return None;
                }
            }
            let origin = Origin::Given(path.to_path_buf());
            let loaded = pack
                .sources(path)
                .and_then(|(files, _)| validate(&files, today));
            return match loaded {
                Ok((kb, _)) => Some((shown, kb)),
                Err(err) => {
                    report(&origin, &err);
                    None
                }
            };
        }
        path => Origin::Given(path.into()),
    };
    match load(&origin, today) {
        Ok(loaded) => Some((
            origin.display(crate::strings::BUNDLED_DATA).to_string(),
            loaded.kb,
        )),
        Err(err) => {
            report(&origin, &err);
            None
        }
    }
}

/// `relais data diff A B`.
pub fn run_diff(
    before: &str,
    after: &str,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let (Some((a_name, a)), Some((b_name, b))) = (side(before), side(after)) else {
        return Ok(Status::Invalid);
    };
    let n = |s: &str| crate::kb::text::neutralize(s).into_owned();
    writeln!(
        out,
        "Avant : {} — {}",
        n(&a_name),
        n(&crate::export::data_line(&a))
    )?;
    writeln!(
        out,
        "Après : {} — {}",
        n(&b_name),
        n(&crate::export::data_line(&b))
    )?;
    print(&compare(&a, &b), out, p)?;
    Ok(Status::Success)
}
