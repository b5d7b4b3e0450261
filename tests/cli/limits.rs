//! The limits of the loader, through `relais check` as an editor would meet them: a file over the
//! size limit, alias bombs, deep nesting, very long lines and texts, bytes that are not UTF-8, a
//! byte-order mark, Windows line ends, an empty file, a folder without YAML, a symlink loop. Each
//! gets a clear French message (or loads, for the byte-order mark, CRLF and the loop), and runs
//! under a 1 GiB address-space limit (`ulimit -v`), which proves the memory bounded.
//!
//! The timeout here only catches hangs; how fast each case is comes from `hyperfine` on the
//! release binary (HARDENING.md).
#![cfg(unix)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;

/// Address space granted to `relais` for each case, in KiB.
const MEMORY_KIB: u64 = 1024 * 1024;

/// A small valid knowledge base whose entry has `title`.
fn base(title: &str) -> String {
    format!(
        r#"categories:
  - id: droits
    title: "Droits"
entries:
  - id: droits-hebergeur
    title: "{title}"
    category: droits
    summary: "Oui."
    answer: "Héberger par humanité n'est pas puni."
    sources:
      - title: "Loi du 15 décembre 1980"
    reviewed: 2026-10-01
"#
    )
}

/// Runs `relais check PATH` with bounded memory and a hang guard.
fn check(path: &Path) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("relais");
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KIB} && exec \"$0\" check \"$1\""
        ))
        .arg(bin)
        .arg(path)
        .env_remove("RELAIS_DATA")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run relais check")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary folder with `name` written in it.
fn file_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    (dir, path)
}

/// Fails with the whole output when `out` is not a refusal (exit 2) saying `says`.
fn assert_refused(out: &Output, says: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr:\n{err}");
    assert!(err.contains(says), "expected {says:?} in:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn assert_loads(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(out)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("OK"));
}

#[test]
fn a_file_over_fifty_megabytes_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("enorme.yaml");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: no disk used, and relais must refuse it from its size alone.
    file.set_len(50 * 1024 * 1024 + 1).expect("set_len");
    let out = check(&path);
    assert_refused(
        &out,
        "fichier trop grand (52428801 octets ; la limite est 52428800 octets)",
    );
    // Also inside a folder.
    let out = check(dir.path());
    assert_refused(&out, "enorme.yaml: fichier trop grand");
}

#[test]
fn a_billion_laughs_is_refused() {
    // Shaped like the schema (synonym groups are lists of texts), so that the types do not stop
    // it before the aliases are expanded: a thousand copies of a group of a hundred texts.
    let mut yaml = format!("meta:\n  title: &l \"{}\"\nsynonyms:\n", "lol".repeat(300));
    let _ = writeln!(yaml, "  - &g [{}]", vec!["*l"; 100].join(", "));
    for _ in 0..1000 {
        yaml.push_str("  - *g\n");
    }
    let (_dir, path) = file_with("lol.yaml", yaml.as_bytes());
    let out = check(&path);
    assert_refused(&out, "lol.yaml:");
    let err = stderr(&out);
    assert!(
        err.contains("trop d'alias") || err.contains("trop de texte"),
        "{err}"
    );
}

#[test]
fn a_billion_laughs_of_lists_is_refused_by_the_types() {
    let mut yaml = String::from(
        "synonyms:\n  - &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for i in 1..10 {
        let p = i - 1;
        let _ = writeln!(
            yaml,
            "  - &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]"
        );
    }
    let (_dir, path) = file_with("lol.yaml", yaml.as_bytes());
    assert_refused(&check(&path), "lol.yaml:3:10: un texte est attendu ici");
}

#[test]
fn aliases_of_a_long_text_are_refused_before_copying_it() {
    // One 10 MB text, copied 99 times by aliases: a gigabyte if they were all expanded.
    let text = "x".repeat(10 * 1024 * 1024);
    let aliases = vec!["*s"; 99].join(", ");
    let yaml = base(&text)
        .replace(
            &format!("title: \"{text}\""),
            &format!("title: &s \"{text}\""),
        )
        .replace(
            "    reviewed:",
            &format!("    keywords: [{aliases}]\n    reviewed:"),
        );
    let (_dir, path) = file_with("copies.yaml", yaml.as_bytes());
    assert_refused(&check(&path), "copies.yaml:12:");
    assert_refused(
        &check(&path),
        "trop de texte dans ce fichier (plus de 64 Mo)",
    );
}

