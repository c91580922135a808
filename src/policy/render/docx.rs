//! The Word exporter: the same finished Document as the PDF, written as a
//! DOCX with docx-rs in Word's own style names (so that any organization's
//! template restyles it), real Word numbering, a table of contents field,
//! a running header and footer with page fields, and, for a reviewed
//! draft, the open comments as Word comments and the changes since the
//! review as tracked changes.
//!
//! docx-rs writes the package; the parts it does not write (the document
//! properties beyond dates, the language, the organization's styles, theme
//! and fonts) are patched into its parts before they are zipped.
//!
//! A bilingual policy is one file holding both versions
//! ([`render_docx_bilingual`]), each written as a one-version file is.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, BuildXML, Comment, Delete, Docx, Footer, Header, IndentLevel, Insert, Level, LevelJc,
    LevelOverride, LevelText, NumPages, NumberFormat, Numbering, NumberingId, PageNum, Paragraph, Run as WordRun,
    RunFonts, SectionProperty, SpecialIndentType, Start, Style, StyleType, TableOfContents,
};

use crate::policy::document::{BlockKind, Document, Run, Section, Text};
use crate::policy::render::bilingual_title;
use crate::policy::render::labels::Labels;

/// The paragraph styles, by Word's style ids. Word's built-in styles keep
/// their built-in names (lowercase for headings, as Word writes them), so
/// that a template's definitions of them take over.
pub mod styles {
    /// The document title.
    pub const TITLE: &str = "Title";
    /// A top-level section heading.
    pub const HEADING_1: &str = "Heading1";
    /// A subsection heading.
    pub const HEADING_2: &str = "Heading2";
    /// Body text.
    pub const NORMAL: &str = "Normal";
    /// An item of a numbered list.
    pub const LIST_NUMBER: &str = "ListNumber";
    /// An item of a bulleted list.
    pub const LIST_BULLET: &str = "ListBullet";
    /// Text set apart, such as the "not legal advice" notice.
    pub const NOTICE: &str = "PolicyNotice";
    /// The name Word shows for [`NOTICE`].
    pub const NOTICE_NAME: &str = "Policy Notice";
}

/// A comment to attach to a section's heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordComment {
    /// The top-level section it is about.
    pub section: String,
    /// Who wrote it.
    pub author: String,
    /// When (ISO 8601).
    pub date: String,
    /// What they said.
    pub text: String,
    /// Replies, oldest first: (author, date, text).
    pub replies: Vec<(String, String, String)>,
}

/// A run of a word-level difference, as the review computed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tracked {
    /// Text in both.
    Same(String),
    /// Text only in the current version: a tracked insertion.
    Added(String),
    /// Text only in the reviewed version: a tracked deletion.
    Removed(String),
}

/// A top-level section that changed since its review: the difference
/// from its reviewed plain text ([`Section::to_plain`]) to its current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedSection {
    /// The section's id.
    pub section: String,
    /// The difference, in order.
    pub changes: Vec<Tracked>,
}

/// What else goes into the file beside the document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxOptions {
    /// The document language, a BCP 47 tag such as `en-CA`.
    pub language: String,
    /// The subject property.
    pub subject: String,
    /// The keywords property.
    pub keywords: Vec<String>,
    /// Now (ISO 8601), for the properties' dates and the tracked changes.
    pub now: String,
    /// Who the tracked changes are from.
    pub changes_author: String,
    /// The organization's .docx or .dotx, whose styles, theme and fonts
    /// the export takes.
    pub template: Option<Vec<u8>>,
    /// Open comments, put on their sections' headings.
    pub comments: Vec<WordComment>,
    /// Sections changed since their review, written as tracked changes.
    pub tracked: Vec<TrackedSection>,
}

/// Why a DOCX could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The template is not a Word file.
    #[error("the Word template could not be read ({0}); choose a .docx or .dotx saved by Word")]
    Template(String),
    /// The template has no styles to take.
    #[error("the Word template has no styles (word/styles.xml is missing)")]
    TemplateWithoutStyles,
    /// The package could not be written.
    #[error("the Word file could not be written ({0})")]
    Write(String),
}

