//! The knowledge base compiled into the binary: its files, their texts, and the trusted keys
//! they name.

use std::path::Path;

use include_dir::{Dir, include_dir};

use super::{QUERIES, SourceFile, is_yaml};

/// The knowledge base compiled into the binary.
static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../data");

/// The public keys named by the bundled data's `meta.trusted_keys`. Cheap: only the files that
/// mention them are parsed, and only for that section.
#[must_use]
pub fn bundled_trusted_keys() -> Vec<String> {
    let mut texts = Vec::new();
    let mut dirs = vec![&BUNDLED];
    while let Some(dir) = dirs.pop() {
        dirs.extend(dir.dirs());
        texts.extend(
            dir.files()
                .filter(|f| is_yaml(f.path()))
                .filter_map(|f| std::str::from_utf8(f.contents()).ok()),
        );
    }
    trusted_keys_in(texts)
}

/// The keys of `meta.trusted_keys` in `texts` (YAML files); a file that names none, or only an
/// empty list, is not parsed.
fn trusted_keys_in<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Keys {
        meta: Option<MetaKeys>,
    }
    #[derive(serde::Deserialize)]
    struct MetaKeys {
        #[serde(default)]
        trusted_keys: Vec<String>,
    }
    let mut keys = Vec::new();
    for text in texts {
        let named = text.contains("trusted_keys")
            && text.lines().any(|l| {
                let l = l.trim();
                l.starts_with("trusted_keys:") && l != "trusted_keys: []"
            });
        if named && let Ok(Keys { meta: Some(meta) }) = serde_saphyr::from_str::<Keys>(text) {
            keys.extend(meta.trusted_keys);
        }
    }
    keys
}

pub(super) fn bundled_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    collect_bundled(&BUNDLED, &mut files);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// The text of every bundled YAML file, unvalidated.
pub(crate) fn bundled_texts() -> impl Iterator<Item = &'static str> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<&'static str>) {
        out.extend(
            dir.files()
                .filter(|f| is_yaml(f.path()))
                .filter_map(include_dir::File::contents_utf8),
        );
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut out = Vec::new();
    walk(&BUNDLED, &mut out);
    out.into_iter()
}

fn collect_bundled(dir: &Dir<'_>, out: &mut Vec<SourceFile>) {
    let own_queries = |f: &&include_dir::File<'_>| f.path() == Path::new(QUERIES);
    for file in dir.files().filter(|f| is_yaml(f.path()) && !own_queries(f)) {
        out.push(SourceFile {
            name: format!("data/{}", file.path().display()),
            text: String::from_utf8_lossy(file.contents()).into_owned(),
        });
    }
    for sub in dir.dirs() {
        collect_bundled(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::trusted_keys_in;

    #[test]
    fn trusted_keys_are_read_from_the_meta_section_only() {
        let with =
            "meta:\n  title: x\n  trusted_keys:\n    - RWQabc\n    - RWQdef\nsynonyms: [[a, b]]\n";
        let empty = "meta:\n  trusted_keys: []\n";
        let elsewhere = "# trusted_keys: RWQxyz\nentries: []\n";
        assert_eq!(
            trusted_keys_in([with, empty, elsewhere]),
            ["RWQabc", "RWQdef"]
        );
        assert!(trusted_keys_in([empty, elsewhere, "meta: [broken"]).is_empty());
    }
}
