//! Presentation mode: a deck of entries shown one per slide for a projector. The state, the
//! slide planning (what fits on a slide, what continues on a follow-up slide) and the update
//! of presentation actions. The view is `ui::present`.

use std::fmt::Write as _;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use tui_input::Input;

use super::wrap::{Piece, wrap};
use crate::kb::markup::{self, Marker, Target};
use crate::kb::{Entry, KnowledgeBase};
use crate::plain::name_of;

/// What covers the screen instead of the slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// The deck being shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckRef {
    pub id: String,
    pub title: String,
    pub slides: Vec<String>,
}

/// An entry shown from the quick search, outside the deck; Esc returns to the deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detour {
    pub entry: String,
    pub page: usize,
}

/// The quick search overlay (`/`).
#[derive(Debug, Clone, Default)]
pub struct QuickSearch {
    pub input: Input,
    pub results: Vec<String>,
    pub selected: usize,
}

/// One screen of a slide: body lines (the title is drawn by the view).
pub type Page = Vec<Line<'static>>;

/// The whole presentation state.
// Independent switches of the slide view (timer, help, notes...), not a hidden state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub struct Presentation {
    /// `None` while the deck picker is shown.
    pub deck: Option<DeckRef>,
    pub picker: usize,
    /// Index of the entry in the deck.
    pub slide: usize,
    /// Follow-up page of the current slide.
    pub page: usize,
    /// The current slide laid out for the current size.
    pub pages: Vec<Page>,
    pub blank: Option<Blank>,
    /// Digits typed after `g`.
    pub goto: Option<String>,
    pub detour: Option<Detour>,
    pub search: Option<QuickSearch>,
    pub show_timer: bool,
    /// Seconds since the presentation started, from the runtime's ticks.
    pub elapsed: u64,
    /// Share of the width the text uses, in percent (`+` / `-`).
    pub width_pct: u16,
    pub help: bool,
    /// Leaving returns to the normal interface (started from it) instead of quitting.
    pub return_to_tui: bool,
    /// Speaker view: follows another instance, shows notes.
    pub notes: bool,
    /// The current slide's title, laid out.
    pub title: TitleLayout,
    /// The theme to restore when leaving.
    pub saved_theme: Option<crate::theme::ThemeName>,
}

impl Presentation {
    #[must_use]
    pub fn new(deck: Option<DeckRef>, return_to_tui: bool, notes: bool) -> Self {
        Self {
            deck,
            picker: 0,
            slide: 0,
            page: 0,
            pages: Vec::new(),
            blank: None,
            goto: None,
            detour: None,
            search: None,
            show_timer: false,
            elapsed: 0,
            width_pct: 90,
            help: false,
            return_to_tui,
            notes,
            title: TitleLayout::Plain(Vec::new()),
            saved_theme: None,
        }
    }

    /// The id of the entry on screen (the detour if any, else the deck's slide).
    #[must_use]
    pub fn current_entry(&self) -> Option<&str> {
        if let Some(d) = &self.detour {
            return Some(&d.entry);
        }
        self.deck
            .as_ref()
            .and_then(|d| d.slides.get(self.slide))
            .map(String::as_str)
    }

    /// The id of the deck's next slide, for the speaker view.
    #[must_use]
    pub fn next_entry(&self) -> Option<&str> {
        self.deck
            .as_ref()
            .and_then(|d| d.slides.get(self.slide + 1))
            .map(String::as_str)
    }

    /// The page shown (detour pages are tracked separately).
    #[must_use]
    pub fn current_page(&self) -> usize {
        self.detour.as_ref().map_or(self.page, |d| d.page)
    }

    /// "3 / 6", with the follow-up page when there are several.
    #[must_use]
    pub fn counter(&self) -> String {
        let Some(deck) = &self.deck else {
            return String::new();
        };
        let mut text = if self.detour.is_some() {
            "hors parcours".to_owned()
        } else {
            format!("{} / {}", self.slide + 1, deck.slides.len())
        };
        if self.pages.len() > 1 {
            let _ = write!(
                text,
                " · suite {}/{}",
                self.current_page() + 1,
                self.pages.len()
            );
        }
        text
    }

