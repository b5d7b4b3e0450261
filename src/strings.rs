//! The user-facing French text of the interface, the plain-text output and the command line's
//! own messages, in one place so that a translation is one file. Data-validation messages live
//! with their rules in `kb::validate`, where content editors' wording is kept next to the check
//! it explains. Not all there yet: some messages of `commands/` (`sign`, `install`, `diff`,
//! `eval`, `schema`) and of `kb/` (store, pack, trust errors) are still written where they are
//! used.

pub const NOT_LEGAL_ADVICE: &str = "relais n'est pas un avis juridique : pour un cas précis, \
    adressez-vous à un avocat (bureau d'aide juridique), au Ciré ou au CAI.";
pub const SUMMARY: &str = "En bref";
pub const RELATED: &str = "Voir aussi";
pub const CONTACTS: &str = "Contacts";
pub const SOURCES: &str = "Sources";
pub const REVIEWED: &str = "Vérifié le";
pub const STALE: &str =
    "⚠ Relu il y a plus de 12 mois : vérifiez auprès des contacts avant de transmettre.";
pub const UNVERIFIED: &str = "non vérifié";
pub const REVERIFY: &str = "à revérifier";
/// Before « il y a 5 ans »: the mark of a contact verified more than 12 months ago.
pub const VERIFIED_AGO: &str = "vérifié";
pub const SOURCE: &str = "Source";
pub const SOURCES_UNTIL_DAY: &str = "sources jusqu'au";
pub const SOURCES_UNTIL_PERIOD: &str = "sources jusqu'en";
pub const SOURCES_UNDATED: &str = "sources non datées";
pub const OLD_SOURCES: &str = "⚠ Source la plus récente :";
pub const OLD_SOURCES_END: &str = " (plus de trois ans) : la situation a pu changer, \
    vérifiez avant de transmettre.";
pub const NO_DATED_SOURCE: &str =
    "⚠ Aucune source datée : la situation a pu changer, vérifiez avant de transmettre.";
pub const UNDATED_ONE: &str = "non datée";
pub const NO_SOURCE: &str = "Sans source";
pub const UNVERIFIED_CONFIRM: &str = "non vérifié : confirmez avant de transmettre.";
pub const UNVERIFIED_CONTACT: &str =
    "⚠ Coordonnées non vérifiées : confirmez-les avant de les transmettre.";
pub const VERIFIED_ON: &str = "Coordonnées vérifiées le";
pub const PHONE: &str = "Téléphone";
pub const EMAIL: &str = "E-mail";
pub const WEBSITE: &str = "Site";
pub const ADDRESS: &str = "Adresse";
pub const HOURS: &str = "Horaires";
pub const REGION: &str = "Région";
pub const TOPICS: &str = "Thèmes";
pub const NOTES: &str = "Remarques";
/// The bundled data, as the status bar names it.
pub const BUNDLED_DATA: &str = "données intégrées";
/// After the installed data's path when the bundled data is newer.
pub const BUNDLED_NEWER: &str = "(intégrées plus récentes : relais data reset)";
/// The bundled data standing in for installed data that does not load.
pub const BROKEN_INSTALL: &str = "données intégrées (installées illisibles : relais data status)";
/// Said of installed data that no trusted key signed (status bar, `data status`, exports).
pub const UNSIGNED: &str = "non signées";
pub const KIND_FAQ: &str = "FAQ";
pub const KIND_CONTACT: &str = "Contact";
pub const NOTHING_FOUND: &str = "Aucun résultat";
pub const DID_YOU_MEAN: &str = "Vouliez-vous dire";
/// Shown above the rows when the first hit is not a sure answer.
pub const NOT_SURE: &str = "Pas de réponse sûre";
pub const WHO_TO_CONTACT: &str = "Qui contacter";
/// What the status bar says once something went to the clipboard: relais sent it to the
/// terminal (OSC 52); whether the terminal took it, relais cannot know.
pub const SENT_NUMBER: &str = "Numéro envoyé au presse-papiers du terminal";
pub const SENT_CARD: &str = "Fiche envoyée au presse-papiers du terminal";
pub const SENT_SHARE: &str = "Partage court envoyé au presse-papiers du terminal";
/// Said the first time in a session, after one of the above.
pub const COPY_CHECK: &str = "collez-le ailleurs pour vérifier : certains terminaux l'ignorent";
/// The same, under a copied number shown to be dictated.
pub const COPY_CHECK_SHORT: &str = "Collez-le ailleurs pour vérifier la copie.";
pub const NOTHING_TO_SHARE: &str = "Rien à partager : sélectionnez une fiche ou un contact.";
pub const SHARE_QR: &str = "Partage court";
pub const SHARE_QR_TOO_LONG: &str = "Partage court trop long pour un code QR.";
/// The short share's disclaimer, after « relais, ».
pub const SHARE_NOT_ADVICE: &str = "pas un avis juridique";

