//! The speaker-view link as a source of actions. A speaker view follows the presenter's
//! position and sends it the keys pressed on the laptop; a presenter publishes where the deck
//! is and takes the speaker views' commands. Over a Unix socket ([`crate::tui::link`]); on
//! other systems there is no link and no action.

use crate::tui::action::Action;
use crate::tui::app::App;

/// The link's state across the loop's turns.
#[derive(Default)]
pub struct Speaker {
    #[cfg(unix)]
    leader: Option<(String, crate::tui::link::Leader)>,
    /// When binding the deck's socket last failed (another presenter holds it): retried
    /// every few seconds, said once.
    #[cfg(unix)]
    refused: Option<std::time::Instant>,
    #[cfg(unix)]
    follower: Option<crate::tui::link::Follower>,
    #[cfg(unix)]
    presenter: Option<String>,
}

impl Speaker {
    /// Exchanges positions and commands with the other side; returns what the app must do.
    /// Commands the speaker view queued are sent on the way.
    #[cfg(not(unix))]
    pub fn exchange(&mut self, _app: &mut App) -> Vec<Action> {
        Vec::new()
    }

    /// Exchanges positions and commands with the other side; returns what the app must do.
    /// Commands the speaker view queued are sent on the way.
    #[cfg(unix)]
    pub fn exchange(&mut self, app: &mut App) -> Vec<Action> {
        let Some(p) = &app.presentation else {
            self.leader = None;
            return Vec::new();
        };
        match p
            .notes
            .then(|| p.deck.as_ref().map(|d| d.id.clone()).unwrap_or_default())
        {
            Some(deck) => self.follow(app, &deck),
            None => self.lead(app),
        }
    }

    /// Speaker view: follow the presenter and send it the keys.
    #[cfg(unix)]
    fn follow(&mut self, app: &mut App, deck: &str) -> Vec<Action> {
        use crate::tui::link::{Follower, socket_path};
        let follower = self
            .follower
            .get_or_insert_with(|| Follower::new(&socket_path(deck)));
        let mut actions = Vec::new();
        let pos = follower.poll();
        let who = follower.presenter().map(str::to_owned);
        if who != self.presenter {
            self.presenter.clone_from(&who);
            actions.push(Action::Presenter(who));
        }
        if let Some(pos) = pos {
            actions.push(Action::Follow(pos));
        }
        let outbox = app
            .presentation
            .as_mut()
            .map(|p| std::mem::take(&mut p.outbox))
            .unwrap_or_default();
        for cmd in outbox {
            follower.send(cmd);
        }
        actions
    }

    /// Presenter: tell the speaker views where the deck is and take their commands.
    #[cfg(unix)]
    fn lead(&mut self, app: &App) -> Vec<Action> {
        use crate::tui::action::Blank;
        use crate::tui::link::{Command, Leader, socket_path};
        use std::time::{Duration, Instant};
        let Some((deck, pos)) = app.deck_position() else {
            return Vec::new();
        };
        let mut actions = Vec::new();
        if self.leader.as_ref().is_none_or(|(id, _)| *id != deck)
            && self
                .refused
                .is_none_or(|t| t.elapsed() > Duration::from_secs(5))
        {
            match Leader::bind(&socket_path(&deck)) {
                Ok(leader) => {
                    self.leader = Some((deck, leader));
                    self.refused = None;
                }
                Err(e) => {
                    if self.refused.is_none() && e.kind() == std::io::ErrorKind::AddrInUse {
                        actions.push(Action::AlreadyPresenting);
                    }
                    self.refused = Some(Instant::now());
                }
            }
        }
        let Some((_, leader)) = self.leader.as_mut() else {
            return actions;
        };
        leader.publish(&pos);
        actions.extend(leader.commands().into_iter().map(|cmd| match cmd {
            Command::Next => Action::NextSlide,
            Command::Previous => Action::PrevSlide,
            Command::Black => Action::Blank(Blank::Black),
            Command::White => Action::Blank(Blank::White),
            Command::Unblank => Action::Unblank,
        }));
        actions
    }
}
