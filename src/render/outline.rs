//! One outline of an entry: which sections it has and in what order, for every format that
//! shows an entry. Each renderer walks [`sections`] and only maps a [`Section`] to its syntax;
//! none decides the order itself.
//!
//! The formats do not agree on the order yet, and this module says so as data (one
//! [`Layout`] each) instead of hiding it in five renderers:
//!
//! | layout | order |
//! |---|---|
//! | [`Layout::Plain`], [`Layout::Markdown`] | title, summary, answer, related, contacts, sources, review dates, **stale**, old sources |
//! | [`Layout::HtmlHandout`] | title, summary, answer, related, contacts, sources, review dates, old sources, **stale** |
//! | [`Layout::PhonePage`] | summary, answer, related, contacts, sources, review dates, old sources (no stale warning: the title and the list are the page's) |
//! | [`Layout::Slide`] | title, summary, points, speaker notes, review date |
//! | [`Layout::Reader`] | title, review dates, **stale**, category, summary, old sources, answer, related, contacts, sources, not legal advice |
//!
//! Where they disagree: the reader (issue 14) puts the review dates and the stale warning under
//! the title; plain text and Markdown put them after the sources, the HTML handout puts the
//! stale warning last; the old-sources warning comes right after the summary in the reader
//! and after the review dates elsewhere. The printed formats are still to follow the reader.
//!
//! A section is in the outline only when the entry has something to show in it: no
//! « Voir aussi » without related entries, no stale warning on a fresh entry.

use jiff::civil::Date;

use crate::kb::Entry;
use crate::render::freshness;

/// A part of an entry as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// « Pas relu depuis plus de 12 mois » (only on a stale entry).
    Stale,
    Title,
    /// The category's title.
    Category,
    Summary,
    /// The newest source is old, or no source is dated (only then).
    OldSources,
    Answer,
    /// « Voir aussi » (only with related entries).
    Related,
    /// The contacts the entry names (only with some).
    Contacts,
    /// The sources (only with some).
    Sources,
    /// The review date beside the newest source's date.
    Reviewed,
    /// The slide's bullet points (only with some).
    Points,
    /// The speaker notes of a slide (only with some).
    Notes,
    /// « relais n'est pas un avis juridique ».
    NotLegalAdvice,
}

/// The formats that show an entry, each with its own order (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `relais show` and the clipboard.
    Plain,
    /// The Markdown handout.
    Markdown,
    /// An entry of the HTML handout.
    HtmlHandout,
    /// An entry's page on the phone page (below its title).
    PhonePage,
    /// An entry's slide.
    Slide,
    /// The interface's reader.
    Reader,
}

use Section as S;

impl Layout {
    /// Every section this layout can show, in its order.
    #[must_use]
    pub const fn order(self) -> &'static [Section] {
        match self {
            Self::Plain | Self::Markdown => &[
                S::Title,
                S::Summary,
                S::Answer,
                S::Related,
                S::Contacts,
                S::Sources,
                S::Reviewed,
                S::Stale,
                S::OldSources,
            ],
            Self::HtmlHandout => &[
                S::Title,
                S::Summary,
                S::Answer,
                S::Related,
                S::Contacts,
                S::Sources,
                S::Reviewed,
                S::OldSources,
                S::Stale,
            ],
            Self::PhonePage => &[
                S::Summary,
                S::Answer,
                S::Related,
                S::Contacts,
                S::Sources,
                S::Reviewed,
                S::OldSources,
            ],
            Self::Slide => &[S::Title, S::Summary, S::Points, S::Notes, S::Reviewed],
            Self::Reader => &[
                S::Title,
                S::Reviewed,
                S::Stale,
                S::Category,
                S::Summary,
                S::OldSources,
                S::Answer,
                S::Related,
                S::Contacts,
                S::Sources,
                S::NotLegalAdvice,
            ],
        }
    }
}

/// Whether `e` has something to show in `section` on `today`. Without a date (the slides: a
/// file shown on a day nobody knows yet) the warnings about age are never shown.
#[must_use]
pub fn has(e: &Entry, section: Section, today: Option<Date>) -> bool {
    match section {
        S::Stale => today.is_some_and(|d| e.is_stale(d)),
        S::OldSources => today.is_some_and(|d| freshness::old_sources_warning(e, d).is_some()),
        S::Related => !e.related.is_empty(),
        S::Contacts => !e.contacts.is_empty(),
        S::Sources => !e.sources.is_empty(),
        S::Points => !e.slide.is_empty(),
        S::Notes => e.notes.is_some(),
        S::Title | S::Category | S::Summary | S::Answer | S::Reviewed | S::NotLegalAdvice => true,
    }
}

/// The sections of `e` in `layout`, in order: the ones it has something to show in.
#[must_use]
pub fn sections(e: &Entry, layout: Layout, today: Option<Date>) -> Vec<Section> {
    layout
        .order()
        .iter()
        .copied()
        .filter(|&s| has(e, s, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_names_each_section_once_and_has_the_summary() {
        for layout in [
            Layout::Plain,
            Layout::Markdown,
            Layout::HtmlHandout,
            Layout::PhonePage,
            Layout::Slide,
            Layout::Reader,
        ] {
            let order = layout.order();
            for (i, s) in order.iter().enumerate() {
                assert!(!order[i + 1..].contains(s), "{layout:?}: {s:?} twice");
            }
            assert!(order.contains(&S::Summary), "{layout:?}");
        }
    }

    #[test]
    fn the_stale_warning_is_where_each_format_puts_it_today() {
        let at = |l: Layout| l.order().iter().position(|&s| s == S::Stale);
        assert_eq!(at(Layout::Reader), Some(2));
        assert_eq!(at(Layout::Plain), Some(7));
        assert_eq!(at(Layout::HtmlHandout), Some(8));
        assert_eq!(at(Layout::PhonePage), None);
    }
}
