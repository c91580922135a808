//! The bilingual web page and Word file of the Quebec sample, in French and
//! English: both versions whole and in order, each in its language. The
//! web page is read as text (its ids, links and `lang` attributes); the
//! Word file is unzipped and its `word/document.xml` read with quick-xml
//! (paragraph styles, `w:lang`, the contents fields, the comments). The
//! browser tests read the same files back with axe-core and pandoc
//! (tests/e2e/policy-language.test.mjs).

mod common;

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::document::Document;
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::language::Language;
use policy_builder::policy::render::docx::{render_docx_bilingual, DocxOptions, WordComment};
use policy_builder::policy::render::html::render_html_bilingual;
use quick_xml::events::Event;

/// The Quebec sample filled in French and in English, French first.
fn quebec() -> [Document; 2] {
    let english = common::policy();
    let french = Policy::builtin_in(Language::CanadianFrench).expect("the French templates load");
    let (file, sample) = common::samples()
        .into_iter()
        .find(|(name, _)| name.contains("quebec"))
        .expect("the Quebec sample");
    let in_french = sample
        .in_language(
            &format!("samples/{file}.yaml"),
            Language::CanadianFrench,
            &french.questionnaire,
        )
        .expect("the sample in French");
    [
        fill(&french.questionnaire, &french.library, &in_french.answers),
        fill(&english.questionnaire, &english.library, &sample.answers),
    ]
}

/// Every section heading of `doc` as the web page writes it: its number and
/// title.
fn headings(doc: &Document) -> Vec<String> {
    doc.all_sections()
        .into_iter()
        .map(|s| format!("{} {}", s.number, s.title).trim().to_owned())
        .collect()
}

/// The values of the attribute `name` in `html`, in order.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    html.split(&format!(" {name}=\""))
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
        .collect()
}

#[test]
fn the_bilingual_web_page_has_both_versions_in_order_each_in_its_language_with_links_that_resolve() {
    let [fr, en] = quebec();
    assert_eq!((fr.language.as_str(), en.language.as_str()), ("fr-CA", "en-CA"));
    let html = render_html_bilingual([&fr, &en]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr-CA\">"));
    assert!(
        html.contains(&format!("<title>{} / {}</title>", fr.title, en.title)),
        "both titles"
    );
    let articles: Vec<&str> = html
        .split("<article lang=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
        .collect();
    assert_eq!(articles, ["fr-CA", "en-CA"], "a version each, French first");
    let english = html.find("<article lang=\"en-CA\"").expect("the English version");

    // Every heading of each version, in order, in its own version.
    let mut from = 0;
    for (doc, part) in [(&fr, 0..english), (&en, english..html.len())] {
        for heading in headings(doc) {
            let found = html[from..]
                .find(&format!("\">{heading}</h"))
                .map(|i| i + from)
                .unwrap_or_else(|| panic!("{heading} after {from}"));
            assert!(part.contains(&found), "{heading} is in its version");
            from = found;
        }
    }
    assert!(headings(&fr).len() > 8 && headings(&fr).len() == headings(&en).len());

    let ids = attributes(&html, "id");
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "no id twice");
    let links = attributes(&html, "href");
    assert_eq!(
        links.len(),
        headings(&fr).len() * 2 + 2,
        "the contents of both, and the two switches"
    );
    for link in links {
        let target = link.strip_prefix('#').expect("a link within the page");
        assert!(unique.contains(target), "{link} goes nowhere");
    }
    assert!(html[..english].contains("hreflang=\"en-CA\" lang=\"en-CA\">English version</a>"));
    assert!(html[english..].contains("hreflang=\"fr-CA\" lang=\"fr-CA\">Version française</a>"));
    assert!(html[..english].contains("Table des matières") && html[english..].contains(">Contents</h2>"));
}

/// A paragraph of a Word body: its style, the languages its runs say, its
/// text, and whether it ends a section.
#[derive(Debug, Default)]
struct WordParagraph {
    style: String,
    languages: BTreeSet<String>,
    text: String,
    section_break: bool,
}

fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The paragraphs of `document.xml`, in order.
fn paragraphs(xml: &str) -> Vec<WordParagraph> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current = WordParagraph::default();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("the body is XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:pStyle" => current.style = attribute(&e, b"w:val").unwrap_or_default(),
                b"w:lang" => current.languages.extend(attribute(&e, b"w:val")),
                b"w:sectPr" => current.section_break = true,
                b"w:t" => in_text = true,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => out.push(std::mem::take(&mut current)),
                _ => {}
            },
            Event::Text(t) if in_text => current.text.push_str(&t.decode().expect("utf-8")),
            Event::GeneralRef(r) if in_text => current.text.push_str(match r.decode().expect("utf-8").as_ref() {
                "amp" => "&",
                "apos" => "'",
                "quot" => "\"",
                "lt" => "<",
                _ => ">",
            }),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a DOCX is a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .expect("a text part");
    text
}

#[test]
fn the_bilingual_word_file_has_both_versions_in_order_each_run_in_its_language_and_the_review_on_the_first() {
    let [fr, en] = quebec();
    let first_section = fr.sections[0].id.as_str().to_owned();
    let options = DocxOptions {
        language: fr.language.clone(),
        now: "2026-12-07T09:00:00.000Z".into(),
        comments: vec![WordComment {
            section: first_section.clone(),
            author: "Réviseure".into(),
            date: "2026-12-06T09:00:00Z".into(),
            text: "À revoir".into(),
            replies: vec![],
        }],
        ..DocxOptions::default()
    };
    assert!(
        en.sections[0].id.as_str() == first_section,
        "the comment's section is in both versions"
    );
    let file = render_docx_bilingual([&fr, &en], &options).expect("a DOCX");
    let body = part(&file.bytes, "word/document.xml");
    let paragraphs = paragraphs(&body);

    // Two sections: the French version's, ending at its break, and the
    // English one's, ending with the body.
    assert_eq!(body.matches("<w:sectPr").count(), 2, "a section a version");
    assert!(
        body.rfind("<w:sectPr").is_some_and(|i| !body[i..].contains("<w:p ")),
        "the body's own last"
    );
    let breaks: Vec<usize> = (0..paragraphs.len()).filter(|&i| paragraphs[i].section_break).collect();
    assert_eq!(breaks.len(), 1, "the French version's ends at a paragraph");
    let (french, english) = paragraphs.split_at(breaks[0] + 1);
    assert_eq!(french[0].style, "Title");
    assert_eq!(french[0].text, fr.title);
    assert_eq!(english[0].style, "Title");
    assert_eq!(english[0].text, en.title);

    // Each version's headings, in order, Heading 1 and 2 (Word's
    // navigation), and every paragraph with text in its language only.
    for (paragraphs, doc, tag) in [(french, &fr, "fr-CA"), (english, &en, "en-CA")] {
        let found: Vec<&str> = paragraphs
            .iter()
            .filter(|p| p.style.starts_with("Heading"))
            .map(|p| p.text.as_str())
            .collect();
        let wanted: Vec<&str> = doc.all_sections().into_iter().map(|s| s.title.as_str()).collect();
        assert_eq!(found, wanted, "{tag}");
        for p in paragraphs.iter().filter(|p| !p.text.is_empty()) {
            assert_eq!(p.languages, BTreeSet::from([tag.to_owned()]), "{}", p.text);
        }
    }
    assert!(french.iter().any(|p| p.text.contains("renseignements personnels")));
    assert!(english.iter().any(|p| p.text.contains("personal information")));

    // A contents field each, listing its own version's headings only.
    let toc: Vec<&str> = body
        .split("<w:instrText>")
        .skip(1)
        .filter_map(|rest| rest.split("</w:instrText>").next())
        .filter(|field| field.starts_with("TOC "))
        .collect();
    assert_eq!(toc.len(), 2, "{toc:?}");
    assert!(toc[0].contains("\\b &quot;policy_version_1&quot;"), "{}", toc[0]);
    assert!(toc[1].contains("\\b &quot;policy_version_2&quot;"), "{}", toc[1]);
    for name in ["policy_version_1", "policy_version_2"] {
        assert_eq!(body.matches(&format!("w:name=\"{name}\"")).count(), 1, "{name}");
    }
    // The second version's headings number from 1 again.
    let numbering = part(&file.bytes, "word/numbering.xml");
    assert!(numbering.contains("w:startOverride w:val=\"1\""), "{numbering}");

    // The comment is on the first version only.
    assert_eq!(body.matches("<w:commentRangeStart").count(), 1);
    assert!(body
        .find("<w:commentRangeStart")
        .is_some_and(|c| body.find("<w:sectPr").is_some_and(|s| c < s)));

    // Each version's running header and footer in its language, each
    // section naming its own.
    let footers = [
        part(&file.bytes, "word/footer1.xml"),
        part(&file.bytes, "word/footer2.xml"),
    ];
    assert!(
        footers.iter().any(|f| f.contains(">de <") || f.contains("> de <")),
        "{footers:?}"
    );
    assert!(footers.iter().any(|f| f.contains("> of <")), "{footers:?}");
    let sections: Vec<&str> = body.split("<w:sectPr").skip(1).collect();
    for (i, section) in sections.iter().enumerate() {
        let references = section.split("</w:sectPr>").next().unwrap_or_default();
        assert_eq!(references.matches("<w:headerReference").count(), 1, "section {i}");
        assert_eq!(references.matches("<w:footerReference").count(), 1, "section {i}");
    }

    let headers = [
        part(&file.bytes, "word/header1.xml"),
        part(&file.bytes, "word/header2.xml"),
    ];
    let english_header = headers
        .iter()
        .find(|h| h.contains(&en.title))
        .expect("the English header");
    assert!(english_header.contains("w:val=\"en-CA\""));
    assert!(headers.iter().any(|h| h.contains(&fr.title)));

    // The properties: both titles, the first's language.
    let core = part(&file.bytes, "docProps/core.xml");
    let title = quick_xml::escape::escape(format!("{} / {}", fr.title, en.title)).into_owned();
    assert!(core.contains(&format!("<dc:title>{title}</dc:title>")), "{core}");
    assert!(core.contains("<dc:language>fr-CA</dc:language>"));
    assert!(part(&file.bytes, "word/styles.xml").contains("<w:lang w:val=\"fr-CA\""));
}

