//! The presentation actions: moving through the deck, blank screens, the go-to prompt, the
//! quick search and its detour, leaving.

use super::{DeckRef, Detour, QuickSearch};
use crate::tui::action::Blank;
use crate::tui::link::Command;

impl crate::tui::app::App {
    /// Applies one action during a presentation.
    pub(in crate::tui::app) fn update_while_presenting(
        &mut self,
        action: crate::tui::action::Action,
    ) {
        use crate::tui::action::Action as A;
        match action {
            A::Quit => self.quit = true,
            A::Resize(w, h) => {
                self.size = ratatui::layout::Rect::new(0, 0, w, h);
                self.plan_slide();
            }
            A::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            // The help stays until a key closes it: the timer and the presenter's moves
            // (speaker view) go on underneath.
            A::ScrollDown | A::ScrollUp | A::PageDown | A::PageUp if self.help => {
                let step = match action {
                    A::ScrollDown => 1,
                    A::ScrollUp => -1,
                    A::PageDown => 10,
                    _ => -10,
                };
                self.help_scroll = self
                    .help_scroll
                    .saturating_add_signed(step)
                    .min(self.help_max_scroll());
            }
            A::Tick(_) | A::Follow(_) | A::Presenter(_) | A::AlreadyPresenting => {
                self.update_presentation(&action);
            }
            _ if self.help => self.help = false,
            other => self.update_presentation(&other),
        }
    }

    /// Applies an action in presentation mode.
    pub(in crate::tui::app) fn update_presentation(&mut self, action: &crate::tui::action::Action) {
        use crate::tui::action::Action as A;
        let Some(p) = self.presentation.as_mut() else {
            return;
        };
        if !matches!(
            action,
            A::Tick(_) | A::Follow(_) | A::Presenter(_) | A::Resize(..)
        ) {
            p.hint = None;
        }
        if p.notes && forward_to_presenter(p, action) {
            return;
        }
        let replan = match action {
            A::NextSlide => {
                p.forward();
                true
            }
            A::PrevSlide => {
                p.backward();
                true
            }
            A::FirstSlide => {
                p.go_to(1);
                true
            }
            A::LastSlide => {
                p.go_to(usize::MAX);
                true
            }
            A::StartGoto => {
                p.goto = Some(String::new());
                false
            }
            A::GotoDigit(d) => {
                if let Some(g) = p.goto.as_mut().filter(|g| g.len() < 4) {
                    g.push(char::from(b'0' + d));
                }
                false
            }
            A::GotoConfirm => {
                if let Some(n) = p.goto.take().and_then(|g| g.parse::<usize>().ok()) {
                    p.go_to(n);
                }
                true
            }
            A::Blank(kind) => {
                p.blank = Some(*kind);
                false
            }
            A::Unblank => {
                p.blank = None;
                false
            }
            A::ToggleTimer => {
                p.show_timer = !p.show_timer;
                false
            }
            A::Tick(secs) => {
                p.elapsed = *secs;
                false
            }
            A::Wider | A::Narrower => {
                let step: i16 = if *action == A::Wider { 10 } else { -10 };
                p.width_pct = p.width_pct.saturating_add_signed(step).clamp(40, 100);
                true
            }
            A::ToggleTheme => {
                self.toggle_presentation_theme();
                true
            }
            A::QuickSearch => {
                p.search = Some(QuickSearch::default());
                false
            }
            A::Follow(pos) => {
                p.slide = pos.slide;
                p.page = pos.page;
                p.detour = pos.detour.clone().map(|entry| Detour {
                    entry,
                    page: pos.page,
                });
                p.remote = Some(pos.clone());
                true
            }
            A::Presenter(who) => {
                p.presenter.clone_from(who);
                p.remote = p.remote.take().filter(|_| who.is_some());
                false
            }
            A::AlreadyPresenting => {
                p.hint = Some(crate::strings::ALREADY_PRESENTING);
                false
            }
            _ => return self.presentation_other(action),
        };
        if replan {
            self.plan_slide();
        }
    }

