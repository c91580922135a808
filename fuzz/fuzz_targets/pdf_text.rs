//! Writing a PDF of a document made of arbitrary text: hostile strings,
//! glyphs the fonts lack, long words, deep subsections. Layout and the PDF
//! writer never panic, and the result is a PDF of at least one page.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use policy_builder::policy::document::{Approval, Block, BlockKind, Cover, Document, Run, Section, Text};
use policy_builder::policy::model::ids::{ClauseId, QuestionId, SectionId};
use policy_builder::policy::render::pdf::render_pdf;

const NASTY: &[&str] = &[
    ") Tj ET BT (",
    "\\) \\( \\\\",
    "%%EOF\nendobj\nstream",
    "<script>alert(1)</script>",
    "\u{202e}evil\u{202c}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{627}\u{644}\u{633}\u{644}\u{627}\u{645}",
    "\u{1f600}\u{200d}\u{1f4bb}",
    "e\u{301}\u{301}\u{301}",
    "\t\r\n\u{0}\u{7f}\u{feff}",
    "\u{e000}q\u{e001}",
    "Supercalifragilisticexpialidocious",
    "\u{a0}\u{2009}\u{200b}",
    "",
];

fn string(u: &mut Unstructured<'_>) -> Result<String> {
    let mut out = String::new();
    for _ in 0..u.int_in_range(0..=3)? {
        if u.arbitrary()? {
            out.push_str(u.choose(NASTY)?);
        } else {
            out.push_str(u.arbitrary::<&str>()?);
        }
    }
    if u.ratio(1, 32)? {
        out = out.repeat(u.int_in_range(1..=500)?);
    }
    Ok(out)
}

fn text(u: &mut Unstructured<'_>) -> Result<Text> {
    let mut runs = Vec::new();
    for _ in 0..u.int_in_range(0..=4)? {
        runs.push(if u.ratio(1, 4)? {
            Run::Missing {
                question: QuestionId(string(u)?),
                label: string(u)?,
            }
        } else {
            Run::Plain(string(u)?)
        });
    }
    Ok(Text(runs))
}

fn texts(u: &mut Unstructured<'_>) -> Result<Vec<Text>> {
    (0..u.int_in_range(0..=5)?).map(|_| text(u)).collect()
}

fn section(u: &mut Unstructured<'_>, depth: usize, number: String) -> Result<Section> {
    let mut blocks = Vec::new();
    for _ in 0..u.int_in_range(0..=5)? {
        let kind = match u.int_in_range(0..=3)? {
            0 => BlockKind::Paragraph(text(u)?),
            1 => BlockKind::Bullets(texts(u)?),
            2 => BlockKind::Numbered(texts(u)?),
            _ => BlockKind::Notice(text(u)?),
        };
        blocks.push(Block {
            clause: ClauseId(string(u)?),
            kind,
        });
    }
    let mut subsections = Vec::new();
    if depth < 3 {
        for i in 0..u.int_in_range(0..=3)? {
            subsections.push(section(u, depth + 1, format!("{number}.{}", i + 1))?);
        }
    }
    Ok(Section {
        id: SectionId(string(u)?),
        number: if u.ratio(1, 8)? { string(u)? } else { number },
        title: string(u)?,
        blocks,
        subsections,
    })
}

fn document(u: &mut Unstructured<'_>) -> Result<Document> {
    let mut sections = Vec::new();
    for i in 0..u.int_in_range(0..=4)? {
        sections.push(section(u, 1, (i + 1).to_string())?);
    }
    Ok(Document {
        // An empty cover (as the quick reference has) or one of arbitrary text.
        cover: if u.arbitrary()? {
            Cover {
                organization: text(u)?,
                short_name: text(u)?,
                version: text(u)?,
                effective_date: text(u)?,
                owner: text(u)?,
                next_review: text(u)?,
                approval: *u.choose(&[Approval::Draft, Approval::InReview, Approval::Approved])?,
            }
        } else {
            Cover::default()
        },
        title: string(u)?,
        author: string(u)?,
        sections,
        problems: vec![string(u)?],
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = document(&mut Unstructured::new(data)) else {
        return;
    };
    match render_pdf(&doc) {
        Ok(pdf) => {
            assert!(pdf.pages >= 1, "a PDF has a page");
            assert!(pdf.bytes.starts_with(b"%PDF-"), "the bytes are a PDF");
            // It reads back with every page and each page's content.
            let read = lopdf::Document::load_mem(&pdf.bytes).expect("the PDF reads back");
            let pages = read.get_pages();
            assert_eq!(pages.len(), pdf.pages, "every page is in the page tree");
            for id in pages.into_values() {
                let streams = read.get_page_contents(id);
                assert!(!streams.is_empty(), "a page has content");
                for stream in streams {
                    let bytes = read
                        .get_object(stream)
                        .and_then(lopdf::Object::as_stream)
                        .and_then(lopdf::Stream::decompressed_content)
                        .expect("a page's content decompresses");
                    lopdf::content::Content::decode(&bytes).expect("a page's content is operators");
                }
            }
        }
        Err(e) => panic!("the built-in fonts always work: {e}"),
    }
});
