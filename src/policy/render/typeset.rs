//! Line breaking: text turned into blocks of lines of marks, measured
//! with the font's real glyph widths.
//!
//! A section becomes a flow of blocks (headings, paragraphs, list items,
//! notices) and spaces, each block saying how it may be cut between pages;
//! [`super::paginate`] then cuts the flow into pages.

use crate::policy::fill::typography::breaks_line;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;

use super::fonts::Fonts;
use super::page::{Anchor, Mark, Page, Style, BODY, CONTENT_W, H1, H2, INDENT, LEADING, MARGIN_X, NOTICE_PAD};
use super::structure::{Role, Structure, Tag};
use crate::policy::document::{BlockKind, Run, Section, Text};

/// How a block of lines may be cut between pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Never cut, and kept on the page of what follows it.
    Heading,
    /// Never cut.
    Keep,
    /// Cut between lines, leaving at least two on each side.
    Lines,
    /// Cut like lines, in a shaded box drawn on each page.
    Notice,
}

/// A block of lines of one height. Each line holds marks placed relative
/// to the line's top.
#[derive(Debug, Clone)]
pub(super) struct Lines {
    pub(super) lines: Vec<Vec<Mark>>,
    pub(super) height: f32,
    pub(super) kind: Kind,
    /// Record where this block landed (headings and contents entries).
    pub(super) tagged: bool,
    /// Stay on the page of what follows, like a heading, when too short
    /// to be cut (a paragraph that introduces a list: "They cover:").
    pub(super) keep_with_next: bool,
}

impl Lines {
    pub(super) fn pad(&self) -> f32 {
        if self.kind == Kind::Notice {
            NOTICE_PAD
        } else {
            0.0
        }
    }

    /// Whether the block goes to the next page with what follows it.
    pub(super) fn keeps_with_next(&self) -> bool {
        self.kind == Kind::Heading || (self.keep_with_next && self.least() >= self.total())
    }

    pub(super) fn splits(&self) -> bool {
        matches!(self.kind, Kind::Lines | Kind::Notice)
    }

    pub(super) fn total(&self) -> f32 {
        self.lines.len() as f32 * self.height + 2.0 * self.pad()
    }

    /// The least of this block that may stand at the foot of a page: all of
    /// it, or two lines of a block that may be cut after them.
    pub(super) fn least(&self) -> f32 {
        let n = self.lines.len();
        if self.splits() && n >= 4 {
            2.0 * self.height + 2.0 * self.pad()
        } else {
            self.total()
        }
    }
}

#[derive(Debug, Clone)]
pub(super) enum Flow {
    /// Vertical space; dropped at the top of a page.
    Space(f32),
    /// Lines of text.
    Lines(Lines),
}

/// Part of a word in one style: a slice of the block's checked text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece<'t> {
    pub(super) style: Style,
    pub(super) text: &'t str,
    /// Its advance width, measured whole.
    pub(super) width: f32,
}

/// A word: the pieces `start..end` of its block, and its width.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) width: f32,
}

/// A block's text cut into words, no word wider than the line (a longer
/// one is split between characters). The pieces borrow the checked text,
/// so that no word is allocated on its own.
pub(super) struct Words<'t> {
    pub(super) pieces: Vec<Piece<'t>>,
    pub(super) words: Vec<Word>,
}

/// Turns text into lines of marks.
pub(super) struct Typesetter<'f, 'a> {
    pub(super) fonts: &'f Fonts<'a>,
    /// The fixed words, in the Document's language.
    pub(super) labels: &'static crate::policy::render::labels::Labels,
    pub(super) missing: BTreeSet<char>,
    /// The logical structure, built as the text is set.
    pub(super) structure: Structure,
}

