//! Rebuild when the bundled knowledge base changes (it is embedded with `include_dir!`, which
//! cargo cannot see on its own), and name this build of the core: a hash of its sources, its
//! version and the locked dependencies, written into every compiled knowledge base so that a
//! binary never loads a compiled form that another build wrote (see `src/compiled.rs`).

use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=../../data");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=../../Cargo.lock");
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

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
