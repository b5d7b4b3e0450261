//! `relais data`: installs, restores and resets in homes of their own, killed at any step or two
//! at once; signed packs, and the packs and keys that must be refused; the compiled form that
//! installed and bundled data start from.

#[path = "../support/mod.rs"]
mod support;

#[path = "../../benches/gen/mod.rs"]
mod generator;

mod compiled;
mod crash;
mod install;
mod pack_refusals;
mod parallel;
mod signed_packs;
