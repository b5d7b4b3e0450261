//! The manifest of a data pack: version, date and publisher of the data, and the SHA-256 of
//! every file. It is the text that the pack's minisign signature covers, and the installed copy
//! keeps it so that relais can tell, at each start, whether a file was edited since.
//!
//! It is written in the format of `sha256sum`, with its header as comment lines, so that
//! `sha256sum -c MANIFEST.sha256` checks an unpacked pack by hand:
//!
//! ```text
//! # relais-pack 1
//! # version: 2026.12.01
//! # date: 2026-12-01
//! # publisher: CAI Namur
//! 6d2f…(64 hexadecimal digits)  data/contacts.yaml
//! ```
//!
//! Paths are below `data/`, with `/`, sorted, each once. Only one spelling of a manifest is
//! accepted: the one [`Manifest::render`] writes.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use super::Meta;

/// The manifest's name, in a pack and in an installed version.
pub const MANIFEST: &str = "MANIFEST.sha256";
/// The minisign signature of the manifest, beside it.
pub const SIGNATURE: &str = "MANIFEST.sha256.minisig";
/// The folder of the data files in a pack.
pub const DATA_DIR: &str = "data";
/// The first line, naming the format and its version.
const FORMAT: &str = "# relais-pack 1";

/// A manifest that is not one relais wrote.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("manifeste illisible : {0}")]
pub struct ManifestError(pub String);

/// What a manifest says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    pub version: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    /// Each file's path below `data/` and its SHA-256 in lowercase hexadecimal, sorted by path.
    pub files: Vec<(String, String)>,
}

