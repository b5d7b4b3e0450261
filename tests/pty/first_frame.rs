//! Time to the first frame of the interface on the bundled data, in a pseudo-terminal at 80x24
//! with an empty home: a measurement, not a test (`benches/first_frame.sh` runs it on a release
//! binary).
//!
//! The clock starts just before the spawn and stops at the read that completes the first frame:
//! the program hides the cursor, draws, then shows it in the search bar, so a shown cursor under
//! « Rechercher › » is a whole frame. The reads block (no polling, no sleep) and each is timed
//! when it returns. The CPU time is the child's, all its threads, from the fork to that read
//! (Linux's scheduler statistics). Between the fork and the exec the pty library closes every
//! descriptor number the limit allows, 20,000 on the test machine (several milliseconds, not
//! relais'): the harness first lowers its own limit to 256 with `prlimit`, when it is there.
//!
//! `RELAIS_FIRST_FRAME_BIN` names the binary to time (by default the one cargo built for the
//! tests), `RELAIS_FIRST_FRAME_RUNS` the number of starts (20).

use std::io::Read as _;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use expectrl::{Session, WaitStatus};

use crate::support::pty::WAIT;

#[test]
#[ignore = "a measurement: run it through benches/first_frame.sh"]
fn first_frame_time() {
    let binary = std::env::var_os("RELAIS_FIRST_FRAME_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_relais")),
        PathBuf::from,
    );
    let runs: usize = std::env::var("RELAIS_FIRST_FRAME_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    // The soft limit only: the hard one stays, and this test process is the only one touched.
    let lowered = std::process::Command::new("prlimit")
        .args(["--pid", &std::process::id().to_string(), "--nofile=256:"])
        .status()
        .is_ok_and(|s| s.success());
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    let mut spawn = Vec::with_capacity(runs);
    let mut before_exec = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = one_start(&binary);
        wall.push(start.to_frame);
        cpu.extend(start.cpu.map(Duration::from_nanos));
        spawn.push(start.spawn);
        before_exec.extend(start.cpu_at_spawn.map(Duration::from_nanos));
    }
    println!("first frame over {runs} starts of {}:", binary.display());
    if !lowered {
        println!("  (prlimit failed: the spawn closes as many descriptors as the limit allows)");
    }
    print_line("wall, spawn to whole frame", &mut wall);
    print_line("CPU of relais, fork to whole frame", &mut cpu);
    print_line("of which the spawn, wall", &mut spawn);
    print_line(
        "of which the spawn, CPU (the child until the spawn returned)",
        &mut before_exec,
    );
}

/// What one start measured.
struct Start {
    /// Wall time from just before the spawn to the whole first frame.
    to_frame: Duration,
    /// The child's CPU time from the fork to the whole first frame, in nanoseconds.
    cpu: Option<u64>,
    /// How long the spawn itself took.
    spawn: Duration,
    /// The child's CPU time when the spawn returned (mostly the pty library's work).
    cpu_at_spawn: Option<u64>,
}

/// One start of `binary`, measured.
fn one_start(binary: &std::path::Path) -> Start {
    let home = tempfile::tempdir().expect("temp dir");
    let mut cmd = crate::support::sandbox::bare_at(binary, home.path());
    cmd.env("XDG_DATA_HOME", home.path().join("share"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("TERM", "xterm-256color")
        .current_dir(home.path());
    let before = Instant::now();
    let mut session = Session::spawn(cmd).expect("spawn relais in a pty");
    let spawned = Instant::now();
    let pid = session.get_process().pid().to_string();
    let cpu_at_spawn = cpu_time(&pid);
    let done = watchdog(&pid);
    let mut parser = vt100::Parser::new(24, 80, 0);
    let mut buf = [0u8; 16384];
    let framed = loop {
        // A blocking read: it returns as soon as relais wrote something.
        let n = session
            .read(&mut buf)
            .expect("relais stopped before its first frame");
        let at = Instant::now();
        parser.process(&buf[..n]);
        let screen = parser.screen();
        if !screen.hide_cursor() && screen.contents().contains("Rechercher ›") {
            break at;
        }
    };
    let cpu_ns = cpu_time(&pid);
    let _ = done.send(());
    session.send("\x03").expect("send Ctrl-C");
    let quit = Instant::now();
    while session.get_process().status() == Ok(WaitStatus::StillAlive) {
        assert!(quit.elapsed() < WAIT, "relais did not quit");
        let _ = session.try_read(&mut buf);
        std::thread::sleep(Duration::from_millis(1));
    }
    Start {
        to_frame: framed - before,
        cpu: cpu_ns,
        spawn: spawned - before,
        cpu_at_spawn,
    }
}

/// Kills `pid` if no first frame came within [`WAIT`] (the blocking read then fails), unless
/// told it came.
fn watchdog(pid: &str) -> mpsc::Sender<()> {
    let (tx, rx) = mpsc::channel::<()>();
    let pid = pid.to_owned();
    std::thread::spawn(move || {
        if rx.recv_timeout(WAIT) == Err(mpsc::RecvTimeoutError::Timeout) {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid])
                .status();
        }
    });
    tx
}

fn print_line(what: &str, times: &mut [Duration]) {
    if times.is_empty() {
        println!("  {what}: not measured");
        return;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "  {what}: median {:.2} ms, min {:.2} ms, max {:.2} ms",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
    );
}

/// The time every thread of `pid` has run so far, in nanoseconds, from Linux's scheduler
/// statistics (a thread that already ended is not counted: relais' threads live as long as it).
fn cpu_time(pid: &str) -> Option<u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut total = 0;
    for task in tasks.flatten() {
        let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}
