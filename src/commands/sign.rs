//! `relais data keygen | pack | verify`: the publisher's side of signed updates, and checking
//! a pack's signature. The keys a volunteer's relais trusts are in `trusted`.

use std::io::{IsTerminal as _, Write};
use std::path::Path;

use anyhow::Context as _;

use super::{Painter, Status};
use crate::kb::manifest::Manifest;
use crate::kb::pack;
use crate::kb::signing::{self, SigningError};
use crate::kb::trust::{self, Signer};
use crate::kb::validate::load;
use crate::kb::{Origin, Severity};

/// The environment variable that gives the secret key's password to scripts; without it, the
/// password is asked on the terminal.
pub const PASSWORD_VARIABLE: &str = "RELAIS_KEY_PASSWORD";

pub(super) fn neutral(s: &str) -> String {
    crate::kb::text::neutralize(s).into_owned()
}

/// The message for a file name that a pack or an installed version may not hold.
pub fn bad_name(rel: &str) -> String {
    format!(
        "nom de fichier refusé : {} (un dossier de données ne peut contenir que des fichiers \
         .yaml ou .yml aux noms visibles, sans : \\ * ? \" < > |)",
        crate::kb::text::neutralize(rel)
    )
}

/// The password: from [`PASSWORD_VARIABLE`], or typed on the terminal without echo (twice when
/// `confirm`).
fn password(confirm: bool) -> Result<String, SigningError> {
    if let Ok(p) = std::env::var(PASSWORD_VARIABLE)
        && !p.is_empty()
    {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(SigningError::Password(format!(
            "pas de terminal pour taper le mot de passe : définissez {PASSWORD_VARIABLE} (scripts)"
        )));
    }
    let ask = |prompt: &str| {
        rpassword::prompt_password(prompt)
            .map_err(|e| SigningError::Password(format!("mot de passe non lu ({e})")))
    };
    let first = ask("Mot de passe de la clé secrète : ")?;
    if first.is_empty() {
        return Err(SigningError::Password("mot de passe vide".to_owned()));
    }
    if confirm && ask("Le même, une seconde fois : ")? != first {
        return Err(SigningError::Password(
            "les deux mots de passe diffèrent".to_owned(),
        ));
    }
    Ok(first)
}

/// `relais data keygen --out DIR [--name NAME] [--no-password]`.
pub fn keygen(
    dir: &Path,
    name: &str,
    no_password: bool,
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !plain {
        eprintln!(
            "relais : nom de clé refusé « {} » : lettres, chiffres, - _ . seulement",
            neutral(name)
        );
        return Ok(Status::Invalid);
    }
    let secret_path = dir.join(format!("{name}.key"));
    let public_path = dir.join(format!("{name}.pub"));
    for path in [&secret_path, &public_path] {
        if path.exists() {
            eprintln!(
                "relais : {} existe déjà : rien n'a été écrit (une clé ne s'écrase pas ; choisissez un autre --name ou --out)",
                neutral(&path.display().to_string())
            );
            return Ok(Status::Invalid);
        }
    }
    let password = if no_password {
        None
    } else {
        match password(true) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("relais : {e} ; ou --no-password pour une clé sans mot de passe");
                return Ok(Status::Invalid);
            }
        }
    };
    let (secret, public) = signing::generate(password)?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("Impossible de créer {}", dir.display()))?;
    write_secret(&secret_path, secret.as_bytes())
        .with_context(|| format!("Impossible d'écrire {}", secret_path.display()))?;
    std::fs::write(&public_path, public.file_text())
        .with_context(|| format!("Impossible d'écrire {}", public_path.display()))?;
    writeln!(out, "Identifiant de la clé : {}", public.id)?;
    writeln!(
        out,
        "Clé secrète : {} (à garder secrète, hors de tout dépôt et de toute clé USB distribuée)",
        secret_path.display()
    )?;
    writeln!(
        out,
        "Clé publique : {} (à distribuer)",
        public_path.display()
    )?;
    writeln!(
        out,
        "Pour faire confiance à cette clé : relais data trust {}",
        public_path.display()
    )?;
    Ok(Status::Success)
}

