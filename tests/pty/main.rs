//! End to end in a pseudo-terminal: the real binary, real keys and signals, its output fed to a
//! vt100 emulator (see `support::pty`); the terminal is always given back.

#[path = "../support/mod.rs"]
mod support;

mod first_frame;
mod hostile;
mod present;
mod resize;
mod signals;
mod tui;
mod version_guard;
mod walk;
