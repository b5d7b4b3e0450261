//! The installed data as the `relais data` commands show it: the store in the user data
//! directory, a knowledge base in one line, and the warning when `--data` or `RELAIS_DATA`
//! hides it. Shared by `data` (status, restore, reset) and `install`.

use anyhow::Context as _;

use super::Painter;
use crate::cli::Cli;
use crate::kb::store::Store;
use crate::kb::{KnowledgeBase, Origin, source};
use crate::strings as s;

pub(super) fn store() -> anyhow::Result<Store> {
    source::user_data_dir()
        .map(Store::new)
        .context(s::NO_USER_DATA_DIR)
}

/// Says so when `--data` or `RELAIS_DATA` hides the installed data.
pub(super) fn overridden_warning(cli: &Cli, p: Painter) {
    let origin = super::locate(cli);
    if matches!(origin, Origin::Flag(_) | Origin::Env(_)) {
        eprintln!(
            "{}",
            p.warn(&s::overridden(origin.display(s::BUNDLED_DATA)))
        );
    }
}

/// "« title » version V du D — N entrées, N contacts, N présentations".
pub(super) fn summary(kb: &KnowledgeBase) -> String {
    let meta = &kb.meta;
    let mut line = meta
        .title
        .as_deref()
        .map_or(String::new(), |t| format!("« {t} » "));
    let data = crate::export::data_line(kb);
    line.push_str(data.trim_start_matches(s::DATA_LABEL).trim_start());
    s::kb_counts(
        &crate::kb::text::neutralize(line.trim()),
        kb.entries.len(),
        kb.contacts.len(),
        kb.decks.len(),
    )
}
