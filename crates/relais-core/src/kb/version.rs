//! Which of two data sets is newer, from their `meta.version` and `meta.date`: so that
//! `relais data install` asks before installing an older pack or the same one again, and the
//! status bar and `relais data status` say when the data built into relais is newer than the
//! installed data.

use std::cmp::Ordering;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::Deserialize;

use super::Meta;

/// The version and date of a data set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamp {
    pub version: Option<String>,
    pub date: Option<Date>,
}

impl From<&Meta> for Stamp {
    fn from(meta: &Meta) -> Self {
        Self {
            version: meta.version.clone(),
            date: meta.date,
        }
    }
}

impl Stamp {
    /// How this data set compares with `other`: `None` when it cannot be told (versions that
    /// are not numbers, and no dates to decide).
    #[must_use]
    pub fn compare(&self, other: &Self) -> Option<Ordering> {
        if let (Some(a), Some(b)) = (&self.version, &other.version) {
            if a.trim() == b.trim() {
                return Some(Ordering::Equal);
            }
            if let (Some(a), Some(b)) = (numbers(a), numbers(b)) {
                return Some(a.cmp(&b));
            }
        }
        match (self.date, other.date) {
            (Some(a), Some(b)) if a != b => Some(a.cmp(&b)),
            (Some(_), Some(_)) if self.version.is_none() && other.version.is_none() => {
                Some(Ordering::Equal)
            }
            _ => None,
        }
    }

    /// "version V du D", as much as is known.
    #[must_use]
    pub fn describe(&self) -> String {
        match (&self.version, self.date) {
            (Some(v), Some(d)) => format!("version {v} du {}", crate::kb::dates::date(d)),
            (Some(v), None) => format!("version {v}"),
            (None, Some(d)) => format!("données du {}", crate::kb::dates::date(d)),
            (None, None) => "version non indiquée".to_owned(),
        }
    }
}

/// `2026.11.27` or `1.2-3` as numbers to compare; `None` when it is not only numbers.
fn numbers(version: &str) -> Option<Vec<u64>> {
    version
        .trim()
        .trim_start_matches(['v', 'V'])
        .split(['.', '-', '_'])
        .map(|part| part.parse().ok())
        .collect()
}

#[derive(Deserialize)]
struct MetaOnly {
    meta: Option<MetaStamp>,
}

#[derive(Deserialize)]
struct MetaStamp {
    version: Option<String>,
    date: Option<String>,
}

/// The stamp of the data built into relais, read once from its `meta` section alone.
#[must_use]
pub fn bundled() -> &'static Stamp {
    static STAMP: OnceLock<Stamp> = OnceLock::new();
    STAMP.get_or_init(|| {
        super::source::bundled_texts()
            .filter(|text| text.starts_with("meta:") || text.contains("\nmeta:"))
            .find_map(|text| serde_saphyr::from_str::<MetaOnly>(text).ok()?.meta)
            .map(|m| Stamp {
                version: m.version,
                date: m.date.and_then(|d| d.trim().parse().ok()),
            })
            .unwrap_or_default()
    })
}

/// When the data built into relais is newer than the installed data `installed`: what to say.
#[must_use]
pub fn bundled_newer(installed: &Meta) -> Option<String> {
    let bundled = bundled();
    (bundled.compare(&Stamp::from(installed)) == Some(Ordering::Greater)).then(|| {
        format!(
            "les données intégrées ({}) sont plus récentes que les données installées ({}) : \
             relais data reset pour les utiliser",
            bundled.describe(),
            Stamp::from(installed).describe()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(version: Option<&str>, date: Option<&str>) -> Stamp {
        Stamp {
            version: version.map(str::to_owned),
            date: date.map(|d| d.parse().expect("date")),
        }
    }

    #[test]
    fn versions_compare_as_numbers_then_by_date() {
        let old = stamp(Some("2026.1.15"), Some("2026-01-15"));
        let new = stamp(Some("2026.11.27"), Some("2026-11-27"));
        assert_eq!(old.compare(&new), Some(Ordering::Less));
        assert_eq!(new.compare(&old), Some(Ordering::Greater));
        assert_eq!(new.compare(&new.clone()), Some(Ordering::Equal));
        let a = stamp(Some("A"), Some("2026-01-15"));
        let b = stamp(Some("B"), Some("2026-01-15"));
        assert_eq!(a.compare(&b), None, "names that are not numbers, same date");
        let b_later = stamp(Some("B"), Some("2026-02-01"));
        assert_eq!(a.compare(&b_later), Some(Ordering::Less));
        assert!(
            bundled().version.is_some(),
            "the bundled data has a version"
        );
    }
}
