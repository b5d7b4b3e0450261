//! The slips an editor makes without seeing them, made loud: a plain text cut short by ` #`
//! (YAML starts a comment there), a `[[`/`]]` link missing a bracket, a Markdown link without
//! `https://`, a link that relais will not follow, an entry related to itself or twice, and web
//! addresses that hide their real site (`https://cire.be@evil.example/`, a host mixing
//! alphabets).

use std::collections::HashSet;

use crate::kb::Severity;
use crate::kb::markup::{Target, parse};
use crate::kb::raw::Text;

use super::Checker;

impl Checker<'_> {
    /// Warns when the plain (unquoted) text `t` of `field` stops at a ` #` followed by more
    /// words on its line: YAML read the rest as a comment.
    pub(super) fn cut_by_comment(&mut self, file: usize, field: &str, t: &Text) {
        let Some(start) = Self::value_start(t) else {
            return;
        };
        let source = &self.texts[file];
        let Some(rest) = source.get(start..) else {
            return;
        };
        let plain = !rest.starts_with(['"', '\'', '|', '>', '[', '{']);
        let Some(after) = rest.get(t.value.len()..).filter(|_| plain) else {
            return;
        };
        let Some(line_rest) = after.lines().next() else {
            return;
        };
        let trimmed = line_rest.trim_start();
        let cut = rest.starts_with(t.value.as_str())
            && trimmed.len() < line_rest.len()
            && trimmed
                .strip_prefix('#')
                .is_some_and(|c| !c.trim().is_empty());
        if cut {
            let (line, col) = self.line_col(file, start + t.value.len());
            self.push(
                Severity::Warning,
                file,
                line,
                col,
                format!(
                    "« {field} » s'arrête ici : un « # » précédé d'une espace commence un \
                     commentaire, la suite de la ligne est ignorée ; mettez le texte entre \
                     guillemets s'il doit contenir « # »"
                ),
            );
        }
    }

    /// The links of an answer: `[[`/`]]` missing a bracket and Markdown links without a scheme
    /// are errors; links that will not be followed (`javascript:`, `file:`…) and addresses that
    /// hide their site are warnings.
    pub(super) fn answer_links(&mut self, file: usize, raw: &Text, answer: &str) {
        for (offset, written, message) in malformed_wiki_links(answer) {
            let (line, col) = self.position_in(file, raw, offset, written);
            self.push(Severity::Error, file, line, col, message);
        }
        let mut from = 0;
        for url in markdown_urls(answer) {
            let offset = answer[from..].find(url.as_str()).map_or(from, |i| from + i);
            from = offset;
            let (line, col) = self.position_in(file, raw, offset, &url);
            if !has_scheme(&url) {
                self.push(Severity::Error, file, line, col, format!(
                    "lien sans adresse complète « {url} » : écrivez-le avec https:// (par exemple \
                     https://{}), sinon il n'est pas un lien",
                    url.trim_start_matches('/'), url = crate::kb::text::quotable(&url)
                ));
            } else if crate::kb::text::safe_url(&url).is_none() {
                self.push(
                    Severity::Warning,
                    file,
                    line,
                    col,
                    format!(
                        "lien « {url} » retiré à l'affichage : seuls les liens https://, http://, \
                     mailto: et tel: sont suivis",
                        url = crate::kb::text::quotable(&url)
                    ),
                );
            } else if let Some(message) = deceptive_url(&url) {
                self.push(Severity::Warning, file, line, col, message);
            }
        }
    }

    /// Warns about a web address field whose site is not what it seems.
    pub(super) fn deceptive_field(&mut self, file: usize, t: &Text, url: &str) {
        if let Some(message) = deceptive_url(url) {
            self.warn_at(file, &t.referenced, message);
        }
    }

    /// Warns about an entry that names itself or the same entry twice in `related`.
    pub(super) fn related_slips(&mut self, file: usize, id: &str, related: &[Text]) {
        let mut seen = HashSet::new();
        for t in related {
            let other = t.value.trim();
            if other == id {
                self.warn_at(
                    file,
                    &t.referenced,
                    format!(
                        "« related » de « {id} » renvoie à l'entrée elle-même : retirez-le",
                        id = crate::kb::text::quotable(id)
                    ),
                );
            } else if !seen.insert(other) {
                self.warn_at(
                    file,
                    &t.referenced,
                    format!(
                        "« {other} » apparaît deux fois dans « related » de « {id} » : gardez-en un", other = crate::kb::text::quotable(other), id = crate::kb::text::quotable(id)
                    ),
                );
            }
        }
    }
}

