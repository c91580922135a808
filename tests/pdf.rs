//! The PDF read back: page count, cover, contents whose page numbers are
//! the pages the headings are on, the outline, metadata, every character,
//! `qpdf --check` on every sample, and the page-breaking rules (no heading
//! alone at the foot of a page, no single line of a paragraph cut off,
//! notices split with their box on each page).
//!
//! Text is read with Debian's `pdftotext -raw` (poppler-utils), which keeps
//! the order of the content streams, so the tests also check that the text
//! extracts in reading order.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use lopdf::{Object, ObjectId};
use policy_builder::policy::document::DocumentKind;
use policy_builder::policy::document::{Block, BlockKind, Cover, Document, Section, Text};
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::ids::{ClauseId, SectionId};
use policy_builder::policy::render::layout::{layout_as, Fonts, Laid, Mark, Style, BOLD, REGULAR};
use policy_builder::policy::render::pdf::{render_pdf, render_quick_reference, Pdf};

mod common;
use common::{policy, samples};

/// The longest sample policy (the Ontario hospital).
fn longest() -> Document {
    let p = policy();
    let (_, sample) = samples().into_iter().next().expect("a sample");
    fill(&p.questionnaire, &p.library, &sample.answers)
}

/// Writes `bytes` to a file of its own in the temporary directory.
fn temp_pdf(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("policy-builder-{}-{name}.pdf", std::process::id()));
    std::fs::write(&path, bytes).expect("write the PDF");
    path
}

/// The text of each page, in content-stream order.
fn page_texts(name: &str, bytes: &[u8]) -> Vec<String> {
    let path = temp_pdf(name, bytes);
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils) runs");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8 text");
    let mut pages: Vec<String> = text.split('\u{c}').map(flat).collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    pages
}

/// Collapses whitespace, so that line breaks do not matter.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every heading as the PDF prints it ("3.2 Title"), in reading order.
fn headings(doc: &Document) -> Vec<String> {
    doc.all_sections()
        .iter()
        .map(|s| flat(&format!("{} {}", s.number, s.title)))
        .collect()
}

/// Finds `needle` in `pages` from (`page`, `at`) on, as whole words.
/// Returns the page (counted from 0) and the offset just after it.
fn find_from(pages: &[String], mut page: usize, mut at: usize, needle: &str) -> Option<(usize, usize)> {
    while page < pages.len() {
        let text = &pages[page];
        let mut from = at;
        while let Some(i) = text.get(from..).and_then(|t| t.find(needle)) {
            let start = from + i;
            let end = start + needle.len();
            let before = text[..start].chars().next_back().is_none_or(char::is_whitespace);
            let after = text[end..].chars().next().is_none_or(char::is_whitespace);
            if before && after {
                return Some((page, end));
            }
            from = end;
        }
        page += 1;
        at = 0;
    }
    None
}

/// The page number the contents give each heading, read in order.
/// Returns the numbers and the page the contents end on.
fn contents_numbers(pages: &[String], doc: &Document) -> (Vec<usize>, usize) {
    let start = pages
        .iter()
        .position(|p| p.contains("Contents"))
        .expect("a contents page");
    let (mut page, mut at) = (start, 0);
    let mut numbers = Vec::new();
    for heading in headings(doc) {
        let (p, end) = find_from(pages, page, at, &heading).unwrap_or_else(|| panic!("contents lack {heading}"));
        let rest = &pages[p][end..];
        let digits: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
        let number = digits
            .parse()
            .unwrap_or_else(|_| panic!("no page number after {heading}: {rest:.40}"));
        numbers.push(number);
        (page, at) = (p, end);
    }
    (numbers, page)
}

/// The page (counted from 1) each heading is on, searching the body in
/// reading order after the contents.
fn heading_pages(pages: &[String], doc: &Document, after: usize) -> Vec<usize> {
    let (mut page, mut at) = (after + 1, 0);
    let mut found = Vec::new();
    for heading in headings(doc) {
        let (p, end) = find_from(pages, page, at, &heading).unwrap_or_else(|| panic!("the body lacks {heading}"));
        found.push(p + 1);
        (page, at) = (p, end);
    }
    found
}

