//! Layout: a [`Document`] set on A4 pages with real glyph widths.
//!
//! Pure and independent of the PDF writer: it reads font metrics with
//! `ttf-parser` and yields positioned text and shapes. Positions are in
//! points, measured from the top-left corner of the page.
//!
//! A policy gets a cover page, a table of contents, a running header and a
//! footer; the staff quick reference is a single sheet with its title on
//! top. The body is first turned into a flow of blocks of lines, then cut
//! into pages: a heading never ends a page, a paragraph never leaves one
//! line alone at the foot or the head of a page, and a notice taller than
//! the room left is split with its box drawn on each page. The table of
//! contents is set before the body (its length does not depend on the page
//! numbers, whose column is reserved) and numbered after it, so its page
//! numbers are the pages where the headings landed.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;

use ttf_parser::Face;

use crate::policy::document::{BlockKind, Document, DocumentKind, Run, Section, Text};

/// The embedded regular face (a Liberation Sans subset; see `style/fonts`).
pub const REGULAR: &[u8] = include_bytes!("../../../style/fonts/PolicySans-Regular.ttf");
/// The embedded bold face.
pub const BOLD: &[u8] = include_bytes!("../../../style/fonts/PolicySans-Bold.ttf");

/// The regular and bold faces the policy is set in, with the advance
/// widths of the characters policies use most looked up once.
pub struct Fonts<'a> {
    regular: Face<'a>,
    bold: Face<'a>,
    /// Per face (regular, bold): the advance in font units of each
    /// character that [`table_index`] maps, or [`NO_GLYPH`].
    advances: [Vec<u16>; 2],
    /// Per face: the glyph id of each character that [`table_index`]
    /// maps (0, `.notdef`, where the face lacks it).
    glyphs: [Vec<u16>; 2],
    /// Per face: units per em.
    units_per_em: [f32; 2],
}

/// Marks a character the face has no glyph for.
const NO_GLYPH: u16 = u16::MAX;

/// Where a character's advance is kept: Basic Latin to Latin Extended-A,
/// then general punctuation, the euro sign and the trade mark sign.
fn table_index(c: char) -> Option<usize> {
    match u32::from(c) {
        n @ 0..=0x17F => Some(n as usize),
        n @ 0x2000..=0x212F => Some(0x180 + (n - 0x2000) as usize),
        _ => None,
    }
}

const TABLE_LEN: usize = 0x180 + 0x130;

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
        let regular = parse(regular, "regular")?;
        let bold = parse(bold, "bold")?;
        let table = |face: &Face<'_>| -> (Vec<u16>, Vec<u16>) {
            let mut advances = vec![NO_GLYPH; TABLE_LEN];
            let mut glyphs = vec![0; TABLE_LEN];
            for n in (0..=0x17F).chain(0x2000..=0x212F) {
                if let (Some(c), Some(i)) = (char::from_u32(n), char::from_u32(n).and_then(table_index)) {
                    if let Some(g) = face.glyph_index(c) {
                        advances[i] = face.glyph_hor_advance(g).unwrap_or(0).min(NO_GLYPH - 1);
                        glyphs[i] = g.0;
                    }
                }
            }
            (advances, glyphs)
        };
        let (regular_advances, regular_glyphs) = table(&regular);
        let (bold_advances, bold_glyphs) = table(&bold);
        Ok(Self {
            advances: [regular_advances, bold_advances],
            glyphs: [regular_glyphs, bold_glyphs],
            units_per_em: [f32::from(regular.units_per_em()), f32::from(bold.units_per_em())],
            regular,
            bold,
        })
    }

    fn face_index(style: Style) -> usize {
        usize::from(style.is_bold())
    }

    fn face(&self, style: Style) -> &Face<'a> {
        if style.is_bold() {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// The advance of `c` in font units, or `None` when the face lacks it.
    fn advance(&self, style: Style, c: char) -> Option<u16> {
        match table_index(c) {
            Some(i) => Some(self.advances[Self::face_index(style)][i]).filter(|a| *a != NO_GLYPH),
            None => {
                let face = self.face(style);
                face.glyph_index(c).map(|g| face.glyph_hor_advance(g).unwrap_or(0))
            }
        }
    }

    /// The glyph id of `c` in the face used for `style` (0, `.notdef`,
    /// when the face lacks it: layout has replaced such characters).
    pub fn glyph_id(&self, style: Style, c: char) -> u16 {
        match table_index(c) {
            Some(i) => self.glyphs[Self::face_index(style)][i],
            None => self.face(style).glyph_index(c).map_or(0, |g| g.0),
        }
    }

    /// Whether the face used for `style` has a glyph for `c`.
    pub fn has_glyph(&self, style: Style, c: char) -> bool {
        self.advance(style, c).is_some()
    }

    /// Whether the face used for `style` has a glyph for every character
    /// of `text` (ASCII text is checked byte by byte, with no decoding).
    pub fn has_all(&self, style: Style, text: &str) -> bool {
        if text.is_ascii() {
            let advances = &self.advances[Self::face_index(style)];
            text.bytes().all(|b| advances[usize::from(b)] != NO_GLYPH)
        } else {
            text.chars().all(|c| self.has_glyph(style, c))
        }
    }

    /// The advance width of `text` at `size` points (a character the face
    /// lacks counts as `?`, which is printed in its place).
    pub fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let face = Self::face_index(style);
        let advances = &self.advances[face];
        let fallback = u32::from(self.advance(style, '?').unwrap_or(0));
        let of = |a: u16| if a == NO_GLYPH { fallback } else { u32::from(a) };
        // Almost all text is ASCII, whose advances are the table's first
        // entries: measured byte by byte, with no decoding.
        let units: u32 = if text.is_ascii() {
            text.bytes().map(|b| of(advances[usize::from(b)])).sum()
        } else {
            text.chars()
                .map(|c| self.advance(style, c).map_or(fallback, u32::from))
                .sum()
        };
        units as f32 * size / self.units_per_em[face]
    }
}

