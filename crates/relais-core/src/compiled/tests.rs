//! The compiled form of the bundled data: it loads back to the same knowledge base and the
//! same answers, and every damaged, truncated or foreign form is refused, never read.

use super::{
    BUNDLED_KEY, Key, Refused, decode, decode_deferred, decode_file, encode, header_len, table,
};
use crate::kb::validate::load;
use crate::kb::{KnowledgeBase, Origin, today};
use crate::search::{QueryOptions, SearchIndex};

const QUERIES: [&str; 10] = [
    "free lawyer",
    "doctor",
    "hebergeur",
    "herbergement voiture",
    "aide medicale urgente",
    "flic controle papiers",
    "que faire si la police arrete un migrant",
    "centre ferme",
    "jpeu dormir ou",
    "xqzkw",
];

/// The glimpse's place among the parts (parts.rs): only the interface's two-step read
/// ([`decode_deferred`]) reads it.
const GLIMPSE: usize = 5;

fn bundled() -> (KnowledgeBase, SearchIndex, usize) {
    let loaded = load(&Origin::Bundled, today()).expect("bundled data loads");
    let index = SearchIndex::new(&loaded.kb);
    (loaded.kb, index, loaded.files)
}

#[test]
fn the_bundled_data_loads_back_the_same() {
    let (kb, index, files) = bundled();
    let bytes = encode(&kb, &index, files, &BUNDLED_KEY, &[]).expect("encodes");
    let back = decode(&bytes, &BUNDLED_KEY, &[]).expect("decodes");
    assert_eq!(back.kb, kb);
    assert_eq!(back.files, files);
    assert!(
        !back.kb.translations.is_empty(),
        "the translations travel too"
    );
    for q in QUERIES {
        let opts = QueryOptions::default();
        assert_eq!(back.index.search(q, opts), index.search(q, opts), "{q}");
        assert_eq!(back.index.suggest(q), index.suggest(q), "{q}");
        assert_eq!(back.index.explain(q), index.explain(q), "{q}");
    }
    // JSON still leaves out what it left out before (the compiled form keeps everything).
    let json = serde_json::to_string(&back.kb.meta).expect("json");
    assert!(!json.contains("unsigned"), "{json}");
}

#[test]
fn damaged_truncated_and_foreign_forms_are_refused() {
    let (kb, index, files) = bundled();
    let bytes = encode(&kb, &index, files, &BUNDLED_KEY, &[]).expect("encodes");
    for len in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        assert!(
            decode(&bytes[..len], &BUNDLED_KEY, &[]).is_err(),
            "truncated at {len}"
        );
    }
    let header = header_len(&bytes).expect("a header");
    let body_steps = (header..bytes.len()).step_by((bytes.len() - header) / 300 + 1);
    for at in (0..header).chain(body_steps) {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[at] ^= flip;
            assert!(
                decode(&bad, &BUNDLED_KEY, &[]).is_err(),
                "byte {at} ^ {flip:#x}"
            );
        }
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        decode(&longer, &BUNDLED_KEY, &[]).err(),
        Some(Refused::Truncated)
    );
    let other: Key = [7; 32];
    assert_eq!(decode(&bytes, &other, &[]).err(), Some(Refused::OtherFiles));
    let mut other_build = bytes.clone();
    other_build[11] ^= 1;
    assert!(matches!(
        decode(&other_build, &BUNDLED_KEY, &[]),
        Err(Refused::OtherBuild(_))
    ));
    assert_eq!(
        decode(b"name: pas du binaire", &BUNDLED_KEY, &[]).err(),
        Some(Refused::NotCompiled)
    );
}

/// A form of this build from `key` whose parts are `parts`, its table and checksums right.
fn forge(key: &Key, packed: bool, parts: &[&[u8]]) -> Vec<u8> {
    // No stamps: an empty list in postcard.
    super::frame(key, &[0], packed, parts)
}

/// The parts `first`, then `entries`.
fn with<'a>(first: [&'a [u8]; 4], entries: &[&'a [u8]]) -> Vec<&'a [u8]> {
    [&first[..], entries].concat()
}

/// The stored parts of `bytes`, in order.
fn parts_of(bytes: &[u8]) -> Vec<&[u8]> {
    let table = table(bytes, &BUNDLED_KEY, &[]).expect("a table");
    table
        .spans
        .iter()
        .map(|s| &bytes[s.at as usize..(s.at + s.len) as usize])
        .collect()
}

fn noise(len: usize, seed: &mut u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed as u8
        })
        .collect()
}

