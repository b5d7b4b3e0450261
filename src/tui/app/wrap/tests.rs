//! Tests of the wrapping. `reference` is the layout this one replaced (issue 18: a word was a
//! list of its own and every piece was measured twice); the new one must give the same lines,
//! spans and link spots for any runs at any width.

use super::*;

mod reference {
    use ratatui::style::Style;
    use ratatui::text::{Line, Span};
    use textwrap::core::Fragment;
    use unicode_width::UnicodeWidthStr;

    use super::super::{LinkSpot, Piece};
    use crate::render::binds;

    /// A word made of pieces, followed or not by a space.
    #[derive(Debug, Clone, PartialEq)]
    struct Word {
        pieces: Vec<Piece>,
        width: usize,
        space: bool,
    }

    impl Fragment for Word {
        #[allow(clippy::cast_precision_loss)] // widths of words on a terminal line
        fn width(&self) -> f64 {
            self.width as f64
        }

        fn whitespace_width(&self) -> f64 {
            if self.space { 1.0 } else { 0.0 }
        }

        fn penalty_width(&self) -> f64 {
            0.0
        }
    }

    /// Splits styled runs into words at ASCII spaces and newlines. A word's text is copied from
    /// its run a slice at a time, not a character at a time.
    fn words(runs: &[Piece]) -> Vec<Word> {
        let mut out: Vec<Word> = Vec::new();
        let mut current: Option<Word> = None;
        let mut prev: Option<char> = None;
        for (r, run) in runs.iter().enumerate() {
            let text = run.text.as_str();
            let mut chunk = String::new();
            // Start of the part of `text` not yet in `chunk`.
            let mut from = 0;
            for (i, ch) in text.char_indices() {
                if ch == ' ' {
                    // The character after this space, in this run or the next ones.
                    let next = text[i + 1..]
                        .chars()
                        .next()
                        .or_else(|| runs[r + 1..].iter().find_map(|p| p.text.chars().next()));
                    if binds(prev, next) {
                        chunk.push_str(&text[from..i]);
                        chunk.push('\u{A0}');
                        from = i + 1;
                        prev = Some(ch);
                        continue;
                    }
                }
                if ch == ' ' || ch == '\n' {
                    chunk.push_str(&text[from..i]);
                    from = i + 1;
                    push_piece(&mut current, &mut chunk, run);
                    if let Some(mut w) = current.take() {
                        w.space = true;
                        out.push(w);
                    }
                }
                prev = Some(ch);
            }
            chunk.push_str(&text[from..]);
            push_piece(&mut current, &mut chunk, run);
        }
        out.extend(current);
        out
    }

    fn push_piece(current: &mut Option<Word>, chunk: &mut String, run: &Piece) {
        if chunk.is_empty() {
            return;
        }
        let word = current.get_or_insert_with(|| Word {
            pieces: Vec::new(),
            width: 0,
            space: false,
        });
        word.width += chunk.width();
        word.pieces.push(Piece {
            text: std::mem::take(chunk),
            style: run.style,
            link: run.link,
        });
    }