/// A finished DOCX.
#[derive(Debug, Clone)]
pub struct DocxFile {
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Numbering ids: one definition for headings, one for bullets, and one
/// numbering instance for every numbered list after that, so that each
/// list starts at 1 and renumbers itself when edited.
/// docx-rs writes a default definition of its own as 1, so ours start
/// past it.
const HEADINGS_NUM: usize = 10;
const BULLETS_NUM: usize = 11;
const LISTS_ABSTRACT: usize = 12;
const FIRST_LIST_NUM: usize = 12;

/// Writes `doc` as a DOCX.
pub fn render_docx(doc: &Document, options: &DocxOptions) -> Result<DocxFile, DocxError> {
    write(doc, None, options)
}

/// Writes two versions of one policy (the same answers filled in two
/// languages) as one DOCX: each whole with its title, cover facts and
/// contents, the first first, the second in a section of its own that
/// starts on a new page with its own header and footer.
///
/// Every run and paragraph mark says its version's language (`w:lang`),
/// so that Word checks each version's spelling with its own dictionary;
/// the styles' default language and the core properties' are the
/// first's (`options.language`), and the title property names both
/// titles. Both versions' headings are Heading 1 and 2, so Word's
/// navigation pane lists both, each version numbered from 1. Each version
/// has its own contents field, limited to its own headings by a bookmark
/// around the version (`TOC \b`), as each version of the bilingual PDF
/// has its own contents: a reader of one language finds only that
/// language's headings in it.
///
/// The review's comments and tracked changes (`options.comments`,
/// `options.tracked`) go on the first version only: they were made
/// against the policy in its first language, and its sections' text is
/// what they compare with.
pub fn render_docx_bilingual(docs: [&Document; 2], options: &DocxOptions) -> Result<DocxFile, DocxError> {
    write(docs[0], Some(docs[1]), options)
}

/// The bookmarks around the versions of a bilingual file, which their
/// contents fields name.
const VERSIONS: [&str; 2] = ["policy_version_1", "policy_version_2"];

fn write(first: &Document, second: Option<&Document>, options: &DocxOptions) -> Result<DocxFile, DocxError> {
    let template = options.template.as_deref().map(Template::read).transpose()?;
    let no_review = DocxOptions::default();
    let mut writer = Writer {
        // The document's own header and footer are those of its last
        // section: the second version's, when there is one.
        docx: base(second.unwrap_or(first)),
        next_list: FIRST_LIST_NUM,
        next_comment: 1,
        options,
        headings: HEADINGS_NUM,
    };
    writer.body(first, second.map(|_| 0));
    // The first version's running header and footer, when it is followed
    // by a second version.
    let mut own = None;
    if let Some(second) = second {
        // The first version's section ends here, at a paragraph holding its
        // header and footer; the second starts on a new page. (docx-rs's
        // `add_section` keeps only one of a section's header and footer, so
        // the parts are counted here and added to the package after the
        // build, as the document's second header and footer.)
        let (header, footer) = running(first);
        let docx = &mut writer.docx;
        docx.document_rels.header_count += 1;
        docx.document_rels.footer_count += 1;
        docx.content_type = docx.content_type.clone().add_header().add_footer();
        let property = SectionProperty::new()
            .header(Header::new(), &format!("rIdHeader{}", docx.document_rels.header_count))
            .footer(Footer::new(), &format!("rIdFooter{}", docx.document_rels.footer_count));
        writer.push(Paragraph::new().section_property(property));
        own = Some((header, footer));
        // The second version's headings number from 1 again, and it
        // carries no comment or tracked change.
        writer.headings = writer.next_list;
        writer.next_list += 1;
        let restart = |level| LevelOverride::new(level).start(1);
        writer.docx = writer
            .docx
            .add_numbering(Numbering::new(writer.headings, HEADINGS_NUM).overrides(vec![restart(0), restart(1)]));
        writer.options = &no_review;
        writer.body(second, Some(1));
    }
    let mut xml = writer.docx.build();
    if let Some((header, footer)) = own {
        xml.headers.push(header.build());
        xml.footers.push(footer.build());
    }
    let title = second.map_or_else(|| first.title.clone(), |second| bilingual_title([first, second]));
    xml.doc_props.core = core_properties(&title, &first.author, options).into_bytes();
    if let Some(second) = second {
        // Each version's runs in its language: the body up to the first
        // version's section break is the first's, the rest the second's;
        // the second's header and footer are the first written (the
        // document's own).
        let body = String::from_utf8_lossy(&xml.document).into_owned();
        let (one, two) = body.split_at(body.find("<w:sectPr").unwrap_or(body.len()));
        xml.document = format!(
            "{}{}",
            in_language(one, &first.language),
            in_language(two, &second.language)
        )
        .into_bytes();
        for part in [xml.headers.first_mut(), xml.footers.first_mut()].into_iter().flatten() {
            *part = in_language(&String::from_utf8_lossy(part), &second.language).into_bytes();
        }
    }
    pack(xml, template, options)
}

/// `xml` with every run's and paragraph mark's properties saying
/// `language`.
fn in_language(xml: &str, language: &str) -> String {
    let lang = format!(r#"<w:lang w:val="{}"/>"#, quick_xml::escape::escape(language));
    xml.replace("</w:rPr>", &format!("{lang}</w:rPr>"))
        .replace("<w:rPr />", &format!("<w:rPr>{lang}</w:rPr>"))
}

/// The package of `xml`, with the styles' language and the template's
/// styles, fonts and theme.
fn pack(mut xml: docx_rs::XMLDocx, template: Option<Template>, options: &DocxOptions) -> Result<DocxFile, DocxError> {
    let styles = String::from_utf8_lossy(&xml.styles).into_owned();
    let styles = match &template {
        Some(t) => merge_styles(&t.styles, &styles),
        None => styles,
    };
    xml.styles = with_language(&styles, &options.language).into_bytes();
    if let Some(t) = &template {
        if let Some(fonts) = &t.font_table {
            xml.font_table = fonts.clone().into_bytes();
        }
    }
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| DocxError::Write(e.to_string()))?;
    let mut bytes = out.into_inner();
    if let Some(theme) = template.and_then(|t| t.theme) {
        bytes = with_theme(&bytes, &theme)?;
    }
    Ok(DocxFile { bytes })
}

/// The styles, numbering definitions, and `doc`'s header and footer.
fn base(doc: &Document) -> Docx {
    let fonts = RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri");
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on(styles::NORMAL)
            .next(styles::NORMAL)
            .q_format(true)
            .bold()
            .size(size)
            .color("1F3864")
            .outline_lvl(level)
    };
    let list = |id: &str, name: &str| Style::new(id, StyleType::Paragraph).name(name).based_on(styles::NORMAL);
    let level = |n: usize, format: &str, text: &str, indent: i32| {
        Level::new(
            n,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(indent), Some(SpecialIndentType::Hanging(360)), None, None)
    };
    let heading_numbers = AbstractNumbering::new(HEADINGS_NUM)
        .add_level(level(0, "decimal", "%1", 432))
        .add_level(level(1, "decimal", "%1.%2", 576));
    let bullets = AbstractNumbering::new(BULLETS_NUM).add_level(level(0, "bullet", "\u{2022}", 720));
    let numbers = AbstractNumbering::new(LISTS_ABSTRACT).add_level(level(0, "decimal", "%1.", 720));
    let (header, footer) = running(doc);
    Docx::new()
        .default_fonts(fonts)
        .default_size(22)
        .add_style(
            Style::new(styles::NORMAL, StyleType::Paragraph)
                .name("Normal")
                .q_format(true),
        )
        .add_style(
            Style::new(styles::TITLE, StyleType::Paragraph)
                .name("Title")
                .based_on(styles::NORMAL)
                .next(styles::NORMAL)
                .q_format(true)
                .size(52)
                .color("1F3864"),
        )
        .add_style(heading(styles::HEADING_1, "heading 1", 32, 0))
        .add_style(heading(styles::HEADING_2, "heading 2", 26, 1))
        .add_style(list(styles::LIST_NUMBER, "List Number"))
        .add_style(list(styles::LIST_BULLET, "List Bullet"))
        .add_style(
            Style::new(styles::NOTICE, StyleType::Paragraph)
                .name(styles::NOTICE_NAME)
                .based_on(styles::NORMAL)
                .q_format(true)
                .italic()
                .indent(Some(567), None, Some(567), None),
        )
        .add_abstract_numbering(heading_numbers)
        .add_abstract_numbering(bullets)
        .add_abstract_numbering(numbers)
        .add_numbering(Numbering::new(HEADINGS_NUM, HEADINGS_NUM))
        .add_numbering(Numbering::new(BULLETS_NUM, BULLETS_NUM))
        .header(header)
        .footer(footer)
}

