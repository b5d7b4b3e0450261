//! The interface without a terminal: the `App` model driven by actions, its screens drawn on
//! ratatui's `TestBackend` (insta snapshots in `snapshots/`), random sessions, the notices of
//! the status bar, presentation mode, its closing slide and the speaker view.

#[path = "../support/mod.rs"]
mod support;

mod app;
mod contrast;
mod deferred;
mod languages;
mod notices;
mod present_closing;
mod present_props;
mod presentation;
mod props;
mod resize_frames;
mod screen_bytes;
mod screens;
mod speaker;
mod unsigned;
