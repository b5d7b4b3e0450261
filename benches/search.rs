//! Search speed: `query` as a user types letter by letter, on the bundled data and on generated
//! knowledge bases of 1,000, 10,000 and 100,000 entries; and the load of a 10,000-entry
//! knowledge base (parse, validate, index).
//!
//! Run with `cargo bench --bench search`. Each keystroke benchmark runs every prefix of the
//! typed text once per iteration and reports throughput in keystrokes: the time per keystroke
//! is the inverse.

#[path = "gen/mod.rs"]
mod generator;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use relais::kb::validate::{load, validate};
use relais::kb::{KnowledgeBase, Origin, SourceFile};
use relais::search::SearchIndex;

/// What people type: a plain two-word query, one with a typo and no accents, and a longer
/// question in everyday words.
const TYPED: &[(&str, &str)] = &[
    ("deux-mots", "hébergement solidaire"),
    ("faute", "herbergement voiture"),
    ("question", "que faire si la police arrete un migrant"),
];

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

fn prefixes(text: &str) -> Vec<&str> {
    text.char_indices()
        .map(|(i, c)| &text[..i + c.len_utf8()])
        .collect()
}

fn keystrokes(c: &mut Criterion, name: &str, kb: &KnowledgeBase, samples: usize) {
    let index = SearchIndex::new(kb);
    let mut group = c.benchmark_group(format!("keystroke/{name}"));
    group.sample_size(samples);
    group.measurement_time(Duration::from_secs(4));
    for &(label, text) in TYPED {
        let typed = prefixes(text);
        group.throughput(Throughput::Elements(typed.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &typed, |b, typed| {
            b.iter(|| {
                for q in typed {
                    black_box(index.query(q));
                }
            });
        });
    }
    group.finish();
}

fn bundled(c: &mut Criterion) {
    let kb = load(&Origin::Bundled, today()).expect("bundled data").kb;
    keystrokes(c, "bundled", &kb, 50);
}

fn generated(c: &mut Criterion) {
    for (name, n, samples) in [
        ("1k", 1_000, 30),
        ("10k", 10_000, 20),
        ("100k", 100_000, 10),
    ] {
        let kb = generator::knowledge_base(n);
        keystrokes(c, name, &kb, samples);
    }
}

/// The phases of a start on the bundled data: what `relais search` does before searching.
fn load_bundled(c: &mut Criterion) {
    let mut group = c.benchmark_group("load/bundled");
    group.bench_function("read", |b| {
        b.iter(|| black_box(Origin::Bundled.read().expect("bundled")));
    });
    let files = Origin::Bundled.read().expect("bundled");
    group.bench_function("validate", |b| {
        b.iter(|| black_box(validate(black_box(&files), today()).expect("valid")));
    });
    let (kb, _) = validate(&files, today()).expect("valid");
    group.bench_function("index", |b| b.iter(|| black_box(SearchIndex::new(&kb))));
    group.finish();
}

fn load_10k(c: &mut Criterion) {
    let kb = generator::knowledge_base(10_000);
    let files: Vec<SourceFile> = generator::to_yaml_files(&kb, 1000)
        .into_iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let mut group = c.benchmark_group("load/10k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("validate+index", |b| {
        b.iter(|| {
            let (kb, _) = validate(black_box(&files), today()).expect("valid");
            black_box(SearchIndex::new(&kb))
        });
    });
    group.bench_function("index", |b| b.iter(|| black_box(SearchIndex::new(&kb))));
    group.finish();
}

criterion_group!(benches, bundled, load_bundled, generated, load_10k);
criterion_main!(benches);
