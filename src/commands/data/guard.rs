//! The version guard of `relais data install`: a pack older than the installed data, or the
//! same one again, is installed only with `--force` or after a yes on a terminal.

use std::cmp::Ordering;
use std::io::{BufRead as _, IsTerminal as _, Write as _};

use crate::kb::version::Stamp;
use crate::kb::{KnowledgeBase, Origin, store::Store};

/// Whether to go on with installing `new` over what `store` holds; prints why not.
pub fn allows(store: &Store, new: &KnowledgeBase, force: bool) -> bool {
    if force {
        return true;
    }
    let Some(current) = store.current() else {
        return true;
    };
    let Ok(installed) = crate::kb::validate::load(&Origin::UserDir(current), crate::kb::today())
    else {
        // Installed data that does not load is replaced without a question.
        return true;
    };
    let (new, old) = (Stamp::from(&new.meta), Stamp::from(&installed.kb.meta));
    let what = match new.compare(&old) {
        Some(Ordering::Less) => "plus ancienne que",
        Some(Ordering::Equal) => "la même que",
        _ => return true,
    };
    let n = crate::kb::text::neutralize;
    let said = format!(
        "relais : cette mise à jour ({}) est {what} la version installée ({})",
        new.describe(),
        old.describe()
    );
    eprintln!("{}", n(&said));
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        eprint!("Installer quand même ? [o/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if matches!(
            answer.trim().to_lowercase().as_str(),
            "o" | "oui" | "y" | "yes"
        ) {
            return true;
        }
    }
    eprintln!(
        "relais : rien n'a été installé ; les données actives n'ont pas changé (--force pour \
         l'installer quand même)."
    );
    false
}
