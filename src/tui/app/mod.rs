//! The model: everything the interface shows, and [`App::update`], the only place it changes.
//! No terminal here: tests build an `App` from a knowledge base, apply actions and look at
//! the state.

pub mod layout;
pub mod presentation;
pub mod reader;
pub mod wrap;

use jiff::civil::Date;
use ratatui::layout::Rect;
use tui_input::Input;

use crate::kb::{KnowledgeBase, Origin, REGIONS};
use crate::search::fold::tokenize;
use crate::search::is_stop_word;
use crate::search::{Kind, SearchIndex};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::theme::{Theme, ThemeName};
use layout::{Areas, areas, contains};
use reader::{Doc, Marks};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Search,
    Results,
    Reader,
}

/// What the results list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    All,
    Faq,
    Contacts,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::All, Tab::Faq, Tab::Contacts];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Tab::All => "Tout",
            Tab::Faq => "FAQ",
            Tab::Contacts => "Contacts",
        }
    }
}

/// One row of the results list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub kind: Kind,
    /// Byte ranges of matched words in the title, for highlighting.
    pub positions: Vec<std::ops::Range<usize>>,
}

/// The find bar of the reading pane.
#[derive(Debug, Clone, Default)]
pub struct Find {
    pub input: Input,
    /// True while typing the term; false once confirmed (n/N keep working).
    pub editing: bool,
    pub current: usize,
}

/// A QR code ready to draw: half-block rows and what it encodes, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrView {
    pub lines: Vec<String>,
    pub caption: String,
}

/// Where the data came from, as the status bar says it.
#[derive(Debug, Clone)]
pub struct DataInfo {
    pub origin: Origin,
    pub today: Date,
}

/// The whole state of the interface.
// The flags are independent switches of the view (help, QR, quit...), not a hidden state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    pub kb: KnowledgeBase,
    pub index: SearchIndex,
    pub info: DataInfo,
    pub theme: Theme,
    pub input: Input,
    pub focus: Focus,
    pub tab: Tab,
    /// Category filter (index into `kb.categories`) for FAQ rows.
    pub category: Option<usize>,
    /// Region filter (index into [`REGIONS`]) for contact rows.
    pub region: Option<usize>,
    pub rows: Vec<Row>,
    pub selected: usize,
    /// First visible row of the list.
    pub list_offset: usize,
    /// Set when the query found nothing: rows are then the fallback contacts.
    pub nothing_found: bool,
    /// The first row is not a sure answer: « Pas de réponse sûre » above the rows.
    pub not_sure: bool,
    pub suggestions: Vec<String>,
    /// The id in the reading pane.
    pub open: Option<String>,
    pub back: Vec<String>,
    pub forward: Vec<String>,
    /// True when the open item only follows the selection (not a step of the history).
    pub previewing: bool,
    pub doc: Doc,
    pub scroll: usize,
    pub find: Option<Find>,
    pub help: bool,
    pub help_scroll: u16,
    /// The QR code shown over the reader (`m`), laid out when asked for.
    pub qr: Option<QrView>,
    /// A one-line message for the status bar (copy confirmations, hints).
    pub status: Option<String>,
    /// Text to put on the clipboard, taken by the runtime after `update`.
    pub clipboard: Option<String>,
    pub size: Rect,
    pub quit: bool,
    /// Presentation mode, when active.
    pub presentation: Option<presentation::Presentation>,
    /// Digits of a link number being typed (fiches with ten links or more).
    pub link_digits: String,
    /// The user chose the theme (`--theme`): presentation mode keeps it.
    pub theme_chosen: bool,
}

/// Puts `id` on a history stack, unless it is already on top: a preview of the page the
/// reader came from is not a new step.
fn push_step(stack: &mut Vec<String>, id: String) {
    if stack.last() != Some(&id) {
        stack.push(id);
    }
}