/// `doc`'s running header (the organization and the title) and footer
/// (the version and the page number).
fn running(doc: &Document) -> (Header, Footer) {
    let running = |text: String| {
        Paragraph::new()
            .style(styles::NORMAL)
            .add_run(WordRun::new().add_text(text).size(18))
    };
    let org = doc.cover.organization.to_plain();
    let org = if org.trim().is_empty() { doc.author.clone() } else { org };
    let version = doc.cover.version.to_plain();
    let words = Labels::of(&doc.language);
    let header = Header::new().add_paragraph(running(format!("{org} \u{2014} {}", doc.title)));
    let mut footer_line = Paragraph::new().style(styles::NORMAL);
    if !version.trim().is_empty() {
        footer_line = footer_line.add_run(
            WordRun::new()
                .add_text(format!("{} \u{2014} ", words.version_no(version.trim())))
                .size(18),
        );
    }
    let footer_line = footer_line
        .add_run(WordRun::new().add_text(format!("{} ", words.page)).size(18))
        .add_page_num(PageNum::new())
        .add_run(WordRun::new().add_text(format!(" {} ", words.of)).size(18))
        .add_num_pages(NumPages::new());
    (header, Footer::new().add_paragraph(footer_line))
}

/// One line of a section as [`Section::to_plain`] writes it, with the
/// paragraph it becomes: the style, the numbering, and how many
/// characters of the plain line are the prefix that numbering replaces.
struct Line {
    style: &'static str,
    numbering: Option<(usize, usize)>,
    prefix: usize,
    text: Text,
}