/// How a piece of text is set: its face and its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Body text.
    Regular,
    /// Bold body text, such as the labels on the cover.
    Bold,
    /// Headings and the title, bold in the accent colour.
    Heading,
    /// A placeholder for an unanswered question, set in grey.
    Placeholder,
    /// The running header, the footer and other secondary text, in grey.
    Muted,
}

impl Style {
    /// Whether the style uses the bold face.
    pub fn is_bold(self) -> bool {
        matches!(self, Style::Bold | Style::Heading)
    }
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
    /// A filled rectangle in the shade of notices, whose top-left corner
    /// is (`x`, `y`).
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
    /// A horizontal line from (`x`, `y`) to (`x2`, `y`).
    Rule {
        /// Left end.
        x: f32,
        /// Right end.
        x2: f32,
        /// Height on the page, from the top.
        y: f32,
        /// Line width in points.
        width: f32,
        /// Dotted (a table-of-contents leader) rather than solid.
        dotted: bool,
        /// Its colour: [`Style::Heading`] for the accent colour, otherwise grey.
        style: Style,
    },
    /// A clickable area that goes to a place in the document.
    Link {
        /// Left edge.
        x: f32,
        /// Top edge, from the top of the page.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// The page to go to, counted from 0.
        page: usize,
        /// Where on that page, from the top.
        top: f32,
    },
}

impl Mark {
    /// The mark moved down by `dy`.
    fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Mark::Text { y, .. } | Mark::Rect { y, .. } | Mark::Rule { y, .. } | Mark::Link { y, .. } => *y += dy,
        }
        self
    }
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// What is on it, in reading order.
    pub marks: Vec<Mark>,
}

/// Where a numbered heading landed: a target for the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// `"3"` or `"3.2"`.
    pub number: String,
    /// The heading text.
    pub title: String,
    /// 1 for a section, 2 for a subsection.
    pub level: usize,
    /// The page it is on, counted from 0.
    pub page: usize,
    /// The top of the heading on that page.
    pub top: f32,
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
    /// Every numbered heading in reading order, where it landed.
    pub anchors: Vec<Anchor>,
    /// Characters the font lacks, printed as `?`, for the user to be told.
    pub missing_glyphs: BTreeSet<char>,
}

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 64.0;
const MARGIN_TOP: f32 = 76.0;
const MARGIN_BOTTOM: f32 = 72.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const BODY: f32 = 10.5;
const LEADING: f32 = 1.45;
const H1: f32 = 14.0;
const H2: f32 = 11.5;
const TITLE: f32 = 22.0;
const COVER_TITLE: f32 = 30.0;
const FURNITURE: f32 = 8.5;
const INDENT: f32 = 16.0;
const NOTICE_PAD: f32 = 8.0;
const TOC_NUMBER_W: f32 = 34.0;
const TOC_PAGE_W: f32 = 36.0;

