//! The page model: what layout yields (pages of positioned marks, the
//! anchors of the headings) and the geometry of an A4 page.
//!
//! Positions are in points, measured from the top-left corner of the page.

use std::collections::BTreeSet;
use std::ops::Range;

use super::structure::{Structure, Tag};

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
        /// The structure element it belongs to, or that it is an artifact.
        tag: Tag,
    },
    /// A filled rectangle in the shade of notices, whose top-left corner
    /// is (`x`, `y`); an artifact, like a rule.
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
        /// The [`Role::Link`](super::structure::Role::Link) element the
        /// link belongs to.
        element: usize,
    },
}

impl Mark {
    /// The mark moved down by `dy`.
    pub(super) fn shifted(mut self, dy: f32) -> Self {
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
    /// The logical structure the marks' tags point into.
    pub structure: Structure,
    /// For a document holding several versions (a bilingual policy), each
    /// version in order; empty for a document of one.
    pub parts: Vec<Part>,
}

/// One version of a document that holds several.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Its language, a BCP 47 tag.
    pub language: String,
    /// What its outline item says, in its own language.
    pub label: String,
    /// Its first page (its cover), counted from 0.
    pub page: usize,
    /// Its headings: a range of [`Laid::anchors`].
    pub anchors: Range<usize>,
}

impl Laid {
    /// Appends `other`'s pages after these, its structure as a
    /// [`Role::Part`](super::structure::Role::Part) in `language` (see
    /// [`Structure::graft`]), its headings after these with their pages
    /// moved, and notes the part in [`Laid::parts`]. Page numbers printed
    /// on `other`'s pages are left as they are: lay it out numbered from
    /// where it will land.
    pub fn append(&mut self, other: Laid, language: &str, label: &str) {
        let pages = self.pages.len();
        let first_anchor = self.anchors.len();
        let shift = self.structure.graft(other.structure, language);
        for mut page in other.pages {
            for mark in &mut page.marks {
                match mark {
                    Mark::Text {
                        tag: Tag::Element(e), ..
                    } => *e += shift,
                    Mark::Link { page, element, .. } => {
                        *page += pages;
                        *element += shift;
                    }
                    _ => {}
                }
            }
            self.pages.push(page);
        }
        self.anchors.extend(other.anchors.into_iter().map(|mut a| {
            a.page += pages;
            a
        }));
        self.missing_glyphs.extend(other.missing_glyphs);
        self.parts.push(Part {
            language: language.to_owned(),
            label: label.to_owned(),
            page: pages,
            anchors: first_anchor..self.anchors.len(),
        });
    }
}

/// A4 in points.
pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
pub(super) const MARGIN_X: f32 = 64.0;
pub(super) const MARGIN_TOP: f32 = 76.0;
pub(super) const MARGIN_BOTTOM: f32 = 72.0;
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
pub(super) const BODY: f32 = 10.5;
pub(super) const LEADING: f32 = 1.45;
pub(super) const H1: f32 = 14.0;
pub(super) const H2: f32 = 11.5;
pub(super) const TITLE: f32 = 22.0;
pub(super) const COVER_TITLE: f32 = 30.0;
pub(super) const FURNITURE: f32 = 8.5;
pub(super) const INDENT: f32 = 16.0;
pub(super) const NOTICE_PAD: f32 = 8.0;
pub(super) const TOC_NUMBER_W: f32 = 34.0;
pub(super) const TOC_PAGE_W: f32 = 36.0;