#[test]
fn ten_thousand_nested_brackets_are_refused() {
    let yaml = format!("entries: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let (_dir, path) = file_with("deep.yaml", yaml.as_bytes());
    assert_refused(&check(&path), "deep.yaml:1:");
    assert_refused(&check(&path), "imbrication trop profonde");
}

#[test]
fn ten_thousand_nested_lists_are_refused() {
    // `- - - x`: each dash opens a list inside the previous one. The category above lacks its
    // title, so the whole file is read for the real cause, nesting included.
    let yaml = format!(
        "categories:\n  - id: a\ndecks:\n  {}x\n",
        "- ".repeat(10_000)
    );
    let (_dir, path) = file_with("deep.yaml", yaml.as_bytes());
    assert_refused(&check(&path), "deep.yaml:4:");
    assert_refused(&check(&path), "imbrication trop profonde");
    // Where the types stop it first, it is refused at once too.
    let yaml = format!("entries:\n{}x\n", "- ".repeat(10_000));
    let (_dir, path) = file_with("deep.yaml", yaml.as_bytes());
    assert_refused(
        &check(&path),
        "deep.yaml:2:3: un bloc « clé: valeur » est attendu ici",
    );
}

#[test]
fn a_ten_megabyte_title_loads() {
    let title = "mot ".repeat(10 * 1024 * 1024 / 4);
    let (_dir, path) = file_with("long.yaml", base(title.trim_end()).as_bytes());
    assert_loads(&check(&path));
}

#[test]
fn a_problem_at_the_end_of_a_ten_megabyte_line_shows_a_short_excerpt() {
    let title = format!("{}\u{1b}[2J", "mot ".repeat(10 * 1024 * 1024 / 4));
    let (_dir, path) = file_with("long.yaml", base(&title).as_bytes());
    let out = check(&path);
    // `    title: "` is 12 characters, then ten megabytes of words, then ESC.
    let col = 12 + 10 * 1024 * 1024 + 1;
    assert_refused(
        &out,
        &format!("long.yaml:6:{col}: caractère interdit : U+001B, ESC"),
    );
    // The excerpt is a window around the column, not ten megabytes of text.
    assert!(
        out.stderr.len() < 2_000,
        "{} bytes on stderr",
        out.stderr.len()
    );
    assert!(!out.stderr.contains(&0x1b), "ESC reached the terminal");
}

#[test]
fn a_megabyte_of_control_characters_gives_a_bounded_report() {
    let text = format!("meta:\n  title: \"{}\"\n", "\u{1}".repeat(1024 * 1024));
    let (_dir, path) = file_with("controles.yaml", text.as_bytes());
    let out = check(&path);
    assert_refused(&out, "controles.yaml:2:11: caractère interdit : U+0001");
    assert_refused(&out, "non affichés : corrigez d'abord les 200 premiers");
    assert!(
        out.stderr.len() < 200_000,
        "{} bytes on stderr",
        out.stderr.len()
    );
}

#[test]
fn latin1_bytes_are_pointed_at() {
    let mut bytes = base("Puis-je h").into_bytes();
    // "héberger" in Latin-1 on line 6, after `    title: "Puis-je h`.
    let at = bytes
        .windows(9)
        .position(|w| w == b"Puis-je h")
        .expect("title")
        + 9;
    bytes.splice(at..at, [0xE9, b'b', b'e', b'r']);
    let (_dir, path) = file_with("latin1.yaml", &bytes);
    let out = check(&path);
    assert_refused(
        &out,
        "latin1.yaml:6:22: ce fichier n'est pas en UTF-8 (octet 0xE9 invalide)",
    );
}

#[test]
fn a_byte_order_mark_loads() {
    let text = format!("\u{FEFF}{}", base("Puis-je héberger ?"));
    let (_dir, path) = file_with("bom.yaml", text.as_bytes());
    assert_loads(&check(&path));
}

#[test]
fn windows_line_ends_load() {
    let text = base("Puis-je héberger ?").replace('\n', "\r\n");
    let (_dir, path) = file_with("crlf.yaml", text.as_bytes());
    assert_loads(&check(&path));
}

#[test]
fn an_empty_file_is_refused() {
    for content in ["", "\n\n", "# rien que des commentaires\n", "\u{FEFF}"] {
        let (_dir, path) = file_with("vide.yaml", content.as_bytes());
        assert_refused(&check(&path), "vide.yaml: fichier vide");
    }
}

#[test]
fn a_folder_without_yaml_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "pas du YAML").expect("write");
    std::fs::create_dir(dir.path().join("sous-dossier")).expect("mkdir");
    assert_refused(
        &check(dir.path()),
        "aucun fichier .yaml trouvé dans ce dossier",
    );
}

#[test]
fn a_folder_with_a_symlink_loop_loads_each_file_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("kb.yaml"), base("Puis-je héberger ?")).expect("write");
    std::os::unix::fs::symlink(".", dir.path().join("boucle")).expect("symlink");
    std::fs::create_dir(dir.path().join("sous")).expect("mkdir");
    std::os::unix::fs::symlink("..", dir.path().join("sous/haut")).expect("symlink");
    let out = check(dir.path());
    assert_loads(&out);
    // Read once: no duplicate id.
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 fichier(s)"));
}

#[test]
fn a_file_symlink_loop_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink("b.yaml", dir.path().join("a.yaml")).expect("symlink");
    std::os::unix::fs::symlink("a.yaml", dir.path().join("b.yaml")).expect("symlink");
    assert_refused(
        &check(&dir.path().join("a.yaml")),
        "boucle de liens symboliques",
    );
}

#[test]
fn a_file_name_with_terminal_escapes_is_shown_neutralised() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "piege\u{1b}]52;c;eA==\u{7}\u{1b}[2J.yaml";
    std::fs::write(dir.path().join(name), "categories:\n\t- id: a\n").expect("write");
    for path in [dir.path().to_path_buf(), dir.path().join(name)] {
        let out = check(&path);
        assert_refused(&out, "tabulation interdite");
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.iter().any(|&b| b == 0x1b || b == 0x07),
                "{}",
                stderr(&out)
            );
        }
    }
    // A missing file with such a name: the error names it, neutralised too.
    let out = check(&dir.path().join("absent\u{1b}[2J.yaml"));
    assert_refused(&out, "fichier ou dossier introuvable");
    assert!(!out.stderr.contains(&0x1b), "{}", stderr(&out));
}