/// Lays `doc` out on A4 pages, with a cover and contents when it has a
/// cover (see [`DocumentKind::of`]).
pub fn layout(doc: &Document, fonts: &Fonts<'_>) -> Laid {
    layout_as(doc, fonts, DocumentKind::of(doc))
}

/// Lays `doc` out on A4 pages as a `kind`.
pub fn layout_as(doc: &Document, fonts: &Fonts<'_>, kind: DocumentKind) -> Laid {
    let mut t = Typesetter {
        fonts,
        missing: BTreeSet::new(),
    };
    let mut anchors = Vec::new();
    let mut flow = Vec::new();
    for section in &doc.sections {
        t.section(section, 1, &mut anchors, &mut flow);
    }
    let pages = match kind {
        DocumentKind::Policy => {
            let mut pager = Pager::new(MARGIN_TOP);
            pager.pages.push(t.cover(doc));
            pager.new_page();
            let (toc_flow, entries) = t.contents(&anchors);
            pager.run(&toc_flow);
            pager.new_page();
            pager.run(&flow);
            for (anchor, placed) in anchors.iter_mut().zip(&pager.placed[entries.len()..]) {
                anchor.page = placed.page;
                anchor.top = placed.first_top;
            }
            t.number_contents(&mut pager, &entries, &anchors);
            t.furniture(&mut pager.pages, doc);
            pager.pages
        }
        DocumentKind::QuickReference => {
            // No running header: the text starts higher.
            let mut pager = Pager::new(MARGIN_TOP - 16.0);
            pager.new_page();
            let title = t.block(
                &Text::plain(doc.title.clone()),
                Style::Heading,
                TITLE,
                MARGIN_X,
                CONTENT_W,
                Kind::Keep,
            );
            let author = t.block(
                &Text::plain(doc.author.clone()),
                Style::Muted,
                BODY + 1.0,
                MARGIN_X,
                CONTENT_W,
                Kind::Keep,
            );
            let head = vec![title, Flow::Space(4.0), author, Flow::Space(6.0)];
            pager.run(&head);
            pager.run(&flow);
            for (anchor, placed) in anchors.iter_mut().zip(&pager.placed) {
                anchor.page = placed.page;
                anchor.top = placed.first_top;
            }
            t.sheet_footer(&mut pager.pages, doc);
            pager.pages
        }
    };
    Laid {
        width: PAGE_W,
        height: PAGE_H,
        pages,
        anchors,
        missing_glyphs: t.missing,
    }
}

/// How a block of lines may be cut between pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
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
struct Lines {
    lines: Vec<Vec<Mark>>,
    height: f32,
    kind: Kind,
    /// Record where this block landed (headings and contents entries).
    tagged: bool,
    /// Stay on the page of what follows, like a heading, when too short
    /// to be cut (a paragraph that introduces a list: "They cover:").
    keep_with_next: bool,
}

impl Lines {
    fn pad(&self) -> f32 {
        if self.kind == Kind::Notice {
            NOTICE_PAD
        } else {
            0.0
        }
    }

    /// Whether the block goes to the next page with what follows it.
    fn keeps_with_next(&self) -> bool {
        self.kind == Kind::Heading || (self.keep_with_next && self.least() >= self.total())
    }

    fn splits(&self) -> bool {
        matches!(self.kind, Kind::Lines | Kind::Notice)
    }

    fn total(&self) -> f32 {
        self.lines.len() as f32 * self.height + 2.0 * self.pad()
    }

    /// The least of this block that may stand at the foot of a page: all of
    /// it, or two lines of a block that may be cut after them.
    fn least(&self) -> f32 {
        let n = self.lines.len();
        if self.splits() && n >= 4 {
            2.0 * self.height + 2.0 * self.pad()
        } else {
            self.total()
        }
    }
}

#[derive(Debug, Clone)]
enum Flow {
    /// Vertical space; dropped at the top of a page.
    Space(f32),
    /// Lines of text.
    Lines(Lines),
}

/// Where a tagged block landed.
#[derive(Debug, Clone, Copy)]
struct Placed {
    page: usize,
    first_top: f32,
    last_top: f32,
    /// How many marks the page held once the block was placed.
    end: usize,
}