/// Writes the secret key, readable by its owner only, never over an existing file.
fn write_secret(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// `relais data pack DIR --key KEY -o FILE`.
pub fn pack(
    dir: &Path,
    key: &Path,
    output: &Path,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let origin = Origin::Given(dir.to_path_buf());
    let loaded = match load(&origin, crate::kb::today()) {
        Ok(loaded) => loaded,
        Err(err) => {
            super::report_load_error(&origin, &err);
            eprintln!("relais : aucun paquet écrit.");
            return Ok(Status::Invalid);
        }
    };
    for w in loaded
        .warnings
        .iter()
        .filter(|w| w.severity == Severity::Warning)
    {
        eprintln!("{w}");
    }
    if let Some(queries) = super::eval::own_queries(dir)
        && super::eval::run_own(&loaded, &queries, out)? != Status::Success
    {
        eprintln!("relais : aucun paquet écrit.");
        return Ok(Status::Invalid);
    }
    let mut files = origin.read()?;
    if let Some(queries) = super::eval::own_queries(dir) {
        let bytes =
            std::fs::read(&queries).with_context(|| crate::strings::cannot_read(&queries))?;
        files.push(crate::kb::source::decode(
            queries.display().to_string(),
            bytes,
        )?);
    }
    let entries = match crate::kb::manifest::listed(dir, &files) {
        Ok(entries) => entries,
        Err(bad) => {
            eprintln!("relais : {} ; aucun paquet écrit.", bad_name(&bad));
            return Ok(Status::Invalid);
        }
    };
    let key_text = std::fs::read_to_string(key)
        .with_context(|| format!("Impossible de lire la clé {}", key.display()))?;
    let signer = match signing::Signer::from_key_file(&key_text, || password(false)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "relais : {} : {e} ; aucun paquet écrit.",
                neutral(&key.display().to_string())
            );
            return Ok(Status::Invalid);
        }
    };
    let manifest = Manifest::new(&loaded.kb.meta, &entries);
    let signature = signer.sign(&manifest)?;
    let mtime = u64::try_from(jiff::Timestamp::now().as_second()).unwrap_or(0);
    let bytes = pack::write(&manifest.render(), &signature, &entries, mtime)?;
    // What was written must read back and verify with the key's own public half.
    let check = pack::read(&bytes)?;
    let own = [trust::TrustedKey {
        key: signer.public_key(),
        source: trust::KeySource::Bundled,
    }];
    trust::check_signature(check.manifest_text.as_bytes(), &check.signature, &own)?;
    super::output::write(output, &bytes)
        .with_context(|| format!("Impossible d'écrire {}", output.display()))?;
    writeln!(out, "{} {}", p.bold("Paquet écrit :"), output.display())?;
    writeln!(
        out,
        "{} fichier(s), {} octets, signé par la clé {}",
        entries.len(),
        bytes.len(),
        signer.public_key().id
    )?;
    writeln!(
        out,
        "À vérifier avant de le distribuer : relais data verify {}",
        output.display()
    )?;
    Ok(Status::Success)
}

/// Who signed a pack whose structure holds, as `verify` and `install` say it.
pub fn describe(
    pack: &pack::Pack,
    signer: &Signer,
    out: &mut dyn Write,
    p: Painter,
) -> std::io::Result<()> {
    let m = &pack.manifest;
    let none = || p.dim("(non indiqué)");
    match signer {
        Signer::Trusted(k) => writeln!(
            out,
            "{} clé {} ({})",
            p.bold("Signature valide :"),
            k.key.id,
            neutral(&k.source.to_string())
        )?,
        Signer::Unknown { key_id } => writeln!(
            out,
            "{}",
            p.warn(&format!(
                "Signé par la clé {key_id}, qui n'est pas une clé de confiance"
            ))
        )?,
    }
    writeln!(
        out,
        "Éditeur : {}",
        m.publisher.as_deref().map_or_else(none, neutral)
    )?;
    writeln!(
        out,
        "Version : {}",
        m.version.as_deref().map_or_else(none, neutral)
    )?;
    writeln!(
        out,
        "Date : {}",
        m.date.as_deref().map_or_else(none, neutral)
    )?;
    writeln!(
        out,
        "{} fichier(s), chacun conforme au manifeste",
        m.files.len()
    )
}

/// The advice for a pack signed by a key relais does not trust.
pub fn unknown_key_advice(key_id: &str) -> String {
    format!(
        "relais : la clé {key_id} n'est pas une clé de confiance. Si vous connaissez l'éditeur, \
         comparez avec lui cet identifiant, puis : relais data trust SA_CLÉ.pub"
    )
}

/// `relais data verify FILE`.
pub fn verify(file: &Path, out: &mut dyn Write, p: Painter) -> anyhow::Result<Status> {
    let shown = neutral(&file.display().to_string());
    if !pack::is_pack_file(file) {
        eprintln!(
            "relais : {shown} n'est pas un paquet de relais (un fichier écrit par relais data pack) : \
             aucune signature à vérifier"
        );
        return Ok(Status::Invalid);
    }
    let pack = match pack::read_file(file) {
        Ok(pack) => pack,
        Err(e) => {
            eprintln!("relais : {shown} : {}", neutral(&e.to_string()));
            return Ok(Status::Invalid);
        }
    };
    let keys = trust::trusted_keys(trust::keys_dir().as_deref());
    match trust::check_signature(pack.manifest_text.as_bytes(), &pack.signature, &keys) {
        Ok(signer) => {
            describe(&pack, &signer, out, p)?;
            if let Signer::Unknown { key_id } = signer {
                eprintln!("{}", unknown_key_advice(&key_id));
                return Ok(Status::Invalid);
            }
            Ok(Status::Success)
        }
        Err(e) => {
            eprintln!("relais : {shown} : {e}");
            Ok(Status::Invalid)
        }
    }
}
