//! The one rule for the warning that travels with a contact's number or address, wherever it
//! is shown or passed on: result rows, the contacts inside an answer, « Qui contacter », the
//! QR popup, the copy message, the short share, every export and the JSON of the command line.
//!
//! A detail never confirmed directly is « non vérifié »; one confirmed more than 12 months ago
//! says how long ago (« vérifié il y a 5 ans »). A detail confirmed within 12 months carries no
//! mark. Emergency numbers follow the same rule: they are contacts like the others.

use jiff::civil::Date;
use serde::Serialize;

use crate::kb::{Contact, Verification};
use crate::strings as s;

/// The short mark of a contact's details on `today`: `None` when they were confirmed within 12
/// months, else « non vérifié » or « vérifié il y a 14 mois » / « … il y a 5 ans ».
#[must_use]
pub fn mark(c: &Contact, today: Date) -> Option<String> {
    match c.verification(today) {
        Verification::Verified { stale: false, .. } => None,
        Verification::Verified { on, .. } => {
            Some(format!("{} {}", s::VERIFIED_AGO, ago(on, today)))
        }
        Verification::Unverified { .. } => Some(s::UNVERIFIED.to_owned()),
    }
}

/// « 14 mois » under two years, else « 5 ans » (whole years, rounded down).
fn ago(on: Date, today: Date) -> String {
    let months = (i32::from(today.year()) - i32::from(on.year())) * 12
        + (i32::from(today.month()) - i32::from(on.month()))
        - i32::from(today.day() < on.day());
    let months = months.max(0);
    if months < 24 {
        format!("il y a {months} mois")
    } else {
        format!("il y a {} ans", months / 12)
    }
}

/// Days since `verified` (`None` when never verified, 0 on the day itself).
#[must_use]
pub fn age_days(c: &Contact, today: Date) -> Option<i64> {
    let on = c.verified?;
    let span = today.since(on).ok()?;
    Some(i64::from(span.get_days()).max(0))
}

/// The mark of an output that has no day of its own (the slides, shown on a day nobody knows
/// at export): « non vérifié », or « vérifié le 05/03/2021 », always true whenever it is read.
#[must_use]
pub fn undated_mark(c: &Contact) -> String {
    c.verified.map_or_else(
        || s::UNVERIFIED.to_owned(),
        |on| format!("{} le {}", s::VERIFIED_AGO, s::date(on)),
    )
}

/// A number or an address followed by its mark: « 081 73 71 76 (non vérifié) ».
#[must_use]
pub fn with_mark(detail: &str, c: &Contact, today: Date) -> String {
    match mark(c, today) {
        Some(m) => format!("{detail} ({m})"),
        None => detail.to_owned(),
    }
}

/// A contact's numbers joined with `sep`, the mark once after them (it is the contact's).
#[must_use]
pub fn phones_with_mark(c: &Contact, sep: &str, today: Date) -> String {
    with_mark(&c.phone.join(sep), c, today)
}

/// The fields every JSON contact object carries beside the contact's own: how old the
/// verification is and the warning to show with the number (`null` when none).
#[derive(Debug, Serialize)]
pub struct JsonFacts {
    /// Days since `verified`; `null` when never verified.
    pub verified_age_days: Option<i64>,
    /// « non vérifié », « vérifié il y a 5 ans », or `null` when confirmed within 12 months.
    pub warning: Option<String>,
}

impl JsonFacts {
    #[must_use]
    pub fn of(c: &Contact, today: Date) -> Self {
        Self {
            verified_age_days: age_days(c, today),
            warning: mark(c, today),
        }
    }
}

/// A contact as JSON: its own fields (`verified`, `phone`…) and [`JsonFacts`].
#[derive(Debug, Serialize)]
pub struct JsonContact<'a> {
    #[serde(flatten)]
    pub contact: &'a Contact,
    #[serde(flatten)]
    pub facts: JsonFacts,
}

impl<'a> JsonContact<'a> {
    #[must_use]
    pub fn of(contact: &'a Contact, today: Date) -> Self {
        Self {
            contact,
            facts: JsonFacts::of(contact, today),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::kb::VerifiedBy;

    fn contact(verified: Option<Date>) -> Contact {
        Contact {
            id: "c".into(),
            name: "C".into(),
            ask: vec![],
            description: "d".into(),
            region: "namur".into(),
            topics: vec![],
            phone: vec!["081 73 71 76".into(), "112".into()],
            email: None,
            website: None,
            address: None,
            hours: None,
            notes: None,
            verified,
            verified_by: verified.map(|_| VerifiedBy::Telephone),
            sources: vec![],
        }
    }

    #[test]
    fn the_mark_says_unverified_or_how_old() {
        let today = date(2026, 12, 1);
        assert_eq!(mark(&contact(None), today).as_deref(), Some("non vérifié"));
        assert_eq!(mark(&contact(Some(date(2026, 6, 1))), today), None);
        assert_eq!(
            mark(&contact(Some(date(2025, 10, 2))), today).as_deref(),
            Some("vérifié il y a 13 mois")
        );
        assert_eq!(
            mark(&contact(Some(date(2021, 3, 5))), today).as_deref(),
            Some("vérifié il y a 5 ans")
        );
    }

    #[test]
    fn numbers_carry_the_mark_once() {
        let today = date(2026, 12, 1);
        assert_eq!(
            phones_with_mark(&contact(None), ", ", today),
            "081 73 71 76, 112 (non vérifié)"
        );
        assert_eq!(
            phones_with_mark(&contact(Some(date(2026, 11, 1))), ", ", today),
            "081 73 71 76, 112"
        );
    }

    #[test]
    fn json_facts_count_days_and_carry_the_warning() {
        let today = date(2026, 12, 1);
        let c = contact(Some(date(2026, 11, 1)));
        let v = serde_json::to_value(JsonContact::of(&c, today)).expect("json");
        assert_eq!(v["verified_age_days"], 30);
        assert_eq!(v["warning"], serde_json::Value::Null);
        assert_eq!(v["verified"], "2026-11-01");
        assert_eq!(v["phone"][0], "081 73 71 76");
        let u = contact(None);
        let v = serde_json::to_value(JsonContact::of(&u, today)).expect("json");
        assert_eq!(v["verified"], serde_json::Value::Null);
        assert_eq!(v["verified_age_days"], serde_json::Value::Null);
        assert_eq!(v["warning"], "non vérifié");
    }
}
