//! One `run_<subcommand>` per subcommand. Each prints plain text or JSON to the writer it is
//! given and returns a [`Status`]; none touches the terminal.

pub mod browse;
mod check;
mod data;
mod diff;
mod eval;
pub mod export;
mod export_lang;
mod guard;
mod install;
mod installed;
mod interface;
pub mod lang;
mod lang_list;
pub mod output;
mod packaging;
mod review;
mod schema;
pub mod search;
mod sign;
mod trusted;

use std::io::{self, IsTerminal, Write};

use anyhow::Context as _;
use crossterm::style::Stylize;

use crate::cli::{Cli, ColorChoice, Command};
use crate::kb::text::resolve;
use crate::kb::validate::Loaded;
use crate::kb::{LoadError, Origin, source};
use crate::strings as s;

/// How a command ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exit 0.
    Success,
    /// Exit 1: nothing found, unknown id, evaluation below its threshold.
    NotFound,
    /// Exit 2: invalid data (already reported).
    Invalid,
}

/// Whether to colour output, and the few styles the plain output uses.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    pub on: bool,
}

impl Painter {
    /// Colour when asked, or in `auto` when stdout is a terminal and `NO_COLOR` is unset.
    #[must_use]
    pub fn new(choice: ColorChoice) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let on = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && io::stdout().is_terminal(),
        };
        Self { on }
    }

    #[must_use]
    pub fn bold(self, s: &str) -> String {
        if self.on {
            s.bold().to_string()
        } else {
            s.to_owned()
        }
    }

    #[must_use]
    pub fn dim(self, s: &str) -> String {
        if self.on {
            s.dim().to_string()
        } else {
            s.to_owned()
        }
    }

    #[must_use]
    pub fn warn(self, s: &str) -> String {
        if self.on {
            s.yellow().to_string()
        } else {
            s.to_owned()
        }
    }
}

/// Runs the command line.
///
/// # Errors
/// Unreadable data, a failed write, or any other error to report with exit code 2.
pub fn run(cli: &Cli) -> anyhow::Result<Status> {
    let painter = Painter::new(cli.color);
    let Some(command) = &cli.command else {
        return interface::no_subcommand(cli, painter);
    };
    let p = painter;
    if let (
        Some(code),
        Command::Search(_)
        | Command::Show(_)
        | Command::List(_)
        | Command::Contacts(_)
        | Command::Decks(_)
        | Command::Eval(_)
        | Command::Export(_),
    ) = (&cli.lang, command)
    {
        return with_data(cli, |loaded, out| {
            lang::run(cli, command, loaded, code, out, p)
        });
    }

    match command {
        // The full-screen interface must not run under a stdout lock: the signal watcher of
        // `tui` restores the terminal through stdout from another thread.
        Command::Present(a) => match load_data(cli) {
            Ok(loaded) => {
                let deck = a
                    .deck
                    .as_deref()
                    .map(|d| resolve(d, loaded.kb.decks.iter().map(|d| d.id.as_str())).to_owned());
                interface::run_present(cli, loaded, deck.as_deref(), a.notes, p)
            }
            Err(status) => Ok(status),
        },
        Command::Check(a) => to_stdout(|out| {
            check::run_check(
                &given_or_located(cli, a.path.as_ref()),
                a.strict,
                a.errors_only,
                out,
                p,
            )
        }),
        Command::Review(a) => to_stdout(|out| {
            review::run_review(&given_or_located(cli, a.path.as_ref()), &a.within, out, p)
        }),
        Command::Schema => to_stdout(|out| schema::run_schema(cli, out)),
        Command::Completions(a) => with_data(cli, |l, out| {
            packaging::run_completions(a.shell, &l.kb, out)
        }),
        Command::Man => to_stdout(packaging::run_man),
        Command::Data(a) => to_stdout(|out| data::run_data(cli, &a.action, out, p)),
        Command::Search(a) => with_data(cli, |loaded, out| {
            let args = search::SearchArgs {
                query: &a.query.join(" "),
                limit: a.limit,
                kind: a.kind,
                json: a.json,
                explain: a.explain,
            };
            search::run_search(loaded, &args, out, p)
        }),
        // Ids, categories and regions as typed: accents and case ignored (« Liège », « santé »).
        Command::Show(a) => with_data(cli, |l, out| {
            let id = resolve(&a.id, l.kb.ids());
            browse::run_show(&l.kb, id, a.json, out, p)
        }),
        Command::List(a) => with_data(cli, |l, out| {
            let ids = l.kb.categories.iter().map(|c| c.id.as_str());
            let category = a.category.as_deref().map(|c| resolve(c, ids));
            browse::run_list(&l.kb, category, a.json, out, p)
        }),
        Command::Contacts(a) => with_data(cli, |l, out| {
            let region = a.region.as_deref().map(|r| resolve(r, crate::kb::REGIONS));
            browse::run_contacts(&l.kb, region, a.json, out, p)
        }),
        Command::Decks(a) => with_data(cli, |l, out| browse::run_decks(&l.kb, a.json, out, p)),
        Command::Eval(a) => with_data(cli, |l, out| {
            let limits = eval::Limits {
                p1: a.min_p1,
                r5: a.min_r5,
            };
            eval::run_eval(l, &a.file, a.json, limits, out)
        }),
        Command::Export(a) => with_data(cli, |l, out| export::run_export(&l.kb, a, out)),
    }
}

