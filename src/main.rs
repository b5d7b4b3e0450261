//! The `relais` binary: parse the arguments, run, map the outcome to an exit code.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use relais::commands::{self, Status};

fn main() -> ExitCode {
    let cli = match relais::cli::parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // Help and version go to stdout with 0.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            // Usage errors, in French, to stderr with 2.
            eprintln!("{}", relais::cli::error_message(&err));
            return ExitCode::from(2);
        }
    };
    match commands::run(&cli) {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::NotFound) => ExitCode::from(1),
        Ok(Status::Invalid) => ExitCode::from(2),
        Err(err) if commands::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "relais : {}",
                relais::kb::text::neutralize(&format!("{err:#}"))
            );
            ExitCode::from(2)
        }
    }
}
