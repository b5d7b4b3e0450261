//! relais — an offline knowledge base for citizens who help migrants in transit in Wallonia.
//!
//! Data flows one way:
//!
//! ```text
//! YAML (bundled or --data) -> kb::source -> kb::raw (serde) -> kb::validate -> KnowledgeBase
//!   -> SearchIndex::new(&kb) (built once)
//!   -> commands (plain text or JSON, through render) | export (handouts, slides, phone page)
//!   -> tui: App::new(kb, index); App::update(Action) <- keymap(mode, key) <- terminal events
//!   -> ui::render(&App)  (reads the model; never loads, searches or mutates)
//! ```
//!
//! The folders are the layers, each using only the ones below it:
//!
//! ```text
//! main.rs, cli.rs   the command line (clap), one `Args` struct per subcommand
//! commands/         one file per subcommand: prints text or JSON, returns a status
//! tui/              the interface: runtime, action, keymap, app, ui, theme, speaker link
//! export/           handouts (Markdown, HTML), contact sheet, slides, phone page
//! render/           text shared by the CLI, the interface and the exports: plain, json, qr,
//!                   freshness, escape, outline (the ordered sections of an entry)
//! search/           query -> matching -> score -> explain
//! kb/               the data and its rules: source, raw, validate/, diag, store/, installed,
//!                   pack, signing, trust, manifest, seal, dates, markup, text, version
//! strings.rs        the French interface text
//! ```
//!
//! Modules: [`kb`] owns the data and its rules, [`search`] the matching and ranking,
//! [`commands`] the subcommands, [`render`] the text every output shares (plain text, JSON,
//! QR codes, dates, the HTML escaping, the outline of an entry), [`export`] the handouts and
//! the phone page, [`strings`] the French interface text. The interface ([`tui`]) follows The
//! Elm Architecture: [`tui::app`] is the model and its `update` (the only place where state
//! changes), [`tui::action`] the verbs, [`tui::keymap`] the keys, [`tui::ui`] the view (it only
//! reads), [`tui::theme`] the styles and [`tui::runtime`] the terminal runtime.

#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod export;
pub mod render;
pub mod strings;
pub mod tui;

pub use relais_core::{compiled, kb, search};
