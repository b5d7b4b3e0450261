//! The interactive interface, in The Elm Architecture: [`app`] is the model and its `update`,
//! [`action`] the verbs, [`keymap`] the keys, [`ui`] the view, [`theme`] the styles,
//! [`link`] the speaker-view link between two terminals and [`runtime`] the terminal loop
//! that feeds events in and draws frames out.

pub mod action;
pub mod app;
pub mod keymap;
pub mod link;
pub mod runtime;
pub mod theme;
pub mod ui;

pub use runtime::{draw, run};
