//! The tagged PDF's logical part, added to the document printpdf made:
//! the structure tree, the link annotations it references, the parent tree
//! that maps marked content back to its elements, and the XMP metadata that
//! declares PDF/UA-1.
//!
//! The page content streams are marked by [`super::pdf`] as it writes them;
//! this module gets, for each page, the element of each marked-content id.

use lopdf::{Dictionary, Object, ObjectId, Stream};

use crate::policy::render::layout::{Laid, Mark};
use crate::policy::render::pdf_file::{Item, Written};
use crate::policy::render::structure::{Role, Structure};

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// What a PDF says about itself in its metadata.
pub struct About<'d> {
    /// The title shown for the file.
    pub title: String,
    /// Who issues it.
    pub author: &'d str,
    /// Each version's language (a BCP 47 tag) and title, the first
    /// version's first: one for most documents, two for a bilingual one.
    pub titles: Vec<(&'d str, &'d str)>,
}

impl About<'_> {
    /// The document's language: its first version's.
    pub fn language(&self) -> &str {
        self.titles.first().map_or("en", |(lang, _)| lang)
    }
}

/// One kid of a structure element.
enum Kid {
    /// Another element.
    Element(ObjectId),
    /// Marked content on the element's own page.
    Content(i64),
    /// Marked content on another page.
    ContentOn(ObjectId, i64),
    /// A link annotation, on its page.
    Link(ObjectId, Option<ObjectId>),
}

impl Kid {
    /// Whether the kid can stand alone as `/K`, outside an array.
    fn is_bare(&self) -> bool {
        matches!(self, Kid::Element(_) | Kid::Content(_))
    }

    fn write(&self, item: &mut Item<'_>) {
        match self {
            Kid::Element((id, _)) => item.reference(*id),
            Kid::Content(mcid) => item.integer(*mcid),
            Kid::ContentOn((page, _), mcid) => item.dictionary(|d| {
                d.name(b"Type", b"MCR");
                d.reference(b"Pg", *page);
                d.integer(b"MCID", *mcid);
            }),
            Kid::Link((annot, _), page) => item.dictionary(|d| {
                d.name(b"Type", b"OBJR");
                d.reference(b"Obj", *annot);
                if let Some((page, _)) = page {
                    d.reference(b"Pg", *page);
                }
            }),
        }
    }
}

