//! The verbs of the interface. Keys and mouse events become actions in [`crate::tui::keymap`];
//! [`crate::tui::app::App::update`] is the only place that carries them out.

use tui_input::InputRequest;

/// What covers the screen instead of the slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Edit the search text (insert, delete, move the cursor).
    Edit(InputRequest),
    /// A letter typed outside the search bar: it starts a new question there.
    TypeNew(char),
    /// Clear everything (query, tab, filters, overlays) back to the start screen.
    ClearAll,
    /// Show the emergency numbers over the screen.
    Emergencies,
    /// Make the region of the filter « ma région » (or forget it without a region filter).
    SetMyRegion,
    /// Pin the open page (or unpin it), for this run only.
    Pin,
    /// Show the pinned and recent pages over the screen.
    Recents,
    /// Insert pasted text into the search bar (or the find bar).
    Paste(String),
    /// Move the selection down one result.
    SelectNext,
    /// Move the selection up one result.
    SelectPrev,
    /// Move the selection to the first result.
    SelectFirst,
    /// Move the selection to the last result.
    SelectLast,
    /// Page down in the focused pane.
    PageDown,
    /// Page up in the focused pane.
    PageUp,
    /// Open the selected result in the reading pane.
    Open,
    /// Go back in the reading history.
    Back,
    /// Go forward in the reading history.
    Forward,
    /// Clear the query, close the find bar, or go back, depending on where the focus is.
    Escape,
    /// Move the focus to the next pane (search, results, reader).
    FocusNext,
    /// Move the focus to the previous pane.
    FocusPrev,
    /// Put the focus in the search bar.
    FocusSearch,
    /// Scroll the reading pane down one line.
    ScrollDown,
    /// Scroll the reading pane up one line.
    ScrollUp,
    /// Scroll the reading pane to the top.
    ScrollTop,
    /// Scroll the reading pane to the bottom.
    ScrollBottom,
    /// Follow the numbered link of the reading pane (1-based).
    FollowLink(usize),
    /// Show the next tab (Tout, FAQ, Contacts).
    NextTab,
    /// Show the previous tab.
    PrevTab,
    /// Cycle the category filter (FAQ) or the region filter (contacts).
    CycleFilter,
    /// Open the find bar to search inside the open answer.
    StartFind,
    /// Jump to the next match of the find bar.
    FindNext,
    /// Jump to the previous match of the find bar.
    FindPrev,
    /// Copy the open answer (or contact card) to the clipboard.
    CopyAnswer,
    /// Copy the phone number of the open contact to the clipboard.
    CopyPhone,
    /// Show or hide the QR code of the open contact (of the short share just made).
    ToggleQr,
    /// Copy the short share of the open answer or contact (title, summary, one number).
    ShareShort,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Switch between the default and the high-contrast theme.
    ToggleTheme,
    /// Read the open item in its next language (French, then its translations).
    CycleLanguage,
    /// Only what is meant for the people helped (`audience: migrants`), or everything again.
    ToggleForPerson,
    /// « Montrer à la personne »: the card full screen in the chosen language, or back.
    ShowPerson,
    /// Present the open entry (or the first deck containing it) full screen.
    Present,
    /// Presentation: next slide (or follow-up page).
    NextSlide,
    /// Presentation: previous slide (or page).
    PrevSlide,
    /// Presentation: first slide.
    FirstSlide,
    /// Presentation: last slide.
    LastSlide,
    /// Presentation: start typing a slide number (`g`).
    StartGoto,
    /// Presentation: a digit of the slide number.
    GotoDigit(u8),
    /// Presentation: go to the typed slide number.
    GotoConfirm,
    /// Presentation: cover the screen (black or white).
    Blank(Blank),
    /// Presentation: show the slide again after a blank screen.
    Unblank,
    /// Presentation: show or hide the elapsed time.
    ToggleTimer,
    /// Presentation: use more of the width for text.
    Wider,
    /// Presentation: use less of the width for text.
    Narrower,
    /// Presentation: search any entry to show it as a slide.
    QuickSearch,
    /// Leave presentation mode.
    LeavePresentation,
    /// One second passed (presentation timer).
    Tick(u64),
    /// Speaker view: where the presenting instance is now.
    Follow(crate::tui::link::Position),
    /// Speaker view: connected to this presenter, or to none.
    Presenter(Option<String>),
    /// Presenting: another presentation of this deck already runs (it keeps the speaker views).
    AlreadyPresenting,
    /// The terminal was resized.
    Resize(u16, u16),
    /// A mouse click at a column and row.
    Click(u16, u16),
    /// The mouse wheel at a column and row; positive scrolls down.
    Wheel(u16, u16, i8),
}