#[test]
fn the_form_is_cut_into_parts_that_load_back_in_order() {
    let (kb, index, files) = bundled();
    let bytes = encode(&kb, &index, files, &BUNDLED_KEY, &[]).expect("encodes");
    let parts = parts_of(&bytes);
    assert!(
        parts.len() >= 6,
        "head, index, postings, translations, entries in chunks: {}",
        parts.len()
    );
    // Rebuilt from its own parts, the form is the same bytes.
    assert_eq!(forge(&BUNDLED_KEY, false, &parts), bytes);
    // Each part is checked on its own: damage in any of them is found.
    let table = table(&bytes, &BUNDLED_KEY, &[]).expect("a table");
    for span in &table.spans {
        let mut bad = bytes.clone();
        bad[(span.at + span.len / 2) as usize] ^= 0x04;
        assert_eq!(
            decode(&bad, &BUNDLED_KEY, &[]).err(),
            Some(Refused::Damaged),
            "{span:?}"
        );
    }
    // Parts missing, repeated, cut or in another order, with right checksums: refused, never
    // a panic.
    let (head, index_part, postings, lang) = (parts[0], parts[1], parts[2], parts[3]);
    let entries = &parts[4..];
    let mut reversed: Vec<&[u8]> = parts.clone();
    reversed.reverse();
    let without = |at: usize| {
        let mut p = parts.clone();
        p.remove(at);
        p
    };
    let mut too_far = postings.to_vec();
    too_far[..4].copy_from_slice(&u32::MAX.to_le_bytes());
    for (what, order) in [
        ("reversed", reversed),
        ("no head", without(0)),
        ("no index", without(1)),
        ("no postings", without(2)),
        ("no translations", without(3)),
        ("head alone", vec![head]),
        ("index alone", vec![index_part]),
        ("nothing", Vec::new()),
        (
            "index and postings exchanged",
            with([head, postings, index_part, lang], entries),
        ),
        (
            "translations first",
            with([lang, index_part, postings, head], entries),
        ),
        ("entries twice", [&parts[..], entries].concat()),
        (
            "postings cut",
            with(
                [head, index_part, &postings[..postings.len() - 6], lang],
                entries,
            ),
        ),
        (
            "a posting past the documents",
            with([head, index_part, &too_far, lang], entries),
        ),
    ] {
        let forged = forge(&BUNDLED_KEY, false, &order);
        assert!(decode(&forged, &BUNDLED_KEY, &[]).is_err(), "{what}");
    }
}

#[test]
fn parts_of_noise_with_right_checksums_are_refused_without_a_panic() {
    let (kb, index, files) = bundled();
    let bytes = encode(&kb, &index, files, &BUNDLED_KEY, &[]).expect("encodes");
    let parts = parts_of(&bytes);
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for len in [0usize, 1, 7, 100, 5_000] {
        let noise = noise(len, &mut seed);
        for at in 0..parts.len() {
            let mut forged_parts = parts.clone();
            forged_parts[at] = &noise;
            let forged = forge(&BUNDLED_KEY, false, &forged_parts);
            if at == GLIMPSE {
                // Only the two-step read of the interface reads the glimpse; the whole read
                // skips it, and reads the data as it is.
                let forged: &'static [u8] = Box::leak(forged.into_boxed_slice());
                assert!(
                    decode_deferred(forged, &BUNDLED_KEY).is_err(),
                    "{len} bytes of noise as the glimpse"
                );
                let read = decode(forged, &BUNDLED_KEY, &[]).expect("the glimpse is skipped");
                assert_eq!(read.kb, kb);
                continue;
            }
            assert!(
                decode(&forged, &BUNDLED_KEY, &[]).is_err(),
                "{len} bytes of noise as part {at}"
            );
        }
    }
}

#[test]
fn a_form_made_from_other_files_than_those_there_now_is_refused() {
    let (kb, index, files) = bundled();
    let stamp = |len| super::Stamp {
        path: "faq.yaml".to_owned(),
        len,
        ino: 7,
        modified: (1_700_000_000, 5),
        changed: (1_700_000_000, 5),
    };
    let key: Key = [9; 32];
    let bytes = encode(&kb, &index, files, &key, &[stamp(100)]).expect("encodes");
    assert!(decode(&bytes, &key, &[stamp(100)]).is_ok());
    for now in [vec![stamp(101)], vec![], vec![stamp(100), stamp(100)]] {
        assert_eq!(decode(&bytes, &key, &now).err(), Some(Refused::Changed));
    }
}

