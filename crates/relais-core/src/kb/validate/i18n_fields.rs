//! The fields every translation has: how it was made (`status`, `date`, `reviewed`, `by`, and
//! whether the French changed since), and the texts it must give.

use jiff::civil::Date;

use crate::kb::i18n::raw::RawProvenanceRef;
use crate::kb::i18n::{Provenance, Status};
use crate::kb::raw::Text;

use super::Checker;

impl Checker<'_> {
    /// Status, date, reviewed and by; `since` is the day the French last changed.
    pub(super) fn provenance(
        &mut self,
        file: usize,
        raw: RawProvenanceRef<'_>,
        since: Date,
        id: &str,
    ) -> Option<Provenance> {
        let status = match raw.status.map(|s| s.value.trim()) {
            Some("machine") => Some(Status::Machine),
            Some("reviewed") => Some(Status::Reviewed),
            Some(other) => {
                let message = format!(
                    "status inconnu « {other} » : machine ou reviewed",
                    other = crate::kb::text::quotable(other)
                );
                let at = raw.status.unwrap_or(raw.id);
                self.error_at(file, &at.referenced, message);
                None
            }
            None => {
                let message = format!(
                    "clé obligatoire « status » manquante dans la traduction de « {id} » : \
                     status: machine (ou reviewed, si une personne l'a relue)"
                );
                self.missing_at_item(file, raw.id, message);
                None
            }
        };
        let date = self.required_date(file, raw.id, raw.date);
        let reviewed = raw.reviewed.and_then(|t| self.date(file, "reviewed", t));
        let by = raw.by.map(|t| self.text(file, "by", t, true));
        match status {
            Some(Status::Machine) => {
                for t in [raw.reviewed, raw.by].into_iter().flatten() {
                    let message = "« reviewed » et « by » vont avec « status: reviewed » : une \
                                   traduction machine n'a pas été relue ; retirez-les, ou \
                                   passez à status: reviewed si une personne l'a vérifiée"
                        .to_owned();
                    self.error_at(file, &t.referenced, message);
                }
            }
            Some(Status::Reviewed) if reviewed.is_none() || by.is_none() => {
                let at = raw.status.unwrap_or(raw.id);
                let message = "« status: reviewed » demande « reviewed: AAAA-MM-JJ » (le jour de \
                               la relecture) et « by: » (la personne, qui lit la langue, qui l'a \
                               vérifiée contre le français)"
                    .to_owned();
                self.error_at(file, &at.referenced, message);
            }
            _ => {}
        }
        let (status, date) = (status?, date?);
        let stale = date < since;
        if stale && let Some(at) = raw.date {
            let message = format!(
                "traduction peut-être dépassée : faite le {date}, avant la dernière modification \
                 du français de « {id} » ({since}) ; comparez-la au français, corrigez-la puis \
                 mettez « date: » à jour"
            );
            self.warn_at(file, &at.referenced, message);
        }
        Some(Provenance {
            status,
            date,
            reviewed,
            by,
            stale,
        })
    }

    pub(super) fn required_date(
        &mut self,
        file: usize,
        id: &Text,
        t: Option<&Text>,
    ) -> Option<Date> {
        if let Some(t) = t {
            return self.date(file, "date", t);
        }
        let message = format!(
            "clé obligatoire « date » manquante dans la traduction de « {} » : ajoutez \
             « date: AAAA-MM-JJ », le jour où le texte a été fait d'après le français",
            id.value.trim()
        );
        self.missing_at_item(file, id, message);
        None
    }

    /// Reports `message` at the first key of the record whose id is `id` (`- id:`), where the
    /// loader reports every missing key.
    pub(super) fn missing_at_item(&mut self, file: usize, id: &Text, message: String) {
        let line = super::positions::clamp(id.referenced.line());
        let col = self
            .source_line(file, line)
            .and_then(|l| l.find("id:").map(|at| l[..at].chars().count() + 1))
            .map_or_else(
                || super::positions::clamp(id.referenced.column()),
                |c| super::positions::clamp(c as u64),
            );
        self.push(crate::kb::Severity::Error, file, line, col, message);
    }

    pub(super) fn required_text(
        &mut self,
        file: usize,
        id: &Text,
        field: &str,
        t: Option<&Text>,
    ) -> Option<String> {
        if let Some(t) = t {
            return Some(self.text(file, field, t, true));
        }
        let message = format!(
            "clé obligatoire « {field} » manquante dans la traduction de « {} »",
            id.value.trim()
        );
        self.missing_at_item(file, id, message);
        None
    }
}
