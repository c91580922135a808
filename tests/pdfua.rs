//! Tagged PDF: the machine-checkable rules of PDF/UA-1 (ISO 14289-1) that
//! apply to our documents, as the Matterhorn Protocol numbers them, checked
//! on every sample's policy, quick reference and trainer handout with a
//! small checker of our own over lopdf; then two independent readers:
//! poppler's `pdfinfo -struct-text` (its reading order is the Document's,
//! section by section) and the PyPI package `pdfua` (on pikepdf).
//!
//! The checker is shown to fail: on the same PDFs with their tags taken
//! out, and on PDFs broken in one way each.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use lopdf::content::Content;
use lopdf::{Dictionary, Object, ObjectId};
use policy_builder::policy::document::Document;
use policy_builder::policy::document::DocumentKind;
use policy_builder::policy::fill::fill;
use policy_builder::policy::render::pdf::{render_pdf_as, render_quick_reference};
use policy_builder::policy::trainer::scenario::ScenarioLibrary;

mod common;
use common::{policy, samples};

/// Every document the app prints, by name: each sample's policy, quick
/// reference and first deck's handout.
fn documents() -> Vec<(String, Document, bool)> {
    let p = policy();
    let lib = ScenarioLibrary::builtin(&p.questionnaire, &p.library).unwrap_or_else(|d| panic!("{d}"));
    let mut out = Vec::new();
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        let quick = fill(&p.questionnaire, &p.quick_reference, &sample.answers);
        let deck = lib.decks.first().expect("a deck");
        let verdicts = lib.deck_verdicts(deck, &p.questionnaire, &sample.answers, &doc);
        let handout = lib.handout(deck, &verdicts, &doc);
        out.push((format!("{name} handout"), handout, false));
        out.push((format!("{name} quick reference"), quick, true));
        out.push((format!("{name} policy"), doc, false));
    }
    out
}

/// The PDF of `doc` as the app makes it: the quick reference as a sheet,
/// the policy and the handout as a policy (with contents and furniture).
fn pdf_of(doc: &Document, quick: bool) -> Vec<u8> {
    let pdf = if quick {
        render_quick_reference(doc)
    } else {
        render_pdf_as(doc, DocumentKind::Policy)
    };
    pdf.expect("a PDF").bytes
}

/// A PDF text string as Rust text (UTF-16 with a byte-order mark, or bytes).
fn text_of(o: &Object) -> Option<String> {
    let Object::String(bytes, _) = o else { return None };
    Some(if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    })
}

/// The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).
const STANDARD: &[&str] = &[
    "Document",
    "Part",
    "Art",
    "Sect",
    "Div",
    "BlockQuote",
    "Caption",
    "TOC",
    "TOCI",
    "Index",
    "NonStruct",
    "Private",
    "P",
    "H",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "L",
    "LI",
    "Lbl",
    "LBody",
    "Table",
    "TR",
    "TH",
    "TD",
    "THead",
    "TBody",
    "TFoot",
    "Span",
    "Quote",
    "Note",
    "Reference",
    "BibEntry",
    "Code",
    "Link",
    "Annot",
    "Ruby",
    "RB",
    "RT",
    "RP",
    "Warichu",
    "WT",
    "WP",
    "Figure",
    "Formula",
    "Form",
];

/// A structure node still to visit: the node, the page its content is on,
/// the element that holds it and that element's role.
type Pending = (Object, Option<ObjectId>, Option<ObjectId>, Option<String>);

