//! The Word export, read back part by part with the zip and XML crates:
//! Word's style names, real numbering, the contents field, the running
//! header and footer, the properties and language, the organization's
//! template, and a reviewed draft's comments and tracked changes. The
//! word processors' own checks (LibreOffice, pandoc, python-docx) are in
//! tests/e2e/docx.test.mjs and .ci/docx-check.py.

mod common;

use std::io::{Cursor, Read, Write};

use policy_builder::policy::document::{BlockKind, Document, Text};
use policy_builder::policy::files::review::{Reply, Review, Verdict};
use policy_builder::policy::files::word_review::{word_changes, word_comments};
use policy_builder::policy::fill::fill;
use policy_builder::policy::render::docx::{render_docx, DocxError, DocxOptions};

/// The longest sample's policy.
fn longest() -> Document {
    let policy = common::policy();
    common::samples()
        .into_iter()
        .map(|(_, s)| fill(&policy.questionnaire, &policy.library, &s.answers))
        .max_by_key(|d| d.to_plain().len())
        .expect("there are samples")
}

fn options() -> DocxOptions {
    DocxOptions {
        language: "en-CA".into(),
        subject: "Social media policy".into(),
        keywords: vec!["social media".into(), "policy".into(), "healthcare".into()],
        now: "2026-12-03T09:00:00.000Z".into(),
        changes_author: "Drafting team".into(),
        ..DocxOptions::default()
    }
}

/// The text of every part of a DOCX, by name.
fn parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a DOCX is a zip");
    let mut out = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("an entry");
        if f.is_dir() {
            continue;
        }
        let mut text = String::new();
        if f.read_to_string(&mut text).is_ok() {
            out.insert(f.name().to_owned(), text);
        }
    }
    out
}

/// The visible text of `xml`'s `<w:t>` (and deleted `<w:delText>`)
/// elements, one paragraph a line.
fn text_of(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut inside = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if matches!(e.name().as_ref(), b"w:t" | b"w:delText") => inside = true,
            Ok(Event::End(e)) if matches!(e.name().as_ref(), b"w:t" | b"w:delText") => inside = false,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Ok(Event::Text(t)) if inside => out.push_str(&t.decode().expect("utf-8")),
            Ok(Event::GeneralRef(r)) if inside => {
                let name = r.decode().expect("utf-8");
                out.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                });
            }
            Ok(Event::Eof) => break,
            Err(e) => panic!("the XML reads: {e}"),
            _ => {}
        }
    }
    out
}

