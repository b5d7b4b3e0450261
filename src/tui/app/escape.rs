//! One way back: Échap undoes one step at a time (an overlay, the QR code, the find bar, the
//! reader, the filter, the question) down to the start screen; Ctrl + L does all the steps at
//! once. A letter typed outside the search bar starts a new question there.

use super::{App, Focus, Tab};

impl App {
    /// Échap: the last thing opened or set is undone, and the status bar says what the next
    /// Échap would do.
    pub(super) fn escape(&mut self) {
        if self.show.take().is_some() || self.overlay.take().is_some() || self.qr.take().is_some() {
            return;
        }
        if self.find.is_some() {
            self.find = None;
            self.rebuild_doc();
            return;
        }
        if self.focus == Focus::Reader {
            self.focus = Focus::Results;
            self.rebuild_doc();
            return;
        }
        if self.filtered() {
            self.tab = Tab::All;
            self.category = None;
            self.region = None;
            self.for_person = false;
            self.refresh_rows();
            self.status = Some(next_step("Filtre retiré", !self.input.value().is_empty()));
            return;
        }
        if !self.input.value().is_empty() {
            self.input.reset();
            self.focus = Focus::Search;
            self.refresh_rows();
            self.status = Some("Question effacée : écran d'accueil.".to_owned());
            return;
        }
        self.focus = Focus::Search;
        self.status = Some(crate::strings::AT_START.to_owned());
    }

    /// True when a tab other than « Tout » or a filter narrows the list.
    #[must_use]
    pub fn filtered(&self) -> bool {
        self.tab != Tab::All || self.category.is_some() || self.region.is_some() || self.for_person
    }

    /// Ctrl + L: back to the start screen in one step (the history, pins and recents stay).
    pub(super) fn clear_all(&mut self) {
        self.overlay = None;
        self.qr = None;
        self.find = None;
        self.help = false;
        self.tab = Tab::All;
        self.category = None;
        self.region = None;
        self.for_person = false;
        self.show = None;
        self.input.reset();
        self.focus = Focus::Search;
        self.open = None;
        self.previewing = false;
        self.refresh_rows();
        self.status = Some("Tout est effacé : écran d'accueil.".to_owned());
    }

    /// A letter typed in the list, the reader or over an overlay: a new question, from the
    /// search bar (over an overlay opened from the search bar, the question goes on).
    pub(super) fn type_new(&mut self, ch: char) {
        let continuing = self.focus == Focus::Search;
        self.overlay = None;
        self.qr = None;
        self.help = false;
        self.find = None;
        if !continuing {
            self.input.reset();
        }
        self.edit(tui_input::InputRequest::InsertChar(ch));
        if self.open.is_some() {
            self.rebuild_doc();
        }
    }
}

impl App {
    /// Tab in the search bar while « Vouliez-vous dire » shows: the first suggestion replaces
    /// the query.
    pub(super) fn accept_suggestion(&mut self) {
        let mut words: Vec<String> = self
            .input
            .value()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        for suggestion in &self.suggestions {
            // Each correction replaces the query word it is nearest to.
            if let Some(w) = words
                .iter_mut()
                .min_by_key(|w| distance(&w.to_lowercase(), &suggestion.to_lowercase()))
            {
                w.clone_from(suggestion);
            }
        }
        let corrected = words.join(" ");
        self.status = Some(format!("Recherche corrigée : {corrected}"));
        self.input = tui_input::Input::new(corrected);
        self.refresh_rows();
    }
}

/// Edits (insertions, deletions, substitutions) between two words.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn next_step(done: &str, query: bool) -> String {
    if query {
        format!("{done} ; Échap encore : effacer la question.")
    } else {
        format!("{done}.")
    }
}