/// The outline: (depth, title, page counted from 1), depth first.
fn outline(bytes: &[u8]) -> Vec<(usize, String, usize)> {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let page_numbers: BTreeMap<ObjectId, usize> = doc.get_pages().into_iter().map(|(n, id)| (id, n as usize)).collect();
    let catalog = doc.catalog().expect("a catalog");
    let root = catalog
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .expect("an outline");
    let mut out = Vec::new();
    fn walk(
        doc: &lopdf::Document,
        first: Option<ObjectId>,
        depth: usize,
        pages: &BTreeMap<ObjectId, usize>,
        out: &mut Vec<(usize, String, usize)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).expect("an outline item");
            let title = item.get(b"Title").expect("a title");
            let title = match title {
                Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => {
                    let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
                    String::from_utf16(&units).expect("UTF-16 title")
                }
                Object::String(bytes, _) => String::from_utf8_lossy(bytes).into_owned(),
                other => panic!("a title that is not a string: {other:?}"),
            };
            let dest = item.get(b"Dest").and_then(Object::as_array).expect("a destination");
            let page = dest[0].as_reference().expect("a page reference");
            out.push((depth, title, pages[&page]));
            let child = item.get(b"First").and_then(Object::as_reference).ok();
            walk(doc, child, depth + 1, pages, out);
            next = item.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let first = doc
        .get_dictionary(root)
        .expect("the outline")
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    walk(&doc, first, 1, &page_numbers, &mut out);
    out
}

#[test]
fn the_policy_has_a_cover_contents_and_numbered_pages_with_header_and_footer() {
    let doc = longest();
    let pdf = render_pdf(&doc).expect("pdf");
    let parsed = lopdf::Document::load_mem(&pdf.bytes).expect("a readable PDF");
    assert_eq!(parsed.get_pages().len(), pdf.pages);
    let pages = page_texts("cover", &pdf.bytes);
    assert_eq!(pages.len(), pdf.pages);
    assert!(pdf.pages >= 10, "{} pages", pdf.pages);
    let cover = &pages[0];
    for fact in [
        doc.author.as_str(),
        doc.title.as_str(),
        &doc.cover.version.to_plain(),
        &doc.cover.effective_date.to_plain(),
        &doc.cover.owner.to_plain(),
        "Approval status Draft",
    ] {
        assert!(!fact.is_empty());
        assert!(cover.contains(&flat(fact)), "the cover lacks {fact:?}: {cover}");
    }
    assert!(!cover.contains("Page 1 of"), "the cover has a footer: {cover}");
    assert!(pages[1].contains("Contents"), "{}", pages[1]);
    let short = doc.cover.short_name.to_plain();
    let version = format!("Version {}", doc.cover.version.to_plain());
    // The title names the organization by its short name, so the running
    // header gives the title alone: the name is not printed twice.
    assert!(doc.title.contains(&short), "{short} in {}", doc.title);
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(page.starts_with(&flat(&doc.title)), "page {} starts {page:.80}", i + 1);
        let header = &page[..doc.title.len()];
        assert_eq!(
            header.matches(short.as_str()).count(),
            1,
            "page {} starts {page:.80}",
            i + 1
        );
        assert!(
            !page[doc.title.len()..].trim_start().starts_with(&short),
            "page {} starts {page:.80}",
            i + 1
        );
        let footer = format!("{version} Page {} of {}", i + 1, pdf.pages);
        assert!(
            page.ends_with(&footer),
            "page {} ends {}",
            i + 1,
            &page[page.len().saturating_sub(80)..]
        );
    }
}

#[test]
fn the_cover_gives_the_purpose_the_owner_the_contact_and_the_approval_block() {
    let doc = longest();
    assert!(!doc.cover.purpose.is_empty() && !doc.cover.contact.is_empty());
    let cover = |doc: &Document| {
        let pdf = render_pdf(doc).expect("pdf");
        page_texts("cover-block", &pdf.bytes).remove(0)
    };
    let draft = cover(&doc);
    for fact in [
        doc.cover.purpose.to_plain(),
        format!("Policy owner {}", doc.cover.owner.to_plain()),
        format!("Contact {}", doc.cover.contact.to_plain()),
        "Approval status Draft".to_owned(),
        // Lines to sign on, each with its hint, while nobody has approved.
        "Approved by To be completed on approval Signature To be completed on approval Date To be completed on approval"
            .to_owned(),
    ] {
        assert!(draft.contains(&flat(&fact)), "the cover lacks {fact:?}: {draft}");
    }
    // The purpose line comes under the title, the facts after it.
    let (title, purpose) = (
        draft.find(&flat(&doc.title)),
        draft.find(&flat(&doc.cover.purpose.to_plain())),
    );
    assert!(title < purpose && purpose < draft.find("Version"), "{draft}");
    let mut approved = doc.clone();
    approved.cover.approval = policy_builder::policy::document::Approval::Approved;
    approved.cover.approved_by = Text::plain("Sam Lee, HR business partner, 1 December 2026");
    let signed = cover(&approved);
    assert!(
        signed.contains("Approval status Approved Approved by Sam Lee, HR business partner, 1 December 2026"),
        "{signed}"
    );
    assert!(!signed.contains("To be completed"), "{signed}");
}