impl App {
    #[must_use]
    pub fn new(kb: KnowledgeBase, info: DataInfo, theme: ThemeName) -> Self {
        let index = SearchIndex::new(&kb);
        let mut app = Self {
            kb,
            index,
            info,
            theme: Theme::new(theme),
            input: Input::default(),
            focus: Focus::Search,
            tab: Tab::All,
            category: None,
            region: None,
            rows: Vec::new(),
            selected: 0,
            list_offset: 0,
            nothing_found: false,
            not_sure: false,
            suggestions: Vec::new(),
            open: None,
            back: Vec::new(),
            forward: Vec::new(),
            previewing: false,
            doc: Doc::default(),
            scroll: 0,
            find: None,
            help: false,
            help_scroll: 0,
            qr: None,
            status: None,
            clipboard: None,
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            presentation: None,
            link_digits: String::new(),
            theme_chosen: false,
        };
        app.refresh_rows();
        app
    }

    /// The keyboard mode, derived from the state.
    #[must_use]
    pub fn mode(&self) -> Mode {
        if self.help {
            return Mode::Help;
        }
        if let Some(p) = &self.presentation {
            return if p.notes {
                Mode::Notes
            } else if p.deck.is_none() {
                Mode::Picker
            } else if p.blank.is_some() {
                Mode::Blanked
            } else if p.goto.is_some() {
                Mode::Goto
            } else if p.search.is_some() {
                Mode::PresentSearch
            } else {
                Mode::Present
            };
        }
        if self.find.as_ref().is_some_and(|f| f.editing) {
            Mode::Find
        } else {
            match self.focus {
                Focus::Search => Mode::Search,
                Focus::Results => Mode::Results,
                Focus::Reader => Mode::Reader,
            }
        }
    }

    /// The screen regions for the current size.
    #[must_use]
    pub fn areas(&self) -> Areas {
        areas(
            self.size,
            self.focus == Focus::Reader && self.open.is_some(),
        )
    }

