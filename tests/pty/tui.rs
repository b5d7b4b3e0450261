//! End to end in a pseudo-terminal: the real binary, real keys, its output fed to a vt100
//! emulator. A volunteer's session (search without accents, open, follow a link, go back, copy,
//! quit), then the ways a session ends (q, Ctrl-C, SIGTERM, SIGHUP, Ctrl-Z and `fg`): each must
//! give the terminal back and write nothing to disk.
//!
//! The screen is polled rather than waited for with fixed sleeps, with generous timeouts: the
//! test machines are small.

#![cfg(unix)]

use crate::support::pty as pty_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use expectrl::WaitStatus;
use pty_support::{Launch, Pty, WAIT, rfind};

const COLS: u16 = 80;
const ROWS: u16 = 24;

/// Starts the TUI on the fixture, in an empty home and working directory.
fn start() -> Pty {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/kb.yaml");
    let mut pty = Launch::new(&["--data", data.to_str().expect("a UTF-8 path")])
        .home_var("XDG_DATA_HOME", "share")
        .home_var("XDG_CONFIG_HOME", "config")
        .size(COLS, ROWS)
        .start();
    // The program hides the cursor, draws the frame in several writes, then shows the cursor in
    // the search bar: with the cursor shown, the whole first frame is on the screen.
    pty.wait_for_screen("the first frame", |screen| {
        !screen.hide_cursor() && screen.contents().contains("Rechercher ›")
    });
    pty
}

/// The terminal is as the program found it, and nothing was written to disk.
fn assert_restored(pty: &Pty) {
    pty.assert_screen_restored();
    assert!(
        !pty.parser.screen().bracketed_paste(),
        "bracketed paste still on"
    );
    let raw = &pty.raw;
    let entered = rfind(raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = rfind(raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(
        left > entered,
        "the last alternate-screen switch is the exit"
    );
    let shown = rfind(raw, b"\x1b[?25h").expect("showed the cursor");
    assert!(shown > entered);
    let mouse_off = rfind(raw, b"\x1b[?1000l").expect("disabled mouse capture");
    assert!(mouse_off > rfind(raw, b"\x1b[?1000h").expect("enabled mouse capture"));
    assert_eq!(
        pty.sandbox.written(),
        Vec::<PathBuf>::new(),
        "wrote to disk"
    );
}

/// Decodes standard base64 (the OSC 52 payload).
fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().take_while(|&c| c != b'=') {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .expect("base64 character");
        acc = (acc << 6) | u32::try_from(v).expect("small");
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).expect("a byte"));
        }
    }
    out
}

/// The text of the last OSC 52 clipboard sequence in `raw`.
fn last_clipboard(raw: &[u8]) -> Option<String> {
    let start = rfind(raw, b"\x1b]52;c;")? + 7;
    let len = raw[start..].iter().position(|&b| b == 0x07 || b == 0x1b)?;
    let payload = std::str::from_utf8(&raw[start..start + len]).ok()?;
    String::from_utf8(base64(payload)).ok()
}

#[test]
fn a_volunteer_session_from_search_to_quit() {
    let mut pty = start();
    let screen = pty.contents();
    assert!(
        screen.contains("kb.yaml · 01/11/2026"),
        "status bar:\n{screen}"
    );

    // Search without accents: the detention entry comes first and shows in the reader.
    pty.send("detenu centre ferme");
    pty.wait_for("the detention entry", |s| {
        s.contains("Rechercher › detenu centre ferme")
            && s.contains("Combien de temps peut-on être détenu en")
    });

    // Enter opens it in the reader; its first link is the police-check entry.
    pty.send("\r");
    pty.wait_for("the reader's key hints", |s| s.contains("← revenir"));
    pty.send("1");
    pty.wait_for("the followed link", |s| {
        s.contains("Que faire lors d'un contrôle de police ?") && s.contains("historique ← 1 · 0 →")
    });

    // Backspace goes back.
    pty.send("\x7f");
    pty.wait_for("the way back", |s| s.contains("historique ← 0 · 1 →"));
    assert!(
        pty.contents()
            .contains("Combien de temps peut-on être détenu en")
    );

    // Ctrl + Y copies the entry through OSC 52.
    pty.send("\x19");
    pty.wait_for("the copy confirmation", |s| {
        s.contains("Fiche envoyée au presse-papiers")
    });
    let copied = last_clipboard(&pty.raw).expect("an OSC 52 sequence");
    assert!(
        copied.starts_with("Combien de temps peut-on être détenu en centre fermé ?"),
        "{copied}"
    );
    assert!(
        copied.contains("Ciré — la détention en centre fermé"),
        "{copied}"
    );

    // A letter in the reader starts a new question: « froid » finds the entry about the cold,
    // even though f, r, o, i and d were commands once.
    pty.send("froid");
    pty.wait_for("the new question", |s| {
        s.contains("Rechercher › froid") && s.contains("Que faire face au froid")
    });
    // Ctrl + Q quits from anywhere.
    pty.send("\x11");
    let status = pty.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, 0 | 130)),
        "{status:?}"
    );
    assert_restored(&pty);
}

