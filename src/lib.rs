//! relais — an offline knowledge base for citizens who help migrants in transit in Wallonia.
//!
//! Data flows one way:
//!
//! ```text
//! YAML (bundled or --data) -> kb::source -> kb::raw (serde) -> kb::validate -> KnowledgeBase
//!   -> SearchIndex::new(&kb) (built once)
//!   -> commands (plain text or JSON)
//!   -> App::new(kb, index); App::update(Action) <- keymap(mode, key) <- terminal events
//!   -> ui::render(&App)  (reads the model; never loads, searches or mutates)
//! ```
//!
//! Modules: [`kb`] owns the data and its rules, [`search`] the matching and ranking,
//! [`commands`] the subcommands, [`plain`] the plain-text rendering shared by the CLI and
//! the clipboard, [`freshness`] the dates shown beside every entry and contact, [`export`] the handouts and the phone page, [`qr`] the QR codes of contact
//! details, [`strings`] the French interface text. The interface follows The Elm
//! Architecture: [`tui::app`] is the model and its `update`, [`tui::action`] the verbs, [`tui::keymap`] the
//! keys, [`tui::ui`] the view, [`tui::theme`] the styles and [`tui::runtime`] the terminal runtime.

#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod export;
pub mod freshness;
pub mod json;
pub mod kb;
pub mod plain;
pub mod qr;
pub mod search;
pub mod strings;
pub mod tui;
