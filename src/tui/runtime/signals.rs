//! Signals during the interface. Every signal whose default action ends the process is caught:
//! the terminal is given back first, and the process ends with the code a shell expects from
//! that signal, 128 + N. In raw mode the terminal's own signal keys stay on (ISIG), so Ctrl-C,
//! Ctrl-\ and Ctrl-Z reach the process from the kernel even when the input parser holds every
//! key back (an unterminated bracketed paste does).

#[cfg(unix)]
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// What the loop checks between events.
pub struct Signals {
    /// The number of the signal that ends the session, 0 while none has come.
    stop: Arc<AtomicI32>,
    /// Ctrl-Z (SIGTSTP) was pressed.
    pub suspend: Arc<AtomicBool>,
    /// The ending signals caught, until [`Signals::watch`] starts the thread that reads them.
    #[cfg(unix)]
    caught: Cell<Option<Caught>>,
}

/// The ending signals' iterator, and what gives the terminal back.
#[cfg(unix)]
type Caught = (signal_hook::iterator::Signals, fn());

/// The signals that would end the process without giving the terminal back. SIGKILL and SIGSTOP
/// cannot be caught; the faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT) go through the panic
/// hook or cannot be handled safely; SIGPIPE is ignored by Rust programs.
#[cfg(unix)]
const ENDING: [i32; 12] = {
    use signal_hook::consts::{
        SIGALRM, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM,
        SIGXCPU, SIGXFSZ,
    };
    [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGIO,
    ]
};

impl Signals {
    /// Catches the signals from now on. `leave` gives the terminal back. The thread that
    /// reads the ending ones starts with [`Signals::watch`]: a signal that comes before waits
    /// for it.
    pub fn register(leave: fn()) -> Self {
        let signals = Self {
            stop: Arc::new(AtomicI32::new(0)),
            suspend: Arc::new(AtomicBool::new(false)),
            #[cfg(unix)]
            caught: Cell::new(None),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::SIGTSTP;
            let _ = signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend));
            if let Ok(caught) = signal_hook::iterator::Signals::new(ENDING) {
                signals.caught.set(Some((caught, leave)));
            }
        }
        #[cfg(not(unix))]
        let _ = leave;
        signals
    }

    /// Starts the thread that reads the ending signals (once; the interface calls it when its
    /// first frame is on the screen, so that no thread starts before).
    pub fn watch(&self) {
        #[cfg(unix)]
        if let Some((caught, leave)) = self.caught.take() {
            watch(caught, Arc::clone(&self.stop), leave);
        }
    }

    /// The signal that ends the session, if one came.
    pub fn stopped(&self) -> Option<i32> {
        Some(self.stop.load(Ordering::Relaxed)).filter(|&n| n != 0)
    }
}

/// The loop notices a signal within a poll period and ends; but when the terminal itself is
/// gone (a closed SSH session or terminal window), crossterm can keep reading an empty input
/// forever without returning, so this thread restores what it can and exits if the loop has not
/// finished shortly after the signal.
#[cfg(unix)]
fn watch(mut signals: signal_hook::iterator::Signals, stop: Arc<AtomicI32>, leave: fn()) {
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            stop.store(sig, Ordering::Relaxed);
            std::thread::sleep(std::time::Duration::from_millis(500));
            leave();
            std::process::exit(128 + sig);
        }
    });
}

/// Keeps the terminal's signal keys (Ctrl-C, Ctrl-\, Ctrl-Z) on in raw mode. Best effort: on a
/// terminal that refuses, the keys still arrive as keys.
#[cfg(unix)]
pub fn keep_signal_keys() {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let stdin = std::io::stdin();
    if let Ok(mut modes) = tcgetattr(&stdin) {
        modes.local_modes |= LocalModes::ISIG;
        let _ = tcsetattr(&stdin, OptionalActions::Now, &modes);
    }
}

#[cfg(not(unix))]
pub fn keep_signal_keys() {}

/// Stops the process as Ctrl-Z does (SIGSTOP); it goes on when the shell's `fg` resumes it.
/// Nothing to do where there are no job-control signals.
pub fn stop_self() {
    #[cfg(unix)]
    {
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
    }
}
