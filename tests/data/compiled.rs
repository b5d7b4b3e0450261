//! The compiled form (`relais::compiled`): installed data starts from it, the YAML is parsed
//! with a French notice when it is missing, damaged, truncated, another build's or made from
//! files that changed since (and it is written again), a changed file is still caught by the
//! full check, `--data` never uses one, and loaded it gives the same knowledge base and the
//! same answers as the YAML (installed, bundled and generated data).

use std::fs;
use std::path::{Path, PathBuf};

use relais::compiled::{BUNDLED_KEY, FILE, decode, decode_file, encode, key_of_manifest, stamps};
use relais::kb::manifest::MANIFEST;
use relais::kb::validate::{load, validate};
use relais::kb::{KnowledgeBase, Origin, SourceFile, today};
use relais::search::{QueryOptions, SearchIndex};
use tempfile::TempDir;

use crate::support::data::FIXTURE;

const QUERIES: [&str; 7] = [
    "droits aidant",
    "hebergeur",
    "herbergement voiture",
    "aide medicale urgente",
    "que faire si la police arrete un migrant",
    "free lawyer",
    "xqzkw",
];

fn same_answers(a: &SearchIndex, b: &SearchIndex) {
    for q in QUERIES {
        let opts = QueryOptions::default();
        assert_eq!(a.search(q, opts), b.search(q, opts), "{q}");
        assert_eq!(a.suggest(q), b.suggest(q), "{q}");
        assert_eq!(a.explain(q), b.explain(q), "{q}");
    }
}

fn installed(home: &TempDir) -> PathBuf {
    crate::support::sandbox::assert_relais(home.path())
        .args(["data", "install", "--allow-unsigned", "--yes", FIXTURE])
        .assert()
        .success();
    let installs = home.path().join("share/relais/installs");
    fs::read_dir(&installs)
        .expect("installs")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .expect("a version")
}

/// `relais search` in `home`: (success, stdout, stderr).
fn run_search(home: &Path) -> (bool, String, String) {
    let out = crate::support::sandbox::relais(home)
        .args(["search", "droits aidant", "--limit", "3"])
        .output()
        .expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `relais search` in `home`: (stdout, stderr); it must succeed.
fn search(home: &Path) -> (String, String) {
    let (ok, stdout, stderr) = run_search(home);
    assert!(ok, "{stderr}");
    (stdout, stderr)
}

fn assert_parsed_then_rewritten(home: &Path, reason: &str, answer: &str, stderr: &str) {
    assert!(
        stderr.contains("forme compilée des données installées non utilisée")
            && stderr.contains(reason)
            && stderr.contains("lecture des fichiers YAML")
            && stderr.contains("refaite"),
        "{reason}: {stderr}"
    );
    let (again, quiet) = search(home);
    assert_eq!(again, answer, "{reason}");
    assert_eq!(quiet, "", "{reason}: the next start is quiet");
}

#[test]
fn installed_data_starts_from_its_compiled_form_and_survives_a_damaged_one() {
    let home = tempfile::tempdir().expect("home");
    let version = installed(&home);
    let file = version.join(FILE);
    assert!(file.is_file(), "data install writes the compiled form");
    let (answer, stderr) = search(home.path());
    assert!(answer.contains("droits"), "{answer}");
    assert_eq!(stderr, "", "a fitting compiled form is used silently");
    let good = fs::read(&file).expect("compiled");

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let mut other_build = good.clone();
    other_build[11] ^= 1;
    let cases: [(&str, Option<Vec<u8>>); 5] = [
        ("fichier tronqué", Some(good[..good.len() / 3].to_vec())),
        ("fichier tronqué", Some(good[..20].to_vec())),
        ("somme de contrôle fausse", Some(flipped)),
        ("autre version de relais", Some(other_build)),
        ("fichier absent", None),
    ];
    for (reason, bytes) in cases {
        match bytes {
            Some(b) => fs::write(&file, b).expect("damage"),
            None => fs::remove_file(&file).expect("remove"),
        }
        let (again, stderr) = search(home.path());
        assert_eq!(again, answer, "{reason}: the same answer, from the YAML");
        assert_parsed_then_rewritten(home.path(), reason, &answer, &stderr);
        let back = fs::read(&file).expect("rewritten");
        assert_eq!(
            back.len(),
            good.len(),
            "{reason}: the same form, made again"
        );
    }
}

#[test]
fn a_file_changed_after_compiling_goes_through_the_full_check() {
    let home = tempfile::tempdir().expect("home");
    let version = installed(&home);
    let (answer, _) = search(home.path());
    // Written again with the same bytes: the times change, so the files are checked in full
    // (they still match the manifest) and the form is made again.
    let faq = version.join("faq.yaml");
    let same = fs::read(&faq).expect("faq");
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&faq, &same).expect("rewrite");
    let (again, stderr) = search(home.path());
    assert_eq!(again, answer);
    assert_parsed_then_rewritten(home.path(), "modifiés", &answer, &stderr);

    // A file added beside the data: the full check refuses it, the compiled form is not used.
    fs::write(version.join("extra.yaml"), "entries: []\n").expect("add");
    let (_, _, stderr) = run_search(home.path());
    assert!(!stderr.contains("non utilisée ("), "{stderr}");
    assert!(
        stderr.contains("extra.yaml"),
        "the full check names it: {stderr}"
    );
    fs::remove_file(version.join("extra.yaml")).expect("remove");

    // A changed answer: never read from the stale compiled form, caught by the manifest.
    let text = String::from_utf8(same).expect("utf-8");
    let changed = text.replacen("aidant", "aidante", 1);
    assert_ne!(changed, text);
    fs::write(&faq, changed).expect("tamper");
    let (_, _, stderr) = run_search(home.path());
    assert!(stderr.contains("faq.yaml"), "{stderr}");
}

