//! Layout: a [`Document`] set on A4 pages with real glyph widths.
//!
//! Pure and independent of the PDF writer: it reads font metrics with
//! `ttf-parser` and yields positioned text and shapes. Positions are in
//! points, measured from the top-left corner of the page.

use std::collections::BTreeSet;

use ttf_parser::Face;

use super::document::{BlockKind, Document, Run, Section, Text};

/// The embedded regular face (a Liberation Sans subset; see `style/fonts`).
pub const REGULAR: &[u8] = include_bytes!("../../style/fonts/PolicySans-Regular.ttf");
/// The embedded bold face.
pub const BOLD: &[u8] = include_bytes!("../../style/fonts/PolicySans-Bold.ttf");

/// The regular and bold faces the policy is set in.
pub struct Fonts<'a> {
    regular: Face<'a>,
    bold: Face<'a>,
}

/// Why a font could not be read.
#[derive(Debug, thiserror::Error)]
#[error("the {face} font could not be read: {reason}")]
pub struct FontError {
    face: &'static str,
    reason: String,
}

impl<'a> Fonts<'a> {
    /// Reads the two faces from TrueType bytes.
    pub fn new(regular: &'a [u8], bold: &'a [u8]) -> Result<Self, FontError> {
        let parse = |bytes, face| {
            Face::parse(bytes, 0).map_err(|e| FontError {
                face,
                reason: e.to_string(),
            })
        };
        Ok(Self {
            regular: parse(regular, "regular")?,
            bold: parse(bold, "bold")?,
        })
    }

    fn face(&self, style: Style) -> &Face<'a> {
        match style {
            Style::Bold => &self.bold,
            Style::Regular | Style::Placeholder => &self.regular,
        }
    }

    /// Whether the face used for `style` has a glyph for `c`.
    pub fn has_glyph(&self, style: Style, c: char) -> bool {
        self.face(style).glyph_index(c).is_some()
    }

    /// The advance width of `text` at `size` points.
    pub fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let face = self.face(style);
        let upem = f32::from(face.units_per_em());
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .or_else(|| face.glyph_index('?'))
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / upem
    }
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Body text.
    Regular,
    /// Headings and the title.
    Bold,
    /// A placeholder for an unanswered question, set in grey.
    Placeholder,
}

/// Something placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Text whose baseline starts at (`x`, `y`).
    Text {
        /// Left edge.
        x: f32,
        /// Baseline, from the top of the page.
        y: f32,
        /// Size in points.
        size: f32,
        /// Face and colour.
        style: Style,
        /// The characters; every one has a glyph in the font.
        text: String,
    },
    /// A filled rectangle whose top-left corner is (`x`, `y`).
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge, from the top of the page.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// What is on it, in reading order.
    pub marks: Vec<Mark>,
}

/// The document set on pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The pages.
    pub pages: Vec<Page>,
    /// Characters the font lacks, printed as `?`, for the user to be told.
    pub missing_glyphs: BTreeSet<char>,
}

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 64.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 72.0;
const BODY: f32 = 10.5;
const LEADING: f32 = 1.45;
const H1: f32 = 14.0;
const H2: f32 = 11.5;
const TITLE: f32 = 22.0;
const INDENT: f32 = 16.0;
const NOTICE_PAD: f32 = 8.0;

/// One word, made of pieces that may differ in style ("[name]'s").
struct Word {
    pieces: Vec<(Style, String)>,
    width: f32,
}

struct Layouter<'f, 'a> {
    fonts: &'f Fonts<'a>,
    pages: Vec<Page>,
    y: f32,
    missing: BTreeSet<char>,
}

/// Lays `doc` out on A4 pages.
pub fn layout(doc: &Document, fonts: &Fonts<'_>) -> Laid {
    let mut l = Layouter {
        fonts,
        pages: vec![Page::default()],
        y: MARGIN_TOP,
        missing: BTreeSet::new(),
    };
    l.paragraph(&Text::plain(doc.title.clone()), Style::Bold, TITLE, MARGIN_X, 0.0);
    l.y += 4.0;
    l.paragraph(
        &Text::plain(doc.author.clone()),
        Style::Regular,
        BODY + 1.0,
        MARGIN_X,
        0.0,
    );
    l.y += 14.0;
    for section in &doc.sections {
        l.section(section, 1);
    }
    l.footers(&doc.title);
    Laid {
        width: PAGE_W,
        height: PAGE_H,
        pages: l.pages,
        missing_glyphs: l.missing,
    }
}

