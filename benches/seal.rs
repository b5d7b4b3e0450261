//! The check that relais makes at each start on installed data: the SHA-256 of every installed
//! file against the manifest, and the minisign signature of the manifest. Measured on the
//! bundled data (about 230 KB in 10 files) installed as a signed pack.
//!
//! Run with `cargo bench --bench seal`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use relais::kb::manifest::{MANIFEST, Manifest, SIGNATURE, listed};
use relais::kb::seal::check_installed;
use relais::kb::signing::{Signer, generate};
use relais::kb::store::Store;
use relais::kb::trust::{KeySource, TrustedKey};
use relais::kb::{Origin, today, validate::validate};

fn bench(c: &mut Criterion) {
    let files = Origin::Bundled.read().expect("bundled");
    let (kb, _) = validate(&files, today()).expect("valid");
    let base = std::path::Path::new("data");
    let entries = listed(base, &files).expect("names");
    let manifest = Manifest::new(&kb.meta, &entries);
    let (secret, public) = generate(None).expect("keys");
    let signature = Signer::from_key_file(&secret, || unreachable!())
        .expect("signer")
        .sign(&manifest)
        .expect("sign");
    let home = tempfile::tempdir().expect("dir");
    let store = Store::new(home.path());
    let text = manifest.render();
    let dir = store
        .install_sealed(
            base,
            &files,
            &[
                (MANIFEST, text.as_bytes()),
                (SIGNATURE, signature.as_bytes()),
            ],
        )
        .expect("install");
    let installed = Origin::UserDir(dir.clone()).read().expect("read");
    let keys = [TrustedKey {
        key: public,
        source: KeySource::Bundled,
    }];
    let bytes: usize = installed.iter().map(|f| f.text.len()).sum();
    eprintln!("{} files, {bytes} bytes", installed.len());
    assert!(
        check_installed(&dir, &installed, &keys)
            .expect("intact")
            .is_signed()
    );
    c.bench_function("seal/check_installed/bundled", |b| {
        b.iter(|| check_installed(black_box(&dir), black_box(&installed), &keys));
    });
    c.bench_function("seal/read_installed/bundled", |b| {
        b.iter(|| Origin::UserDir(black_box(dir.clone())).read());
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