// Exports (handouts and the phone page) and `relais data`.
pub const CONTACTS_SHEET: &str = "Fiche des contacts";
pub const TABLE_OF_CONTENTS: &str = "Sommaire";
pub const DATA_LABEL: &str = "Données :";
pub const UNDATED: &str = "non datées";
pub const QR_LABEL: &str = "Code QR :";
pub const APP_SEARCH: &str = "Rechercher";
pub const APP_SEARCH_PLACEHOLDER: &str = "Chercher : hébergeur, police, médecin…";
pub const APP_ALL_CONTACTS: &str = "Tous les contacts";
pub const APP_BACK: &str = "Retour";
pub const APP_RESULTS: &str = "Résultats";
pub const NOT_A_TERMINAL: &str =
    "relais : la sortie n'est pas un terminal ; utilisez une sous-commande.";

/// Region ids as shown to people.
#[must_use]
pub fn region_label(region: &str) -> &str {
    match region {
        "namur" => "Province de Namur",
        "luxembourg" => "Province de Luxembourg",
        "liege" => "Province de Liège",
        "hainaut" => "Hainaut",
        "brabant-wallon" => "Brabant wallon",
        "bruxelles" => "Bruxelles",
        "wallonie" => "Wallonie",
        "belgique" => "Belgique",
        "flandre" => "Flandre (hors Wallonie)",
        other => other,
    }
}

pub use crate::kb::dates::date;
pub const FONT_SIZE_HINT: &str = "La taille des lettres dépend de la police du terminal : agrandissez-la avec \
    Ctrl + (ou le menu du terminal) ; + et - règlent seulement la largeur du texte.";
pub const HELP_INTRO: &str =
    "Tapez pour chercher : accents, majuscules et fautes de frappe sont tolérés.";
pub const HELP_LETTERS: &str = "Une lettre tapée n'importe où commence une nouvelle question : \
    les commandes sont sur Ctrl, Alt, les touches F et les flèches. Échap revient d'un pas.";
pub const PRESENT_INTRO: &str =
    "Une question par diapositive ; une télécommande de présentation envoie PgSuiv et PgPréc.";
pub const Q_TO_QUIT: &str = "q pour quitter";
pub const AGENDA: &str = "Au programme";
pub const CLOSING: &str = "Qui contacter";
pub const DURATION: &str = "Durée prévue :";
pub const NO_PRESENTER: &str = "aucune présentation de ce parcours à piloter";
pub const ALREADY_PRESENTING: &str =
    "une autre présentation de ce parcours est déjà en cours : la vue orateur suit la première";
pub const SPEAKER_NOTES: &str = "Notes de l'orateur";
pub const NO_NOTES: &str = "(pas de notes pour cette diapositive)";
pub const FULL_ANSWER: &str = "Réponse complète";
pub const WAITING_FOR_PRESENTER: &str =
    "non connectée : en attente de la présentation de ce parcours (relais present PARCOURS)";
pub const CONTACTS_AND_QR: &str = "Contacts et codes QR";

// --- the command line: messages of `relais` itself ------------------------------------------

pub const WRITE_FAILED: &str = "Impossible d'écrire la sortie";
pub const PRESENT_NEEDS_TERMINAL: &str = "relais : la présentation a besoin d'un terminal.";

/// « (vouliez-vous dire « X » ?) » after an unknown name, with its leading space; empty without
/// a suggestion.
#[must_use]
pub fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or(String::new(), |s| format!(" (vouliez-vous dire « {s} » ?)"))
}

/// `relais present ID` with an unknown id; `hint` from [`did_you_mean`].
#[must_use]
pub fn unknown_deck(id: &str, hint: &str) -> String {
    format!("relais : parcours inconnu « {id} »{hint} ; voir relais decks")
}

/// The last line when the data does not load: where it came from, and why.
#[must_use]
pub fn invalid_data(origin: impl std::fmt::Display, err: impl std::fmt::Display) -> String {
    format!("relais : données invalides ({origin}) : {err}")
}

