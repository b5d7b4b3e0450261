//! Damaged and hostile input: the loader and validator fuzzed from real data, terminal escapes
//! in the text, and properties of the search engine on random queries.

#[path = "../support/mod.rs"]
mod support;

mod hostile_text;
mod loader;
mod search_props;