    /// Splits words wider than `width` into pieces that fit, so nothing overflows a narrow pane.
    fn fit(words: Vec<Word>, width: usize) -> Vec<Word> {
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            if w.width <= width {
                out.push(w);
                continue;
            }
            let mut part = Word {
                pieces: Vec::new(),
                width: 0,
                space: false,
            };
            for piece in w.pieces {
                for ch in piece.text.chars() {
                    let cw = ch.encode_utf8(&mut [0; 4]).width();
                    if part.width + cw > width && part.width > 0 {
                        out.push(std::mem::replace(
                            &mut part,
                            Word {
                                pieces: Vec::new(),
                                width: 0,
                                space: false,
                            },
                        ));
                    }
                    part.width += cw;
                    match part.pieces.last_mut() {
                        Some(last) if last.style == piece.style && last.link == piece.link => {
                            last.text.push(ch);
                        }
                        _ => part.pieces.push(Piece {
                            text: ch.to_string(),
                            style: piece.style,
                            link: piece.link,
                        }),
                    }
                }
            }
            part.space = w.space;
            out.push(part);
        }
        out
    }

    /// Wraps `runs` to `width` columns. The first line starts with `first` and the others with
    /// `rest` (list markers and hanging indents); `line0` is the index of the first produced line
    /// in the document, used for link spots.
    pub fn wrap(
        runs: &[Piece],
        width: usize,
        first: &Span<'static>,
        rest: &Span<'static>,
        line0: usize,
    ) -> (Vec<Line<'static>>, Vec<LinkSpot>) {
        let indent = first.width().max(rest.width());
        let avail = width.saturating_sub(indent).max(1);
        let words = fit(words(runs), avail);
        #[allow(clippy::cast_precision_loss)]
        let counts: Vec<usize> = textwrap::wrap_algorithms::wrap_first_fit(&words, &[avail as f64])
            .iter()
            .map(|line| line.len())
            .collect();
        let mut out = Vec::with_capacity(counts.len());
        let mut spots = Vec::new();
        // The words are moved into the lines, line by line, rather than copied.
        let mut words = words.into_iter().peekable();
        for (n, count) in counts.into_iter().enumerate() {
            let lead = if n == 0 { first.clone() } else { rest.clone() };
            let mut col = lead.width();
            let mut spans = vec![lead];
            for i in 0..count {
                let Some(w) = words.next() else { break };
                let last = w.pieces.last().map(|p| (p.style, p.link));
                for p in w.pieces {
                    let pw = p.text.width();
                    if let Some(link) = p.link {
                        spots.push(LinkSpot {
                            line: line0 + n,
                            start: col as u16,
                            end: (col + pw) as u16,
                            link,
                        });
                    }
                    col += pw;
                    spans.push(Span::styled(p.text, p.style));
                }
                if w.space && i + 1 < count {
                    let (style, link) = last.unwrap_or_default();
                    // Keep the underline of a link across its inner spaces only.
                    let next_link = words
                        .peek()
                        .and_then(|next| next.pieces.first())
                        .and_then(|p| p.link);
                    let same_link = link.is_some_and(|l| Some(l) == next_link);
                    spans.push(Span::styled(
                        " ",
                        if same_link { style } else { Style::new() },
                    ));
                    col += 1;
                }
            }
            out.push(Line::from(spans));
        }
        if out.is_empty() {
            out.push(Line::from(first.clone()));
        }
        (out, spots)
    }
}

fn plain(text: &str) -> Vec<Piece> {
    vec![Piece {
        text: text.into(),
        style: Style::new(),
        link: None,
    }]
}

fn texts(lines: &[Line<'_>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[test]
fn wraps_at_spaces_and_keeps_no_break_spaces() {
    let (lines, _) = wrap(
        &plain("Que puis-je faire\u{A0}? Les limites"),
        19,
        &Span::raw(""),
        &Span::raw(""),
        0,
    );
    assert_eq!(texts(&lines), ["Que puis-je faire\u{A0}?", "Les limites"]);
}

#[test]
fn ordinary_spaces_before_french_punctuation_do_not_break() {
    let (lines, _) = wrap(
        &plain("appeler en cas d'urgence ? « oui »"),
        12,
        &Span::raw(""),
        &Span::raw(""),
        0,
    );
    assert_eq!(
        texts(&lines),
        ["appeler en", "cas", "d'urgence\u{A0}?", "«\u{A0}oui\u{A0}»"]
    );
}

#[test]
fn hanging_indent_and_link_spots() {
    let runs = vec![
        Piece {
            text: "voir ".into(),
            style: Style::new(),
            link: None,
        },
        Piece {
            text: "le Ciré".into(),
            style: Style::new(),
            link: Some(0),
        },
    ];
    let (lines, spots) = wrap(&runs, 12, &Span::raw("• "), &Span::raw("  "), 5);
    assert_eq!(texts(&lines), ["• voir le", "  Ciré"]);
    assert_eq!(
        spots,
        [
            LinkSpot {
                line: 5,
                start: 7,
                end: 9,
                link: 0
            },
            LinkSpot {
                line: 6,
                start: 2,
                end: 6,
                link: 0
            }
        ]
    );
}

proptest::proptest! {
    #[test]
    fn every_letter_reaches_a_line_in_order(
        parts in proptest::collection::vec("[a-zé€ ?!«»:\n]{0,30}", 1..5),
        width in 1usize..40,
    ) {
        let runs: Vec<Piece> = parts
            .iter()
            .enumerate()
            .map(|(i, t)| Piece {
                text: t.clone(),
                style: Style::new(),
                link: (i % 2 == 1).then_some(i),
            })
            .collect();
        let (lines, _) = wrap(&runs, width, &Span::raw(""), &Span::raw(""), 0);
        let inked = |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '\u{A0}' | '\n')).collect::<String>();
        let given: String = parts.iter().map(|t| inked(t)).collect();
        let shown: String = texts(&lines).iter().map(|l| inked(l)).collect();
        proptest::prop_assert_eq!(shown, given);
    }
}