#[test]
fn contents_page_numbers_are_the_pages_the_headings_are_on_in_order() {
    for (name, doc) in samples().into_iter().map(|(name, s)| {
        let p = policy();
        (name, fill(&p.questionnaire, &p.library, &s.answers))
    }) {
        let pdf = render_pdf(&doc).expect("pdf");
        let pages = page_texts(&name, &pdf.bytes);
        let (listed, contents_end) = contents_numbers(&pages, &doc);
        let found = heading_pages(&pages, &doc, contents_end);
        assert_eq!(listed, found, "{name}: contents against headings");
        assert!(found.windows(2).all(|w| w[0] <= w[1]), "{name}");
        assert!(found.iter().all(|p| *p <= pdf.pages), "{name}");
    }
}

#[test]
fn the_outline_lists_every_section_and_subsection_in_reading_order_at_its_page() {
    let doc = longest();
    let pdf = render_pdf(&doc).expect("pdf");
    let pages = page_texts("outline", &pdf.bytes);
    let (_, contents_end) = contents_numbers(&pages, &doc);
    let found = heading_pages(&pages, &doc, contents_end);
    let expected: Vec<(usize, String, usize)> = doc
        .all_sections()
        .iter()
        .zip(found)
        .map(|(s, page)| {
            (
                s.number.matches('.').count() + 1,
                format!("{} {}", s.number, s.title),
                page,
            )
        })
        .collect();
    assert!(
        expected.iter().any(|(depth, _, _)| *depth == 2),
        "the sample has subsections"
    );
    assert_eq!(outline(&pdf.bytes), expected);
}

#[test]
fn the_metadata_gives_title_author_subject_keywords_and_language() {
    let doc = longest();
    let pdf = render_pdf(&doc).expect("pdf");
    let path = temp_pdf("info", &pdf.bytes);
    let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo runs");
    let _ = std::fs::remove_file(&path);
    let info = String::from_utf8_lossy(&out.stdout);
    let field = |key: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}:")))
            .map(str::trim)
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(field("Title"), doc.title);
    assert_eq!(field("Author"), doc.author);
    assert_eq!(field("Subject"), "Social media policy");
    assert!(field("Keywords").contains("social media"), "{info}");
    assert_eq!(field("Pages"), pdf.pages.to_string());
    let parsed = lopdf::Document::load_mem(&pdf.bytes).expect("a readable PDF");
    let catalog = parsed.catalog().expect("a catalog");
    let lang = catalog.get(b"Lang").and_then(Object::as_str).expect("a /Lang");
    // The first sample is the Australian practice's: its own English.
    assert_eq!(lang, b"en-AU");
    assert_eq!(lang, doc.language.as_bytes());
    assert_eq!(
        catalog.get(b"PageMode").and_then(Object::as_name).expect("a page mode"),
        b"UseOutlines"
    );
    // No colour profile: the worker's build leaves printpdf's out.
    assert!(catalog.get(b"OutputIntents").is_err());
}

/// Every glyph id shown on every page of the PDF; printpdf writes its
/// embedded fonts as Type0 with two-byte glyph ids.
fn shown_glyphs(bytes: &[u8]) -> Vec<u16> {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let mut glyphs = Vec::new();
    for (_, page) in doc.get_pages() {
        let content = doc.get_and_decode_page_content(page).expect("page content");
        for op in content.operations {
            let strings: Vec<&Object> = match op.operator.as_str() {
                "Tj" | "'" => op.operands.iter().collect(),
                "TJ" => op.operands.iter().filter_map(|o| o.as_array().ok()).flatten().collect(),
                _ => continue,
            };
            for s in strings {
                if let Object::String(b, _) = s {
                    glyphs.extend(b.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])));
                }
            }
        }
    }
    glyphs
}

