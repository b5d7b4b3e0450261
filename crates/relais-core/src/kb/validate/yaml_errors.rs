//! The YAML library's own errors rewritten for content editors: in their language, with a "did
//! you mean" hint for unknown keys and, where the library stops at a symptom (a missing key, a
//! tab, a quote closed lines later), moved to the line the editor has to change
//! (`relocate`). The French wording of the library's messages is in `messages`.

mod messages;
mod relocate;

use relocate::{document_marker, duplicate_key, missing_key, tab, trailing_content};

/// A problem's position and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Located {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

/// The YAML library's error `err` on `text` in French, at the line and column to change, for
/// YAML files that are not data (the query set of `relais eval`).
#[must_use]
pub fn yaml_error(text: &str, err: &serde_saphyr::Error) -> (u32, u32, String) {
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let (line, col) = err
        .location()
        .map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
    let found = yaml_problem(text, line, col, &err.to_string());
    (found.line, found.col, found.message)
}

/// Rewrites the YAML library's error `rendered`, reported at `line`:`col` of `text`, for content
/// editors: French, a "did you mean" hint for unknown keys, and the position the editor has to
/// change.
pub(super) fn yaml_problem(text: &str, line: u32, col: u32, rendered: &str) -> Located {
    let first = rendered.lines().next().unwrap_or_default();
    // "error: line 3 column 5: message" -> "message"
    let message = first
        .strip_prefix("error: ")
        .and_then(|rest| rest.split_once(": ").map(|(_, m)| m))
        .unwrap_or(first);
    let at = |message: String| Located { line, col, message };
    let lines: Vec<&str> = text.lines().collect();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return at(unknown_key(rest));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return missing_key(&lines, line, col, rest.trim_end_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest);
        return duplicate_key(&lines, line, col, key);
    }
    let tab_words = ["found a tab", "tabs disallowed", "tab cannot", "with a tab"];
    if tab_words.iter().any(|w| message.contains(w)) {
        return tab(&lines, line, col);
    }
    let starts_with_dash = |n: u32| {
        (n as usize)
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .is_some_and(|l| l.trim_start().starts_with('-'))
    };
    if message.contains("multiple YAML documents") || message.contains("multiple documents") {
        return document_marker(&lines, line, col, messages::translate(message));
    }
    let dash_glued = |n: u32| {
        (n as usize)
            .checked_sub(1)
            .and_then(|i| lines.get(i))
            .and_then(|l| l.trim_start().strip_prefix('-'))
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_whitespace() && c != '-'))
    };
    if dash_glued(line) && messages::translate(message).starts_with("une liste est attendue") {
        return at(
            "un « - » d'élément de liste doit être suivi d'une espace (ex. « - id: … »)".to_owned(),
        );
    }
    if message.contains("expected '-' indicator") && !starts_with_dash(line) {
        return at(
            "indentation incorrecte : alignez cette ligne sur les autres clés de son bloc \
                   (ou, pour un nouvel élément de liste, commencez-la par « - »)"
                .to_owned(),
        );
    }
    if message.starts_with("invalid trailing content after") {
        return trailing_content(&lines, line, col);
    }
    at(messages::translate(message))
}

/// `rest` is what follows the library's « unknown field » and its opening backtick: the key,
/// then the keys the library expected.
fn unknown_key(rest: &str) -> String {
    let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let valid: Vec<&str> = expected
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ")
        .split(", ")
        .map(|k| k.trim_matches('`'))
        .filter(|k| !k.is_empty())
        .collect();
    let suggestion = crate::kb::text::did_you_mean(key, valid.iter().copied());
    let key = crate::kb::text::quotable(key);
    match suggestion {
        Some(s) => format!("clé inconnue « {key} » (vouliez-vous dire « {s} » ?)"),
        None => format!(
            "clé inconnue « {key} » ; clés possibles : {}",
            valid.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str, line: u32, col: u32, message: &str) -> Located {
        yaml_problem(
            text,
            line,
            col,
            &format!("error: line {line} column {col}: {message}"),
        )
    }

    #[test]
    fn unknown_keys_get_the_closest_valid_key() {
        let p = problem(
            "x: 1\n",
            1,
            1,
            "unknown field `titel`, expected one of `id`, `title`, `summary`",
        );
        assert_eq!(
            p.message,
            "clé inconnue « titel » (vouliez-vous dire « title » ?)"
        );
        let p = problem(
            "x: 1\n",
            1,
            1,
            "unknown field `zzz`, expected `id` or `title`",
        );
        assert!(
            p.message
                .starts_with("clé inconnue « zzz » ; clés possibles : ")
        );
    }

    #[test]
    fn a_key_holding_guillemets_is_quoted_with_single_ones() {
        // A truncated comment line read as a key: its lone » must not end the quotation.
        let p = problem(
            "x: 1\n",
            1,
            1,
            "unknown field `je peux »). Each line`, expected `meta`",
        );
        assert_eq!(
            p.message,
            "clé inconnue « je peux ›). Each line » ; clés possibles : meta"
        );
    }

    #[test]
    fn a_missing_key_points_at_the_start_of_its_block() {
        let text = "entries:\n  - id: a\n    title: T\n    answer: A\n";
        let p = problem(text, 4, 5, "missing field `summary`");
        assert_eq!((p.line, p.col), (2, 5));
        assert_eq!(
            p.message,
            "clé obligatoire « summary » manquante dans le bloc qui commence ici"
        );
    }

    #[test]
    fn a_missing_key_found_mis_indented_points_at_it() {
        let text = "entries:\n  - id: a\n    title: T\n   summary: S\n    answer: A\n";
        let p = problem(text, 3, 5, "missing field `summary`");
        assert_eq!((p.line, p.col), (4, 4));
        assert!(
            p.message.starts_with("clé « summary » mal indentée"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_duplicate_key_names_the_first_line() {
        let text = "categories:\n  - id: a\n    title: T\n    title: U\n";
        let p = problem(
            text,
            4,
            5,
            "duplicate mapping key: title, set DuplicateKeyPolicy",
        );
        assert_eq!(
            p.message,
            "clé « title » en double dans le même bloc (déjà à la ligne 3)"
        );
    }

    #[test]
    fn a_tab_is_reported_where_it_is() {
        let text = "categories:\n  - id: a\n\ttitle: T\n";
        let p = problem(text, 2, 9, "while scanning a plain scalar, found a tab");
        assert_eq!((p.line, p.col), (3, 1));
    }

    #[test]
    fn an_unclosed_quote_points_at_the_opening_quote() {
        let text = "a:\n  title: \"Droits\n  other: \"x\"\n";
        let p = problem(
            text,
            3,
            11,
            "invalid trailing content after double-quoted scalar",
        );
        assert_eq!((p.line, p.col), (2, 10));
        assert!(p.message.contains("ligne 3"), "{}", p.message);
        // Closed on its own line, then more text: the text after the quote is the problem.
        let text = "a:\n  title: \"Droits\" et plus\n";
        let p = problem(
            text,
            2,
            19,
            "invalid trailing content after double-quoted scalar",
        );
        assert_eq!((p.line, p.col), (2, 19));
        assert!(
            p.message
                .starts_with("texte inattendu après le guillemet fermant")
        );
    }

    #[test]
    fn unknown_messages_get_a_general_french_message() {
        let p = problem("a\n", 1, 1, "something new");
        assert!(
            p.message.starts_with("structure YAML invalide"),
            "{}",
            p.message
        );
    }
}
