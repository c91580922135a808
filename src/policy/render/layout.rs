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
pub use super::page::{Anchor, Laid, Mark, Page, Style};
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
    let mut t = Typesetter {
        fonts,
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
            t.number_contents(&mut pager, &entries, &anchors);
            t.furniture(&mut pager.pages, doc);
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
                ("Version", &doc.cover.version),
                ("Effective", &doc.cover.effective_date),
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
            t.sheet_footer(&mut pager.pages, doc);
            pager.pages
        }
    };
    let mut pages = pages;
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
    }
}
