//! The compiled form of the bundled data: it loads back to the same knowledge base and the
//! same answers, and every damaged, truncated or foreign form is refused, never read.

use super::{BUILD, BUNDLED_KEY, Key, Refused, decode, encode};
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
    // magic, format, build, key, checksum, stamps (length, an empty list), packing, length
    let header = 8 + 2 + 1 + BUILD.len() + 32 + 4 + 4 + 1 + 1 + 8;
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

#[test]
fn a_body_of_noise_with_a_right_checksum_is_refused_without_a_panic() {
    let (kb, index, files) = bundled();
    let bytes = encode(&kb, &index, files, &BUNDLED_KEY, &[]).expect("encodes");
    let header = 8 + 2 + 1 + BUILD.len() + 32;
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for len in [0usize, 1, 7, 100, 5_000] {
        let noise: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        let mut rest = vec![1, 0, 0, 0, 0, 0];
        rest.extend_from_slice(&(noise.len() as u64).to_le_bytes());
        rest.extend_from_slice(&noise);
        let mut forged = bytes[..header].to_vec();
        forged.extend_from_slice(&crc32fast::hash(&rest).to_le_bytes());
        forged.extend_from_slice(&rest);
        assert!(
            decode(&forged, &BUNDLED_KEY, &[]).is_err(),
            "{len} bytes of noise"
        );
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
    let packed = super::encode_packed(&kb, &index, files, &BUNDLED_KEY).expect("encodes");
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
    let header = 8 + 2 + 1 + BUILD.len() + 32 + 4 + 4 + 1 + 1 + 8;
    for at in (header..packed.len()).step_by(packed.len() / 200) {
        let mut bad = packed.clone();
        bad[at] ^= 0x10;
        assert_eq!(
            decode(&bad, &BUNDLED_KEY, &[]).err(),
            Some(Refused::Damaged)
        );
    }
    // Compressed noise with a right checksum: refused by the decompressor or postcard.
    let fixed = 8 + 2 + 1 + BUILD.len() + 32;
    for noise in [vec![0xffu8; 64], vec![5, 0, 0, 0, 1, 2, 3], Vec::new()] {
        let mut rest = vec![1, 0, 0, 0, 0, 1];
        rest.extend_from_slice(&(noise.len() as u64).to_le_bytes());
        rest.extend_from_slice(&noise);
        let mut forged = packed[..fixed].to_vec();
        forged.extend_from_slice(&crc32fast::hash(&rest).to_le_bytes());
        forged.extend_from_slice(&rest);
        assert!(decode(&forged, &BUNDLED_KEY, &[]).is_err(), "{noise:?}");
    }
}

#[test]
fn a_form_with_a_right_checksum_whose_index_does_not_hold_together_is_refused() {
    // Written on purpose (the checksum is right): the query path would index out of bounds.
    for what in 0..4 {
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