/// A file that could not be read.
#[must_use]
pub fn cannot_read(path: &std::path::Path) -> String {
    format!("Impossible de lire {}", path.display())
}

// --- relais data: installed data and trusted keys --------------------------------------------

pub const RESTORED: &str = "Sauvegarde restaurée.";
pub const RESET_DONE: &str = "Retour aux données intégrées ; les données installées sont gardées \
    en sauvegarde (relais data restore pour y revenir).";
pub const ACTIVE_UNCHANGED: &str = "Les données actives n'ont pas changé";
pub const NO_USER_DATA_DIR: &str =
    "Impossible de trouver le dossier de données de l'utilisateur (HOME n'est pas défini ?)";
pub const NO_TRUSTED_KEY: &str =
    "Aucune clé de confiance. Ajoutez celle d'un éditeur : relais data trust SA_CLÉ.pub";
pub const KEY_ADDED_EFFECT: &str =
    "Les paquets qu'elle signe s'installent désormais sans avertissement.";

/// `--data` or `RELAIS_DATA` hides the installed data.
#[must_use]
pub fn overridden(origin: impl std::fmt::Display) -> String {
    format!("Attention : les données de {origin} ont priorité sur les données installées.")
}

/// A key removed from the trusted keys.
#[must_use]
pub fn key_removed(id: &str) -> String {
    format!("Clé {id} retirée des clés de confiance.")
}

/// A key added to the trusted keys, and the file that holds it now.
#[must_use]
pub fn key_added(id: &str, file: &std::path::Path) -> String {
    format!(
        "Clé {id} ajoutée aux clés de confiance ({}).",
        file.display()
    )
}

/// A knowledge base in one line, after its title and version: its counts.
#[must_use]
pub fn kb_counts(described: &str, entries: usize, contacts: usize, decks: usize) -> String {
    format!("{described} — {entries} entrées, {contacts} contacts, {decks} présentations")
}

// --- relais data install ---------------------------------------------------------------------

pub const NOTHING_INSTALLED: &str =
    "relais : rien n'a été installé ; les données actives n'ont pas changé.";
pub const ALLOW_UNSIGNED_HINT: &str =
    "relais : --allow-unsigned l'installerait quand même, affiché « non signées ».";
pub const INSTALL_QUESTION: &str = "Installer ces données ? [o/N] ";
pub const NOT_INSTALLED: &str = "Rien n'a été installé.";
pub const INSTALL_INTERRUPTED: &str =
    "Installation interrompue ; les données actives n'ont pas changé";
pub const INSTALLED_UNSIGNED: &str = "Données non signées : elles seront affichées « non signées » \
    jusqu'à leur remplacement par un paquet signé.";
pub const PREVIOUS_KEPT: &str =
    "Les données précédentes sont gardées en sauvegarde (relais data restore pour y revenir).";

/// The key that signed the installed data.
#[must_use]
pub fn signed_by(key_id: &str) -> String {
    format!("Signées par la clé {key_id}")
}

// --- relais export ---------------------------------------------------------------------------

pub const JSON_WRITE_FAILED: &str = "Impossible d'écrire le JSON";

/// A file that could not be written.
#[must_use]
pub fn cannot_write(path: &std::path::Path) -> String {
    format!("Impossible d'écrire {}", path.display())
}

// --- the interface: state, emergencies, regions --------------------------------------------

/// Échap on the start screen: nothing more to undo.
pub const AT_START: &str = "Écran d'accueil : tapez une question (Ctrl + C pour quitter).";

/// Said when the part of the bundled data's compiled form that the interface reads after its
/// first frame (the search index, the translations) cannot be used: in the status bar, and on
/// stderr once the interface has given the terminal back.
#[must_use]
pub fn bundled_rest_reread(why: &str) -> String {
    format!(
        "Forme compilée des données intégrées inutilisable ({why}) : données relues depuis leurs \
         fichiers YAML."
    )
}

/// The same, when the YAML files could not be read either: only the titles the first frame
/// listed are left, searched without their answers and translations.
#[must_use]
pub fn bundled_rest_lost(why: &str, err: &str) -> String {
    format!(
        "Forme compilée des données intégrées inutilisable ({why}), fichiers YAML illisibles \
         ({err}) : seuls les titres sont lisibles, sans réponses ni traductions ; réinstallez \
         relais."
    )
}
