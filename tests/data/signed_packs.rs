//! Signed data packs end to end, in a home of their own with throw-away keys: keygen, trust,
//! pack, verify and install; unsigned data needs `--allow-unsigned` and is then shown
//! « non signées »; an installed file edited afterwards is caught at start; `data diff` and
//! install show a changed phone old → new first; on a terminal, install asks.

use std::fs;
use std::path::{Path, PathBuf};

use relais::kb::manifest::{MANIFEST, SIGNATURE};
use relais::kb::trust;

use crate::support::data as data_support;
use crate::support::signing as signing_support;
use data_support::{FIXTURE, fixture_version};
use signing_support::{Home, text};

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
    let out = home.run(&["list"]);
    assert!(text(&out.stderr).contains("fichier modifié : faq.yaml"));
    assert!(home.status()["broken"].is_string());
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
    // The edited data is never used: every command says so, names the way out, and works on
    // the bundled data meanwhile.
    for args in [
        &["list"][..],
        &["search", "cai"],
        &["show", "cai-namur"],
        &["data", "status"],
    ] {
        let out = home.run(args);
        let (said, err) = (text(&out.stdout), text(&out.stderr));
        assert!(!said.contains("0470 99 99 99"), "{args:?}: {said}");
        assert!(
            err.contains("fichier modifié : contacts.yaml"),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("relais data restore") && err.contains("relais data reset"),
            "{err}"
        );
    }
    let status = home.status();
    assert_eq!(status["broken"], dir.display().to_string());
    assert!(
        status["origin"]
            .as_str()
            .is_some_and(|o| o.starts_with("données intégrées"))
    );
    // A file added beside the installed ones is caught too.
    fs::write(&contacts, &genuine).expect("put back");
    let out = home.run(&["list"]);
    assert!(out.status.success() && !text(&out.stderr).contains("ne se chargent pas"));
    fs::write(dir.join("ajout.yaml"), "synonyms: [[a, b]]\n").expect("add");
    let out = home.run(&["list"]);
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
        let mut cmd = crate::support::sandbox::relais(home.dir.path());
        cmd.args(["data", "install", &file.display().to_string()])
            .env("NO_COLOR", "1");
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.set_expect_timeout(Some(std::time::Duration::from_secs(60)));
        session
            .expect("Installer ces données ? [o/N]")
            .expect("the question");
        session.send_line(reply).expect("answer");
        let mut rest = Vec::new();
        let _ = std::io::Read::read_to_end(&mut session, &mut rest);
        let status = session.get_process().wait().expect("exit");
        (status, String::from_utf8_lossy(&rest).into_owned())
    };
    let (status, said) = answer("n");
    assert!(
        matches!(status, WaitStatus::Exited(_, 1)),
        "{status:?} {said}"
    );
    assert!(said.contains("Rien n'a été installé"), "{said}");
    assert!(home.snapshot().is_empty());
    let (status, said) = answer("o");
    assert!(
        matches!(status, WaitStatus::Exited(_, 0)),
        "{status:?} {said}"
    );
    assert_eq!(home.status()["signature"]["signed"], true);
}
