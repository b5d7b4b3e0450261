//! Raw YAML -> [`KnowledgeBase`]. The only place the data rules live. Every problem is collected
//! with its file, line and column, so a content editor sees all of them in one run.

use std::collections::HashMap;

use jiff::civil::Date;
use serde_saphyr::Location;

use super::diag::yaml_problem;
use super::raw::{RawContact, RawDeck, RawEntry, RawFile, RawMeta, RawSource, Text};
use super::text::{describe_char, did_you_mean, find_forbidden, is_forbidden, normalize};
use super::{
    Audience, Category, Contact, Deck, Diagnostic, Entry, KnowledgeBase, LoadError, Meta, Origin,
    REGIONS, Severity, Source, SourceFile,
};

/// A knowledge base that passed validation, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub kb: KnowledgeBase,
    pub warnings: Vec<Diagnostic>,
    pub origin: Origin,
    /// Number of files read.
    pub files: usize,
}

/// Reads and validates the data of `origin`.
///
/// # Errors
/// The data cannot be read, or has at least one error (all of them are returned).
pub fn load(origin: &Origin, today: Date) -> Result<Loaded, LoadError> {
    let files = origin.read()?;
    let (kb, warnings) = validate(&files, today)?;
    Ok(Loaded {
        kb,
        warnings,
        origin: origin.clone(),
        files: files.len(),
    })
}

/// Parses and validates `files` as one knowledge base. `today` decides which entries are stale.
///
/// # Errors
/// [`LoadError::Invalid`] with every error and warning, sorted by file and line.
pub fn validate(
    files: &[SourceFile],
    today: Date,
) -> Result<(KnowledgeBase, Vec<Diagnostic>), LoadError> {
    let mut checker = Checker {
        files,
        diags: Vec::new(),
        texts: Vec::with_capacity(files.len()),
        line_starts: files.iter().map(|f| line_starts(&f.text)).collect(),
        counts: vec![Counts::default(); files.len()],
        today,
    };
    let mut parsed = Vec::new();
    for (index, file) in files.iter().enumerate() {
        if let Some(raw) = checker.parse(index, file) {
            parsed.push((index, raw));
        }
    }
    // References across files are only meaningful once every file parsed.
    let kb = if parsed.len() == files.len() {
        Some(checker.build(parsed))
    } else {
        None
    };
    let mut diags = checker.diags;
    diags.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    diags.extend(
        files
            .iter()
            .zip(&checker.counts)
            .filter_map(|(f, c)| c.summary(&f.name)),
    );
    match kb {
        Some(kb) if !diags.iter().any(Diagnostic::is_error) => Ok((kb, diags)),
        _ => Err(LoadError::Invalid(diags)),
    }
}

/// The library's error `err` on `text`, in French, at the place to change.
fn located(text: &str, err: &serde_saphyr::Error) -> super::diag::Located {
    let (line, col) = err
        .location()
        .map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
    yaml_problem(text, line, col, &err.to_string())
}

/// Limits on what one data file may ask of the YAML parser, so that a broken or hostile file (an
/// alias bomb, ten thousand nested brackets) is refused at once, in bounded memory. Real data is
/// far below them: the bundled files nest five levels deep and use no alias.
pub mod limits {
    /// Nesting of lists and blocks.
    pub const MAX_DEPTH: usize = 32;
    /// Aliases (`*name`), and anchors (`&name`), in one file.
    pub const MAX_ALIASES: usize = 1_000;
    /// Values (texts, lists and blocks) in one file.
    pub const MAX_NODES: usize = 1_000_000;
    /// Bytes of text in one file, aliases expanded.
    pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
    /// Values that aliases may copy in, in all.
    pub const MAX_ALIAS_COPIES: usize = 100_000;
    /// Problems shown for one file; the others are counted in one last message.
    pub const MAX_PROBLEMS: usize = 200;
}

/// Problems found in one file: shown, and beyond [`limits::MAX_PROBLEMS`], only counted.
#[derive(Clone, Copy, Default)]
struct Counts {
    shown: usize,
    hidden_errors: usize,
    hidden_others: usize,
}

