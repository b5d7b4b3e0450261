//! The interactive interface, in The Elm Architecture: [`app`] is the model and its `update`,
//! [`action`] the verbs, [`keymap`] the keys, [`ui`] the view, [`theme`] the styles,
//! [`config`] « ma région » (the one file it writes), [`link`] the speaker-view link between two terminals (its protocol and sockets) and
//! [`runtime`] the terminal loop: keys, the presentation clock and the speaker views are its
//! sources of actions, `App::update` applies them, `ui::render` draws the frame.

pub mod action;
pub mod app;
pub mod config;
pub mod keymap;
pub mod link;
pub mod runtime;
pub mod screen;
pub mod theme;
pub mod ui;

pub use runtime::{draw, run};
