//! The « partage court »: an answer as a text message. Title, summary, one contact with its
//! number and its warning, the review date and « pas un avis juridique », on a few unwrapped
//! lines, under [`LIMIT`] characters. Editorial notes (a slide's speaker notes, a contact's
//! remarks) never go out; nor do the sources, the full answer or any line break inside a line.

use jiff::civil::Date;

use crate::kb::text::neutralize;
use crate::kb::{Contact, Entry, Item, KnowledgeBase};
use crate::render::warning;
use crate::strings as s;

/// The share is shorter than this, in characters (a text message, a QR code that scans).
pub const LIMIT: usize = 500;

/// The short share of an entry or a contact; `None` for a deck.
#[must_use]
pub fn of_item(kb: &KnowledgeBase, item: Item<'_>, today: Date) -> Option<String> {
    match item {
        Item::Entry(e) => Some(entry(kb, e, today)),
        Item::Contact(c) => Some(contact(c, today)),
        Item::Deck(_) => None,
    }
}

/// The contact an entry's share names: the first of its contacts with a phone number.
#[must_use]
pub fn chosen_contact<'a>(kb: &'a KnowledgeBase, e: &Entry) -> Option<&'a Contact> {
    e.contacts
        .iter()
        .filter_map(|id| kb.contact(id))
        .find(|c| !c.phone.is_empty())
}

/// One line of data text: controls neutralised, line breaks and runs of spaces made one space.
fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    neutralize(&joined).into_owned()
}

/// « Nom : 081 73 71 76 (non vérifié) », the first number only.
fn contact_line(c: &Contact, today: Date) -> Option<String> {
    let phone = c.phone.first()?;
    Some(format!(
        "{} : {}",
        one_line(&c.name),
        warning::with_mark(&one_line(phone), c, today)
    ))
}

fn footer(reviewed: Date) -> String {
    format!(
        "{} {} · relais, {}.",
        s::REVIEWED,
        s::date(reviewed),
        s::SHARE_NOT_ADVICE
    )
}

/// An entry's share. When the whole would reach [`LIMIT`], the summary is cut at a word with
/// « … »; the title, the contact, the date and the disclaimer always stay whole.
#[must_use]
pub fn entry(kb: &KnowledgeBase, e: &Entry, today: Date) -> String {
    let title = one_line(&e.title);
    let contact = chosen_contact(kb, e).and_then(|c| contact_line(c, today));
    let footer = footer(e.reviewed);
    let fixed: usize = [Some(&title), contact.as_ref(), Some(&footer)]
        .into_iter()
        .flatten()
        .map(|l| l.chars().count() + 1)
        .sum();
    let summary = fit(&one_line(&e.summary), (LIMIT - 1).saturating_sub(fixed + 1));
    [Some(title), Some(summary), contact, Some(footer)]
        .into_iter()
        .flatten()
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A contact's share: its name, its number with the warning, its website, the disclaimer.
#[must_use]
pub fn contact(c: &Contact, today: Date) -> String {
    let mut lines = vec![one_line(&c.name)];
    match contact_line(c, today) {
        Some(l) => lines.push(format!("{} {l}", s::PHONE)),
        None => lines.extend(warning::mark(c, today).map(|m| format!("({m})"))),
    }
    lines.extend(c.website.as_deref().map(one_line));
    lines.push(format!("relais, {}.", s::SHARE_NOT_ADVICE));
    let text = lines.join("\n");
    fit(&text, LIMIT - 1)
}

/// A number spaced to be read aloud: one space between digits, three between the groups of
/// the data (« 081 73 71 76 » → « 0 8 1   7 3   7 1   7 6 »).
#[must_use]
pub fn dictation(number: &str) -> String {
    number
        .split_whitespace()
        .map(|group| {
            group
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("   ")
}

/// `text` if it has at most `room` characters, else cut at the last space before `room - 1`
/// with « … ».
fn fit(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_owned();
    }
    let cut: String = text.chars().take(room.saturating_sub(1)).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_at_a_word_and_stays_in_room() {
        assert_eq!(fit("un deux trois", 20), "un deux trois");
        let cut = fit("un deux trois quatre", 12);
        assert_eq!(cut, "un deux…");
        assert!(cut.chars().count() <= 12);
    }

    #[test]
    fn dictation_spaces_digits_and_groups() {
        assert_eq!(dictation("081 73 71 76"), "0 8 1   7 3   7 1   7 6");
        assert_eq!(dictation("112"), "1 1 2");
        assert_eq!(dictation("+32 2 524"), "+ 3 2   2   5 2 4");
    }

    #[test]
    fn one_line_leaves_no_break_and_no_control() {
        assert_eq!(one_line("a\nb  \u{1b}[2Jc"), one_line("a b \u{1b}[2Jc"));
        assert!(!one_line("a\nb\r\nc").contains(['\n', '\r']));
    }
}
