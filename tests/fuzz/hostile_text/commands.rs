//! The plain text of entries and contacts, and what `search`, `show` and the other commands
//! print, as text and as JSON.

use std::path::PathBuf;

use relais::cli::KindFilter;
use relais::commands::Painter;
use relais::kb::Origin;
use relais::kb::validate::Loaded;

use super::{NASTY, TODAY, assert_clean, kb, run, source, without_painter_codes};

// --- plain text and commands ----------------------------------------------------------------

#[test]
fn plain_entries_and_contacts_are_clean() {
    let kb = kb();
    for width in [20, 80] {
        assert_clean(
            "plain::entry",
            &relais::render::plain::entry(&kb, &kb.entries[0], width, TODAY),
        );
        assert_clean(
            "plain::contact",
            &relais::render::plain::contact(&kb.contacts[0], width, TODAY),
        );
    }
    assert_clean(
        "plain::source_line",
        &relais::render::plain::source_line(&source()),
    );
    assert!(
        relais::render::plain::entry(&kb, &kb.entries[0], 80, TODAY).contains("fin de réponse")
    );
}

#[test]
fn commands_print_clean_text_and_json() {
    use relais::commands::browse::{run_contacts, run_decks, run_list, run_show};
    let kb = kb();
    for painter in [Painter { on: false }, Painter { on: true }] {
        for json in [false, true] {
            let what = format!("json={json} colour={}", painter.on);
            for id in ["heberger", "permanence", "seance", &format!("id{NASTY}")] {
                let out = run(|o| run_show(&kb, id, json, o, painter));
                assert_clean(&format!("show {id} {what}"), &without_painter_codes(&out));
                if json {
                    // The text is there, escaped: any JSON reader gets it back.
                    assert!(out.contains("\\u009b"), "show {id} --json:\n{out}");
                }
            }
            let out = run(|o| run_list(&kb, None, json, o, painter));
            assert_clean(&format!("list {what}"), &without_painter_codes(&out));
            for code in ["ar", "fr", "en"] {
                let lang = relais::kb::i18n::language(code).expect("language");
                for id in ["heberger", "permanence"] {
                    let out = relais::commands::lang::translated_text(&kb, id, lang, painter);
                    assert!(!out.is_empty() || code == "fr", "show {id} --lang {code}");
                    assert_clean(
                        &format!("show {id} --lang {code} {what}"),
                        &without_painter_codes(&out),
                    );
                }
            }
            let out = run(|o| run_contacts(&kb, None, json, o, painter));
            assert_clean(&format!("contacts {what}"), &without_painter_codes(&out));
            let out = run(|o| run_decks(&kb, json, o, painter));
            assert_clean(&format!("decks {what}"), &without_painter_codes(&out));
        }
    }
}

#[test]
fn search_prints_clean_text_and_json() {
    use relais::commands::search::{SearchArgs, run_search};
    let loaded = Loaded {
        kb: kb(),
        warnings: Vec::new(),
        origin: Origin::Flag(PathBuf::from(format!("donnees{NASTY}.yaml"))),
        files: 1,
        index: None,
    };
    for json in [false, true] {
        for explain in [false, true] {
            let args = SearchArgs {
                query: "heberger permanence",
                limit: 10,
                kind: KindFilter::All,
                json,
                explain,
            };
            let out = run(|o| run_search(&loaded, &args, o, Painter { on: true }));
            assert!(out.contains("fin"), "the search found nothing:\n{out}");
            assert_clean(
                &format!("search json={json} explain={explain}"),
                &without_painter_codes(&out),
            );
        }
    }
}