/// What the checker found: one message a failed checkpoint, with its
/// Matterhorn number.
fn check(bytes: &[u8]) -> Vec<String> {
    let mut problems = BTreeSet::new();
    let mut fail = |s: String| {
        problems.insert(s);
    };
    let doc = match lopdf::Document::load_mem(bytes) {
        Ok(d) => d,
        Err(e) => return vec![format!("unreadable: {e}")],
    };
    let deref = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.get_object(*id).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    let dict_of = |o: &Object| -> Option<Dictionary> {
        match deref(o)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(s.dict),
            _ => None,
        }
    };
    let Ok(catalog) = doc.catalog() else {
        return vec!["no catalog".into()];
    };

    // 06: metadata; 07: title; 11: language.
    let marked = catalog
        .get(b"MarkInfo")
        .ok()
        .and_then(dict_of)
        .and_then(|m| m.get(b"Marked").ok().and_then(|b| b.as_bool().ok()));
    if marked != Some(true) {
        fail("01-? /MarkInfo /Marked is not true".into());
    }
    match catalog.get(b"Lang").ok().and_then(text_of) {
        Some(lang) if !lang.trim().is_empty() => {}
        _ => fail("11-001 no /Lang on the catalog".into()),
    }
    let display = catalog
        .get(b"ViewerPreferences")
        .ok()
        .and_then(dict_of)
        .and_then(|v| v.get(b"DisplayDocTitle").ok().and_then(|b| b.as_bool().ok()));
    if display != Some(true) {
        fail("07-002 /DisplayDocTitle is not true".into());
    }
    let xmp = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .ok()
        .and_then(|id| doc.get_object(id).ok())
        .and_then(|o| o.as_stream().ok())
        .map(|s| {
            let content = s.decompressed_content().unwrap_or_else(|_| s.content.clone());
            String::from_utf8_lossy(&content).into_owned()
        });
    match &xmp {
        None => fail("06-001 no XMP metadata stream".into()),
        Some(x) => {
            if !x.contains("<pdfuaid:part>1</pdfuaid:part>") && !x.contains("pdfuaid:part=\"1\"") {
                fail("06-002 the XMP has no pdfuaid:part 1".into());
            }
            if !x.contains("<dc:title>") {
                fail("06-003 the XMP has no dc:title".into());
            }
        }
    }
    let info_title = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(dict_of)
        .and_then(|i| i.get(b"Title").ok().and_then(text_of));
    if info_title.is_none_or(|t| t.trim().is_empty()) {
        fail("07-001 no title in the Info dictionary".into());
    }

    // The structure tree: every element's content, headings, lists,
    // tables, links, roles.
    let pages: BTreeMap<ObjectId, usize> = doc.get_pages().into_iter().map(|(n, id)| (id, n as usize)).collect();
    let Some(root) = catalog.get(b"StructTreeRoot").ok().and_then(dict_of) else {
        fail("01-? no structure tree".into());
        return problems.into_iter().collect();
    };
    let role_map = root.get(b"RoleMap").ok().and_then(dict_of).unwrap_or_default();
    let standard = |s: &[u8]| -> Option<String> {
        let mut s = s.to_vec();
        for _ in 0..8 {
            let name = String::from_utf8_lossy(&s).into_owned();
            if STANDARD.contains(&name.as_str()) {
                return Some(name);
            }
            s = role_map.get(&s).ok()?.as_name().ok()?.to_vec();
        }
        None
    };
    // (page, mcid) -> how often the tree points to it; the link annotations
    // reached through OBJR; headings in order; (element id, role).
    let mut referenced: BTreeMap<(usize, i64), usize> = BTreeMap::new();
    let mut objrs: BTreeSet<ObjectId> = BTreeSet::new();
    let mut heading_levels = Vec::new();
    let mut mcid_owner: BTreeMap<(usize, i64), ObjectId> = BTreeMap::new();
    let mut stack: Vec<Pending> = Vec::new();
    match root.get(b"K") {
        Ok(Object::Array(a)) => stack.extend(a.iter().rev().map(|k| (k.clone(), None, None, None))),
        Ok(k) => stack.push((k.clone(), None, None, None)),
        Err(_) => fail("01-? the structure tree is empty".into()),
    }
    let mut seen = 0;
    while let Some((node, page, owner, parent_role)) = stack.pop() {
        seen += 1;
        if seen > 100_000 {
            fail("the structure tree loops".into());
            break;
        }
        match &node {
            Object::Integer(mcid) => match (page.and_then(|p| pages.get(&p)), owner) {
                (Some(p), Some(owner)) => {
                    *referenced.entry((*p, *mcid)).or_default() += 1;
                    mcid_owner.insert((*p, *mcid), owner);
                }
                _ => fail("01-? a marked-content id with no page".into()),
            },
            other => {
                let Some(d) = dict_of(other) else {
                    fail("01-? a structure kid that is no dictionary".into());
                    continue;
                };
                let ty = d.get(b"Type").and_then(Object::as_name).ok().map(<[u8]>::to_vec);
                if ty.as_deref() == Some(b"MCR") {
                    let pg = d.get(b"Pg").and_then(Object::as_reference).ok().or(page);
                    let mcid = d.get(b"MCID").and_then(Object::as_i64).ok();
                    match (pg.and_then(|p| pages.get(&p)), mcid, owner) {
                        (Some(p), Some(m), Some(owner)) => {
                            *referenced.entry((*p, m)).or_default() += 1;
                            mcid_owner.insert((*p, m), owner);
                        }
                        _ => fail("01-? a marked-content reference with no page or id".into()),
                    }
                    continue;
                }
                if ty.as_deref() == Some(b"OBJR") {
                    if parent_role.as_deref() != Some("Link") {
                        fail("28-011 an object reference outside a Link element".into());
                    }
                    if let Ok(id) = d.get(b"Obj").and_then(Object::as_reference) {
                        objrs.insert(id);
                    }
                    continue;
                }
                let Ok(s) = d.get(b"S").and_then(Object::as_name) else {
                    fail("01-? a structure element without a type".into());
                    continue;
                };
                let Some(role) = standard(s) else {
                    fail(format!(
                        "02-001 structure type {} is neither standard nor mapped",
                        String::from_utf8_lossy(s)
                    ));
                    continue;
                };
                if let Some(level) = role.strip_prefix('H').and_then(|l| l.parse::<usize>().ok()) {
                    heading_levels.push(level);
                }
                // 16: lists; 15: tables.
                let kid_rule: Option<&[&str]> = match role.as_str() {
                    "L" => Some(&["LI", "L", "Caption"]),
                    "LI" => Some(&["Lbl", "LBody"]),
                    "Table" => Some(&["TR", "THead", "TBody", "TFoot", "Caption"]),
                    "TR" => Some(&["TH", "TD"]),
                    "TOC" => Some(&["TOCI", "TOC", "Caption"]),
                    _ => None,
                };
                let element_id = match other {
                    Object::Reference(id) => Some(*id),
                    _ => None,
                };
                if element_id.is_none() {
                    fail("01-? a structure element that is no indirect object".into());
                }
                let own_page = d.get(b"Pg").and_then(Object::as_reference).ok().or(page);
                let kids: Vec<Object> = match d.get(b"K") {
                    Ok(Object::Array(a)) => a.clone(),
                    Ok(k) => vec![k.clone()],
                    Err(_) => Vec::new(),
                };
                if kids.is_empty() {
                    fail(format!("01-? an empty {role} element"));
                }
                if let Some(allowed) = kid_rule {
                    for k in &kids {
                        let kid_role = dict_of(k)
                            .and_then(|kd| kd.get(b"S").ok().and_then(|s| s.as_name().ok()).and_then(standard));
                        if !kid_role.as_deref().is_some_and(|r| allowed.contains(&r)) {
                            fail(format!("16/15-? {role} holds {kid_role:?}"));
                        }
                    }
                }
                if role == "TH" {
                    let scope = d
                        .get(b"A")
                        .ok()
                        .and_then(dict_of)
                        .and_then(|a| a.get(b"Scope").ok().and_then(|s| s.as_name().ok()).map(<[u8]>::to_vec));
                    if scope.is_none() {
                        fail("15-003 a table header cell without a scope".into());
                    }
                }
                for k in kids.into_iter().rev() {
                    stack.push((k, own_page, element_id, Some(role.clone())));
                }
            }
        }
    }
    // 14: headings start at 1 and never skip a level.
    let mut previous = 0;
    for level in &heading_levels {
        if *level > previous + 1 {
            fail(format!("14-003 heading level {level} after {previous}"));
        }
        previous = *level;
    }
    if heading_levels.is_empty() {
        fail("14-002 no heading".into());
    }

    // 01: every piece of content is tagged or an artifact, every marked-
    // content id of the pages is in the tree exactly once, and the parent
    // tree gives it the same element.
    let parent_tree = root.get(b"ParentTree").ok().and_then(dict_of);
    let nums: BTreeMap<i64, Object> = parent_tree
        .and_then(|t| t.get(b"Nums").ok().and_then(|n| n.as_array().ok().cloned()))
        .unwrap_or_default()
        .chunks(2)
        .filter_map(|c| Some((c[0].as_i64().ok()?, c.get(1)?.clone())))
        .collect();
    let mut in_content: BTreeSet<(usize, i64)> = BTreeSet::new();
    for (&page_id, &n) in &pages {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let key = page.get(b"StructParents").and_then(Object::as_i64).ok();
        if key.is_none() {
            fail("01-? a page without /StructParents".into());
        }
        let ops = Content::decode(&doc.get_page_content(page_id))
            .map(|c| c.operations)
            .unwrap_or_default();
        // The open marked-content sequences: Some(mcid) or None (artifact).
        let mut open: Vec<Option<i64>> = Vec::new();
        for op in &ops {
            match op.operator.as_str() {
                "BDC" | "BMC" => {
                    let tag = op.operands.first().and_then(|o| o.as_name().ok()).unwrap_or_default();
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(dict_of)
                        .and_then(|p| p.get(b"MCID").ok().and_then(|m| m.as_i64().ok()));
                    let in_artifact = open.contains(&None);
                    let in_tagged = open.iter().any(Option::is_some);
                    if tag == b"Artifact" {
                        if in_tagged {
                            fail("01-001 an artifact inside tagged content".into());
                        }
                        open.push(None);
                    } else {
                        if in_artifact {
                            fail("01-002 tagged content inside an artifact".into());
                        }
                        if let Some(m) = mcid {
                            if !in_content.insert((n, m)) {
                                fail(format!("01-? marked-content id {m} twice on page {n}"));
                            }
                        }
                        open.push(mcid);
                    }
                }
                "EMC" if open.pop().is_none() => fail("01-? an EMC with no sequence open".into()),
                "Tj" | "TJ" | "'" | "\"" | "re" | "S" | "f" | "F" | "f*" | "B" | "b" | "Do" | "sh"
                    if open.is_empty() =>
                {
                    fail(format!(
                        "01-005 content ({}) neither tagged nor an artifact",
                        op.operator
                    ));
                }
                _ => {}
            }
        }
        if !open.is_empty() {
            fail("01-? a marked-content sequence left open".into());
        }
        // The parent tree's entry for the page.
        if let Some(key) = key {
            let entry = nums.get(&key).and_then(&deref).and_then(|o| o.as_array().ok().cloned());
            for (&(p, m), owner) in mcid_owner.iter().filter(|((p, _), _)| *p == n) {
                let points = entry
                    .as_ref()
                    .and_then(|a| a.get(m as usize))
                    .and_then(|o| o.as_reference().ok());
                if points != Some(*owner) {
                    fail(format!(
                        "01-? the parent tree does not give marked content {m} of page {p} its element"
                    ));
                }
            }
        }
        // 28: annotations.
        let annots = page
            .get(b"Annots")
            .ok()
            .and_then(&deref)
            .and_then(|a| a.as_array().ok().cloned())
            .unwrap_or_default();
        if !annots.is_empty() && page.get(b"Tabs").and_then(Object::as_name).ok() != Some(b"S".as_slice()) {
            fail("28-? a page with annotations whose /Tabs is not /S".into());
        }
        for a in annots {
            let id = a.as_reference().ok();
            let Some(d) = dict_of(&a) else { continue };
            let subtype = d.get(b"Subtype").and_then(Object::as_name).unwrap_or_default();
            if subtype != b"Link" {
                fail(format!(
                    "28-? an annotation of type {}",
                    String::from_utf8_lossy(subtype)
                ));
            }
            if d.get(b"Contents")
                .ok()
                .and_then(text_of)
                .is_none_or(|c| c.trim().is_empty())
            {
                fail("28-004 a link annotation without /Contents".into());
            }
            let key = d.get(b"StructParent").and_then(Object::as_i64).ok();
            match (id, key) {
                (Some(id), Some(key)) => {
                    if !objrs.contains(&id) {
                        fail("28-011 a link annotation the tree does not reach".into());
                    }
                    if nums.get(&key).and_then(|o| o.as_reference().ok()).is_none() {
                        fail("28-? a link annotation's parent-tree entry is missing".into());
                    }
                }
                _ => fail("28-011 a link annotation that is no tagged object".into()),
            }
        }
    }
    for (place, count) in &referenced {
        if *count != 1 {
            fail(format!("01-? marked content {place:?} is in the tree {count} times"));
        }
        if !in_content.contains(place) {
            fail(format!(
                "01-? the tree points to marked content {place:?} that no page has"
            ));
        }
    }
    for place in &in_content {
        if !referenced.contains_key(place) {
            fail(format!("01-? marked content {place:?} is not in the tree"));
        }
    }

    // 31: fonts embedded, each with a ToUnicode map.
    for (_, object) in doc.objects.iter() {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        let subtype = d.get(b"Subtype").and_then(Object::as_name).unwrap_or_default();
        if (subtype == b"Type0" || subtype == b"TrueType" || subtype == b"Type1") && d.get(b"ToUnicode").is_err() {
            fail("31-009 a font without ToUnicode".into());
        }
        if subtype == b"CIDFontType2" || subtype == b"TrueType" {
            let embedded = d
                .get(b"FontDescriptor")
                .ok()
                .and_then(dict_of)
                .is_some_and(|fd| fd.has(b"FontFile2") || fd.has(b"FontFile3") || fd.has(b"FontFile"));
            if !embedded {
                fail("31-001 a font that is not embedded".into());
            }
        }
    }
    problems.into_iter().collect()
}

