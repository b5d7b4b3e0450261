//! What the phone page's script needs to rank exactly like [`super::SearchIndex`].

use serde::Serialize;

use super::index::Index;

/// Serialised into the page.
#[derive(Serialize)]
pub struct PageIndex {}

impl PageIndex {
    pub(super) fn new(_index: &Index) -> Self {
        Self {}
    }
}