/// Adds the structure tree, the link annotations, `/MarkInfo`, the XMP
/// metadata and each page's `/StructParents` and `/Tabs`. `mcids` gives,
/// for each page, the element each marked-content id of its stream
/// belongs to. The tree's elements are written straight into `written`,
/// under numbers `lo` gives out.
pub fn tag(
    lo: &mut lopdf::Document,
    written: &mut Written,
    laid: &Laid,
    mcids: &[Vec<usize>],
    about: &About<'_>,
) -> lopdf::Result<()> {
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let structure = &laid.structure;
    let n = structure.elements.len();
    // Each element's content, (page, marked-content id), in reading order.
    let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n];
    for (page, ids) in mcids.iter().enumerate() {
        for (mcid, e) in ids.iter().enumerate() {
            if let Some(c) = content.get_mut(*e) {
                c.push((page, mcid as i64));
            }
        }
    }

    // The link annotations, one object each so that the tree can point to
    // them; parent-tree keys after the pages' keys.
    let mut next_key = page_ids.len() as i64;
    let mut links: Vec<Vec<(ObjectId, usize)>> = vec![Vec::new(); n];
    let mut link_keys: Vec<(i64, usize)> = Vec::new();
    for (pi, page) in laid.pages.iter().enumerate() {
        let mut annots = Vec::new();
        for mark in &page.marks {
            let Mark::Link {
                x,
                y,
                w,
                h,
                page: target,
                top,
                element,
            } = mark
            else {
                continue;
            };
            let mut d = Dictionary::new();
            d.set("Type", name("Annot"));
            d.set("Subtype", name("Link"));
            d.set(
                "Rect",
                vec![
                    Object::Real(*x),
                    Object::Real(laid.height - y - h),
                    Object::Real(x + w),
                    Object::Real(laid.height - y),
                ],
            );
            d.set("Border", vec![0.into(), 0.into(), 0.into()]);
            // Printed with the page, as PDF/A and PDF/UA readers expect.
            d.set("F", 4);
            if let Some(target) = page_ids.get(*target) {
                d.set(
                    "Dest",
                    vec![
                        Object::Reference(*target),
                        name("XYZ"),
                        Object::Null,
                        Object::Real(laid.height - top + 12.0),
                        Object::Null,
                    ],
                );
            }
            let alt = structure
                .elements
                .get(*element)
                .and_then(|e| e.alt.as_deref())
                .unwrap_or("Link");
            d.set("Contents", super::pdf::text_string(alt));
            d.set("StructParent", next_key);
            let id = lo.add_object(d);
            annots.push(Object::Reference(id));
            if let Some(l) = links.get_mut(*element) {
                l.push((id, pi));
                link_keys.push((next_key, *element));
            }
            next_key += 1;
        }
        if let Some(page_id) = page_ids.get(pi) {
            let page = lo.get_dictionary_mut(*page_id)?;
            if annots.is_empty() {
                page.remove(b"Annots");
            } else {
                page.set("Annots", annots);
            }
            page.set("StructParents", pi as i64);
            // Tab order follows the structure.
            page.set("Tabs", name("S"));
        }
    }

    // Only elements with something in them are written: an empty one
    // would be a leaf that points to no content. Children come after
    // their parents, so one backward pass finds them.
    let mut kept = vec![false; n];
    for e in (0..n).rev() {
        let el = &structure.elements[e];
        kept[e] = !content[e].is_empty() || !links[e].is_empty() || el.children.iter().any(|c| kept[*c]);
    }
    let root_id = lo.new_object_id();
    let ids: Vec<Option<ObjectId>> = (0..n).map(|e| kept[e].then(|| lo.new_object_id())).collect();
    let mut kids: Vec<Kid> = Vec::new();
    for e in 0..n {
        let Some((id, _)) = ids[e] else { continue };
        let el = &structure.elements[e];
        let parent = if e == Structure::ROOT {
            Some(root_id)
        } else {
            ids.get(el.parent).copied().flatten()
        };
        let pg = content[e]
            .first()
            .map(|(p, _)| *p)
            .or(links[e].first().map(|(_, p)| *p));
        kids.clear();
        kids.extend(el.children.iter().filter_map(|c| ids[*c]).map(Kid::Element));
        for (page, mcid) in &content[e] {
            if Some(*page) == pg {
                kids.push(Kid::Content(*mcid));
            } else if let Some(page) = page_ids.get(*page) {
                kids.push(Kid::ContentOn(*page, *mcid));
            }
        }
        for (annot, page) in &links[e] {
            kids.push(Kid::Link(*annot, page_ids.get(*page).copied()));
        }
        written.dictionary(id, |d| {
            d.name(b"S", el.role.name().as_bytes());
            if let Some(lang) = &el.lang {
                d.object(b"Lang", &Object::string_literal(lang.as_str()));
            }
            match parent {
                Some((parent, _)) => d.reference(b"P", parent),
                None => d.object(b"P", &Object::Null),
            }
            if let Some((page, _)) = pg.and_then(|p| page_ids.get(p)) {
                d.reference(b"Pg", *page);
            }
            match kids.as_slice() {
                [kid] if kid.is_bare() => d.token(b"K", |item| kid.write(item)),
                all => d.array(b"K", all, |item, kid| kid.write(item)),
            }
            match el.role {
                Role::List { numbered } => d.dictionary(b"A", |a| {
                    a.name(b"O", b"List");
                    a.name(b"ListNumbering", if numbered { b"Decimal" } else { b"Disc" });
                }),
                Role::RowHeader => d.dictionary(b"A", |a| {
                    a.name(b"O", b"Table");
                    a.name(b"Scope", b"Row");
                }),
                _ => {}
            }
        });
    }

    // The parent tree: for each page the element of each marked-content
    // id, then the element of each link annotation.
    let mut nums = Vec::with_capacity(2 * (mcids.len() + link_keys.len()));
    for (page, elements) in mcids.iter().enumerate() {
        nums.push(Object::Integer(page as i64));
        let refs: Vec<Object> = elements
            .iter()
            .map(|e| ids.get(*e).copied().flatten().map_or(Object::Null, Object::Reference))
            .collect();
        nums.push(Object::Array(refs));
    }
    for (key, e) in link_keys {
        nums.push(Object::Integer(key));
        nums.push(ids.get(e).copied().flatten().map_or(Object::Null, Object::Reference));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", nums);
    let mut role_map = Dictionary::new();
    for role in Role::MAPPED {
        if let Some(to) = role.mapped() {
            role_map.set(role.name(), name(to));
        }
    }
    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    if let Some(document) = ids[Structure::ROOT] {
        root.set("K", document);
    }
    root.set("ParentTree", parent_tree);
    root.set("ParentTreeNextKey", next_key);
    root.set("RoleMap", role_map);
    lo.objects.insert(root_id, Object::Dictionary(root));

    let metadata = Stream::new(
        {
            let mut d = Dictionary::new();
            d.set("Type", name("Metadata"));
            d.set("Subtype", name("XML"));
            d
        },
        xmp(about).into_bytes(),
    )
    .with_compression(false);
    let metadata = lo.add_object(metadata);

    let catalog = lo.catalog_mut()?;
    catalog.set("StructTreeRoot", root_id);
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", true);
    catalog.set("MarkInfo", mark_info);
    catalog.set("Metadata", metadata);
    Ok(())
}

