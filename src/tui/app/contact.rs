//! What is done with a contact or an entry beyond reading it: copying it to the clipboard,
//! copying a phone number, showing a QR code a phone can read.

use super::{App, Focus, QrView};

impl App {
    pub(super) fn open_contact(&self) -> Option<&crate::kb::Contact> {
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
    pub(super) fn toggle_qr(&mut self) {
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
            .map(|p| (crate::render::qr::tel_uri(p), format!("Tél. {p}")))
            .or_else(|| c.website.clone().map(|w| (w.clone(), w)));
        match target.map(|(text, caption)| (crate::render::qr::lines(&text), caption)) {
            Some((Ok(lines), caption)) => self.qr = Some(QrView { lines, caption }),
            Some((Err(_), _)) => {
                self.status = Some("Code QR impossible pour ce contact.".to_owned());
            }
            None => self.status = Some("Ce contact n'a ni téléphone ni site web.".to_owned()),
        }
    }

    pub(super) fn copy_answer(&mut self) {
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
                crate::render::plain::entry(&self.kb, e, 78, self.info.today)
            }
            Some(crate::kb::Item::Contact(c)) => {
                crate::render::plain::contact(c, 78, self.info.today)
            }
            _ => {
                self.status = Some("Rien à copier : ouvrez d'abord une fiche.".to_owned());
                return;
            }
        };
        self.clipboard = Some(text);
        self.status = Some("Fiche copiée dans le presse-papiers.".to_owned());
    }

    pub(super) fn copy_phone(&mut self) {
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
}