    /// Moves to the next page, or the next slide; false at the very end.
    pub fn forward(&mut self) -> bool {
        if self.current_page() + 1 < self.pages.len() {
            self.set_page(self.current_page() + 1);
            return false;
        }
        if self.detour.is_some() {
            return false;
        }
        let count = self.deck.as_ref().map_or(0, |d| d.slides.len());
        if self.slide + 1 < count {
            self.slide += 1;
            self.page = 0;
            return true;
        }
        false
    }

    /// Moves to the previous page, or the last page of the previous slide.
    pub fn backward(&mut self) -> bool {
        if self.current_page() > 0 {
            self.set_page(self.current_page() - 1);
            return false;
        }
        if self.detour.is_none() && self.slide > 0 {
            self.slide -= 1;
            // The planner clamps this to the last page of that slide.
            self.page = usize::MAX;
            return true;
        }
        false
    }

    fn set_page(&mut self, page: usize) {
        match self.detour.as_mut() {
            Some(d) => d.page = page,
            None => self.page = page,
        }
    }

    /// Goes to slide `n` (1-based), clamped to the deck.
    pub fn go_to(&mut self, n: usize) {
        let count = self.deck.as_ref().map_or(0, |d| d.slides.len());
        if count > 0 {
            self.detour = None;
            self.slide = n.clamp(1, count) - 1;
            self.page = 0;
        }
    }

    /// Lays out the current slide for a text area of `width` x `height` (title excluded).
    pub fn plan(&mut self, kb: &KnowledgeBase, width: usize, height: usize, styles: &SlideStyles) {
        self.pages = match self.current_entry().and_then(|id| kb.entry(id)) {
            Some(e) => paginate(&slide_blocks(kb, e, width, styles), height.max(1)),
            None => Vec::new(),
        };
        let last = self.pages.len().saturating_sub(1);
        match self.detour.as_mut() {
            Some(d) => d.page = d.page.min(last),
            None => self.page = self.page.min(last),
        }
    }
}

/// The styles a slide body uses.
#[derive(Debug, Clone, Copy)]
pub struct SlideStyles {
    pub summary: Style,
    pub text: Style,
    pub bold: Style,
}

/// The slide's blocks, each wrapped: the summary, then each paragraph or point of the answer.
/// Each block is a list of sentences' lines so it can be split between sentences.
fn slide_blocks(
    kb: &KnowledgeBase,
    e: &Entry,
    width: usize,
    st: &SlideStyles,
) -> Vec<(bool, Vec<Page>)> {
    let mut blocks = vec![(
        false,
        sentences(&[piece(&e.summary, st.summary)], width, "", ""),
    )];
    for block in markup::parse(&e.answer) {
        let runs: Vec<Piece> = block
            .inlines
            .iter()
            .map(|i| match &i.link {
                Some(Target::Id(id)) => piece(&name_of(kb, id), st.bold),
                _ => piece(&i.text, if i.bold { st.bold } else { st.text }),
            })
            .collect();
        let (first, rest) = match block.marker {
            Marker::Paragraph => (String::new(), String::new()),
            Marker::Bullet => ("• ".to_owned(), "  ".to_owned()),
            Marker::Number(n) => (format!("{n}. "), " ".repeat(format!("{n}. ").len())),
        };
        blocks.push((
            block.marker != Marker::Paragraph,
            sentences(&runs, width, &first, &rest),
        ));
    }
    blocks
}

fn piece(text: &str, style: Style) -> Piece {
    Piece {
        text: crate::kb::text::neutralize(text).into_owned(),
        style,
        link: None,
    }
}