/// Builds the body, keeping the numbering and comment counters.
struct Writer<'a> {
    docx: Docx,
    next_list: usize,
    next_comment: usize,
    options: &'a DocxOptions,
    /// The numbering instance of the headings being written.
    headings: usize,
}

impl Writer<'_> {
    /// `doc`'s title, cover facts, contents and sections; inside the
    /// bookmark of [`VERSIONS`] at `version` when it is a version of a
    /// bilingual file, its contents then listing only its own headings.
    fn body(&mut self, doc: &Document, version: Option<usize>) {
        let version = version.and_then(|i| Some((i, *VERSIONS.get(i)?)));
        if let Some((id, name)) = version {
            self.docx = std::mem::take(&mut self.docx).add_bookmark_start(id, name);
        }
        let title = Paragraph::new()
            .style(styles::TITLE)
            .add_run(WordRun::new().add_text(doc.title.clone()));
        self.push(title);
        let words = Labels::of(&doc.language);
        for (label, value) in [
            (words.organization, &doc.cover.organization),
            (words.version, &doc.cover.version),
            (words.effective_date, &doc.cover.effective_date),
            (words.next_review, &doc.cover.next_review),
            (words.policy_owner, &doc.cover.owner),
        ] {
            if !value.is_empty() {
                let p = Paragraph::new()
                    .style(styles::NORMAL)
                    .add_run(WordRun::new().add_text(format!("{label}{}", words.colon)).bold());
                self.push(add_text(p, value));
            }
        }
        if !doc.cover.is_empty() {
            let p = Paragraph::new()
                .style(styles::NORMAL)
                .add_run(
                    WordRun::new()
                        .add_text(format!("{}{}", words.approval_status, words.colon))
                        .bold(),
                )
                .add_run(WordRun::new().add_text(words.approval(doc.cover.approval)));
            self.push(p);
        }
        if doc.sections.len() > 1 {
            let mut toc = TableOfContents::new()
                .heading_styles_range(1, 2)
                .alias(words.contents)
                .without_sdt()
                .dirty();
            if let Some((_, name)) = version {
                toc.instr = toc.instr.entry_bookmark_name(name);
            }
            self.docx = std::mem::take(&mut self.docx).add_table_of_contents(toc);
        }
        for section in &doc.sections {
            let lines = self.lines(section);
            let tracked = self.options.tracked.iter().find(|t| t.section == section.id.as_str());
            let paragraphs = match tracked.and_then(|t| tracked_paragraphs(&lines, &t.changes, self.options)) {
                Some(paragraphs) => paragraphs,
                None => lines.iter().map(plain_paragraph).collect(),
            };
            for (i, p) in paragraphs.into_iter().enumerate() {
                let p = if i == 0 {
                    self.with_comments(p, section.id.as_str())
                } else {
                    p
                };
                self.push(p);
            }
        }
        if let Some((id, _)) = version {
            self.docx = std::mem::take(&mut self.docx).add_bookmark_end(id);
        }
    }

    fn push(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// The section's lines in [`Section::to_plain`]'s order, each numbered
    /// list with a numbering instance of its own.
    fn lines(&mut self, section: &Section) -> Vec<Line> {
        let mut out = Vec::new();
        self.walk(section, 0, &mut out);
        out
    }

    fn walk(&mut self, s: &Section, depth: usize, out: &mut Vec<Line>) {
        let style = if depth == 0 {
            styles::HEADING_1
        } else {
            styles::HEADING_2
        };
        out.push(Line {
            style,
            numbering: Some((self.headings, depth.min(1))),
            prefix: s.number.chars().count() + 1,
            text: Text::plain(s.title.clone()),
        });
        for b in &s.blocks {
            match &b.kind {
                BlockKind::Paragraph(t) => out.push(Line {
                    style: styles::NORMAL,
                    numbering: None,
                    prefix: 0,
                    text: t.clone(),
                }),
                BlockKind::Notice(t) => out.push(Line {
                    style: styles::NOTICE,
                    numbering: None,
                    prefix: 0,
                    text: t.clone(),
                }),
                BlockKind::Bullets(items) => out.extend(items.iter().map(|t| Line {
                    style: styles::LIST_BULLET,
                    numbering: Some((BULLETS_NUM, 0)),
                    prefix: 2,
                    text: t.clone(),
                })),
                BlockKind::Numbered(items) => {
                    let num = self.next_list;
                    self.next_list += 1;
                    self.docx = std::mem::take(&mut self.docx).add_numbering(Numbering::new(num, LISTS_ABSTRACT));
                    out.extend(items.iter().map(|t| Line {
                        style: styles::LIST_NUMBER,
                        numbering: Some((num, 0)),
                        prefix: 2,
                        text: t.clone(),
                    }));
                }
            }
        }
        for sub in &s.subsections {
            self.walk(sub, depth + 1, out);
        }
    }

    /// `p` with the open comments on `section` around its text, replies
    /// as replies.
    fn with_comments(&mut self, mut p: Paragraph, section: &str) -> Paragraph {
        let mut ends = Vec::new();
        let mut starts = Vec::new();
        for c in self.options.comments.iter().filter(|c| c.section == section) {
            let id = self.next_comment;
            self.next_comment += 1;
            starts.push(comment(id, &c.author, &c.date, &c.text, None));
            ends.push(id);
            for (author, date, text) in &c.replies {
                let reply = self.next_comment;
                self.next_comment += 1;
                starts.push(comment(reply, author, date, text, Some(id)));
                ends.push(reply);
            }
        }
        if starts.is_empty() {
            return p;
        }
        // The range marks go around the heading's runs: starts first.
        let children = std::mem::take(&mut p.children);
        for c in starts {
            p = p.add_comment_start(c);
        }
        p.children.extend(children);
        for id in ends {
            p = p.add_comment_end(id);
        }
        p
    }
}

