//! Regions as volunteers think of them: a region filter shows that region's contacts, then
//! the Wallonia-wide ones, then the Belgium-wide ones, each group under a separator line.
//! « Ma région » (set once with F4, saved by the runtime) orders the contacts the same way
//! when no filter is set and picks the contacts offered when nothing is found.

use super::{App, Row};
use crate::kb::REGIONS;
use crate::search::Kind;

/// The Walloon provinces: their volunteers also call the Wallonia-wide services.
const WALLOON: [&str; 5] = ["namur", "luxembourg", "liege", "hainaut", "brabant-wallon"];

/// How close a contact of region `contact` is to someone in region `chosen`: 0 the region
/// itself, 1 Wallonia for a province, 2 Belgium, `None` elsewhere.
#[must_use]
pub fn tier(chosen: &str, contact: &str) -> Option<u8> {
    if contact == chosen {
        Some(0)
    } else if contact == "wallonie" && WALLOON.contains(&chosen) {
        Some(1)
    } else if contact == "belgique" {
        Some(2)
    } else {
        None
    }
}

/// The separator above the first contact of a tier.
fn separator(tier: u8) -> Option<String> {
    match tier {
        1 => Some("Toute la Wallonie".to_owned()),
        2 => Some("Toute la Belgique".to_owned()),
        _ => None,
    }
}

impl App {
    /// The region the contacts are ordered for: the filter's, or else « ma région ».
    fn chosen_region(&self) -> Option<&str> {
        self.region
            .and_then(|r| REGIONS.get(r).copied())
            .or(self.my_region.as_deref())
    }

    /// Whether the region filter lets a contact of `region` through.
    pub(super) fn region_keeps(&self, region: &str) -> bool {
        self.region
            .and_then(|r| REGIONS.get(r))
            .is_none_or(|chosen| tier(chosen, region).is_some())
    }

    /// Orders the contact rows by closeness to the chosen region (the other rows keep their
    /// places), and marks where each group starts when a region filter is set.
    pub(super) fn order_by_region(&mut self) {
        let Some(chosen) = self.chosen_region().map(str::to_owned) else {
            return;
        };
        let rank = |row: &Row| {
            self.kb
                .contact(&row.id)
                .and_then(|c| tier(&chosen, &c.region))
                .unwrap_or(3)
        };
        let slots: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.rows[i].kind == Kind::Contact)
            .collect();
        let mut contacts: Vec<(u8, Row)> = slots
            .iter()
            .map(|&i| (rank(&self.rows[i]), self.rows[i].clone()))
            .collect();
        contacts.sort_by_key(|(t, _)| *t);
        let mut previous = 0;
        for (slot, (t, mut row)) in slots.into_iter().zip(contacts) {
            row.sep = if self.region.is_some() && t != previous {
                separator(t)
            } else {
                None
            };
            previous = t;
            self.rows[slot] = row;
        }
    }

    /// The contacts offered when nothing is found: those of « ma région » first (three at
    /// most), then the data's fallback contacts.
    pub(super) fn fallback_rows(&self) -> Vec<Row> {
        let mut ids: Vec<String> = self
            .my_region
            .iter()
            .flat_map(|r| self.kb.contacts.iter().filter(move |c| c.region == *r))
            .take(3)
            .map(|c| c.id.clone())
            .collect();
        debug_assert!(
            self.pending.is_none(),
            "searched before the index was settled"
        );
        for id in self.index.fallback_contacts() {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids.into_iter()
            .map(|id| Row {
                id,
                kind: Kind::Contact,
                sep: None,
                positions: Vec::new(),
                lang: None,
            })
            .collect()
    }

    /// F4: the region of the filter becomes « ma région »; without a region filter, « ma
    /// région » is forgotten. The runtime writes it to the config file.
    pub(super) fn set_my_region(&mut self) {
        let chosen = self
            .region
            .and_then(|r| REGIONS.get(r))
            .map(|r| (*r).to_owned());
        self.status = Some(match &chosen {
            Some(r) => format!(
                "Ma région : {} (enregistrée ; F4 sans filtre pour l'oublier).",
                crate::strings::region_label(r)
            ),
            None if self.my_region.is_some() => "Ma région oubliée.".to_owned(),
            None => "Choisissez d'abord une région : onglet Contacts (Ctrl + T), puis Ctrl + R, puis F4."
                .to_owned(),
        });
        if chosen.is_some() || self.my_region.is_some() {
            self.my_region.clone_from(&chosen);
            self.save_region = Some(chosen);
            self.refresh_rows();
            // refresh_rows clears nothing of the status, but keep it explicit.
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tier;

    #[test]
    fn a_province_reaches_wallonia_then_belgium() {
        assert_eq!(tier("liege", "liege"), Some(0));
        assert_eq!(tier("liege", "wallonie"), Some(1));
        assert_eq!(tier("liege", "belgique"), Some(2));
        assert_eq!(tier("liege", "namur"), None);
        assert_eq!(tier("bruxelles", "wallonie"), None);
        assert_eq!(tier("bruxelles", "belgique"), Some(2));
        assert_eq!(tier("wallonie", "wallonie"), Some(0));
    }
}