/// Cuts a flow into pages.
struct Pager {
    /// Where text starts on a page.
    top: f32,
    pages: Vec<Page>,
    y: f32,
    /// Nothing has been placed on the current page yet.
    at_top: bool,
    placed: Vec<Placed>,
}

impl Pager {
    fn new(top: f32) -> Self {
        Self {
            top,
            pages: Vec::new(),
            y: top,
            at_top: true,
            placed: Vec::new(),
        }
    }

    fn bottom(&self) -> f32 {
        PAGE_H - MARGIN_BOTTOM
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top;
        self.at_top = true;
    }

    fn marks(&mut self) -> &mut Vec<Mark> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].marks
    }

    /// What must fit below a heading at `i`: the headings and spaces that
    /// follow it and the least of the first block of text.
    fn lead(flow: &[Flow], i: usize) -> f32 {
        let mut need = 0.0;
        for item in &flow[i + 1..] {
            match item {
                Flow::Space(h) => need += h,
                Flow::Lines(l) if l.keeps_with_next() => need += l.total(),
                Flow::Lines(l) => return need + l.least(),
            }
        }
        need
    }

    fn run(&mut self, flow: &[Flow]) {
        for (i, item) in flow.iter().enumerate() {
            match item {
                Flow::Space(h) => {
                    if !self.at_top {
                        self.y += h;
                    }
                }
                Flow::Lines(block) => {
                    let need = if block.keeps_with_next() {
                        block.total() + Self::lead(flow, i)
                    } else {
                        block.least()
                    };
                    if self.y + need > self.bottom() && !self.at_top {
                        self.new_page();
                    }
                    self.place(block);
                }
            }
        }
    }

    /// Places a block from the current position, cutting it between pages
    /// where it may be cut.
    fn place(&mut self, block: &Lines) {
        let pad = block.pad();
        let mut rest = &block.lines[..];
        let mut first: Option<(usize, f32)> = None;
        while !rest.is_empty() {
            let room = ((self.bottom() - self.y - 2.0 * pad) / block.height + 1e-3)
                .floor()
                .max(0.0) as usize;
            let n = rest.len();
            let take = if room >= n {
                n
            } else if block.splits() {
                // Two lines at least before the cut, and two after it.
                let k = room.min(n.saturating_sub(2));
                if k >= 2 {
                    k
                } else if self.at_top {
                    room.max(1)
                } else {
                    0
                }
            } else if self.at_top {
                // Taller than a page and never to be cut: cut it anyway.
                room.max(1)
            } else {
                0
            };
            if take == 0 {
                self.new_page();
                continue;
            }
            let page = self.pages.len().saturating_sub(1);
            let top = self.y;
            let start = self.marks().len();
            self.y += pad;
            for line in &rest[..take] {
                let y = self.y;
                first.get_or_insert((page, y));
                let marks = self.marks();
                marks.extend(line.iter().cloned().map(|m| m.shifted(y)));
                self.y += block.height;
            }
            self.y += pad;
            if block.kind == Kind::Notice {
                let shade = Mark::Rect {
                    x: MARGIN_X,
                    y: top,
                    w: CONTENT_W,
                    h: self.y - top,
                };
                self.marks().insert(start, shade);
            }
            self.at_top = false;
            rest = &rest[take..];
            if !rest.is_empty() {
                self.new_page();
            }
        }
        if block.tagged {
            let (page, first_top) = first.unwrap_or((self.pages.len().saturating_sub(1), self.y));
            let end = self.marks().len();
            self.placed.push(Placed {
                page,
                first_top,
                last_top: self.y - pad - block.height,
                end,
            });
        }
    }
}

/// Part of a word in one style: a slice of the block's checked text.
#[derive(Debug, Clone, Copy)]
struct Piece<'t> {
    style: Style,
    text: &'t str,
    /// Its advance width, measured whole.
    width: f32,
}

/// A word: the pieces `start..end` of its block, and its width.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: f32,
}

/// A block's text cut into words, no word wider than the line (a longer
/// one is split between characters). The pieces borrow the checked text,
/// so that no word is allocated on its own.
struct Words<'t> {
    pieces: Vec<Piece<'t>>,
    words: Vec<Word>,
}

/// A contents entry waiting for its page number.
struct Entry {
    /// Right end of the entry's title on its last line.
    end: f32,
    size: f32,
    style: Style,
}