fn comment(id: usize, author: &str, date: &str, text: &str, parent: Option<usize>) -> Comment {
    let mut c = Comment::new(id)
        .author(author)
        .date(word_date(date))
        .add_paragraph(Paragraph::new().add_run(WordRun::new().add_text(text)));
    if let Some(parent) = parent {
        c = c.parent_comment_id(parent);
    }
    c
}

/// An ISO 8601 time as Word writes it, to the second.
fn word_date(at: &str) -> String {
    match at.split_once('.') {
        Some((seconds, _)) if at.ends_with('Z') => format!("{seconds}Z"),
        _ => at.to_owned(),
    }
}

fn styled(line: &Line) -> Paragraph {
    let mut p = Paragraph::new().style(line.style);
    if let Some((num, level)) = line.numbering {
        p = p.numbering(NumberingId::new(num), IndentLevel::new(level));
    }
    p
}

fn plain_paragraph(line: &Line) -> Paragraph {
    add_text(styled(line), &line.text)
}

/// `p` with `text`'s runs, placeholders in brackets and highlighted.
fn add_text(mut p: Paragraph, text: &Text) -> Paragraph {
    for run in &text.0 {
        p = match run {
            Run::Plain(s) => p.add_run(WordRun::new().add_text(s.clone())),
            Run::Missing { label, .. } => p.add_run(WordRun::new().add_text(format!("[{label}]")).highlight("yellow")),
        };
    }
    p
}

