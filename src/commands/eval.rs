//! `relais eval`: search quality on a query set — precision at 1, recall at 5, mean reciprocal
//! rank over the queries an entry answers, and for those none answers (`covered: false`), how
//! often relais said « Pas de réponse sûre » instead of a confident first answer.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use super::Status;
use crate::kb::validate::Loaded;
use crate::search::{QueryOptions, SearchIndex};
use crate::strings as s;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueryFile {
    queries: Vec<Query>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Query {
    q: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default = "yes")]
    covered: bool,
    /// What an uncovered query is about (for the people who write entries).
    #[serde(default)]
    #[allow(dead_code)] // read from the file, reported by nothing yet
    topic: Option<String>,
}

fn yes() -> bool {
    true
}

/// One query of a set: the ids that must come first, or none when no entry answers it.
#[derive(Debug, Clone)]
pub struct Case {
    pub q: String,
    pub expect: Vec<String>,
}

/// Thresholds under which `eval` exits with 1.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub p1: Option<f64>,
    pub r5: Option<f64>,
}

/// The figures of one evaluation.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Queries that an entry answers.
    pub queries: usize,
    pub p1: f64,
    pub r5: f64,
    pub mrr: f64,
    /// Of those, the share where relais said « Pas de réponse sûre » (a doubt it should not
    /// have had).
    pub covered_unsure: f64,
    /// Queries that no entry answers.
    pub uncovered: usize,
    /// Of those, the share where relais said « Pas de réponse sûre ».
    pub uncovered_unsure: f64,
    pub failures: Vec<Failure>,
    /// Uncovered queries answered with a confident first hit.
    pub confident_wrong: Vec<Failure>,
}

/// A query whose first result was not expected.
#[derive(Debug, Serialize)]
pub struct Failure {
    pub q: String,
    pub expect: Vec<String>,
    /// Rank of the first expected id (1-based), if in the results at all.
    pub rank: Option<usize>,
    pub top: Vec<String>,
    pub sure: bool,
}

/// Evaluates `cases` against `index`.
#[must_use]
#[allow(clippy::cast_precision_loss)] // counts of queries
pub fn evaluate(index: &SearchIndex, cases: &[Case]) -> Report {
    let (mut p1, mut r5, mut mrr, mut covered_unsure) = (0usize, 0usize, 0.0f64, 0usize);
    let (mut uncovered, mut uncovered_unsure) = (0usize, 0usize);
    let mut failures = Vec::new();
    let mut confident_wrong = Vec::new();
    for case in cases {
        let results = index.search(&case.q, QueryOptions::default());
        let top: Vec<String> = results.hits.iter().take(5).map(|h| h.id.clone()).collect();
        let sure = results.sure();
        if case.expect.is_empty() {
            uncovered += 1;
            if sure {
                confident_wrong.push(Failure {
                    q: case.q.clone(),
                    expect: Vec::new(),
                    rank: None,
                    top,
                    sure,
                });
            } else {
                uncovered_unsure += 1;
            }
            continue;
        }
        covered_unsure += usize::from(!sure);
        let rank = results
            .hits
            .iter()
            .position(|h| case.expect.contains(&h.id))
            .map(|r| r + 1);
        if rank == Some(1) {
            p1 += 1;
        } else {
            failures.push(Failure {
                q: case.q.clone(),
                expect: case.expect.clone(),
                rank,
                top,
                sure,
            });
        }
        r5 += usize::from(rank.is_some_and(|r| r <= 5));
        mrr += rank.map_or(0.0, |r| 1.0 / r as f64);
    }
    let covered = cases.len() - uncovered;
    let n = covered.max(1) as f64;
    Report {
        queries: covered,
        p1: p1 as f64 / n,
        r5: r5 as f64 / n,
        mrr: mrr / n,
        covered_unsure: covered_unsure as f64 / n,
        uncovered,
        uncovered_unsure: uncovered_unsure as f64 / uncovered.max(1) as f64,
        failures,
        confident_wrong,
    }
}

