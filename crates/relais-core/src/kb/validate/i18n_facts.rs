//! What a translation may say: every number, e-mail address, web address and `[[id]]` link of a
//! translated text must be one of the French entry's or contact's, written the same way. A
//! number never changes in translation.

use std::collections::{HashMap, HashSet};

use crate::kb::i18n::facts::{Fact, Kind, facts, is_digit};
use crate::kb::raw::Text;
use crate::kb::{Contact, Entry, KnowledgeBase, Severity};

use super::Checker;

/// The facts a translation may contain, as compared (addresses in lower case).
pub(super) struct Allowed {
    set: HashSet<(Kind, String)>,
    /// Where they come from, for the message: « l'entrée française « id » ».
    what: &'static str,
}

impl Allowed {
    /// Adds the facts of `text` (the French card, once checked).
    pub(super) fn add_text(&mut self, text: &str) {
        add(&mut self.set, text);
    }
}

fn key(f: &Fact) -> (Kind, String) {
    match f.kind {
        Kind::Email | Kind::Url => (f.kind, f.text.to_lowercase()),
        Kind::Number | Kind::Link => (f.kind, f.text.clone()),
    }
}

/// Adds the facts of `text`; the parts of a range or a pair (`2024-2026`, `24/7`) also count,
/// each written in the French on its own right.
fn add(set: &mut HashSet<(Kind, String)>, text: &str) {
    for fact in facts(text) {
        if fact.kind == Kind::Number && fact.text.contains(['-', '/']) {
            set.extend(
                fact.text
                    .split(['-', '/'])
                    .map(|part| (Kind::Number, part.to_owned())),
            );
        }
        set.insert(key(&fact));
    }
}

fn add_contact(set: &mut HashSet<(Kind, String)>, c: &Contact) {
    set.insert((Kind::Link, c.id.clone()));
    let fields = [&c.name, &c.description]
        .into_iter()
        .chain(&c.ask)
        .chain(&c.phone)
        .chain(c.email.iter())
        .chain(c.website.iter())
        .chain(c.address.iter())
        .chain(c.hours.iter())
        .chain(c.notes.iter());
    for text in fields {
        add(set, text);
    }
    // A field holds the address alone: `https://www.cire.be/` is also written `www.cire.be`.
    if let Some(site) = &c.website {
        let bare = site
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        add(set, bare);
        add(set, bare.trim_start_matches("www."));
    }
}

/// The facts already found, shared by all the translations of one load: each contact's, and
/// what each entry's translations may contain.
#[derive(Default)]
pub(super) struct Memo {
    contacts: HashMap<String, HashSet<(Kind, String)>>,
    pub(super) entries: HashMap<String, Allowed>,
    /// What the translated cards of each entry must keep of its French card.
    pub(super) needed: HashMap<String, Vec<Fact>>,
}

impl Memo {
    fn contact(&mut self, c: &Contact) -> &HashSet<(Kind, String)> {
        self.contacts.entry(c.id.clone()).or_insert_with(|| {
            let mut set = HashSet::new();
            add_contact(&mut set, c);
            set
        })
    }

    /// The facts of entry `e` in French: its texts, the contacts it names or links to, the
    /// entries it links to, and its French card when there is one.
    pub(super) fn entry_facts(
        &mut self,
        e: &Entry,
        kb: &KnowledgeBase,
        french_card: Option<&str>,
    ) -> Allowed {
        let mut set = HashSet::new();
        let texts = [&e.title, &e.summary, &e.answer]
            .into_iter()
            .chain(&e.ask)
            .chain(&e.slide)
            .chain(e.notes.iter());
        for text in texts {
            add(&mut set, text);
        }
        if let Some(card) = french_card {
            add(&mut set, card);
        }
        set.extend(e.related.iter().map(|id| (Kind::Link, id.clone())));
        let linked: Vec<String> = set
            .iter()
            .filter(|(k, _)| *k == Kind::Link)
            .map(|(_, id)| id.clone())
            .collect();
        for id in e.contacts.iter().chain(&linked) {
            if let Some(c) = kb.contact(id) {
                set.extend(self.contact(c).iter().cloned());
            }
        }
        Allowed {
            set,
            what: "l'entrée française",
        }
    }

