//! The knowledge base compiled into the binary: its files, their texts, and the trusted keys
//! they name.

use std::sync::OnceLock;

use super::{QUERIES, SourceFile};

/// The knowledge base built into the binary (`build.rs` of the core: `data.pack`): the list of
/// its YAML files, then their texts compressed, those that name `trusted_keys` apart.
static PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.pack"));

/// One file of [`PACK`].
struct Packed {
    /// Path below `data/`, with `/`.
    name: &'static str,
    /// It names `trusted_keys`.
    keys: bool,
    /// The length of its text, in bytes.
    len: usize,
}

/// The first `n` bytes of `rest`, which keeps the others.
fn take(rest: &mut &'static [u8], n: usize) -> Option<&'static [u8]> {
    let (head, tail) = (rest.get(..n)?, rest.get(n..)?);
    *rest = tail;
    Some(head)
}

/// The files of [`PACK`] in path order, the texts of those that name `trusted_keys` and the
/// texts of the others (each compressed). The pack is made by the build and embedded with the
/// code: one that does not read (a damaged binary) is empty, and validation says what is
/// missing.
fn packed() -> (Vec<Packed>, &'static [u8], &'static [u8]) {
    fn read() -> Option<(Vec<Packed>, &'static [u8], &'static [u8])> {
        let mut rest = PACK;
        let count = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?);
        let mut files = Vec::new();
        for _ in 0..count {
            let len = u16::from_le_bytes(take(&mut rest, 2)?.try_into().ok()?) as usize;
            let name = std::str::from_utf8(take(&mut rest, len)?).ok()?;
            let keys = take(&mut rest, 1)? == [1];
            let len = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?) as usize;
            files.push(Packed { name, keys, len });
        }
        let len = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?) as usize;
        let with_keys = take(&mut rest, len)?;
        Some((files, with_keys, rest))
    }
    read().unwrap_or_default()
}

/// The texts of `files`, one after the other in `stream`, unpacked: (path, text). A text that
/// does not unpack reads as empty.
fn texts<'a>(
    files: impl Iterator<Item = &'a Packed>,
    stream: &[u8],
) -> Vec<(&'static str, String)> {
    let all = miniz_oxide::inflate::decompress_to_vec(stream).unwrap_or_default();
    let mut at = 0;
    files
        .map(|file| {
            let text = all
                .get(at..at + file.len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default();
            at += file.len;
            (file.name, text.to_owned())
        })
        .collect()
}

/// Every bundled YAML file, unpacked once: (path below `data/`, text), in path order.
fn unpacked() -> &'static [(&'static str, String)] {
    static FILES: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let (files, with_keys, others) = packed();
        let mut all = texts(files.iter().filter(|f| f.keys), with_keys);
        all.extend(texts(files.iter().filter(|f| !f.keys), others));
        all.sort_by_key(|(name, _)| *name);
        all
    })
}

/// The public keys named by the bundled data's `meta.trusted_keys`. Cheap: only the files that
/// mention them are unpacked and parsed, and only for that section.
#[must_use]
pub fn bundled_trusted_keys() -> Vec<String> {
    let (files, with_keys, _) = packed();
    let texts = texts(files.iter().filter(|f| f.keys), with_keys);
    trusted_keys_in(texts.iter().map(|(_, text)| text.as_str()))
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
    unpacked()
        .iter()
        .filter(|(name, _)| *name != QUERIES)
        .map(|(name, text)| SourceFile {
            name: format!("data/{name}"),
            text: text.clone(),
        })
        .collect()
}

/// The text of every bundled YAML file, unvalidated.
pub(crate) fn bundled_texts() -> impl Iterator<Item = &'static str> {
    unpacked().iter().map(|(_, text)| text.as_str())
}

#[cfg(test)]
mod tests {
    use super::{packed, trusted_keys_in, unpacked};

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

    #[test]
    fn the_pack_holds_every_yaml_file_of_data() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        let mut on_disk = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("data").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if super::super::is_yaml(&path) {
                    let name = path.strip_prefix(&root).expect("below data");
                    let name = name.to_string_lossy().replace('\\', "/");
                    on_disk.push((name, std::fs::read_to_string(&path).expect("utf-8")));
                }
            }
        }
        on_disk.sort();
        let packed: Vec<(String, String)> = unpacked()
            .iter()
            .map(|(n, t)| ((*n).to_owned(), t.clone()))
            .collect();
        assert_eq!(packed, on_disk);
        let flagged: Vec<&str> = packed_names_with_keys();
        assert!(flagged.contains(&"meta.yaml"), "{flagged:?}");
    }

    fn packed_names_with_keys() -> Vec<&'static str> {
        packed()
            .0
            .iter()
            .filter(|p| p.keys)
            .map(|p| p.name)
            .collect()
    }
}
