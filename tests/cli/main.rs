//! The binary from the outside: every subcommand run as a process in a home of its own (its
//! output, `--json` shape and exit code), the checks an editor meets (fixtures, limits, slips,
//! special files, one pass), the exports and the bundled content. One test binary, one module
//! per concern.

#[path = "../support/mod.rs"]
mod support;

mod commands;
mod content;
mod editor_slips;
mod editor_tools;
mod eval_output;
mod export;
mod export_json;
mod export_packaging;
mod export_slides;
mod fixtures;
mod french_cli;
mod i18n;
mod limits;
mod one_pass;
mod present_cli;
mod search_data;
mod search_lang;
mod special_files;
mod version_guard;
mod warnings;
