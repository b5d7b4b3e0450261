//! The man page in French: `clap_mangen`'s sections with French titles, then two sections of
//! our own: the exit codes and the keys of the interface, read from the key table
//! ([`crate::tui::keymap::BINDINGS`]) so that the page cannot drift from the program.

use std::fmt::Write as _;

use crate::tui::keymap::{BINDINGS, Mode};

/// `clap_mangen`'s English section titles, and ours.
const TITLES: [(&str, &str); 6] = [
    (".SH NAME", ".SH NOM"),
    (".SH \"OPTIONS \"", ".SH OPTIONS"),
    (".SH \"Arguments \"", ".SH ARGUMENTS"),
    (".SH \"Commandes \"", ".SH COMMANDES"),
    (".SH SUBCOMMANDS", ".SH COMMANDES"),
    (".SH AUTHORS", ".SH AUTEURS"),
];

/// The sections of the interface's keys, as the help names them.
const KEY_SECTIONS: [(Mode, &str); 6] = [
    (Mode::Search, "Barre de recherche"),
    (Mode::Results, "Liste des résultats"),
    (Mode::Reader, "Fiche (volet de lecture)"),
    (Mode::Present, "Présentation"),
    (Mode::Picker, "Choix de la présentation"),
    (Mode::Notes, "Vue orateur"),
];

/// Escapes text for roff: backslashes, and a leading dot or quote that would read as a request.
fn roff(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}

/// The whole page (roff).
///
/// # Errors
/// `clap_mangen` could not write (never with an in-memory buffer).
pub fn page() -> std::io::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::command()).render(&mut out)?;
    let mut page = String::from_utf8_lossy(&out).into_owned();
    for (english, french) in TITLES {
        page = page.replace(english, french);
    }
    page.push_str(&exit_status());
    page.push_str(&keys());
    Ok(page)
}

fn exit_status() -> String {
    let mut out = String::from(".SH \"CODE DE RETOUR\"\n");
    for (code, meaning) in [
        ("0", "succès (et l'aide ou la version demandées)"),
        (
            "1",
            "rien trouvé : recherche sans résultat, identifiant, catégorie, région ou \
             présentation inconnus, seuils d'évaluation non atteints",
        ),
        (
            "2",
            "ligne de commande invalide, données invalides ou illisibles, erreur d'écriture",
        ),
    ] {
        let _ = write!(out, ".TP\n\\fB{code}\\fR\n{}\n", roff(meaning));
    }
    out
}

fn keys() -> String {
    let mut out = String::from(".SH TOUCHES\nLes touches de l'interface plein écran, par mode.\n");
    for (mode, title) in KEY_SECTIONS {
        let _ = writeln!(out, ".SS \"{}\"", roff(title));
        for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
            let _ = write!(out, ".TP\n\\fB{}\\fR\n{}\n", roff(b.label), roff(b.help));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_french_titles_the_exit_codes_and_every_key() {
        let page = page().expect("page");
        for english in [
            ".SH NAME",
            ".SH \"OPTIONS \"",
            ".SH \"Commandes \"",
            "[default:",
        ] {
            assert!(!page.contains(english), "{english}");
        }
        for french in [
            ".SH NOM",
            ".SH OPTIONS",
            ".SH COMMANDES",
            ".SH \"CODE DE RETOUR\"",
            ".SH TOUCHES",
        ] {
            assert!(page.contains(french), "{french}");
        }
        let keys = &page[page.find(".SH TOUCHES").expect("keys")..];
        for b in BINDINGS.iter().filter(|b| b.modes.contains(&Mode::Reader)) {
            assert!(keys.contains(&roff(b.help)), "{} missing", b.help);
        }
    }
}
