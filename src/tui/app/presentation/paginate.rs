//! What a slide's body says and how it is cut into pages: the summary, then the entry's slide
//! points, wrapped sentence by sentence; pages break between sentences, never
//! inside one, and every line lands on exactly one page, in order.

use ratatui::style::Style;
use ratatui::text::Span;

use super::Page;
use crate::kb::Entry;
use crate::tui::app::wrap::{Piece, wrap};

/// The styles a slide body uses.
#[derive(Debug, Clone, Copy)]
pub struct SlideStyles {
    pub summary: Style,
    pub text: Style,
    pub bold: Style,
}

/// A block of the body: whether it is a list item (items of one list stay close together), and
/// its lines grouped by sentence.
pub type Block = (bool, Vec<Page>);

/// The slide's blocks, each wrapped: the summary, then the entry's `slide:` points (none when
/// it has none: the slide shows the summary only; the whole answer is in the speaker view).
pub fn slide_blocks(e: &Entry, width: usize, st: &SlideStyles) -> Vec<Block> {
    let mut blocks = vec![(
        false,
        sentences(&[piece(&e.summary, st.summary)], width, "", ""),
    )];
    for point in &e.slide {
        blocks.push((true, sentences(&[piece(point, st.text)], width, "• ", "  ")));
    }
    blocks
}

pub fn piece(text: &str, style: Style) -> Piece {
    Piece {
        text: crate::kb::text::neutralize(text).into_owned(),
        style,
        link: None,
    }
}

/// Wraps a block sentence by sentence: each item is the lines of one sentence group, so a
/// page break can fall between sentences, never inside one.
pub fn sentences(runs: &[Piece], width: usize, first: &str, rest: &str) -> Vec<Page> {
    let mut groups: Vec<Vec<Piece>> = vec![Vec::new()];
    for run in runs {
        let mut start = 0;
        for (i, _) in run.text.match_indices(['.', '?', '!']) {
            let end = i + 1;
            // A sentence ends at punctuation, a space, and a capital (not "2.5", "etc.)" or
            // the "?" inside « ... ? »).
            let next = run.text[end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.chars().next());
            if next.is_some_and(|c| c.is_uppercase() || c == '«') {
                if let Some(g) = groups.last_mut() {
                    g.push(Piece {
                        text: run.text[start..=i].to_owned(),
                        ..run.clone()
                    });
                }
                groups.push(Vec::new());
                start = end + 1;
            }
        }
        if let (true, Some(g)) = (start < run.text.len(), groups.last_mut()) {
            g.push(Piece {
                text: run.text[start..].to_owned(),
                ..run.clone()
            });
        }
    }
    groups.retain(|g| !g.is_empty());
    // On a slide each sentence starts its own line: it reads well from the back of a room and
    // lets a page break fall between sentences.
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let lead = if i == 0 { first } else { rest };
            wrap(
                g,
                width,
                &Span::raw(lead.to_owned()),
                &Span::raw(rest.to_owned()),
                0,
            )
            .0
        })
        .collect()
}

/// Packs blocks into pages: the first page holds `first` lines (it has the big title), the
/// others `rest` lines each (small title). A blank line goes before each paragraph and list
/// (items of one list stay together); a block breaks between its sentence groups when it does
/// not fit, and a sentence taller than a page is cut by lines. Every line of every block is on
/// exactly one page, in order.
#[must_use]
pub fn paginate(blocks: &[Block], first: usize, rest: usize) -> Vec<Page> {
    let (first, rest) = (first.max(1), rest.max(1));
    let room = |pages: &Vec<Page>| if pages.len() == 1 { first } else { rest };
    let mut pages: Vec<Page> = vec![Vec::new()];
    let mut previous_item = false;
    for (item, block) in blocks {
        let spaced = !(*item && previous_item);
        previous_item = *item;
        for (i, group) in block.iter().enumerate() {
            let used = pages.last().map_or(0, Vec::len);
            let gap = usize::from(i == 0 && used > 0 && spaced);
            if used > 0 && used + gap + group.len() > room(&pages) {
                pages.push(Vec::new());
            } else if let Some(p) = pages.last_mut().filter(|_| gap == 1) {
                p.push(ratatui::text::Line::default());
            }
            for line in group {
                if pages.last().is_some_and(|p| p.len() >= room(&pages)) {
                    pages.push(Vec::new());
                }
                if let Some(p) = pages.last_mut() {
                    p.push(line.clone());
                }
            }
        }
    }
    pages.retain(|p| !p.is_empty());
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(page: &Page) -> Vec<String> {
        page.iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn sentences_split_at_their_ends_only() {
        let runs = [piece(
            "Une phrase courte. Une autre phrase assez longue pour deux lignes.",
            Style::new(),
        )];
        let groups = sentences(&runs, 20, "", "");
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(text(&groups[0]), ["Une phrase courte."]);
    }

    #[test]
    fn pages_break_between_sentences() {
        let runs = [piece(
            "Un. Deux trois quatre cinq. Six sept huit neuf dix.",
            Style::new(),
        )];
        let blocks = vec![(false, sentences(&runs, 12, "", ""))];
        let pages = paginate(&blocks, 3, 3);
        assert!(pages.len() >= 2, "{pages:?}");
        for p in &pages {
            assert!(p.len() <= 3);
            let last: String = text(p).last().cloned().unwrap_or_default();
            assert!(
                last.trim_end().ends_with('.'),
                "page ends mid-sentence: {:?}",
                text(p)
            );
        }
    }

    #[test]
    fn the_first_page_is_shorter_and_nothing_is_lost() {
        let source = "Un deux. Trois quatre. Cinq six. Sept huit. Neuf dix. Onze douze.";
        let blocks = vec![(false, sentences(&[piece(source, Style::new())], 10, "", ""))];
        let pages = paginate(&blocks, 2, 4);
        assert!(pages[0].len() <= 2, "{:?}", text(&pages[0]));
        assert!(pages.iter().skip(1).all(|p| p.len() <= 4));
        let all: Vec<String> = pages.iter().flat_map(text).collect();
        let words: Vec<&str> = all.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words, source.split_whitespace().collect::<Vec<_>>());
    }
}