#[test]
fn the_packed_form_loads_back_the_same_and_refuses_damage() {
    let (kb, index, files) = bundled();
    let stored = encode(&kb, &index, files, &BUNDLED_KEY, &[]).expect("encodes");
    let packed = super::encode_packed(
        &kb,
        &index,
        files,
        &BUNDLED_KEY,
        lz4_flex::block::compress_prepend_size,
    )
    .expect("encodes");
    assert!(
        packed.len() < stored.len() * 3 / 4,
        "{} / {}",
        packed.len(),
        stored.len()
    );
    let back = decode(&packed, &BUNDLED_KEY, &[]).expect("decodes");
    assert_eq!(back.kb, kb);
    let opts = QueryOptions::default();
    for q in QUERIES {
        assert_eq!(back.index.search(q, opts), index.search(q, opts), "{q}");
    }
    let header = header_len(&packed).expect("a header");
    for at in (header..packed.len()).step_by(packed.len() / 200) {
        let mut bad = packed.clone();
        bad[at] ^= 0x10;
        assert_eq!(
            decode(&bad, &BUNDLED_KEY, &[]).err(),
            Some(Refused::Damaged)
        );
    }
    // Compressed noise with right checksums: refused by the decompressor or postcard.
    let good = parts_of(&packed);
    for noise in [
        vec![0xffu8; 64],
        vec![5, 0, 0, 0, 1, 2, 3],
        Vec::new(),
        vec![0xff; 4],
    ] {
        for at in 0..good.len() {
            let mut parts = good.clone();
            parts[at] = &noise;
            let forged = forge(&BUNDLED_KEY, true, &parts);
            if at == GLIMPSE {
                let forged: &'static [u8] = Box::leak(forged.into_boxed_slice());
                assert!(decode_deferred(forged, &BUNDLED_KEY).is_err(), "{noise:?}");
                continue;
            }
            assert!(
                decode(&forged, &BUNDLED_KEY, &[]).is_err(),
                "{noise:?} at {at}"
            );
        }
    }
    // Only the bundled form may be compressed: an installed one never is.
    let key: Key = [4; 32];
    let forged = forge(&key, true, &good);
    assert!(matches!(
        decode(&forged, &key, &[]),
        Err(Refused::Unreadable(_))
    ));
}

#[test]
fn the_form_is_read_from_its_file_part_by_part() {
    let (kb, index, files) = bundled();
    let key: Key = [5; 32];
    let bytes = encode(&kb, &index, files, &key, &[]).expect("encodes");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join(super::FILE);
    let limit = bytes.len() as u64 * 2;
    std::fs::write(&path, &bytes).expect("written");
    let back = decode_file(&path, limit, &key, &[]).expect("decodes");
    assert_eq!(back.kb, kb);
    assert_eq!(back.files, files);
    let opts = QueryOptions::default();
    for q in QUERIES {
        assert_eq!(back.index.search(q, opts), index.search(q, opts), "{q}");
    }
    let table = table(&bytes, &key, &[]).expect("a table");
    let mut flipped = bytes.clone();
    flipped[table.spans[1].at as usize] ^= 0x01;
    let mut longer = bytes.clone();
    longer.push(0);
    let cases = [
        (bytes[..bytes.len() - 1].to_vec(), Refused::Truncated),
        (
            bytes[..header_len(&bytes).expect("a header")].to_vec(),
            Refused::Truncated,
        ),
        (bytes[..30].to_vec(), Refused::Truncated),
        (longer, Refused::Truncated),
        (flipped, Refused::Damaged),
        (b"name: pas du binaire".to_vec(), Refused::NotCompiled),
    ];
    for (form, why) in cases {
        std::fs::write(&path, &form).expect("written");
        assert_eq!(
            decode_file(&path, limit, &key, &[]).err(),
            Some(why),
            "{}",
            form.len()
        );
    }
    std::fs::write(&path, &bytes).expect("written");
    assert!(matches!(
        decode_file(&path, bytes.len() as u64 - 1, &key, &[]),
        Err(Refused::Unreadable(_))
    ));
    assert!(matches!(
        decode_file(dir.path(), limit, &key, &[]),
        Err(Refused::Unreadable(_))
    ));
    std::fs::remove_file(&path).expect("removed");
    assert_eq!(
        decode_file(&path, limit, &key, &[]).err(),
        Some(Refused::Missing)
    );
}

#[test]
fn a_form_with_a_right_checksum_whose_index_does_not_hold_together_is_refused() {
    // Written on purpose (the checksum is right): the query path would index out of bounds.
    for what in 0..5 {
        let (kb, mut index, files) = bundled();
        index.break_for_test(what);
        let bytes = encode(&kb, &index, files, &BUNDLED_KEY, &[]).expect("encodes");
        assert_eq!(
            decode(&bytes, &BUNDLED_KEY, &[]).err(),
            Some(Refused::Inconsistent),
            "table {what}"
        );
    }
}