#[test]
fn no_sample_shows_a_notdef_glyph() {
    let p = policy();
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        let pdf = render_pdf(&doc).expect("pdf");
        let glyphs = shown_glyphs(&pdf.bytes);
        assert!(glyphs.len() > 1000, "{name}");
        assert!(!glyphs.contains(&0), "{name} shows .notdef");
        assert!(pdf.missing_glyphs.is_empty(), "{name}");
    }
}

/// A policy document with a cover and the given sections.
fn policy_doc(sections: Vec<Section>) -> Document {
    Document {
        language: "en".to_owned(),
        title: "Test Social Media Policy".into(),
        author: "Test Organization".into(),
        cover: Cover {
            organization: Text::plain("Test Organization"),
            short_name: Text::plain("Test"),
            version: Text::plain("1.0"),
            effective_date: Text::plain("1 March 2027"),
            owner: Text::plain("The Director"),
            ..Cover::default()
        },
        sections,
        problems: vec![],
    }
}

fn section(number: &str, title: &str, blocks: Vec<BlockKind>, subsections: Vec<Section>) -> Section {
    Section {
        id: SectionId("test".into()),
        number: number.into(),
        title: title.into(),
        blocks: blocks
            .into_iter()
            .map(|kind| Block {
                clause: ClauseId("test.clause".into()),
                kind,
            })
            .collect(),
        subsections,
    }
}

#[test]
fn accented_curly_dashed_and_pdf_syntax_characters_stay_the_text_they_are() {
    let sample = "Québec’s Montréal — “quoted” ‘single’ – dash • bullet … «guillemets» Œuvre ß € ™ \
                  (parentheses) \\backslash\\ ) ( \\( \\) %comment <hex> [array] /Name";
    let doc = policy_doc(vec![section(
        "1",
        "Characters (and “quotes”)",
        vec![
            BlockKind::Paragraph(Text::plain(sample)),
            BlockKind::Bullets(vec![Text::plain(sample)]),
            BlockKind::Notice(Text::plain(sample)),
        ],
        vec![],
    )]);
    let pdf = render_pdf(&doc).expect("pdf");
    assert_eq!(pdf.missing_glyphs, Vec::<char>::new());
    assert!(!shown_glyphs(&pdf.bytes).contains(&0));
    let text = page_texts("characters", &pdf.bytes).join(" ");
    assert_eq!(text.matches(&flat(sample)).count(), 3, "{text}");
    assert!(text.contains("1 Characters (and “quotes”)"), "{text}");
}

#[test]
fn a_character_the_font_lacks_is_reported_and_printed_as_a_question_mark() {
    let doc = policy_doc(vec![section(
        "1",
        "Scripts",
        vec![BlockKind::Paragraph(Text::plain("Chinese 中文 and an emoji 🙂."))],
        vec![],
    )]);
    let pdf = render_pdf(&doc).expect("pdf");
    assert_eq!(pdf.missing_glyphs, vec!['中', '文', '🙂']);
    assert!(!shown_glyphs(&pdf.bytes).contains(&0));
    let text = page_texts("missing", &pdf.bytes).join(" ");
    assert!(text.contains("Chinese ?? and an emoji ?."), "{text}");
}

#[test]
fn qpdf_finds_no_problem_in_the_pdf_of_any_sample() {
    let p = policy();
    for (name, sample) in samples() {
        for (kind, pdf) in [
            (
                "policy",
                render_pdf(&fill(&p.questionnaire, &p.library, &sample.answers)),
            ),
            (
                "quick",
                render_quick_reference(&fill(&p.questionnaire, &p.quick_reference, &sample.answers)),
            ),
        ] {
            let pdf = pdf.expect("pdf");
            let path = temp_pdf(&format!("qpdf-{name}-{kind}"), &pdf.bytes);
            let out = Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .expect("qpdf (Debian's qpdf) runs");
            let _ = std::fs::remove_file(&path);
            let report = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            // Exit 0 is clean; 3 means warnings, which are problems too.
            assert_eq!(out.status.code(), Some(0), "{name} {kind}: {report}");
            assert!(
                report.contains("No syntax or stream encoding errors"),
                "{name} {kind}: {report}"
            );
        }
    }
}

