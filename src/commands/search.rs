//! `relais search`: ranked results, suggestions and fallback contacts when nothing matches.

use std::io::Write;

use serde::Serialize;

use super::{Painter, Status};
use crate::cli::KindFilter;
use crate::kb::KnowledgeBase;
use crate::kb::validate::Loaded;
use crate::search::{Hit, Kind, QueryOptions, SearchIndex};
use crate::strings as s;

pub struct SearchArgs<'a> {
    pub query: &'a str,
    pub limit: usize,
    pub kind: KindFilter,
    pub json: bool,
    pub explain: bool,
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    kind: Kind,
    title: &'a str,
    score: f32,
    /// Found through a translation: the language that matched (`en`, `ar`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    matched_lang: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<&'a [crate::search::Reason]>,
    /// `sure`, or `unsure` when the first hit is not a sure answer (the same on every row).
    confidence: &'static str,
    /// Why the answer is not sure.
    #[serde(skip_serializing_if = "Option::is_none")]
    doubt: Option<&'static str>,
    /// With `--explain`, on the first row: what each stage made of the query.
    #[serde(skip_serializing_if = "Option::is_none")]
    pipeline: Option<crate::search::Pipeline>,
    /// On contact rows: `phone`, `verified` (`null`: never) and the warning that goes with them.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    contact: Option<JsonContactFields<'a>>,
}

/// What a contact row adds: the numbers, the verification date and the warning
/// ([`crate::render::warning`]).
#[derive(Serialize)]
struct JsonContactFields<'a> {
    phone: &'a [String],
    verified: Option<jiff::civil::Date>,
    #[serde(flatten)]
    facts: crate::render::warning::JsonFacts,
}

/// The displayed title of a hit.
fn title<'a>(kb: &'a KnowledgeBase, hit: &Hit) -> &'a str {
    match hit.kind {
        Kind::Faq => kb.entry(&hit.id).map_or("", |e| e.title.as_str()),
        Kind::Contact => kb.contact(&hit.id).map_or("", |c| c.name.as_str()),
    }
}

pub fn run_search(
    loaded: &Loaded,
    args: &SearchArgs<'_>,
    out: &mut dyn Write,
    p: Painter,
) -> anyhow::Result<Status> {
    let kb = &loaded.kb;
    let index = loaded.search_index();
    let kind = match args.kind {
        KindFilter::All => None,
        KindFilter::Faq => Some(Kind::Faq),
        KindFilter::Contact => Some(Kind::Contact),
    };
    let opts = QueryOptions {
        limit: args.limit,
        kind,
    };
    let results = index.search(args.query, opts);
    let hits = &results.hits;
    if args.json {
        // The command-line contract: one JSON array, best first (PRODUCT.md); the confidence
        // travels on every row.
        let confidence = if results.sure() { "sure" } else { "unsure" };
        let doubt = results.doubt.filter(|_| !hits.is_empty());
        let mut pipeline = args.explain.then(|| index.explain(args.query));
        let rows: Vec<JsonHit<'_>> = hits
            .iter()
            .map(|h| JsonHit {
                confidence,
                doubt,
                pipeline: pipeline.take(),
                ..json_hit(kb, h, args.explain)
            })
            .collect();
        crate::render::json::write(out, &rows)?;
    } else {
        if args.explain {
            print_pipeline(out, &index.explain(args.query), p)?;
        }
        for (rank, hit) in hits.iter().enumerate() {
            print_hit(out, kb, rank + 1, hit, args.explain, p)?;
        }
    }
    if hits.is_empty() {
        nothing_found(kb, &index, args.query);
        return Ok(Status::NotFound);
    }
    if !results.sure() {
        not_sure(kb, &index, args.query, results.doubt);
    }
    Ok(Status::Success)
}

/// What each stage made of the query, for `--explain`.
fn print_pipeline(
    out: &mut dyn Write,
    pipe: &crate::search::Pipeline,
    p: Painter,
) -> anyhow::Result<()> {
    let n = |s: &str| crate::kb::text::neutralize(s).into_owned();
    writeln!(
        out,
        "{}",
        p.dim(&format!("1. plié : « {} »", n(&pipe.folded)))
    )?;
    writeln!(
        out,
        "{}",
        p.dim(&format!("2. mots : {}", n(&pipe.words.join(" "))))
    )?;
    for (form, words) in &pipe.colloquial {
        writeln!(
            out,
            "{}",
            p.dim(&format!(
                "3. forme familière : « {} » → « {} »",
                n(form),
                n(words)
            ))
        )?;
    }
    if !pipe.stop_words.is_empty() {
        writeln!(
            out,
            "{}",
            p.dim(&format!(
                "3. mots vides ignorés : {}",
                n(&pipe.stop_words.join(" "))
            ))
        )?;
    }
    for t in &pipe.terms {
        let reaches: Vec<String> = t
            .reaches
            .iter()
            .map(|(w, k, wt)| format!("{} ({}, {wt:.2})", n(w), k.label()))
            .collect();
        let reaches = if reaches.is_empty() {
            "rien".to_owned()
        } else {
            reaches.join(", ")
        };
        writeln!(
            out,
            "{}",
            p.dim(&format!(
                "3. « {} » (racine {}, {}) → {reaches}",
                n(&t.term),
                n(&t.stem),
                t.known
            ))
        )?;
    }
    for (covered, member) in &pipe.synonyms {
        writeln!(
            out,
            "{}",
            p.dim(&format!(
                "3. synonyme : « {} » → « {} »",
                n(covered),
                n(member)
            ))
        )?;
    }
    writeln!(out, "{}", p.dim("4-5. score BM25F, rang :"))?;
    Ok(())
}