#[test]
fn every_printed_document_passes_the_pdf_ua_checks() {
    for (name, doc, quick) in documents() {
        let problems = check(&pdf_of(&doc, quick));
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

/// `bytes` with its tags taken out, as the untagged PDF was written.
fn untagged(bytes: &[u8]) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let catalog = doc.catalog_mut().expect("a catalog");
    catalog.remove(b"StructTreeRoot");
    catalog.remove(b"MarkInfo");
    catalog.remove(b"Metadata");
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in pages {
        let content = doc.get_page_content(page);
        let ops = Content::decode(&content).expect("content parses").operations;
        let kept: Vec<_> = ops
            .into_iter()
            .filter(|op| !matches!(op.operator.as_str(), "BDC" | "BMC" | "EMC"))
            .collect();
        let bytes = Content { operations: kept }.encode().expect("content encodes");
        doc.change_page_content(page, bytes).expect("content replaced");
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saved");
    out
}

#[test]
fn the_checks_fail_on_a_pdf_without_tags() {
    let (_, doc, _) = documents().pop().expect("a policy");
    let problems = check(&untagged(&pdf_of(&doc, false)));
    for expected in ["/MarkInfo", "no structure tree", "no XMP"] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected} not found in {problems:#?}"
        );
    }
}

#[test]
fn the_checks_fail_on_skipped_headings_stray_content_and_a_link_without_description() {
    let (_, doc, _) = documents().pop().expect("a policy");
    let bytes = pdf_of(&doc, false);
    let mut broken = lopdf::Document::load_mem(&bytes).expect("a readable PDF");
    // The first H2 becomes an H3 (skipping a level); the first link loses
    // its description; the last page gets text outside any sequence.
    let mut done = (false, false);
    for (_, object) in broken.objects.iter_mut() {
        let Ok(d) = object.as_dict_mut() else { continue };
        if !done.0 && d.get(b"S").and_then(Object::as_name).ok() == Some(b"H2".as_slice()) {
            d.set("S", Object::Name(b"H3".to_vec()));
            done.0 = true;
        }
        if !done.1 && d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link".as_slice()) {
            d.remove(b"Contents");
            done.1 = true;
        }
    }
    assert_eq!(done, (true, true), "the policy has an H2 and a link");
    let last = *broken.get_pages().values().last().expect("a page");
    let mut content = broken.get_page_content(last);
    content.extend_from_slice(b"\nBT /F1 10 Tf (x) Tj ET\n");
    broken.change_page_content(last, content).expect("content replaced");
    let mut out = Vec::new();
    broken.save_to(&mut out).expect("saved");
    let problems = check(&out);
    for expected in ["14-003", "28-004", "01-005"] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected} not found in {problems:#?}"
        );
    }
}

