//! Single values: texts (normalised, not empty, free of forbidden characters), dates, ids, web
//! addresses, phone numbers and sources, and the rules for addresses and numbers.

use jiff::civil::Date;

use crate::kb::raw::{RawSource, Text};
use crate::kb::text::{
    describe_char, describe_invisible, find_forbidden, is_invisible, neutralize, normalize,
};
use crate::kb::{Severity, Source, SourceDate};

use super::Checker;
use crate::kb::format::{is_valid_phone, is_valid_url};

impl Checker<'_> {
    /// Normalises a text field, checking that required text is not empty and that no control
    /// character slipped in.
    pub(super) fn text(&mut self, file: usize, field: &str, t: &Text, required: bool) -> String {
        let value = normalize(&t.value);
        self.cut_by_comment(file, field, t);
        if required && value.trim().is_empty() {
            self.error_at(file, &t.referenced, format!("« {field} » est vide"));
        }
        if let Some((offset, c)) = find_forbidden(&value) {
            let needle = c.to_string();
            let (line, col) = self.position_in(file, t, offset, &needle);
            self.push(
                Severity::Error,
                file,
                line,
                col,
                format!("caractère interdit dans « {field} » : {}", describe_char(c)),
            );
        }
        // Where text is searched by its words, an invisible character splits or hides them.
        let searched = matches!(field, "title" | "keywords" | "name");
        let invisible = value
            .char_indices()
            .find(|&(i, c)| is_invisible(c) && !crate::kb::i18n::is_orthographic_joiner(&value, i));
        if let Some((offset, c)) = invisible.filter(|_| searched) {
            let needle = c.to_string();
            let (line, col) = self.position_in(file, t, offset, &needle);
            self.push(
                Severity::Error,
                file,
                line,
                col,
                format!(
                    "caractère invisible dans « {field} » : {} ; supprimez-le (le texte ne se \
                     trouverait plus par ses mots)",
                    describe_invisible(c)
                ),
            );
        }
        value
    }

    pub(super) fn opt_text(
        &mut self,
        file: usize,
        field: &str,
        t: Option<&Text>,
    ) -> Option<String> {
        t.map(|t| self.text(file, field, t, true))
    }

    /// A full date (`AAAA-MM-JJ`); a warning when it lies in the future.
    pub(super) fn date(&mut self, file: usize, field: &str, t: &Text) -> Option<Date> {
        let parsed = self.day(file, field, t);
        if let Some(d) = parsed.filter(|d| *d > self.today) {
            self.warn_at(
                file,
                &t.referenced,
                format!("la date « {field} » ({d}) est dans le futur"),
            );
        }
        parsed
    }

    /// A full date (`AAAA-MM-JJ`), an error when it is not one.
    pub(super) fn day(&mut self, file: usize, field: &str, t: &Text) -> Option<Date> {
        let value = t.value.trim();
        let parsed = (value.len() == 10)
            .then(|| value.parse::<Date>().ok())
            .flatten();
        if parsed.is_none() {
            self.error_at(file, &t.referenced, format!(
                "date invalide dans « {field} » : « {value} » (format attendu : AAAA-MM-JJ, par exemple 2026-11-27)", value = crate::kb::text::quotable(value)
            ));
        }
        parsed
    }

    /// A source's date as precise as the source: `AAAA`, `AAAA-MM` or `AAAA-MM-JJ`.
    fn source_date(&mut self, file: usize, t: &Text) -> Option<SourceDate> {
        let value = t.value.trim();
        let parsed = SourceDate::parse(value);
        if parsed.is_none() {
            self.error_at(file, &t.referenced, format!(
                "date invalide dans « sources.date » : « {value} » (formats acceptés : 2023, 2023-04 ou 2023-04-24 ; une page sans date : pas de champ date)", value = crate::kb::text::quotable(value)
            ));
        }
        if let Some(d) = parsed.filter(|d| d.is_after(self.today)) {
            self.warn_at(
                file,
                &t.referenced,
                format!("la date « sources.date » ({d}) est dans le futur"),
            );
        }
        parsed
    }

    pub(super) fn url(&mut self, file: usize, field: &str, t: &Text) -> String {
        let value = self.text(file, field, t, true);
        if is_valid_url(&value) {
            self.deceptive_field(file, t, &value);
        } else {
            self.error_at(file, &t.referenced, format!(
                "adresse web invalide dans « {field} » : « {value} » (elle doit commencer par https:// ou http:// et ne contenir aucune espace)", value = crate::kb::text::quotable(&value)
            ));
        }
        value
    }

    pub(super) fn phone(&mut self, file: usize, t: &Text) -> String {
        let value = self.text(file, "phone", t, true);
        if !is_valid_phone(&value) {
            self.error_at(file, &t.referenced, format!(
                "numéro de téléphone invalide : « {value} » (formats acceptés : 081 73 71 76, 0470 12 34 56, +32 2 524 98 89, 112, 1733)", value = crate::kb::text::quotable(&value)
            ));
        }
        value
    }

    pub(super) fn id(&mut self, file: usize, t: &Text) -> String {
        let value = t.value.trim().to_owned();
        if let Some(c) = value.chars().find(|&c| is_invisible(c)) {
            let shown = neutralize(&value);
            self.error_at(
                file,
                &t.referenced,
                format!(
                    "identifiant invalide « {shown} » : il contient un caractère invisible, {} ; \
                 retapez-le (lettres minuscules sans accents, chiffres et tirets)",
                    describe_invisible(c),
                    shown = crate::kb::text::quotable(&shown)
                ),
            );
        } else if !is_kebab_id(&value) {
            self.error_at(file, &t.referenced, format!(
                "identifiant invalide « {value} » : lettres minuscules sans accents, chiffres et tirets (ex. droits-hebergeur)", value = crate::kb::text::quotable(&value)
            ));
        }
        value
    }

    pub(super) fn sources(&mut self, file: usize, raw: &[RawSource]) -> Vec<Source> {
        raw.iter()
            .map(|s| Source {
                title: self.text(file, "sources.title", &s.title, true),
                url: s.url.as_ref().map(|u| self.url(file, "sources.url", u)),
                date: s.date.as_ref().and_then(|d| self.source_date(file, d)),
            })
            .collect()
    }
}

fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::format::is_valid_email;

    #[test]
    fn phones() {
        for ok in [
            "081 73 71 76",
            "0470 12 34 56",
            "+32 2 524 98 89",
            "112",
            "1733",
            "078 15 43 24",
            "02/205.51.11",
            "+33 1 23 45 67 89",
        ] {
            assert!(is_valid_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "81 73 71 76",
            "+32 02 524 98 89",
            "081 73 71 7",
            "tel: 081",
            "0800-ABC",
            "+3+2 1234567",
            "12345",
        ] {
            assert!(!is_valid_phone(bad), "{bad}");
        }
    }

    #[test]
    fn urls_and_emails() {
        assert!(is_valid_url("https://www.cainamur.be"));
        assert!(is_valid_url("http://x.org/a?b#c"));
        assert!(!is_valid_url("ftp://x.org"));
        assert!(!is_valid_url("https://localhost"));
        assert!(!is_valid_url("https://a b.org"));
        assert!(!is_valid_url("javascript:alert(1)"));
        assert!(is_valid_email("info@cainamur.be"));
        assert!(!is_valid_email("info.cainamur.be"));
        assert!(!is_valid_email("a@b@c.be"));
        assert!(!is_valid_email("a@be"));
    }

    #[test]
    fn ids() {
        assert!(is_kebab_id("droits-hebergeur"));
        assert!(is_kebab_id("f1"));
        assert!(!is_kebab_id("Droits"));
        assert!(!is_kebab_id("droits--x"));
        assert!(!is_kebab_id("-x"));
        assert!(!is_kebab_id("hébergeur"));
    }
}