/// The section's paragraphs with the difference as tracked changes, or
/// `None` when the difference does not line up with the section's lines
/// (then the section is written as it is now).
fn tracked_paragraphs(lines: &[Line], changes: &[Tracked], options: &DocxOptions) -> Option<Vec<Paragraph>> {
    // Split the difference into the current text's lines: a line ends at
    // each newline of text that is still there; removed text stays in the
    // line where it was taken out.
    let mut split: Vec<Vec<Tracked>> = vec![Vec::new()];
    for change in changes {
        match change {
            Tracked::Removed(s) => {
                let s = s.replace('\n', " ");
                if let Some(line) = split.last_mut() {
                    line.push(Tracked::Removed(s));
                }
            }
            Tracked::Same(s) | Tracked::Added(s) => {
                let make = |t: &str| match change {
                    Tracked::Added(_) => Tracked::Added(t.to_owned()),
                    _ => Tracked::Same(t.to_owned()),
                };
                let mut parts = s.split('\n');
                if let (Some(first), Some(line)) = (parts.next(), split.last_mut()) {
                    line.push(make(first));
                }
                for part in parts {
                    split.push(vec![make(part)]);
                }
            }
        }
    }
    // The plain text ends with a newline, so the last line is empty.
    if split.last().is_some_and(|l| {
        l.iter()
            .all(|c| matches!(c, Tracked::Same(s) | Tracked::Added(s) if s.is_empty()))
    }) {
        split.pop();
    }
    if split.len() != lines.len() {
        return None;
    }
    let date = word_date(&options.now);
    let author = options.changes_author.as_str();
    let paragraphs = lines
        .iter()
        .zip(split)
        .map(|(line, runs)| {
            let mut p = styled(line);
            let mut skip = line.prefix;
            for run in runs {
                p = match run {
                    Tracked::Same(s) if skip > 0 => {
                        let rest = skip_chars(&s, &mut skip);
                        push_tracked(p, Tracked::Same(rest), author, &date)
                    }
                    Tracked::Added(s) if skip > 0 => {
                        let rest = skip_chars(&s, &mut skip);
                        push_tracked(p, Tracked::Added(rest), author, &date)
                    }
                    // The old number of a heading or the old "- " of an
                    // item goes with the prefix: Word numbers them itself.
                    Tracked::Removed(_) if skip > 0 => p,
                    other => push_tracked(p, other, author, &date),
                };
            }
            p
        })
        .collect();
    Some(paragraphs)
}

/// `s` without its first `skip` characters (fewer when `s` is shorter),
/// taking them off `skip`.
fn skip_chars(s: &str, skip: &mut usize) -> String {
    let n = s.chars().count().min(*skip);
    *skip -= n;
    s.chars().skip(n).collect()
}