#[test]
fn letters_type_everywhere_and_commands_are_on_ctrl() {
    let mut pty = start();
    pty.send("q");
    pty.wait_for("q in the query", |s| s.contains("Rechercher › q"));
    assert!(pty.running());
    // Esc clears the query; Tab moves to the list, where Ctrl + O copies the contact's number.
    pty.send("\x1b");
    pty.wait_for("the cleared query", |s| s.contains("tapez quelques mots"));
    pty.send("\t");
    pty.wait_for("the focused list", |s| s.contains("┏ Hébergement"));
    pty.send("\x1b[F");
    pty.send("\x0f");
    pty.wait_for("the copied number", |s| s.contains("0 8 0 0   0 0   0 0 0"));
    assert_eq!(last_clipboard(&pty.raw).as_deref(), Some("0800 00 000"));
    // q in the list types a new question; it does not quit.
    pty.send("q");
    pty.wait_for("q in the query", |s| s.contains("Rechercher › q"));
    assert!(pty.running());
    pty.send("\x11");
    let status = pty.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, 0 | 130)),
        "{status:?}"
    );
    assert_restored(&pty);
}

#[test]
fn ctrl_c_quits_from_the_search_bar() {
    let mut pty = start();
    pty.send("police");
    pty.wait_for("the query", |s| s.contains("Rechercher › police"));
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert_restored(&pty);
}

#[test]
fn sigterm_restores_the_terminal_and_exits() {
    let mut pty = start();
    pty.signal("TERM");
    let status = pty.wait_exit();
    // 128 + 15, whether the loop ends first or the watchdog of a vanished terminal does.
    assert!(matches!(status, WaitStatus::Exited(_, 143)), "{status:?}");
    assert_restored(&pty);
}

#[test]
fn sighup_restores_the_terminal_and_exits() {
    let mut pty = start();
    pty.signal("HUP");
    let status = pty.wait_exit();
    // 128 + 1, whether the loop ends first or the watchdog of a vanished terminal does.
    assert!(matches!(status, WaitStatus::Exited(_, 129)), "{status:?}");
    assert_restored(&pty);
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_redraws() {
    let mut pty = start();
    pty.send("froid");
    pty.wait_for("the query", |s| s.contains("Rechercher › froid"));
    pty.send("\x1a");
    let start = Instant::now();
    loop {
        pty.pump();
        if !pty.parser.screen().alternate_screen() {
            break;
        }
        assert!(start.elapsed() < WAIT, "Ctrl-Z did not leave the screen");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!pty.parser.screen().hide_cursor());
    // `fg`: the shell would send SIGCONT.
    pty.signal("CONT");
    pty.wait_for("the redrawn screen", |s| s.contains("Rechercher › froid"));
    assert!(pty.parser.screen().alternate_screen());
    pty.send("\x03");
    let status = pty.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert_restored(&pty);
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    let mut pty = start();
    pty.resize(40, 12);
    pty.signal("WINCH");
    pty.wait_for("the narrow layout", |s| {
        // The list alone: browsing, its border names the first category and counts the rows.
        s.lines().count() <= 12 && s.contains("· 10 ") && !s.contains("Lecture")
    });
    pty.send("\x03");
    pty.wait_exit();
    assert_restored(&pty);
}

#[test]
fn ma_region_is_the_one_file_relais_writes() {
    let mut pty = start();
    // Contacts tab, the region filter walked to Liège, then F9.
    pty.send("\x14\x14\x12\x12\x12");
    pty.wait_for("the Liège filter", |s| {
        s.contains("Région : Province de Liège")
    });
    pty.send("\x1b[20~");
    pty.wait_for("ma région", |s| {
        s.contains("Ma région : Province de Liège")
    });
    pty.send("\x11");
    let status = pty.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, 0 | 130)),
        "{status:?}"
    );
    let file = pty.sandbox.home.path().join("config/relais/ma-region");
    let files: Vec<PathBuf> = pty
        .sandbox
        .written()
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(files, std::slice::from_ref(&file), "that file alone");
    assert_eq!(std::fs::read_to_string(&file).expect("saved"), "liege\n");
}

#[test]
fn a_broken_ma_region_file_is_a_warning_and_ignored() {
    let config = tempfile::tempdir().expect("config");
    std::fs::create_dir_all(config.path().join("relais")).expect("dir");
    std::fs::write(config.path().join("relais/ma-region"), "\u{0}nulle part\n").expect("write");
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/kb.yaml");
    let mut pty = Launch::new(&["--data", data.to_str().expect("a UTF-8 path")])
        .home_var("XDG_DATA_HOME", "share")
        .env("XDG_CONFIG_HOME", config.path().to_str().expect("UTF-8"))
        .size(COLS, ROWS)
        .start();
    pty.wait_for("the warning", |s| s.contains("illisible"));
    assert!(!pty.contents().contains("Ma région"));
    pty.send("\x11");
    let status = pty.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, 0 | 130)),
        "{status:?}"
    );
}
