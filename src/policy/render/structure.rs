//! The logical structure of a laid-out document: the tree a tagged PDF
//! carries beside its pages, so that a screen reader reads the policy as
//! headings, paragraphs, lists and tables in reading order rather than as
//! one stream of text with the page furniture in the middle.
//!
//! Layout builds the tree while it sets the text: every text mark it makes
//! points to the element it belongs to, or says it is an artifact (running
//! header, footer, page numbers, rules and shading). The PDF writer turns
//! the marks into marked content and the tree into structure elements. The
//! roles are those of PDF 1.7 (ISO 32000-1, 14.8.4), which PDF/UA-1 builds on.

/// What a piece of page content is in the logical structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Not part of the text: page furniture or decoration.
    Artifact,
    /// Part of the element at this index of [`Structure::elements`].
    Element(usize),
}

/// The kind of a structure element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The whole document, the root of the tree.
    Document,
    /// The document's title (a PDF 2.0 role, mapped to `H1` for PDF 1.7
    /// readers through the role map).
    Title,
    /// A heading of this level: 1 for a section, 2 for a subsection.
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// The table of contents.
    Contents,
    /// One entry of the table of contents.
    ContentsItem,
    /// A link; its annotation is one of its children.
    Link,
    /// A list, numbered or bulleted.
    List {
        /// Numbered with decimal numbers rather than bulleted.
        numbered: bool,
    },
    /// One item of a list.
    ListItem,
    /// The bullet or number of a list item.
    Label,
    /// The text of a list item.
    ListBody,
    /// Text set apart from the body, such as a notice (a PDF 2.0 role,
    /// mapped to `Div`).
    Aside,
    /// A table.
    Table,
    /// A row of a table.
    Row,
    /// A cell that heads its row.
    RowHeader,
    /// A cell of data.
    Cell,
}

impl Role {
    /// The role's name as a PDF structure type.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Title => "Title",
            Role::Heading(1) => "H1",
            Role::Heading(2) => "H2",
            Role::Heading(3) => "H3",
            Role::Heading(4) => "H4",
            Role::Heading(5) => "H5",
            Role::Heading(_) => "H6",
            Role::Paragraph => "P",
            Role::Contents => "TOC",
            Role::ContentsItem => "TOCI",
            Role::Link => "Link",
            Role::List { .. } => "L",
            Role::ListItem => "LI",
            Role::Label => "Lbl",
            Role::ListBody => "LBody",
            Role::Aside => "Aside",
            Role::Table => "Table",
            Role::Row => "TR",
            Role::RowHeader => "TH",
            Role::Cell => "TD",
        }
    }

    /// The standard PDF 1.7 role that a role new in PDF 2.0 is mapped to,
    /// for the role map.
    pub fn mapped(self) -> Option<&'static str> {
        match self {
            Role::Title => Some("H1"),
            Role::Aside => Some("Div"),
            _ => None,
        }
    }

    /// Every role that [`Role::mapped`] maps.
    pub const MAPPED: [Role; 2] = [Role::Title, Role::Aside];
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// What it is.
    pub role: Role,
    /// Its parent's index (the root is its own parent).
    pub parent: usize,
    /// Its child elements, in reading order.
    pub children: Vec<usize>,
    /// For a link: what it goes to, as its annotation describes it.
    pub alt: Option<String>,
}

/// The tree of structure elements; element 0 is the [`Role::Document`].
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// Every element; an element's children come after it.
    pub elements: Vec<Element>,
}

impl Default for Structure {
    fn default() -> Self {
        Self::new()
    }
}

impl Structure {
    /// The index of the root element.
    pub const ROOT: usize = 0;

    /// A tree with only its root.
    pub fn new() -> Self {
        Self {
            elements: vec![Element {
                role: Role::Document,
                parent: Self::ROOT,
                children: Vec::new(),
                alt: None,
            }],
        }
    }

    /// Adds an element of `role` as the last child of `parent` and returns
    /// its index.
    pub fn add(&mut self, role: Role, parent: usize) -> usize {
        let id = self.elements.len();
        self.elements.push(Element {
            role,
            parent,
            children: Vec::new(),
            alt: None,
        });
        if let Some(p) = self.elements.get_mut(parent) {
            p.children.push(id);
        }
        id
    }

    /// Adds an element that holds text, as [`Structure::add`], and returns
    /// the tag for its marks.
    pub fn leaf(&mut self, role: Role, parent: usize) -> Tag {
        Tag::Element(self.add(role, parent))
    }

    /// Moves the root's last `n` children to the front: the cover and the
    /// contents are set after the body (their text depends on it) but
    /// come first in reading order.
    pub fn move_last_to_front(&mut self, n: usize) {
        let children = &mut self.elements[Self::ROOT].children;
        let n = n.min(children.len());
        children.rotate_right(n);
    }

    /// Drops every element from `len` on (those added since the tree had
    /// `len` elements), with the references to them.
    pub fn truncate(&mut self, len: usize) {
        let len = len.max(1);
        self.elements.truncate(len);
        for e in &mut self.elements {
            e.children.retain(|c| *c < len);
        }
    }

    /// The elements in reading order (depth first from the root).
    pub fn in_order(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.elements.len());
        let mut stack = vec![Self::ROOT];
        while let Some(e) = stack.pop() {
            out.push(e);
            if let Some(el) = self.elements.get(e) {
                stack.extend(el.children.iter().rev());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_read_in_the_order_added_and_the_front_matter_moves_before_the_body() {
        let mut s = Structure::new();
        let h = s.add(Role::Heading(1), Structure::ROOT);
        let p = s.add(Role::Paragraph, Structure::ROOT);
        let title = s.add(Role::Title, Structure::ROOT);
        let toc = s.add(Role::Contents, Structure::ROOT);
        let item = s.add(Role::ContentsItem, toc);
        s.move_last_to_front(2);
        assert_eq!(s.in_order(), [Structure::ROOT, title, toc, item, h, p]);
        assert_eq!(s.elements[item].parent, toc);
    }
}
