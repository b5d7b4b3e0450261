//! The document builder: styled runs wrapped to the pane's width, headings, numbered links and
//! the marks of the query and find terms.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::ReaderDoc;
use crate::kb::text::neutralize;
use crate::search::fold::for_each_token;
use crate::tui::app::wrap::{Piece, line_columns, wrap};
use crate::tui::theme::Theme;

/// What to emphasise while laying out.
pub struct Marks<'a> {
    /// Folded query words: highlighted where a word starts with one of them.
    pub query: &'a [String],
    /// Folded find term, highlighted and listed in [`ReaderDoc::matches`].
    pub find: Option<&'a str>,
}

pub(super) struct Builder<'a> {
    pub(super) doc: ReaderDoc,
    width: usize,
    pub(super) theme: &'a Theme,
    marks: &'a Marks<'a>,
}

impl<'a> Builder<'a> {
    /// An empty document `width` columns wide.
    pub(super) fn new(width: usize, theme: &'a Theme, marks: &'a Marks<'a>) -> Self {
        Self {
            doc: ReaderDoc::default(),
            width,
            theme,
            marks,
        }
    }

    pub(super) fn blank(&mut self) {
        if self.doc.lines.last().is_some_and(|l| line_columns(l) > 0) {
            self.doc.lines.push(Line::default());
        }
    }

    /// Adds wrapped runs, highlighting query and find words. Every run is neutralised here, so
    /// no text from the data reaches the screen with a control character. `first` and `rest`
    /// start the first line and the others (a static lead is shared by its lines, not copied).
    pub(super) fn runs(
        &mut self,
        runs: impl Into<Vec<Piece>>,
        first: impl Into<Cow<'static, str>>,
        rest: impl Into<Cow<'static, str>>,
    ) {
        let mut clean: Vec<Piece> = runs.into();
        for p in &mut clean {
            if let Cow::Owned(text) = neutralize(&p.text) {
                p.text = text;
            }
        }
        let marked = self.mark(clean);
        let line0 = self.doc.lines.len();
        let (lines, spots) = wrap(
            &marked,
            self.width,
            &Span::raw(first),
            &Span::raw(rest),
            line0,
        );
        if let Some(find) = self.marks.find.filter(|f| !f.is_empty()) {
            for (i, line) in lines.iter().enumerate() {
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                if crate::search::fold::fold(&text).contains(find) {
                    self.doc.matches.push(line0 + i);
                }
            }
        }
        self.doc.lines.extend(lines);
        self.doc.spots.extend(spots);
    }

    pub(super) fn text(&mut self, text: &str, style: Style) {
        self.runs([piece(text, style)], "", "");
    }

    /// Splits the runs around the query and find words, which get the highlight. A run without
    /// any is kept as it is, not copied.
    pub(super) fn mark(&self, runs: Vec<Piece>) -> Vec<Piece> {
        let find = self.marks.find.filter(|f| !f.is_empty());
        if self.marks.query.is_empty() && find.is_none() {
            return runs;
        }
        let hit = |word: &str| {
            self.marks
                .query
                .iter()
                .any(|q| q.len() >= 2 && word.starts_with(q.as_str()))
                || find.is_some_and(|f| word.contains(f))
        };
        let mut out = Vec::with_capacity(runs.len());
        for run in runs {
            let mut last = 0;
            for_each_token(&run.text, |word, range| {
                if hit(word) {
                    out.push(Piece {
                        text: run.text[last..range.start].to_owned(),
                        ..run.clone()
                    });
                    out.push(Piece {
                        text: run.text[range.clone()].to_owned(),
                        style: run.style.patch(self.theme.highlight),
                        link: run.link,
                    });
                    last = range.end;
                }
            });
            if last == 0 {
                out.push(run);
            } else {
                out.push(Piece {
                    text: run.text[last..].to_owned(),
                    ..run
                });
            }
        }
        out.retain(|p| !p.text.is_empty());
        out
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.blank();
        self.text(text, self.theme.heading);
    }

    /// Adds a numbered link to `id`, shown as `[n] label`.
    pub(super) fn link(&mut self, id: &str, label: &str) {
        // A target already linked in the answer keeps its number.
        let n = self.link_number(id) + 1;
        let runs = [
            piece(&format!("[{n}] "), self.theme.dim),
            Piece {
                text: label.to_owned(),
                style: self.theme.link,
                link: Some(n - 1),
            },
        ];
        self.runs(runs, "  ", "      ");
    }

    pub(super) fn link_number(&mut self, id: &str) -> usize {
        if let Some(i) = self.doc.links.iter().position(|l| l == id) {
            return i;
        }
        self.doc.links.push(id.to_owned());
        self.doc.links.len() - 1
    }
}

pub(super) fn piece(text: &str, style: Style) -> Piece {
    Piece {
        text: neutralize(text).into_owned(),
        style,
        link: None,
    }
}