    /// True when list and reader are side by side.
    #[must_use]
    pub fn wide(&self) -> bool {
        self.size.width >= layout::WIDE
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        // A link number being typed continues only with another digit or Enter.
        if !matches!(
            action,
            Action::FollowLink(_) | Action::Open | Action::Resize(..)
        ) {
            self.link_digits.clear();
        }
        if self.presentation.is_some() {
            match action {
                Action::Quit => self.quit = true,
                Action::Resize(w, h) => {
                    self.size = Rect::new(0, 0, w, h);
                    self.plan_slide();
                }
                Action::ToggleHelp => {
                    self.help = !self.help;
                    self.help_scroll = 0;
                }
                // The help stays until a key closes it: the timer and the presenter's moves
                // (speaker view) go on underneath.
                Action::ScrollDown | Action::ScrollUp | Action::PageDown | Action::PageUp
                    if self.help =>
                {
                    let step = match action {
                        Action::ScrollDown => 1,
                        Action::ScrollUp => -1,
                        Action::PageDown => 10,
                        _ => -10,
                    };
                    self.help_scroll = self
                        .help_scroll
                        .saturating_add_signed(step)
                        .min(crate::tui::ui::help_max_scroll(self));
                }
                Action::Tick(_)
                | Action::Follow(_)
                | Action::Presenter(_)
                | Action::AlreadyPresenting => self.update_presentation(&action),
                _ if self.help => self.help = false,
                other => self.update_presentation(&other),
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Edit(req) => self.edit(req),
            Action::Paste(text) => self.paste(&text),
            Action::SelectNext => self.select(self.selected.saturating_add(1)),
            Action::SelectPrev => self.select(self.selected.saturating_sub(1)),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::PageDown | Action::PageUp if self.help => {
                self.scroll_by(if action == Action::PageDown { 10 } else { -10 });
            }
            Action::PageDown | Action::PageUp => self.page(action == Action::PageDown),
            Action::Open if !self.link_digits.is_empty() => self.follow_typed_link(),
            Action::Open => self.open_selected(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::Escape => self.escape(),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::FocusSearch => self.focus = Focus::Search,
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::ScrollTop => self.scroll = 0,
            Action::ScrollBottom => self.scroll = self.max_scroll(),
            Action::FollowLink(n) => self.link_digit(n),
            Action::NextTab => self.set_tab(self.tab_offset(1)),
            Action::PrevTab => self.set_tab(self.tab_offset(2)),
            Action::CycleFilter => self.cycle_filter(),
            Action::StartFind => self.start_find(),
            Action::FindNext => self.find_step(true),
            Action::FindPrev => self.find_step(false),
            Action::CopyAnswer => self.copy_answer(),
            Action::CopyPhone => self.copy_phone(),
            Action::ToggleQr => self.toggle_qr(),
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::ToggleTheme => self.toggle_theme(),
            Action::Present => self.present_from_tui(),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Click(col, row) => self.click(col, row),
            Action::Wheel(col, row, delta) => self.wheel(col, row, delta),
            // Presentation actions mean nothing outside presentation mode.
            _ => {}
        }
        // Whatever changed the layout (focus, find bar, size), the reader stays within its text.
        self.scroll = self.scroll.min(self.max_scroll());
    }

    // --- search and results -------------------------------------------------------------

    fn edit(&mut self, req: tui_input::InputRequest) {
        self.edit_all(std::iter::once(req));
    }

    /// Applies edits to the find bar (while typing in it) or the search bar, then searches once.
    fn edit_all(&mut self, reqs: impl IntoIterator<Item = tui_input::InputRequest>) {
        let mut changed = false;
        if let Some(find) = self.find.as_mut().filter(|f| f.editing) {
            for req in reqs {
                changed |= find.input.handle(req).is_some_and(|c| c.value);
            }
            if changed {
                self.rebuild_doc();
                self.jump_to_match(0);
            }
            return;
        }
        self.focus = Focus::Search;
        for req in reqs {
            changed |= self.input.handle(req).is_some_and(|c| c.value);
        }
        if changed {
            self.refresh_rows();
        }
    }

    fn paste(&mut self, text: &str) {
        // A paste is one line of search: newlines and control characters become spaces, and a
        // huge paste is cut to what a query can use.
        let clean: String = text
            .chars()
            .take(1000)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        // One search for the whole paste, not one per character.
        self.edit_all(clean.chars().map(tui_input::InputRequest::InsertChar));
    }

    /// Folded meaningful words of the query, for highlighting.
    #[must_use]
    pub fn query_words(&self) -> Vec<String> {
        let words: Vec<String> = tokenize(self.input.value())
            .into_iter()
            .map(|t| t.word)
            .collect();
        words.into_iter().filter(|w| !is_stop_word(w)).collect()
    }

    /// Recomputes the rows from the query, the tab and the filters.
    pub fn refresh_rows(&mut self) {
        let query = self.input.value().trim().to_owned();
        self.nothing_found = false;
        self.not_sure = false;
        self.suggestions.clear();
        self.rows = if query.is_empty() {
            self.browse_rows()
        } else {
            let results = self
                .index
                .search(&query, crate::search::QueryOptions::default());
            self.not_sure = !results.hits.is_empty() && !results.sure();
            results
                .hits
                .into_iter()
                .filter(|h| self.keeps(h.kind, &h.id))
                .map(|h| Row {
                    id: h.id,
                    kind: h.kind,
                    positions: h.positions,
                })
                .collect()
        };
        if self.not_sure && !self.rows.is_empty() {
            self.suggestions = self.index.suggest(&query);
            for id in self.index.fallback_contacts() {
                if !self.rows.iter().any(|r| r.id == *id) {
                    self.rows.push(Row {
                        id: id.clone(),
                        kind: Kind::Contact,
                        positions: Vec::new(),
                    });
                }
            }
        }
        if self.rows.is_empty() && !query.is_empty() {
            self.not_sure = false;
            self.nothing_found = true;
            self.suggestions = self.index.suggest(&query);
            self.rows = self
                .index
                .fallback_contacts()
                .iter()
                .map(|id| Row {
                    id: id.clone(),
                    kind: Kind::Contact,
                    positions: Vec::new(),
                })
                .collect();
        }
        self.selected = 0;
        self.list_offset = 0;
        self.preview();
    }

    /// With no query: entries by category, then contacts by region.
    fn browse_rows(&self) -> Vec<Row> {
        let row = |id: &str, kind| Row {
            id: id.to_owned(),
            kind,
            positions: Vec::new(),
        };
        let mut rows = Vec::new();
        for c in &self.kb.categories {
            rows.extend(
                self.kb
                    .entries
                    .iter()
                    .filter(|e| e.category == c.id && self.keeps(Kind::Faq, &e.id))
                    .map(|e| row(&e.id, Kind::Faq)),
            );
        }
        for r in REGIONS {
            rows.extend(
                self.kb
                    .contacts
                    .iter()
                    .filter(|c| c.region == r && self.keeps(Kind::Contact, &c.id))
                    .map(|c| row(&c.id, Kind::Contact)),
            );
        }
        rows
    }

    /// Whether the tab and filters let this item through.
    fn keeps(&self, kind: Kind, id: &str) -> bool {
        match (self.tab, kind) {
            (Tab::Faq, Kind::Contact) | (Tab::Contacts, Kind::Faq) => false,
            (_, Kind::Faq) => self.category.is_none_or(|c| {
                self.kb
                    .entry(id)
                    .is_some_and(|e| Some(&e.category) == self.kb.categories.get(c).map(|c| &c.id))
            }),
            (_, Kind::Contact) => self.region.is_none_or(|r| {
                self.kb
                    .contact(id)
                    .is_some_and(|c| Some(c.region.as_str()) == REGIONS.get(r).copied())
            }),
        }
    }

    /// The category (for entries) or region (for contacts) a row belongs to, for grouping.
    #[must_use]
    pub fn group_of(&self, row: &Row) -> String {
        match row.kind {
            Kind::Faq => self
                .kb
                .entry(&row.id)
                .and_then(|e| self.kb.category(&e.category))
                .map_or_else(String::new, |c| c.title.clone()),
            Kind::Contact => self.kb.contact(&row.id).map_or_else(String::new, |c| {
                format!("Contacts — {}", crate::strings::region_label(&c.region))
            }),
        }
    }

    fn select(&mut self, index: usize) {
        if self.rows.is_empty() {
            return;
        }
        self.selected = index.min(self.rows.len() - 1);
        self.keep_selection_visible();
        self.preview();
    }

    /// Lines above the rows: « Pas de réponse sûre » or the suggestions.
    pub fn header_lines(&self) -> usize {
        usize::from(self.not_sure || (self.nothing_found && !self.suggestions.is_empty()))
    }

    fn keep_selection_visible(&mut self) {
        let height = (self.areas().list_rows().height as usize)
            .saturating_sub(self.header_lines())
            .max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + height {
            self.list_offset = self.selected + 1 - height;
        }
    }

    /// On a wide screen the reader follows the selection (without touching the history).
    fn preview(&mut self) {
        if !self.wide() || self.focus == Focus::Reader {
            return;
        }
        let Some(id) = self.rows.get(self.selected).map(|r| r.id.clone()) else {
            return;
        };
        if self.open.as_deref() != Some(&id) {
            self.show(id);
            self.previewing = true;
        }
    }

    fn page(&mut self, down: bool) {
        if self.focus == Focus::Reader {
            let step = isize::try_from(self.areas().reader_text().height)
                .unwrap_or(isize::MAX)
                .saturating_sub(2)
                .max(1);
            self.scroll_by(if down { step } else { -step });
        } else {
            let step = (self.areas().list_rows().height as usize).max(1);
            let target = if down {
                self.selected.saturating_add(step)
            } else {
                self.selected.saturating_sub(step)
            };
            self.select(target);
        }
    }

    // --- reading ------------------------------------------------------------------------

    fn open_selected(&mut self) {
        let Some(id) = self.rows.get(self.selected).map(|r| r.id.clone()) else {
            return;
        };
        // Focus first: on a narrow screen the reader only gets its width once it has focus.
        self.focus = Focus::Reader;
        if self.open.as_deref() == Some(&id) {
            if self.previewing {
                // The preview becomes a step: the page before it cannot be the same page.
                if self.back.last() == Some(&id) {
                    self.back.pop();
                }
                self.forward.clear();
            }
            self.previewing = false;
            self.rebuild_doc();
        } else {
            self.navigate(id);
        }
    }

    /// Opens `id` as a new step of the history.
    pub fn navigate(&mut self, id: String) {
        if let Some(current) = self.open.take().filter(|_| !self.previewing) {
            push_step(&mut self.back, current);
        }
        self.forward.clear();
        self.show_step(id);
    }

    /// Shows `id` in the reader without touching the history.
    fn show(&mut self, id: String) {
        self.open = Some(id);
        self.previewing = false;
        self.scroll = 0;
        self.find = None;
        self.qr = None;
        self.rebuild_doc();
    }

    /// Shows `id` as a step of the history. The pages on either side of it are never the same
    /// page: a preview that took a step's place, or a resize that dropped it, can bring a page
    /// next to itself.
    fn show_step(&mut self, id: String) {
        if self.back.last() == Some(&id) {
            self.back.pop();
        }
        if self.forward.last() == Some(&id) {
            self.forward.pop();
        }
        self.show(id);
    }

    fn go_back(&mut self) {
        match self.back.pop() {
            Some(previous) => {
                if let Some(current) = self.open.take().filter(|c| *c != previous) {
                    push_step(&mut self.forward, current);
                }
                self.show_step(previous);
            }
            None if !self.wide() && self.focus == Focus::Reader => self.focus = Focus::Results,
            None => {}
        }
    }

    fn go_forward(&mut self) {
        if let Some(next) = self.forward.pop() {
            if let Some(current) = self.open.take().filter(|c| *c != next) {
                push_step(&mut self.back, current);
            }
            self.show_step(next);
        }
    }

    /// A digit typed in the reader: follows at once when no longer number is possible,
    /// otherwise waits for the next digit or Enter ("1" then "2" follows link 12).
    fn link_digit(&mut self, digit: usize) {
        self.link_digits.push_str(&digit.to_string());
        let n: usize = self.link_digits.parse().unwrap_or(0);
        if n * 10 > self.doc.links.len() || self.link_digits.len() >= 3 {
            self.link_digits.clear();
            self.follow(n);
        } else {
            self.status = Some(format!(
                "Lien n° {n}… : un autre chiffre, ou Entrée pour le suivre"
            ));
        }
    }

    fn follow_typed_link(&mut self) {
        let n: usize = std::mem::take(&mut self.link_digits).parse().unwrap_or(0);
        if n > 0 {
            self.follow(n);
        }
    }

    fn follow(&mut self, n: usize) {
        match n
            .checked_sub(1)
            .and_then(|i| self.doc.links.get(i))
            .cloned()
        {
            Some(id) => {
                // Following a link from a preview makes the preview a step of the history.
                self.previewing = false;
                self.navigate(id);
                self.focus = Focus::Reader;
            }
            None => self.status = Some(format!("Pas de lien n° {n} sur cette fiche.")),
        }
    }

    /// Lays out the open item for the reader's current width.
    pub fn rebuild_doc(&mut self) {
        let width = self.areas().reader_text().width.max(1) as usize;
        let query = self.query_words();
        let find_term = self
            .find
            .as_ref()
            .map(|f| crate::search::fold::fold(f.input.value().trim()));
        let marks = Marks {
            query: &query,
            find: find_term.as_deref(),
        };
        let kb = &self.kb;
        self.doc = match self.open.as_deref().and_then(|id| kb.item(id)) {
            Some(crate::kb::Item::Entry(e)) => {
                reader::entry(kb, e, width, &self.theme, &marks, self.info.today)
            }
            Some(crate::kb::Item::Contact(c)) => {
                reader::contact(kb, c, width, &self.theme, &marks, self.info.today)
            }
            _ => Doc::default(),
        };
        self.scroll = self.scroll.min(self.max_scroll());
        // A new layout can have fewer matches than the one the find bar was stepping through.
        let last = self.doc.matches.len().saturating_sub(1);
        if let Some(find) = self.find.as_mut() {
            find.current = find.current.min(last);
        }
    }

    /// The largest useful scroll offset.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.doc
            .lines
            .len()
            .saturating_sub(self.areas().reader_text().height as usize)
    }

    fn scroll_by(&mut self, delta: isize) {
        if self.help {
            self.help_scroll = self
                .help_scroll
                .saturating_add_signed(delta as i16)
                .min(crate::tui::ui::help_max_scroll(self));
            return;
        }
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    fn start_find(&mut self) {
        if self.open.is_some() {
            self.find = Some(Find {
                editing: true,
                ..Find::default()
            });
            self.focus = Focus::Reader;
        }
    }

    fn find_step(&mut self, forward: bool) {
        let Some(find) = self.find.as_mut() else {
            return;
        };
        find.editing = false;
        let count = self.doc.matches.len();
        if count == 0 {
            self.status = Some("Aucune occurrence dans cette fiche.".to_owned());
            return;
        }
        let next = if forward {
            (find.current + 1) % count
        } else {
            (find.current + count - 1) % count
        };
        self.jump_to_match(next);
    }

    fn jump_to_match(&mut self, i: usize) {
        if let (Some(find), Some(&line)) = (self.find.as_mut(), self.doc.matches.get(i)) {
            find.current = i;
            self.scroll = line.saturating_sub(2).min(self.max_scroll());
        }
    }

    // --- focus, tabs, escape ------------------------------------------------------------

    fn escape(&mut self) {
        if self.qr.take().is_some() {
            return;
        }
        if self.find.is_some() {
            self.find = None;
            self.rebuild_doc();
            return;
        }
        match self.focus {
            Focus::Search if !self.input.value().is_empty() => {
                self.input.reset();
                self.refresh_rows();
            }
            Focus::Search => {}
            Focus::Results => self.focus = Focus::Search,
            Focus::Reader if !self.back.is_empty() => self.go_back(),
            Focus::Reader => self.focus = Focus::Results,
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order = [Focus::Search, Focus::Results, Focus::Reader];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let step = if forward { 1 } else { 2 };
        self.focus = order[(at + step) % 3];
        if self.focus == Focus::Reader && self.open.is_none() {
            self.focus = if forward {
                Focus::Search
            } else {
                Focus::Results
            };
        }
        if self.focus == Focus::Reader {
            self.rebuild_doc();
        }
    }

    fn tab_offset(&self, step: usize) -> Tab {
        let at = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        Tab::ALL[(at + step) % Tab::ALL.len()]
    }

    fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.refresh_rows();
    }

    fn cycle_filter(&mut self) {
        let next = |current: Option<usize>, len: usize| match current {
            None if len > 0 => Some(0),
            Some(i) if i + 1 < len => Some(i + 1),
            _ => None,
        };
        if self.tab == Tab::Contacts {
            self.region = next(self.region, REGIONS.len());
        } else {
            if self.tab == Tab::All {
                self.tab = Tab::Faq;
            }
            self.category = next(self.category, self.kb.categories.len());
        }
        self.refresh_rows();
    }

    /// The filter currently applied, as the tab bar shows it.
    #[must_use]
    pub fn filter_label(&self) -> Option<String> {
        match self.tab {
            Tab::Contacts => self
                .region
                .map(|r| format!("Région : {}", crate::strings::region_label(REGIONS[r]))),
            _ => self
                .category
                .and_then(|c| self.kb.categories.get(c))
                .map(|c| format!("Catégorie : {}", c.title)),
        }
    }

    /// Each tab with the columns it occupies on the tab bar (relative to its left edge).
    #[must_use]
    pub fn tab_spans(&self) -> Vec<(Tab, u16, u16)> {
        let mut x = 1u16;
        Tab::ALL
            .iter()
            .map(|t| {
                let w = t.label().chars().count() as u16 + 2;
                let span = (*t, x, x + w);
                x += w + 1;
                span
            })
            .collect()
    }

    fn toggle_theme(&mut self) {
        let next = match self.theme.name {
            ThemeName::Contraste => ThemeName::Defaut,
            _ => ThemeName::Contraste,
        };
        self.theme = Theme::new(next);
        self.rebuild_doc();
    }

    // --- clipboard ----------------------------------------------------------------------

    fn open_contact(&self) -> Option<&crate::kb::Contact> {
        let id = match self.focus {
            Focus::Reader => self.open.as_deref(),
            _ => self
                .rows
                .get(self.selected)
                .map(|r| r.id.as_str())
                .or(self.open.as_deref()),
        }?;
        self.kb.contact(id)
    }

    /// Shows the open contact's phone number (or else its website) as a QR code, so a phone
    /// held to the screen gets it without a network.
    fn toggle_qr(&mut self) {
        if self.qr.take().is_some() {
            return;
        }
        let Some(c) = self.open_contact() else {
            self.status =
                Some("Ouvrez ou sélectionnez un contact pour afficher son code QR.".to_owned());
            return;
        };
        let target = c
            .phone
            .first()
            .map(|p| (crate::qr::tel_uri(p), format!("Tél. {p}")))
            .or_else(|| c.website.clone().map(|w| (w.clone(), w)));
        match target.map(|(text, caption)| (crate::qr::lines(&text), caption)) {
            Some((Ok(lines), caption)) => self.qr = Some(QrView { lines, caption }),
            Some((Err(_), _)) => {
                self.status = Some("Code QR impossible pour ce contact.".to_owned());
            }
            None => self.status = Some("Ce contact n'a ni téléphone ni site web.".to_owned()),
        }
    }

    fn copy_answer(&mut self) {
        // Outside the reader, what is copied is the highlighted row, as for `c`.
        let id = match self.focus {
            Focus::Reader => self.open.clone(),
            _ => self
                .rows
                .get(self.selected)
                .map(|r| r.id.clone())
                .or_else(|| self.open.clone()),
        };
        let text = match id.as_deref().and_then(|id| self.kb.item(id)) {
            Some(crate::kb::Item::Entry(e)) => {
                crate::plain::entry(&self.kb, e, 78, self.info.today)
            }
            Some(crate::kb::Item::Contact(c)) => crate::plain::contact(c, 78, self.info.today),
            _ => {
                self.status = Some("Rien à copier : ouvrez d'abord une fiche.".to_owned());
                return;
            }
        };
        self.clipboard = Some(text);
        self.status = Some("Fiche copiée dans le presse-papiers.".to_owned());
    }

    fn copy_phone(&mut self) {
        let found = self
            .open_contact()
            .map(|c| (c.name.clone(), c.phone.first().cloned()));
        self.status = Some(match found {
            Some((name, Some(phone))) => {
                self.clipboard = Some(phone.clone());
                format!("Numéro copié : {phone} ({name})")
            }
            Some((name, None)) => {
                format!("{name} n'a pas de numéro de téléphone dans les données.")
            }
            None => "Ouvrez ou sélectionnez un contact pour copier son numéro.".to_owned(),
        });
    }

    // --- terminal events ----------------------------------------------------------------

    fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        if !self.wide() && self.previewing && self.focus != Focus::Reader {
            // A preview is only seen beside the list; on a narrow screen it would be a hidden,
            // stale item that Tab would show instead of the selection.
            self.open = None;
            self.previewing = false;
        }
        if !self.wide() && self.focus == Focus::Reader && self.open.is_none() {
            self.focus = Focus::Results;
        }
        self.rebuild_doc();
        self.keep_selection_visible();
        if self.open.is_none() {
            self.preview();
        }
    }

    fn click(&mut self, col: u16, row: u16) {
        let a = self.areas();
        if contains(a.search, col, row) {
            self.focus = Focus::Search;
        } else if contains(a.tabs, col, row) {
            let x = col - a.tabs.x;
            if let Some((tab, ..)) = self
                .tab_spans()
                .into_iter()
                .find(|(_, s, e)| x >= *s && x < *e)
            {
                self.set_tab(tab);
            }
        } else if contains(a.list_rows(), col, row) {
            self.focus = Focus::Results;
            let line = (row - a.list_rows().y) as usize;
            let index = (self.list_offset + line).checked_sub(self.header_lines());
            if let Some(index) =
                index.filter(|&i| i < self.rows.len() && line >= self.header_lines())
            {
                self.select(index);
                if !self.wide() {
                    self.open_selected();
                }
            }
        } else if contains(a.reader_text(), col, row) {
            self.focus = Focus::Reader;
            let line = self.scroll + (row - a.reader_text().y) as usize;
            let x = col - a.reader_text().x;
            let hit = self
                .doc
                .spots
                .iter()
                .find(|s| s.line == line && x >= s.start && x < s.end)
                .map(|s| s.link);
            if let Some(link) = hit {
                self.follow(link + 1);
            }
        }
    }

    fn wheel(&mut self, col: u16, row: u16, delta: i8) {
        let a = self.areas();
        if contains(a.list, col, row) {
            let target = self.selected.saturating_add_signed(isize::from(delta));
            self.select(target);
        } else {
            self.scroll_by(isize::from(delta) * 3);
        }
    }
}