/// Wraps a block sentence by sentence: each item is the lines of one sentence group, so a
/// page break can fall between sentences, never inside one.
fn sentences(runs: &[Piece], width: usize, first: &str, rest: &str) -> Vec<Page> {
    let mut groups: Vec<Vec<Piece>> = vec![Vec::new()];
    for run in runs {
        let mut start = 0;
        for (i, _) in run.text.match_indices(['.', '?', '!']) {
            let end = i + 1;
            // A sentence ends at punctuation, a space, and a capital (not "2.5", "etc.)" or
            // the "?" inside « ... ? »).
            let next = run.text[end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.chars().next());
            if next.is_some_and(|c| c.is_uppercase() || c == '«') {
                if let Some(g) = groups.last_mut() {
                    g.push(Piece {
                        text: run.text[start..=i].to_owned(),
                        ..run.clone()
                    });
                }
                groups.push(Vec::new());
                start = end + 1;
            }
        }
        if let (true, Some(g)) = (start < run.text.len(), groups.last_mut()) {
            g.push(Piece {
                text: run.text[start..].to_owned(),
                ..run.clone()
            });
        }
    }
    groups.retain(|g| !g.is_empty());
    // On a slide each sentence starts its own line: it reads well from the back of a room and
    // lets a page break fall between sentences.
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let lead = if i == 0 { first } else { rest };
            wrap(
                g,
                width,
                &Span::raw(lead.to_owned()),
                &Span::raw(rest.to_owned()),
                0,
            )
            .0
        })
        .collect()
}

