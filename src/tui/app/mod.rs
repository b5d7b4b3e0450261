//! The model: everything the interface shows, and [`App::update`], the only place it changes.
//! No terminal here: tests build an `App` from a knowledge base, apply actions and look at
//! the state.

mod contact;
mod deferred;
mod escape;
pub mod help;
mod history;
pub mod language;
pub mod layout;
pub mod list;
mod mode;
pub mod overlay;
mod pointer;
pub mod presentation;
pub mod reader;
pub mod region;
mod results;
pub mod wrap;

use jiff::civil::Date;
use ratatui::layout::Rect;
use tui_input::Input;

use crate::kb::{KnowledgeBase, Origin};
use crate::search::{Kind, SearchIndex};
use crate::tui::action::Action;
use crate::tui::theme::{Theme, ThemeName};
use layout::{Areas, areas};
use reader::ReaderDoc;

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
    /// A separator line drawn above the row (« Toute la Wallonie », « Toute la Belgique »).
    pub sep: Option<String>,
    /// Byte ranges of matched words in the title, for highlighting.
    pub positions: Vec<std::ops::Range<usize>>,
    /// Found through a translation: the language that matched (`en`, `ar`…).
    pub lang: Option<&'static str>,
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
    /// The search index; an empty one while `pending` still makes it: read it through
    /// [`App::index`], which takes it first (only `app`'s own code, after [`App::settle`], reads
    /// the field).
    index: SearchIndex,
    /// The entries, the search index and the translations still to decode, on the first frame
    /// of a start on the bundled data ([`App::waiting`]). Meanwhile `kb`'s entries and
    /// contacts are the glimpse the first frame is drawn from: only the entries at
    /// [`crate::compiled::Back::whole`] have their answer, the contacts no notes or sources;
    /// showing any other item takes the whole items first.
    pub pending: Option<crate::compiled::Back>,
    /// The translations' language marks, while the translations are pending.
    pub marks: Option<crate::kb::i18n::LanguageMarks>,
    /// What to say on stderr once the terminal is given back (a damaged compiled form).
    pub exit_notice: Option<String>,
    pub info: DataInfo,
    pub theme: Theme,
    pub input: Input,
    pub focus: Focus,
    pub tab: Tab,
    /// Category filter (index into `kb.categories`) for FAQ rows.
    pub category: Option<usize>,
    /// Region filter (index into [`crate::kb::REGIONS`]) for contact rows.
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
    pub doc: ReaderDoc,
    /// The width `doc` was laid out for by [`App::rebuild_doc`] (0: not by it).
    pub doc_width: usize,
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
    /// A copied number spaced to be read aloud, and its warning, shown above the status bar
    /// until the next action.
    pub dictate: Option<String>,
    /// The last short share, until the next action: `m` then shows it as a QR code.
    pub share: Option<String>,
    /// Whether the status bar already said how to check that a copy reached the clipboard.
    pub copy_hint_given: bool,
    pub size: Rect,
    pub quit: bool,
    /// Presentation mode, when active.
    pub presentation: Option<presentation::Presentation>,
    /// Digits of a link number being typed (fiches with ten links or more).
    pub link_digits: String,
    /// What covers the screen (emergencies, pinned and recent pages), if anything.
    pub overlay: Option<overlay::Overlay>,
    /// Pages pinned during this run (memory only).
    pub pins: Vec<String>,
    /// Pages opened since relais started, most recent first (memory only).
    pub recents: Vec<String>,
    /// « Ma région », read from the config file at start.
    pub my_region: Option<String>,
    /// The new « ma région » to save (`Some(None)`: forget it), taken by the runtime.
    pub save_region: Option<Option<String>>,
    /// Hits of the query the tab and filters hide.
    pub hidden: usize,
    /// Where each page of the history was left (its scroll), so that going back returns
    /// there.
    pub read_at: std::collections::HashMap<String, usize>,
    /// The user chose the theme (`--theme`): presentation mode keeps it.
    pub theme_chosen: bool,
    /// The language the reader shows the open item in (`fr`, or a code it is translated into).
    pub lang: &'static str,
    /// The filter « pour la personne aidée »: only what is meant for the people helped.
    pub for_person: bool,
    /// « Montrer à la personne »: the card full screen, for the person helped.
    pub show: Option<language::ShowView>,
}

impl App {
    #[must_use]
    pub fn new(kb: KnowledgeBase, info: DataInfo, theme: ThemeName) -> Self {
        let index = SearchIndex::new(&kb);
        Self::with_index(kb, index, info, theme)
    }