#[test]
fn long_words_are_cut_to_fit() {
    let (lines, _) = wrap(&plain("abcdefghij"), 4, &Span::raw(""), &Span::raw(""), 0);
    assert_eq!(texts(&lines), ["abcd", "efgh", "ij"]);
}

#[test]
fn zero_width_never_panics() {
    let (lines, _) = wrap(&plain("un deux"), 0, &Span::raw("• "), &Span::raw("  "), 0);
    assert!(!lines.is_empty());
}

#[test]
fn columns_are_unicode_widths() {
    let one: Vec<char> = ('\0'..='\u{2FFF}').filter(|&c| one_column(c)).collect();
    for &a in &one {
        assert_eq!(columns(&a.to_string()), 1, "{a:?}");
        assert_eq!(a.to_string().width(), 1, "{a:?}");
        // No pair of them is measured as a sequence.
        for &b in &one {
            let pair: String = [a, b].iter().collect();
            assert_eq!(pair.width(), 2, "{pair:?}");
        }
    }
    for text in [
        "",
        "abc",
        "école « ici » — 5 €…",
        "a\u{AD}b",
        "1\u{FE0F}\u{20E3}",
        "لا",
        "日本",
    ] {
        assert_eq!(columns(text), text.width(), "{text:?}");
    }
}

/// Runs drawn from text with the cases the layout treats apart: spaces that bind, newlines,
/// wide and zero-width characters, long words; styles and links that repeat.
fn runs_from(parts: &[(String, u8, Option<usize>)]) -> Vec<Piece> {
    let styles = [Style::new(), Style::new().bold(), Style::new().italic()];
    parts
        .iter()
        .map(|(text, style, link)| Piece {
            text: text.clone(),
            style: styles[usize::from(*style) % styles.len()],
            link: *link,
        })
        .collect()
}

proptest::proptest! {
    #[test]
    fn columns_match_unicode_width(text in "[a-zé€ «»…—\u{A0}\u{AD}\u{301}\u{FE0F}\u{200D}日😀لا]{0,12}") {
        proptest::prop_assert_eq!(columns(&text), text.width());
    }

    #[test]
    fn same_layout_as_the_reference(
        parts in proptest::collection::vec(
            ("[a-zé€ ?!«»:\n日\u{301}]{0,24}|[a-z]{10,30}", 0u8..3, proptest::option::of(0usize..3)),
            1..6,
        ),
        width in 0usize..30,
        lead in 0usize..3,
        line0 in 0usize..5,
    ) {
        let runs = runs_from(&parts);
        let leads = [("", ""), ("  • ", "    "), ("  12. ", "      ")];
        let (first, rest) = leads[lead];
        let first = Span::raw(first.to_owned());
        let rest = Span::raw(rest.to_owned());
        let ours = wrap(&runs, width, &first, &rest, line0);
        let theirs = reference::wrap(&runs, width, &first, &rest, line0);
        proptest::prop_assert_eq!(ours, theirs);
    }
}
