//! `relais completions SHELL` and `relais man`: generated from the clap definition, never
//! written by hand, so they always match the command line.
//!
//! The completion script offers the real ids, regions, categories and decks. They are taken
//! from the data when the script is written (the same data the command would use), not asked
//! of relais at each Tab: `clap_complete`'s dynamic mode is still behind an unstable feature
//! and would start relais, and load its data, on every key press. After a data update,
//! writing the script again brings the new ids.

use std::io::Write;

use clap::builder::PossibleValuesParser;

use super::Status;
use crate::kb::{KnowledgeBase, REGIONS};

/// The command line with the data's values on the arguments that name them: for the
/// completion script only (parsing accepts any spelling and resolves it, accents ignored).
fn with_values(kb: &KnowledgeBase) -> clap::Command {
    let ids: Vec<String> = kb.ids().map(str::to_owned).collect();
    let categories: Vec<String> = kb.categories.iter().map(|c| c.id.clone()).collect();
    let decks: Vec<String> = kb.decks.iter().map(|d| d.id.clone()).collect();
    let values = |list: &[String]| PossibleValuesParser::new(list.to_vec());
    let regions: Vec<String> = REGIONS.iter().map(|r| (*r).to_owned()).collect();
    crate::cli::command()
        .mut_subcommand("show", |c| {
            c.mut_arg("id", |a| a.value_parser(values(&ids)))
        })
        .mut_subcommand("list", |c| {
            c.mut_arg("category", |a| a.value_parser(values(&categories)))
        })
        .mut_subcommand("contacts", |c| {
            c.mut_arg("region", |a| a.value_parser(values(&regions)))
        })
        .mut_subcommand("present", |c| {
            c.mut_arg("deck", |a| a.value_parser(values(&decks)))
        })
        .mut_subcommand("export", |c| {
            c.mut_arg("deck", |a| a.value_parser(values(&decks)))
                .mut_arg("category", |a| a.value_parser(values(&categories)))
                .mut_arg("ids", |a| a.value_parser(values(&ids)))
        })
}

pub fn run_completions(
    shell: clap_complete::Shell,
    kb: &KnowledgeBase,
    out: &mut dyn Write,
) -> anyhow::Result<Status> {
    // Generated into memory first: clap_complete panics when its writer fails (a closed
    // pipe), and a write error must come back as an error instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut with_values(kb), "relais", &mut script);
    out.write_all(&script)?;
    Ok(Status::Success)
}

pub fn run_man(out: &mut dyn Write) -> anyhow::Result<Status> {
    out.write_all(crate::cli::man::page()?.as_bytes())?;
    Ok(Status::Success)
}
