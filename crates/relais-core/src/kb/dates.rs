//! Dates that say what they mean: a source's date at the precision the source gives, how a
//! contact's details were confirmed, and the rules that decide when a date is too old to trust
//! (the README's « Dates » section states them for editors).

use std::cmp::Ordering;
use std::fmt;

use jiff::Span;
use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Contact, Entry, Source, is_older_than_limit};

/// An entry whose newest dated source is older than this many years is shown with a warning.
pub const OLD_SOURCES_AFTER_YEARS: i16 = 3;

/// A source's date as precise as the source is: `2023`, `2023-04` or `2023-04-24`. Never
/// completed: a page dated « avril 2023 » stays a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

impl SourceDate {
    /// Parses `AAAA`, `AAAA-MM` or `AAAA-MM-JJ` (a real day of the calendar, year 1900 to 2999).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() > 3 {
            return None;
        }
        let year = i16::try_from(number(parts[0], 4)?).ok()?;
        // A part that is there must be a valid number: `2023-4` is refused, not read as a year.
        let part = |i: usize| -> Option<Option<i8>> {
            parts.get(i).map_or(Some(None), |p| {
                number(p, 2).and_then(|n| i8::try_from(n).ok()).map(Some)
            })
        };
        let (month, day) = (part(1)?, part(2)?);
        if !(1900..=2999).contains(&year) || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        if let (Some(m), Some(d)) = (month, day) {
            Date::new(year, m, d).ok()?;
        }
        Some(Self { year, month, day })
    }

    /// The first day the date can mean: a year is its 1 January, a month its first day.
    #[must_use]
    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(Date::MIN)
    }

    /// The date as people read it: `2023`, `04/2023` or `24/04/2023`.
    #[must_use]
    pub fn display(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{}", self.year),
            (Some(m), None) => format!("{m:02}/{}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// True when the date may lie after `today` (its first day does).
    #[must_use]
    pub fn is_after(self, today: Date) -> bool {
        self.first_day() > today
    }
}

fn number(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl From<Date> for SourceDate {
    fn from(d: Date) -> Self {
        Self {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }
}

/// Ordered by first day; a less precise date comes before a precise one on the same first day.
impl Ord for SourceDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first_day(), self.month.is_some(), self.day.is_some()).cmp(&(
            other.first_day(),
            other.month.is_some(),
            other.day.is_some(),
        ))
    }
}

impl PartialOrd for SourceDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The ISO form, as written in the data: `2023`, `2023-04`, `2023-04-24`.
impl fmt::Display for SourceDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Text (`2023-04`) in JSON; in the compiled form, its three numbers, read back without
/// parsing text.
impl Serialize for SourceDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            (self.year, self.month, self.day).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for SourceDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            let (year, month, day) = <(i16, Option<i8>, Option<i8>)>::deserialize(d)?;
            let fits = (1900..=2999).contains(&year)
                && month.is_none_or(|m| (1..=12).contains(&m))
                && day.is_none_or(|d| (1..=31).contains(&d))
                && (day.is_none() || month.is_some());
            return if fits {
                Ok(Self { year, month, day })
            } else {
                Err(serde::de::Error::custom("date invalide"))
            };
        }
        let s = String::deserialize(d)?;
        Self::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("date invalide : {s}")))
    }
}

/// How a contact's details were confirmed on their `verified` day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerifiedBy {
    /// A call answered at the number.
    Telephone,
    /// A reply received from the address.
    Email,
    /// The organisation's own page, read that day, showing the detail.
    SiteOfficiel,
}

impl VerifiedBy {
    pub const ALL: [(&'static str, Self); 3] = [
        ("telephone", Self::Telephone),
        ("email", Self::Email),
        ("site_officiel", Self::SiteOfficiel),
    ];
}

/// The newest dated source of a list; `None` when no source has a date.
#[must_use]
pub fn newest(sources: &[Source]) -> Option<&Source> {
    sources
        .iter()
        .filter(|s| s.date.is_some())
        .max_by_key(|s| s.date)
}

/// True when `d` may be more than [`OLD_SOURCES_AFTER_YEARS`] old on `today` (its first day is).
#[must_use]
pub fn is_old_source(d: SourceDate, today: Date) -> bool {
    let limit = today
        .checked_sub(Span::new().years(OLD_SOURCES_AFTER_YEARS))
        .unwrap_or(Date::MIN);
    d.first_day() < limit
}

impl Entry {
    /// The date of the entry's newest dated source (undated sources do not count).
    #[must_use]
    pub fn sources_until(&self) -> Option<SourceDate> {
        newest(&self.sources).and_then(|s| s.date)
    }

    /// True when no source is dated, or the newest one is more than
    /// [`OLD_SOURCES_AFTER_YEARS`] old: the reader then warns that things may have changed.
    #[must_use]
    pub fn has_old_sources(&self, today: Date) -> bool {
        self.sources_until().is_none_or(|d| is_old_source(d, today))
    }
}

/// Where a contact's details stand, as every output shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verification<'a> {
    /// Confirmed directly on `on`; `stale` when that is more than 12 months ago.
    Verified {
        on: Date,
        by: Option<VerifiedBy>,
        stale: bool,
    },
    /// Never confirmed: shown with the newest dated source (or the first one), if any.
    Unverified { source: Option<&'a Source> },
}

impl Contact {
    /// The contact's verification state on `today`.
    #[must_use]
    pub fn verification(&self, today: Date) -> Verification<'_> {
        match self.verified {
            Some(on) => Verification::Verified {
                on,
                by: self.verified_by,
                stale: is_older_than_limit(on, today),
            },
            None => Verification::Unverified {
                source: newest(&self.sources).or_else(|| self.sources.first()),
            },
        }
    }
}

/// A date as people read it: 27/11/2026.
#[must_use]
pub fn date(d: jiff::civil::Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn source_dates_keep_their_precision() {
        let year = SourceDate::parse("2023").expect("year");
        let month = SourceDate::parse("2023-04").expect("month");
        let day = SourceDate::parse("2023-04-24").expect("day");
        assert_eq!(
            (year.display(), month.display(), day.display()),
            ("2023".into(), "04/2023".into(), "24/04/2023".into())
        );
        assert_eq!(month.to_string(), "2023-04");
        assert_eq!(month.first_day(), date(2023, 4, 1));
        assert!(year < month && month < SourceDate::parse("2023-04-01").expect("first"));
        for bad in [
            "",
            "23",
            "2023-4",
            "2023-13",
            "2023-02-30",
            "2023-04-24-1",
            "non daté",
            "1850",
        ] {
            assert_eq!(SourceDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_source_is_old_once_its_first_day_is_three_years_back() {
        let today = date(2026, 12, 1);
        let d = |s| SourceDate::parse(s).expect("date");
        assert!(!is_old_source(d("2023-12-01"), today));
        assert!(is_old_source(d("2023-11-30"), today));
        // « 2023 » may be January 2023: more than three years ago, so old.
        assert!(is_old_source(d("2023"), today));
        assert!(!is_old_source(d("2024"), today));
    }
}
