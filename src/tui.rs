//! The runtime: puts the terminal in full-screen mode, runs the loop (draw, read an event, map
//! it to an action, update), and always gives the terminal back — on quit, on error, on panic,
//! on SIGTERM/SIGHUP/SIGINT, and around Ctrl-Z.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context as _;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::Action;
use crate::app::App;
use crate::keymap;

type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Enters raw mode and the alternate screen, with mouse and bracketed paste.
fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Leaves everything [`enter`] turned on. Safe to call twice.
pub fn leave() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = io::stdout().flush();
}

/// Restores the terminal before the panic message prints, so it stays readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

/// Signals that end the session cleanly.
struct Signals {
    stop: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> Self {
        let signals = Self {
            stop: Arc::new(AtomicBool::new(false)),
            suspend: Arc::new(AtomicBool::new(false)),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
            for sig in [SIGTERM, SIGHUP, SIGINT] {
                let _ = signal_hook::flag::register(sig, Arc::clone(&signals.stop));
            }
            let _ = signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend));
        }
        signals
    }
}

/// Runs the interface until the user quits.
///
/// # Errors
/// The terminal could not be set up or drawn to.
pub fn run(mut app: App) -> anyhow::Result<()> {
    install_panic_hook();
    let signals = Signals::register();
    enter().context("Impossible de passer le terminal en plein écran")?;
    let result = event_loop(&mut app, &signals);
    leave();
    result
}

fn event_loop(app: &mut App, signals: &Signals) -> anyhow::Result<()> {
    let mut term =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("Terminal indisponible")?;
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.quit {
        term.draw(|frame| crate::ui::render(app, frame))?;
        if !event::poll(Duration::from_millis(250))? {
            if signals.stop.load(Ordering::Relaxed) {
                break;
            }
            if signals.suspend.swap(false, Ordering::Relaxed) {
                suspend(&mut term)?;
            }
            continue;
        }
        let event = event::read()?;
        if is_suspend_key(&event) {
            suspend(&mut term)?;
            continue;
        }
        for action in actions(app, event) {
            app.update(action);
        }
        if let Some(text) = app.clipboard.take() {
            copy(&text);
        }
        if signals.stop.load(Ordering::Relaxed) {
            break;
        }
    }
    Ok(())
}

fn is_suspend_key(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL) && k.kind != KeyEventKind::Release)
}

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
fn suspend(term: &mut Term) -> anyhow::Result<()> {
    leave();
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    }
    enter()?;
    term.clear()?;
    Ok(())
}

/// The actions of one terminal event.
fn actions(app: &App, event: Event) -> Vec<Action> {
    match event {
        Event::Key(key) => keymap::action(app.mode(), key).into_iter().collect(),
        Event::Paste(text) => vec![Action::Paste(text)],
        Event::Resize(w, h) => vec![Action::Resize(w, h)],
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => vec![Action::Click(m.column, m.row)],
            MouseEventKind::ScrollDown => vec![Action::Wheel(m.column, m.row, 1)],
            MouseEventKind::ScrollUp => vec![Action::Wheel(m.column, m.row, -1)],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Puts text on the clipboard through the terminal (OSC 52), which also works over SSH.
fn copy(text: &str) {
    let _ = execute!(
        io::stdout(),
        crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
    );
}
