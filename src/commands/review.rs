//! `relais review [--within 8w]`: what the editors have to check again — entries and contacts
//! whose last check is older than [`crate::kb::STALE_AFTER_MONTHS`] months, now or within the
//! given delay — oldest first, each with the file and line to edit.

use std::io::Write;

use jiff::civil::Date;

use super::{Painter, Status};
use crate::kb::raw::RawFile;
use crate::kb::validate::load;
use crate::kb::{Origin, is_older_than_limit};

/// One thing to review.
struct Due {
    date: Option<Date>,
    kind: &'static str,
    id: String,
    place: String,
}

/// Reads "8w", "8s" (semaines), "30d", "30j" or "3m" as a span.
fn parse_within(text: &str) -> Option<jiff::Span> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let n: i64 = text[..text.len() - unit.len_utf8()].parse().ok()?;
    if !(0..=520).contains(&n) {
        return None;
    }
    let span = jiff::Span::new();
    match unit {
        'w' | 's' => span.try_weeks(n).ok(),
        'd' | 'j' => span.try_days(n).ok(),
        'm' => span.try_months(n).ok(),
        _ => None,
    }
}

/// Every dated entry and contact of the files, with its place.
fn collect(files: &[crate::kb::SourceFile]) -> Vec<Due> {
    let mut all = Vec::new();
    for file in files {
        let text = file.text.strip_prefix('\u{FEFF}').unwrap_or(&file.text);
        let Ok(raw) = serde_saphyr::from_str::<RawFile>(text) else {
            continue;
        };
        let place = |line: usize| format!("{}:{line}", file.name);
        for e in raw.entries {
            all.push(Due {
                date: e.reviewed.value.parse().ok(),
                kind: "entrée",
                id: e.id.value,
                place: place(e.reviewed.referenced.line() as usize),
            });
        }
        for c in raw.contacts {
            let line = c
                .verified
                .as_ref()
                .map_or(c.id.referenced.line(), |v| v.referenced.line());
            all.push(Due {
                date: c.verified.and_then(|v| v.value.parse().ok()),
                kind: "contact",
                id: c.id.value,
                place: place(line as usize),
            });
        }
    }
    all.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    all
}

pub fn run_review(
    origin: &Origin,
    within: &str,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let Some(span) = parse_within(within) else {
        eprintln!(
            "relais : délai illisible « {} » : par exemple 8w (semaines), 30d (jours) ou 3m (mois)",
            crate::kb::text::neutralize(within)
        );
        return Ok(Status::Invalid);
    };
    let today = crate::kb::today();
    if let Err(err) = load(origin, today) {
        super::report_load_error(origin, &err);
        return Ok(Status::Invalid);
    }
    let files = origin.read()?;
    let horizon = today.checked_add(span).unwrap_or(Date::MAX);
    let all = collect(&files);
    let now: Vec<&Due> = all
        .iter()
        .filter(|d| d.date.is_some_and(|x| is_older_than_limit(x, today)))
        .collect();
    let soon: Vec<&Due> = all
        .iter()
        .filter(|d| {
            d.date
                .is_some_and(|x| !is_older_than_limit(x, today) && is_older_than_limit(x, horizon))
        })
        .collect();
    let never: Vec<&Due> = all.iter().filter(|d| d.date.is_none()).collect();
    let line = |d: &Due| {
        let date = d
            .date
            .map_or_else(|| "jamais vérifié".to_owned(), crate::strings::date);
        format!(
            "  {date}  {} {}  {}",
            d.kind,
            d.id,
            crate::kb::text::neutralize(&d.place)
        )
    };
    writeln!(
        out,
        "{} ({})",
        p.bold(&format!(
            "À relire maintenant, vérifié il y a plus de {} mois",
            crate::kb::STALE_AFTER_MONTHS
        )),
        now.len()
    )?;
    for d in &now {
        writeln!(out, "{}", p.warn(&line(d)))?;
    }
    writeln!(
        out,
        "{} ({})",
        p.bold(&format!(
            "À relire d'ici le {}",
            crate::strings::date(horizon)
        )),
        soon.len()
    )?;
    for d in &soon {
        writeln!(out, "{}", line(d))?;
    }
    writeln!(
        out,
        "{} ({})",
        p.bold("Contacts sans date de vérification"),
        never.len()
    )?;
    for d in &never {
        writeln!(out, "{}", line(d))?;
    }
    Ok(Status::Success)
}

#[cfg(test)]
mod tests {
    use super::parse_within;

    #[test]
    fn delays_read_in_weeks_days_or_months() {
        assert_eq!(parse_within("8w").map(|s| s.get_weeks()), Some(8));
        assert_eq!(parse_within("8s").map(|s| s.get_weeks()), Some(8));
        assert_eq!(parse_within("30j").map(|s| s.get_days()), Some(30));
        assert_eq!(parse_within("3m").map(|s| s.get_months()), Some(3));
        for bad in ["", "w", "8", "-1w", "8x", "99999w", "é"] {
            assert!(parse_within(bad).is_none(), "{bad}");
        }
    }
}
