//! Contacts: region, numbers and addresses, and the dating rule. `verified` is the day a detail
//! was confirmed directly (a call, a reply, the organisation's own page read that day), so it
//! needs `verified_by`, cannot lie in the future, is never a fact sheet's compilation day, and
//! ages: after 12 months it is a warning (« à revérifier »). Without it, the contact is shown with
//! its source and that source's date, « non vérifié ».

use crate::kb::raw::{RawContact, Text};
use crate::kb::text::did_you_mean;
use crate::kb::{Contact, REGIONS, STALE_AFTER_MONTHS, Severity, VerifiedBy, is_older_than_limit};

use super::positions::clamp;
use super::{Checker, hint};
use crate::kb::format::is_valid_email;

impl Checker<'_> {
    pub(super) fn contact(&mut self, file: usize, c: &RawContact) -> Contact {
        let id = c.id.value.trim().to_owned();
        let region = c.region.value.trim().to_owned();
        if !REGIONS.contains(&region.as_str()) {
            let hint = hint(did_you_mean(&region, REGIONS));
            self.error_at(
                file,
                &c.region.referenced,
                format!(
                    "région inconnue « {region} »{hint} (valeurs possibles : {})",
                    REGIONS.join(", "),
                    region = crate::kb::text::quotable(&region)
                ),
            );
        }
        let phone = c.phone.iter().map(|p| self.phone(file, p)).collect();
        let email = c.email.as_ref().map(|t| {
            let v = self.text(file, "email", t, true);
            if !is_valid_email(&v) {
                self.error_at(
                    file,
                    &t.referenced,
                    format!(
                        "adresse e-mail invalide : « {v} »",
                        v = crate::kb::text::quotable(&v)
                    ),
                );
            }
            v
        });
        let sources = self.sources(file, &c.sources);
        let contact = Contact {
            name: self.text(file, "name", &c.name, true),
            ask: self.ask(file, &c.ask),
            description: self.text(file, "description", &c.description, true),
            topics: c
                .topics
                .iter()
                .map(|t| self.text(file, "topics", t, true))
                .collect(),
            website: c.website.as_ref().map(|t| self.url(file, "website", t)),
            address: self.opt_text(file, "address", c.address.as_ref()),
            hours: self.opt_text(file, "hours", c.hours.as_ref()),
            notes: self.opt_text(file, "notes", c.notes.as_ref()),
            verified: c
                .verified
                .as_ref()
                .and_then(|t| self.day(file, "verified", t)),
            verified_by: c
                .verified_by
                .as_ref()
                .and_then(|t| self.verified_by(file, t)),
            sources,
            id,
            region,
            phone,
            email,
        };
        self.check_verification(file, c, &contact);
        contact
    }

    fn verified_by(&mut self, file: usize, t: &Text) -> Option<VerifiedBy> {
        let value = t.value.trim();
        let found = VerifiedBy::ALL
            .iter()
            .find(|(name, _)| *name == value)
            .map(|(_, v)| *v);
        if found.is_none() {
            let hint = hint(did_you_mean(value, VerifiedBy::ALL.iter().map(|(n, _)| *n)));
            self.error_at(file, &t.referenced, format!(
                "« verified_by » inconnu « {value} »{hint} (valeurs possibles : telephone, email, site_officiel)", value = crate::kb::text::quotable(value)
            ));
        }
        found
    }

    /// The dating rule of a contact (see the module's documentation).
    fn check_verification(&mut self, file: usize, raw: &RawContact, c: &Contact) {
        let id = &c.id;
        let (Some(t), Some(on)) = (raw.verified.as_ref(), c.verified) else {
            if let (None, Some(by)) = (&raw.verified, &raw.verified_by) {
                self.error_at(file, &by.referenced, format!(
                    "contact « {id} » : « verified_by » sans « verified » : donnez le jour où le détail a été confirmé, ou retirez les deux"
                ));
            }
            if raw.verified.is_none() && raw.verified_by.is_none() {
                let loc = raw.id.referenced;
                self.push(Severity::Info, file, clamp(loc.line()), clamp(loc.column()), format!(
                    "contact « {id} » sans « verified » : affiché avec sa source et sa date, « non vérifié »"
                ));
            }
            return;
        };
        let shown = crate::kb::dates::date(on);
        if raw.verified_by.is_none() {
            self.error_at(file, &t.referenced, format!(
                "contact « {id} » : « verified » sans « verified_by » : dites comment le détail a été confirmé ce jour-là (telephone, email ou site_officiel), sinon retirez « verified »"
            ));
        }
        if on > self.today {
            self.error_at(file, &t.referenced, format!(
                "contact « {id} » : « verified » ({shown}) est dans le futur : un détail ne peut être confirmé qu'un jour passé"
            ));
        }
        if c.verified_by == Some(VerifiedBy::SiteOfficiel)
            && !c
                .sources
                .iter()
                .any(|s| s.url.is_some() && s.date == Some(on.into()))
        {
            self.error_at(file, &t.referenced, format!(
                "contact « {id} » : « verified_by: site_officiel » demande une source avec l'adresse (url) de la page officielle et la date de consultation ({on})"
            ));
        }
        if is_older_than_limit(on, self.today) {
            self.warn_at(file, &t.referenced, format!(
                "contact « {id} » vérifié il y a plus de {STALE_AFTER_MONTHS} mois ({shown}) : à revérifier (appel, e-mail ou page officielle), puis mettez à jour « verified »"
            ));
        }
    }
}
