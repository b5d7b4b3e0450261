//! relais — an offline knowledge base for citizens who help migrants in transit in Wallonia.
//!
//! Data flows one way:
//!
//! ```text
//! YAML (bundled or --data) -> kb::source -> kb::raw (serde) -> kb::validate -> KnowledgeBase
//!   -> SearchIndex::new(&kb) (built once)
//!   -> commands (plain text or JSON)
//! ```
//!
//! Modules: [`kb`] owns the data and its rules, [`search`] the matching and ranking,
//! [`commands`] the subcommands, [`plain`] the plain-text rendering shared by the CLI and
//! the clipboard, [`strings`] the French interface text.

#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod kb;
pub mod plain;
pub mod search;
pub mod strings;
