//! The runtime: puts the terminal in full-screen mode, runs the loop (draw, read an event, map
//! it to an action, update), and always gives the terminal back — on quit, on error, on panic,
//! on every signal that ends the process (see the `signals` module), and around Ctrl-Z.

mod clock;
mod signals;
mod speaker;

use std::io::{self, Write};
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::Context as _;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::screen::Screen;
use clock::Clock;
use signals::Signals;
use speaker::Speaker;

/// The frames go through a buffer as large as a big screen's frame: ratatui flushes it at the
/// end of each frame, so a frame reaches the terminal in one write (stdout alone would send it
/// in pieces of 1 KiB). Nothing stays in it between frames, when `leave` writes to stdout.
type Term = Terminal<Screen<io::BufWriter<io::Stdout>>>;

const FRAME_BUFFER: usize = 256 * 1024;

/// Enters raw mode and the alternate screen, with mouse and bracketed paste.
fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    signals::keep_signal_keys();
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Leaves everything `enter` turned on. Safe to call twice.
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

/// Restores the terminal before the panic message prints, so it stays readable: when the panic
/// ends the process, that is a panic of the interface's thread, or of any thread in a build
/// that aborts on panic (the release build). In a build that unwinds, a panic of a thread that
/// decodes beside the interface is only an error for the interface, which goes on.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    let interface = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if cfg!(panic = "abort") || std::thread::current().id() == interface {
            leave();
        }
        previous(info);
    }));
}

/// Runs the interface until the user quits.
///
/// # Errors
/// The terminal could not be set up or drawn to.
pub fn run(mut app: App) -> anyhow::Result<()> {
    install_panic_hook();
    let signals = Signals::register(leave);
    enter().context("Impossible de passer le terminal en plein écran")?;
    let result = event_loop(&mut app, &signals);
    leave();
    if let Some(notice) = app.exit_notice.take() {
        eprintln!("relais : {notice}");
    }
    // The process ends right after: the system takes the memory back at once, where dropping
    // the knowledge base and its index piece by piece takes longer than the first frame.
    std::mem::forget(app);
    if let Some(sig) = signals.stopped() {
        // The exit status a shell expects from a process ended by this signal.
        std::process::exit(128 + sig);
    }
    result
}

/// Set only by the first-frame bench (`benches/first_frame.sh`, BENCHMARKS.md): the program
/// quits once its first frame is on the screen, so that a profiler counts the start alone.
const QUIT_AFTER_FIRST_FRAME: &str = "RELAIS_BENCH_QUIT_AFTER_FIRST_FRAME";

fn event_loop(app: &mut App, signals: &Signals) -> anyhow::Result<()> {
    let mut term = Terminal::new(Screen::new(io::BufWriter::with_capacity(
        FRAME_BUFFER,
        io::stdout(),
    )))
    .context("Terminal indisponible")?;
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    load_region(app);
    let quit_after_first_frame = std::env::var_os(QUIT_AFTER_FIRST_FRAME).is_some();
    let mut clock = Clock::default();
    let mut speaker = Speaker::default();
    // Outside a presentation the screen only changes through an action: a frame is drawn when
    // one was applied (or the terminal was given back and taken again), not at every turn. A
    // presentation is drawn at every turn: its timer and the speaker view's clock move.
    let mut changed = true;
    while !app.quit {
        // The presentation's clock, then the speaker views: sources of actions like the keys.
        if let Some(tick) = clock.tick(app) {
            app.update(tick);
            changed = true;
        }
        for action in speaker.exchange(app) {
            app.update(action);
            changed = true;
        }
        if changed || app.presentation.is_some() {
            term.draw(|frame| draw(app, frame))?;
            changed = false;
            if quit_after_first_frame {
                break;
            }
            // After the first frame: no thread starts before it.
            signals.watch();
            if app.pending.is_some() {
                // The first frame is on the screen: the whole entries, the search index and
                // the translations are decoded before any key is read.
                let said = app.status.clone();
                app.settle();
                changed = app.status != said;
            }
        }
        let wait = if app.presentation.is_some() { 100 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
            if signals.stopped().is_some() {
                break;
            }
            if signals.suspend.swap(false, Ordering::Relaxed) {
                suspend(&mut term)?;
                changed = true;
            }
            continue;
        }
        let event = event::read()?;
        if is_suspend_key(&event) {
            suspend(&mut term)?;
            changed = true;
            continue;
        }
        for action in actions(app, event) {
            app.update(action);
            changed = true;
        }
        if let Some(text) = app.clipboard.take() {
            copy(&text);
        }
        if let Some(region) = app.save_region.take() {
            save_region(app, region.as_deref());
        }
        if signals.stopped().is_some() {
            break;
        }
        if signals.suspend.swap(false, Ordering::Relaxed) {
            suspend(&mut term)?;
            changed = true;
        }
    }
    Ok(())
}

/// Draws one frame at the frame's own size. The terminal may have been resized since the last
/// resize event was read (ratatui measures it again before each frame): the app is laid out
/// again at the size being drawn, so no widget is placed outside the buffer.
pub fn draw(app: &mut App, frame: &mut ratatui::Frame<'_>) {
    let area = frame.area();
    if app.size != area {
        app.update(Action::Resize(area.width, area.height));
    }
    crate::tui::ui::render(app, frame);
}

fn is_suspend_key(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL) && k.kind != KeyEventKind::Release)
}

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
fn suspend(term: &mut Term) -> anyhow::Result<()> {
    leave();
    signals::stop_self();
    enter()?;
    // Redraw everything; resize (unlike clear) does not ask the terminal for the cursor.
    let (width, height) = terminal::size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, width, height))?;
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

/// « Ma région » from the config file; a broken file is said in the status bar and ignored.
fn load_region(app: &mut App) {
    let Some(dir) = crate::tui::config::dir() else {
        return;
    };
    match crate::tui::config::load(&dir) {
        Ok(region) => app.my_region = region,
        Err(warning) => app.status = Some(warning),
    }
    if app.my_region.is_some() {
        app.refresh_rows();
    }
}

fn save_region(app: &mut App, region: Option<&str>) {
    let saved = crate::tui::config::dir()
        .ok_or_else(|| {
            "Pas de dossier de configuration : « ma région » vaut pour cette séance.".to_owned()
        })
        .and_then(|dir| crate::tui::config::save(&dir, region));
    if let Err(message) = saved {
        app.status = Some(message);
    }
}

/// Puts text on the clipboard through the terminal (OSC 52), which also works over SSH.
fn copy(text: &str) {
    let _ = execute!(
        io::stdout(),
        crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
    );
}
