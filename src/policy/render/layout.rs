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

use std::collections::BTreeSet;

pub use super::fonts::{FontError, Fonts, BOLD, REGULAR};
use super::furniture::Spacing;
pub use super::page::{Anchor, Laid, Mark, Page, Part, Style};
use super::page::{BODY, CONTENT_W, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W, TITLE};
use super::paginate::Pager;
use super::structure::{Role, Structure};
use super::typeset::{Flow, Kind, Typesetter};
use crate::policy::document::{Document, DocumentKind, Text};

/// Lays `doc` out on A4 pages, with a cover and contents when it has a
/// cover (see [`DocumentKind::of`]).
pub fn layout(doc: &Document, fonts: &Fonts<'_>) -> Laid {
    layout_as(doc, fonts, DocumentKind::of(doc))
}

/// Lays `doc` out on A4 pages as a `kind`.
pub fn layout_as(doc: &Document, fonts: &Fonts<'_>, kind: DocumentKind) -> Laid {
    let set = set(doc, fonts, kind, 0);
    let total = set.pages.len();
    set.finish(doc, kind, Numbering { first: 0, total })
}

/// Lays out two versions of one document (the same answers filled in two
/// languages) one after the other on the same pages: each complete with
/// its cover and contents, as a `kind`, its structure a `Part` in its own
/// language, the page numbers running through both.
///
/// The versions are laid out as they would be alone and then joined,
/// rather than the Document model learning about languages: a second
/// version is a whole document, and every exporter that can hold two
/// (the PDF, the web page) takes two finished Documents the same way.
pub fn layout_bilingual(docs: [&Document; 2], fonts: &Fonts<'_>, kind: DocumentKind) -> Laid {
    let first = set(docs[0], fonts, kind, 0);
    let offset = first.pages.len();
    let second = set(docs[1], fonts, kind, offset);
    let total = offset + second.pages.len();
    let first = first.finish(docs[0], kind, Numbering { first: 0, total });
    let second = second.finish(docs[1], kind, Numbering { first: offset, total });
    let mut joined = Laid {
        width: first.width,
        height: first.height,
        pages: Vec::with_capacity(total),
        anchors: Vec::new(),
        missing_glyphs: BTreeSet::new(),
        structure: Structure::new(),
        parts: Vec::new(),
    };
    for (doc, part) in docs.into_iter().zip([first, second]) {
        // Each version's bookmark is named in its own language.
        let label = crate::policy::render::labels::Labels::of(&doc.language).version_name;
        joined.append(part, &doc.language, label);
    }
    joined
}

/// Where a part's pages sit among all the pages: the page numbers its
/// footers and contents print.
#[derive(Debug, Clone, Copy)]
struct Numbering {
    /// The index of its first page among all the pages.
    first: usize,
    /// How many pages there are in all.
    total: usize,
}

/// A document set on pages, without its running header and footers yet
/// (they need the number of pages of every part).
struct Set<'f, 'a> {
    t: Typesetter<'f, 'a>,
    pages: Vec<Page>,
    anchors: Vec<Anchor>,
    /// How many of the root's children are the body's.
    body_elements: usize,
}

impl Set<'_, '_> {
    /// Adds the running header and the footers, and finishes the text and
    /// the structure.
    fn finish(self, doc: &Document, kind: DocumentKind, numbering: Numbering) -> Laid {
        let Set {
            mut t,
            mut pages,
            anchors,
            body_elements,
        } = self;
        match kind {
            DocumentKind::Policy => t.furniture(&mut pages, doc, numbering.first, numbering.total),
            DocumentKind::QuickReference | DocumentKind::Note => {
                t.sheet_footer(&mut pages, doc, numbering.first, numbering.total)
            }
        }
        t.space_marks(&mut pages);
        let front = t.structure.elements[Structure::ROOT].children.len() - body_elements;
        t.structure.move_last_to_front(front);
        Laid {
            width: PAGE_W,
            height: PAGE_H,
            pages,
            anchors,
            missing_glyphs: t.missing,
            structure: t.structure,
            parts: Vec::new(),
        }
    }
}