fn push_tracked(p: Paragraph, run: Tracked, author: &str, date: &str) -> Paragraph {
    match run {
        Tracked::Same(s) if s.is_empty() => p,
        Tracked::Added(s) | Tracked::Removed(s) if s.is_empty() => p,
        Tracked::Same(s) => p.add_run(WordRun::new().add_text(s)),
        Tracked::Added(s) => p.add_insert(Insert::new(WordRun::new().add_text(s)).author(author).date(date)),
        Tracked::Removed(s) => p.add_delete(
            Delete::new()
                .add_run(WordRun::new().add_delete_text(s))
                .author(author)
                .date(date),
        ),
    }
}

/// `docProps/core.xml` with the title, author, subject, keywords and
/// language, which docx-rs does not write.
fn core_properties(title: &str, author: &str, options: &DocxOptions) -> String {
    let e = |s: &str| quick_xml::escape::escape(s).into_owned();
    let now = e(&word_date(&options.now));
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>",
            "<cp:keywords>{keywords}</cp:keywords><dc:language>{language}</dc:language>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = e(title),
        subject = e(&options.subject),
        author = e(author),
        keywords = e(&options.keywords.join(", ")),
        language = e(&options.language),
        now = now,
    )
}

/// `styles` with the document language in its default run properties.
fn with_language(styles: &str, language: &str) -> String {
    if language.is_empty() {
        return styles.to_owned();
    }
    let lang = format!(
        r#"<w:lang w:val="{0}" w:eastAsia="{0}" w:bidi="{0}"/>"#,
        quick_xml::escape::escape(language)
    );
    // A template may already say a language: its default run properties
    // then get ours instead.
    let Some(start) = styles.find("<w:rPrDefault") else {
        return styles.to_owned();
    };
    let Some(len) = styles[start..].find("</w:rPrDefault>") else {
        return styles.to_owned();
    };
    let block = &styles[start..start + len];
    let mut patched = block.to_owned();
    if let Some(at) = patched.find("<w:lang ") {
        if let Some(end) = patched[at..].find("/>") {
            patched.replace_range(at..at + end + 2, "");
        }
    }
    let patched = if let Some(at) = patched.rfind("</w:rPr>") {
        format!("{}{lang}{}", &patched[..at], &patched[at..])
    } else if let Some(at) = patched.find("<w:rPr/>").or_else(|| patched.find("<w:rPr />")) {
        let tag_len = if patched[at..].starts_with("<w:rPr/>") { 8 } else { 9 };
        format!("{}<w:rPr>{lang}</w:rPr>{}", &patched[..at], &patched[at + tag_len..])
    } else {
        let open = patched.find('>').map_or(patched.len(), |i| i + 1);
        format!("{}<w:rPr>{lang}</w:rPr>{}", &patched[..open], &patched[open..])
    };
    format!("{}{patched}{}", &styles[..start], &styles[start + len..])
}

/// The parts taken from an organization's template.
struct Template {
    styles: String,
    theme: Option<String>,
    font_table: Option<String>,
}

impl Template {
    fn read(bytes: &[u8]) -> Result<Self, DocxError> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Template(e.to_string()))?;
        let mut part = |name: &str| -> Result<Option<String>, DocxError> {
            let Ok(mut file) = zip.by_name(name) else {
                return Ok(None);
            };
            // A part larger than this is not a template's styles.
            const MAX: u64 = 8 * 1024 * 1024;
            if file.size() > MAX {
                return Err(DocxError::Template(format!("{name} is too large")));
            }
            let mut text = String::new();
            file.read_to_string(&mut text)
                .map_err(|e| DocxError::Template(format!("{name}: {e}")))?;
            Ok(Some(text))
        };
        let styles = part("word/styles.xml")?.ok_or(DocxError::TemplateWithoutStyles)?;
        Ok(Self {
            styles,
            theme: part("word/theme/theme1.xml")?,
            font_table: part("word/fontTable.xml")?,
        })
    }
}

