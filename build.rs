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
    let bytes = encode_packed(&loaded.kb, &index, loaded.files, &BUNDLED_KEY)
        .unwrap_or_else(|e| panic!("forme compilée : {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bundled.kb");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
