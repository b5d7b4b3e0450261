//! What presentations need: the points of an entry's slide (2 to 6, each one line of at most
//! 80 columns), a deck's duration, and a warning for each deck entry that has no points.

use crate::kb::raw::Spanned;
use unicode_width::UnicodeWidthStr;

use crate::kb::raw::{RawEntry, Text};
use crate::kb::{Deck, Entry, Severity};

use super::Checker;
use super::positions::clamp;

/// Points a slide holds, at least and at most.
pub const SLIDE_POINTS: std::ops::RangeInclusive<usize> = 2..=6;
/// Columns a slide point may take: it fits on one line of an 80-column terminal.
pub const POINT_COLUMNS: usize = 80;
/// Minutes a deck may last, at least and at most (a full day).
const DURATION: std::ops::RangeInclusive<i64> = 1..=600;

impl Checker<'_> {
    /// The points of `slide:`, each checked; errors when there are too few or too many, when
    /// one is empty, spans lines or is too wide.
    pub(super) fn slide_points(
        &mut self,
        file: usize,
        id: &str,
        slide: Option<&Spanned<Vec<Text>>>,
    ) -> Vec<String> {
        let Some(slide) = slide else {
            return Vec::new();
        };
        let count = slide.value.len();
        if !SLIDE_POINTS.contains(&count) {
            self.error_at(
                file,
                &slide.referenced,
                format!(
                    "« slide » de l'entrée « {id} » : {} à {} points, pas {count}",
                    SLIDE_POINTS.start(),
                    SLIDE_POINTS.end()
                ),
            );
        }
        let mut points = Vec::with_capacity(count);
        for t in &slide.value {
            let point = self.text(file, "slide", t, true);
            let point = point.trim().to_owned();
            if point.contains('\n') {
                self.error_at(
                    file,
                    &t.referenced,
                    "un point de « slide » tient sur une seule ligne".to_owned(),
                );
            }
            let width = point.width();
            if width > POINT_COLUMNS {
                self.error_at(
                    file,
                    &t.referenced,
                    format!(
                        "point de « slide » trop long : {width} colonnes, {POINT_COLUMNS} au plus \
                         (une ligne à l'écran) ; raccourcissez-le ou coupez-le en deux points"
                    ),
                );
            }
            points.push(point);
        }
        points
    }

    /// A deck's `duration:` in minutes, within reason.
    pub(super) fn duration(&mut self, file: usize, minutes: &Spanned<i64>) -> Option<u32> {
        if DURATION.contains(&minutes.value) {
            return u32::try_from(minutes.value).ok();
        }
        self.error_at(
            file,
            &minutes.referenced,
            format!(
                "« duration » est une durée en minutes, de {} à {} (ici {})",
                DURATION.start(),
                DURATION.end(),
                minutes.value
            ),
        );
        None
    }

    /// A warning (refused by `--strict`) for each entry shown in a deck without `slide:`
    /// points: its slide would show the summary only.
    pub(super) fn missing_slides(
        &mut self,
        raw: &[(usize, RawEntry)],
        built: &[Entry],
        decks: &[Deck],
    ) {
        for ((file, r), e) in raw.iter().zip(built) {
            if !e.slide.is_empty() {
                continue;
            }
            let Some(deck) = decks.iter().find(|d| d.slides.contains(&e.id)) else {
                continue;
            };
            let loc = r.id.referenced;
            self.push(
                Severity::Warning,
                *file,
                clamp(loc.line()),
                clamp(loc.column()),
                format!(
                    "l'entrée « {} » du parcours « {} » n'a pas de points « slide » : sa \
                     diapositive ne montrera que le résumé ; ajoutez-lui {} à {} points tirés \
                     de l'entrée",
                    e.id,
                    deck.id,
                    SLIDE_POINTS.start(),
                    SLIDE_POINTS.end()
                ),
            );
        }
    }
}