/// Every `[[` that does not close with `]]` before a single bracket or the end of its line, and
/// every `]]` that closes no `[[`, with its byte offset, what is written there and the message.
fn malformed_wiki_links(answer: &str) -> Vec<(usize, &'static str, String)> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in answer.split('\n') {
        let bytes = line.as_bytes();
        let at2 = |i: usize, pair: &[u8; 2]| bytes.get(i..i + 2) == Some(&pair[..]);
        let mut at = 0;
        while at < bytes.len() {
            if at2(at, b"[[") {
                // What comes first after it: its `]]`, a single bracket, or the end of the line.
                let mut end = at + 2;
                let closed = loop {
                    match bytes.get(end) {
                        Some(b']') if at2(end, b"]]") => break Some(end),
                        None | Some(b'[' | b']') => break None,
                        Some(_) => end += 1,
                    }
                };
                if let Some(close) = closed {
                    at = close + 2;
                    continue;
                }
                let hint = if bytes.get(end) == Some(&b']') {
                    " (il manque un « ] »)"
                } else {
                    ""
                };
                found.push((
                    line_start + at,
                    "[[",
                    format!(
                        "« [[ » sans « ]] » : un lien vers une fiche s'écrit [[identifiant]]{hint}"
                    ),
                ));
                at += 2;
            } else if at2(at, b"]]") {
                let hint = if line[..at].contains('[') {
                    " (il manque un « [ »)"
                } else {
                    ""
                };
                found.push((
                    line_start + at,
                    "]]",
                    format!(
                        "« ]] » sans « [[ » : un lien vers une fiche s'écrit [[identifiant]]{hint}"
                    ),
                ));
                at += 2;
            } else {
                at += 1;
            }
        }
        line_start += line.len() + 1;
    }
    found
}

/// The addresses of the Markdown links (`[texte](adresse)`) of an answer, in order.
fn markdown_urls(answer: &str) -> Vec<String> {
    parse(answer)
        .iter()
        .flat_map(|b| b.inlines.iter())
        .filter_map(|i| match &i.link {
            Some(Target::Url(url)) => Some(url.clone()),
            _ => None,
        })
        .fold(Vec::new(), |mut urls, url| {
            // One inline per run of text: a link split by bold keeps one address.
            if urls.last() != Some(&url) {
                urls.push(url);
            }
            urls
        })
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`…).
fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Why an http(s) address may not lead where it seems, if it may not: a user name before its
/// host (`https://cire.be@evil.example/` goes to evil.example), or a host that mixes alphabets
/// or is written in punycode (a look-alike of a known name).
fn deceptive_url(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if let Some((user, host)) = authority.rsplit_once('@') {
        return Some(format!(
            "l'adresse « {url} » mène à « {host} », pas à « {user} » : ce qui précède « @ » \
             n'est pas le site ; écrivez l'adresse du site lui-même",
            url = crate::kb::text::quotable(url),
            host = crate::kb::text::quotable(host),
            user = crate::kb::text::quotable(user)
        ));
    }
    let host = authority.split(':').next().unwrap_or_default();
    let scripts: HashSet<Script> = host
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(script)
        .collect();
    if scripts.len() > 1 {
        return Some(format!(
            "le nom de site « {host} » mêle plusieurs alphabets (une lettre peut en imiter une \
             autre) : vérifiez l'adresse et retapez-la",
            host = crate::kb::text::quotable(host)
        ));
    }
    let punycode = host.split('.').any(|label| label.starts_with("xn--"));
    (punycode || scripts.iter().any(|s| *s != Script::Latin)).then(|| {
        format!(
            "le nom de site « {host} » n'est pas écrit en lettres latines : vérifiez que c'est \
             le bon site",
            host = crate::kb::text::quotable(host)
        )
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Other,
}

fn script(c: char) -> Script {
    match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        _ => Script::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_wiki_links_are_found() {
        let found = malformed_wiki_links("voir [[cire] et [[ok]] puis [x]] et [[a\n[[b]]");
        let offsets: Vec<usize> = found.iter().map(|f| f.0).collect();
        assert_eq!(offsets, vec![5, 30, 36], "{found:?}");
        assert!(found[0].2.contains("il manque un « ] »"), "{found:?}");
        assert!(found[1].2.contains("il manque un « [ »"), "{found:?}");
        assert!(malformed_wiki_links("[[a]] et [[b-c]]").is_empty());
    }

    #[test]
    fn deceptive_addresses() {
        assert!(deceptive_url("https://cire.be@evil.example/").is_some());
        assert!(deceptive_url("https://ci\u{440}e.be/").is_some());
        assert!(deceptive_url("https://xn--cir-cla.be/").is_some());
        assert!(deceptive_url("https://www.cire.be/aide").is_none());
        assert!(deceptive_url("https://café.be/").is_none());
        assert!(has_scheme("https://x.be") && has_scheme("mailto:a@b.be"));
        assert!(!has_scheme("www.x.org") && !has_scheme("/chemin"));
    }
}
