//! One `run_<subcommand>` per subcommand. Each prints plain text or JSON to the writer it is
//! given and returns a [`Status`]; none touches the terminal.

pub mod browse;
mod check;
mod data;
mod diff;
mod eval;
pub mod export;
mod export_lang;
mod install;
pub mod lang;
mod lang_list;
mod packaging;
mod review;
mod schema;
pub mod search;
mod sign;

use std::io::{self, IsTerminal, Write};

use anyhow::Context as _;
use crossterm::style::Stylize;

use crate::cli::{Cli, ColorChoice, Command};
use crate::kb::validate::{Loaded, load};
use crate::kb::{LoadError, Origin, source};

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
    // The full-screen interface must not run under a stdout lock: the signal watcher of
    // `tui` restores the terminal through stdout from another thread.
    match &cli.command {
        None => return no_subcommand(cli, painter),
        Some(Command::Present { deck, notes }) => {
            return match load_data(cli) {
                Ok(loaded) => run_present(cli, loaded, deck.as_deref(), *notes, painter),
                Err(status) => Ok(status),
            };
        }
        Some(_) => {}
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let status = dispatch(cli, &mut out, painter)?;
    out.flush().context("Impossible d'écrire la sortie")?;
    Ok(status)
}

fn dispatch(cli: &Cli, out: &mut dyn Write, painter: Painter) -> anyhow::Result<Status> {
    let Some(command) = &cli.command else {
        return no_subcommand(cli, painter);
    };
    if let Command::Check {
        path,
        strict,
        errors_only,
    } = command
    {
        let origin = match path {
            Some(p) => Origin::Given(p.clone()),
            None => locate(cli),
        };
        return check::run_check(&origin, *strict, *errors_only, out, painter);
    }
    if let Command::Review { path, within } = command {
        let origin = match path {
            Some(p) => Origin::Given(p.clone()),
            None => locate(cli),
        };
        return review::run_review(&origin, within, out, painter);
    }
    match command {
        Command::Schema => return schema::run_schema(cli, out),
        Command::Completions { shell } => return packaging::run_completions(*shell, out),
        Command::Man => return packaging::run_man(out),
        Command::Data { action } => return data::run_data(cli, action, out, painter),
        _ => {}
    }
    let loaded = match load_data(cli) {
        Ok(loaded) => loaded,
        Err(status) => return Ok(status),
    };
    if let Some(code) = &cli.lang {
        return lang::run(cli, command, &loaded, code, out, painter);
    }
    match command {
        Command::Search {
            query,
            limit,
            kind,
            json,
            explain,
        } => {
            let args = search::SearchArgs {
                query: &query.join(" "),
                limit: *limit,
                kind: *kind,
                json: *json,
                explain: *explain,
            };
            search::run_search(&loaded, &args, out, painter)
        }
        Command::Show { id, json } => browse::run_show(&loaded.kb, id, *json, out, painter),
        Command::List { category, json } => {
            browse::run_list(&loaded.kb, category.as_deref(), *json, out, painter)
        }
        Command::Contacts { region, json } => {
            browse::run_contacts(&loaded.kb, region.as_deref(), *json, out, painter)
        }
        Command::Decks { json } => browse::run_decks(&loaded.kb, *json, out, painter),
        Command::Eval {
            file,
            json,
            min_p1,
            min_r5,
        } => {
            let limits = eval::Limits {
                p1: *min_p1,
                r5: *min_r5,
            };
            eval::run_eval(&loaded, file, *json, limits, out)
        }
        Command::Export(args) => export::run_export(&loaded.kb, args, out),
        Command::Check { .. }
        | Command::Review { .. }
        | Command::Schema
        | Command::Present { .. }
        | Command::Completions { .. }
        | Command::Man
        | Command::Data { .. } => unreachable!("handled above"),
    }
}

/// `relais present [DECK] [--notes]`: the interface, straight into presentation mode.
fn run_present(
    cli: &Cli,
    loaded: Loaded,
    deck: Option<&str>,
    notes: bool,
    painter: Painter,
) -> anyhow::Result<Status> {
    if let Some(id) = deck.filter(|id| loaded.kb.deck(id).is_none()) {
        let hint = crate::kb::text::did_you_mean(id, loaded.kb.decks.iter().map(|d| d.id.as_str()))
            .map_or(String::new(), |s| format!(" (vouliez-vous dire « {s} » ?)"));
        eprintln!(
            "relais : parcours inconnu « {} »{hint} ; voir relais decks",
            crate::kb::text::neutralize(id)
        );
        return Ok(Status::NotFound);
    }
    if !(io::stdout().is_terminal() && io::stdin().is_terminal()) {
        eprintln!("relais : la présentation a besoin d'un terminal.");
        return Ok(Status::Invalid);
    }
    let info = crate::app::DataInfo {
        origin: loaded.origin,
        today: crate::kb::today(),
    };
    let mut app = crate::app::App::new(loaded.kb, info, theme(cli, painter));
    app.theme_chosen = cli.theme.is_some();
    app.start_presentation(deck, 0, false, notes);
    crate::tui::run(app)?;
    Ok(Status::Success)
}

fn no_subcommand(cli: &Cli, painter: Painter) -> anyhow::Result<Status> {
    if io::stdout().is_terminal() && io::stdin().is_terminal() {
        let loaded = match load_data(cli) {
            Ok(loaded) => loaded,
            Err(status) => return Ok(status),
        };
        let mut app = crate::app::App::new(
            loaded.kb,
            crate::app::DataInfo {
                origin: loaded.origin,
                today: crate::kb::today(),
            },
            theme(cli, painter),
        );
        app.theme_chosen = cli.theme.is_some();
        crate::tui::run(app)?;
        Ok(Status::Success)
    } else {
        eprintln!("{}", crate::strings::NOT_A_TERMINAL);
        let help = <Cli as clap::CommandFactory>::command().render_help();
        eprintln!("{help}");
        Ok(Status::Invalid)
    }
}

/// The theme asked for, or monochrome when colour is off (`NO_COLOR`, `--color never`).
#[must_use]
pub fn theme(cli: &Cli, painter: Painter) -> crate::theme::ThemeName {
    let colourless =
        cli.color == ColorChoice::Never || (cli.color == ColorChoice::Auto && !painter.on);
    match cli.theme {
        Some(t) => t,
        None if colourless => crate::theme::ThemeName::Mono,
        None => crate::theme::ThemeName::Defaut,
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

/// Loads `origin`; when it is the installed data and does not load, says so in a few lines and
/// loads the bundled data instead, so that relais stays usable while the data is repaired.
///
/// # Errors
/// The status to exit with when no data can be used (problems already printed).
pub fn load_or_fall_back(origin: &Origin) -> Result<Loaded, Status> {
    let today = crate::kb::today();
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
    let line = format!("relais : données invalides ({origin}) : {err}");
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
