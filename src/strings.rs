//! Every user-facing label of the interface and the plain-text output, in French, in one place
//! so that a translation is one file. Data-validation messages live with their rules in
//! `kb::validate`, where content editors' wording is kept next to the check it explains.

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
pub const KIND_FAQ: &str = "FAQ";
pub const KIND_CONTACT: &str = "Contact";
pub const NOTHING_FOUND: &str = "Aucun résultat";
pub const DID_YOU_MEAN: &str = "Vouliez-vous dire";
pub const WHO_TO_CONTACT: &str = "Qui contacter";
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
        other => other,
    }
}

/// A date as people read it: 27/11/2026.
#[must_use]
pub fn date(d: jiff::civil::Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}
pub const PRESENT_FROM_CLI: &str =
    "Présentation : lancez « relais present » pour choisir un parcours.";
