//! Compiles the bundled knowledge base once, at build time: parsed, validated and indexed with
//! the loader and the indexer of `relais-core`, then saved in its compiled form
//! (`relais_core::compiled`) in `OUT_DIR`, which `src/commands.rs` embeds. A start on the
//! bundled data then reads no YAML and builds no index. Invalid bundled data fails the build,
//! with every problem.

use std::path::PathBuf;

use relais_core::compiled::{BUNDLED_KEY, encode_packed};
use relais_core::kb::Origin;
use relais_core::kb::validate::load;
use relais_core::search::SearchIndex;

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=crates/relais-core/src");
    let loaded = match load(&Origin::Bundled, relais_core::kb::today()) {
        Ok(loaded) => loaded,
        Err(err) => {
            for d in err.diagnostics() {
                println!("cargo:warning={d}");
            }
            panic!("les données intégrées ne se chargent pas : {err}");
        }
    };
    let index = SearchIndex::new(&loaded.kb);
    let bytes = encode_packed(&loaded.kb, &index, loaded.files, &BUNDLED_KEY, lz4_hc)
        .unwrap_or_else(|e| panic!("forme compilée : {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bundled.kb");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    write_schemas();
    pack_page_script();
    drop_unwind_tables();
}

/// The scripts of the phone page, in the order the page holds them, as one text compressed
/// (deflate): `src/export/app.rs` writes them unpacked into every page it exports, which no
/// start and no keystroke does. 79 kB of script in 20 kB of binary.
const PAGE_SCRIPTS: [&str; 7] = [
    "stem.js",
    "search.js",
    "search_rank.js",
    "stem_en.js",
    "search_lang.js",
    "lang.js",
    "app.js",
];

fn pack_page_script() {
    let mut text = String::new();
    for name in PAGE_SCRIPTS {
        let path = PathBuf::from("src/export").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        text.push_str(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        );
    }
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("page-script.deflate");
    std::fs::write(
        &dest,
        miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 10),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// A part of the bundled form in LZ4 HC at its highest level, its length first: the same block
/// format as `lz4_flex` writes and the start unpacks, a third smaller than `lz4_flex`'s fast
/// compressor makes it, and no slower to unpack (BENCHMARKS.md « Binary size »). Build time only:
/// the binary holds the decoder of `lz4_flex`, not this compressor.
fn lz4_hc(part: &[u8]) -> Vec<u8> {
    lz4::block::compress(
        part,
        Some(lz4::block::CompressionMode::HIGHCOMPRESSION(12)),
        true,
    )
    .unwrap_or_else(|e| panic!("compression LZ4 HC : {e}"))
}

/// The JSON Schemas derived from the serde types of the data and translation files, written as
/// JSON for `relais schema` (`src/commands/schema.rs`), which adds the rules and descriptions:
/// the schema generator (`schemars`) then stays out of the binary.
fn write_schemas() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for (name, schema) in [
        ("data-schema.json", relais_core::kb::raw::data_schema()),
        (
            "translation-schema.json",
            relais_core::kb::i18n::schema::translation_schema(),
        ),
    ] {
        let dest = out.join(name);
        std::fs::write(&dest, schema.to_string())
            .unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}

/// The release binary aborts on a panic (`panic = "abort"`, after the hook has restored the
/// terminal): it never unwinds, so the unwind tables that the standard library and the crates
/// still carry (`.eh_frame`, 0.46 MB with its index) are dead weight. They only served
/// `RUST_BACKTRACE`, whose frames the stripped binary cannot name anyway. A linker script
/// added to the default one discards them from the release binary on Linux; debug builds and
/// tests (which unwind) keep them. BENCHMARKS.md « Binary size ».
fn drop_unwind_tables() {
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if !(release && linux) {
        return;
    }
    let script =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("no-unwind.ld");
    let text = "SECTIONS\n{\n  /DISCARD/ : { *(.eh_frame) *(.eh_frame_hdr) *(.gcc_except_table .gcc_except_table.*) }\n}\nINSERT AFTER .text;\n";
    std::fs::write(&script, text).unwrap_or_else(|e| panic!("{}: {e}", script.display()));
    println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
}
