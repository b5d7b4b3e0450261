//! Rebuild when the bundled knowledge base changes: it is embedded with `include_dir!`, which
//! cargo cannot see on its own.

fn main() {
    println!("cargo:rerun-if-changed=../../data");
}
