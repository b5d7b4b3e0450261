//! Shared by the `relais data` tests: versions of a small valid knowledge base to install.

use std::fs;
use std::path::{Path, PathBuf};

/// A small valid knowledge base in three files (meta, FAQ, contacts).
pub const FIXTURE: &str = "tests/fixtures/export";

/// A copy of the fixture in `dir/data-VERSION` whose `meta.version` is `version`, so that
/// `relais data status` tells the versions apart.
pub fn fixture_version(dir: &Path, version: &str) -> PathBuf {
    let target = dir.join(format!("data-{version}"));
    fs::create_dir_all(&target).expect("dir");
    for name in ["meta.yaml", "faq.yaml", "contacts.yaml"] {
        let text = fs::read_to_string(Path::new(FIXTURE).join(name)).expect("fixture");
        let text = text.replace(
            "version: \"2026.01.15\"",
            &format!("version: \"{version}\""),
        );
        if name == "meta.yaml" {
            assert!(text.contains(&format!("version: \"{version}\"")), "{name}");
        }
        fs::write(target.join(name), text).expect("write");
    }
    target
}