#[test]
fn a_word_request_with_a_second_document_makes_one_file_holding_both() {
    use policy_builder::policy::files::word_review::word_file;
    use policy_builder::policy::files::worker_protocol::WordRequest;
    let [fr, en] = quebec();
    let word = WordRequest {
        language: fr.language.clone(),
        now: "2026-12-07T09:00:00.000Z".into(),
        ..WordRequest::default()
    };
    let both = word_file(&fr, Some(&en), word.clone()).expect("a DOCX");
    let body = part(&both.bytes, "word/document.xml");
    assert_eq!(body.matches("<w:sectPr").count(), 2);
    assert!(body.contains(&format!(">{}</w:t>", quick_xml::escape::escape(en.title.as_str()))));
    // The properties are in the first version's language.
    let core = part(&both.bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:subject>Politique sur les médias sociaux</dc:subject>"),
        "{core}"
    );
    assert!(
        core.contains("<cp:keywords>médias sociaux, politique, soins de santé</cp:keywords>"),
        "{core}"
    );
    let english = word_file(&en, Some(&fr), word.clone()).expect("a DOCX");
    let core = part(&english.bytes, "docProps/core.xml");
    assert!(core.contains("<dc:subject>Social media policy</dc:subject>"), "{core}");
    let alone = word_file(&fr, None, word).expect("a DOCX");
    let body = part(&alone.bytes, "word/document.xml");
    assert_eq!(body.matches("<w:sectPr").count(), 1);
    assert!(
        !body.contains("<w:lang "),
        "one version says its language in its styles only"
    );
}
