//! `relais completions SHELL` and `relais man`: generated from the clap definition, never
//! written by hand, so they always match the command line.

use std::io::Write;

use super::Status;

pub fn run_completions(shell: clap_complete::Shell, out: &mut dyn Write) -> anyhow::Result<Status> {
    // Generated into memory first: clap_complete panics when its writer fails (a closed
    // pipe), and a write error must come back as an error instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "relais", &mut script);
    out.write_all(&script)?;
    Ok(Status::Success)
}

pub fn run_man(out: &mut dyn Write) -> anyhow::Result<Status> {
    out.write_all(crate::cli::man::page()?.as_bytes())?;
    Ok(Status::Success)
}
