//! The YAML library's messages in French. The library (serde-saphyr and its parser) writes for
//! developers, in English; content editors get these instead. Every message the library can give
//! for our files is listed; one that is not (a new library version) gets a general French message,
//! never the English text. The fuzzing test (`tests/fuzz_loader.rs`) fails on any English word.

use crate::kb::validate::limits;

/// Fragments of the library's messages, most specific first, and their French.
const MESSAGES: &[(&str, &str)] = &[
    // Text and quotes.
    ("unclosed quote", "guillemet ouvert mais jamais fermé"),
    (
        "found unexpected document indicator",
        "ligne « --- » ou « ... » dans un texte entre guillemets : un guillemet n'est sans doute \
         pas fermé",
    ),
    (
        "invalid indentation in multiline quoted scalar",
        "texte entre guillemets sur plusieurs lignes mal indenté : indentez les lignes suivantes \
         plus que la clé",
    ),
    (
        "unknown escape character",
        "séquence d'échappement inconnue entre guillemets doubles : écrivez \\\\ pour une barre \
         oblique inverse, ou utilisez des guillemets simples",
    ),
    (
        "hexadecimal number",
        "séquence d'échappement \\x, \\u ou \\U incomplète entre guillemets doubles : écrivez \\\\ \
         pour une barre oblique inverse",
    ),
    (
        "surrogate",
        "séquence d'échappement \\u invalide entre guillemets doubles (demi-caractère UTF-16 isolé)",
    ),
    (
        "invalid Unicode character escape",
        "séquence d'échappement \\u ou \\U invalide entre guillemets doubles",
    ),
    (
        "comment intercepting the multiline text",
        "commentaire (#) au milieu d'un texte sur plusieurs lignes : retirez-le ou mettez le \
         texte entre guillemets",
    ),
    (
        "comments must be separated from other tokens by whitespace",
        "mettez une espace avant le « # » d'un commentaire, ou mettez la valeur entre guillemets",
    ),
    (
        "unexpected end of plain scalar",
        "fin de texte inattendue : mettez la valeur entre guillemets",
    ),
    (
        "plain scalar cannot start with '-'",
        "une valeur qui commence par « - » doit être mise entre guillemets",
    ),
    (
        "is only valid inside a block",
        "une valeur qui commence par « - » doit être mise entre guillemets",
    ),
    (
        "'-' must be followed by a valid YAML whitespace",
        "un « - » d'élément de liste doit être suivi d'une espace (ou mettez la valeur entre \
         guillemets)",
    ),
    // Block scalars (| and >).
    (
        "found an indentation indicator equal to 0",
        "indicateur d'indentation 0 après « | » ou « > » : écrivez un chiffre de 1 à 9, ou rien",
    ),
    (
        "while scanning a block scalar, did not find expected comment or line break",
        "rien ne peut suivre « | » ou « > » sur sa ligne, sauf un commentaire : mettez le texte \
         à la ligne suivante",
    ),
    (
        "wrongly indented line in block scalar",
        "ligne mal indentée dans un bloc de texte (| ou >) : indentez-la comme la première ligne \
         du bloc",
    ),
    (
        "folded block scalars must indent their content",
        "le texte d'un bloc « > » doit être indenté plus que sa clé",
    ),
    // Anchors, aliases, tags and merges: YAML features the data does not use.
    (
        "unknown anchor",
        "alias (*nom) vers une ancre (&nom) inconnue",
    ),
    (
        "anchor or alias",
        "une valeur qui commence par « & » ou « * » doit être mise entre guillemets",
    ),
    (
        "anchor count exceeded",
        "trop d'ancres (&nom) dans ce fichier",
    ),
    (
        "alias",
        "trop d'alias (*nom) ou alias imbriqués trop profondément : recopiez le texte au lieu \
         d'utiliser des alias",
    ),
    (
        "merge",
        "clé de fusion « << » invalide : recopiez les clés au lieu de les fusionner",
    ),
    ("binary", "étiquette « !!binary » sur un texte : retirez-la"),
    (
        "tag",
        "étiquette YAML (qui commence par !) invalide ici : retirez-la, ou mettez la valeur entre \
         guillemets",
    ),
    (
        "handle wasn't declared",
        "étiquette YAML (qui commence par !) invalide ici : retirez-la, ou mettez la valeur entre \
         guillemets",
    ),
    // Brackets.
    (
        "expected ',' or ']'",
        "virgule ou crochet fermant « ] » attendu dans la liste entre crochets",
    ),
    (
        "expected ',' or '}'",
        "virgule ou accolade fermante « } » attendue dans le bloc entre accolades",
    ),
    (
        "EOF while parsing a flow sequence",
        "fichier incomplet : un crochet « [ » n'est jamais fermé",
    ),
    (
        "EOF while parsing a flow mapping",
        "fichier incomplet : une accolade « { » n'est jamais fermée",
    ),
    (
        "EOF while parsing an implicit flow mapping",
        "fichier incomplet : une liste entre crochets n'est jamais fermée",
    ),
    (
        "unclosed bracket",
        "crochet « [ » ou accolade « { » ouvert mais jamais fermé",
    ),
    (
        "mismatched bracket",
        "crochet ou accolade fermé par le mauvais caractère : « [ » se ferme par « ] », « { » par \
         « } »",
    ),
    ("misplaced bracket", "crochet ou accolade fermant en trop"),
    // End of input, documents and directives.
    (
        "multiple YAML documents",
        "un seul document par fichier : retirez la ligne « --- » ou « ... »",
    ),
    (
        "multiple documents not supported",
        "un seul document par fichier : retirez la ligne « --- » ou « ... »",
    ),
    (
        "invalid content after document end marker",
        "texte après la ligne de fin de document « ... » : retirez-la",
    ),
    (
        "unexpected EOF",
        "fichier incomplet : la fin du fichier arrive trop tôt",
    ),
    (
        "unexpected eof",
        "fichier incomplet : la fin du fichier arrive trop tôt",
    ),
    (
        "unexpected end of input",
        "fichier incomplet : la fin du fichier arrive trop tôt",
    ),
    (
        "directive",
        "ligne de directive YAML (qui commence par %) invalide : retirez-la",
    ),
    (
        "document start",
        "début de document inattendu : retirez la ligne « --- » ou « ... »",
    ),
    (
        "a BOM must not appear inside a document",
        "marque d'ordre des octets (BOM, U+FEFF) au milieu du fichier : retirez ce caractère \
         invisible",
    ),
    // Structure and indentation.
    (
        "mapping values are not allowed",
        "deux-points inattendu : mettez la valeur entre guillemets (ex. title: \"Asile : les étapes\")",
    ),
    (
        "illegal placement of ':' indicator",
        "deux-points inattendu : mettez la valeur entre guillemets (ex. title: \"Asile : les étapes\")",
    ),
    (
        "':' may not precede",
        "deux-points inattendu : mettez la valeur entre guillemets (ex. title: \"Asile : les étapes\")",
    ),
    (
        "':' must be followed by a valid YAML whitespace",
        "mettez une espace après le deux-points d'une clé, ou mettez la valeur entre guillemets",
    ),
    (
        "mapping keys are not allowed in this context",
        "clé inattendue ici : vérifiez l'indentation, ou mettez la valeur entre guillemets",
    ),
    (
        "block sequence entries are not allowed in this context",
        "élément de liste « - » inattendu ici : vérifiez l'indentation",
    ),
    (
        "did not find expected '-' indicator",
        "indentation incorrecte : dans une liste, chaque élément commence par « - », aligné sur \
         les autres",
    ),
    (
        "did not find expected node content",
        "valeur manquante ou mal placée : vérifiez l'indentation, et mettez entre guillemets une \
         valeur qui commence par un caractère spécial (- : [ ] { } & * ! | > ' \" % @ `)",
    ),
    (
        "simple key expected ':'",
        "deux-points « : » attendu après la clé",
    ),
    (
        "simple key is no longer valid",
        "une clé doit tenir sur une ligne et être suivie de « : » ; un texte long se met entre \
         guillemets ou dans un bloc « | »",
    ),
    (
        "invalid indentation in flow construct",
        "indentation incorrecte dans une liste entre crochets : indentez les lignes suivantes plus \
         que la clé",
    ),
    (
        "did not find expected",
        "indentation incorrecte : alignez cette ligne sur les autres clés de son bloc",
    ),
    (
        "indentation error",
        "indentation incorrecte : alignez cette ligne sur les autres clés de son bloc",
    ),
    ("invalid indentation", "indentation incorrecte"),
    ("expected whitespace", "une espace est attendue ici"),
    // Types.
    (
        "invalid boolean",
        "valeur booléenne invalide : écrivez true ou false",
    ),
    (
        "cannot deserialize null",
        "valeur vide : un texte est attendu ici",
    ),
    (
        "mapping end",
        "structure incomplète : vérifiez l'indentation de ce bloc",
    ),
    (
        "sequence end",
        "structure incomplète : vérifiez l'indentation de cette liste",
    ),
    (
        "expected string scalar",
        "un texte est attendu ici, pas une liste ni un bloc « clé: valeur »",
    ),
    (
        "expected a string",
        "un texte est attendu ici, pas une liste ni un bloc « clé: valeur »",
    ),
    (
        "expected a sequence",
        "une liste est attendue ici (lignes « - valeur » ou [a, b])",
    ),
    (
        "expected sequence",
        "une liste est attendue ici (lignes « - valeur » ou [a, b])",
    ),
    ("expected struct", "un bloc « clé: valeur » est attendu ici"),
    ("expected a map", "un bloc « clé: valeur » est attendu ici"),
    (
        "expected mapping",
        "un bloc « clé: valeur » est attendu ici",
    ),
    (
        "non-scalar key",
        "une clé doit être un simple mot suivi de « : », pas une liste ni un bloc",
    ),
    (
        "recursion limit exceeded",
        "imbrication trop profonde de listes et de blocs",
    ),
    (
        "too many buffered comments",
        "trop de lignes de commentaire à la suite à cet endroit",
    ),
    ("unexpected character", "caractère inattendu"),
];