#[test]
fn the_policy_comes_out_in_words_own_styles_with_real_numbering() {
    let doc = longest();
    let file = render_docx(&doc, &options()).expect("a DOCX");
    let parts = parts(&file.bytes);
    let styles = &parts["word/styles.xml"];
    for (id, name) in [
        ("Title", "Title"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Normal", "Normal"),
        ("ListNumber", "List Number"),
        ("ListBullet", "List Bullet"),
        ("PolicyNotice", "Policy Notice"),
    ] {
        assert!(styles.contains(&format!("w:styleId=\"{id}\"")), "style {id}");
        assert!(styles.contains(&format!("<w:name w:val=\"{name}\"")), "name {name}");
    }
    assert!(styles.contains(r#"<w:lang w:val="en-CA""#), "language in the defaults");

    let body = &parts["word/document.xml"];
    let text = text_of(body);
    // Every heading in order, without typed numbers (Word numbers them).
    let mut at = 0;
    for s in doc.all_sections() {
        let found = text[at..].find(&format!("{}\n", s.title));
        assert!(found.is_some(), "{} after byte {at}", s.title);
        at += found.unwrap_or_default();
        assert!(
            !text.contains(&format!("{} {}\n", s.number, s.title)),
            "no typed number"
        );
    }
    assert!(body.contains("<w:numPr>"), "numbered paragraphs");
    assert!(body.matches(r#"<w:pStyle w:val="ListBullet""#).count() > 3);
    assert!(body.contains(r#"<w:pStyle w:val="PolicyNotice""#), "the notice");
    assert!(
        body.contains("TOC \\o &quot;1-2&quot;") || body.contains("TOC \\o \"1-2\""),
        "a TOC field"
    );

    let numbering = &parts["word/numbering.xml"];
    assert!(numbering.contains(r#"<w:numFmt w:val="bullet""#));
    assert!(numbering.contains(r#"<w:numFmt w:val="decimal""#));
    // Every numbered list has a numbering instance of its own, so each
    // starts at 1.
    let lists = doc
        .all_sections()
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b.kind, BlockKind::Numbered(_)))
        .count();
    assert!(numbering.matches("<w:num ").count() >= 2 + lists, "{numbering}");

    let header = &parts["word/header1.xml"];
    assert!(text_of(header).contains(&doc.title), "{header}");
    let footer = &parts["word/footer1.xml"];
    assert!(footer.contains(">PAGE<") && footer.contains(">NUMPAGES<"), "{footer}");
    if !doc.cover.version.is_empty() {
        assert!(text_of(footer).contains(&format!("Version {}", doc.cover.version.to_plain())));
    }

    let core = &parts["docProps/core.xml"];
    let e = |s: &str| quick_xml::escape::escape(s).into_owned();
    assert!(
        core.contains(&format!("<dc:title>{}</dc:title>", e(&doc.title))),
        "{core}"
    );
    assert!(
        core.contains(&format!("<dc:creator>{}</dc:creator>", e(&doc.author))),
        "{core}"
    );
    assert!(core.contains("<dc:subject>Social media policy</dc:subject>"));
    assert!(core.contains("<cp:keywords>social media, policy, healthcare</cp:keywords>"));
    assert!(core.contains("<dc:language>en-CA</dc:language>"));
    assert!(core.contains(">2026-12-03T09:00:00Z</dcterms:created>"));
}

#[test]
fn open_comments_and_changes_since_review_come_out_for_review_in_word() {
    let mut doc = longest();
    let first = doc.sections[0].id.as_str().to_owned();
    let second = doc.sections[1].id.as_str().to_owned();
    let mut review = Review::default();
    review.set_verdict(&second, Some(Verdict::ChangesRequested), &doc);
    let c = review.comment(
        &first,
        "Ana Ruiz",
        "2026-11-25T10:00:00.000Z",
        "Name the privacy office.",
    );
    if let Some(c) = review.comment_mut(&c) {
        c.replies.push(Reply {
            author: "Comms".into(),
            at: "2026-11-26T08:30:00.000Z".into(),
            text: "Added in 1.2.".into(),
        });
    }
    let resolved = review.comment(&first, "Ben", "2026-11-25T11:00:00Z", "Already fixed.");
    if let Some(c) = review.comment_mut(&resolved) {
        c.resolved = true;
    }
    // The drafters edit the second section after its review.
    let edited = doc.sections[1]
        .blocks
        .iter_mut()
        .find_map(|b| match &mut b.kind {
            BlockKind::Paragraph(t) => Some(t),
            _ => None,
        })
        .expect("the second section has a paragraph");
    let before = edited.to_plain();
    *edited = Text::plain(format!("Updated wording. {before}"));

    let options = DocxOptions {
        comments: word_comments(&review, &doc),
        tracked: word_changes(&review, &doc),
        ..options()
    };
    assert_eq!(options.tracked.len(), 1);
    let file = render_docx(&doc, &options).expect("a DOCX");
    // For looking at the file by hand, or with a word processor.
    if let Some(dir) = std::env::var_os("DOCX_OUT") {
        std::fs::write(std::path::Path::new(&dir).join("reviewed.docx"), &file.bytes).expect("written");
    }
    let parts = parts(&file.bytes);
    let comments = &parts["word/comments.xml"];
    assert!(comments.contains(r#"w:author="Ana Ruiz""#), "{comments}");
    assert!(comments.contains(r#"w:date="2026-11-25T10:00:00Z""#), "{comments}");
    assert!(text_of(comments).contains("Name the privacy office."));
    assert!(text_of(comments).contains("Added in 1.2."), "the reply");
    assert!(
        !text_of(comments).contains("Already fixed."),
        "resolved comments stay out"
    );
    let extended = &parts["word/commentsExtended.xml"];
    assert!(
        extended.contains("w15:paraIdParent"),
        "the reply is a reply: {extended}"
    );

    let body = &parts["word/document.xml"];
    assert!(body.contains("<w:commentRangeStart"), "anchored on the section");
    let ins = body.find("<w:ins ").expect("a tracked insertion");
    assert!(body[ins..].contains("Updated wording."), "the inserted words");
    assert!(body.contains(r#"w:author="Drafting team""#));
    // The rest of the section is unchanged text, its heading still a heading.
    let text = text_of(body);
    assert!(text.contains(&format!("{}\n", doc.sections[1].title)));
    assert!(text.contains(&before));
}

#[test]
fn a_removed_word_is_a_tracked_deletion() {
    let mut doc = longest();
    let id = doc.sections[0].id.as_str().to_owned();
    let mut review = Review::default();
    review.set_verdict(&id, Some(Verdict::Approved), &doc);
    doc.sections[0].title = "Renamed".into();
    let options = DocxOptions {
        tracked: word_changes(&review, &doc),
        ..options()
    };
    let body = parts(&render_docx(&doc, &options).expect("a DOCX").bytes)["word/document.xml"].clone();
    let del = body.find("<w:del ").expect("a tracked deletion");
    assert!(body[del..].contains("<w:delText"), "{}", &body[del..del + 400]);
    assert!(body.contains(">Renamed<"));
}

/// A minimal Word template whose Heading 1 is red Georgia, with a theme.
fn template() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:color w:val="C00000"/><w:sz w:val="36"/></w:rPr></w:style></w:styles>"#;
    let theme = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="House"><a:themeElements/></a:theme>"#;
    for (name, text) in [
        ("word/styles.xml", styles),
        ("word/theme/theme1.xml", theme),
        ("[Content_Types].xml", "<Types/>"),
    ] {
        zip.start_file(name, o).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn the_organizations_template_restyles_heading_one() {
    let doc = longest();
    let options = DocxOptions {
        template: Some(template()),
        ..options()
    };
    let parts = parts(&render_docx(&doc, &options).expect("a DOCX").bytes);
    let styles = &parts["word/styles.xml"];
    let heading = styles
        .split("<w:style ")
        .find(|s| s.contains(r#"w:styleId="Heading1""#))
        .expect("Heading 1 is defined");
    assert!(heading.contains("Georgia") && heading.contains("C00000"), "{heading}");
    assert_eq!(
        styles.matches(r#"w:styleId="Heading1""#).count(),
        1,
        "the template's, not ours too"
    );
    assert!(
        styles.contains(r#"w:styleId="PolicyNotice""#),
        "ours where the template has none"
    );
    assert!(
        styles.contains(r#"<w:lang w:val="en-CA""#) && !styles.contains("en-US"),
        "our language"
    );
    assert!(parts["word/theme/theme1.xml"].contains(r#"name="House""#));
    assert!(parts["word/_rels/document.xml.rels"].contains("theme/theme1.xml"));
    assert!(parts["[Content_Types].xml"].contains("/word/theme/theme1.xml"));
}

#[test]
fn a_file_that_is_not_a_word_template_is_refused_with_a_reason() {
    let doc = longest();
    let not_zip = DocxOptions {
        template: Some(b"hello".to_vec()),
        ..options()
    };
    let err = render_docx(&doc, &not_zip).expect_err("not a zip");
    assert!(matches!(err, DocxError::Template(_)));
    assert!(err.to_string().contains("choose a .docx or .dotx"), "{err}");

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .expect("entry");
    let no_styles = DocxOptions {
        template: Some(zip.finish().expect("zip").into_inner()),
        ..options()
    };
    assert!(matches!(
        render_docx(&doc, &no_styles),
        Err(DocxError::TemplateWithoutStyles)
    ));
}

#[test]
fn the_template_kept_with_a_draft_reaches_the_word_file_through_the_worker_request() {
    use policy_builder::policy::files::word_review::word_file;
    use policy_builder::policy::files::word_template::WordTemplate;
    use policy_builder::policy::files::worker_protocol::WordRequest;

    let kept = WordTemplate::from_file("House.dotx", &template()).expect("a Word package");
    // As the page stores it and sends it: JSON, the file in base64.
    let kept = WordTemplate::from_json(&kept.to_json()).expect("read back");
    let word = WordRequest {
        language: "en".into(),
        now: "2026-12-03T09:00:00.000Z".into(),
        review: Review::default(),
        template: Some(kept),
    };
    let file = word_file(&longest(), None, word).expect("a DOCX");
    let styles = &parts(&file.bytes)["word/styles.xml"];
    let heading = styles
        .split("<w:style ")
        .find(|s| s.contains(r#"w:styleId="Heading1""#))
        .expect("Heading 1 is defined");
    assert!(heading.contains("Georgia") && heading.contains("C00000"), "{heading}");

    let damaged = WordRequest {
        template: Some(WordTemplate {
            name: "x.docx".into(),
            size: 3,
            base64: "%%%".into(),
        }),
        ..WordRequest::default()
    };
    let err = word_file(&longest(), None, damaged).expect_err("refused");
    assert!(err.to_string().contains("damaged"), "{err}");
}
