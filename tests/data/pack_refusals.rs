//! Packs that must be refused, and keys: a pack with any one byte changed, or re-signed with a
//! key relais does not trust, changes nothing; the `minisign` crate's own verification accepts
//! what relais signs; password-protected keys; invalid data is never packed; trusted keys named
//! in the data must be keys.

use std::fs;
use std::io::Cursor;
use std::path::Path;

use proptest::prelude::*;
use relais::kb::pack;
use relais::kb::signing::Signer;
use relais::kb::trust::{self, KeySource, TrustedKey};

use crate::support::data as data_support;
use crate::support::signing as signing_support;
use data_support::{FIXTURE, fixture_version};
use signing_support::{Home, text};

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
    // Asked for in so many words, it installs, but as unsigned data.
    let out = home.run(&[
        "data",
        "install",
        "--allow-unsigned",
        "--yes",
        &bad.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(home.status()["signature"]["signed"], false);
    assert_eq!(home.status()["meta"]["unsigned"], true);
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