impl Layouter<'_, '_> {
    fn bottom(&self) -> f32 {
        PAGE_H - MARGIN_BOTTOM
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a new page unless `height` fits below the current position.
    fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    fn section(&mut self, s: &Section, level: usize) {
        let size = if level == 1 { H1 } else { H2 };
        let heading = Text::plain(format!("{}  {}", s.number, s.title));
        // A heading never ends a page: keep it with two lines of what follows.
        self.y += if level == 1 { 12.0 } else { 6.0 };
        self.ensure(size * LEADING + 2.0 * BODY * LEADING);
        self.paragraph(&heading, Style::Bold, size, MARGIN_X, 0.0);
        self.y += 3.0;
        for block in &s.blocks {
            self.block(&block.kind);
        }
        for sub in &s.subsections {
            self.section(sub, level + 1);
        }
    }

    fn block(&mut self, kind: &BlockKind) {
        let width = PAGE_W - 2.0 * MARGIN_X;
        match kind {
            BlockKind::Paragraph(t) => {
                self.paragraph(t, Style::Regular, BODY, MARGIN_X, 0.0);
                self.y += BODY * 0.6;
            }
            BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                let numbered = matches!(kind, BlockKind::Numbered(_));
                for (i, item) in items.iter().enumerate() {
                    let marker = if numbered {
                        format!("{}.", i + 1)
                    } else {
                        "\u{2022}".to_owned()
                    };
                    self.ensure(BODY * LEADING);
                    let baseline = self.y + BODY;
                    let text = self.checked(&marker, Style::Regular);
                    self.page().marks.push(Mark::Text {
                        x: MARGIN_X + 2.0,
                        y: baseline,
                        size: BODY,
                        style: Style::Regular,
                        text,
                    });
                    self.paragraph(item, Style::Regular, BODY, MARGIN_X + INDENT, 0.0);
                    self.y += BODY * 0.25;
                }
                self.y += BODY * 0.4;
            }
            BlockKind::Notice(t) => {
                let inner = width - 2.0 * NOTICE_PAD;
                let lines = self.wrap(t, Style::Regular, BODY, inner);
                let height = lines.len() as f32 * BODY * LEADING + 2.0 * NOTICE_PAD;
                self.ensure(height);
                let y = self.y;
                self.page().marks.push(Mark::Rect {
                    x: MARGIN_X,
                    y,
                    w: width,
                    h: height,
                });
                self.y += NOTICE_PAD;
                self.lines(lines, BODY, MARGIN_X + NOTICE_PAD);
                self.y += NOTICE_PAD + BODY * 0.6;
            }
        }
    }

    /// Sets `text` as wrapped lines starting at the current position.
    fn paragraph(&mut self, text: &Text, style: Style, size: f32, x: f32, extra_indent: f32) {
        let width = PAGE_W - MARGIN_X - x - extra_indent;
        let lines = self.wrap(text, style, size, width);
        self.lines(lines, size, x + extra_indent);
    }

    /// Places wrapped lines, one text mark per run of one style, so that
    /// text extracts as the words and spaces it is.
    fn lines(&mut self, lines: Vec<Vec<Word>>, size: f32, x: f32) {
        let line_height = size * LEADING;
        let space = self.fonts.width(Style::Regular, size, " ");
        for line in lines {
            self.ensure(line_height);
            let baseline = self.y + size;
            let mut cx = x;
            let mut run: Option<(Style, String, f32)> = None;
            for (wi, word) in line.into_iter().enumerate() {
                for (pi, (style, piece)) in word.pieces.into_iter().enumerate() {
                    let gap = wi > 0 && pi == 0;
                    match &mut run {
                        Some((s, text, _)) if *s == style => {
                            if gap {
                                text.push(' ');
                            }
                            text.push_str(&piece);
                        }
                        _ => {
                            if let Some((s, text, rx)) = run.take() {
                                self.page().marks.push(Mark::Text {
                                    x: rx,
                                    y: baseline,
                                    size,
                                    style: s,
                                    text,
                                });
                            }
                            let start = if gap { cx + space } else { cx };
                            run = Some((style, piece.clone(), start));
                        }
                    }
                    if gap {
                        cx += space;
                    }
                    cx += self.fonts.width(style, size, &piece);
                }
            }
            if let Some((style, text, rx)) = run {
                self.page().marks.push(Mark::Text {
                    x: rx,
                    y: baseline,
                    size,
                    style,
                    text,
                });
            }
            self.y += line_height;
        }
    }

    /// Replaces characters the font lacks with `?`, remembering them.
    fn checked(&mut self, s: &str, style: Style) -> String {
        s.chars()
            .map(|c| {
                if self.fonts.has_glyph(style, c) {
                    c
                } else {
                    self.missing.insert(c);
                    '?'
                }
            })
            .collect()
    }