/// Reads a query set; a problem is printed and `None` returned.
fn read_cases(loaded: &Loaded, file: &Path) -> anyhow::Result<Option<Vec<Case>>> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("Impossible de lire {}", file.display()))?;
    let parsed: QueryFile = match serde_saphyr::from_str(&text) {
        Ok(q) => q,
        Err(err) => {
            let (line, col) = err.location().map_or((0, 0), |l| (l.line(), l.column()));
            let message = err.to_string();
            let message = message.lines().next().unwrap_or_default();
            eprintln!(
                "{}:{line}:{col}: jeu de requêtes invalide : {message}",
                file.display()
            );
            return Ok(None);
        }
    };
    let mut problems = Vec::new();
    for q in &parsed.queries {
        match (q.covered, q.expect.is_empty()) {
            (true, true) => {
                problems.push(format!("« {} » : ni « expect » ni « covered: false »", q.q));
            }
            (false, false) => {
                problems.push(format!("« {} » : « covered: false » avec « expect »", q.q));
            }
            _ => {}
        }
    }
    let unknown: Vec<&str> = parsed
        .queries
        .iter()
        .flat_map(|q| &q.expect)
        .map(String::as_str)
        .filter(|id| loaded.kb.item(id).is_none())
        .collect();
    if !unknown.is_empty() {
        problems.push(format!(
            "identifiants attendus inconnus dans ces données : {}",
            unknown.join(", ")
        ));
    }
    if !problems.is_empty() {
        for p in problems {
            eprintln!("{}: {p}", file.display());
        }
        return Ok(None);
    }
    Ok(Some(
        parsed
            .queries
            .into_iter()
            .map(|q| Case {
                q: q.q,
                expect: q.expect,
            })
            .collect(),
    ))
}

pub fn run_eval(
    loaded: &Loaded,
    file: &Path,
    json: bool,
    limits: Limits,
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    let Some(cases) = read_cases(loaded, file)? else {
        return Ok(Status::Invalid);
    };
    let report = evaluate(&SearchIndex::new(&loaded.kb), &cases);
    if json {
        crate::json::write(out, &report)?;
    } else {
        print_report(&report, out)?;
    }
    let below =
        limits.p1.is_some_and(|m| report.p1 < m) || limits.r5.is_some_and(|m| report.r5 < m);
    if below {
        eprintln!(
            "relais : qualité sous le seuil demandé (P@1 {:.3}, R@5 {:.3})",
            report.p1, report.r5
        );
        return Ok(Status::NotFound);
    }
    Ok(Status::Success)
}

fn print_report(report: &Report, out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "{} requêtes avec une réponse", report.queries)?;
    writeln!(out, "précision au rang 1 : {:.3}", report.p1)?;
    writeln!(out, "rappel à 5          : {:.3}", report.r5)?;
    writeln!(out, "MRR                 : {:.3}", report.mrr)?;
    writeln!(
        out,
        "« {} » à tort : {:.3}",
        s::NOT_SURE,
        report.covered_unsure
    )?;
    if report.uncovered > 0 {
        writeln!(
            out,
            "{} requêtes sans réponse : « {} » pour {:.3}",
            report.uncovered,
            s::NOT_SURE,
            report.uncovered_unsure
        )?;
    }
    let line = |f: &Failure| {
        let rank = f
            .rank
            .map_or_else(|| "absent".to_owned(), |r| format!("rang {r}"));
        let doubt = if f.sure { "" } else { " [pas sûr]" };
        format!(
            "  « {} » attendu {} ({rank}){doubt} ; obtenu : {}",
            f.q,
            f.expect.join(" | "),
            f.top.join(", ")
        )
    };
    if !report.failures.is_empty() {
        writeln!(out, "\nÉchecs ({}) :", report.failures.len())?;
        for f in &report.failures {
            writeln!(out, "{}", line(f))?;
        }
    }
    if !report.confident_wrong.is_empty() {
        writeln!(
            out,
            "\nSans réponse, mais relais semble sûr ({}) :",
            report.confident_wrong.len()
        )?;
        for f in &report.confident_wrong {
            writeln!(out, "  « {} » ; obtenu : {}", f.q, f.top.join(", "))?;
        }
    }
    Ok(())
}