    /// Actions whose meaning depends on the sub-mode (picker, quick search, goto, notes).
    fn presentation_other(&mut self, action: &crate::tui::action::Action) {
        use crate::tui::action::Action as A;
        let Some(p) = self.presentation.as_mut() else {
            return;
        };
        if let Some(search) = p.search.as_mut() {
            match action {
                A::Edit(req) if search.input.handle(*req).is_some_and(|c| c.value) => {
                    search.results = self
                        .index
                        .query(search.input.value())
                        .into_iter()
                        .filter(|h| h.kind == crate::search::Kind::Faq)
                        .take(8)
                        .map(|h| h.id)
                        .collect();
                    search.selected = 0;
                }
                A::SelectNext => {
                    search.selected =
                        (search.selected + 1).min(search.results.len().saturating_sub(1));
                }
                A::SelectPrev => search.selected = search.selected.saturating_sub(1),
                A::Open => {
                    if let Some(id) = search.results.get(search.selected).cloned() {
                        p.detour = Some(Detour { entry: id, page: 0 });
                    }
                    p.search = None;
                    self.plan_slide();
                }
                A::Escape => p.search = None,
                _ => {}
            }
            return;
        }
        match action {
            A::Escape if p.goto.is_some() => p.goto = None,
            A::Escape if p.detour.is_some() => {
                p.detour = None;
                self.plan_slide();
            }
            // A clicker's « stop » sends Échap: in front of a room it must not end the session.
            A::Escape if p.deck.is_some() => p.hint = Some(crate::strings::Q_TO_QUIT),
            A::LeavePresentation | A::Escape => self.leave_presentation(),
            A::SelectNext if p.deck.is_none() => {
                p.picker = (p.picker + 1).min(self.kb.decks.len().saturating_sub(1));
            }
            A::SelectPrev if p.deck.is_none() => p.picker = p.picker.saturating_sub(1),
            A::Open if p.deck.is_none() => {
                if let Some(d) = self.kb.decks.get(p.picker) {
                    p.deck = Some(DeckRef::of(d));
                    p.slide = 0;
                    p.page = 0;
                    self.plan_slide();
                }
            }
            A::ScrollDown => self.scroll_notes(1),
            A::ScrollUp => self.scroll_notes(-1),
            _ => {}
        }
    }

    /// F2: the light theme for a bright room, or back to the high-contrast one.
    fn toggle_presentation_theme(&mut self) {
        use crate::tui::theme::{Theme, ThemeName};
        let next = if self.theme.name == ThemeName::Clair {
            ThemeName::Contraste
        } else {
            ThemeName::Clair
        };
        if let Some(p) = self
            .presentation
            .as_mut()
            .filter(|p| p.saved_theme.is_none())
        {
            p.saved_theme = Some(self.theme.name);
        }
        self.theme = Theme::new(next);
    }

    fn scroll_notes(&mut self, delta: isize) {
        let last = self.doc.lines.len().saturating_sub(1);
        self.scroll = self.scroll.saturating_add_signed(delta).min(last);
    }

    fn leave_presentation(&mut self) {
        let Some(p) = self.presentation.take() else {
            return;
        };
        if let Some(theme) = p.saved_theme {
            self.theme = crate::tui::theme::Theme::new(theme);
        }
        if p.return_to_tui {
            // The terminal may have been resized during the presentation: lay the list and the
            // reader out again for its size.
            self.resize(self.size.width, self.size.height);
        } else {
            self.quit = true;
        }
    }

    /// `p` / F5 from the normal interface.
    pub(in crate::tui::app) fn present_from_tui(&mut self) {
        self.present_open();
    }
}

/// The speaker view drives the projector: its moves become commands for the presenter (or a
/// word saying there is none). True when `action` was one of them.
fn forward_to_presenter(p: &mut super::Presentation, action: &crate::tui::action::Action) -> bool {
    use crate::tui::action::Action as A;
    let command = match action {
        A::NextSlide => Command::Next,
        A::PrevSlide => Command::Previous,
        A::Blank(_) if p.remote.as_ref().is_some_and(|r| r.blank.is_some()) => Command::Unblank,
        A::Blank(Blank::White) => Command::White,
        A::Blank(Blank::Black) => Command::Black,
        _ => return false,
    };
    if p.presenter.is_some() {
        p.outbox.push(command);
    } else {
        p.hint = Some(crate::strings::NO_PRESENTER);
    }
    true
}