/// Escapes text for XML, leaving out the control characters XML 1.0 does
/// not allow.
fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The XMP metadata packet: the title (with each version's title in its
/// language when there are several), the author, the languages and the
/// PDF/UA-1 identification.
pub fn xmp(about: &About<'_>) -> String {
    let author = about.author;
    let creator = if author.trim().is_empty() {
        String::new()
    } else {
        format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            xml_text(author)
        )
    };
    // The titles in their languages only when there are several.
    let titles: String = if about.titles.len() > 1 {
        about
            .titles
            .iter()
            .map(|(lang, title)| format!("<rdf:li xml:lang=\"{}\">{}</rdf:li>", xml_text(lang), xml_text(title)))
            .collect()
    } else {
        String::new()
    };
    let languages: String = about
        .titles
        .iter()
        .map(|(lang, _)| format!("<rdf:li>{}</rdf:li>", xml_text(lang)))
        .collect();
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li>{titles}</rdf:Alt></dc:title>\n\
         {creator}\
         <dc:language><rdf:Bag>{languages}</rdf:Bag></dc:language>\n\
         <pdf:Producer>printpdf</pdf:Producer>\n\
         <pdfuaid:part>1</pdfuaid:part>\n\
         </rdf:Description>\n\
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"r\"?>",
        title = xml_text(&about.title),
        titles = titles,
        languages = languages,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xmp_escapes_the_title_and_declares_pdf_ua_1() {
        let x = xmp(&About {
            title: "Tom & Jerry <\u{1}policy>".to_owned(),
            author: "A \"B\"",
            titles: vec![("fr-CA", "Tom")],
        });
        assert!(x.contains("Tom &amp; Jerry &lt;policy&gt;"), "{x}");
        assert!(x.contains("A &quot;B&quot;"), "{x}");
        assert!(x.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(!x.contains('\u{1}'));
        assert!(x.contains("<rdf:Bag><rdf:li>fr-CA</rdf:li></rdf:Bag>"), "{x}");
        assert!(!x.contains("xml:lang=\"fr-CA\""), "one title, no alternatives: {x}");
    }

    #[test]
    fn a_bilingual_xmp_names_both_languages_and_each_title_in_its_own() {
        let x = xmp(&About {
            title: "Politique / Policy".to_owned(),
            author: "Org",
            titles: vec![("fr-CA", "Politique"), ("en-CA", "Policy")],
        });
        assert!(
            x.contains("<rdf:li xml:lang=\"x-default\">Politique / Policy</rdf:li>"),
            "{x}"
        );
        assert!(x.contains("<rdf:li xml:lang=\"fr-CA\">Politique</rdf:li>"), "{x}");
        assert!(x.contains("<rdf:li xml:lang=\"en-CA\">Policy</rdf:li>"), "{x}");
        assert!(
            x.contains("<rdf:Bag><rdf:li>fr-CA</rdf:li><rdf:li>en-CA</rdf:li></rdf:Bag>"),
            "{x}"
        );
    }
}
