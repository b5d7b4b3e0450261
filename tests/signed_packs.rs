//! Signed data packs end to end, in a home of their own with throw-away keys: keygen, trust,
//! pack, verify and install; a pack with any one byte changed, or re-signed with a key relais
//! does not trust, is refused and changes nothing; unsigned data needs `--allow-unsigned` and
//! is then shown « non signées »; an installed file edited afterwards is caught at start; the
//! `minisign` crate's own verification accepts what relais signs.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use proptest::prelude::*;
use relais::kb::manifest::{MANIFEST, SIGNATURE};
use relais::kb::pack;
use relais::kb::signing::Signer;
use relais::kb::trust::{self, KeySource, TrustedKey};
use serde_json::Value;
use tempfile::TempDir;

mod data_support;
use data_support::{FIXTURE, fixture_version};

struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("home"),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn relais(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("relais").expect("binary");
        cmd.args(args)
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("share"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env_remove("RELAIS_DATA")
            .env_remove("RELAIS_KEY_PASSWORD")
            .env("NO_COLOR", "1");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.relais(args).output().expect("runs")
    }

    /// A key pair without password in `keys/NAME.{key,pub}`.
    fn keygen(&self, name: &str) -> (PathBuf, PathBuf) {
        let out = self.run(&[
            "data",
            "keygen",
            "--out",
            &self.s("keys"),
            "--name",
            name,
            "--no-password",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        (
            self.path(&format!("keys/{name}.key")),
            self.path(&format!("keys/{name}.pub")),
        )
    }

    fn s(&self, rel: &str) -> String {
        self.path(rel).display().to_string()
    }

    /// `data pack DIR --key KEY -o NAME`, which must succeed.
    fn pack(&self, dir: &Path, key: &Path, name: &str) -> PathBuf {
        let target = self.path(name);
        let out = self.run(&[
            "data",
            "pack",
            &dir.display().to_string(),
            "--key",
            &key.display().to_string(),
            "-o",
            &target.display().to_string(),
        ]);
        assert!(out.status.success(), "pack: {}", text(&out.stderr));
        target
    }

    fn trust(&self, public: &Path) {
        let out = self.run(&["data", "trust", &public.display().to_string()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }

    fn status(&self) -> Value {
        let out = self.run(&["data", "status", "--json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }

    /// Every file under the user data directory with its content.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        walk(&self.path("share"), &mut files);
        files.sort();
        files
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(items) = fs::read_dir(dir) else {
        return;
    };
    for item in items.flatten() {
        let path = item.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push((path.clone(), fs::read(&path).expect("readable")));
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn keygen_trust_pack_verify_install_round_trip() {
    let home = Home::new();
    let (key, public) = home.keygen("asso");
    let id = trust::PublicKey::parse(&fs::read_to_string(&public).expect("pub"))
        .expect("key")
        .id;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(&key).expect("key").permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the secret key is readable by its owner only"
        );
    }
    let file = home.pack(Path::new(FIXTURE), &key, "maj.relais");
    // Not trusted yet: verify says who signed, and fails.
    let out = home.run(&["data", "verify", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains(&format!("clé {id}, qui n'est pas une clé de confiance")));
    assert!(text(&out.stderr).contains("relais data trust"));
    let refused = home.run(&["data", "install", "--yes", &file.display().to_string()]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(home.snapshot().is_empty(), "nothing installed");

    home.trust(&public);
    let listed = home.run(&["data", "trust", "--list"]);
    assert!(text(&listed.stdout).contains(&id));
    let out = home.run(&["data", "verify", &file.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    for part in [
        format!("Signature valide : clé {id}"),
        "Éditeur : Fixture <export> & co".into(),
        "Version : 2026.01.15".into(),
        "Date : 2026-01-15".into(),
    ] {
        assert!(said.contains(&part), "{part} in {said}");
    }

    let out = home.run(&["data", "install", "--yes", &file.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&format!("Signées par la clé {id}")));
    let status = home.status();
    assert_eq!(status["meta"]["version"], "2026.01.15");
    assert_eq!(status["signature"]["signed"], true);
    assert_eq!(status["signature"]["key"], id.as_str());
    assert!(home.run(&["list"]).status.success());
    let installed = PathBuf::from(status["installed"].as_str().expect("installed"));
    assert!(installed.join(MANIFEST).is_file() && installed.join(SIGNATURE).is_file());

    // Once the key is no longer trusted, the same installed data is shown unsigned.
    let removed = home.run(&["data", "trust", "--remove", &id.to_lowercase()]);
    assert!(removed.status.success(), "{}", text(&removed.stderr));
    assert_eq!(home.status()["signature"]["signed"], false);
    assert_eq!(
        home.run(&["data", "trust", "--remove", &id]).status.code(),
        Some(1)
    );
    assert_eq!(
        home.run(&["data", "verify", &file.display().to_string()])
            .status
            .code(),
        Some(2)
    );
}

/// A signed pack of the fixture and the key that trusts it, made once with the library.
fn signed_pack() -> (Vec<u8>, TrustedKey) {
    let (secret, public) = relais::kb::signing::generate(None).expect("keys");
    let signer = Signer::from_key_file(&secret, || panic!("no password")).expect("signer");
    let files: Vec<(String, Vec<u8>)> = ["contacts.yaml", "faq.yaml", "meta.yaml"]
        .iter()
        .map(|n| {
            (
                (*n).to_owned(),
                fs::read(Path::new(FIXTURE).join(n)).expect("fixture"),
            )
        })
        .collect();
    let borrowed: Vec<(String, &[u8])> = files.iter().map(|(p, b)| (p.clone(), &b[..])).collect();
    let meta = relais::kb::validate::load(
        &relais::kb::Origin::Given(FIXTURE.into()),
        relais::kb::today(),
    )
    .expect("valid")
    .kb
    .meta;
    let manifest = relais::kb::manifest::Manifest::new(&meta, &borrowed);
    let signature = signer.sign(&manifest).expect("sign");
    let bytes =
        pack::write(&manifest.render(), &signature, &borrowed, 1_764_000_000).expect("pack");
    (
        bytes,
        TrustedKey {
            key: public,
            source: KeySource::Bundled,
        },
    )
}

/// What relais requires before installing a pack: whole, unchanged, signed by a trusted key.
fn accepted(bytes: &[u8], keys: &[TrustedKey]) -> bool {
    pack::read(bytes).is_ok_and(|p| {
        matches!(
            trust::check_signature(p.manifest_text.as_bytes(), &p.signature, keys),
            Ok(trust::Signer::Trusted(_))
        )
    })
}

#[test]
fn every_single_byte_change_of_a_pack_is_refused() {
    let (bytes, key) = signed_pack();
    let keys = [key];
    assert!(accepted(&bytes, &keys));
    let mut missed = Vec::new();
    for position in 0..bytes.len() {
        for mask in [0x01u8, 0x80] {
            let mut changed = bytes.clone();
            changed[position] ^= mask;
            if accepted(&changed, &keys) {
                missed.push((position, mask));
            }
        }
    }
    assert!(missed.is_empty(), "accepted after a change at {missed:?}");
    // Cut short or made longer: refused too.
    assert!(!accepted(&bytes[..bytes.len() - 512], &keys));
    let mut longer = bytes.clone();
    longer.extend_from_slice(&[0; 512]);
    assert!(!accepted(&longer, &keys));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    /// Through the command line: any byte flipped, anywhere, is refused and changes nothing.
    #[test]
    fn install_refuses_a_pack_with_one_byte_flipped(fraction in 0.0f64..1.0, mask in 1u8..=255) {
        let home = Home::new();
        let (key, public) = home.keygen("asso");
        home.trust(&public);
        let good = home.pack(Path::new(FIXTURE), &key, "bon.relais");
        let before = home.snapshot();
        let mut bytes = fs::read(&good).expect("pack");
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let position = ((bytes.len() as f64) * fraction) as usize;
        bytes[position] ^= mask;
        let bad = home.path("abime.relais");
        fs::write(&bad, &bytes).expect("write");
        let out = home.run(&["data", "install", "--yes", &bad.display().to_string()]);
        prop_assert_eq!(out.status.code(), Some(2), "byte {} ^ {:#x}: {}", position, mask, text(&out.stdout));
        prop_assert!(text(&out.stderr).contains("rien n'a été installé"));
        prop_assert_eq!(home.snapshot(), before);
    }
}

#[test]
fn a_pack_re_signed_with_an_untrusted_key_is_refused() {
    let home = Home::new();
    let (key, public) = home.keygen("asso");
    let (intruder, _) = home.keygen("intrus");
    home.trust(&public);
    let good = home.pack(Path::new(FIXTURE), &key, "bon.relais");
    let original = pack::read(&fs::read(&good).expect("pack")).expect("valid");
    // Same manifest and files, the signature replaced by the intruder's.
    let signer = Signer::from_key_file(&fs::read_to_string(&intruder).expect("key"), || {
        panic!("no password")
    })
    .expect("signer");
    let signature = signer.sign(&original.manifest).expect("sign");
    let files: Vec<(String, &[u8])> = original
        .files
        .iter()
        .map(|(p, b)| (p.clone(), &b[..]))
        .collect();
    let forged =
        pack::write(&original.manifest_text, &signature, &files, 1_764_000_000).expect("pack");
    let bad = home.path("forge.relais");
    fs::write(&bad, forged).expect("write");
    let before = home.snapshot();
    let out = home.run(&["data", "install", "--yes", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(&format!(
        "la clé {} n'est pas une clé de confiance",
        signer.public_key().id
    )));
    assert_eq!(home.snapshot(), before);
    assert_eq!(
        home.run(&["data", "verify", &bad.display().to_string()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn unsigned_data_needs_allow_unsigned_and_is_then_shown_unsigned() {
    let home = Home::new();
    let before = home.snapshot();
    let out = home.run(&["data", "install", "--yes", FIXTURE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("n'est pas un paquet signé"));
    assert!(text(&out.stderr).contains("--allow-unsigned"));
    assert_eq!(home.snapshot(), before);
    let single = home.run(&["data", "install", "--yes", &format!("{FIXTURE}/faq.yaml")]);
    assert_eq!(single.status.code(), Some(2));

    let out = home.run(&["data", "install", "--allow-unsigned", "--yes", FIXTURE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(home.status()["signature"]["signed"], false);
    assert_eq!(home.status()["meta"]["unsigned"], true);
    let status = home.run(&["data", "status"]);
    assert!(text(&status.stdout).contains("Signature : non signées"));
    let md = home.run(&["export", "--format", "md"]);
    assert!(text(&md.stdout).contains("(données non signées)"));
    // The unsigned install keeps a manifest too: an edit is caught all the same.
    let dir = PathBuf::from(
        home.status()["installed"]
            .as_str()
            .expect("installed")
            .to_owned(),
    );
    assert!(dir.join(MANIFEST).is_file() && !dir.join(SIGNATURE).exists());
    fs::write(dir.join("faq.yaml"), "entries: []\n").expect("edit");
    assert_eq!(home.run(&["list"]).status.code(), Some(2));
}

#[test]
fn an_edited_installed_file_is_detected_at_start() {
    let home = Home::new();
    let (key, public) = home.keygen("asso");
    home.trust(&public);
    let file = home.pack(Path::new(FIXTURE), &key, "maj.relais");
    assert!(
        home.run(&["data", "install", "--yes", &file.display().to_string()])
            .status
            .success()
    );
    let dir = PathBuf::from(
        home.status()["installed"]
            .as_str()
            .expect("installed")
            .to_owned(),
    );
    let contacts = dir.join("contacts.yaml");
    let genuine = fs::read_to_string(&contacts).expect("contacts");
    fs::write(&contacts, genuine.replace("081 73 71 76", "0470 99 99 99")).expect("edit");
    for args in [&["list"][..], &["search", "cai"], &["data", "status"]] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains("fichier modifié : contacts.yaml"), "{err}");
        assert!(
            err.contains("relais data restore") && err.contains("relais data reset"),
            "{err}"
        );
    }
    // A file added beside the installed ones is caught too.
    fs::write(&contacts, &genuine).expect("put back");
    assert!(home.run(&["list"]).status.success());
    fs::write(dir.join("ajout.yaml"), "synonyms: [[a, b]]\n").expect("add");
    let out = home.run(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("fichier ajouté : ajout.yaml"));
    // The way out that the message names works.
    assert!(home.run(&["data", "reset"]).status.success());
    assert!(home.run(&["list"]).status.success());
}

#[test]
fn data_diff_shows_a_changed_phone_old_to_new_first() {
    let home = Home::new();
    let old = fixture_version(home.dir.path(), "A");
    let new = fixture_version(home.dir.path(), "B");
    let contacts = new.join("contacts.yaml");
    let text_before = fs::read_to_string(&contacts).expect("contacts");
    fs::write(
        &contacts,
        text_before.replace("081 73 71 76", "0470 12 34 56"),
    )
    .expect("edit");
    let out = home.run(&[
        "data",
        "diff",
        &old.display().to_string(),
        &new.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let phone = said
        .find("cai-namur — téléphone : 081 73 71 76 → 0470 12 34 56")
        .expect(&said);
    let sections = said.find("Entrées :").expect("entries");
    assert!(phone < sections, "{said}");
    assert!(said.contains("~ cai-namur"), "{said}");

    // Against a pack, and in the summary that install shows.
    let (key, public) = home.keygen("asso");
    home.trust(&public);
    let file = home.pack(&new, &key, "b.relais");
    let out = home.run(&[
        "data",
        "diff",
        &old.display().to_string(),
        &file.display().to_string(),
    ]);
    assert!(text(&out.stdout).contains("081 73 71 76 → 0470 12 34 56"));
    let out = home.run(&[
        "data",
        "install",
        "--allow-unsigned",
        "--yes",
        &old.display().to_string(),
    ]);
    assert!(out.status.success());
    let out = home.run(&["data", "install", "--yes", &file.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("081 73 71 76 → 0470 12 34 56"));
    let out = home.run(&["data", "diff", "installed", "bundled"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Après : données intégrées"));
}

#[test]
fn the_minisign_crate_accepts_the_signature_of_a_pack() {
    let home = Home::new();
    let (key, public) = home.keygen("asso");
    let file = home.pack(Path::new(FIXTURE), &key, "maj.relais");
    let pack = pack::read(&fs::read(&file).expect("pack")).expect("valid");
    let pk = minisign::PublicKey::from_file(&public).expect("public key");
    let signature = minisign::SignatureBox::from_string(&pack.signature).expect("signature");
    minisign::verify(
        &pk,
        &signature,
        Cursor::new(pack.manifest_text.as_bytes()),
        true,
        false,
        false,
    )
    .expect("minisign accepts the signature");
    // And refuses it for another text.
    let other = pack.manifest_text.replace("2026.01.15", "2026.01.16");
    assert!(
        minisign::verify(
            &pk,
            &signature,
            Cursor::new(other.as_bytes()),
            true,
            false,
            false
        )
        .is_err()
    );
}

#[test]
fn a_password_protected_key_takes_its_password_from_the_environment() {
    let home = Home::new();
    let keys = home.s("keys");
    let out = home.run(&["data", "keygen", "--out", &keys]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "no terminal, no variable: refused"
    );
    assert!(text(&out.stderr).contains("RELAIS_KEY_PASSWORD"));
    let out = home
        .relais(&["data", "keygen", "--out", &keys])
        .env("RELAIS_KEY_PASSWORD", "une phrase longue")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let key = home.s("keys/relais.key");
    let again = home.run(&["data", "keygen", "--out", &keys, "--no-password"]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing key is never overwritten"
    );
    let target = home.s("maj.relais");
    let pack = |password: &str| {
        home.relais(&["data", "pack", FIXTURE, "--key", &key, "-o", &target])
            .env("RELAIS_KEY_PASSWORD", password)
            .output()
            .expect("runs")
    };
    let wrong = pack("une autre");
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("mot de passe incorrect"));
    assert!(!Path::new(&target).exists());
    assert!(pack("une phrase longue").status.success());
}

#[test]
fn pack_refuses_invalid_data_and_writes_nothing() {
    let home = Home::new();
    let (key, _) = home.keygen("asso");
    let target = home.s("maj.relais");
    let out = home.run(&[
        "data",
        "pack",
        "tests/fixtures/invalid/several-errors.yaml",
        "--key",
        &key.display().to_string(),
        "-o",
        &target,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("aucun paquet écrit"));
    assert!(!Path::new(&target).exists());
}

#[test]
fn trusted_keys_in_the_data_must_be_minisign_keys() {
    let home = Home::new();
    let (_, public) = home.keygen("asso");
    let line = fs::read_to_string(&public)
        .expect("pub")
        .lines()
        .nth(1)
        .expect("line")
        .to_owned();
    let dir = fixture_version(home.dir.path(), "K");
    let meta = dir.join("meta.yaml");
    let original = fs::read_to_string(&meta).expect("meta");
    let with_keys =
        |keys: &str| original.replacen("meta:\n", &format!("meta:\n  trusted_keys: [{keys}]\n"), 1);
    fs::write(&meta, with_keys(&format!("\"{line}\""))).expect("write");
    let out = home.run(&["check", &dir.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    fs::write(&meta, with_keys("\"pas une clé\"")).expect("write");
    let out = home.run(&["check", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("clé de confiance invalide"));
}

/// On a terminal, install shows what changes and asks; anything but « o » installs nothing.
#[cfg(unix)]
#[test]
fn on_a_terminal_install_asks_before_changing_anything() {
    use expectrl::{Session, WaitStatus};
    let home = Home::new();
    let (key, public) = home.keygen("asso");
    home.trust(&public);
    let file = home.pack(Path::new(FIXTURE), &key, "maj.relais");
    let answer = |reply: &str| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_relais"));
        cmd.args(["data", "install", &file.display().to_string()])
            .env("HOME", home.dir.path())
            .env("XDG_DATA_HOME", home.path("share"))
            .env("XDG_CONFIG_HOME", home.path("config"))
            .env_remove("RELAIS_DATA")
            .env("NO_COLOR", "1");
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.set_expect_timeout(Some(std::time::Duration::from_secs(60)));
        session.expect("Installer ces données ? [o/N]").expect("the question");
        session.send_line(reply).expect("answer");
        let mut rest = Vec::new();
        let _ = std::io::Read::read_to_end(&mut session, &mut rest);
        let status = session.get_process().wait().expect("exit");
        (status, String::from_utf8_lossy(&rest).into_owned())
    };
    let (status, said) = answer("n");
    assert!(matches!(status, WaitStatus::Exited(_, 1)), "{status:?} {said}");
    assert!(said.contains("Rien n'a été installé"), "{said}");
    assert!(home.snapshot().is_empty());
    let (status, said) = answer("o");
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?} {said}");
    assert_eq!(home.status()["signature"]["signed"], true);
}
