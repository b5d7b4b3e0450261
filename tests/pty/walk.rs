//! The volunteer's evening of issue 14, on the bundled data, at three sizes: `froid`, then
//! `gale` typed straight from the open answer, then a lawyer in Liège (the Contacts tab, the
//! Liège filter, `avocat`) and the number copied. Run with `--nocapture` to see the screens.

use expectrl::WaitStatus;

use crate::support::pty::{Launch, Pty};

fn screen(pty: &Pty, title: &str) {
    eprintln!("----- {title} -----\n{}", pty.contents());
}

#[test]
fn the_volunteers_evening() {
    for (cols, rows) in [(80, 24), (40, 12), (200, 50)] {
        let mut pty = Launch::new(&[])
            .home_var("XDG_DATA_HOME", "share")
            .home_var("XDG_CONFIG_HOME", "config")
            .size(cols, rows)
            .start();
        pty.wait_for_screen("the first frame", |s| {
            !s.hide_cursor() && s.contents().contains("Rechercher")
        });
        screen(&pty, &format!("{cols}x{rows} start"));
        pty.send("froid");
        pty.wait_for("froid", |s| {
            s.contains("froid") && s.to_lowercase().contains("froid")
        });
        pty.send("\r");
        std::thread::sleep(std::time::Duration::from_millis(300));
        pty.send("gale");
        pty.wait_for("gale", |s| {
            s.contains("› gale") && s.matches("ale").count() > 1
        });
        screen(&pty, &format!("{cols}x{rows} gale typed from the answer"));
        // A lawyer in Liège: all cleared, the Contacts tab, the Liège filter, then the question.
        pty.send("\x0c\x14\x14\x12\x12\x12");
        pty.wait_for("the Liège filter", |s| s.contains("Liège"));
        pty.send("avocat");
        pty.wait_for("a lawyer", |s| s.contains("› avocat"));
        // The bureau of Liège itself, third in the list: down twice, then open it.
        pty.send("\x1b[B");
        pty.send("\x1b[B");
        pty.send("\r");
        pty.wait_for("the Liège bureau", |s| {
            s.contains("(BAJ) de") && s.contains("Barreau de Liège-Huy")
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        pty.send("\x0f");
        pty.wait_for("the copied number", |s| s.contains("Numéro envoyé"));
        screen(
            &pty,
            &format!("{cols}x{rows} lawyer in Liège, number copied"),
        );
        pty.send("\x11");
        let status = pty.wait_exit();
        assert!(
            matches!(status, WaitStatus::Exited(_, 0 | 130)),
            "{status:?}"
        );
    }
}