#[test]
fn the_quick_reference_is_one_page_without_cover_or_contents_and_gives_version_and_effective_date() {
    let p = policy();
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.quick_reference, &sample.answers);
        let policy_doc = fill(&p.questionnaire, &p.library, &sample.answers);
        let pdf = render_quick_reference(&doc).expect("pdf");
        assert_eq!(pdf.pages, 1, "{name}");
        let text = &page_texts(&format!("quick-{name}"), &pdf.bytes)[0];
        assert!(text.starts_with(&flat(&doc.title)), "{name}: {text:.80}");
        // The same version and date as the policy's cover, under the title.
        let effective = flat(&format!("Effective {}", policy_doc.cover.effective_date.to_plain()));
        assert!(text.contains(&effective), "{name}: no {effective:?} in {text:.300}");
        let version = policy_doc.cover.version.to_plain();
        if !version.trim().is_empty() {
            let version = flat(&format!("Version {version}"));
            assert!(text.contains(&version), "{name}: no {version:?} in {text:.300}");
        }
        assert!(!text.contains("Contents"), "{name}");
        assert!(text.ends_with("Page 1 of 1"), "{name}");
        assert!(!shown_glyphs(&pdf.bytes).contains(&0), "{name}");
    }
}

#[test]
fn the_longest_sample_makes_a_pdf_of_120_kb_or_less() {
    let pdf: Pdf = render_pdf(&longest()).expect("pdf");
    assert!(pdf.bytes.len() <= 120 * 1024, "{} bytes", pdf.bytes.len());
}

fn laid(doc: &Document) -> Laid {
    let fonts = Fonts::new(REGULAR, BOLD).expect("fonts");
    layout_as(doc, &fonts, DocumentKind::Policy)
}

/// The baselines of the text marks on each page that contain `word`.
fn lines_with(laid: &Laid, word: &str) -> Vec<usize> {
    laid.pages
        .iter()
        .map(|page| {
            let mut ys: Vec<i64> = page
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { y, text, .. } if text.contains(word) => Some((*y * 100.0) as i64),
                    _ => None,
                })
                .collect();
            ys.dedup();
            ys.len()
        })
        .collect()
}

/// A paragraph of `n` lines (long enough to wrap to `n` on an A4 page).
fn paragraph(tag: &str, words: usize) -> BlockKind {
    let text: Vec<String> = (0..words).map(|i| format!("{tag}{i:03}")).collect();
    BlockKind::Paragraph(Text::plain(text.join(" ")))
}

#[test]
fn no_paragraph_leaves_a_single_line_at_the_foot_or_head_of_a_page() {
    let mut split = 0;
    let mut moved = 0;
    for filler in 0..70 {
        let mut blocks: Vec<BlockKind> = (0..filler)
            .map(|i| BlockKind::Paragraph(Text::plain(format!("Filler line {i}."))))
            .collect();
        // Six lines of words.
        blocks.push(paragraph("zq", 72));
        blocks.push(BlockKind::Paragraph(Text::plain("The end.")));
        let laid = laid(&policy_doc(vec![section("1", "Breaks", blocks, vec![])]));
        let per_page: Vec<usize> = lines_with(&laid, "zq").into_iter().filter(|n| *n > 0).collect();
        assert_eq!(
            per_page.iter().sum::<usize>(),
            6,
            "filler {filler}: the test paragraph has six lines"
        );
        assert!(
            per_page.iter().all(|n| *n >= 2),
            "filler {filler}: lines per page {per_page:?}"
        );
        if per_page.len() > 1 {
            split += 1;
        } else if laid.pages.iter().any(|page| {
            // The paragraph opens a page that is not the first of the body.
            page.marks.iter().find_map(|m| match m {
                Mark::Text { style, text, .. } if *style != Style::Muted => Some(text.starts_with("zq000")),
                _ => None,
            }) == Some(true)
        }) {
            moved += 1;
        }
    }
    // Across the filler lengths the paragraph was both cut (2 + 4, 3 + 3,
    // 4 + 2) and moved whole to the next page (when one line was left).
    assert!(split >= 3, "cut {split} times");
    assert!(moved >= 1, "moved {moved} times");
}

