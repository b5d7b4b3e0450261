//! Two things for the core, at build time:
//!
//! - the bundled knowledge base (`data/`), packed compressed into `OUT_DIR/data.pack`, which
//!   `src/kb/source/bundled.rs` embeds: it is read only by `check`, packs, `eval` and the
//!   trusted-key lookup, since a start reads the compiled form. Each YAML file is compressed
//!   alone (deflate), with a flag when it names `trusted_keys`, so that the lookup unpacks those
//!   only;
//! - the French word list of the search, compressed (`lexicon.deflate`, see
//!   `src/search/expand/lexicon.rs`);
//! - the ASCII transliteration table of the folding (`src/kb/translit.rs`), made from the
//!   `deunicode` crate: the scripts text and queries are written in kept as they are, the rest
//!   (Chinese, Korean, historic scripts…) compressed;
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
    pack_translit();
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

/// `data.pack`: the YAML files of `data/`, by path. First u32 the number of files, then for
/// each u16 length + path (below `data/`, with `/`), u8 1 when it names `trusted_keys`, u32
/// length of its text; then the texts of the files that name `trusted_keys`, one after the
/// other, compressed (deflate) behind their u32 compressed length, and the texts of the others
/// in one compressed stream (smaller than each file alone: the files share their words). All
/// little endian.
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
    let mut out = u32::try_from(named.len())
        .unwrap_or(0)
        .to_le_bytes()
        .to_vec();
    let (mut with_keys, mut others) = (Vec::new(), Vec::new());
    for (name, file) in named {
        let text = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let keys = text.windows(12).any(|w| w == b"trusted_keys");
        out.extend_from_slice(&u16::try_from(name.len()).unwrap_or(u16::MAX).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.push(u8::from(keys));
        out.extend_from_slice(&u32::try_from(text.len()).unwrap_or(u32::MAX).to_le_bytes());
        if keys { &mut with_keys } else { &mut others }.extend_from_slice(&text);
    }
    let with_keys = miniz_oxide::deflate::compress_to_vec(&with_keys, 10);
    out.extend_from_slice(
        &u32::try_from(with_keys.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    out.extend_from_slice(&with_keys);
    out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&others, 10));
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("data.pack");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// `lexicon.deflate`: the French word list of the search (`src/search/expand/lexicon.txt`,
/// sorted), each word as the number of first letters it shares with the one before (one byte)
/// and the rest of it, ended by a newline, then compressed (deflate): 0.11 MB instead of 0.15.
fn pack_lexicon() {
    let text =
        std::fs::read_to_string("src/search/expand/lexicon.txt").unwrap_or_else(|e| panic!("{e}"));
    let mut shared = Vec::with_capacity(text.len());
    let mut before = "";
    for word in text.lines() {
        let same = word
            .bytes()
            .zip(before.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(usize::from(u8::MAX));
        shared.push(u8::try_from(same).unwrap_or(u8::MAX));
        shared.extend_from_slice(&word.as_bytes()[same..]);
        shared.push(b'\n');
        before = word;
    }
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("lexicon.deflate");
    std::fs::write(&dest, miniz_oxide::deflate::compress_to_vec(&shared, 10))
        .unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// The code points whose transliteration is kept as it is in the binary, sorted: Latin, Greek,
/// Cyrillic, Hebrew, Arabic; Ethiopic; phonetic and Latin extensions, punctuation, symbols,
/// arrows, shapes; presentation forms (ligatures, Arabic), full-width forms; emoji.
const TRANSLIT_HOT: [(u32, u32); 5] = [
    (0, 0x800),
    (0x1200, 0x1400),
    (0x1D00, 0x3000),
    (0xFB00, 0x1_0000),
    (0x1_F000, 0x1_FC00),
];

/// Past the last code point `deunicode` knows.
const TRANSLIT_END: u32 = 0x3_0000;

/// Code points per compressed chunk of the whole table (deflate looks back 32 kB at most: the
/// chunks compress almost as well as the whole).
const TRANSLIT_CHUNK: u32 = 4096;

/// The transliteration of every code point by `deunicode`, in two tables of the same layout: a
/// text holding every transliteration once, and per code point the offset of its
/// transliteration in the text (little endian, 2 bytes in the kept table, 3 in the compressed
/// one) and its length (1 byte; 255: none).
///
/// - `translit-hot.bin` + `translit-hot.txt`: the code points of [`TRANSLIT_HOT`], one range
///   after the other, and `translit.rs`, the ranges and where each starts in the table;
/// - `translit-cold.deflate`: the other code points below [`TRANSLIT_END`], by chunks of
///   [`TRANSLIT_CHUNK`], each its table then its text, compressed (deflate) alone and unpacked
///   the first time a character of the chunk outside the ranges is folded (`COLD_CHUNKS` in
///   `translit.rs`: where each starts).
fn pack_translit() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    // `width`: bytes of the offset (2 in the kept table, 3 in the compressed one, where the
    // entries compress better aligned on 4 bytes).
    let table = |points: &mut dyn Iterator<Item = u32>, width: usize| {
        let mut text = String::new();
        let mut seen = std::collections::HashMap::new();
        let mut entries = Vec::new();
        for cp in points {
            let found = char::from_u32(cp).and_then(deunicode::deunicode_char);
            let (at, len) = found.map_or((0, u8::MAX), |t| {
                let at = *seen.entry(t).or_insert_with(|| {
                    text.push_str(t);
                    text.len() - t.len()
                });
                let len = u8::try_from(t.len()).ok().filter(|&l| l < u8::MAX);
                (at, len.expect("translittération trop longue"))
            });
            assert!(at < 1 << (8 * width), "texte de translittération trop long");
            entries.extend_from_slice(&at.to_le_bytes()[..width]);
            entries.push(len);
        }
        (entries, text)
    };
    let (hot, hot_text) = table(&mut TRANSLIT_HOT.iter().flat_map(|&(a, b)| a..b), 2);
    let mut first = 0;
    let mut hot_ranges = Vec::new();
    for (start, end) in TRANSLIT_HOT {
        hot_ranges.push(format!("({start}, {end}, {first})"));
        first += end - start;
    }
    let mut cold = Vec::new();
    let mut cold_ends = vec![String::from("0")];
    for start in (0..TRANSLIT_END).step_by(TRANSLIT_CHUNK as usize) {
        // The code points of the kept ranges are never looked up here: left empty.
        let kept = |cp: &u32| TRANSLIT_HOT.iter().any(|&(a, b)| (a..b).contains(cp));
        let mut points =
            (start..start + TRANSLIT_CHUNK).map(|cp| if kept(&cp) { u32::MAX } else { cp });
        let (entries, text) = table(&mut points, 3);
        let mut chunk = entries;
        chunk.extend_from_slice(text.as_bytes());
        cold.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(&chunk, 10));
        cold_ends.push(cold.len().to_string());
    }
    let ranges = format!(
        "/// The ranges of the kept table: first code point, end, first entry.\n\
         #[allow(clippy::unreadable_literal)] // written by build.rs\n\
         const HOT_RANGES: [(u32, u32, u32); {}] = [{}];\n\
         /// Where each compressed chunk of the whole table starts in `COLD`, and its end.\n\
         #[allow(clippy::unreadable_literal)]\n\
         const COLD_CHUNKS: [u32; {}] = [{}];\n",
        hot_ranges.len(),
        hot_ranges.join(", "),
        cold_ends.len(),
        cold_ends.join(", "),
    );
    for (name, bytes) in [
        ("translit-hot.bin", hot),
        ("translit-hot.txt", hot_text.into_bytes()),
        ("translit.rs", ranges.into_bytes()),
        ("translit-cold.deflate", cold),
    ] {
        let dest = out.join(name);
        std::fs::write(&dest, bytes).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
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
