//! The small markup of answers: paragraphs, `**bold**`, bullet and numbered lists,
//! `[text](url)` and `[[id]]` links to entries and contacts. Parsed with pulldown-cmark into a
//! flat model that the TUI, the CLI and the exports all render.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Where a link goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Url(String),
    /// An entry or contact id (`[[id]]`).
    Id(String),
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub link: Option<Target>,
}

/// How a block starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Paragraph,
    Bullet,
    Number(u64),
}

/// A paragraph or a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub marker: Marker,
    pub inlines: Vec<Inline>,
}

impl Block {
    /// The block's text without styling.
    #[must_use]
    pub fn plain(&self) -> String {
        self.inlines.iter().map(|i| i.text.as_str()).collect()
    }
}

/// Every `[[id]]` of `text`, with its byte offset.
pub fn wiki_links(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + text.get(from..)?.find("[[")?;
        let end = start + 2 + text[start + 2..].find("]]")?;
        from = end + 2;
        Some((start, text[start + 2..end].trim()))
    })
}

/// Parses an answer into blocks. `[[id]]` links keep the id as their text: the renderer
/// replaces it with the title of what it points to.
#[must_use]
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut bold = 0u32;
    let mut link: Option<Target> = None;
    let mut numbers: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(text, Options::ENABLE_WIKILINKS) {
        match event {
            Event::Start(Tag::List(start)) => numbers.push(start),
            Event::End(TagEnd::List(_)) => {
                numbers.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut blocks, &mut current);
                let marker = match numbers.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        Marker::Number(*n - 1)
                    }
                    _ => Marker::Bullet,
                };
                current = Some(Block {
                    marker,
                    inlines: Vec::new(),
                });
            }
            // A paragraph inside a list item continues the item.
            Event::Start(Tag::Paragraph | Tag::Heading { .. })
                if current.as_ref().is_none_or(|b| !b.inlines.is_empty()) =>
            {
                flush(&mut blocks, &mut current);
                current = Some(Block {
                    marker: Marker::Paragraph,
                    inlines: Vec::new(),
                });
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(&mut blocks, &mut current);
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                link = Some(match link_type {
                    LinkType::WikiLink { .. } => Target::Id(dest_url.trim().to_owned()),
                    _ => Target::Url(dest_url.into_string()),
                });
            }
            Event::End(TagEnd::Link) => link = None,
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                push_text(&mut current, &t, bold > 0, link.as_ref());
            }
            Event::SoftBreak | Event::HardBreak => {
                push_text(&mut current, " ", bold > 0, link.as_ref());
            }
            _ => {}
        }
    }
    flush(&mut blocks, &mut current);
    blocks
}

/// [`parse`], then the typography of resolved links: a `[[id]]` whose title ends in « ? » or
/// « ! » takes no full stop after it (« voir Que puis-je faire ? », never « ?. »).
#[must_use]
pub fn parse_named(text: &str, name: &dyn Fn(&str) -> String) -> Vec<Block> {
    let mut blocks = parse(text);
    for block in &mut blocks {
        for i in 1..block.inlines.len() {
            let ends_in_mark = match &block.inlines[i - 1].link {
                Some(Target::Id(id)) => name(id)
                    .trim_end_matches([' ', '\u{A0}'])
                    .ends_with(['?', '!']),
                _ => false,
            };
            let next = &mut block.inlines[i];
            if ends_in_mark && next.text.starts_with('.') && !next.text.starts_with("..") {
                next.text.remove(0);
            }
        }
    }
    blocks.retain(|b| b.inlines.iter().any(|i| !i.text.is_empty()));
    blocks
}

fn flush(blocks: &mut Vec<Block>, current: &mut Option<Block>) {
    if let Some(block) = current.take().filter(|b| !b.inlines.is_empty()) {
        blocks.push(block);
    }
}

fn push_text(current: &mut Option<Block>, text: &str, bold: bool, link: Option<&Target>) {
    let block = current.get_or_insert_with(|| Block {
        marker: Marker::Paragraph,
        inlines: Vec::new(),
    });
    match block.inlines.last_mut() {
        Some(last) if last.bold == bold && last.link.as_ref() == link => last.text.push_str(text),
        _ => block.inlines.push(Inline {
            text: text.to_owned(),
            bold,
            link: link.cloned(),
        }),
    }
}

/// The answer as plain text: paragraphs separated by blank lines, `- ` and `1. ` items, link
/// texts resolved by `name` for `[[id]]` and followed by the address for URLs.
#[must_use]
pub fn to_plain(blocks: &[Block], name: &dyn Fn(&str) -> String) -> Vec<(Marker, String)> {
    blocks
        .iter()
        .map(|b| {
            let text = b
                .inlines
                .iter()
                .map(|i| match &i.link {
                    Some(Target::Id(id)) => name(id),
                    Some(Target::Url(url)) if *url != i.text => format!("{} ({url})", i.text),
                    _ => i.text.clone(),
                })
                .collect();
            (b.marker, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_paragraphs_lists_bold_and_links() {
        let blocks = parse(
            "Un **droit** clair.\nSuite.\n\n- voir [[cire]]\n- [site](https://x.be)\n\n1. appeler\n2. écrire\n",
        );
        assert_eq!(blocks.len(), 5);
        assert_eq!(blocks[0].marker, Marker::Paragraph);
        assert_eq!(blocks[0].plain(), "Un droit clair. Suite.");
        assert!(blocks[0].inlines[1].bold);
        assert_eq!(blocks[1].marker, Marker::Bullet);
        assert_eq!(blocks[1].inlines[1].link, Some(Target::Id("cire".into())));
        assert_eq!(
            blocks[2].inlines[0].link,
            Some(Target::Url("https://x.be".into()))
        );
        assert_eq!(blocks[3].marker, Marker::Number(1));
        assert_eq!(blocks[4].marker, Marker::Number(2));
    }

    #[test]
    fn a_question_title_takes_no_full_stop_after_it() {
        let name = |id: &str| match id {
            "q" => "Que puis-je faire ?".to_owned(),
            _ => "le Ciré".to_owned(),
        };
        let blocks = parse_named("Voir [[q]]. Puis [[c]].", &name);
        let text: String = blocks[0]
            .inlines
            .iter()
            .map(|i| match &i.link {
                Some(Target::Id(id)) => name(id),
                _ => i.text.clone(),
            })
            .collect();
        assert_eq!(text, "Voir Que puis-je faire ? Puis le Ciré.");
    }

    #[test]
    fn finds_wiki_links_with_offsets() {
        let links: Vec<_> = wiki_links("a [[x]] b [[ y-z ]] [[").collect();
        assert_eq!(links, vec![(2, "x"), (10, "y-z")]);
    }

    #[test]
    fn plain_text_resolves_names() {
        let blocks = parse("Voir [[cire]] et [le site](https://a.be).");
        let plain = to_plain(&blocks, &|id| format!("<{id}>"));
        assert_eq!(plain[0].1, "Voir <cire> et le site (https://a.be).");
    }
}
