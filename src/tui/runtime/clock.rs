//! The presentation's clock: one [`Action::Tick`] each new second since the presentation
//! started, nothing outside presentation mode.

use std::time::Instant;

use crate::tui::action::Action;
use crate::tui::app::App;

#[derive(Default)]
pub struct Clock {
    started: Option<Instant>,
    shown: u64,
}

impl Clock {
    /// The tick of a new second, if one began since the last call.
    pub fn tick(&mut self, app: &App) -> Option<Action> {
        if app.presentation.is_none() {
            self.started = None;
            return None;
        }
        let started = *self.started.get_or_insert_with(Instant::now);
        let secs = started.elapsed().as_secs();
        (secs != self.shown).then(|| {
            self.shown = secs;
            Action::Tick(secs)
        })
    }
}