    /// [`App::new`] with the index already made (the compiled one, see `relais_core::compiled`),
    /// laid out for 80x24 until the first resize.
    #[must_use]
    pub fn with_index(
        kb: KnowledgeBase,
        index: SearchIndex,
        info: DataInfo,
        theme: ThemeName,
    ) -> Self {
        Self::sized(kb, index, info, theme, Rect::new(0, 0, 80, 24))
    }

    /// [`App::with_index`] laid out for `size` from the start: the interface starts with the
    /// terminal's size, so that what its first frame shows is laid out once.
    #[must_use]
    pub fn sized(
        kb: KnowledgeBase,
        index: SearchIndex,
        info: DataInfo,
        theme: ThemeName,
        size: Rect,
    ) -> Self {
        let mut app = Self::bare(kb, index, info, theme, size);
        app.refresh_rows();
        app
    }

    /// The state at start, before any row is made.
    fn bare(
        kb: KnowledgeBase,
        index: SearchIndex,
        info: DataInfo,
        theme: ThemeName,
        size: Rect,
    ) -> Self {
        Self {
            kb,
            index,
            pending: None,
            marks: None,
            exit_notice: None,
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
            doc: ReaderDoc::default(),
            doc_width: 0,
            scroll: 0,
            find: None,
            help: false,
            help_scroll: 0,
            qr: None,
            status: None,
            clipboard: None,
            dictate: None,
            share: None,
            copy_hint_given: false,
            size,
            quit: false,
            presentation: None,
            link_digits: String::new(),
            theme_chosen: false,
            lang: "fr",
            for_person: false,
            show: None,
            overlay: None,
            pins: Vec::new(),
            recents: Vec::new(),
            my_region: None,
            save_region: None,
            hidden: 0,
            read_at: std::collections::HashMap::new(),
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
        self.dictate = None;
        // Only a resize may come before the search index and the translations are taken (the
        // first frame's); every other action may search or read a translation.
        if !matches!(action, Action::Resize(..)) {
            self.settle();
        }
        if !matches!(action, Action::ToggleQr | Action::Resize(..)) {
            self.share = None;
        }
        // A link number being typed continues only with another digit or Enter.
        if !matches!(
            action,
            Action::FollowLink(_) | Action::Open | Action::Resize(..)
        ) {
            self.link_digits.clear();
        }
        if self.presentation.is_some() {
            self.update_while_presenting(action);
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Edit(req) => self.edit(req),
            Action::TypeNew(ch) => self.type_new(ch),
            Action::ClearAll => self.clear_all(),
            Action::Emergencies => self.toggle_overlay(overlay::Overlay::Emergencies),
            Action::Recents => self.toggle_overlay(overlay::Overlay::Recents(0)),
            Action::Pin => self.pin(),
            Action::SetMyRegion => self.set_my_region(),
            _ if self.overlay_takes(&action) => self.overlay_action(&action),
            Action::Paste(text) => self.paste(&text),
            Action::SelectNext => self.select(self.selected.saturating_add(1)),
            Action::SelectPrev => self.select(self.selected.saturating_sub(1)),
            Action::SelectFirst => self.select(0),
            Action::SelectLast => self.select(usize::MAX),
            Action::ScrollDown | Action::PageDown if self.show.is_some() => self.show_scroll(1),
            Action::ScrollUp | Action::PageUp if self.show.is_some() => self.show_scroll(-1),
            Action::PageDown | Action::PageUp if self.help => {
                let page = isize::try_from(self.help_page().saturating_sub(1).max(1)).unwrap_or(10);
                self.scroll_by(if action == Action::PageDown {
                    page
                } else {
                    -page
                });
            }
            Action::ScrollTop if self.help => self.help_scroll = 0,
            Action::ScrollBottom if self.help => self.help_scroll = self.help_max_scroll(),
            Action::PageDown | Action::PageUp => self.page(action == Action::PageDown),
            Action::Open if !self.link_digits.is_empty() => self.follow_typed_link(),
            Action::Open => self.open_selected(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::Escape => self.escape(),
            Action::FocusNext if self.focus == Focus::Search && !self.suggestions.is_empty() => {
                self.accept_suggestion();
            }
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
            Action::ShareShort => self.share_short(),
            Action::ToggleQr => self.toggle_qr(),
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::ToggleTheme => self.toggle_theme(),
            Action::Present => self.present_from_tui(),
            Action::CycleLanguage => self.cycle_language(),
            Action::ToggleForPerson => self.toggle_for_person(),
            Action::ShowPerson => self.toggle_show(),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Click(col, row) => self.click(col, row),
            Action::Wheel(col, row, delta) => self.wheel(col, row, delta),
            // Presentation actions mean nothing outside presentation mode.
            _ => {}
        }
        // Whatever changed the layout (focus, find bar, size), the reader stays within its text.
        self.scroll = self.scroll.min(self.max_scroll());
    }
}
