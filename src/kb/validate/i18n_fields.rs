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
            other => {
                let message = match other {
                    Some(s) => format!("status inconnu « {s} » : machine ou reviewed"),
                    None => format!(
                        "il manque « status: machine » (ou reviewed) à la traduction de « {id} »"
                    ),
                };
                let at = raw.status.unwrap_or(raw.id);
                self.error_at(file, &at.referenced, message);
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
            "il manque « date: AAAA-MM-JJ » à « {} » (le jour où le texte a été fait d'après le \
             français)",
            id.value.trim()
        );
        self.error_at(file, &id.referenced, message);
        None
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
        let message = format!("il manque « {field} » à « {} »", id.value.trim());
        self.error_at(file, &id.referenced, message);
        None
    }
}
