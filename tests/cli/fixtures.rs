//! Walks the data fixtures: every knowledge base under `tests/fixtures/valid` loads without an
//! error, and every one under `tests/fixtures/invalid` reports exactly the `path:line:col: message`
//! headlines of its `<name>.expected` file, through the library (at a fixed date) and through
//! `relais check` (exit code 2, or 0 without `--strict` when there are only warnings).
//!
//! A fixture is a `.yaml` file or a folder of them; its expected headlines sit next to it in
//! `<name>.expected`. `UPDATE_EXPECTED=1 cargo test --test cli fixtures::` rewrites those files
//! from the current messages: read the diff before committing it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use jiff::civil::{Date, date};
use relais::kb::text::neutralize;
use relais::kb::validate::{load, validate};
use relais::kb::{Diagnostic, LoadError, Origin, Severity};

/// The day the library checks run on, so that stale and future dates never drift.
const TODAY: Date = date(2026, 11, 27);

/// How many invalid fixtures there are at least: a guard against a walk that finds nothing.
const MIN_INVALID: usize = 18;

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new("tests/fixtures").join(kind);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    found.sort();
    found
}

fn expected_path(fixture: &Path) -> PathBuf {
    fixture.with_extension("expected")
}

/// The headlines of `fixture`'s `.expected` file; none when the file does not exist.
fn read_expected(fixture: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(expected_path(fixture)).ok()?;
    Some(text.lines().map(str::to_owned).collect())
}

fn headline(d: &Diagnostic) -> String {
    neutralize(&d.headline()).into_owned()
}

/// Every headline the library reports for `fixture` on [`TODAY`], errors or not.
fn library_headlines(fixture: &Path) -> Vec<String> {
    let diags = match Origin::Flag(fixture.to_path_buf()).read() {
        Ok(files) => match validate(&files, TODAY) {
            Ok((_, warnings)) => warnings,
            Err(err) => invalid(err, fixture),
        },
        Err(err) => invalid(err, fixture),
    };
    diags.iter().map(headline).collect()
}

fn invalid(err: LoadError, fixture: &Path) -> Vec<Diagnostic> {
    match err {
        LoadError::Invalid(diags) => diags,
        other => panic!("{}: not a data error: {other}", fixture.display()),
    }
}

fn is_error(headline: &str) -> bool {
    !headline.contains(": avertissement : ") && !headline.contains(": remarque : ")
}

/// A warning that appears as time passes: entries reviewed within the last 12 months on
/// [`TODAY`] become stale later, so the binary (which uses the real date) may add these.
fn is_stale_warning(headline: &str) -> bool {
    headline.contains(": avertissement : l'entrée « ")
        && headline.contains("n'a pas été relue depuis plus de 12 mois")
}

/// Lines only in `expected` (-) and only in `actual` (+), as multisets.
fn diff(expected: &[String], actual: &[String]) -> Vec<String> {
    let mut counts: BTreeMap<&str, i32> = BTreeMap::new();
    for line in expected {
        *counts.entry(line).or_default() += 1;
    }
    for line in actual {
        *counts.entry(line).or_default() -= 1;
    }
    let mut out = Vec::new();
    for line in expected {
        if counts.get(line.as_str()).is_some_and(|&n| n > 0) {
            out.push(format!("- {line}"));
            *counts.get_mut(line.as_str()).expect("counted") -= 1;
        }
    }
    for line in actual {
        if counts.get(line.as_str()).is_some_and(|&n| n < 0) {
            out.push(format!("+ {line}"));
            *counts.get_mut(line.as_str()).expect("counted") += 1;
        }
    }
    out
}

/// Compares, and on a mismatch describes it: a diff, then the whole actual list.
fn mismatch(fixture: &Path, what: &str, expected: &[String], actual: &[String]) -> Option<String> {
    let lines = diff(expected, actual);
    if lines.is_empty() {
        return None;
    }
    Some(format!(
        "{} ({what}) — « - » attendu seulement, « + » obtenu seulement :\n  {}\n  obtenu en entier :\n    {}",
        fixture.display(),
        lines.join("\n  "),
        actual.join("\n    ")
    ))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECTED").is_some_and(|v| v == "1")
}

fn write_expected(fixture: &Path, headlines: &[String]) {
    let mut text = headlines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    std::fs::write(expected_path(fixture), text).expect("write expected file");
}

fn fail_all(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} fixture(s) en échec (UPDATE_EXPECTED=1 réécrit les fichiers .expected) :\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

fn relais(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp home");
    crate::support::sandbox::relais(home.path())
        .args(args)
        .output()
        .expect("run relais")
}

