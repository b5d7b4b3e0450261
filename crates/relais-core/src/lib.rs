//! The core of relais: the data and its rules ([`kb`]) and the search ([`search`]), in a crate
//! of their own so that the build script of relais can load, validate and index the bundled
//! data once, at build time (see the README, « Architecture »). The relais crate re-exports
//! `kb` and `search` under the same paths.

#![forbid(unsafe_code)]

pub mod compiled;
pub mod kb;
pub mod search;
