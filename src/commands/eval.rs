//! `relais eval`: search quality on a query set — precision at 1, recall at 5, mean reciprocal
//! rank over the queries an entry answers, and for those none answers (`covered: false`), how
//! often relais said « Pas de réponse sûre » instead of a confident first answer.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Status;
use crate::kb::validate::Loaded;
use crate::search::{QueryOptions, SearchIndex};
use crate::strings as s;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueryFile {
    queries: Vec<Query>,
    /// Thresholds the data set sets itself (a pack's own `queries.yaml`); the command line's
    /// `--min-p1` and `--min-r5` take precedence.
    min_p1: Option<f64>,
    min_r5: Option<f64>,
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

pub fn run_eval(
    loaded: &Loaded,
    file: &Path,
    json: bool,
    limits: Limits,
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    let parsed = match read_queries(loaded, file) {
        Ok(parsed) => parsed,
        Err(status) => return Ok(status),
    };
    let limits = Limits {
        p1: limits.p1.or(parsed.min_p1),
        r5: limits.r5.or(parsed.min_r5),
    };
    let cases = cases(parsed);
    let report = evaluate(&SearchIndex::new(&loaded.kb), &cases);
    if json {
        crate::render::json::write(out, &report)?;
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

/// Reads a query set whose expected ids all exist in `loaded`; problems are printed.
fn read_queries(loaded: &Loaded, file: &Path) -> Result<QueryFile, Status> {
    // The file name, the queries and the ids come from the user: none may drive the terminal.
    let n = crate::kb::text::neutralize;
    let name = file.display().to_string();
    let text = match crate::kb::read::read_bounded(file, crate::kb::source::MAX_FILE_BYTES)
        .and_then(|bytes| crate::kb::source::decode(name.clone(), bytes))
    {
        Ok(source) => source.text,
        Err(err) => {
            let problem = err
                .diagnostics()
                .first()
                .map_or_else(|| err.to_string(), ToString::to_string);
            eprintln!("relais : jeu de requêtes illisible : {}", n(&problem));
            return Err(Status::Invalid);
        }
    };
    let parsed: QueryFile = match serde_saphyr::from_str(&text) {
        Ok(q) => q,
        Err(err) => {
            let (line, col, message) = crate::kb::validate::yaml_errors::yaml_error(&text, &err);
            eprintln!(
                "{}",
                n(&format!(
                    "{name}:{line}:{col}: jeu de requêtes invalide : {message}"
                ))
            );
            return Err(Status::Invalid);
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
            eprintln!("{}", n(&format!("{name}: {p}")));
        }
        return Err(Status::Invalid);
    }
    Ok(parsed)
}

/// The cases of a query set, in its order.
fn cases(parsed: QueryFile) -> Vec<Case> {
    parsed
        .queries
        .into_iter()
        .map(|q| Case {
            q: q.q,
            expect: q.expect,
        })
        .collect()
}

/// The data folder's own query set (`DIR/queries.yaml`), if it has one.
#[must_use]
pub fn own_queries(dir: &Path) -> Option<std::path::PathBuf> {
    let file = dir.join(crate::kb::source::QUERIES);
    (dir.is_dir() && file.is_file()).then_some(file)
}

/// Runs the data's own query set against its own thresholds (`min_p1`, `min_r5` in the file):
/// one line of figures, and the failures when a threshold is missed ([`Status::Invalid`]).
pub fn run_own(loaded: &Loaded, file: &Path, out: &mut dyn Write) -> anyhow::Result<Status> {
    let parsed = match read_queries(loaded, file) {
        Ok(parsed) => parsed,
        Err(status) => return Ok(status),
    };
    let (min_p1, min_r5) = (parsed.min_p1, parsed.min_r5);
    let report = evaluate(&SearchIndex::new(&loaded.kb), &cases(parsed));
    let threshold =
        |m: Option<f64>| m.map_or_else(|| "aucun seuil".to_owned(), |m| format!("seuil {m}"));
    writeln!(
        out,
        "Requêtes du jeu de données ({}) : {} requêtes, P@1 {:.3} ({}), R@5 {:.3} ({})",
        file.display(),
        report.queries,
        report.p1,
        threshold(min_p1),
        report.r5,
        threshold(min_r5)
    )?;
    let below = min_p1.is_some_and(|m| report.p1 < m) || min_r5.is_some_and(|m| report.r5 < m);
    if below {
        for f in &report.failures {
            eprintln!(
                "  « {} » attendu {} ; obtenu : {}",
                f.q,
                f.expect.join(" | "),
                f.top.join(", ")
            );
        }
        eprintln!(
            "relais : la recherche de ces données est sous les seuils de leur propre jeu de requêtes ({})",
            file.display()
        );
        return Ok(Status::Invalid);
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
            writeln!(out, "{}", crate::kb::text::neutralize(&line(f)))?;
        }
    }
    if !report.confident_wrong.is_empty() {
        writeln!(
            out,
            "\nSans réponse, mais relais semble sûr ({}) :",
            report.confident_wrong.len()
        )?;
        for f in &report.confident_wrong {
            let shown = format!("  « {} » ; obtenu : {}", f.q, f.top.join(", "));
            writeln!(out, "{}", crate::kb::text::neutralize(&shown))?;
        }
    }
    Ok(())
}
