//! Page furniture: the cover, the table of contents, the running header
//! and the footers.
//!
//! The contents are set before the body (their length does not depend on
//! the page numbers, whose column is reserved) and numbered after it, so
//! that their page numbers are the pages where the headings landed.

use super::page::{
    Anchor, Mark, Page, Style, BODY, CONTENT_W, COVER_TITLE, FURNITURE, LEADING, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X,
    PAGE_H, PAGE_W, TITLE, TOC_NUMBER_W, TOC_PAGE_W,
};
use super::paginate::Pager;
use super::structure::{Role, Structure, Tag};
use super::typeset::{Flow, Kind, Lines, Typesetter};
use crate::policy::document::{Document, Text};

/// How closely the contents entries are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Spacing {
    /// The usual spacing.
    Normal,
    /// Closer, so that contents a few lines longer than a page fit on it.
    Tight,
}

/// A contents entry waiting for its page number.
pub(super) struct Entry {
    /// Right end of the entry's title on its last line.
    pub(super) end: f32,
    pub(super) size: f32,
    pub(super) style: Style,
    /// The entry's [`Role::Link`] element.
    pub(super) link: usize,
}

impl Typesetter<'_, '_> {
    /// The cover page: organization, title, a line on what the policy is
    /// for, and a table of the version, effective date, owner, contact and
    /// the approval block: who approved it and when, or lines to sign on.
    pub(super) fn cover(&mut self, doc: &Document) -> Page {
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
        let root = Structure::ROOT;
        for (text, style, size, after, role) in [
            (&cover.organization, Style::Muted, 13.0, 14.0, Role::Paragraph),
            (
                &Text::plain(doc.title.clone()),
                Style::Heading,
                COVER_TITLE,
                16.0,
                Role::Title,
            ),
            (&cover.purpose, Style::Regular, BODY + 2.5, 0.0, Role::Paragraph),
        ] {
            let tag = if text.is_empty() {
                Tag::Artifact
            } else {
                self.structure.leaf(role, root)
            };
            if let Flow::Lines(l) = self.block(text, style, size, MARGIN_X, CONTENT_W, Kind::Keep, tag) {
                for line in l.lines {
                    marks.extend(line.into_iter().map(|m| m.shifted(y)));
                    y += l.height;
                }
            }
            y += after;
        }
        // The facts, as a two-column table near the foot of the page.
        let words = self.labels;
        let approval = Text::plain(words.approval(cover.approval));
        let to_sign = Text::plain(words.to_sign);
        // (label, value, whether the row is a line to sign on)
        let mut rows: Vec<(&str, &Text, bool)> = [
            (words.version, &cover.version),
            (words.effective_date, &cover.effective_date),
            (words.next_review, &cover.next_review),
            (words.policy_owner, &cover.owner),
            (words.contact, &cover.contact),
            (words.approval_status, &approval),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| (label, value, false))
        .collect();
        // The approval block: who approved the policy, or room for the
        // approver's name, signature and date on a printed copy.
        if cover.approved_by.is_empty() {
            rows.extend([words.approved_by, words.signature, words.date].map(|label| (label, &to_sign, true)));
        } else {
            rows.push((words.approved_by, &cover.approved_by, false));
        }
        let label_w = 110.0;
        let mut blocks = Vec::new();
        // A table of one header cell and one data cell a row, so that a
        // screen reader says which fact each value is.
        let table = (!rows.is_empty()).then(|| self.structure.add(Role::Table, root));
        for (label, value, sign) in rows {
            let row = self.structure.add(Role::Row, table.unwrap_or(root));
            let header = self.structure.leaf(Role::RowHeader, row);
            let cell = self.structure.leaf(Role::Cell, row);
            let label = self.block(
                &Text::plain(label),
                Style::Bold,
                BODY + 0.5,
                MARGIN_X,
                label_w,
                Kind::Keep,
                header,
            );
            let value = self.block(
                value,
                if sign { Style::Muted } else { Style::Regular },
                BODY + 0.5,
                MARGIN_X + label_w,
                CONTENT_W - label_w,
                Kind::Keep,
                cell,
            );
            blocks.push((label, value, sign));
        }
        let row_h = (BODY + 0.5) * LEADING;
        let gap = 6.0;
        let lines_in = |f: &Flow| match f {
            Flow::Lines(l) => l.lines.len(),
            Flow::Space(_) => 0,
        };
        // A line to sign on has room above it to write.
        let sign_gap = 2.0 * row_h;
        let table_h: f32 = blocks
            .iter()
            .map(|(l, v, sign)| lines_in(l).max(lines_in(v)) as f32 * row_h + if *sign { sign_gap } else { gap })
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
        for (label, value, sign) in blocks {
            let rows = lines_in(&label).max(lines_in(&value));
            if sign {
                // The writing line sits under the hint, which reads as a
                // label for it; the space above is for the hand.
                y += sign_gap - gap;
                marks.push(Mark::Rule {
                    x: MARGIN_X + label_w,
                    x2: PAGE_W - MARGIN_X,
                    y: y + row_h - 2.0,
                    width: 0.5,
                    dotted: true,
                    style: Style::Muted,
                });
            }
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
    pub(super) fn contents(&mut self, anchors: &[Anchor], spacing: Spacing) -> (Vec<Flow>, Vec<Entry>) {
        let (entry_leading, section_gap) = match spacing {
            Spacing::Normal => (1.5, 5.0),
            Spacing::Tight => (1.3, 2.0),
        };
        let root = Structure::ROOT;
        let heading = self.structure.leaf(Role::Heading(1), root);
        let mut flow = vec![self.block(
            &Text::plain(self.labels.contents),
            Style::Heading,
            TITLE - 4.0,
            MARGIN_X,
            CONTENT_W,
            Kind::Keep,
            heading,
        )];
        let toc = self.structure.add(Role::Contents, root);
        flow.push(Flow::Space(10.0));
        let mut entries = Vec::new();
        for a in anchors {
            let (style, size, indent) = if a.level == 1 {
                (Style::Bold, BODY + 0.5, 0.0)
            } else {
                (Style::Regular, BODY, TOC_NUMBER_W * 0.5)
            };
            if a.level == 1 {
                flow.push(Flow::Space(section_gap));
            }
            let x = MARGIN_X + indent;
            let title_x = x + TOC_NUMBER_W;
            let width = CONTENT_W - indent - TOC_NUMBER_W - TOC_PAGE_W;
            let number = self.checked(&a.number, style).into_owned();
            let item = self.structure.add(Role::ContentsItem, toc);
            let link = self.structure.add(Role::Link, item);
            if let Some(el) = self.structure.elements.get_mut(link) {
                el.alt = Some(format!("{} {}", a.number, a.title));
            }
            let tag = Tag::Element(link);
            let wrapped = self.set_lines(&Text::plain(a.title.clone()), style, size, title_x, width, tag);
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
                            tag,
                        },
                    );
                }
                end = right;
                lines.push(marks);
            }
            flow.push(Flow::Lines(Lines {
                lines,
                height: size * entry_leading,
                kind: Kind::Keep,
                tagged: true,
                keep_with_next: false,
            }));
            entries.push(Entry { end, size, style, link });
        }
        (flow, entries)
    }

    /// Adds to each contents entry the page its heading landed on, a dotted
    /// leader, and a link to the heading. Each goes right after its entry's
    /// text, so that the text extracts in reading order. The document's
    /// first page is page `first_page + 1` (a later part of a bilingual
    /// document starts further on).
    pub(super) fn number_contents(
        &mut self,
        pager: &mut Pager,
        entries: &[Entry],
        anchors: &[Anchor],
        first_page: usize,
    ) {
        let numbered: Vec<_> = entries.iter().zip(&pager.placed).zip(anchors).collect();
        // From the last entry back, so that the places recorded for the
        // earlier entries of a page stay right.
        for ((entry, placed), anchor) in numbered.into_iter().rev() {
            let label = (first_page + anchor.page + 1).to_string();
            let w = self.fonts.width(entry.style, entry.size, &label);
            let right = PAGE_W - MARGIN_X;
            let baseline = placed.last_top + entry.size;
            // The page number right after the entry's text, in the same
            // link; the leader after both, so that it does not cut the
            // link's content in two.
            let mut marks = vec![Mark::Text {
                x: right - w,
                y: baseline,
                size: entry.size,
                style: entry.style,
                text: label,
                tag: Tag::Element(entry.link),
            }];
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
            marks.push(Mark::Link {
                x: MARGIN_X,
                y: placed.first_top,
                w: CONTENT_W,
                h: placed.last_top - placed.first_top + entry.size * 1.5,
                page: anchor.page,
                top: anchor.top,
                element: entry.link,
            });
            if let Some(page) = pager.pages.get_mut(placed.page) {
                let at = placed.end.min(page.marks.len());
                page.marks.splice(at..at, marks);
            }
        }
    }

    /// The running header (short name and title) and the footer (version
    /// and "Page X of Y") on every page but the cover; `pages` are numbered
    /// from `first + 1`, of `total`.
    pub(super) fn furniture(&mut self, pages: &mut [Page], doc: &Document, first: usize, total: usize) {
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
            self.labels.version_no(version.trim())
        };
        let header_y = MARGIN_TOP - 30.0;
        // A title that already names the organization ("Lakeside Social
        // Media Policy") stands alone: the name once is enough.
        let named = !short.trim().is_empty() && doc.title.to_lowercase().contains(&short.trim().to_lowercase());
        let short = if named { String::new() } else { short };
        // Both in full when they fit; otherwise the short name keeps at
        // least half the width and the title is cut to the rest.
        let room = CONTENT_W - 24.0;
        let width = |t: &Self, s: &str| t.fonts.width(Style::Muted, FURNITURE, s);
        let short_room = (room - width(self, &doc.title)).max(room / 2.0);
        let short = self.fitted(&short, Style::Muted, FURNITURE, short_room);
        let title = self.fitted(&doc.title, Style::Muted, FURNITURE, room - width(self, &short));
        let title_w = width(self, &title);
        let title_x = if named { MARGIN_X } else { PAGE_W - MARGIN_X - title_w };
        let version = self.fitted(&version, Style::Muted, FURNITURE, room / 2.0);
        for (i, page) in pages.iter_mut().enumerate().skip(1) {
            let header = [
                Mark::Text {
                    x: MARGIN_X,
                    y: header_y,
                    size: FURNITURE,
                    style: Style::Muted,
                    text: short.clone(),
                    tag: Tag::Artifact,
                },
                Mark::Text {
                    x: title_x,
                    y: header_y,
                    size: FURNITURE,
                    style: Style::Muted,
                    text: title.clone(),
                    tag: Tag::Artifact,
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
            let header = header
                .into_iter()
                .filter(|m| !matches!(m, Mark::Text { text, .. } if text.is_empty()));
            page.marks.splice(0..0, header);
            self.footer(page, &version, first + i, total);
        }
    }

    /// A page's footer: `left` at the left margin (when there is one) and
    /// "Page X of Y" at the right.
    pub(super) fn footer(&self, page: &mut Page, left: &str, index: usize, total: usize) {
        let y = PAGE_H - MARGIN_BOTTOM / 2.0;
        if !left.is_empty() {
            page.marks.push(Mark::Text {
                x: MARGIN_X,
                y,
                size: FURNITURE,
                style: Style::Muted,
                text: left.to_owned(),
                tag: Tag::Artifact,
            });
        }
        let label = self.labels.page_of(index + 1, total);
        let w = self.fonts.width(Style::Muted, FURNITURE, &label);
        page.marks.push(Mark::Text {
            x: PAGE_W - MARGIN_X - w,
            y,
            size: FURNITURE,
            style: Style::Muted,
            text: label,
            tag: Tag::Artifact,
        });
    }

    /// The quick reference's footer: the organization and "Page X of Y".
    /// `pages` are numbered from `first + 1`, of `total`.
    pub(super) fn sheet_footer(&mut self, pages: &mut [Page], doc: &Document, first: usize, total: usize) {
        let widest = self
            .fonts
            .width(Style::Muted, FURNITURE, &self.labels.page_of(total, total));
        let author = self.fitted(&doc.author, Style::Muted, FURNITURE, CONTENT_W - widest - 12.0);
        for (i, page) in pages.iter_mut().enumerate() {
            self.footer(page, &author, first + i, total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::document::Document;
    use crate::policy::document::DocumentKind;
    use crate::policy::render::fonts::{Fonts, BOLD, REGULAR};
    use crate::policy::render::layout::layout_as;

    #[test]
    fn a_pasted_title_is_cut_to_fit_the_running_header_quickly() {
        let fonts = Fonts::new(REGULAR, BOLD).expect("the built-in fonts load");
        let doc = Document {
            language: "en".to_owned(),
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
}
