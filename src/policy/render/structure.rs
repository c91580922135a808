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
    /// One complete version of the document in a document that holds
    /// several, such as the French and the English versions of a
    /// bilingual policy; its element names its language.
    Part,
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
            Role::Part => "Part",
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
    /// The language of its text (a BCP 47 tag) when it differs from the
    /// document's, or marks a part of a bilingual document.
    pub lang: Option<String>,
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
                lang: None,
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
            lang: None,
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

    /// Adds a [`Role::Part`] in `lang` as the root's last child and puts
    /// the whole of `other` under it: its root's children become the
    /// part's, every other element is copied after the part (so children
    /// still come after their parents). Returns the number to add to an
    /// element index of `other` to get its index here (`other`'s root
    /// becomes the part).
    pub fn graft(&mut self, other: Structure, lang: &str) -> usize {
        let part = self.add(Role::Part, Self::ROOT);
        if let Some(el) = self.elements.get_mut(part) {
            el.lang = Some(lang.to_owned());
        }
        // Element i of `other` lands at part + i: its root (0) is the part.
        let shift = part;
        let moved = |i: usize| i + shift;
        let mut elements = other.elements.into_iter();
        if let Some(root) = elements.next() {
            if let Some(el) = self.elements.get_mut(part) {
                el.children = root.children.iter().map(|c| moved(*c)).collect();
            }
        }
        for mut el in elements {
            el.parent = moved(el.parent);
            for c in &mut el.children {
                *c = moved(*c);
            }
            self.elements.push(el);
        }
        shift
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

    #[test]
    fn a_grafted_tree_reads_after_the_first_under_a_part_in_its_language() {
        let mut first = Structure::new();
        let h = first.add(Role::Heading(1), Structure::ROOT);
        let mut second = Structure::new();
        let h2 = second.add(Role::Heading(1), Structure::ROOT);
        let list = second.add(Role::List { numbered: false }, Structure::ROOT);
        let item = second.add(Role::ListItem, list);
        let shift = first.graft(second, "en-CA");
        let part = first.elements[Structure::ROOT].children[1];
        assert_eq!(first.elements[part].role, Role::Part);
        assert_eq!(first.elements[part].lang.as_deref(), Some("en-CA"));
        assert_eq!(first.elements[part].children, [h2 + shift, list + shift]);
        assert_eq!(first.elements[item + shift].parent, list + shift);
        assert_eq!(first.elements[list + shift].parent, part);
        assert_eq!(
            first.in_order(),
            [Structure::ROOT, h, part, h2 + shift, list + shift, item + shift]
        );
        // Children still come after their parents.
        for (i, el) in first.elements.iter().enumerate() {
            assert!(el.children.iter().all(|c| *c > i), "{i}");
        }
    }
}