impl Typesetter<'_, '_> {
    pub(super) fn section(&mut self, s: &Section, level: usize, anchors: &mut Vec<Anchor>, flow: &mut Vec<Flow>) {
        let size = if level == 1 { H1 } else { H2 };
        flow.push(Flow::Space(if level == 1 { 14.0 } else { 7.0 }));
        let tag = self.structure.leaf(Role::Heading(level.min(6) as u8), Structure::ROOT);
        let mut heading = self.block(
            &Text::plain(format!("{}  {}", s.number, s.title)),
            Style::Heading,
            size,
            MARGIN_X,
            CONTENT_W,
            Kind::Heading,
            tag,
        );
        if let Flow::Lines(l) = &mut heading {
            l.tagged = true;
        }
        flow.push(heading);
        flow.push(Flow::Space(3.0));
        anchors.push(Anchor {
            number: s.number.clone(),
            title: s.title.clone(),
            level,
            page: 0,
            top: 0.0,
        });
        for (i, block) in s.blocks.iter().enumerate() {
            let introduces = i + 1 < s.blocks.len()
                && matches!(&block.kind, BlockKind::Paragraph(t) if t.to_plain().trim_end().ends_with(':'));
            self.body_block(&block.kind, flow);
            if introduces {
                // The paragraph is the last block of lines pushed.
                if let Some(Flow::Lines(l)) = flow.iter_mut().rev().find(|f| matches!(f, Flow::Lines(_))) {
                    l.keep_with_next = true;
                }
            }
        }
        for sub in &s.subsections {
            self.section(sub, level + 1, anchors, flow);
        }
    }

