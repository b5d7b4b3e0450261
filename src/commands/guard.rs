//! The version guard of `relais data install`: a pack older than the installed data, or the
//! same one again, is installed only with `--force` or after a yes on a terminal (the one
//! question of the install, asked after the changes are shown).

use std::cmp::Ordering;
use std::io::IsTerminal as _;

use crate::kb::version::Stamp;
use crate::kb::{KnowledgeBase, Origin, store::Store};

/// What the guard says about an install.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Newer data, `--force`, or nothing (valid) installed yet: go on.
    Go,
    /// Older or the same, on a terminal: go on only after a yes, asked once the changes are
    /// shown (the install's only question).
    Ask,
    /// Older or the same, with nobody to ask: refused (already said).
    Refused,
}

/// The question asked on a terminal for [`Verdict::Ask`].
pub const QUESTION: &str = "Installer quand même ? [o/N] ";

/// What to do about installing `new` over what `store` holds; says why when it is not newer.
pub fn check(store: &Store, new: &KnowledgeBase, force: bool) -> Verdict {
    if force {
        return Verdict::Go;
    }
    let Some(current) = store.current() else {
        return Verdict::Go;
    };
    let Ok(installed) = crate::kb::validate::load(&Origin::UserDir(current), crate::kb::today())
    else {
        // Installed data that does not load is replaced without a question.
        return Verdict::Go;
    };
    let (new, old) = (Stamp::from(&new.meta), Stamp::from(&installed.kb.meta));
    let what = match new.compare(&old) {
        Some(Ordering::Less) => "plus ancienne que",
        Some(Ordering::Equal) => "la même que",
        _ => return Verdict::Go,
    };
    let said = format!(
        "relais : cette mise à jour ({}) est {what} la version installée ({})",
        new.describe(),
        old.describe()
    );
    eprintln!("{}", crate::kb::text::neutralize(&said));
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        return Verdict::Ask;
    }
    refused();
    Verdict::Refused
}

/// Says that nothing was installed, and how to install it all the same.
pub fn refused() {
    eprintln!(
        "relais : rien n'a été installé ; les données actives n'ont pas changé (--force pour \
         l'installer quand même)."
    );
}