/// Packs blocks into pages of `height` lines, a blank line before each paragraph and list
/// (items of one list stay together), breaking a block between its sentence groups when it
/// does not fit. Blocks are `(is_list_item, sentence groups)`.
fn paginate(blocks: &[(bool, Vec<Page>)], height: usize) -> Vec<Page> {
    let mut pages: Vec<Page> = vec![Vec::new()];
    let mut previous_item = false;
    for (item, block) in blocks {
        let spaced = !(*item && previous_item);
        previous_item = *item;
        for (i, group) in block.iter().enumerate() {
            let page = pages.last().map_or(0, Vec::len);
            let gap = usize::from(i == 0 && page > 0 && spaced);
            if page > 0 && page + gap + group.len() > height {
                pages.push(Vec::new());
            } else if let Some(p) = pages.last_mut().filter(|_| gap == 1) {
                p.push(Line::default());
            }
            for line in group {
                // A single sentence taller than the screen is cut by lines: nothing else fits.
                if pages.last().is_some_and(|p| p.len() >= height) {
                    pages.push(Vec::new());
                }
                if let Some(p) = pages.last_mut() {
                    p.push(line.clone());
                }
            }
        }
    }
    pages.retain(|p| !p.is_empty());
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(page: &Page) -> Vec<String> {
        page.iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn sentences_split_at_their_ends_only() {
        let runs = [piece(
            "Une phrase courte. Une autre phrase assez longue pour deux lignes.",
            Style::new(),
        )];
        let groups = sentences(&runs, 20, "", "");
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(text(&groups[0]), ["Une phrase courte."]);
    }

    #[test]
    fn pages_break_between_sentences() {
        let runs = [piece(
            "Un. Deux trois quatre cinq. Six sept huit neuf dix.",
            Style::new(),
        )];
        let blocks = vec![(false, sentences(&runs, 12, "", ""))];
        let pages = paginate(&blocks, 3);
        assert!(pages.len() >= 2, "{pages:?}");
        for p in &pages {
            assert!(p.len() <= 3);
            let last: String = text(p).last().cloned().unwrap_or_default();
            assert!(
                last.trim_end().ends_with('.'),
                "page ends mid-sentence: {:?}",
                text(p)
            );
        }
    }
}

/// How the slide title is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum TitleLayout {
    /// Big letters (tui-big-text, quadrant pixels: 4 columns x 4 rows per letter), one string
    /// per line.
    Big(Vec<String>),
    /// Bold wrapped text, when big letters do not fit or a glyph is missing.
    Plain(Vec<Line<'static>>),
}

impl TitleLayout {
    /// Rows the title takes.
    #[must_use]
    pub fn height(&self) -> usize {
        match self {
            Self::Big(lines) => lines.len() * BIG_ROWS,
            Self::Plain(lines) => lines.len(),
        }
    }
}

const BIG_COLS: usize = 4;
const BIG_ROWS: usize = 4;

/// True when the big-text font draws `c` (a missing glyph would leave a hole in the title).
#[must_use]
pub fn has_big_glyph(c: char) -> bool {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;
    if c == ' ' {
        return true;
    }
    let area = Rect::new(0, 0, 8, 8);
    let mut buf = Buffer::empty(area);
    tui_big_text::BigText::builder()
        .lines(vec![Line::from(c.to_string())])
        .build()
        .render(area, &mut buf);
    buf.content.iter().any(|cell| cell.symbol() != " ")
}

/// Lays out `title` in big letters if it fits in `max_rows` and every glyph exists, else as
/// bold wrapped text.
#[must_use]
pub fn title_layout(title: &str, width: usize, max_rows: usize, style: Style) -> TitleLayout {
    let title = title.replace('\u{A0}', " ");
    let per_line = width / BIG_COLS;
    if per_line >= 8 && title.chars().all(has_big_glyph) {
        let lines = textwrap::wrap(&title, per_line);
        let fits = lines.iter().all(|l| l.chars().count() <= per_line);
        if fits && lines.len() * BIG_ROWS <= max_rows {
            return TitleLayout::Big(
                lines
                    .into_iter()
                    .map(std::borrow::Cow::into_owned)
                    .collect(),
            );
        }
    }
    let (lines, _) = wrap(
        &[piece(&title, style)],
        width,
        &Span::raw(""),
        &Span::raw(""),
        0,
    );
    TitleLayout::Plain(lines)
}

/// The screen regions of a slide: title and body share `text`; the footer is the last row.
#[must_use]
pub fn slide_areas(
    size: ratatui::layout::Rect,
    width_pct: u16,
) -> (ratatui::layout::Rect, ratatui::layout::Rect) {
    use ratatui::layout::Rect;
    let footer = Rect {
        y: size.bottom().saturating_sub(1),
        height: size.height.min(1),
        ..size
    };
    let width = (u32::from(size.width) * u32::from(width_pct) / 100) as u16;
    let width = width.max(size.width.min(20));
    let x = size.x + (size.width - width) / 2;
    let top = u16::from(size.height >= 16);
    let text = Rect {
        x,
        y: size.y + top,
        width,
        height: size.height.saturating_sub(1 + 2 * top),
    };
    (text, footer)
}

impl super::App {
    /// Starts presenting: `deck` by id (the picker when `None`), at slide `slide`.
    pub fn start_presentation(
        &mut self,
        deck: Option<&str>,
        slide: usize,
        return_to_tui: bool,
        notes: bool,
    ) {
        let deck = deck.and_then(|id| self.kb.deck(id)).map(|d| DeckRef {
            id: d.id.clone(),
            title: d.title.clone(),
            slides: d.slides.clone(),
        });
        let mut p = Presentation::new(deck, return_to_tui, notes);
        p.slide = slide;
        if self.theme.name == crate::theme::ThemeName::Defaut {
            p.saved_theme = Some(self.theme.name);
            self.theme = crate::theme::Theme::new(crate::theme::ThemeName::Contraste);
        }
        self.presentation = Some(p);
        self.help = false;
        self.plan_slide();
    }

    /// `p` in the normal interface: the open entry's deck at that entry, or the entry alone.
    fn present_open(&mut self) {
        let id = self
            .open
            .clone()
            .or_else(|| self.rows.get(self.selected).map(|r| r.id.clone()));
        let Some(entry) = id
            .and_then(|id| self.kb.entry(&id))
            .map(|e| (e.id.clone(), e.title.clone()))
        else {
            self.status = Some("Choisissez une question (pas un contact) à présenter.".to_owned());
            return;
        };
        let deck = self.kb.decks.iter().find_map(|d| {
            d.slides
                .iter()
                .position(|s| *s == entry.0)
                .map(|i| (d.id.clone(), i))
        });
        if let Some((deck, slide)) = deck {
            self.start_presentation(Some(&deck), slide, true, false);
            return;
        }
        // Not in any deck: present the entry alone.
        self.start_presentation(None, 0, true, false);
        if let Some(p) = self.presentation.as_mut() {
            p.deck = Some(DeckRef {
                id: String::new(),
                title: entry.1,
                slides: vec![entry.0],
            });
        }
        self.plan_slide();
    }

    /// Lays out the current slide for the screen size.
    pub fn plan_slide(&mut self) {
        let size = self.size;
        let theme = self.theme;
        let kb = &self.kb;
        let Some(p) = self.presentation.as_mut() else {
            return;
        };
        let (text, _) = slide_areas(size, p.width_pct);
        let title = p
            .current_entry()
            .and_then(|id| kb.entry(id))
            .map_or_else(String::new, |e| e.title.clone());
        let max_title = (text.height as usize * 2) / 5;
        p.title = title_layout(&title, text.width as usize, max_title, theme.title);
        if p.page > 0 && p.detour.is_none() || p.detour.as_ref().is_some_and(|d| d.page > 0) {
            // Follow-up pages repeat the title small, to leave room for the text.
            p.title = title_layout(
                &format!("{title} (suite)"),
                text.width as usize,
                0,
                theme.title,
            );
        }
        let body = (text.height as usize).saturating_sub(p.title.height() + 1);
        let styles = SlideStyles {
            summary: theme.heading,
            text: theme.base,
            bold: theme.heading,
        };
        p.plan(kb, text.width as usize, body, &styles);
        if p.notes {
            // The speaker view shows the whole answer with its sources.
            let marks = super::reader::Marks {
                query: &[],
                find: None,
            };
            let entry = p.current_entry().and_then(|id| kb.entry(id));
            self.doc = entry.map_or_else(super::reader::Doc::default, |e| {
                super::reader::entry(
                    kb,
                    e,
                    size.width.saturating_sub(2).max(1) as usize,
                    &theme,
                    &marks,
                    self.info.today,
                )
            });
            self.scroll = 0;
        }
    }

    /// Where the deck is, for speaker views; `None` outside a named deck or in a speaker view.
    #[must_use]
    pub fn deck_position(&self) -> Option<(String, crate::sync::Position)> {
        let p = self.presentation.as_ref().filter(|p| !p.notes)?;
        let deck = p.deck.as_ref().filter(|d| !d.id.is_empty())?;
        let pos = crate::sync::Position {
            slide: p.slide,
            page: p.current_page(),
            detour: p.detour.as_ref().map(|d| d.entry.clone()),
        };
        Some((deck.id.clone(), pos))
    }

    /// Applies an action in presentation mode; returns false when the action is not one.
    pub(super) fn update_presentation(&mut self, action: &crate::action::Action) {
        use crate::action::Action as A;
        let Some(p) = self.presentation.as_mut() else {
            return;
        };
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
            A::QuickSearch => {
                p.search = Some(QuickSearch::default());
                false
            }
            A::Follow(slide, page, detour) => {
                p.slide = *slide;
                p.page = *page;
                p.detour = detour.clone().map(|entry| Detour { entry, page: *page });
                true
            }
            _ => return self.presentation_other(action),
        };
        if replan {
            self.plan_slide();
        }
    }

    /// Actions whose meaning depends on the sub-mode (picker, quick search, goto, notes).
    fn presentation_other(&mut self, action: &crate::action::Action) {
        use crate::action::Action as A;
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
            A::LeavePresentation | A::Escape if p.detour.is_some() => {
                p.detour = None;
                self.plan_slide();
            }
            A::LeavePresentation | A::Escape => self.leave_presentation(),
            A::SelectNext if p.deck.is_none() => {
                p.picker = (p.picker + 1).min(self.kb.decks.len().saturating_sub(1));
            }
            A::SelectPrev if p.deck.is_none() => p.picker = p.picker.saturating_sub(1),
            A::Open if p.deck.is_none() => {
                if let Some(d) = self.kb.decks.get(p.picker) {
                    p.deck = Some(DeckRef {
                        id: d.id.clone(),
                        title: d.title.clone(),
                        slides: d.slides.clone(),
                    });
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

    fn scroll_notes(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
    }

    fn leave_presentation(&mut self) {
        let Some(p) = self.presentation.take() else {
            return;
        };
        if let Some(theme) = p.saved_theme {
            self.theme = crate::theme::Theme::new(theme);
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
    pub(super) fn present_from_tui(&mut self) {
        self.present_open();
    }
}