/// Writes `bytes` to a file of its own in the temporary directory.
fn temp_pdf(name: &str, bytes: &[u8]) -> PathBuf {
    let name: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let path = std::env::temp_dir().join(format!("policy-builder-ua-{}-{name}.pdf", std::process::id()));
    std::fs::write(&path, bytes).expect("write the PDF");
    path
}

/// Collapses whitespace, so that line breaks do not matter.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the structure tree as poppler reads it, one element's text
/// a line in reading order.
fn struct_text(name: &str, bytes: &[u8]) -> String {
    let path = temp_pdf(name, bytes);
    let out = Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(&path)
        .output()
        .expect("pdfinfo (Debian's poppler-utils) runs");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn poppler_reads_the_structure_in_the_documents_order_section_by_section() {
    for (name, doc, quick) in documents() {
        let tree = struct_text(&name, &pdf_of(&doc, quick));
        // The text of the tree, as one string, quotes taken off.
        let text: String = tree
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                let start = l.find('"')?;
                let end = l.rfind('"')?;
                (end > start).then(|| &l[start + 1..end])
            })
            .collect::<Vec<_>>()
            .join(" ");
        let text = flat(&text);
        assert!(
            text.contains(&flat(&doc.title)),
            "{name}: the title is not in the tree:\n{tree:.2000}"
        );
        // Each section's heading and then its text, in order, after the
        // title; list items as their label and text.
        let mut at = text.find(&flat(&doc.title)).unwrap_or(0);
        for section in doc.all_sections() {
            let mut expected = vec![flat(&format!("{} {}", section.number, section.title))];
            for block in &section.blocks {
                use policy_builder::policy::document::BlockKind;
                match &block.kind {
                    BlockKind::Paragraph(t) | BlockKind::Notice(t) => expected.push(flat(&t.to_plain())),
                    BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                        expected.extend(items.iter().map(|t| flat(&t.to_plain())))
                    }
                }
            }
            for piece in expected.iter().filter(|p| !p.is_empty()) {
                let found = text[at..].find(piece.as_str());
                let Some(i) = found else {
                    panic!(
                        "{name}: section {} reads out of order at {piece:?}; the tree goes on: {:.300}",
                        section.number,
                        &text[at..]
                    );
                };
                at += i + piece.len();
            }
        }
    }
}