impl Counts {
    /// The closing message of a file with hidden problems; an error when one of them is.
    fn summary(&self, file: &str) -> Option<Diagnostic> {
        let hidden = self.hidden_errors + self.hidden_others;
        (hidden > 0).then(|| {
            let severity = if self.hidden_errors > 0 {
                Severity::Error
            } else {
                Severity::Warning
            };
            let message = format!(
                "… et {hidden} autre(s) problème(s) dans ce fichier, non affichés : corrigez \
                 d'abord les {} premiers",
                limits::MAX_PROBLEMS
            );
            Diagnostic::new(severity, file.to_owned(), (0, 0), message, None)
        })
    }
}

/// The byte offset where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The parser's options: strict booleans, and the [`limits`].
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: limits::MAX_DEPTH,
            max_aliases: limits::MAX_ALIASES,
            max_anchors: limits::MAX_ALIASES,
            max_nodes: limits::MAX_NODES,
            max_events: 2 * limits::MAX_NODES,
            max_total_scalar_bytes: limits::MAX_TEXT_BYTES,
            max_merge_keys: 100,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: limits::MAX_ALIAS_COPIES,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: limits::MAX_ALIASES,
        },
    }
}

const TOP_KEYS: [&str; 6] = [
    "meta",
    "categories",
    "entries",
    "contacts",
    "decks",
    "synonyms",
];

struct Checker<'a> {
    files: &'a [SourceFile],
    diags: Vec<Diagnostic>,
    /// Each file's text as the YAML parser read it (no byte-order mark, forbidden characters
    /// replaced one for one), so that spans index into it; lines and columns match the file.
    texts: Vec<String>,
    /// Where each line of each file starts, for the excerpts.
    line_starts: Vec<Vec<usize>>,
    counts: Vec<Counts>,
    today: Date,
}

/// Where an id was defined, for duplicate reports.
#[derive(Clone, Copy)]
struct Defined {
    kind: &'static str,
    file: usize,
    line: u32,
    col: u32,
}

impl Defined {
    fn at(kind: &'static str, file: usize, id: &Text) -> Self {
        Self {
            kind,
            file,
            line: clamp(id.referenced.line()),
            col: clamp(id.referenced.column()),
        }
    }
}

