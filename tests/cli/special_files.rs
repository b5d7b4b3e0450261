//! Data files that are not files: a link to `/dev/zero`, a named pipe, a device given directly,
//! and links that lead out of the pack. Each is refused at once with a clear French message,
//! through `check`, `--data` and `data install`, and no line of a file outside the pack is ever
//! shown. The timeout only catches hangs (before the fix, `/dev/zero` read 3.4 GB in 6 s and a
//! pipe blocked forever).
#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;
use std::time::Duration;

use tempfile::TempDir;

const VALID: &str = r#"categories:
  - id: droits
    title: "Droits"
entries:
  - id: droits-hebergeur
    title: "Héberger"
    category: droits
    summary: "Oui."
    answer: "Héberger par humanité n'est pas puni."
    sources:
      - title: "Loi du 15 décembre 1980"
    reviewed: 2026-10-01
"#;

/// A home and a pack folder holding one valid file.
fn pack() -> (TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().expect("home");
    let dir = home.path().join("pack");
    std::fs::create_dir_all(&dir).expect("pack");
    std::fs::write(dir.join("base.yaml"), VALID).expect("write");
    (home, dir)
}

fn relais(home: &Path, args: &[&str]) -> Output {
    crate::support::sandbox::assert_relais(home)
        .args(args)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(20))
        .output()
        .expect("runs")
}

fn refused(out: &Output, needle: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(needle), "expected « {needle} »: {err}");
    err
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn a_link_to_dev_zero_is_refused_at_once_everywhere() {
    let (home, dir) = pack();
    symlink("/dev/zero", dir.join("zero.yaml")).expect("symlink");
    let d = arg(&dir);
    for args in [
        vec!["check", d],
        vec!["--data", d, "list"],
        vec!["data", "install", "--allow-unsigned", d],
    ] {
        let out = relais(home.path(), &args);
        // It leads out of the pack, which is checked first.
        refused(&out, "refusé sans être lu");
    }
    for args in [
        vec!["check", "/dev/zero"],
        vec!["--data", "/dev/zero", "list"],
    ] {
        let out = relais(home.path(), &args);
        refused(
            &out,
            "ce n'est pas un fichier ordinaire (c'est un périphérique)",
        );
    }
    assert!(
        !home.path().join("share/relais/state").exists(),
        "installed"
    );
}

#[test]
fn a_named_pipe_is_refused_without_blocking() {
    let (home, dir) = pack();
    let fifo = dir.join("tube.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.expect("mkfifo").success());
    let out = relais(home.path(), &["check", arg(&dir)]);
    refused(&out, "c'est un tube nommé (FIFO)");
    let out = relais(home.path(), &["check", arg(&fifo)]);
    refused(&out, "c'est un tube nommé (FIFO)");
}

#[test]
fn links_out_of_the_pack_are_refused_and_never_shown() {
    let (home, dir) = pack();
    let outside = home.path().join("ailleurs");
    std::fs::create_dir_all(&outside).expect("outside");
    // Not data: its lines would be quoted in error excerpts if it were read.
    std::fs::write(outside.join("secret.yaml"), "motdepasse: hunter2-SECRET\n").expect("write");
    symlink(outside.join("secret.yaml"), dir.join("lien.yaml")).expect("symlink");
    let out = relais(home.path(), &["check", arg(&dir)]);
    let err = refused(&out, "lien symbolique qui sort du dossier de données");
    assert!(!err.contains("hunter2"), "{err}");
    std::fs::remove_file(dir.join("lien.yaml")).expect("rm");
    symlink(&outside, dir.join("sous")).expect("symlink");
    let out = relais(home.path(), &["check", arg(&dir)]);
    let err = refused(&out, "lien symbolique qui sort du dossier de données");
    assert!(!err.contains("hunter2"), "{err}");
    // A link that stays inside is fine.
    std::fs::remove_file(dir.join("sous")).expect("rm");
    std::fs::create_dir_all(dir.join("faq")).expect("faq");
    std::fs::rename(dir.join("base.yaml"), dir.join("faq/base.yaml")).expect("mv");
    symlink("faq/base.yaml", dir.join("lien.yaml")).expect("symlink");
    let out = relais(home.path(), &["check", arg(&dir)]);
    // The same file twice: its ids are duplicated, which is a data problem, not a refusal.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("sort du dossier"), "{err}");
}