#[test]
fn the_installed_compiled_form_is_the_parsed_data() {
    let home = tempfile::tempdir().expect("home");
    let version = installed(&home);
    let key = key_of_manifest(&fs::read(version.join(MANIFEST)).expect("a manifest"));
    let now = stamps::of_dir(&version).expect("listed");
    let bytes = fs::read(version.join(FILE)).expect("compiled");
    let compiled = decode(&bytes, &key, &now).expect("loads");
    let from_file =
        decode_file(&version.join(FILE), bytes.len() as u64, &key, &now).expect("loads");
    assert_eq!(from_file.kb, compiled.kb);
    same_answers(&from_file.index, &compiled.index);
    let parsed = load(&Origin::UserDir(version.clone()), today()).expect("parses");
    let mut kb = compiled.kb;
    kb.meta.unsigned = parsed.kb.meta.unsigned;
    assert_eq!(kb, parsed.kb);
    assert_eq!(compiled.files, parsed.files);
    same_answers(&compiled.index, &SearchIndex::new(&parsed.kb));
}

#[test]
fn data_given_with_a_flag_is_parsed_and_never_compiled() {
    let home = tempfile::tempdir().expect("home");
    let data = tempfile::tempdir().expect("data");
    for name in ["meta.yaml", "faq.yaml", "contacts.yaml"] {
        fs::copy(Path::new(FIXTURE).join(name), data.path().join(name)).expect("copy");
    }
    crate::support::sandbox::assert_relais(home.path())
        .arg("--data")
        .arg(data.path())
        .args(["search", "droits aidant"])
        .assert()
        .success();
    let mut names: Vec<String> = fs::read_dir(data.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["contacts.yaml", "faq.yaml", "meta.yaml"]);
}

#[test]
fn the_embedded_bundled_form_is_the_parsed_bundled_data() {
    let compiled = decode(relais::commands::BUNDLED_COMPILED, &BUNDLED_KEY, &[]).expect("loads");
    let parsed = load(&Origin::Bundled, today()).expect("parses");
    assert_eq!(compiled.kb, parsed.kb);
    assert_eq!(compiled.files, parsed.files);
    assert!(!compiled.kb.translations.is_empty(), "the translations too");
    same_answers(&compiled.index, &SearchIndex::new(&parsed.kb));
}

#[test]
fn generated_data_loads_back_the_same() {
    let generated = crate::generator::knowledge_base(400);
    let files: Vec<SourceFile> = crate::generator::to_yaml_files(&generated, 100)
        .into_iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let (kb, _warnings): (KnowledgeBase, _) = validate(&files, today()).expect("valid");
    let index = SearchIndex::new(&kb);
    let key = [3; 32];
    let bytes = encode(&kb, &index, files.len(), &key, &[]).expect("encodes");
    let back = decode(&bytes, &key, &[]).expect("decodes");
    assert_eq!(back.kb, kb);
    same_answers(&back.index, &index);
    // Read from its file, part by part, the entries in several chunks decoded in parallel.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(FILE);
    fs::write(&path, &bytes).expect("written");
    let back = decode_file(&path, bytes.len() as u64, &key, &[]).expect("decodes");
    assert_eq!(back.kb, kb);
    same_answers(&back.index, &index);
}