/// The `pdfua` checker that `.ci/setup test` installs: `$PDFUA`, the
/// project's virtual environment, or one on the PATH.
fn pdfua() -> PathBuf {
    if let Some(path) = std::env::var_os("PDFUA") {
        return PathBuf::from(path);
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tools/pdfua/bin/pdfua");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("pdfua")
    }
}

#[test]
fn the_pdfua_package_finds_nothing_in_any_printed_document() {
    let tool = pdfua();
    for (name, doc, quick) in documents() {
        let path = temp_pdf(&name, &pdf_of(&doc, quick));
        let out = Command::new(&tool)
            .arg("check")
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{} runs (install it with `bash .ci/setup test`): {e}", tool.display()));
        let _ = std::fs::remove_file(&path);
        assert!(
            out.status.success(),
            "{name}: pdfua found problems:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_pdfua_package_fails_a_pdf_without_tags() {
    let (_, doc, _) = documents().pop().expect("a policy");
    let path = temp_pdf("untagged", &untagged(&pdf_of(&doc, false)));
    let out = Command::new(pdfua())
        .arg("check")
        .arg(&path)
        .output()
        .expect("pdfua runs");
    let _ = std::fs::remove_file(&path);
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

/// The Quebec sample's policy in French and in English (the same answers,
/// the French sample's free text in French).
fn quebec_in_both() -> (Document, Document) {
    use policy_builder::policy::bundle::Policy;
    use policy_builder::policy::model::language::Language;
    use policy_builder::policy::sample::{Sample, SAMPLES};
    let english = policy();
    let french = Policy::builtin_in(Language::CanadianFrench).unwrap_or_else(|d| panic!("{d}"));
    let (file, text) = SAMPLES
        .iter()
        .find(|(file, _)| file.contains("quebec-long-term-care"))
        .expect("the Quebec sample");
    let sample = Sample::load(file, text).unwrap_or_else(|d| panic!("{d}"));
    let in_french = sample
        .in_language(file, Language::CanadianFrench, &french.questionnaire)
        .unwrap_or_else(|d| panic!("{d}"));
    (
        fill(&french.questionnaire, &french.library, &in_french.answers),
        fill(&english.questionnaire, &english.library, &sample.answers),
    )
}

/// The bilingual PDF of the Quebec sample, French first.
fn bilingual_quebec() -> (Document, Document, Vec<u8>) {
    use policy_builder::policy::render::pdf::render_bilingual;
    let (fr, en) = quebec_in_both();
    let pdf = render_bilingual([&fr, &en], DocumentKind::Policy).expect("a bilingual PDF");
    assert_eq!(pdf.missing_glyphs, Vec::<char>::new());
    (fr, en, pdf.bytes)
}

/// A string of a PDF dictionary, as Rust text.
fn string_in(d: &Dictionary, key: &[u8]) -> Option<String> {
    d.get(key).ok().and_then(text_of)
}

/// Each page's text as pdftotext reads it, whitespace collapsed.
fn pages_text(name: &str, bytes: &[u8]) -> Vec<String> {
    let path = temp_pdf(name, bytes);
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils) runs");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .expect("UTF-8 text")
        .split('\u{c}')
        .map(flat)
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn the_bilingual_policy_reads_in_french_then_in_english_numbered_through() {
    let (fr, en, bytes) = bilingual_quebec();
    assert_eq!(fr.language, "fr-CA");
    assert_eq!(en.language, "en-CA");
    let pages = pages_text("bilingual-text", &bytes);
    let alone = |doc: &Document| render_pdf_as(doc, DocumentKind::Policy).expect("a PDF").pages;
    let (fr_pages, en_pages) = (alone(&fr), alone(&en));
    assert_eq!(
        pages.len(),
        fr_pages + en_pages,
        "each version whole, one after the other"
    );
    let text = pages.join(" ");
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("the PDF lacks \"{needle}\": {}", &text[..text.len().min(800)]))
    };
    let french = at("Pourquoi nous utilisons les médias sociaux");
    let english = at("Why we use social media");
    assert!(french < english, "French first");
    // Each version's cover opens its part, and the page numbers run on.
    assert!(pages[fr_pages].contains(&flat(&en.title)), "{}", pages[fr_pages]);
    let total = fr_pages + en_pages;
    assert!(
        pages[total - 1].contains(&format!("Page {total} of {total}")),
        "{}",
        pages[total - 1]
    );
    assert!(
        pages[fr_pages + 1].contains(&format!("Page {} of {total}", fr_pages + 2)),
        "{}",
        pages[fr_pages + 1]
    );
    // The English contents give the pages where the English headings are.
    let section = en.sections.first().expect("a section");
    let heading = format!("{} {}", section.number, section.title);
    let landed = pages
        .iter()
        .enumerate()
        .skip(fr_pages + 2)
        .find(|(_, p)| p.contains(&heading))
        .map(|(i, _)| i)
        .expect("the English first section");
    assert!(
        pages[fr_pages + 1].contains(&format!("{} {}", section.title, landed + 1)),
        "the English contents point to page {}: {}",
        landed + 1,
        pages[fr_pages + 1]
    );
}

#[test]
fn each_version_prints_its_fixed_words_in_its_own_language() {
    let (fr, _, bytes) = bilingual_quebec();
    let pages = pages_text("bilingual-words", &bytes);
    let fr_pages = render_pdf_as(&fr, DocumentKind::Policy).expect("a PDF").pages;
    let total = pages.len();
    let (french, english) = pages.split_at(fr_pages);
    let french = french.join(" ");
    let english = english.join(" ");
    for words in [
        "Table des matières",
        "Date d'entrée en vigueur",
        "Responsable de la politique",
        &format!("Page 2 de {total}"),
    ] {
        assert!(french.contains(words), "the French version lacks \"{words}\"");
    }
    for words in ["Contents", "Effective date", "Policy owner", &format!(" of {total}")] {
        assert!(!french.contains(words), "the French version prints \"{words}\"");
        assert!(english.contains(words), "the English version lacks \"{words}\"");
    }
}

#[test]
fn the_bilingual_policy_tags_each_version_with_its_language() {
    let (fr, en, bytes) = bilingual_quebec();
    let doc = lopdf::Document::load_mem(&bytes).expect("a readable PDF");
    let catalog = doc.catalog().expect("a catalog");
    assert_eq!(string_in(catalog, b"Lang").as_deref(), Some("fr-CA"));
    let dict = |o: &Object| -> Dictionary {
        match o {
            Object::Reference(id) => doc.get_dictionary(*id).expect("an object").clone(),
            Object::Dictionary(d) => d.clone(),
            other => panic!("not a dictionary: {other:?}"),
        }
    };
    let root = dict(catalog.get(b"StructTreeRoot").expect("a structure tree"));
    let document = dict(root.get(b"K").expect("a root element"));
    assert_eq!(
        document.get(b"S").and_then(Object::as_name).ok(),
        Some(b"Document".as_slice())
    );
    let parts: Vec<Dictionary> = document
        .get(b"K")
        .and_then(Object::as_array)
        .expect("the document's parts")
        .iter()
        .map(dict)
        .collect();
    let described: Vec<(Vec<u8>, Option<String>)> = parts
        .iter()
        .map(|p| {
            (
                p.get(b"S").and_then(Object::as_name).expect("a role").to_vec(),
                string_in(p, b"Lang"),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            (b"Part".to_vec(), Some("fr-CA".to_owned())),
            (b"Part".to_vec(), Some("en-CA".to_owned()))
        ]
    );
    // The outline: one open item a version, in its own language, with
    // that version's sections beneath.
    let outlines = dict(catalog.get(b"Outlines").expect("an outline"));
    let mut top = Vec::new();
    let mut next = outlines.get(b"First").ok().cloned();
    while let Some(o) = next {
        let item = dict(&o);
        let mut sections = Vec::new();
        let mut child = item.get(b"First").ok().cloned();
        while let Some(c) = child {
            let c = dict(&c);
            sections.push(string_in(&c, b"Title").expect("a title"));
            child = c.get(b"Next").ok().cloned();
        }
        let count = item.get(b"Count").and_then(Object::as_i64).expect("a count");
        top.push((string_in(&item, b"Title").expect("a title"), count, sections));
        next = item.get(b"Next").ok().cloned();
    }
    let sections =
        |d: &Document| -> Vec<String> { d.sections.iter().map(|s| format!("{} {}", s.number, s.title)).collect() };
    assert_eq!(
        top,
        [
            ("Version française".to_owned(), fr.sections.len() as i64, sections(&fr)),
            ("English version".to_owned(), en.sections.len() as i64, sections(&en)),
        ]
    );
    // The title names both versions.
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("an Info dictionary");
    assert_eq!(string_in(info, b"Title"), Some(format!("{} / {}", fr.title, en.title)));
}

#[test]
fn the_bilingual_policy_passes_the_pdf_ua_checks_qpdf_and_pdfua() {
    let (_, _, bytes) = bilingual_quebec();
    let problems = check(&bytes);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let path = temp_pdf("bilingual-check", &bytes);
    let qpdf = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf (Debian's qpdf) runs");
    let pdfua = Command::new(pdfua()).arg("check").arg(&path).output();
    let _ = std::fs::remove_file(&path);
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&qpdf.stdout),
        String::from_utf8_lossy(&qpdf.stderr)
    );
    assert!(qpdf.status.success() && !report.contains("WARNING"), "{report}");
    let pdfua = pdfua.expect("pdfua runs (install it with `bash .ci/setup test`)");
    assert!(
        pdfua.status.success(),
        "pdfua found problems:\n{}{}",
        String::from_utf8_lossy(&pdfua.stdout),
        String::from_utf8_lossy(&pdfua.stderr)
    );
}
