//! What is done with a contact or an entry beyond reading it: copying it to the clipboard,
//! copying a phone number, the short share, showing a QR code a phone can read.
//!
//! The copy messages say what relais did, not what it cannot know: the text was sent to the
//! terminal's clipboard (OSC 52), which several terminals ignore. The first time in a session
//! they say how to check it (paste it somewhere).

use super::{App, Focus, QrView};
use crate::render::{share, warning};
use crate::strings as s;

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
        // Right after a short share, `m` shows that text.
        if let Some(text) = self.share.take() {
            match crate::render::qr::lines(&text) {
                Ok(lines) => {
                    let caption = format!("{} ({} caractères)", s::SHARE_QR, text.chars().count());
                    self.qr = Some(QrView { lines, caption });
                }
                Err(_) => self.status = Some(s::SHARE_QR_TOO_LONG.to_owned()),
            }
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
            .map(|p| {
                let caption = warning::with_mark(&format!("Tél. {p}"), c, self.info.today);
                (crate::render::qr::tel_uri(p), caption)
            })
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
        self.sent(s::SENT_CARD.to_owned());
    }

    /// The short share of the highlighted or open item: to the clipboard, and kept for `m`.
    pub(super) fn share_short(&mut self) {
        let id = match self.focus {
            Focus::Reader => self.open.clone(),
            _ => self
                .rows
                .get(self.selected)
                .map(|r| r.id.clone())
                .or_else(|| self.open.clone()),
        };
        let text = id
            .as_deref()
            .and_then(|id| self.kb.item(id))
            .and_then(|item| share::of_item(&self.kb, item, self.info.today));
        let Some(text) = text else {
            self.status = Some(s::NOTHING_TO_SHARE.to_owned());
            return;
        };
        self.clipboard = Some(text.clone());
        self.sent(format!(
            "{} ({} caractères) · Ctrl + G : en code QR",
            s::SENT_SHARE,
            text.chars().count()
        ));
        self.share = Some(text);
    }

    /// The status after something was sent to the clipboard, with the check the first time.
    fn sent(&mut self, what: String) {
        self.status = Some(if self.copy_hint_given {
            what
        } else {
            self.copy_hint_given = true;
            format!("{what} · {}", s::COPY_CHECK)
        });
    }

    pub(super) fn copy_phone(&mut self) {
        let today = self.info.today;
        let found = self.open_contact().map(|c| {
            let phone = c.phone.first().cloned();
            let marked = phone.as_deref().map(|p| warning::with_mark(p, c, today));
            let dictate = phone.as_deref().map(|p| {
                let spaced = share::dictation(p);
                match warning::mark(c, today) {
                    Some(m) => format!("{spaced}\n⚠ {m}"),
                    None => spaced,
                }
            });
            (c.name.clone(), phone, marked, dictate)
        });
        let message = match found {
            Some((_, Some(phone), marked, dictate)) => {
                self.clipboard = Some(phone);
                // The first time, the check goes in the box too: a narrow status bar cuts it.
                let first = !self.copy_hint_given;
                self.dictate = dictate.map(|d| {
                    if first {
                        format!("{d}\n{}", s::COPY_CHECK_SHORT)
                    } else {
                        d
                    }
                });
                self.sent(format!(
                    "{} : {}",
                    s::SENT_NUMBER,
                    marked.unwrap_or_default()
                ));
                return;
            }
            Some((name, None, ..)) => {
                format!("{name} n'a pas de numéro de téléphone dans les données.")
            }
            None => "Ouvrez ou sélectionnez un contact pour copier son numéro.".to_owned(),
        };
        self.status = Some(message);
    }
}