    /// The facts of contact `c` in French: all its fields.
    pub(super) fn contact_facts(&mut self, c: &Contact) -> Allowed {
        Allowed {
            set: self.contact(c).clone(),
            what: "la fiche française du contact",
        }
    }
}

impl Checker<'_> {
    /// Reports every fact of `value` (the text of `t`) that `allowed` does not have (the first
    /// [`MAX_REPORTED`], then how many more), and returns the facts of `value`.
    pub(super) fn check_facts(
        &mut self,
        file: usize,
        t: &Text,
        value: &str,
        allowed: &Allowed,
        id: &str,
    ) -> Vec<Fact> {
        let found = facts(value);
        let unknown: Vec<&Fact> = found
            .iter()
            .filter(|f| !allowed.set.contains(&key(f)))
            .collect();
        if unknown.len() > MAX_REPORTED {
            let message = format!(
                "… et {} autres numéros, adresses ou liens de ce texte absents de {} « {id} »",
                unknown.len() - MAX_REPORTED,
                allowed.what
            );
            self.error_at(file, &t.referenced, message);
        }
        for fact in unknown.into_iter().take(MAX_REPORTED) {
            let (line, col) = self.position_in(file, t, fact.offset, &fact.text);
            let written = &fact.text;
            let message = if fact
                .text
                .chars()
                .any(|c| is_digit(c) && !c.is_ascii_digit())
            {
                let latin: String = fact.text.chars().map(latin_digit).collect();
                format!(
                    "« {written} » est écrit en chiffres arabes orientaux : écrivez les chiffres \
                     comme en français (« {latin} »), pour que le numéro se lise et se compose \
                     sans erreur"
                )
            } else {
                format!(
                    "{} « {written} » n'est pas dans {} « {id} » : un numéro, une adresse ou \
                     un lien ne change jamais en traduction ; recopiez-le exactement comme le \
                     français l'écrit",
                    capitalize(fact.kind.french(written)),
                    allowed.what
                )
            };
            self.push(Severity::Error, file, line, col, message);
        }
        found
    }

    /// Warns about each phone number, e-mail or web address of the French card (`needed`) that
    /// the translated card (the text of `t`, whose facts are `here`) leaves out.
    pub(super) fn missing_numbers(
        &mut self,
        file: usize,
        t: &Text,
        here: &[Fact],
        needed: &[Fact],
        id: &str,
    ) {
        let here: HashSet<(Kind, String)> = here.iter().map(key).collect();
        for fact in needed {
            if !here.contains(&key(fact)) {
                let message = format!(
                    "la carte traduite de « {id} » ne donne pas {} « {} » de la carte française : \
                     ajoutez-le, la personne en a besoin",
                    fact.kind.french(&fact.text),
                    fact.text
                );
                self.warn_at(file, &t.referenced, message);
            }
        }
    }
}

/// Unknown facts reported one by one in a text; beyond, they are counted.
const MAX_REPORTED: usize = 20;

/// What a translated card must keep of the French card: its phone numbers and addresses.
pub(super) fn needed(french_card: &str) -> Vec<Fact> {
    facts(french_card)
        .into_iter()
        .filter(|f| {
            matches!(f.kind, Kind::Email | Kind::Url)
                || (f.kind == Kind::Number && crate::kb::validate::is_valid_phone(&f.text))
        })
        .collect()
}

fn latin_digit(c: char) -> char {
    let base = match c {
        '\u{660}'..='\u{669}' => 0x660,
        '\u{6F0}'..='\u{6F9}' => 0x6F0,
        _ => return c,
    };
    char::from_digit(u32::from(c) - base, 10).unwrap_or(c)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
