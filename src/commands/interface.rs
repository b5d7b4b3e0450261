//! The interface, from the command line: `relais` alone (the search screen) and `relais
//! present` (straight into presentation mode).

use std::io::{self, IsTerminal as _};

use super::{BUNDLED_COMPILED, Painter, Status, load_or_fall_back, locate, theme};
use crate::cli::Cli;
use crate::kb::Origin;
use crate::kb::validate::Loaded;
use crate::strings as s;

/// `relais present [DECK] [--notes]`: the interface, straight into presentation mode.
pub(super) fn run_present(
    cli: &Cli,
    loaded: Loaded,
    deck: Option<&str>,
    notes: bool,
    painter: Painter,
) -> anyhow::Result<Status> {
    if let Some(id) = deck.filter(|id| loaded.kb.deck(id).is_none()) {
        let suggestion =
            crate::kb::text::did_you_mean(id, loaded.kb.decks.iter().map(|d| d.id.as_str()));
        let hint = s::did_you_mean(suggestion);
        eprintln!(
            "{}",
            s::unknown_deck(&crate::kb::text::neutralize(id), &hint)
        );
        return Ok(Status::NotFound);
    }
    if !(io::stdout().is_terminal() && io::stdin().is_terminal()) {
        eprintln!("{}", s::PRESENT_NEEDS_TERMINAL);
        return Ok(Status::Invalid);
    }
    let mut app = ready_app(cli, painter, loaded);
    app.start_presentation(deck, 0, false, notes);
    crate::tui::run(app)?;
    Ok(Status::Success)
}

/// `relais` alone: the search screen, on a terminal; elsewhere, the help and exit 2.
pub(super) fn no_subcommand(cli: &Cli, painter: Painter) -> anyhow::Result<Status> {
    if io::stdout().is_terminal() && io::stdin().is_terminal() {
        let origin = locate(cli);
        if origin == Origin::Bundled
            && let Some(app) = waiting_app(cli, painter)
        {
            crate::tui::run(app)?;
            return Ok(Status::Success);
        }
        let loaded = match load_or_fall_back(&origin) {
            Ok(loaded) => loaded,
            Err(status) => return Ok(status),
        };
        crate::tui::run(ready_app(cli, painter, loaded))?;
        Ok(Status::Success)
    } else {
        eprintln!("{}", s::NOT_A_TERMINAL);
        let help = crate::cli::command().render_help();
        eprintln!("{help}");
        Ok(Status::Invalid)
    }
}

/// The interface on the bundled data, the head of its knowledge base and the glimpse of its
/// entries read, the whole entries and the search index still to decode once the first frame
/// is drawn (see [`crate::compiled::decode_deferred`]): that frame needs neither. `None` when the compiled form does not load (the caller then reads it whole, which
/// says why and falls back to the YAML files).
fn waiting_app(cli: &Cli, painter: Painter) -> Option<crate::tui::app::App> {
    let mut early =
        crate::compiled::decode_deferred(BUNDLED_COMPILED, &crate::compiled::BUNDLED_KEY).ok()?;
    early.kb.meta.unsigned = false;
    let info = data_info(Origin::Bundled);
    let mut app = crate::tui::app::App::waiting(early, info, theme(cli, painter), terminal_area());
    app.theme_chosen = cli.theme.is_some();
    Some(app)
}

/// The interface on data read whole, at the terminal's size, in the theme asked for.
fn ready_app(cli: &Cli, painter: Painter, loaded: Loaded) -> crate::tui::app::App {
    let (kb, index, origin) = loaded.into_parts();
    let info = data_info(origin);
    let mut app =
        crate::tui::app::App::sized(kb, index, info, theme(cli, painter), terminal_area());
    app.theme_chosen = cli.theme.is_some();
    app
}

fn data_info(origin: Origin) -> crate::tui::app::DataInfo {
    crate::tui::app::DataInfo {
        origin,
        today: crate::kb::today(),
    }
}

/// The terminal's size, so that the interface is laid out once for its first frame (80x24 if
/// it cannot be read; the interface takes the size again when it starts drawing).
fn terminal_area() -> ratatui::layout::Rect {
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    ratatui::layout::Rect::new(0, 0, width, height)
}
