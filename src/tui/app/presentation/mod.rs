//! Presentation mode: a deck of entries shown one per slide for a projector. The state and its
//! navigation here; what a slide says and how it is cut into pages in `paginate`; the title
//! and the regions of the screen in `title`; the presentation actions in `update`. The view
//! is `ui::present`.

mod deck;
mod paginate;
mod speaker;
mod title;
mod update;

use std::fmt::Write as _;

use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

use crate::tui::action::Blank;
use crate::tui::theme::ThemeName;
pub use deck::{DeckRef, Slide, special_blocks};
pub use paginate::{SlideStyles, paginate, slide_blocks};
pub use title::{
    TitleLayout, body_area, has_big_glyph, slide_areas, title_layout, title_layout_within,
};

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

/// What a slide's pages depend on: the slide, the screen, the text width and the theme.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlanKey {
    slide: Slide,
    size: Rect,
    width_pct: u16,
    theme: ThemeName,
}

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
    /// The current slide's title on its first page (big letters when they fit).
    pub title: TitleLayout,
    /// The title on its follow-up pages (small, with « (suite) »).
    pub title_rest: TitleLayout,
    /// What the pages were laid out for: they are computed once per slide and size.
    planned: Option<PlanKey>,
    /// A word for the footer until the next key (« q pour quitter » after Échap).
    pub hint: Option<&'static str>,
    /// Speaker view: the presenter it is connected to.
    pub presenter: Option<String>,
    /// Speaker view: the projector's last position.
    pub remote: Option<crate::tui::link::Position>,
    /// Speaker view: commands for the presenter, taken by the runtime.
    pub outbox: Vec<crate::tui::link::Command>,
    /// The theme to restore when leaving.
    pub saved_theme: Option<crate::tui::theme::ThemeName>,
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
            title_rest: TitleLayout::Plain(Vec::new()),
            planned: None,
            hint: None,
            presenter: None,
            remote: None,
            outbox: Vec::new(),
            saved_theme: None,
        }
    }

    /// The id of the entry on screen (the detour if any, else the deck's slide when it is an
    /// entry).
    #[must_use]
    pub fn current_entry(&self) -> Option<&str> {
        if let Some(d) = &self.detour {
            return Some(&d.entry);
        }
        match self.current_slide()? {
            Slide::Entry(id) => Some(id),
            _ => None,
        }
    }

    /// The deck's slide at the current position (outside any detour).
    #[must_use]
    pub fn current_slide(&self) -> Option<&Slide> {
        self.deck.as_ref().and_then(|d| d.slides.get(self.slide))
    }

    /// The title of the deck's next slide, for the speaker view.
    #[must_use]
    pub fn next_title(&self, kb: &crate::kb::KnowledgeBase) -> Option<String> {
        self.deck
            .as_ref()
            .and_then(|d| d.slide_title(kb, self.slide + 1))
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

    /// The title of the page on screen: big on the first page, small on the others.
    #[must_use]
    pub fn page_title(&self) -> &TitleLayout {
        if self.current_page() == 0 {
            &self.title
        } else {
            &self.title_rest
        }
    }

    /// Keeps the page within the slide's pages.
    fn clamp_page(&mut self) {
        let last = self.pages.len().saturating_sub(1);
        match self.detour.as_mut() {
            Some(d) => d.page = d.page.min(last),
            None => self.page = self.page.min(last),
        }
    }
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
        let deck = deck.and_then(|id| self.kb.deck(id)).map(DeckRef::of);
        let mut p = Presentation::new(deck, return_to_tui, notes);
        p.slide = slide;
        // The default theme gives way to the high-contrast one, unless the user chose it.
        if self.theme.name == crate::tui::theme::ThemeName::Defaut && !self.theme_chosen {
            p.saved_theme = Some(self.theme.name);
            self.theme = crate::tui::theme::Theme::new(crate::tui::theme::ThemeName::Contraste);
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
            DeckRef::of(d)
                .position_of(&entry.0)
                .map(|i| (d.id.clone(), i))
        });
        if let Some((deck, slide)) = deck {
            self.start_presentation(Some(&deck), slide, true, false);
            return;
        }
        // Not in any deck: present the entry alone.
        self.start_presentation(None, 0, true, false);
        if let Some(p) = self.presentation.as_mut() {
            p.deck = Some(DeckRef::entries("", &entry.1, vec![entry.0]));
        }
        self.plan_slide();
    }

    /// Lays out the current slide for the screen size, once per slide and size: moving
    /// between its pages never changes them.
    pub fn plan_slide(&mut self) {
        let size = self.size;
        let theme = self.theme;
        let kb = &self.kb;
        let Some(p) = self.presentation.as_mut() else {
            return;
        };
        let (text, _) = slide_areas(size, p.width_pct);
        let slide = match (&p.detour, p.current_slide()) {
            (Some(d), _) => Some(Slide::Entry(d.entry.clone())),
            (None, s) => s.cloned(),
        };
        let key = slide.as_ref().map(|slide| PlanKey {
            slide: slide.clone(),
            size,
            width_pct: p.width_pct,
            theme: theme.name,
        });
        if key.is_some() && key == p.planned {
            p.clamp_page();
            return;
        }
        p.planned.clone_from(&key);
        let (width, height) = (text.width as usize, text.height as usize);
        let styles = SlideStyles {
            summary: theme.heading,
            text: theme.base,
            bold: theme.heading,
        };
        let title = match (&slide, p.deck.as_ref()) {
            (Some(Slide::Entry(id)), _) => kb.entry(id).map(|e| e.title.clone()),
            (Some(_), Some(deck)) => deck.slide_title(kb, p.slide),
            _ => None,
        }
        .unwrap_or_default();
        // The title never takes more than half the text area, so the body always has room.
        let max_plain = (height / 2).max(1);
        p.title = title_layout_within(&title, width, height * 2 / 5, max_plain, theme.title);
        p.title_rest = title_layout_within(
            &format!("{title} (suite)"),
            width,
            0,
            max_plain,
            theme.title,
        );
        let first = body_area(text, p.title.height()).height as usize;
        let rest = body_area(text, p.title_rest.height()).height as usize;
        let blocks = match (&slide, p.deck.as_ref()) {
            (Some(Slide::Entry(id)), _) => kb
                .entry(id)
                .map_or_else(Vec::new, |e| slide_blocks(e, width, &styles)),
            (Some(slide), Some(deck)) => special_blocks(kb, deck, slide, (width, rest), &styles),
            _ => Vec::new(),
        };
        p.pages = paginate(&blocks, first, rest);
        p.clamp_page();
        if p.notes {
            let width = size.width.saturating_sub(2).max(1) as usize;
            self.doc = speaker::doc(kb, p, width, &theme, self.info.today);
            self.doc_width = 0;
            self.scroll = 0;
        }
    }

    /// Where the deck is, for speaker views; `None` outside a named deck or in a speaker view.
    #[must_use]
    pub fn deck_position(&self) -> Option<(String, crate::tui::link::Position)> {
        let p = self.presentation.as_ref().filter(|p| !p.notes)?;
        let deck = p.deck.as_ref().filter(|d| !d.id.is_empty())?;
        let pos = crate::tui::link::Position {
            slide: p.slide,
            page: p.current_page(),
            detour: p.detour.as_ref().map(|d| d.entry.clone()),
            pages: p.pages.len(),
            elapsed: p.elapsed,
            blank: p.blank.map(|b| if b == Blank::White { 'w' } else { 'b' }),
        };
        Some((deck.id.clone(), pos))
    }
}
