//! What the test binaries share, written once: the fixture helpers of the data tests (`data`),
//! the presentation fixture (`present`), the pseudo-terminal harness (`pty`), the home with
//! throw-away keys of the signing tests (`signing`) and the fixture app of the interface tests
//! (`tui`), and the sandboxed `relais` command they all start (`sandbox`). Each binary declares
//! this folder with `#[path = "../support/mod.rs"] mod support;` and uses the parts it needs.

#![allow(dead_code)] // each binary uses a different part of it

pub mod data;
pub mod present;
pub mod pty;
pub mod sandbox;
pub mod signing;
pub mod tui;