impl Checker<'_> {
    fn parse(&mut self, index: usize, file: &SourceFile) -> Option<RawFile> {
        let text = file.text.strip_prefix('\u{FEFF}').unwrap_or(&file.text);
        let text = self.forbidden_characters(index, text);
        self.texts.push(text);
        let text = &self.texts[index];
        if text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            self.push(
                Severity::Error,
                index,
                0,
                0,
                format!(
                    "fichier vide : il doit contenir au moins une des sections {}",
                    TOP_KEYS.join(", ")
                ),
            );
            return None;
        }
        match serde_saphyr::from_str_with_options::<RawFile>(text, yaml_options()) {
            Ok(raw) => Some(raw),
            Err(err) => {
                let mut problem = located(text, &err);
                // Read into our types, an entry ends at the first line indented less than its
                // keys, and its missing keys are reported before the parser reaches that line,
                // which is what the editor has to fix.
                if problem.message.starts_with("clé obligatoire") {
                    let syntax = serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(
                        text,
                        yaml_options(),
                    );
                    if let Err(err) = syntax {
                        problem = located(text, &err);
                    }
                }
                self.push(
                    Severity::Error,
                    index,
                    problem.line,
                    problem.col,
                    problem.message,
                );
                None
            }
        }
    }

    /// Reports every character that must never reach a terminal, at its own line and column
    /// (the YAML parser would stop at the first, often at the start of its block), and returns
    /// the text with each replaced by U+FFFD so that the rest of the file is still checked.
    fn forbidden_characters(&mut self, index: usize, text: &str) -> String {
        let mut clean = String::with_capacity(text.len());
        let (mut line, mut col) = (1u32, 0u32);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            col += 1;
            // Windows line ends (CR LF) are line breaks, not stray carriage returns.
            let line_end = c == '\r' && chars.peek() == Some(&'\n');
            if is_forbidden(c) && !line_end {
                let message = format!("caractère interdit : {}", describe_char(c));
                self.push(Severity::Error, index, line, col, message);
                clean.push('\u{FFFD}');
                continue;
            }
            if c == '\n' {
                (line, col) = (line + 1, 0);
            }
            clean.push(c);
        }
        clean
    }

    fn push(&mut self, severity: Severity, file: usize, line: u32, col: u32, message: String) {
        let counts = &mut self.counts[file];
        if counts.shown >= limits::MAX_PROBLEMS {
            if severity == Severity::Error {
                counts.hidden_errors += 1;
            } else {
                counts.hidden_others += 1;
            }
            return;
        }
        counts.shown += 1;
        let (line, col) = self.inside(file, line, col);
        let source = &self.files[file];
        let diag = Diagnostic::new(
            severity,
            source.name.clone(),
            (line, col),
            message,
            self.source_line(file, line),
        );
        self.diags.push(diag);
    }

    /// `line`:`col` moved into file `file` when it lies past the end of a line or of the file
    /// (the library can point at the empty line after the last line break): at the end of the
    /// line, or of the last line.
    fn inside(&self, file: usize, line: u32, col: u32) -> (u32, u32) {
        let text = &self.files[file].text;
        let count = self.line_starts[file].len() - usize::from(text.ends_with('\n'));
        if line == 0 || count == 0 {
            return (line, col);
        }
        let past_end = line as usize > count;
        let line = if past_end { clamp(count as u64) } else { line };
        let width = self
            .source_line(file, line)
            .map_or(0, |l| l.trim_end_matches('\r').chars().count());
        let end = clamp(width as u64 + 1);
        let col = if past_end { end } else { col.clamp(1, end) };
        (line, col)
    }

    /// Line `line` (1-based) of file `file`, without its line break.
    fn source_line(&self, file: usize, line: u32) -> Option<&str> {
        let starts = &self.line_starts[file];
        let index = (line as usize).checked_sub(1)?;
        let start = *starts.get(index)?;
        let text = &self.files[file].text;
        let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        text.get(start..end)
    }

    fn error_at(&mut self, file: usize, loc: &Location, message: String) {
        self.push(
            Severity::Error,
            file,
            clamp(loc.line()),
            clamp(loc.column()),
            message,
        );
    }

    fn warn_at(&mut self, file: usize, loc: &Location, message: String) {
        self.push(
            Severity::Warning,
            file,
            clamp(loc.line()),
            clamp(loc.column()),
            message,
        );
    }

    /// Byte offset of the first `needle` at or after byte `from` of the file's parsed text;
    /// `None` when it is not there.
    fn find_from(&self, file: usize, from: usize, needle: &str) -> Option<usize> {
        let source = &self.texts[file];
        Some(from + source.get(from..)?.find(needle)?)
    }

    /// Line and column (in characters, from 1) of byte `at` of the file's parsed text. Only
    /// computed for a problem to report: it reads the file up to `at`.
    fn line_col(&self, file: usize, at: usize) -> (u32, u32) {
        let source = &self.texts[file];
        let before = source.get(..at).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (clamp(line as u64), clamp(col as u64))
    }

    /// Byte offset of a value in the file's parsed text.
    fn value_start(text: &Text) -> Option<usize> {
        text.referenced
            .span()
            .byte_offset()
            .and_then(|b| usize::try_from(b).ok())
    }

    /// Position of the `needle` found in `text`'s value at byte `offset`, searched in the source
    /// from the value's start (block scalars only add indentation, so the source position is
    /// never before the value offset). Falls back to the value's own position.
    fn position_in(&self, file: usize, text: &Text, offset: usize, needle: &str) -> (u32, u32) {
        let loc = &text.referenced;
        let fallback = (clamp(loc.line()), clamp(loc.column()));
        Self::value_start(text)
            .and_then(|start| self.find_from(file, start + offset, needle))
            .map_or(fallback, |at| self.line_col(file, at))
    }

    /// Normalises a text field, checking that required text is not empty and that no control
    /// character slipped in.
    fn text(&mut self, file: usize, field: &str, t: &Text, required: bool) -> String {
        let value = normalize(&t.value);
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
        value
    }

    fn opt_text(&mut self, file: usize, field: &str, t: Option<&Text>) -> Option<String> {
        t.map(|t| self.text(file, field, t, true))
    }

    fn date(&mut self, file: usize, field: &str, t: &Text) -> Option<Date> {
        let value = t.value.trim();
        let parsed = (value.len() == 10)
            .then(|| value.parse::<Date>().ok())
            .flatten();
        if parsed.is_none() {
            self.error_at(file, &t.referenced, format!(
                "date invalide dans « {field} » : « {value} » (format attendu : AAAA-MM-JJ, par exemple 2026-11-27)"
            ));
        }
        if let Some(d) = parsed.filter(|d| *d > self.today) {
            self.warn_at(
                file,
                &t.referenced,
                format!("la date « {field} » ({d}) est dans le futur"),
            );
        }
        parsed
    }

    fn url(&mut self, file: usize, field: &str, t: &Text) -> String {
        let value = self.text(file, field, t, true);
        if !is_valid_url(&value) {
            self.error_at(file, &t.referenced, format!(
                "adresse web invalide dans « {field} » : « {value} » (elle doit commencer par https:// ou http:// et ne contenir aucune espace)"
            ));
        }
        value
    }

    fn id(&mut self, file: usize, t: &Text) -> String {
        let value = t.value.trim().to_owned();
        if !is_kebab_id(&value) {
            self.error_at(file, &t.referenced, format!(
                "identifiant invalide « {value} » : lettres minuscules sans accents, chiffres et tirets (ex. droits-hebergeur)"
            ));
        }
        value
    }

    fn sources(&mut self, file: usize, raw: &[RawSource]) -> Vec<Source> {
        raw.iter()
            .map(|s| Source {
                title: self.text(file, "sources.title", &s.title, true),
                url: s.url.as_ref().map(|u| self.url(file, "sources.url", u)),
                date: s
                    .date
                    .as_ref()
                    .and_then(|d| self.date(file, "sources.date", d)),
            })
            .collect()
    }

    fn build(&mut self, parsed: Vec<(usize, RawFile)>) -> KnowledgeBase {
        let mut metas = Vec::new();
        let (mut cats, mut entries, mut contacts, mut decks, mut synonyms) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (file, raw) in parsed {
            metas.extend(raw.meta.map(|m| (file, m)));
            cats.extend(raw.categories.into_iter().map(|c| (file, c)));
            entries.extend(raw.entries.into_iter().map(|e| (file, e)));
            contacts.extend(raw.contacts.into_iter().map(|c| (file, c)));
            decks.extend(raw.decks.into_iter().map(|d| (file, d)));
            synonyms.extend(raw.synonyms.into_iter().map(|s| (file, s)));
        }
        let categories = self.categories(&cats);
        let ids = self.defined_ids(&entries, &contacts, &decks);
        let refs = Refs {
            ids: &ids,
            categories: &categories,
        };
        let entries = entries
            .iter()
            .map(|(f, e)| self.entry(*f, e, &refs))
            .collect();
        let contacts = contacts.iter().map(|(f, c)| self.contact(*f, c)).collect();
        let decks = decks.iter().map(|(f, d)| self.deck(*f, d, &refs)).collect();
        let meta = self.meta(&metas, &refs);
        let synonyms = synonyms
            .iter()
            .filter_map(|(f, group)| self.synonym_group(*f, group))
            .collect();
        KnowledgeBase {
            meta,
            categories,
            entries,
            contacts,
            decks,
            synonyms,
        }
    }

    fn categories(&mut self, raw: &[(usize, super::raw::RawCategory)]) -> Vec<Category> {
        let mut seen: HashMap<String, Defined> = HashMap::new();
        let mut out = Vec::new();
        for (file, c) in raw {
            let id = self.id(*file, &c.id);
            let here = Defined::at("catégorie", *file, &c.id);
            if let Some(first) = seen.get(&id).copied() {
                self.report_duplicate(&id, first, here);
                continue;
            }
            seen.insert(id.clone(), here);
            out.push(Category {
                id,
                title: self.text(*file, "title", &c.title, true),
                description: self.opt_text(*file, "description", c.description.as_ref()),
            });
        }
        out
    }

    /// Registers every entry, contact and deck id, reporting duplicates at both places.
    fn defined_ids(
        &mut self,
        entries: &[(usize, RawEntry)],
        contacts: &[(usize, RawContact)],
        decks: &[(usize, RawDeck)],
    ) -> HashMap<String, Defined> {
        let all = entries
            .iter()
            .map(|(f, e)| ("entrée", *f, &e.id))
            .chain(contacts.iter().map(|(f, c)| ("contact", *f, &c.id)))
            .chain(decks.iter().map(|(f, d)| ("présentation", *f, &d.id)));
        let mut ids: HashMap<String, Defined> = HashMap::new();
        for (kind, file, t) in all {
            let id = self.id(file, t);
            let here = Defined::at(kind, file, t);
            if let Some(first) = ids.get(&id).copied() {
                self.report_duplicate(&id, first, here);
            } else {
                ids.insert(id, here);
            }
        }
        ids
    }

    /// Reports an id defined twice at both places, each naming the other.
    fn report_duplicate(&mut self, id: &str, first: Defined, again: Defined) {
        let first_place = self.place(first, again.file);
        let again_place = self.place(again, first.file);
        let (to_again, to_first) = if first.kind == "catégorie" {
            (
                format!("catégorie « {id} » déclarée deux fois : déjà déclarée {first_place}"),
                format!("catégorie « {id} » déclarée deux fois : à nouveau {again_place}"),
            )
        } else {
            (
                format!(
                    "identifiant « {id} » en double : déjà utilisé par {} {first_place}",
                    article(first.kind)
                ),
                format!(
                    "identifiant « {id} » en double : utilisé à nouveau par {} {again_place}",
                    article(again.kind)
                ),
            )
        };
        self.push(Severity::Error, again.file, again.line, again.col, to_again);
        self.push(Severity::Error, first.file, first.line, first.col, to_first);
    }

    /// Where `d` is, as seen from a message in file `from`: the line alone in the same file.
    fn place(&self, d: Defined, from: usize) -> String {
        if d.file == from {
            format!("à la ligne {}", d.line)
        } else {
            format!("dans {}:{}:{}", self.files[d.file].name, d.line, d.col)
        }
    }

    fn entry(&mut self, file: usize, e: &RawEntry, refs: &Refs<'_>) -> Entry {
        let id = e.id.value.trim().to_owned();
        let category = e.category.value.trim().to_owned();
        if refs.category(&category).is_none() {
            let hint = hint(did_you_mean(
                &category,
                refs.categories.iter().map(|c| c.id.as_str()),
            ));
            self.error_at(
                file,
                &e.category.referenced,
                format!("catégorie inconnue « {category} »{hint}"),
            );
        }
        let audience = e
            .audience
            .iter()
            .filter_map(|a| self.audience(file, a))
            .collect();
        if e.sources.is_empty() {
            self.error_at(file, &e.id.referenced, format!(
                "l'entrée « {id} » n'a aucune source : ajoutez au moins une source (title, url, date)"
            ));
        }
        let answer = self.text(file, "answer", &e.answer, true);
        self.check_links(file, &e.answer, &answer, refs);
        let reviewed = self
            .date(file, "reviewed", &e.reviewed)
            .unwrap_or(Date::MIN);
        if reviewed != Date::MIN && super::is_older_than_limit(reviewed, self.today) {
            self.warn_at(file, &e.reviewed.referenced, format!(
                "l'entrée « {id} » n'a pas été relue depuis plus de {} mois (reviewed: {reviewed}) : vérifiez-la contre ses sources",
                super::STALE_AFTER_MONTHS
            ));
        }
        Entry {
            title: self.text(file, "title", &e.title, true),
            summary: self.text(file, "summary", &e.summary, true),
            keywords: e
                .keywords
                .iter()
                .map(|k| self.text(file, "keywords", k, true))
                .collect(),
            related: self.refs(file, "related", &e.related, refs, "entrée"),
            contacts: self.refs(file, "contacts", &e.contacts, refs, "contact"),
            sources: self.sources(file, &e.sources),
            id,
            category,
            audience,
            answer,
            reviewed,
        }
    }

    fn audience(&mut self, file: usize, t: &Text) -> Option<Audience> {
        let value = t.value.trim();
        let found = Audience::ALL
            .iter()
            .find(|(name, _)| *name == value)
            .map(|(_, a)| *a);
        if found.is_none() {
            let hint = hint(did_you_mean(value, Audience::ALL.iter().map(|(n, _)| *n)));
            self.error_at(file, &t.referenced, format!(
                "public inconnu « {value} »{hint} (valeurs possibles : aidants, migrants, formateurs)"
            ));
        }
        found
    }

    /// Checks that every id in `list` names something of `kind`.
    fn refs(
        &mut self,
        file: usize,
        field: &str,
        list: &[Text],
        refs: &Refs<'_>,
        kind: &str,
    ) -> Vec<String> {
        list.iter()
            .map(|t| {
                let id = t.value.trim().to_owned();
                match refs.ids.get(&id) {
                    Some(d) if d.kind == kind => {}
                    Some(d) => self.error_at(
                        file,
                        &t.referenced,
                        format!(
                            "« {id} » dans « {field} » est {} et non {}",
                            article(d.kind),
                            article(kind)
                        ),
                    ),
                    None => {
                        let hint = hint(refs.closest_of(kind, &id));
                        self.error_at(
                            file,
                            &t.referenced,
                            format!(
                                "« {field} » renvoie à {} inconnu{} « {id} »{hint}",
                                article(kind),
                                if kind == "contact" { "" } else { "e" }
                            ),
                        );
                    }
                }
                id
            })
            .collect()
    }

    /// Checks the `[[id]]` links of an answer, pointing at the line of each broken link. Links
    /// are found in the source in the order of the answer, each after the previous one, so two
    /// identical links on different lines are each reported at their own line.
    fn check_links(&mut self, file: usize, raw: &Text, answer: &str, refs: &Refs<'_>) {
        let mut cursor = Self::value_start(raw);
        for (offset, id) in super::markup::wiki_links(answer) {
            // The link as written, `[[ id ]]` spaces included.
            let written = answer[offset..]
                .find("]]")
                .map_or("", |end| &answer[offset..offset + end + 2]);
            let found = cursor.and_then(|from| self.find_from(file, from, written));
            cursor = found.map(|at| at + written.len()).or(cursor);
            let kind = refs.ids.get(id).map(|d| d.kind);
            if kind.is_some_and(|k| k != "présentation") {
                continue;
            }
            let fallback = (clamp(raw.referenced.line()), clamp(raw.referenced.column()));
            let (line, col) = found.map_or(fallback, |at| self.line_col(file, at));
            if kind.is_some() {
                let message = format!(
                    "lien [[{id}]] vers une présentation : un lien mène à une entrée ou à un contact"
                );
                self.push(Severity::Error, file, line, col, message);
                continue;
            }
            let suggestion = did_you_mean(
                id,
                refs.ids
                    .iter()
                    .filter(|(_, d)| d.kind != "présentation")
                    .map(|(k, _)| k.as_str()),
            );
            self.push(
                Severity::Error,
                file,
                line,
                col,
                format!(
                    "lien [[{id}]] vers un identifiant inconnu{}",
                    hint(suggestion)
                ),
            );
        }
    }

    fn contact(&mut self, file: usize, c: &RawContact) -> Contact {
        let id = c.id.value.trim().to_owned();
        let region = c.region.value.trim().to_owned();
        if !REGIONS.contains(&region.as_str()) {
            let hint = hint(did_you_mean(&region, REGIONS));
            self.error_at(
                file,
                &c.region.referenced,
                format!(
                    "région inconnue « {region} »{hint} (valeurs possibles : {})",
                    REGIONS.join(", ")
                ),
            );
        }
        let phone = c.phone.iter().map(|p| self.phone(file, p)).collect();
        let email = c.email.as_ref().map(|t| {
            let v = self.text(file, "email", t, true);
            if !is_valid_email(&v) {
                self.error_at(
                    file,
                    &t.referenced,
                    format!("adresse e-mail invalide : « {v} »"),
                );
            }
            v
        });
        let verified = c
            .verified
            .as_ref()
            .and_then(|t| self.date(file, "verified", t));
        if c.verified.is_none() {
            let loc = c.id.referenced;
            self.push(Severity::Info, file, clamp(loc.line()), clamp(loc.column()), format!(
                "contact « {id} » sans date « verified » : ses coordonnées seront affichées comme non vérifiées"
            ));
        }
        Contact {
            name: self.text(file, "name", &c.name, true),
            description: self.text(file, "description", &c.description, true),
            topics: c
                .topics
                .iter()
                .map(|t| self.text(file, "topics", t, true))
                .collect(),
            website: c.website.as_ref().map(|t| self.url(file, "website", t)),
            address: self.opt_text(file, "address", c.address.as_ref()),
            hours: self.opt_text(file, "hours", c.hours.as_ref()),
            notes: self.opt_text(file, "notes", c.notes.as_ref()),
            sources: self.sources(file, &c.sources),
            id,
            region,
            phone,
            email,
            verified,
        }
    }

    fn phone(&mut self, file: usize, t: &Text) -> String {
        let value = self.text(file, "phone", t, true);
        if !is_valid_phone(&value) {
            self.error_at(file, &t.referenced, format!(
                "numéro de téléphone invalide : « {value} » (formats acceptés : 081 73 71 76, 0470 12 34 56, +32 2 524 98 89, 112, 1733)"
            ));
        }
        value
    }

    fn deck(&mut self, file: usize, d: &RawDeck, refs: &Refs<'_>) -> Deck {
        let id = d.id.value.trim().to_owned();
        if d.slides.is_empty() {
            self.error_at(
                file,
                &d.id.referenced,
                format!("la présentation « {id} » n'a aucune diapositive (slides)"),
            );
        }
        Deck {
            title: self.text(file, "title", &d.title, true),
            description: self.opt_text(file, "description", d.description.as_ref()),
            slides: self.refs(file, "slides", &d.slides, refs, "entrée"),
            id,
        }
    }

    fn meta(&mut self, metas: &[(usize, serde_saphyr::Spanned<RawMeta>)], refs: &Refs<'_>) -> Meta {
        for (file, extra) in metas.iter().skip(1) {
            let (first_file, first) = &metas[0];
            let first = format!(
                "{}:{}",
                self.files[*first_file].name,
                first.referenced.line()
            );
            self.error_at(
                *file,
                &extra.referenced,
                format!("section « meta » en double (déjà dans {first})"),
            );
        }
        let Some((file, m)) = metas.first() else {
            return Meta::default();
        };
        let (file, m) = (*file, &m.value);
        Meta {
            title: self.opt_text(file, "title", m.title.as_ref()),
            version: self.opt_text(file, "version", m.version.as_ref()),
            date: m.date.as_ref().and_then(|d| self.date(file, "date", d)),
            publisher: self.opt_text(file, "publisher", m.publisher.as_ref()),
            fallback_contacts: self.refs(
                file,
                "fallback_contacts",
                &m.fallback_contacts,
                refs,
                "contact",
            ),
        }
    }

    fn synonym_group(
        &mut self,
        file: usize,
        group: &serde_saphyr::Spanned<Vec<Text>>,
    ) -> Option<Vec<String>> {
        let words: Vec<String> = group
            .value
            .iter()
            .map(|w| self.text(file, "synonyms", w, true))
            .collect();
        if words.len() < 2 {
            self.error_at(
                file,
                &group.referenced,
                "un groupe de synonymes doit contenir au moins deux mots".to_owned(),
            );
            return None;
        }
        Some(words)
    }
}