/// Turns text into lines of marks.
struct Typesetter<'f, 'a> {
    fonts: &'f Fonts<'a>,
    missing: BTreeSet<char>,
}

impl Typesetter<'_, '_> {
    fn section(&mut self, s: &Section, level: usize, anchors: &mut Vec<Anchor>, flow: &mut Vec<Flow>) {
        let size = if level == 1 { H1 } else { H2 };
        flow.push(Flow::Space(if level == 1 { 14.0 } else { 7.0 }));
        let mut heading = self.block(
            &Text::plain(format!("{}  {}", s.number, s.title)),
            Style::Heading,
            size,
            MARGIN_X,
            CONTENT_W,
            Kind::Heading,
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

    fn body_block(&mut self, kind: &BlockKind, flow: &mut Vec<Flow>) {
        match kind {
            BlockKind::Paragraph(t) => {
                flow.push(self.block(t, Style::Regular, BODY, MARGIN_X, CONTENT_W, Kind::Lines));
                flow.push(Flow::Space(BODY * 0.6));
            }
            BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                let numbered = matches!(kind, BlockKind::Numbered(_));
                for (i, item) in items.iter().enumerate() {
                    let marker = if numbered {
                        format!("{}.", i + 1)
                    } else {
                        "\u{2022}".to_owned()
                    };
                    let mut block = self.block(
                        item,
                        Style::Regular,
                        BODY,
                        MARGIN_X + INDENT,
                        CONTENT_W - INDENT,
                        Kind::Lines,
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
                flow.push(self.block(
                    t,
                    Style::Regular,
                    BODY,
                    MARGIN_X + NOTICE_PAD,
                    CONTENT_W - 2.0 * NOTICE_PAD,
                    Kind::Notice,
                ));
                flow.push(Flow::Space(BODY * 0.8));
            }
        }
    }

    /// `text` wrapped to `width` from `x`, as a block of lines.
    fn block(&mut self, text: &Text, style: Style, size: f32, x: f32, width: f32, kind: Kind) -> Flow {
        Flow::Lines(Lines {
            lines: self
                .set_lines(text, style, size, x, width)
                .into_iter()
                .map(|(marks, _)| marks)
                .collect(),
            height: size * LEADING,
            kind,
            tagged: false,
            keep_with_next: false,
        })
    }

    /// `text` wrapped to `width` from `x`: each line's marks and its
    /// right end.
    fn set_lines(&mut self, text: &Text, base: Style, size: f32, x: f32, width: f32) -> Vec<(Vec<Mark>, f32)> {
        let runs = self.checked_runs(text, base);
        let words = self.words(&runs, size, width);
        self.wrap(&words.words, size, width)
            .into_iter()
            .map(|line| self.line_marks(&words.pieces, &words.words[line], size, x))
            .collect()
    }

    /// The marks of one line, one text mark per run of one style, so that
    /// text extracts as the words and spaces it is; and the line's right end.
    fn line_marks(&self, pieces: &[Piece<'_>], line: &[Word], size: f32, x: f32) -> (Vec<Mark>, f32) {
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
            });
        }
        (marks, cx)
    }

    /// Replaces characters the font lacks with `?`, remembering them.
    fn checked<'s>(&mut self, s: &'s str, style: Style) -> Cow<'s, str> {
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
    fn checked_runs<'t>(&mut self, text: &'t Text, base: Style) -> Vec<(Style, Cow<'t, str>)> {
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
    fn wrap(&self, words: &[Word], size: f32, width: f32) -> Vec<Range<usize>> {
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
    fn words<'t>(&self, runs: &'t [(Style, Cow<'_, str>)], size: f32, width: f32) -> Words<'t> {
        let mut out = Words {
            pieces: Vec::new(),
            words: Vec::new(),
        };
        let mut joined = false;
        for (style, s) in runs {
            let style = *style;
            let s: &'t str = s;
            let starts_with_space = s.starts_with(char::is_whitespace);
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
                s.split_whitespace().enumerate().for_each(|(i, part)| add(i, part));
            }
            joined = !s.ends_with(char::is_whitespace) && !s.is_empty();
        }
        if out.words.iter().any(|w| w.width > width) {
            out = self.split_long(&out, size, width);
        }
        out
    }

    /// The words again, each one wider than `width` broken between
    /// characters into words that fit.
    fn split_long<'t>(&self, words: &Words<'t>, size: f32, width: f32) -> Words<'t> {
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
    fn piece<'t>(&self, style: Style, text: &'t str, size: f32) -> Piece<'t> {
        Piece {
            style,
            text,
            width: self.fonts.width(style, size, text),
        }
    }

    /// Text cut with an ellipsis to at most `room` points wide.
    fn fitted(&mut self, text: &str, style: Style, size: f32, room: f32) -> String {
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

    /// The cover page: organization, title, and a table of the version,
    /// effective date, owner and approval status.
    fn cover(&mut self, doc: &Document) -> Page {
        let mut marks = Vec::new();
        let cover = &doc.cover;
        // A heavy rule in the accent colour opens the page.
        marks.push(Mark::Rule {
            x: MARGIN_X,
            x2: MARGIN_X + 72.0,
            y: 150.0,
            width: 4.0,
            dotted: false,
            style: Style::Heading,
        });
        let mut y = 190.0;
        for (text, style, size, after) in [
            (&cover.organization, Style::Muted, 13.0, 14.0),
            (&Text::plain(doc.title.clone()), Style::Heading, COVER_TITLE, 0.0),
        ] {
            if let Flow::Lines(l) = self.block(text, style, size, MARGIN_X, CONTENT_W, Kind::Keep) {
                for line in l.lines {
                    marks.extend(line.into_iter().map(|m| m.shifted(y)));
                    y += l.height;
                }
            }
            y += after;
        }
        // The facts, as a two-column table near the foot of the page.
        let approval = Text::plain(cover.approval.label());
        let rows: Vec<(&str, &Text)> = [
            ("Version", &cover.version),
            ("Effective date", &cover.effective_date),
            ("Next review", &cover.next_review),
            ("Policy owner", &cover.owner),
            ("Approval status", &approval),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .collect();
        let label_w = 110.0;
        let mut blocks = Vec::new();
        for (label, value) in rows {
            let label = self.block(
                &Text::plain(label),
                Style::Bold,
                BODY + 0.5,
                MARGIN_X,
                label_w,
                Kind::Keep,
            );
            let value = self.block(
                value,
                Style::Regular,
                BODY + 0.5,
                MARGIN_X + label_w,
                CONTENT_W - label_w,
                Kind::Keep,
            );
            blocks.push((label, value));
        }
        let row_h = (BODY + 0.5) * LEADING;
        let gap = 6.0;
        let lines_in = |f: &Flow| match f {
            Flow::Lines(l) => l.lines.len(),
            Flow::Space(_) => 0,
        };
        let table_h: f32 = blocks
            .iter()
            .map(|(l, v)| lines_in(l).max(lines_in(v)) as f32 * row_h + gap)
            .sum();
        let mut y = (PAGE_H - MARGIN_BOTTOM - 40.0 - table_h).max(y + 40.0);
        marks.push(Mark::Rule {
            x: MARGIN_X,
            x2: PAGE_W - MARGIN_X,
            y: y - 10.0,
            width: 0.6,
            dotted: false,
            style: Style::Muted,
        });
        for (label, value) in blocks {
            let rows = lines_in(&label).max(lines_in(&value));
            for flow in [label, value] {
                if let Flow::Lines(l) = flow {
                    for (i, line) in l.lines.into_iter().enumerate() {
                        let dy = y + i as f32 * row_h;
                        marks.extend(line.into_iter().map(|m| m.shifted(dy)));
                    }
                }
            }
            y += rows as f32 * row_h + gap;
        }
        Page { marks }
    }

    /// The contents page(s): a heading and one entry a numbered heading.
    /// Returns the flow and, for each entry, what numbering it needs.
    fn contents(&mut self, anchors: &[Anchor]) -> (Vec<Flow>, Vec<Entry>) {
        let mut flow = vec![self.block(
            &Text::plain("Contents"),
            Style::Heading,
            TITLE - 4.0,
            MARGIN_X,
            CONTENT_W,
            Kind::Keep,
        )];
        flow.push(Flow::Space(10.0));
        let mut entries = Vec::new();
        for a in anchors {
            let (style, size, indent) = if a.level == 1 {
                (Style::Bold, BODY + 0.5, 0.0)
            } else {
                (Style::Regular, BODY, TOC_NUMBER_W * 0.5)
            };
            if a.level == 1 {
                flow.push(Flow::Space(5.0));
            }
            let x = MARGIN_X + indent;
            let title_x = x + TOC_NUMBER_W;
            let width = CONTENT_W - indent - TOC_NUMBER_W - TOC_PAGE_W;
            let number = self.checked(&a.number, style).into_owned();
            let wrapped = self.set_lines(&Text::plain(a.title.clone()), style, size, title_x, width);
            let mut lines = Vec::new();
            let mut end = title_x;
            for (i, (mut marks, right)) in wrapped.into_iter().enumerate() {
                if i == 0 {
                    marks.insert(
                        0,
                        Mark::Text {
                            x,
                            y: size,
                            size,
                            style,
                            text: number.clone(),
                        },
                    );
                }
                end = right;
                lines.push(marks);
            }
            flow.push(Flow::Lines(Lines {
                lines,
                height: size * 1.5,
                kind: Kind::Keep,
                tagged: true,
                keep_with_next: false,
            }));
            entries.push(Entry { end, size, style });
        }
        (flow, entries)
    }

    /// Adds to each contents entry the page its heading landed on, a dotted
    /// leader, and a link to the heading. Each goes right after its entry's
    /// text, so that the text extracts in reading order.
    fn number_contents(&mut self, pager: &mut Pager, entries: &[Entry], anchors: &[Anchor]) {
        let numbered: Vec<_> = entries.iter().zip(&pager.placed).zip(anchors).collect();
        // From the last entry back, so that the places recorded for the
        // earlier entries of a page stay right.
        for ((entry, placed), anchor) in numbered.into_iter().rev() {
            let label = (anchor.page + 1).to_string();
            let w = self.fonts.width(entry.style, entry.size, &label);
            let right = PAGE_W - MARGIN_X;
            let baseline = placed.last_top + entry.size;
            let mut marks = Vec::new();
            if right - w - 8.0 > entry.end + 8.0 {
                marks.push(Mark::Rule {
                    x: entry.end + 6.0,
                    x2: right - w - 6.0,
                    y: baseline - 0.5,
                    width: 0.8,
                    dotted: true,
                    style: Style::Muted,
                });
            }
            marks.push(Mark::Text {
                x: right - w,
                y: baseline,
                size: entry.size,
                style: entry.style,
                text: label,
            });
            marks.push(Mark::Link {
                x: MARGIN_X,
                y: placed.first_top,
                w: CONTENT_W,
                h: placed.last_top - placed.first_top + entry.size * 1.5,
                page: anchor.page,
                top: anchor.top,
            });
            if let Some(page) = pager.pages.get_mut(placed.page) {
                let at = placed.end.min(page.marks.len());
                page.marks.splice(at..at, marks);
            }
        }
    }

    /// The running header (short name and title) and the footer (version
    /// and "Page X of Y") on every page but the cover.
    fn furniture(&mut self, pages: &mut [Page], doc: &Document) {
        let total = pages.len();
        let short = doc.cover.short_name.to_plain();
        let short = if short.trim().is_empty() {
            doc.author.clone()
        } else {
            short
        };
        let version = doc.cover.version.to_plain();
        let version = if version.trim().is_empty() {
            String::new()
        } else {
            format!("Version {}", version.trim())
        };
        let header_y = MARGIN_TOP - 30.0;
        // Both in full when they fit; otherwise the short name keeps at
        // least half the width and the title is cut to the rest.
        let room = CONTENT_W - 24.0;
        let width = |t: &Self, s: &str| t.fonts.width(Style::Muted, FURNITURE, s);
        let short_room = (room - width(self, &doc.title)).max(room / 2.0);
        let short = self.fitted(&short, Style::Muted, FURNITURE, short_room);
        let title = self.fitted(&doc.title, Style::Muted, FURNITURE, room - width(self, &short));
        let title_w = width(self, &title);
        let version = self.fitted(&version, Style::Muted, FURNITURE, room / 2.0);
        for (i, page) in pages.iter_mut().enumerate().skip(1) {
            let header = [
                Mark::Text {
                    x: MARGIN_X,
                    y: header_y,
                    size: FURNITURE,
                    style: Style::Muted,
                    text: short.clone(),
                },
                Mark::Text {
                    x: PAGE_W - MARGIN_X - title_w,
                    y: header_y,
                    size: FURNITURE,
                    style: Style::Muted,
                    text: title.clone(),
                },
                Mark::Rule {
                    x: MARGIN_X,
                    x2: PAGE_W - MARGIN_X,
                    y: header_y + 6.0,
                    width: 0.5,
                    dotted: false,
                    style: Style::Muted,
                },
            ];
            page.marks.splice(0..0, header);
            self.footer(page, &version, i, total);
        }
    }

    /// A page's footer: `left` at the left margin (when there is one) and
    /// "Page X of Y" at the right.
    fn footer(&self, page: &mut Page, left: &str, index: usize, total: usize) {
        let y = PAGE_H - MARGIN_BOTTOM / 2.0;
        if !left.is_empty() {
            page.marks.push(Mark::Text {
                x: MARGIN_X,
                y,
                size: FURNITURE,
                style: Style::Muted,
                text: left.to_owned(),
            });
        }
        let label = format!("Page {} of {}", index + 1, total);
        let w = self.fonts.width(Style::Muted, FURNITURE, &label);
        page.marks.push(Mark::Text {
            x: PAGE_W - MARGIN_X - w,
            y,
            size: FURNITURE,
            style: Style::Muted,
            text: label,
        });
    }

    /// The quick reference's footer: the organization and "Page X of Y".
    fn sheet_footer(&mut self, pages: &mut [Page], doc: &Document) {
        let total = pages.len();
        let widest = self
            .fonts
            .width(Style::Muted, FURNITURE, &format!("Page {total} of {total}"));
        let author = self.fitted(&doc.author, Style::Muted, FURNITURE, CONTENT_W - widest - 12.0);
        for (i, page) in pages.iter_mut().enumerate() {
            self.footer(page, &author, i, total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::document::Document;

    #[test]
    fn a_text_is_as_wide_as_its_characters_and_a_missing_one_as_wide_as_a_question_mark() {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        for style in [Style::Regular, Style::Bold] {
            let each = |s: &str| -> f32 { s.chars().map(|c| fonts.width(style, 12.0, &c.to_string())).sum() };
            for text in [
                "Policy, 2.1 (draft)",
                "Saint-\u{c9}loi \u{2013} \u{201c}caf\u{e9}\u{201d}",
            ] {
                assert!((fonts.width(style, 12.0, text) - each(text)).abs() < 1e-3, "{text}");
            }
            assert!(fonts.width(style, 12.0, "W") > fonts.width(style, 12.0, "i"));
            // U+4E00 is not in the fonts, in ASCII text or not.
            assert_eq!(fonts.width(style, 12.0, "\u{4e00}"), fonts.width(style, 12.0, "?"));
            assert_eq!(fonts.width(style, 12.0, "a\u{4e00}"), fonts.width(style, 12.0, "a?"));
        }
    }

    #[test]
    fn a_pasted_title_is_cut_to_fit_the_running_header_quickly() {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        let doc = Document {
            cover: Default::default(),
            title: "Riverbend Health Centre ".repeat(4_000),
            author: String::new(),
            sections: vec![crate::policy::document::Section {
                id: "purpose".into(),
                number: "1".into(),
                title: "Purpose".into(),
                blocks: vec![],
                subsections: vec![],
            }],
            problems: vec![],
        };
        let started = std::time::Instant::now();
        let laid = layout_as(&doc, &fonts, DocumentKind::Policy);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        let header = laid.pages.iter().flat_map(|p| &p.marks).find_map(|m| match m {
            Mark::Text { text, y, .. } if *y < MARGIN_TOP && text.starts_with("Riverbend") => Some(text),
            _ => None,
        });
        let header = header.expect("the running header shows the title");
        let kept = header
            .strip_suffix('\u{2026}')
            .expect("the cut title ends with an ellipsis");
        assert!(doc.title.starts_with(kept));
        let room = CONTENT_W - 24.0;
        assert!(fonts.width(Style::Muted, FURNITURE, header) <= room, "{header}");
        // It is the longest start that fits: ten more characters would not.
        let longer: String = doc.title.chars().take(kept.chars().count() + 10).collect();
        assert!(fonts.width(Style::Muted, FURNITURE, &format!("{longer}\u{2026}")) > room);
    }

    /// The text marks of `runs` set as one paragraph: (line, x, style, text).
    fn set(runs: Vec<Run>) -> Vec<(usize, f32, Style, String)> {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        let mut t = Typesetter {
            fonts: &fonts,
            missing: BTreeSet::new(),
        };
        let lines = t.set_lines(&Text(runs), Style::Regular, BODY, MARGIN_X, CONTENT_W);
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
