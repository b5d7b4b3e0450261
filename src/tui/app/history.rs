//! Back and forward between the pages the reader opened. One rule holds the two stacks
//! together: a page is never next to itself, so "back" always shows another page.

use super::{App, Focus};

/// Puts `id` on a history stack, unless it is already on top: a preview of the page the
/// reader came from is not a new step.
fn push_step(stack: &mut Vec<String>, id: String) {
    if stack.last() != Some(&id) {
        stack.push(id);
    }
}

/// Takes the page to show from `from` (the back stack to go back, the forward stack to go
/// forward) and puts the open page on `to`, unless it is the page being shown.
fn step(from: &mut Vec<String>, to: &mut Vec<String>, open: Option<&str>) -> Option<String> {
    let next = from.pop()?;
    if let Some(current) = open.filter(|c| *c != next) {
        push_step(to, current.to_owned());
    }
    Some(next)
}

/// Drops `id` from the top of both stacks: the page about to be shown cannot also be the
/// page just before or just after it.
fn drop_twins(back: &mut Vec<String>, forward: &mut Vec<String>, id: &str) {
    if back.last().is_some_and(|b| b == id) {
        back.pop();
    }
    if forward.last().is_some_and(|f| f == id) {
        forward.pop();
    }
}

impl App {
    /// Opens `id` as a new step of the history.
    pub fn navigate(&mut self, id: String) {
        self.note_position();
        if let Some(current) = self.open.take().filter(|_| !self.previewing) {
            push_step(&mut self.back, current);
        }
        self.forward.clear();
        self.remember(&id);
        // A page opened anew starts at its top; only the way back returns where it was left.
        self.read_at.remove(&id);
        self.show_step(id);
    }

    /// Shows `id` as a step of the history. The pages on either side of it are never the same
    /// page: a preview that took a step's place, or a resize that dropped it, can bring a page
    /// next to itself.
    pub(super) fn show_step(&mut self, id: String) {
        drop_twins(&mut self.back, &mut self.forward, &id);
        let at = self.read_at.get(&id).copied().unwrap_or(0);
        self.show(id);
        self.scroll = at.min(self.max_scroll());
    }

    /// Remembers that `id` was left at the current scroll.
    pub(super) fn note_scroll(&mut self, id: &str) {
        self.read_at.insert(id.to_owned(), self.scroll);
    }

    /// Remembers where the open page is scrolled to, for the way back to it.
    fn note_position(&mut self) {
        if let Some(open) = self.open.clone().filter(|_| !self.previewing) {
            self.read_at.insert(open, self.scroll);
        }
    }

    /// The preview of `id` becomes a step: the page before it cannot be the same page, and
    /// nothing is ahead of a new step.
    pub(super) fn keep_preview(&mut self, id: &str) {
        if self.back.last().is_some_and(|b| b == id) {
            self.back.pop();
        }
        self.forward.clear();
    }

    pub(super) fn go_back(&mut self) {
        self.note_position();
        match step(&mut self.back, &mut self.forward, self.open.as_deref()) {
            Some(previous) => self.show_step(previous),
            None if !self.wide() && self.focus == Focus::Reader => self.focus = Focus::Results,
            None => {}
        }
    }

    pub(super) fn go_forward(&mut self) {
        self.note_position();
        if let Some(next) = step(&mut self.forward, &mut self.back, self.open.as_deref()) {
            self.show_step(next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stack(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|&s| s.to_owned()).collect()
    }

    #[test]
    fn a_step_already_on_top_is_not_pushed_again() {
        let mut s = stack(&["a"]);
        push_step(&mut s, "a".to_owned());
        assert_eq!(s, stack(&["a"]));
        push_step(&mut s, "b".to_owned());
        assert_eq!(s, stack(&["a", "b"]));
    }

    #[test]
    fn back_then_forward_comes_home() {
        let (mut back, mut forward) = (stack(&["a", "b"]), Vec::new());
        assert_eq!(
            step(&mut back, &mut forward, Some("c")),
            Some("b".to_owned())
        );
        assert_eq!(
            (back.clone(), forward.clone()),
            (stack(&["a"]), stack(&["c"]))
        );
        assert_eq!(
            step(&mut forward, &mut back, Some("b")),
            Some("c".to_owned())
        );
        assert_eq!((back, forward), (stack(&["a", "b"]), Vec::new()));
    }

    #[test]
    fn an_empty_stack_is_no_step_and_changes_nothing() {
        let (mut back, mut forward) = (Vec::new(), stack(&["x"]));
        assert_eq!(step(&mut back, &mut forward, Some("a")), None);
        assert_eq!((back, forward), (Vec::new(), stack(&["x"])));
    }

    #[test]
    fn the_open_page_is_not_put_beside_itself() {
        // The preview took the previous step's place: going back shows it, and does not put
        // the same page ahead of it.
        let (mut back, mut forward) = (stack(&["a", "b"]), Vec::new());
        assert_eq!(
            step(&mut back, &mut forward, Some("b")),
            Some("b".to_owned())
        );
        assert!(forward.is_empty());
    }

    #[test]
    fn a_page_shown_loses_its_twins_on_both_sides() {
        let (mut back, mut forward) = (stack(&["a", "b"]), stack(&["c", "b"]));
        drop_twins(&mut back, &mut forward, "b");
        assert_eq!((back, forward), (stack(&["a"]), stack(&["c"])));
        let (mut back, mut forward) = (stack(&["a"]), stack(&["c"]));
        drop_twins(&mut back, &mut forward, "b");
        assert_eq!((back, forward), (stack(&["a"]), stack(&["c"])));
    }
}
