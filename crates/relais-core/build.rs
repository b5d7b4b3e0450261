//! Two things for the core, at build time:
//!
//! - the bundled knowledge base (`data/`), packed compressed into `OUT_DIR/data.pack`, which
//!   `src/kb/source/bundled.rs` embeds: it is read only by `check`, packs, `eval` and the
//!   trusted-key lookup, since a start reads the compiled form. Each YAML file is compressed
//!   alone (deflate), with a flag when it names `trusted_keys`, so that the lookup unpacks those
//!   only;
//! - the French word list of the search, compressed (`lexicon.deflate`, see
//!   `src/search/expand/lexicon.rs`);
//! - the name of this build of the core: a hash of its sources, its version and the locked
//!   dependencies, written into every compiled knowledge base so that a binary never loads a
//!   compiled form that another build wrote (see `src/compiled.rs`).

use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=../../data");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=../../Cargo.lock");
    pack_data();
    pack_lexicon();
    let mut hasher = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files.push(Path::new("../../Cargo.lock").to_path_buf());
    files.sort();
    for file in files {
        file.to_string_lossy().hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo:rustc-env=RELAIS_BUILD_ID={:016x}", hasher.finish());
}

/// `data.pack`: for each YAML file of `data/`, by path: u16 length + path (below `data/`, with
/// `/`), u8 1 when it names `trusted_keys`, u32 length + the text compressed (deflate). All little endian.
fn pack_data() {
    let root = Path::new("../../data");
    let mut files = Vec::new();
    collect(root, &mut files);
    files.retain(|f| matches!(f.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")));
    let mut named: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|file| {
            let name = file
                .strip_prefix(root)
                .unwrap_or(&file)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            (name, file)
        })
        .collect();
    named.sort();
    let mut out = Vec::new();
    for (name, file) in named {
        let text = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let packed = miniz_oxide::deflate::compress_to_vec(&text, 10);
        let keys = text.windows(12).any(|w| w == b"trusted_keys");
        out.extend_from_slice(&u16::try_from(name.len()).unwrap_or(u16::MAX).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.push(u8::from(keys));
        out.extend_from_slice(
            &u32::try_from(packed.len())
                .unwrap_or(u32::MAX)
                .to_le_bytes(),
        );
        out.extend_from_slice(&packed);
    }
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("data.pack");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// `lexicon.deflate`: the French word list of the search (`src/search/expand/lexicon.txt`),
/// compressed (deflate).
fn pack_lexicon() {
    let text = std::fs::read("src/search/expand/lexicon.txt").unwrap_or_else(|e| panic!("{e}"));
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("lexicon.deflate");
    std::fs::write(&dest, miniz_oxide::deflate::compress_to_vec(&text, 10))
        .unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if path.is_dir() && !hidden {
            collect(&path, out);
        } else if !hidden {
            out.push(path);
        }
    }
}
