//! How old the information is, in the words every output uses (the reader, `show`, the
//! handouts and the phone page): an entry's review date beside the date of its newest source,
//! with warnings when either is old; a contact's verification, or its source and that source's
//! date when it was never confirmed directly.

use jiff::civil::Date;

use crate::kb::{Contact, Entry, SourceDate, Verification, VerifiedBy};
use crate::strings as s;

/// A line to show, and whether it is a warning (drawn as one, and starting with « ⚠ »).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub warn: bool,
}

/// « sources jusqu'au 06/03/2026 », « sources jusqu'en 04/2023 » or « sources non datées ».
#[must_use]
pub fn sources_until(until: Option<SourceDate>) -> String {
    match until {
        Some(d) if d.display().len() == 10 => format!("{} {}", s::SOURCES_UNTIL_DAY, d.display()),
        Some(d) => format!("{} {}", s::SOURCES_UNTIL_PERIOD, d.display()),
        None => s::SOURCES_UNDATED.to_owned(),
    }
}

/// « Vérifié le 01/12/2026 · sources jusqu'au 06/03/2026 ».
#[must_use]
pub fn entry_dates(e: &Entry) -> String {
    format!(
        "{} {} · {}",
        s::REVIEWED,
        s::date(e.reviewed),
        sources_until(e.sources_until())
    )
}

/// The warnings about an entry's age: not reviewed for 12 months; newest source older than
/// three years, or no dated source at all.
#[must_use]
pub fn entry_warnings(e: &Entry, today: Date) -> Vec<String> {
    let mut out = Vec::new();
    if e.is_stale(today) {
        out.push(s::STALE.to_owned());
    }
    out.extend(old_sources_warning(e, today));
    out
}

/// The warning shown when the entry's newest source is older than three years or undated.
#[must_use]
pub fn old_sources_warning(e: &Entry, today: Date) -> Option<String> {
    e.has_old_sources(today).then(|| match e.sources_until() {
        Some(d) => format!("{} {}{}", s::OLD_SOURCES, d.display(), s::OLD_SOURCES_END),
        None => s::NO_DATED_SOURCE.to_owned(),
    })
}

fn by(v: Option<VerifiedBy>) -> &'static str {
    match v {
        Some(VerifiedBy::Telephone) => " par téléphone",
        Some(VerifiedBy::Email) => " par e-mail",
        Some(VerifiedBy::SiteOfficiel) => " sur le site officiel",
        None => "",
    }
}

/// The contact's state: « Coordonnées vérifiées le … par téléphone », the same « — à revérifier »
/// after 12 months, or « Source : …, 2023 — non vérifié » when never confirmed.
#[must_use]
pub fn contact_status(c: &Contact, today: Date) -> Line {
    match c.verification(today) {
        Verification::Verified { on, by: how, stale } => {
            let text = format!("{} {}{}", s::VERIFIED_ON, s::date(on), by(how));
            if stale {
                Line {
                    text: format!("⚠ {text} — {}", s::REVERIFY),
                    warn: true,
                }
            } else {
                Line { text, warn: false }
            }
        }
        Verification::Unverified { source } => {
            let origin = match source {
                Some(src) => format!(
                    "{} : {}, {}",
                    s::SOURCE,
                    src.title,
                    src.date
                        .map_or_else(|| s::UNDATED_ONE.to_owned(), SourceDate::display)
                ),
                None => s::NO_SOURCE.to_owned(),
            };
            Line {
                text: format!("⚠ {origin} — {}", s::UNVERIFIED_CONFIRM),
                warn: true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::kb::Source;

    fn contact(verified: Option<Date>, sources: Vec<Source>) -> Contact {
        Contact {
            id: "c".into(),
            name: "C".into(),
            ask: vec![],
            description: "d".into(),
            region: "namur".into(),
            topics: vec![],
            phone: vec![],
            email: None,
            website: None,
            address: None,
            hours: None,
            notes: None,
            verified,
            verified_by: verified.map(|_| VerifiedBy::Telephone),
            sources,
        }
    }

    fn source(title: &str, d: Option<&str>) -> Source {
        Source {
            title: title.into(),
            url: None,
            date: d.map(|d| SourceDate::parse(d).expect("date")),
        }
    }

    #[test]
    fn an_unverified_contact_shows_its_newest_source_and_its_date() {
        let today = date(2026, 12, 1);
        let c = contact(
            None,
            vec![
                source("Vieux", Some("2019")),
                source("RTBF", Some("2023-04")),
                source("X", None),
            ],
        );
        let line = contact_status(&c, today);
        assert!(line.warn);
        assert!(
            line.text
                .starts_with("⚠ Source : RTBF, 04/2023 — non vérifié"),
            "{}",
            line.text
        );
        let undated = contact_status(&contact(None, vec![source("Page", None)]), today);
        assert!(
            undated
                .text
                .contains("Source : Page, non datée — non vérifié"),
            "{}",
            undated.text
        );
    }

    #[test]
    fn a_verification_ages_after_twelve_months() {
        let today = date(2026, 12, 1);
        let fresh = contact_status(&contact(Some(date(2026, 6, 1)), vec![]), today);
        assert_eq!(
            fresh.text,
            "Coordonnées vérifiées le 01/06/2026 par téléphone"
        );
        assert!(!fresh.warn);
        let old = contact_status(&contact(Some(date(2025, 11, 30)), vec![]), today);
        assert!(
            old.warn && old.text.ends_with("à revérifier"),
            "{}",
            old.text
        );
    }

    #[test]
    fn the_sources_date_reads_at_its_precision() {
        let d = |s| SourceDate::parse(s);
        assert_eq!(
            sources_until(d("2026-03-06")),
            "sources jusqu'au 06/03/2026"
        );
        assert_eq!(sources_until(d("2023-04")), "sources jusqu'en 04/2023");
        assert_eq!(sources_until(d("2021")), "sources jusqu'en 2021");
        assert_eq!(sources_until(None), "sources non datées");
    }
}