/// The SHA-256 of `bytes` in lowercase hexadecimal.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// A path a pack may hold below `data/`: plain visible names separated by `/`, ending in
/// `.yaml` or `.yml`, nothing that could climb out of the folder.
#[must_use]
pub fn is_safe_path(path: &str) -> bool {
    let parts_ok = path.split('/').all(|part| {
        !part.is_empty()
            && !part.starts_with('.')
            && part.chars().all(|c| {
                !c.is_control() && !matches!(c, '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
            })
    });
    parts_ok
        && path.len() <= 200
        && matches!(
            std::path::Path::new(path)
                .extension()
                .and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        )
        && path.split('/').count() <= 8
}

/// The paths below `data/` that `files`, read from `base`, get in a pack or an installed version
/// (the names [`super::installed`] gives them), with their bytes, sorted by path.
///
/// # Errors
/// The first path that a pack may not hold (see [`is_safe_path`]).
pub fn listed<'a>(
    base: &std::path::Path,
    files: &'a [super::SourceFile],
) -> Result<Vec<(String, &'a [u8])>, String> {
    let mut out = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        let rel = super::installed::relative_name(base, &file.name, index);
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = parts.join("/");
        if !is_safe_path(&rel) {
            return Err(rel);
        }
        out.push((rel, file.text.as_bytes()));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// A header value on one line: control characters and line breaks become spaces.
fn one_line(value: &str) -> String {
    let spaced: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Manifest {
    /// The manifest of `files` (path below `data/`, bytes), with the data's `meta`.
    #[must_use]
    pub fn new(meta: &Meta, files: &[(String, &[u8])]) -> Self {
        let mut listed: Vec<(String, String)> = files
            .iter()
            .map(|(path, bytes)| (path.clone(), sha256_hex(bytes)))
            .collect();
        listed.sort();
        listed.dedup_by(|a, b| a.0 == b.0);
        let clean = |v: &Option<String>| v.as_deref().map(one_line).filter(|v| !v.is_empty());
        Self {
            version: clean(&meta.version),
            date: meta.date.map(|d| d.to_string()),
            publisher: clean(&meta.publisher),
            files: listed,
        }
    }

    /// The manifest's text: exactly what is signed.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = format!("{FORMAT}\n");
        for (key, value) in [
            ("version", &self.version),
            ("date", &self.date),
            ("publisher", &self.publisher),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "# {key}: {v}");
            }
        }
        for (path, hash) in &self.files {
            let _ = writeln!(out, "{hash}  {DATA_DIR}/{path}");
        }
        out
    }

    /// Reads a manifest written by [`Manifest::render`], and nothing else.
    ///
    /// # Errors
    /// Any other text: another format, a bad line, an unsafe or repeated path, another order.
    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        let bad = |why: &str| ManifestError(why.to_owned());
        let mut lines = text.lines();
        if lines.next() != Some(FORMAT) {
            return Err(bad("ce n'est pas un manifeste de relais (format 1)"));
        }
        let mut manifest = Self::default();
        for line in lines {
            if let Some(header) = line.strip_prefix("# ") {
                let (key, value) = header
                    .split_once(": ")
                    .ok_or_else(|| bad("ligne d'en-tête mal formée"))?;
                let slot = match key {
                    "version" => &mut manifest.version,
                    "date" => &mut manifest.date,
                    "publisher" => &mut manifest.publisher,
                    _ => return Err(bad("en-tête inconnu")),
                };
                *slot = Some(value.to_owned());
                continue;
            }
            let (hash, path) = line
                .split_once("  ")
                .ok_or_else(|| bad("ligne de fichier mal formée"))?;
            let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
            if hash.len() != 64 || !hash.chars().all(hex) {
                return Err(bad("empreinte SHA-256 mal formée"));
            }
            let path = path
                .strip_prefix(&format!("{DATA_DIR}/"))
                .filter(|p| is_safe_path(p))
                .ok_or_else(|| bad("chemin de fichier refusé"))?;
            manifest.files.push((path.to_owned(), hash.to_owned()));
        }
        if manifest.files.is_empty() {
            return Err(bad("aucun fichier"));
        }
        if !manifest.files.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(bad("fichiers hors de l'ordre alphabétique, ou en double"));
        }
        if manifest.render() != text {
            return Err(bad(
                "ordre, doublon ou mise en forme différents de ceux de relais",
            ));
        }
        Ok(manifest)
    }

    /// What differs between the manifest and `files` (path below `data/`, bytes), in French:
    /// one line per file changed, missing or added. Empty when they match.
    #[must_use]
    pub fn mismatches(&self, files: &[(String, &[u8])]) -> Vec<String> {
        let mut problems = Vec::new();
        for (path, hash) in &self.files {
            match files.iter().find(|(p, _)| p == path) {
                None => problems.push(format!("fichier manquant : {path}")),
                Some((_, bytes)) if sha256_hex(bytes) != *hash => {
                    problems.push(format!("fichier modifié : {path}"));
                }
                Some(_) => {}
            }
        }
        for (path, _) in files {
            if !self.files.iter().any(|(p, _)| p == path) {
                problems.push(format!("fichier ajouté : {path}"));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        let meta = Meta {
            version: Some("2026.12.01".into()),
            publisher: Some("CAI\nNamur".into()),
            ..Meta::default()
        };
        Manifest::new(
            &meta,
            &[
                ("faq/b.yaml".into(), b"b".as_slice()),
                ("a.yaml".into(), b"a".as_slice()),
            ],
        )
    }

    #[test]
    fn renders_sorted_in_sha256sum_format_and_reads_back() {
        let m = sample();
        let text = m.render();
        assert!(
            text.starts_with("# relais-pack 1\n# version: 2026.12.01\n# publisher: CAI Namur\n")
        );
        assert!(text.contains(&format!("{}  data/a.yaml\n", sha256_hex(b"a"))));
        assert!(text.find("data/a.yaml") < text.find("data/faq/b.yaml"));
        assert_eq!(Manifest::parse(&text).expect("parse"), m);
    }

    #[test]
    fn only_the_canonical_text_is_accepted() {
        let text = sample().render();
        let swapped = {
            let mut lines: Vec<&str> = text.lines().collect();
            let n = lines.len();
            lines.swap(n - 1, n - 2);
            lines.join("\n") + "\n"
        };
        for bad in [
            text.replace("relais-pack 1", "relais-pack 2"),
            text.replace("  data/a.yaml", " data/a.yaml"),
            text.replace("data/a.yaml", "data/../a.yaml"),
            text.replace("data/a.yaml", "data/.a.yaml"),
            text.trim_end().to_owned(),
            format!("{text}\n"),
            text.to_uppercase(),
            swapped,
        ] {
            assert!(Manifest::parse(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mismatches_name_changed_missing_and_added_files() {
        let m = sample();
        assert!(
            m.mismatches(&[
                ("a.yaml".into(), b"a".as_slice()),
                ("faq/b.yaml".into(), b"b".as_slice())
            ])
            .is_empty()
        );
        let found = m.mismatches(&[
            ("a.yaml".into(), b"A".as_slice()),
            ("c.yaml".into(), b"c".as_slice()),
        ]);
        assert_eq!(
            found,
            [
                "fichier modifié : a.yaml",
                "fichier manquant : faq/b.yaml",
                "fichier ajouté : c.yaml"
            ]
        );
    }
}