/// The `<w:style>` elements of a styles part, with their style ids.
fn style_elements(styles: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut rest = styles;
    let mut offset = 0;
    while let Some(start) = rest.find("<w:style ") {
        let Some(len) = rest[start..].find("</w:style>") else {
            break;
        };
        let element = &styles[offset + start..offset + start + len + "</w:style>".len()];
        let id = element
            .split("w:styleId=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_owned();
        out.push((id, element));
        let consumed = start + len + "</w:style>".len();
        offset += consumed;
        rest = &rest[consumed..];
    }
    out
}

/// The template's styles, and ours for every style id the template lacks,
/// as pandoc does with a reference document.
fn merge_styles(template: &str, ours: &str) -> String {
    let have: Vec<String> = style_elements(template).into_iter().map(|(id, _)| id).collect();
    let missing: String = style_elements(ours)
        .into_iter()
        .filter(|(id, _)| !have.contains(id))
        .map(|(_, element)| element)
        .collect();
    match template.rfind("</w:styles>") {
        Some(at) => format!("{}{missing}{}", &template[..at], &template[at..]),
        None => ours.to_owned(),
    }
}

/// The package `docx` with the template's theme added as a part, with its
/// relationship and content type.
fn with_theme(docx: &[u8], theme: &str) -> Result<Vec<u8>, DocxError> {
    let write_error = |e: zip::result::ZipError| DocxError::Write(e.to_string());
    let mut source = zip::ZipArchive::new(Cursor::new(docx)).map_err(write_error)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..source.len() {
        let mut file = source.by_index(i).map_err(write_error)?;
        let name = file.name().to_owned();
        if file.is_dir() {
            continue;
        }
        let mut text = Vec::new();
        file.read_to_end(&mut text)
            .map_err(|e| DocxError::Write(e.to_string()))?;
        let text = match name.as_str() {
            "[Content_Types].xml" => String::from_utf8_lossy(&text)
                .replacen(
                    "</Types>",
                    r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>"#,
                    1,
                )
                .into_bytes(),
            "word/_rels/document.xml.rels" => String::from_utf8_lossy(&text)
                .replacen(
                    "</Relationships>",
                    r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#,
                    1,
                )
                .into_bytes(),
            _ => text,
        };
        out.start_file(name, options).map_err(write_error)?;
        out.write_all(&text).map_err(|e| DocxError::Write(e.to_string()))?;
    }
    out.start_file("word/theme/theme1.xml", options).map_err(write_error)?;
    out.write_all(theme.as_bytes())
        .map_err(|e| DocxError::Write(e.to_string()))?;
    Ok(out.finish().map_err(write_error)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_dates_drop_the_fraction_of_a_second() {
        assert_eq!(word_date("2026-11-25T10:00:00.123Z"), "2026-11-25T10:00:00Z");
        assert_eq!(word_date("2026-11-25T10:00:00Z"), "2026-11-25T10:00:00Z");
    }

    #[test]
    fn the_language_goes_into_the_default_run_properties() {
        let ours = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>"#;
        assert_eq!(
            with_language(ours, "en-CA"),
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/><w:lang w:val="en-CA" w:eastAsia="en-CA" w:bidi="en-CA"/></w:rPr></w:rPrDefault></w:docDefaults>"#
        );
        let theirs = r#"<w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault>"#;
        assert_eq!(
            with_language(theirs, "fr-CA"),
            r#"<w:rPrDefault><w:rPr><w:lang w:val="fr-CA" w:eastAsia="fr-CA" w:bidi="fr-CA"/></w:rPr></w:rPrDefault>"#
        );
        let bare = r#"<w:rPrDefault/>"#;
        assert_eq!(with_language(bare, "en"), bare, "nothing to patch is left alone");
    }

    #[test]
    fn a_template_keeps_its_styles_and_gains_the_ones_it_lacks() {
        let template = r#"<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="C00000"/></w:rPr></w:style></w:styles>"#;
        let ours = r#"<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="PolicyNotice"><w:name w:val="Policy Notice"/></w:style></w:styles>"#;
        let merged = merge_styles(template, ours);
        assert_eq!(merged.matches("w:styleId=\"Heading1\"").count(), 1);
        assert!(merged.contains("C00000"));
        assert!(merged.contains("Policy Notice"));
    }
}
