//! Ids and what refers to them: each id registered once (a duplicate reported at both places),
//! lists of ids checked against the kind they must name, and the `[[id]]` links of answers, each
//! reported at its own line.

use std::collections::HashMap;

use crate::kb::markup::wiki_links;
use crate::kb::raw::{RawContact, RawDeck, RawEntry, Text};
use crate::kb::text::did_you_mean;
use crate::kb::{Category, Severity};

use super::positions::clamp;
use super::{Checker, hint};

/// Where an id was defined, for duplicate reports.
#[derive(Clone, Copy)]
pub(super) struct Defined {
    kind: &'static str,
    file: usize,
    line: u32,
    col: u32,
}

impl Defined {
    pub(super) fn at(kind: &'static str, file: usize, id: &Text) -> Self {
        Self {
            kind,
            file,
            line: clamp(id.referenced.line()),
            col: clamp(id.referenced.column()),
        }
    }
}

/// What references are checked against.
pub(super) struct Refs<'a> {
    pub(super) ids: &'a HashMap<String, Defined>,
    pub(super) categories: &'a [Category],
}

impl Refs<'_> {
    pub(super) fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    fn closest_of(&self, kind: &str, id: &str) -> Option<&str> {
        did_you_mean(
            id,
            self.ids
                .iter()
                .filter(|(_, d)| d.kind == kind)
                .map(|(k, _)| k.as_str()),
        )
    }
}

impl Checker<'_> {
    /// Registers every entry, contact and deck id, reporting duplicates at both places.
    pub(super) fn defined_ids(
        &mut self,
        entries: &[(usize, RawEntry)],
        contacts: &[(usize, RawContact)],
        decks: &[(usize, RawDeck)],
    ) -> HashMap<String, Defined> {
        let all = entries
            .iter()
            .map(|(f, e)| ("entrée", *f, &e.id))
            .chain(contacts.iter().map(|(f, c)| ("contact", *f, &c.id)))
            .chain(decks.iter().map(|(f, d)| ("présentation", *f, &d.id)));
        let mut ids: HashMap<String, Defined> = HashMap::new();
        for (kind, file, t) in all {
            let id = self.id(file, t);
            let here = Defined::at(kind, file, t);
            if let Some(first) = ids.get(&id).copied() {
                self.report_duplicate(&id, first, here);
            } else {
                ids.insert(id, here);
            }
        }
        ids
    }

    /// Reports an id defined twice at both places, each naming the other.
    pub(super) fn report_duplicate(&mut self, id: &str, first: Defined, again: Defined) {
        let first_place = self.place(first, again.file);
        let again_place = self.place(again, first.file);
        let (to_again, to_first) = if first.kind == "catégorie" {
            (
                format!(
                    "catégorie « {id} » déclarée deux fois : déjà déclarée {first_place}",
                    id = crate::kb::text::quotable(id)
                ),
                format!(
                    "catégorie « {id} » déclarée deux fois : à nouveau {again_place}",
                    id = crate::kb::text::quotable(id)
                ),
            )
        } else {
            (
                format!(
                    "identifiant « {id} » en double : déjà utilisé par {} {first_place}",
                    article(first.kind),
                    id = crate::kb::text::quotable(id)
                ),
                format!(
                    "identifiant « {id} » en double : utilisé à nouveau par {} {again_place}",
                    article(again.kind),
                    id = crate::kb::text::quotable(id)
                ),
            )
        };
        self.push(Severity::Error, again.file, again.line, again.col, to_again);
        self.push(Severity::Error, first.file, first.line, first.col, to_first);
    }

    /// Where `d` is, as seen from a message in file `from`: the line alone in the same file.
    fn place(&self, d: Defined, from: usize) -> String {
        if d.file == from {
            format!("à la ligne {}", d.line)
        } else {
            format!("dans {}:{}:{}", self.files[d.file].name, d.line, d.col)
        }
    }

    /// Checks that every id in `list` names something of `kind`.
    pub(super) fn refs(
        &mut self,
        file: usize,
        field: &str,
        list: &[Text],
        refs: &Refs<'_>,
        kind: &str,
    ) -> Vec<String> {
        list.iter()
            .map(|t| {
                let id = t.value.trim().to_owned();
                match refs.ids.get(&id) {
                    Some(d) if d.kind == kind => {}
                    None if self.unread_ids.contains(&id) => {}
                    Some(d) => self.error_at(
                        file,
                        &t.referenced,
                        format!(
                            "« {id} » dans « {field} » est {} et non {}",
                            article(d.kind),
                            article(kind),
                            id = crate::kb::text::quotable(&id)
                        ),
                    ),
                    None => {
                        let hint = hint(refs.closest_of(kind, &id));
                        self.error_at(
                            file,
                            &t.referenced,
                            format!(
                                "« {field} » renvoie à {} inconnu{} « {id} »{hint}",
                                article(kind),
                                if kind == "contact" { "" } else { "e" },
                                id = crate::kb::text::quotable(&id)
                            ),
                        );
                    }
                }
                id
            })
            .collect()
    }

    /// Checks the `[[id]]` links of an answer, pointing at the line of each broken link. Links
    /// are found in the source in the order of the answer, each after the previous one, so two
    /// identical links on different lines are each reported at their own line.
    pub(super) fn check_links(&mut self, file: usize, raw: &Text, answer: &str, refs: &Refs<'_>) {
        let mut cursor = Self::value_start(raw);
        // A link with a bracket inside is a missing bracket, reported by `answer_links`.
        for (offset, id) in wiki_links(answer).filter(|(_, id)| !id.contains(['[', ']'])) {
            // The link as written, `[[ id ]]` spaces included.
            let written = answer[offset..]
                .find("]]")
                .map_or("", |end| &answer[offset..offset + end + 2]);
            let found = cursor.and_then(|from| self.find_from(file, from, written));
            cursor = found.map(|at| at + written.len()).or(cursor);
            let kind = refs.ids.get(id).map(|d| d.kind);
            if kind.is_some_and(|k| k != "présentation")
                || (kind.is_none() && self.unread_ids.contains(id))
            {
                continue;
            }
            let fallback = (clamp(raw.referenced.line()), clamp(raw.referenced.column()));
            let (line, col) = found.map_or(fallback, |at| self.line_col(file, at));
            if kind.is_some() {
                let message = format!(
                    "lien [[{id}]] vers une présentation : un lien mène à une entrée ou à un contact"
                );
                self.push(Severity::Error, file, line, col, message);
                continue;
            }
            let suggestion = did_you_mean(
                id,
                refs.ids
                    .iter()
                    .filter(|(_, d)| d.kind != "présentation")
                    .map(|(k, _)| k.as_str()),
            );
            self.push(
                Severity::Error,
                file,
                line,
                col,
                format!(
                    "lien [[{id}]] vers un identifiant inconnu{}",
                    hint(suggestion)
                ),
            );
        }
    }
}

fn article(kind: &str) -> String {
    match kind {
        "entrée" | "présentation" => format!("une {kind}"),
        _ => format!("un {kind}"),
    }
}