/// The French for the library message `message` (its first line, position removed).
pub(super) fn translate(message: &str) -> String {
    if let Some(breach) = message.strip_prefix("budget breached: ") {
        return budget(breach);
    }
    MESSAGES
        .iter()
        .find(|(en, _)| message.contains(en))
        .map_or_else(
            || {
                "structure YAML invalide à cet endroit : vérifiez l'indentation et les guillemets"
                    .to_owned()
            },
            |(_, fr)| (*fr).to_owned(),
        )
}

/// A breach of the limits set in [`limits`], named after its kind (`Depth { depth: 33 }`).
fn budget(breach: &str) -> String {
    let kind = breach
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default();
    match kind {
        "Depth" => format!(
            "imbrication trop profonde : plus de {} niveaux de listes et de blocs",
            limits::MAX_DEPTH
        ),
        "Aliases" | "AliasAnchorRatio" | "RecordedAnchorEvents" | "RecordedAnchorBytes" => {
            format!(
                "trop d'alias (*nom) : au plus {} ; recopiez le texte au lieu d'utiliser des alias",
                limits::MAX_ALIASES
            )
        }
        "Anchors" => format!("trop d'ancres (&nom) : au plus {}", limits::MAX_ALIASES),
        "Events" | "Nodes" => format!(
            "fichier trop complexe : plus de {} valeurs ; répartissez les données sur plusieurs \
             fichiers",
            limits::MAX_NODES
        ),
        "ScalarBytes" => format!(
            "trop de texte dans ce fichier (plus de {} Mo)",
            limits::MAX_TEXT_BYTES / (1024 * 1024)
        ),
        "Documents" => {
            "un seul document par fichier : retirez la ligne « --- » ou « ... »".to_owned()
        }
        "MergeKeys" => {
            "clé de fusion « << » invalide : recopiez les clés au lieu de les fusionner".to_owned()
        }
        _ => "structure YAML trop volumineuse ou trop complexe".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_messages_are_french() {
        assert_eq!(
            translate("while parsing a flow sequence, expected ',' or ']'"),
            "virgule ou crochet fermant « ] » attendu dans la liste entre crochets"
        );
        assert_eq!(
            translate("unclosed quote"),
            "guillemet ouvert mais jamais fermé"
        );
    }

    #[test]
    fn unknown_messages_never_leak_english() {
        let m = translate("something the library will say one day");
        assert!(m.starts_with("structure YAML invalide"), "{m}");
        assert!(!m.contains("something"));
    }

    #[test]
    fn budget_breaches_name_the_limit() {
        let m = translate("budget breached: Depth { depth: 33 }");
        assert!(m.contains(&limits::MAX_DEPTH.to_string()), "{m}");
        let m = translate("budget breached: Aliases { aliases: 2000 }");
        assert!(m.starts_with("trop d'alias"), "{m}");
    }
}
