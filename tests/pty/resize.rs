//! The resize race, end to end: the real binary in a pseudo-terminal, a long answer open in
//! the reader and its find bar taking keys, while the window is resized at random (down to
//! 1x1) faster than it can redraw. Before the fix, the layout used the size of the last resize
//! event while ratatui drew at the size of the moment: « index outside of buffer », a panic.
//! `RELAIS_RESIZES` sets the number of resizes (default 1000).
#![cfg(unix)]

use crate::support::pty as pty_support;

use std::path::Path;
use std::time::Duration;

use expectrl::WaitStatus;
use pty_support::Launch;

/// A knowledge base with one entry whose answer is long and full of links.
fn long_pack(dir: &Path) {
    let paragraph = "Une phrase assez longue pour passer à la ligne plusieurs fois sur un écran \
                     étroit, avec un lien vers [[courte]] et des mots à chercher.\n\n";
    let answer = paragraph.repeat(150).replace('"', "'");
    let answer = answer.replace('\n', "\\n");
    let text = format!(
        r#"categories:
  - id: droits
    title: "Droits"
entries:
  - id: longue
    title: "Longue réponse"
    category: droits
    summary: "Une réponse très longue."
    answer: "{answer}"
    sources:
      - title: "Loi"
    reviewed: 2026-10-01
  - id: courte
    title: "Courte"
    category: droits
    summary: "Oui."
    answer: "Oui."
    sources:
      - title: "Loi"
    reviewed: 2026-10-01
"#
    );
    std::fs::write(dir.join("kb.yaml"), text).expect("write");
}

/// A small deterministic generator (xorshift), so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// Reads what the program printed, without the emulator, answering cursor-position queries.
fn drain(pty: &mut pty_support::Pty) {
    let mut buf = [0u8; 16384];
    while let Ok(n @ 1..) = pty.session.try_read(&mut buf) {
        let queries = buf[..n].windows(4).filter(|w| w == b"\x1b[6n").count();
        pty.raw.extend_from_slice(&buf[..n]);
        for _ in 0..queries {
            pty.send("\x1b[1;1R");
        }
    }
}

#[test]
fn random_resizes_while_typing_never_panic() {
    let resizes: usize = std::env::var("RELAIS_RESIZES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let seed = std::env::var("RELAIS_RESIZE_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64 | 1)
        });
    let data = tempfile::tempdir().expect("data");
    long_pack(data.path());
    let kb = data.path().join("kb.yaml");
    let mut pty = Launch::new(&["--data", kb.to_str().expect("UTF-8 path")])
        .home_var("XDG_DATA_HOME", "share")
        .size(100, 30)
        .start();
    pty.wait_for_screen("the first frame", |screen| {
        !screen.hide_cursor() && screen.contents().contains("Rechercher ›")
    });
    pty.send("longue");
    pty.wait_for("the long entry", |s| s.contains("Longue réponse"));
    pty.send("\r");
    pty.wait_for("the reader", |s| s.contains("Une phrase assez longue"));
    pty.send("/");
    pty.wait_for("the find bar", |s| s.contains("Chercher dans la fiche"));
    let mut rng = Rng(seed);
    // Letters and Backspace only: each stays in the find bar (an escape sequence cut in two
    // by the pty would read as Esc, which closes it).
    let keys = ["m", "o", "t", "s", "\x7f", "e", "r", "\x7f", "l", "i"];
    for n in 0..resizes {
        let (cols, rows) = if rng.next(4) == 0 {
            (1 + rng.next(3) as u16, 1 + rng.next(3) as u16)
        } else {
            (1 + rng.next(200) as u16, 1 + rng.next(60) as u16)
        };
        // The window only: the emulator itself (vt100) cannot follow sizes this small.
        pty.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("resize");
        if rng.next(3) == 0 {
            pty.send(keys[rng.next(keys.len() as u64) as usize]);
        }
        if n % 25 == 0 {
            drain(&mut pty);
            std::thread::sleep(Duration::from_millis(rng.next(3)));
        }
        assert!(
            pty.running(),
            "relais ended after {n} resizes (seed {seed}): {}",
            String::from_utf8_lossy(&pty.raw[pty.raw.len().saturating_sub(600)..])
        );
    }
    // Still alive and drawing: once the last resizes are drawn, a new emulator at a normal
    // size sees the whole frame drawn again; the reader is there, Ctrl-C quits.
    pty.session
        .get_process_mut()
        .set_window_size(100, 30)
        .expect("resize");
    std::thread::sleep(Duration::from_secs(1));
    drain(&mut pty);
    pty.parser = vt100::Parser::new(30, 101, 0);
    pty.resize(101, 30);
    pty.signal("WINCH");
    pty.wait_for("the reader at a normal size", |s| {
        s.contains("Longue réponse") && s.contains("Chercher dans la fiche")
    });
    pty.send("\x03");
    let status = pty.wait_exit();
    let tail = String::from_utf8_lossy(&pty.raw[pty.raw.len().saturating_sub(600)..]).into_owned();
    assert!(
        matches!(status, WaitStatus::Exited(_, 130)),
        "{status:?} after {resizes} resizes (seed {seed}): {tail}"
    );
    assert!(!tail.contains("panicked"), "{tail}");
    eprintln!("{resizes} resizes, seed {seed}: no panic");
}
