//! What opens over the screen from anywhere: the emergency numbers (Ctrl + U or F3), built
//! from the data's emergency contacts, and the pages pinned or opened since relais started
//! (Ctrl + E). Pins and recents live in memory only: nothing is written, they are gone when
//! relais quits.

use super::{App, Focus};
use crate::kb::Contact;
use crate::tui::action::Action;

/// The topic that makes a contact an emergency contact.
const EMERGENCY_TOPIC: &str = "urgence";

/// How many recent pages are remembered.
const RECENTS: usize = 30;

/// An overlay and its selected line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Emergencies,
    /// The pinned pages, then the recent ones; the selected line.
    Recents(usize),
}

/// One emergency number and what the data says it is for (empty when it says nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emergency {
    pub number: String,
    pub label: String,
}

/// What `description` says `number` is for: the words after « NUMBER : » up to the first
/// comma, bracket or « pour », or « SIM étrangère » when the sentence holding the number
/// speaks of foreign SIM cards. Nothing when the data says nothing.
fn label_of(description: &str, number: &str) -> String {
    if let Some(at) = description.find(&format!("{number} :")) {
        let rest = &description[at + number.len() + 2..];
        let end = rest
            .find([',', '(', ';', '.'])
            .into_iter()
            .chain(rest.find(" pour "))
            .min()
            .unwrap_or(rest.len());
        return rest[..end].trim().to_owned();
    }
    let sentence = description
        .split(". ")
        .find(|s| s.contains(number))
        .unwrap_or("");
    if sentence.contains("SIM étrangère") {
        "carte SIM étrangère".to_owned()
    } else {
        String::new()
    }
}

/// True for the contacts the emergencies overlay lists.
#[must_use]
pub fn is_emergency(c: &Contact) -> bool {
    c.topics.iter().any(|t| t == EMERGENCY_TOPIC)
}

impl App {
    /// The numbers of the start and no-result screens: those of the emergency contact that
    /// holds 112 (all its numbers, in the data's order), or else the first number of each
    /// emergency contact.
    #[must_use]
    pub fn emergency_numbers(&self) -> Vec<Emergency> {
        let urgent: Vec<&Contact> = self
            .kb
            .contacts
            .iter()
            .filter(|c| is_emergency(c))
            .collect();
        let with_112 = urgent.iter().find(|c| c.phone.iter().any(|p| p == "112"));
        let numbers: Vec<(&Contact, &String)> = match with_112 {
            Some(c) => c.phone.iter().map(|p| (*c, p)).collect(),
            None => urgent
                .iter()
                .filter_map(|c| c.phone.first().map(|p| (*c, p)))
                .collect(),
        };
        numbers
            .into_iter()
            .map(|(c, p)| Emergency {
                number: p.clone(),
                label: label_of(&c.description, p),
            })
            .collect()
    }

    /// The emergency contacts, numbers first (112 leads), as the overlay lists them.
    #[must_use]
    pub fn emergency_contacts(&self) -> Vec<&Contact> {
        let mut list: Vec<&Contact> = self
            .kb
            .contacts
            .iter()
            .filter(|c| is_emergency(c) && !c.phone.is_empty())
            .collect();
        list.sort_by_key(|c| !c.phone.iter().any(|p| p == "112"));
        list
    }

    /// The lines of the recents overlay: pinned pages, then the others opened, newest first.
    #[must_use]
    pub fn recent_lines(&self) -> Vec<(String, bool)> {
        let mut lines: Vec<(String, bool)> =
            self.pins.iter().map(|id| (id.clone(), true)).collect();
        lines.extend(
            self.recents
                .iter()
                .filter(|id| !self.pins.contains(id))
                .map(|id| (id.clone(), false)),
        );
        lines
    }

    /// Remembers a page opened in the reader (memory only).
    pub(super) fn remember(&mut self, id: &str) {
        self.recents.retain(|r| r != id);
        self.recents.insert(0, id.to_owned());
        self.recents.truncate(RECENTS);
    }

    pub(super) fn toggle_overlay(&mut self, which: Overlay) {
        let same = matches!(
            (self.overlay, which),
            (Some(Overlay::Emergencies), Overlay::Emergencies)
                | (Some(Overlay::Recents(_)), Overlay::Recents(_))
        );
        self.qr = None;
        self.overlay = if same { None } else { Some(which) };
    }

    /// Ctrl + D: pins the page open in the reader (the selected line over the recents), or
    /// unpins it.
    pub(super) fn pin(&mut self) {
        let id = match self.overlay {
            Some(Overlay::Recents(i)) => self.recent_lines().get(i).map(|l| l.0.clone()),
            _ => self.open.clone(),
        };
        let Some(id) = id else {
            self.status = Some("Rien à épingler : ouvrez d'abord une fiche.".to_owned());
            return;
        };
        if let Some(at) = self.pins.iter().position(|p| *p == id) {
            self.pins.remove(at);
            self.status = Some("Fiche détachée.".to_owned());
        } else {
            self.pins.push(id);
            self.status = Some(
                "Fiche épinglée jusqu'à la fin de la séance (Ctrl + E pour la retrouver)."
                    .to_owned(),
            );
        }
    }

    /// Whether an action goes to the overlay rather than to the panes under it.
    #[must_use]
    pub fn overlay_takes(&self, action: &Action) -> bool {
        self.overlay.is_some()
            && matches!(
                action,
                Action::SelectNext
                    | Action::SelectPrev
                    | Action::Open
                    | Action::Escape
                    | Action::CopyPhone
            )
    }

    pub(super) fn overlay_action(&mut self, action: &Action) {
        let Some(overlay) = self.overlay else { return };
        let len = match overlay {
            Overlay::Emergencies => self.emergency_contacts().len(),
            Overlay::Recents(_) => self.recent_lines().len(),
        };
        let at = match overlay {
            Overlay::Recents(i) => i,
            Overlay::Emergencies => 0,
        };
        match action {
            Action::SelectNext | Action::SelectPrev if matches!(overlay, Overlay::Recents(_)) => {
                let next = if *action == Action::SelectNext {
                    (at + 1).min(len.saturating_sub(1))
                } else {
                    at.saturating_sub(1)
                };
                self.overlay = Some(Overlay::Recents(next));
            }
            Action::Open => {
                let id = match overlay {
                    Overlay::Recents(i) => self.recent_lines().get(i).map(|l| l.0.clone()),
                    Overlay::Emergencies => self.emergency_contacts().first().map(|c| c.id.clone()),
                };
                self.overlay = None;
                if let Some(id) = id {
                    self.focus = Focus::Reader;
                    self.navigate(id);
                }
            }
            Action::CopyPhone if overlay == Overlay::Emergencies => {
                if let Some(c) = self.emergency_contacts().first() {
                    let phone = c.phone[0].clone();
                    self.status = Some(format!("Numéro envoyé au presse-papiers : {phone}"));
                    self.clipboard = Some(phone);
                }
            }
            Action::Escape => self.overlay = None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::label_of;

    #[test]
    fn labels_come_from_the_description() {
        let d = "112 : urgences vitales (ambulance), même avec une carte SIM étrangère. 1733 : \
                 médecin de garde pour les soins. Depuis une carte SIM étrangère, le 1733 ne passe \
                 pas : composer le +32 2 524 98 89. Pour la police : 101.";
        assert_eq!(label_of(d, "112"), "urgences vitales");
        assert_eq!(label_of(d, "1733"), "médecin de garde");
        assert_eq!(label_of(d, "+32 2 524 98 89"), "carte SIM étrangère");
        assert_eq!(label_of(d, "0800 00 000"), "");
    }
}