/// What references are checked against.
struct Refs<'a> {
    ids: &'a HashMap<String, Defined>,
    categories: &'a [Category],
}

impl Refs<'_> {
    fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    fn closest_of(&self, kind: &str, id: &str) -> Option<&str> {
        did_you_mean(
            id,
            self.ids
                .iter()
                .filter(|(_, d)| d.kind == kind)
                .map(|(k, _)| k.as_str()),
        )
    }
}

fn article(kind: &str) -> String {
    match kind {
        "entrée" | "présentation" => format!("une {kind}"),
        _ => format!("un {kind}"),
    }
}

fn hint(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (vouliez-vous dire « {s} » ?)"))
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

/// http(s) URL with a host and no whitespace.
#[must_use]
pub fn is_valid_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// One `@`, a local part, and a domain with a dot; no whitespace.
#[must_use]
pub fn is_valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Belgian numbers as written: national (`0` then 8 or 9 digits), international (`+` then 8 to
/// 15 digits; `+32` then 8 or 9), or a short service number (112, 1733...). Spaces, dots,
/// slashes and dashes may separate groups.
#[must_use]
pub fn is_valid_phone(s: &str) -> bool {
    let body = s.trim();
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '/' | '-' | '+')))
    {
        return false;
    }
    if body.chars().skip(1).any(|c| c == '+') {
        return false;
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    if let Some(intl) = body.strip_prefix('+') {
        let intl = intl.trim_start();
        return if intl.starts_with("32") {
            matches!(digits.len(), 10 | 11) && !digits[2..].starts_with('0')
        } else {
            (8..=15).contains(&digits.len())
        };
    }
    match digits.len() {
        3..=4 => digits.starts_with('1'),
        9 | 10 => digits.starts_with('0'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