/// The `path:line:col: message` lines of `relais check`'s stderr (not the excerpts under them,
/// nor the closing summary).
fn stderr_headlines(output: &Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| l.starts_with("tests/fixtures/"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn valid_fixtures_load_without_errors() {
    let mut problems = Vec::new();
    let valid = fixtures("valid");
    assert!(valid.len() >= 3, "valid fixtures not found");
    for fixture in &valid {
        let actual = library_headlines(fixture);
        if let Some(error) = actual.iter().find(|h| is_error(h)) {
            problems.push(format!(
                "{}: erreur inattendue : {error}",
                fixture.display()
            ));
        }
        // Warnings and notes of a valid fixture are listed in its .expected file, if any.
        let expected = read_expected(fixture).unwrap_or_default();
        if updating() {
            if actual.is_empty() {
                let _ = std::fs::remove_file(expected_path(fixture));
            } else {
                write_expected(fixture, &actual);
            }
        } else if let Some(m) = mismatch(fixture, "bibliothèque", &expected, &actual) {
            problems.push(m);
        }
        let path = fixture.to_str().expect("UTF-8 path");
        let output = relais(&["check", path]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(0) || stderr.contains("panicked") {
            problems.push(format!(
                "{path}: relais check devait réussir (code {:?}) :\n{stderr}",
                output.status.code()
            ));
        }
    }
    fail_all(&problems);
}

#[test]
fn invalid_fixtures_report_exactly_the_expected_headlines() {
    let invalid = fixtures("invalid");
    assert!(
        invalid.len() >= MIN_INVALID,
        "only {} invalid fixtures",
        invalid.len()
    );
    let mut problems = Vec::new();
    for fixture in &invalid {
        let actual = library_headlines(fixture);
        if actual.is_empty() {
            problems.push(format!("{}: aucun problème signalé", fixture.display()));
            continue;
        }
        if updating() {
            write_expected(fixture, &actual);
            continue;
        }
        let Some(expected) = read_expected(fixture) else {
            problems.push(format!(
                "{}: pas de fichier {}",
                fixture.display(),
                expected_path(fixture).display()
            ));
            continue;
        };
        problems.extend(mismatch(fixture, "bibliothèque", &expected, &actual));
    }
    fail_all(&problems);
}

#[test]
fn relais_check_exits_2_on_each_invalid_fixture_with_the_expected_headlines() {
    let mut problems = Vec::new();
    for fixture in fixtures("invalid") {
        let Some(expected) = read_expected(&fixture) else {
            problems.push(format!("{}: pas de fichier .expected", fixture.display()));
            continue;
        };
        let path = fixture.to_str().expect("UTF-8 path");
        let errors = expected.iter().any(|h| is_error(h));
        for (args, code) in [
            (vec!["check", path], if errors { 2 } else { 0 }),
            (vec!["check", "--strict", path], 2),
        ] {
            let output = relais(&args);
            let stderr = String::from_utf8_lossy(&output.stderr);
            if output.status.code() != Some(code) || stderr.contains("panicked") {
                problems.push(format!(
                    "relais {}: code {:?} au lieu de {code}\n{stderr}",
                    args.join(" "),
                    output.status.code()
                ));
            }
            // Time passes for the binary: tolerate stale warnings that were not stale on TODAY.
            let actual: Vec<String> = stderr_headlines(&output)
                .into_iter()
                .filter(|h| expected.contains(h) || !is_stale_warning(h))
                .collect();
            let what = format!("relais {}", args.join(" "));
            problems.extend(mismatch(&fixture, &what, &expected, &actual));
        }
    }
    fail_all(&problems);
}

#[test]
fn every_expected_headline_points_into_its_file() {
    let mut problems = Vec::new();
    for fixture in fixtures("invalid") {
        for h in read_expected(&fixture).unwrap_or_default() {
            let mut parts = h.splitn(4, ':');
            let (Some(file), Some(line)) = (parts.next(), parts.next()) else {
                problems.push(format!("{h}: pas de chemin"));
                continue;
            };
            let Ok(line) = line.parse::<usize>() else {
                continue; // no position: a whole-file problem
            };
            let bytes = std::fs::read(file).expect("fixture named in .expected");
            let lines = bytes.split(|&b| b == b'\n').count();
            if line == 0 || line > lines {
                problems.push(format!(
                    "{h}: ligne {line} hors du fichier ({lines} lignes)"
                ));
            }
        }
    }
    fail_all(&problems);
}

#[test]
fn a_broken_link_is_reported_at_its_own_line_and_column() {
    let headlines = library_headlines(Path::new("tests/fixtures/invalid/broken-link.yaml"));
    let text = std::fs::read_to_string("tests/fixtures/invalid/broken-link.yaml").expect("read");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(headlines.len(), 3, "{headlines:#?}");
    for h in &headlines {
        let mut parts = h.splitn(4, ':').skip(1);
        let line: usize = parts.next().and_then(|n| n.parse().ok()).expect("line");
        let col: usize = parts.next().and_then(|n| n.parse().ok()).expect("column");
        let id = h
            .split("lien [[")
            .nth(1)
            .and_then(|rest| rest.split("]]").next())
            .expect("link id in message");
        let at: String = lines[line - 1].chars().skip(col - 1).collect();
        assert!(
            at.starts_with("[[") && at[2..].trim_start().starts_with(id),
            "{h} points at « {at} »"
        );
    }
}

#[test]
fn stale_means_more_than_twelve_months_before_today() {
    let files = Origin::Flag("tests/fixtures/invalid/stale-review.yaml".into())
        .read()
        .expect("read");
    let stale = |today: Date| {
        let (_, warnings) = validate(&files, today).expect("only a warning");
        warnings.iter().any(|w| w.severity == Severity::Warning)
    };
    // reviewed: 2020-01-15
    assert!(!stale(date(2021, 1, 15)), "exactly 12 months is not stale");
    assert!(stale(date(2021, 1, 16)), "12 months and a day is stale");
    assert!(stale(TODAY));
}

#[test]
fn every_file_that_is_not_utf8_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.yaml"), b"categories:\n  - id: caf\xe9\n").expect("a");
    std::fs::write(dir.path().join("b.yaml"), b"# ok\n").expect("b");
    std::fs::write(dir.path().join("c.yaml"), b"\xff\xfe\n").expect("c");
    let Err(err) = Origin::Flag(dir.path().to_path_buf()).read() else {
        panic!("not UTF-8 must not load");
    };
    let headlines: Vec<String> = err.diagnostics().iter().map(headline).collect();
    assert_eq!(headlines.len(), 2, "{headlines:#?}");
    assert!(headlines[0].ends_with("a.yaml:2:12: ce fichier n'est pas en UTF-8 (octet 0xE9 invalide) : réenregistrez-le en UTF-8 (il est peut-être en Latin-1 ou en Windows-1252)"), "{}", headlines[0]);
    assert!(
        headlines[1].contains("c.yaml:1:1: ce fichier n'est pas en UTF-8 (octet 0xFF invalide)"),
        "{}",
        headlines[1]
    );
}

#[test]
fn a_split_knowledge_base_resolves_references_across_files() {
    let loaded = load(&Origin::Flag("tests/fixtures/valid/split".into()), TODAY).expect("valid");
    assert_eq!(loaded.files, 3);
    let kb = &loaded.kb;
    assert_eq!(kb.meta.version.as_deref(), Some("split-1"));
    let entry = kb.entry("repas-camp").expect("entry from entries.yaml");
    assert_eq!(entry.category, "terrain", "category from 1-meta.yaml");
    assert_eq!(entry.contacts, ["collectif-local"], "contact from more.yml");
    assert_eq!(kb.deck("terrain-debutants").expect("deck").slides.len(), 2);
}

#[test]
fn the_bundled_data_loads_through_the_library() {
    let loaded = load(&Origin::Bundled, relais::kb::today()).expect("bundled data is valid");
    assert_eq!(loaded.origin, Origin::Bundled);
    let kb = &loaded.kb;
    assert!(kb.entries.len() >= 40, "{} entries", kb.entries.len());
    assert!(!kb.contacts.is_empty() && !kb.decks.is_empty() && !kb.categories.is_empty());
    assert!(
        loaded.warnings.iter().all(|w| !w.is_error()),
        "errors among warnings"
    );
    // Every fallback contact and deck slide resolves (validation guarantees it; this checks
    // that the bundled files were all read).
    for id in &kb.meta.fallback_contacts {
        assert!(kb.contact(id).is_some(), "{id}");
    }
}

mod mangled {
    //! Random edits of a valid file, of the kind a hurried editor makes: the validator never
    //! panics, and every problem it reports points at a line of the file.

    use proptest::prelude::*;
    use relais::kb::SourceFile;
    use relais::kb::validate::validate;

    /// Characters that change the meaning of YAML, and a few that must never pass.
    const INSERTS: [char; 16] = [
        ':', '"', '\'', '\t', ' ', '-', '[', ']', '{', '\n', '#', '|', '\u{1b}', '\u{202e}', '\r',
        'é',
    ];

    fn edit(text: &str, edits: &[(usize, usize, usize)]) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        for &(at, delete, insert) in edits {
            let at = at % (chars.len() + 1);
            let end = (at + delete).min(chars.len());
            chars.splice(at..end, std::iter::once(INSERTS[insert % INSERTS.len()]));
        }
        chars.into_iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn mangled_files_never_panic_and_every_problem_has_a_line(
            edits in prop::collection::vec((0usize..4000, 0usize..6, 0usize..16), 1..5)
        ) {
            let original = std::fs::read_to_string(super::MANGLED).expect("fixture");
            let text = edit(&original, &edits);
            let lines = text.split('\n').count();
            let files = [SourceFile { name: "f.yaml".into(), text }];
            let diags = match validate(&files, super::TODAY) {
                Ok((_, warnings)) => warnings,
                Err(err) => err.diagnostics().to_vec(),
            };
            for d in diags {
                prop_assert!(d.line as usize <= lines, "{} hors du fichier", d.headline());
                prop_assert!(!d.message.is_empty());
            }
        }
    }
}

/// The file that [`mangled`] edits at random.
const MANGLED: &str = "tests/fixtures/valid/minimal.yaml";