/// Runs `f` on a buffered, locked stdout, flushed at the end.
fn to_stdout(f: impl FnOnce(&mut dyn Write) -> anyhow::Result<Status>) -> anyhow::Result<Status> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let status = f(&mut out)?;
    out.flush().context(s::WRITE_FAILED)?;
    Ok(status)
}

/// Runs `f` on the data of this invocation, once loaded; invalid data ends here (reported).
fn with_data(
    cli: &Cli,
    f: impl FnOnce(&Loaded, &mut dyn Write) -> anyhow::Result<Status>,
) -> anyhow::Result<Status> {
    to_stdout(|out| match load_data(cli) {
        Ok(loaded) => {
            let status = f(&loaded, out);
            // The process ends right after: the system takes the memory back at once, where
            // freeing the knowledge base and its index piece by piece costs a fifth of a start
            // (callgrind, BENCHMARKS.md).
            std::mem::forget(loaded);
            status
        }
        Err(status) => Ok(status),
    })
}

/// The path given to `check` or `review`, or else the data of this invocation.
fn given_or_located(cli: &Cli, path: Option<&std::path::PathBuf>) -> Origin {
    match path {
        Some(p) => Origin::Given(p.clone()),
        None => locate(cli),
    }
}

/// The theme asked for, or monochrome when colour is off (`NO_COLOR`, `--color never`).
#[must_use]
pub fn theme(cli: &Cli, painter: Painter) -> crate::tui::theme::ThemeName {
    let colourless =
        cli.color == ColorChoice::Never || (cli.color == ColorChoice::Auto && !painter.on);
    match cli.theme {
        Some(t) => t,
        None if colourless => crate::tui::theme::ThemeName::Mono,
        None => crate::tui::theme::ThemeName::Defaut,
    }
}

/// The data origin for this invocation: `--data`, `RELAIS_DATA`, user data directory, bundled.
#[must_use]
pub fn locate(cli: &Cli) -> Origin {
    let env = std::env::var_os("RELAIS_DATA").map(Into::into);
    Origin::locate(cli.data.as_deref(), env, source::user_data_dir().as_deref())
}

/// Loads the active data, printing every problem to stderr when it is invalid.
///
/// # Errors
/// The status to exit with when the data cannot be used (problems already printed).
pub fn load_data(cli: &Cli) -> Result<Loaded, Status> {
    load_or_fall_back(&locate(cli))
}

/// The bundled data in its compiled form, made at build time by `build.rs`.
pub static BUNDLED_COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.kb"));

/// Loads `origin`; when it is the installed data and does not load, says so in a few lines and
/// loads the bundled data instead, so that relais stays usable while the data is repaired.
///
/// # Errors
/// The status to exit with when no data can be used (problems already printed).
pub fn load_or_fall_back(origin: &Origin) -> Result<Loaded, Status> {
    let today = crate::kb::today();
    let load = |origin: &Origin, today| {
        let (loaded, notice) = crate::compiled::load(origin, today, BUNDLED_COMPILED)?;
        if let Some(notice) = notice {
            eprintln!("{}", crate::kb::text::neutralize(&notice));
        }
        Ok::<_, LoadError>(loaded)
    };
    match load(origin, today) {
        Ok(loaded) => Ok(loaded),
        Err(err) => {
            let Origin::UserDir(dir) = origin else {
                report_load_error(origin, &err);
                return Err(Status::Invalid);
            };
            eprintln!(
                "{}",
                crate::kb::text::neutralize(&broken_install_notice(dir, &err))
            );
            let fallback = Origin::Fallback(dir.clone());
            load(&fallback, today).map_err(|err| {
                report_load_error(&fallback, &err);
                Status::Invalid
            })
        }
    }
}

/// What to say when the installed data does not load: what happened, what relais does
/// meanwhile, and the commands that repair it.
#[must_use]
pub fn broken_install_notice(dir: &std::path::Path, err: &LoadError) -> String {
    let dir = dir.display();
    format!(
        "relais : les données installées ({dir}) ne se chargent pas : {err}.\n\
         relais utilise les données intégrées en attendant. Pour réparer : relais data restore \
         (revenir à la sauvegarde), relais data reset (revenir aux données intégrées) ou relais \
         data install DOSSIER (installer une version valide) ; relais check --data {dir} montre \
         chaque problème."
    )
}

/// Prints a load error: every diagnostic, then which data was being read.
pub fn report_load_error(origin: &Origin, err: &LoadError) {
    let mut stderr = io::stderr().lock();
    for d in err.diagnostics() {
        let _ = writeln!(stderr, "{d}");
    }
    // The path comes from the user or a USB stick: its name must not drive the terminal either.
    let line = s::invalid_data(origin.display(s::BUNDLED_DATA), err);
    let _ = writeln!(stderr, "{}", crate::kb::text::neutralize(&line));
}

/// True when the error comes from writing to a closed pipe (`relais list | head -1`).
#[must_use]
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        // serde_json keeps the io::Error inside, out of the error chain.
        let json = e
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        let io = e.downcast_ref::<io::Error>().map(io::Error::kind);
        json.or(io) == Some(io::ErrorKind::BrokenPipe)
    })
}