/// Sets `doc` on pages as a `kind`, the first of them numbered
/// `first_page + 1` in the contents.
fn set<'f, 'a>(doc: &Document, fonts: &'f Fonts<'a>, kind: DocumentKind, first_page: usize) -> Set<'f, 'a> {
    let mut t = Typesetter {
        fonts,
        labels: crate::policy::render::labels::Labels::of(&doc.language),
        missing: BTreeSet::new(),
        structure: Structure::new(),
    };
    let mut anchors = Vec::new();
    let mut flow = Vec::new();
    for section in &doc.sections {
        t.section(section, 1, &mut anchors, &mut flow);
    }
    // The cover, the contents and the quick reference's head are set after
    // the body but read before it.
    let body_elements = t.structure.elements[Structure::ROOT].children.len();
    let pages = match kind {
        DocumentKind::Policy => {
            let mut pager = Pager::new(MARGIN_TOP);
            pager.pages.push(t.cover(doc));
            pager.new_page();
            // Contents that spill a few lines onto a page of their own are
            // set closer, so that no page stands mostly empty.
            let before = t.structure.elements.len();
            let (mut toc_flow, mut entries) = t.contents(&anchors, Spacing::Normal);
            let mut trial = Pager::new(MARGIN_TOP);
            trial.new_page();
            trial.run(&toc_flow);
            let mut body_follows = false;
            if trial.pages.len() > 1 && trial.filled() < 0.4 {
                t.structure.truncate(before);
                (toc_flow, entries) = t.contents(&anchors, Spacing::Tight);
                let mut trial = Pager::new(MARGIN_TOP);
                trial.new_page();
                trial.run(&toc_flow);
                // Still a few lines over: the body starts below them.
                body_follows = trial.pages.len() > 1 && trial.filled() < 0.4;
            }
            pager.run(&toc_flow);
            if body_follows {
                pager.run(&[Flow::Space(24.0)]);
            } else {
                pager.new_page();
            }
            pager.run(&flow);
            for (anchor, placed) in anchors.iter_mut().zip(&pager.placed[entries.len()..]) {
                anchor.page = placed.page;
                anchor.top = placed.first_top;
            }
            t.number_contents(&mut pager, &entries, &anchors, first_page);
            pager.pages
        }
        DocumentKind::QuickReference | DocumentKind::Note => {
            // No running header: the text starts higher.
            let mut pager = Pager::new(MARGIN_TOP - 16.0);
            pager.new_page();
            let tag = t.structure.leaf(Role::Title, Structure::ROOT);
            let title = t.block(
                &Text::plain(doc.title.clone()),
                Style::Heading,
                TITLE,
                MARGIN_X,
                CONTENT_W,
                Kind::Keep,
                tag,
            );
            let tag = t.structure.leaf(Role::Paragraph, Structure::ROOT);
            let author = t.block(
                &Text::plain(doc.author.clone()),
                Style::Muted,
                BODY + 1.0,
                MARGIN_X,
                CONTENT_W,
                Kind::Keep,
                tag,
            );
            // The version and the effective date of the policy it sums up.
            let facts: Vec<String> = [
                (t.labels.version, &doc.cover.version),
                (t.labels.effective, &doc.cover.effective_date),
            ]
            .into_iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(label, value)| format!("{label} {}", value.to_plain().trim()))
            .collect();
            let mut head = vec![title, Flow::Space(4.0), author];
            if !facts.is_empty() {
                let tag = t.structure.leaf(Role::Paragraph, Structure::ROOT);
                head.push(Flow::Space(2.0));
                head.push(t.block(
                    &Text::plain(facts.join(" \u{b7} ")),
                    Style::Muted,
                    BODY,
                    MARGIN_X,
                    CONTENT_W,
                    Kind::Keep,
                    tag,
                ));
            }
            head.push(Flow::Space(6.0));
            pager.run(&head);
            pager.run(&flow);
            for (anchor, placed) in anchors.iter_mut().zip(&pager.placed) {
                anchor.page = placed.page;
                anchor.top = placed.first_top;
            }
            pager.pages
        }
    };
    Set {
        t,
        pages,
        anchors,
        body_elements,
    }
}
