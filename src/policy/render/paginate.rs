//! Pagination: a flow of blocks of lines cut into pages.
//!
//! A heading never ends a page, a paragraph never leaves one line alone at
//! the foot or the head of a page, and a notice taller than the room left
//! is split with its box drawn on each page.

use super::page::{Mark, Page, CONTENT_W, MARGIN_BOTTOM, MARGIN_X, PAGE_H};
use super::typeset::{Flow, Kind, Lines};

/// Where a tagged block landed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    pub(super) page: usize,
    pub(super) first_top: f32,
    pub(super) last_top: f32,
    /// How many marks the page held once the block was placed.
    pub(super) end: usize,
}

/// Cuts a flow into pages.
pub(super) struct Pager {
    /// Where text starts on a page.
    pub(super) top: f32,
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
    /// Nothing has been placed on the current page yet.
    pub(super) at_top: bool,
    pub(super) placed: Vec<Placed>,
}

impl Pager {
    pub(super) fn new(top: f32) -> Self {
        Self {
            top,
            pages: Vec::new(),
            y: top,
            at_top: true,
            placed: Vec::new(),
        }
    }

    /// How much of the current page's text area is used, from 0 to 1.
    pub(super) fn filled(&self) -> f32 {
        ((self.y - self.top) / (self.bottom() - self.top)).clamp(0.0, 1.0)
    }

    pub(super) fn bottom(&self) -> f32 {
        PAGE_H - MARGIN_BOTTOM
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top;
        self.at_top = true;
    }

    pub(super) fn marks(&mut self) -> &mut Vec<Mark> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last].marks
    }

    /// What must fit below a heading at `i`: the headings and spaces that
    /// follow it and the least of the first block of text.
    pub(super) fn lead(flow: &[Flow], i: usize) -> f32 {
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

    pub(super) fn run(&mut self, flow: &[Flow]) {
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
    pub(super) fn place(&mut self, block: &Lines) {
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
