//! The resize race in process: the app laid out at one size, the frame drawn at another (as
//! when the window changes between the resize event and the frame), for random pairs of sizes
//! from 1x1 to 250x80, in the browser and in the reader with its find bar open. `tui::draw`
//! lays the app out again at the frame's own size: no panic, and the layout is the frame's.

use crate::support::tui as tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use relais::tui::action::Action;
use tui_support::{app, open_id, type_text};

struct Rng(u64);

impl Rng {
    fn size(&mut self) -> (u16, u16) {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let w = 1 + (self.0 % 250) as u16;
        let h = 1 + ((self.0 >> 20) % 80) as u16;
        if (self.0 >> 40).is_multiple_of(4) {
            (w % 3 + 1, h % 3 + 1)
        } else {
            (w, h)
        }
    }
}

#[test]
fn every_frame_is_laid_out_at_its_own_size() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..300 {
        let mut app = app(120, 40);
        if round % 2 == 1 {
            open_id(&mut app, "droits-hebergeur");
            app.update(Action::StartFind);
            type_text(&mut app, "héberger");
        }
        let (lw, lh) = rng.size();
        app.update(Action::Resize(lw, lh));
        let (fw, fh) = rng.size();
        let mut terminal = Terminal::new(TestBackend::new(fw, fh)).expect("terminal");
        terminal
            .draw(|frame| relais::tui::draw(&mut app, frame))
            .expect("draw");
        assert_eq!(
            app.size,
            Rect::new(0, 0, fw, fh),
            "laid out {lw}x{lh}, drawn {fw}x{fh}"
        );
    }
}