    pub(super) fn body_block(&mut self, kind: &BlockKind, flow: &mut Vec<Flow>) {
        let root = Structure::ROOT;
        match kind {
            BlockKind::Paragraph(t) => {
                let tag = self.structure.leaf(Role::Paragraph, root);
                flow.push(self.block(t, Style::Regular, BODY, MARGIN_X, CONTENT_W, Kind::Lines, tag));
                flow.push(Flow::Space(BODY * 0.6));
            }
            BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                let numbered = matches!(kind, BlockKind::Numbered(_));
                let list = self.structure.add(Role::List { numbered }, root);
                for (i, item) in items.iter().enumerate() {
                    let marker = if numbered {
                        format!("{}.", i + 1)
                    } else {
                        "\u{2022}".to_owned()
                    };
                    let li = self.structure.add(Role::ListItem, list);
                    let label = self.structure.leaf(Role::Label, li);
                    let body = self.structure.leaf(Role::ListBody, li);
                    let mut block = self.block(
                        item,
                        Style::Regular,
                        BODY,
                        MARGIN_X + INDENT,
                        CONTENT_W - INDENT,
                        Kind::Lines,
                        body,
                    );
                    let text = self.checked(&marker, Style::Regular).into_owned();
                    if let Flow::Lines(l) = &mut block {
                        if let Some(first) = l.lines.first_mut() {
                            first.insert(
                                0,
                                Mark::Text {
                                    x: MARGIN_X + 2.0,
                                    y: BODY,
                                    size: BODY,
                                    style: Style::Regular,
                                    text,
                                    tag: label,
                                },
                            );
                        }
                    }
                    flow.push(block);
                    flow.push(Flow::Space(BODY * 0.25));
                }
                flow.push(Flow::Space(BODY * 0.35));
            }
            BlockKind::Notice(t) => {
                let aside = self.structure.add(Role::Aside, root);
                let tag = self.structure.leaf(Role::Paragraph, aside);
                flow.push(self.block(
                    t,
                    Style::Regular,
                    BODY,
                    MARGIN_X + NOTICE_PAD,
                    CONTENT_W - 2.0 * NOTICE_PAD,
                    Kind::Notice,
                    tag,
                ));
                flow.push(Flow::Space(BODY * 0.8));
            }
        }
    }

    /// `text` wrapped to `width` from `x`, as a block of lines.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn block(
        &mut self,
        text: &Text,
        style: Style,
        size: f32,
        x: f32,
        width: f32,
        kind: Kind,
        tag: Tag,
    ) -> Flow {
        Flow::Lines(Lines {
            lines: self
                .set_lines(text, style, size, x, width, tag)
                .into_iter()
                .map(|(marks, _)| marks)
                .collect(),
            height: size * LEADING,
            kind,
            tagged: false,
            keep_with_next: false,
        })
    }

    /// `text` wrapped to `width` from `x`: each line's marks, tagged
    /// `tag`, and its right end.
    pub(super) fn set_lines(
        &mut self,
        text: &Text,
        base: Style,
        size: f32,
        x: f32,
        width: f32,
        tag: Tag,
    ) -> Vec<(Vec<Mark>, f32)> {
        let runs = self.checked_runs(text, base);
        let words = self.words(&runs, size, width);
        self.wrap(&words.words, size, width)
            .into_iter()
            .map(|line| self.line_marks(&words.pieces, &words.words[line], size, x, tag))
            .collect()
    }

    /// The marks of one line, one text mark per run of one style, so that
    /// text extracts as the words and spaces it is; and the line's right end.
    pub(super) fn line_marks(
        &self,
        pieces: &[Piece<'_>],
        line: &[Word],
        size: f32,
        x: f32,
        tag: Tag,
    ) -> (Vec<Mark>, f32) {
        let space = self.fonts.width(Style::Regular, size, " ");
        let mut marks = Vec::new();
        let mut cx = x;
        let mut run: Option<(Style, String, f32)> = None;
        for (wi, word) in line.iter().enumerate() {
            for (pi, piece) in pieces[word.start..word.end].iter().enumerate() {
                let gap = wi > 0 && pi == 0;
                match &mut run {
                    Some((s, text, _)) if *s == piece.style => {
                        if gap {
                            text.push(' ');
                        }
                        text.push_str(piece.text);
                    }
                    _ => {
                        if let Some((s, text, rx)) = run.take() {
                            marks.push(Mark::Text {
                                x: rx,
                                y: size,
                                size,
                                style: s,
                                text,
                                tag,
                            });
                        }
                        let start = if gap { cx + space } else { cx };
                        run = Some((piece.style, piece.text.to_owned(), start));
                    }
                }
                if gap {
                    cx += space;
                }
                cx += piece.width;
            }
        }
        if let Some((style, text, rx)) = run {
            marks.push(Mark::Text {
                x: rx,
                y: size,
                size,
                style,
                text,
                tag,
            });
        }
        (marks, cx)
    }

    /// Ends each text mark with a space where the next mark of the same
    /// element starts a new line or stands apart (a contents entry's
    /// number, title and page number), so that text read from the
    /// structure, which joins an element's marks as they are, keeps its
    /// word breaks. The space is set at the end of the mark, where it
    /// shows nothing.
    pub(super) fn space_marks(&self, pages: &mut [Page]) {
        for page in pages {
            let mut previous: Option<usize> = None;
            for i in 0..page.marks.len() {
                let Mark::Text { x, y, tag, text, .. } = &page.marks[i] else {
                    continue;
                };
                let (x, y, tag, starts_blank) = (*x, *y, *tag, text.starts_with(char::is_whitespace));
                if let Some(p) = previous {
                    if let Mark::Text {
                        x: px,
                        y: py,
                        size,
                        style,
                        tag: ptag,
                        text: ptext,
                    } = &mut page.marks[p]
                    {
                        let apart = *py != y || x - (*px + self.fonts.width(*style, *size, ptext)) > 0.5;
                        if *ptag == tag
                            && tag != Tag::Artifact
                            && apart
                            && !starts_blank
                            && !ptext.ends_with(char::is_whitespace)
                        {
                            ptext.push(' ');
                        }
                    }
                }
                previous = Some(i);
            }
        }
    }

    /// Replaces characters the font lacks with `?`, remembering them.
    pub(super) fn checked<'s>(&mut self, s: &'s str, style: Style) -> Cow<'s, str> {
        if self.fonts.has_all(style, s) {
            return Cow::Borrowed(s);
        }
        Cow::Owned(
            s.chars()
                .map(|c| {
                    if self.fonts.has_glyph(style, c) {
                        c
                    } else {
                        self.missing.insert(c);
                        '?'
                    }
                })
                .collect(),
        )
    }

    /// The runs of `text` in their styles (a placeholder as its label in
    /// brackets), checked.
    pub(super) fn checked_runs<'t>(&mut self, text: &'t Text, base: Style) -> Vec<(Style, Cow<'t, str>)> {
        let mut runs = Vec::with_capacity(text.0.len());
        for run in &text.0 {
            runs.push(match run {
                Run::Plain(s) => (base, self.checked(s, base)),
                Run::Missing { label, .. } => {
                    let shown = format!("[{label}]");
                    (
                        Style::Placeholder,
                        Cow::Owned(self.checked(&shown, Style::Placeholder).into_owned()),
                    )
                }
            });
        }
        runs
    }

    /// Breaks words into lines no wider than `width`, greedily: the range
    /// of words on each line.
    pub(super) fn wrap(&self, words: &[Word], size: f32, width: f32) -> Vec<Range<usize>> {
        let space = self.fonts.width(Style::Regular, size, " ");
        let mut lines = Vec::new();
        let mut start = 0;
        let mut used = 0.0;
        for (i, word) in words.iter().enumerate() {
            let needed = if i == start {
                word.width
            } else {
                used + space + word.width
            };
            if needed > width && i > start {
                lines.push(start..i);
                start = i;
                used = word.width;
            } else {
                used = needed;
            }
        }
        if start < words.len() {
            lines.push(start..words.len());
        }
        lines
    }

    /// The words of the runs: split at white space, and joined across runs
    /// that meet with none ("[name]'s"); a word wider than `width` is split
    /// into pieces that fit.
    pub(super) fn words<'t>(&self, runs: &'t [(Style, Cow<'_, str>)], size: f32, width: f32) -> Words<'t> {
        let mut out = Words {
            pieces: Vec::new(),
            words: Vec::new(),
        };
        let mut joined = false;
        for (style, s) in runs {
            let style = *style;
            let s: &'t str = s;
            let starts_with_space = s.starts_with(breaks_line);
            let mut add = |i: usize, part: &'t str| {
                let w = self.fonts.width(style, size, part);
                out.pieces.push(Piece {
                    style,
                    text: part,
                    width: w,
                });
                match out.words.last_mut() {
                    Some(last) if i == 0 && joined && !starts_with_space => {
                        last.end += 1;
                        last.width += w;
                    }
                    _ => out.words.push(Word {
                        start: out.pieces.len() - 1,
                        end: out.pieces.len(),
                        width: w,
                    }),
                }
            };
            // ASCII text splits byte by byte; split_ascii_whitespace differs
            // from split_whitespace only at U+000B, which no font maps.
            if s.is_ascii() && !s.as_bytes().contains(&0x0B) {
                s.split_ascii_whitespace()
                    .enumerate()
                    .for_each(|(i, part)| add(i, part));
            } else {
                // A no-break space (French puts one before a colon) stays
                // inside its word, so a line never breaks there.
                s.split(breaks_line)
                    .filter(|part| !part.is_empty())
                    .enumerate()
                    .for_each(|(i, part)| add(i, part));
            }
            joined = !s.ends_with(breaks_line) && !s.is_empty();
        }
        if out.words.iter().any(|w| w.width > width) {
            out = self.split_long(&out, size, width);
        }
        out
    }

    /// The words again, each one wider than `width` broken between
    /// characters into words that fit.
    pub(super) fn split_long<'t>(&self, words: &Words<'t>, size: f32, width: f32) -> Words<'t> {
        let mut out = Words {
            pieces: Vec::with_capacity(words.pieces.len()),
            words: Vec::with_capacity(words.words.len()),
        };
        for word in &words.words {
            let pieces = &words.pieces[word.start..word.end];
            if word.width <= width {
                let start = out.pieces.len();
                out.pieces.extend_from_slice(pieces);
                out.words.push(Word {
                    start,
                    end: out.pieces.len(),
                    width: word.width,
                });
                continue;
            }
            let mut current = Word {
                start: out.pieces.len(),
                end: out.pieces.len(),
                width: 0.0,
            };
            for piece in pieces {
                // The piece's characters not yet placed: `from..to`.
                let (mut from, mut to) = (0, 0);
                for (at, c) in piece.text.char_indices() {
                    let w = self.fonts.width(piece.style, size, c.encode_utf8(&mut [0; 4]));
                    if current.width + w > width && (current.width > 0.0 || to > from) {
                        if to > from {
                            out.pieces.push(self.piece(piece.style, &piece.text[from..to], size));
                            current.end = out.pieces.len();
                        }
                        out.words.push(current);
                        current = Word {
                            start: out.pieces.len(),
                            end: out.pieces.len(),
                            width: 0.0,
                        };
                        from = at;
                    }
                    to = at + c.len_utf8();
                    current.width += w;
                }
                if to > from {
                    out.pieces.push(self.piece(piece.style, &piece.text[from..to], size));
                    current.end = out.pieces.len();
                }
            }
            if current.end > current.start {
                out.words.push(current);
            }
        }
        out
    }

    /// A piece of text in one style, measured.
    pub(super) fn piece<'t>(&self, style: Style, text: &'t str, size: f32) -> Piece<'t> {
        Piece {
            style,
            text,
            width: self.fonts.width(style, size, text),
        }
    }

    /// Text cut with an ellipsis to at most `room` points wide.
    pub(super) fn fitted(&mut self, text: &str, style: Style, size: f32, room: f32) -> String {
        let text = self.checked(text, style).into_owned();
        if self.fonts.width(style, size, &text) <= room {
            return text;
        }
        // Keep the longest start that fits with the ellipsis. Widths add up
        // character by character, so one pass finds it (measuring each
        // shorter candidate whole took minutes for a pasted 100 KB name).
        let room = room - self.fonts.width(style, size, "\u{2026}");
        let mut used = 0.0;
        let mut fits = 0;
        for (at, c) in text.char_indices() {
            used += self.fonts.width(style, size, c.encode_utf8(&mut [0; 4]));
            if used > room {
                break;
            }
            fits = at + c.len_utf8();
        }
        format!("{}\u{2026}", text[..fits].trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::render::fonts::{BOLD, REGULAR};

    /// The text marks of `runs` set as one paragraph: (line, x, style, text).
    fn set(runs: Vec<Run>) -> Vec<(usize, f32, Style, String)> {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        let mut t = Typesetter {
            fonts: &fonts,
            labels: &crate::policy::render::labels::ENGLISH,
            missing: BTreeSet::new(),
            structure: Structure::new(),
        };
        let lines = t.set_lines(&Text(runs), Style::Regular, BODY, MARGIN_X, CONTENT_W, Tag::Artifact);
        lines
            .into_iter()
            .enumerate()
            .flat_map(|(i, (marks, _))| {
                marks.into_iter().filter_map(move |m| match m {
                    Mark::Text { x, style, text, .. } => Some((i, x, style, text)),
                    _ => None,
                })
            })
            .collect()
    }

    #[test]
    fn a_line_never_breaks_at_a_french_no_break_space() {
        // Enough words that the text takes several lines, each colon and
        // question mark after its word with a no-break space.
        let text = "Elle vise\u{A0}: les publications, les commentaires\u{A0}? ".repeat(30);
        let marks = set(vec![Run::Plain(text)]);
        let lines = marks.iter().map(|m| m.0).max().unwrap_or(0);
        assert!(lines > 2, "the text fills several lines");
        for line in 0..=lines {
            let first = marks.iter().find(|m| m.0 == line).map(|m| m.3.trim_start().to_owned());
            let first = first.unwrap_or_default();
            assert!(
                !first.starts_with([':', '?', '\u{A0}', '\u{202F}']),
                "line {line} starts with a mark that belongs to the line before: {first:?}"
            );
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_characters_into_pieces_that_fit() {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        let word = format!("{}\u{e9}{}", "x".repeat(250), "y".repeat(100));
        let marks = set(vec![Run::Plain(format!("Before {word} after"))]);
        let texts: Vec<&str> = marks.iter().map(|(_, _, _, t)| t.as_str()).collect();
        assert!(marks.len() >= 4, "{texts:?}");
        assert_eq!(texts[0], "Before", "the word starts a line of its own");
        // Every line fits, and the word reads back whole.
        for (_, x, style, text) in &marks {
            assert!(
                x + fonts.width(*style, BODY, text) <= MARGIN_X + CONTENT_W + 1e-3,
                "{text}"
            );
        }
        assert_eq!(texts.concat(), format!("Before{word}after"));
        let lines: Vec<usize> = marks.iter().map(|(line, ..)| *line).collect();
        assert_eq!(lines, (0..marks.len()).collect::<Vec<_>>(), "one piece a line");
    }

    #[test]
    fn a_placeholder_joined_to_its_text_stays_one_word_and_unknown_characters_become_question_marks() {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        let missing: Run =
            serde_json::from_str(r#"{"missing":{"question":"org_name","label":"name"}}"#).expect("a placeholder run");
        let marks = set(vec![
            Run::Plain("See ".into()),
            missing,
            Run::Plain("\u{2019}s rules\u{b}now \u{4e2d}.".into()),
        ]);
        let shown: Vec<(Style, &str)> = marks.iter().map(|(_, _, s, t)| (*s, t.as_str())).collect();
        assert_eq!(
            shown,
            [
                (Style::Regular, "See"),
                (Style::Placeholder, "[name]"),
                (Style::Regular, "\u{2019}s rules?now ?."),
            ]
        );
        // A space before the placeholder, none after it.
        let space = fonts.width(Style::Regular, BODY, " ");
        let see = fonts.width(Style::Regular, BODY, "See");
        assert!((marks[1].1 - (MARGIN_X + see + space)).abs() < 1e-3);
        let name = fonts.width(Style::Placeholder, BODY, "[name]");
        assert!((marks[2].1 - (marks[1].1 + name)).abs() < 1e-3);
    }
}