    /// Breaks `text` into lines no wider than `width`, greedily.
    fn wrap(&mut self, text: &Text, base: Style, size: f32, width: f32) -> Vec<Vec<Word>> {
        let words = self.words(text, base, size);
        let space = self.fonts.width(Style::Regular, size, " ");
        let mut lines: Vec<Vec<Word>> = Vec::new();
        let mut line: Vec<Word> = Vec::new();
        let mut used = 0.0;
        for word in words {
            for word in self.split_long(word, size, width) {
                let needed = if line.is_empty() {
                    word.width
                } else {
                    used + space + word.width
                };
                if needed > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = word.width;
                } else {
                    used = needed;
                }
                line.push(word);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    fn words(&mut self, text: &Text, base: Style, size: f32) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut joined = false;
        for run in &text.0 {
            let (style, s) = match run {
                Run::Plain(s) => (base, s.clone()),
                Run::Missing { label, .. } => (Style::Placeholder, format!("[{label}]")),
            };
            let s = self.checked(&s, style);
            let starts_with_space = s.starts_with(char::is_whitespace);
            for (i, part) in s.split_whitespace().enumerate() {
                let w = self.fonts.width(style, size, part);
                match words.last_mut() {
                    Some(last) if i == 0 && joined && !starts_with_space => {
                        last.pieces.push((style, part.to_owned()));
                        last.width += w;
                    }
                    _ => words.push(Word {
                        pieces: vec![(style, part.to_owned())],
                        width: w,
                    }),
                }
            }
            joined = !s.ends_with(char::is_whitespace) && !s.is_empty();
        }
        words
    }

    /// Breaks a word wider than the line into pieces that fit.
    fn split_long(&self, word: Word, size: f32, width: f32) -> Vec<Word> {
        if word.width <= width {
            return vec![word];
        }
        let mut out = Vec::new();
        let mut current = Word {
            pieces: Vec::new(),
            width: 0.0,
        };
        for (style, piece) in word.pieces {
            let mut chunk = String::new();
            for c in piece.chars() {
                let w = self.fonts.width(style, size, c.encode_utf8(&mut [0; 4]));
                if current.width + w > width && (current.width > 0.0 || !chunk.is_empty()) {
                    if !chunk.is_empty() {
                        current.pieces.push((style, std::mem::take(&mut chunk)));
                    }
                    out.push(std::mem::replace(
                        &mut current,
                        Word {
                            pieces: Vec::new(),
                            width: 0.0,
                        },
                    ));
                }
                chunk.push(c);
                current.width += w;
            }
            if !chunk.is_empty() {
                current.pieces.push((style, chunk));
            }
        }
        if !current.pieces.is_empty() {
            out.push(current);
        }
        out
    }

    /// "Page X of Y" and the title at the foot of every page.
    fn footers(&mut self, title: &str) {
        let total = self.pages.len();
        let size = 8.5;
        let title = self.checked(title, Style::Regular);
        let y = PAGE_H - MARGIN_BOTTOM / 2.0;
        // The title gives way to the page label: cut it, with an ellipsis,
        // to the width left of the widest label.
        let widest = self
            .fonts
            .width(Style::Regular, size, &format!("Page {total} of {total}"));
        let room = PAGE_W - 2.0 * MARGIN_X - widest - 12.0;
        let mut title = title;
        if self.fonts.width(Style::Regular, size, &title) > room {
            // Keep the longest start that fits with the ellipsis. Widths add
            // up character by character, so one pass finds it (measuring
            // each shorter candidate whole took minutes for a pasted title).
            let room = room - self.fonts.width(Style::Regular, size, "\u{2026}");
            let mut used = 0.0;
            let mut fits = 0;
            for (at, c) in title.char_indices() {
                used += self.fonts.width(Style::Regular, size, c.encode_utf8(&mut [0; 4]));
                if used > room {
                    break;
                }
                fits = at + c.len_utf8();
            }
            title = format!("{}\u{2026}", title[..fits].trim_end());
        }
        for (i, page) in self.pages.iter_mut().enumerate() {
            let label = format!("Page {} of {}", i + 1, total);
            let w = self.fonts.width(Style::Regular, size, &label);
            page.marks.push(Mark::Text {
                x: MARGIN_X,
                y,
                size,
                style: Style::Regular,
                text: title.clone(),
            });
            page.marks.push(Mark::Text {
                x: PAGE_W - MARGIN_X - w,
                y,
                size,
                style: Style::Regular,
                text: label,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::document::Document;

    #[test]
    fn a_pasted_title_is_cut_to_fit_the_footer_quickly() {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        let doc = Document {
            title: "Riverbend Health Centre ".repeat(4_000),
            author: String::new(),
            sections: vec![],
            problems: vec![],
        };
        let started = std::time::Instant::now();
        let laid = layout(&doc, &fonts);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        let footer = laid.pages[0].marks.iter().rev().find_map(|m| match m {
            Mark::Text { text, y, .. } if *y > PAGE_H - MARGIN_BOTTOM && text.starts_with("Riverbend") => Some(text),
            _ => None,
        });
        let footer = footer.expect("the footer shows the title");
        let kept = footer
            .strip_suffix('\u{2026}')
            .expect("the cut title ends with an ellipsis");
        assert!(doc.title.starts_with(kept));
        let label = fonts.width(Style::Regular, 8.5, "Page 1 of 1");
        let room = PAGE_W - 2.0 * MARGIN_X - label - 12.0;
        assert!(fonts.width(Style::Regular, 8.5, footer) <= room, "{footer}");
        // It is the longest start that fits: ten more characters would not.
        let longer: String = doc.title.chars().take(kept.chars().count() + 10).collect();
        assert!(fonts.width(Style::Regular, 8.5, &format!("{longer}\u{2026}")) > room);
    }
}