#[test]
fn a_heading_or_a_short_list_introduction_never_ends_a_page() {
    for filler in 0..70 {
        let blocks: Vec<BlockKind> = (0..filler)
            .map(|i| BlockKind::Paragraph(Text::plain(format!("Filler line {i}."))))
            .collect();
        let subsections = vec![
            section("1.1", "First subsection", vec![paragraph("aa", 40)], vec![]),
            section("1.2", "Second subsection", vec![paragraph("bb", 8)], vec![]),
            section(
                "1.3",
                "A list",
                vec![
                    BlockKind::Paragraph(Text::plain("The rules cover:")),
                    BlockKind::Bullets(vec![Text::plain("posts"), Text::plain("messages")]),
                ],
                vec![],
            ),
        ];
        let doc = policy_doc(vec![
            section("1", "Fillers", blocks, subsections),
            section(
                "2",
                "Next section",
                vec![],
                vec![section("2.1", "Nested", vec![paragraph("cc", 30)], vec![])],
            ),
        ]);
        let laid = laid(&doc);
        for (i, page) in laid.pages.iter().enumerate() {
            let last = page.marks.iter().rev().find_map(|m| match m {
                Mark::Text { style, text, .. } if *style != Style::Muted => Some((*style, text.clone())),
                _ => None,
            });
            if let Some((style, text)) = last {
                assert_ne!(
                    style,
                    Style::Heading,
                    "filler {filler}: page {} ends with {text}",
                    i + 1
                );
                assert!(!text.ends_with(':'), "filler {filler}: page {} ends with {text}", i + 1);
            }
        }
    }
}

#[test]
fn a_notice_taller_than_a_page_is_split_with_its_box_on_each_page() {
    let long: Vec<String> = (0..900).map(|i| format!("nb{i:03}")).collect();
    let doc = policy_doc(vec![section(
        "1",
        "A long notice",
        vec![BlockKind::Notice(Text::plain(long.join(" ")))],
        vec![],
    )]);
    let laid = laid(&doc);
    let per_page = lines_with(&laid, "nb");
    let pages_with_notice: Vec<usize> = (0..laid.pages.len()).filter(|i| per_page[*i] > 0).collect();
    assert!(pages_with_notice.len() >= 2, "{per_page:?}");
    for i in pages_with_notice {
        let marks = &laid.pages[i].marks;
        let boxes: Vec<(usize, f32, f32)> = marks
            .iter()
            .enumerate()
            .filter_map(|(at, m)| match m {
                Mark::Rect { y, h, .. } => Some((at, *y, *y + *h)),
                _ => None,
            })
            .collect();
        assert_eq!(boxes.len(), 1, "page {}", i + 1);
        let (at, top, bottom) = boxes[0];
        for (j, m) in marks.iter().enumerate() {
            if let Mark::Text { y, size, text, .. } = m {
                if text.contains("nb") {
                    assert!(j > at, "the box is drawn before the text");
                    assert!(
                        *y - size >= top && *y <= bottom,
                        "page {}: text at {y} outside {top}..{bottom}",
                        i + 1
                    );
                }
            }
        }
    }
}

#[test]
fn contents_a_few_lines_longer_than_a_page_leave_no_page_mostly_empty() {
    // From contents that fit on one page to contents of two full pages.
    let mut spilled = 0;
    for n in 20..=80 {
        let sections = (1..=n)
            .map(|i| section(&i.to_string(), &format!("Section {i}"), vec![paragraph("x", 8)], vec![]))
            .collect();
        let laid = laid(&policy_doc(sections));
        // The contents pages: after the cover, up to the page of section 1.
        let first_body = laid
            .pages
            .iter()
            .position(|p| {
                p.marks.iter().any(
                    |m| matches!(m, Mark::Text { text, style: Style::Heading, .. } if text.trim_end() == "1 Section 1"),
                )
            })
            .expect("section 1 is set");
        let contents = &laid.pages[1..first_body];
        if contents.len() < 2 {
            continue;
        }
        spilled += 1;
        let last = contents.last().expect("a contents page");
        // The lowest baseline of its text, the furniture aside.
        let lowest = last
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { y, style, .. } if *style != Style::Muted => Some(*y),
                _ => None,
            })
            .fold(0.0_f32, f32::max);
        let used = (lowest - 76.0) / (841.89 - 72.0 - 76.0);
        assert!(
            used >= 0.4,
            "{n} sections: the last contents page is {:.0}% used",
            used * 100.0
        );
    }
    assert!(spilled > 5, "some of these contents take two pages");
}