fn json_hit<'a>(kb: &'a KnowledgeBase, h: &'a Hit, explain: bool) -> JsonHit<'a> {
    let entry = kb.entry(&h.id);
    JsonHit {
        id: &h.id,
        kind: h.kind,
        title: title(kb, h),
        score: h.score,
        matched_lang: h.matched_lang,
        summary: entry.map(|e| e.summary.as_str()),
        category: entry.map(|e| e.category.as_str()),
        explain: explain.then_some(h.reasons.as_slice()),
        confidence: "sure",
        doubt: None,
        pipeline: None,
        contact: kb
            .contact(&h.id)
            .filter(|_| h.kind == Kind::Contact)
            .map(|c| JsonContactFields {
                phone: &c.phone,
                verified: c.verified,
                facts: crate::render::warning::JsonFacts::of(c, crate::kb::today()),
            }),
    }
}

fn print_hit(
    out: &mut dyn Write,
    kb: &KnowledgeBase,
    rank: usize,
    hit: &Hit,
    explain: bool,
    p: Painter,
) -> anyhow::Result<()> {
    let marker = match hit.kind {
        Kind::Faq => s::KIND_FAQ,
        Kind::Contact => s::KIND_CONTACT,
    };
    let title = crate::kb::text::neutralize(title(kb, hit));
    writeln!(
        out,
        "{rank:>2}. {}  {}",
        p.bold(&title),
        p.dim(&format!(
            "[{marker}] {}",
            crate::kb::text::neutralize(&hit.id)
        ))
    )?;
    if explain {
        writeln!(
            out,
            "    score {:.2} = points × {:.2} ({} mot(s) sur {} trouvés)",
            hit.score, hit.coverage, hit.matched, hit.words
        )?;
        for r in &hit.reasons {
            let matched = if r.matched.is_empty() {
                String::new()
            } else {
                format!(" → « {} »", crate::kb::text::neutralize(&r.matched))
            };
            writeln!(
                out,
                "    « {} »{matched} : {}, {}, {:.2} points",
                crate::kb::text::neutralize(&r.query_word),
                r.kind.label(),
                r.field.label(hit.kind),
                r.points
            )?;
        }
    }
    Ok(())
}

/// Prints to stderr that the first row is not a sure answer, why, and what to try next.
fn not_sure(kb: &KnowledgeBase, index: &SearchIndex, query: &str, doubt: Option<&str>) {
    let why = doubt.map_or(String::new(), |d| format!(" ({d})"));
    eprintln!("{}{why}.", s::NOT_SURE);
    next_steps(kb, index, query);
}

/// Prints to stderr what to try next: close words, then who to contact.
fn nothing_found(kb: &KnowledgeBase, index: &SearchIndex, query: &str) {
    eprintln!(
        "{} pour « {} ».",
        s::NOTHING_FOUND,
        crate::kb::text::neutralize(query)
    );
    next_steps(kb, index, query);
}

fn next_steps(kb: &KnowledgeBase, index: &SearchIndex, query: &str) {
    let suggestions = index.suggest(query);
    if !suggestions.is_empty() {
        let words = crate::kb::text::neutralize(&suggestions.join(", ")).into_owned();
        eprintln!("{} : {words} ?", s::DID_YOU_MEAN);
    }
    let fallback: Vec<_> = index
        .fallback_contacts()
        .iter()
        .filter_map(|id| kb.contact(id))
        .collect();
    if !fallback.is_empty() {
        eprintln!("{} :", s::WHO_TO_CONTACT);
        for c in fallback {
            let phone = c.phone.first().map_or(String::new(), |p| {
                format!(
                    " — {}",
                    crate::render::warning::with_mark(p, c, crate::kb::today())
                )
            });
            let line = format!("  - {}{phone}  [{}]", c.name, c.id);
            eprintln!("{}", crate::kb::text::neutralize(&line));
        }
    }
}
