//! PDF writing: laid-out pages to PDF bytes with printpdf.
//!
//! The fonts (subset at build time to the characters the app accepts, see
//! `.ci/subset-fonts`) are embedded with the widths and ToUnicode maps of
//! the glyphs the document uses, so the text is extractable and prints the
//! same everywhere. printpdf builds the document: fonts, pages, links and
//! metadata. The pages' content streams are written here (see
//! [`write_pdf`] for why). The outline (a tree of bookmarks in reading
//! order), the document language and the viewer preferences are added to
//! printpdf's object model (`lopdf`) before it is saved, since printpdf's
//! own bookmarks are a flat list sorted by page and name.

use std::io::Write;
use std::sync::OnceLock;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem};

use crate::policy::document::Document;
use crate::policy::document::DocumentKind;
use crate::policy::render::labels::Labels;
use crate::policy::render::layout::{layout_as, layout_bilingual, Anchor, Fonts, Laid, Mark, Style, BOLD, REGULAR};
use crate::policy::render::pdf_file::{push_uint, save, Deflater, Written};
use crate::policy::render::structure::{Role, Structure, Tag};
use crate::policy::render::tagged::{tag, About};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be read.
    #[error(transparent)]
    Font(#[from] crate::policy::render::layout::FontError),
    /// printpdf could not read a font.
    #[error("the {0} font could not be embedded")]
    Embed(&'static str),
    /// The finished document could not be written out.
    #[error("the PDF could not be written ({0})")]
    Write(String),
}

/// A finished PDF and what the user should be told about it.
#[derive(Debug)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters the font lacks, printed as `?`.
    pub missing_glyphs: Vec<char>,
}

/// Lays out and writes `doc` with the built-in fonts: a policy with its
/// cover and contents when it has a cover, otherwise a plain sheet.
pub fn render_pdf(doc: &Document) -> Result<Pdf, PdfError> {
    render_pdf_as(doc, DocumentKind::of(doc))
}

/// Lays out and writes the staff quick reference (filled from
/// [`crate::policy::bundle::Policy::quick_reference`]): one sheet, no
/// cover and no contents.
pub fn render_quick_reference(doc: &Document) -> Result<Pdf, PdfError> {
    render_pdf_as(doc, DocumentKind::QuickReference)
}

/// Lays out and writes `doc` as a `kind`.
pub fn render_pdf_as(doc: &Document, kind: DocumentKind) -> Result<Pdf, PdfError> {
    let laid = layout_as(doc, builtin_fonts()?, kind);
    write_pdf(doc, kind, &laid)
}

/// Lays out and writes two versions of one document (the same answers
/// filled in two languages, such as a Quebec policy in French and in
/// English) as one PDF, each version complete and a `kind` (see
/// [`layout_bilingual`]).
///
/// The catalog's `/Lang` is the first version's; each version is a `Part`
/// of the structure tree with its own `/Lang`, and a top-level bookmark
/// in its own language ("Version française", "English version") with its
/// sections beneath. The title in the Info dictionary is both versions'
/// titles, the first's first, so a viewer's title bar names both; the
/// XMP has that as its default title and each title in its language.
pub fn render_bilingual(docs: [&Document; 2], kind: DocumentKind) -> Result<Pdf, PdfError> {
    let laid = layout_bilingual(docs, builtin_fonts()?, kind);
    let about = About {
        title: crate::policy::render::bilingual_title(docs),
        author: &docs[0].author,
        titles: docs.iter().map(|d| (d.language.as_str(), d.title.as_str())).collect(),
    };
    write(&about, kind, &laid)
}

/// The built-in fonts' metrics, read once: the worker writes many PDFs.
static FONTS: OnceLock<Fonts<'static>> = OnceLock::new();

fn builtin_fonts() -> Result<&'static Fonts<'static>, PdfError> {
    if let Some(fonts) = FONTS.get() {
        return Ok(fonts);
    }
    let made = Fonts::new(REGULAR, BOLD)?;
    Ok(FONTS.get_or_init(|| made))
}

/// The built-in fonts as printpdf reads them, read once: parsing their
/// tables again for every PDF took some 3% of the writing.
static PARSED_FONTS: OnceLock<[ParsedFont; 2]> = OnceLock::new();

fn parsed_fonts() -> Result<&'static [ParsedFont; 2], PdfError> {
    if let Some(fonts) = PARSED_FONTS.get() {
        return Ok(fonts);
    }
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(REGULAR, 0, &mut warnings).ok_or(PdfError::Embed("regular"))?;
    let bold = ParsedFont::from_bytes(BOLD, 0, &mut warnings).ok_or(PdfError::Embed("bold"))?;
    Ok(PARSED_FONTS.get_or_init(|| [regular, bold]))
}

/// Writes laid-out pages as a PDF.
///
/// printpdf builds the document: the embedded fonts with their widths and
/// ToUnicode maps, the page tree, the links and the metadata. The pages'
/// content streams are written here ([`page_content`]) and put in place of
/// printpdf's: its per-character encoding (a glyph lookup, a string and a
/// map insertion for every character, and the glyph ids formatted as hex
/// through `fmt`) took about 5 of the 8 ms the longest sample needed.
/// printpdf is told which characters each font shows through one line of
/// text on the first page, so that it embeds and maps exactly those glyphs.
pub fn write_pdf(doc: &Document, kind: DocumentKind, laid: &Laid) -> Result<Pdf, PdfError> {
    let about = About {
        title: doc.title.clone(),
        author: &doc.author,
        titles: vec![(doc.language.as_str(), doc.title.as_str())],
    };
    write(&about, kind, laid)
}

/// Writes laid-out pages as a PDF that says `about` of itself.
fn write(about: &About<'_>, kind: DocumentKind, laid: &Laid) -> Result<Pdf, PdfError> {
    let fonts = builtin_fonts()?;
    let [regular, bold] = parsed_fonts()?;
    let mut pdf = PdfDocument::new(&about.title);
    // The worker's build blanks the ICC profile printpdf embeds for PDF/X
    // and PDF/A (`.ci/strip-worker-exports.mjs`): never ask for those.
    if pdf.metadata.info.conformance.must_have_icc_profile() {
        return Err(PdfError::Write(
            "a conformance level that needs an ICC profile".to_owned(),
        ));
    }
    pdf.metadata.info.author = about.author.to_owned();
    // The properties are in the first version's language.
    let labels = Labels::of(about.titles.first().map_or("", |(language, _)| language));
    pdf.metadata.info.subject = labels.subject(kind).to_owned();
    pdf.metadata.info.keywords = labels.keywords.into_iter().map(str::to_owned).collect();
    pdf.metadata.info.creator = "Social Media Policy Builder".to_owned();
    pdf.metadata.info.producer = "printpdf".to_owned();
    let regular = pdf.add_font(regular);
    let bold = pdf.add_font(bold);

    // The content streams, and the characters each font shows.
    let names = [regular.0.as_bytes(), bold.0.as_bytes()];
    let mut shown = [Vec::new(), Vec::new()];
    let mut contents = Vec::with_capacity(laid.pages.len());
    let mut content = Vec::with_capacity(16 * 1024);
    // For each page, the element each marked-content id belongs to.
    let mut mcids = Vec::with_capacity(laid.pages.len());
    let mut deflater = Deflater::new();
    for page in &laid.pages {
        content.clear();
        let mut ids = Vec::new();
        let marked = Marked {
            structure: &laid.structure,
            mcids: &mut ids,
        };
        page_content(
            fonts,
            &names,
            &page.marks,
            laid.height,
            &mut content,
            &mut shown,
            marked,
        );
        mcids.push(ids);
        let compressed = deflater.deflate(&content).map_err(|e| PdfError::Write(e.to_string()))?;
        contents.push(compressed);
    }

    let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    let pages = laid
        .pages
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let mut ops = Vec::new();
            if i == 0 {
                for (font, shown) in [&regular, &bold].into_iter().zip(&shown) {
                    let text: String = shown.iter().filter(|c| **c != NOT_SHOWN).collect();
                    if text.is_empty() {
                        continue;
                    }
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(10.0),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text)],
                    });
                    ops.push(Op::EndTextSection);
                }
            }
            PdfPage::new(to_mm(laid.width), to_mm(laid.height), ops)
        })
        .collect();
    let options = PdfSaveOptions::default();
    let mut lo = pdf.with_pages(pages).to_lopdf_document(&options, &mut Vec::new());
    // Our content streams in place of printpdf's.
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    if page_ids.len() != contents.len() {
        return Err(PdfError::Write("printpdf made a different number of pages".to_owned()));
    }
    for (page, content) in page_ids.iter().zip(contents) {
        let id = lo
            .get_dictionary(*page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|e| PdfError::Write(e.to_string()))?;
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        lo.objects
            .insert(id, Object::Stream(Stream::new(dict, content).with_compression(false)));
    }
    finish(&mut lo, laid, about.language()).map_err(|e| PdfError::Write(e.to_string()))?;
    let mut written = Written::default();
    tag(&mut lo, &mut written, laid, &mcids, about).map_err(|e| PdfError::Write(e.to_string()))?;
    compress(&mut lo, &mut deflater)?;
    // Object streams (compressed at level 1) for the dictionaries: the
    // structure tree adds some 600 small objects, which took the longest
    // sample from 99 KB to 163 KB written plainly and to 100 KB packed.
    // `pdf_file` writes them, each object once (see there for why not
    // lopdf's own saving). PDF 1.7, which PDF/UA-1 is built on.
    lo.version = "1.7".to_owned();
    let mut bytes = Vec::with_capacity(128 * 1024);
    save(&lo, &written, &mut deflater, &mut bytes).map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(Pdf {
        bytes,
        pages: laid.pages.len(),
        missing_glyphs: laid.missing_glyphs.iter().copied().collect(),
    })
}

/// The colours, as the operands of `rg` and `RG`.
const INK: &[u8] = b"0.1 0.1 0.12";
const ACCENT: &[u8] = b"0.08 0.25 0.42";
const GREY: &[u8] = b"0.4 0.4 0.43";
const SHADE: &[u8] = b"0.93 0.95 0.98";

fn colour(style: Style) -> &'static [u8] {
    match style {
        Style::Regular | Style::Bold => INK,
        Style::Heading => ACCENT,
        Style::Placeholder | Style::Muted => GREY,
    }
}

/// Appends `v` rounded to two decimals, without trailing zeros, and a
/// space. Hundredths of a point are far below what a printer shows.
fn push_num(out: &mut Vec<u8>, v: f32) {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    if hundredths < 0 {
        out.push(b'-');
    }
    let n = hundredths.unsigned_abs();
    push_uint(out, n / 100);
    let frac = n % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if frac % 10 != 0 {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
    out.push(b' ');
}

/// Appends one byte of a literal string: the delimiters and the escape
/// character escaped, and the line ends too, which a reader would
/// otherwise turn into a plain newline.
fn push_literal_byte(out: &mut Vec<u8>, byte: u8) {
    match byte {
        b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\n' => out.extend_from_slice(b"\\n"),
        _ => out.push(byte),
    }
}

/// In the per-font table of characters shown, a glyph no text used.
const NOT_SHOWN: char = '\0';

/// How a page's content is marked: the structure its marks' tags point
/// into, and the element of each marked-content id given so far.
struct Marked<'s> {
    structure: &'s Structure,
    mcids: &'s mut Vec<usize>,
}

/// Writes one page's content stream (uncompressed) and notes, for each
/// font (regular, bold; `names` are their resource names), the character
/// each glyph id it shows stands for.
///
/// Each run of marks with the same tag is one marked-content sequence: an
/// `Artifact`, or the element's role with the next marked-content id,
/// which `marked` records. A sequence holds whole text objects, so that
/// the two kinds of nesting never cross.
fn page_content(
    fonts: &Fonts<'_>,
    names: &[&[u8]; 2],
    marks: &[Mark],
    height: f32,
    out: &mut Vec<u8>,
    shown: &mut [Vec<char>; 2],
    marked: Marked<'_>,
) {
    // The baseline of the open text object, the font and size, and the
    // fill colour (font and colour outlast a text object).
    let mut line: Option<f32> = None;
    let mut text_font: Option<(bool, f32)> = None;
    let mut fill: Option<&[u8]> = None;
    // The tag of the open marked-content sequence.
    let mut open: Option<Tag> = None;
    for mark in marks {
        let tag = match mark {
            // Links are annotations of the page, written with the tree.
            Mark::Link { .. } => continue,
            Mark::Text { tag, .. } => *tag,
            Mark::Rect { .. } | Mark::Rule { .. } => Tag::Artifact,
        };
        // One text object a line, so that even extractors that ignore
        // positions see the line breaks.
        let same_line = matches!(mark, Mark::Text { y, .. } if line == Some(*y));
        if line.is_some() && (!same_line || open != Some(tag)) {
            out.extend_from_slice(b"ET\n");
            line = None;
        }
        if open != Some(tag) {
            if open.is_some() {
                out.extend_from_slice(b"EMC\n");
            }
            match tag {
                Tag::Artifact => out.extend_from_slice(b"/Artifact BMC\n"),
                Tag::Element(e) => {
                    let role = marked.structure.elements.get(e).map_or(Role::Paragraph, |el| el.role);
                    out.push(b'/');
                    out.extend_from_slice(role.name().as_bytes());
                    out.extend_from_slice(b" <</MCID ");
                    push_uint(out, marked.mcids.len() as u64);
                    out.extend_from_slice(b">> BDC\n");
                    marked.mcids.push(e);
                }
            }
            open = Some(tag);
        }
        match mark {
            Mark::Rect { x, y, w, h } => {
                out.extend_from_slice(SHADE);
                out.extend_from_slice(b" rg\n");
                fill = Some(SHADE);
                push_num(out, *x);
                push_num(out, height - y - h);
                push_num(out, *w);
                push_num(out, *h);
                out.extend_from_slice(b"re f\n");
            }
            Mark::Rule {
                x,
                x2,
                y,
                width,
                dotted,
                style,
            } => {
                out.extend_from_slice(b"q ");
                out.extend_from_slice(colour(*style));
                out.extend_from_slice(b" RG ");
                push_num(out, *width);
                out.extend_from_slice(b"w ");
                if *dotted {
                    // Round caps on zero-length dashes: dots 3 points apart.
                    out.extend_from_slice(b"1 J [0 3] 0 d ");
                }
                push_num(out, *x);
                push_num(out, height - y);
                out.extend_from_slice(b"m ");
                push_num(out, *x2);
                push_num(out, height - y);
                out.extend_from_slice(b"l S Q\n");
            }
            Mark::Link { .. } => {}
            Mark::Text {
                x,
                y,
                size,
                style,
                text,
                ..
            } => {
                if line.is_none() {
                    out.extend_from_slice(b"BT\n");
                    line = Some(*y);
                }
                let col = colour(*style);
                if fill != Some(col) {
                    out.extend_from_slice(col);
                    out.extend_from_slice(b" rg\n");
                    fill = Some(col);
                }
                let bold = style.is_bold();
                let face = usize::from(bold);
                if text_font != Some((bold, *size)) {
                    out.push(b'/');
                    out.extend_from_slice(names[face]);
                    out.push(b' ');
                    push_num(out, *size);
                    out.extend_from_slice(b"Tf\n");
                    text_font = Some((bold, *size));
                }
                out.extend_from_slice(b"1 0 0 1 ");
                push_num(out, *x);
                push_num(out, height - y);
                out.extend_from_slice(b"Tm (");
                let shown = &mut shown[face];
                for c in text.chars() {
                    let g = fonts.glyph_id(*style, c);
                    let i = usize::from(g);
                    if i >= shown.len() {
                        shown.resize(i + 1, NOT_SHOWN);
                    }
                    shown[i] = c;
                    for byte in g.to_be_bytes() {
                        push_literal_byte(out, byte);
                    }
                }
                out.extend_from_slice(b") Tj\n");
            }
        }
    }
    if line.is_some() {
        out.extend_from_slice(b"ET\n");
    }
    if open.is_some() {
        out.extend_from_slice(b"EMC\n");
    }
}

/// The embedded fonts, compressed once: they are the same in every PDF.
static FONTS_COMPRESSED: OnceLock<[Vec<u8>; 2]> = OnceLock::new();

fn deflate(bytes: &[u8], level: Compression) -> std::io::Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 2), level);
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Compresses every stream: the fonts from the cache, the page contents
/// at level 1. lopdf's own `compress` takes level 9, which made writing
/// several times slower. Measured in Chromium on the longest sample: level
/// 1 takes about 14 ms and gives 89 KB, level 3 about 17 ms and 72 KB.
fn compress(lo: &mut lopdf::Document, deflater: &mut Deflater) -> Result<(), PdfError> {
    let fonts = match FONTS_COMPRESSED.get() {
        Some(fonts) => fonts,
        None => {
            let made = [
                deflate(REGULAR, Compression::default()).map_err(|e| PdfError::Write(e.to_string()))?,
                deflate(BOLD, Compression::default()).map_err(|e| PdfError::Write(e.to_string()))?,
            ];
            FONTS_COMPRESSED.get_or_init(|| made)
        }
    };
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if stream.dict.has(b"Filter") || !stream.allows_compression {
            continue;
        }
        let compressed = if stream.content == REGULAR {
            fonts[0].clone()
        } else if stream.content == BOLD {
            fonts[1].clone()
        } else {
            deflater
                .deflate(&stream.content)
                .map_err(|e| PdfError::Write(e.to_string()))?
        };
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// A PDF text string: printable ASCII as it is (the same in
/// PDFDocEncoding), anything else as UTF-16BE with its byte-order mark, so
/// that any character survives.
pub(super) fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Adds the outline, the language and the viewer preferences to the
/// catalog of the document printpdf made.
fn finish(lo: &mut lopdf::Document, laid: &Laid, language: &str) -> lopdf::Result<()> {
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let outlines = if laid.anchors.is_empty() {
        None
    } else {
        Some(outline(lo, &page_ids, laid))
    };
    // printpdf dates the file 1 January 1970 unless told the time, and the
    // pipeline never reads the clock: leave the dates out (they are
    // optional), and the empty PDF/X fields with them.
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(info) = lo.get_dictionary_mut(info) {
            for key in [
                b"CreationDate".as_slice(),
                b"ModDate",
                b"GTS_PDFXVersion",
                b"Identifier",
                b"Trapped",
            ] {
                info.remove(key);
            }
        }
    }
    let catalog = lo.catalog_mut()?;
    catalog.set("Lang", Object::string_literal(language));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", prefs);
    match outlines {
        Some(id) => {
            catalog.set("Outlines", id);
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }
    Ok(())
}

/// One outline item: where it goes and the items beneath it.
struct Item {
    title: String,
    /// The page it goes to, counted from 0.
    page: usize,
    /// How far down that page, in PDF coordinates (from the bottom).
    y: f32,
    /// Whether its items show when the file opens.
    open: bool,
    children: Vec<Item>,
}

/// The outline items of `anchors`: one a section, its subsections beneath
/// it (closed).
fn items(anchors: &[Anchor], height: f32) -> Vec<Item> {
    let mut tree: Vec<Item> = Vec::new();
    for a in anchors {
        let item = Item {
            title: format!("{} {}", a.number, a.title),
            page: a.page,
            y: height - a.top + 12.0,
            open: false,
            children: Vec::new(),
        };
        match tree.last_mut() {
            Some(section) if a.level > 1 => section.children.push(item),
            _ => tree.push(item),
        }
    }
    tree
}

/// Writes the outline: one item a section, its subsections beneath it
/// (closed), all in reading order, each going to its heading; for a
/// document of several parts, one open item a part (going to its cover)
/// with its sections beneath. Returns the outline dictionary's id.
fn outline(lo: &mut lopdf::Document, page_ids: &[ObjectId], laid: &Laid) -> ObjectId {
    let tree = if laid.parts.is_empty() {
        items(&laid.anchors, laid.height)
    } else {
        laid.parts
            .iter()
            .map(|part| Item {
                title: part.label.clone(),
                page: part.page,
                y: laid.height,
                open: true,
                children: items(laid.anchors.get(part.anchors.clone()).unwrap_or_default(), laid.height),
            })
            .collect()
    };
    let root = lo.new_object_id();
    let (ends, visible) = write_items(lo, page_ids, &tree, root);
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Outlines".to_vec()));
    if let Some((first, last)) = ends {
        d.set("First", first);
        d.set("Last", last);
    }
    d.set("Count", visible);
    lo.objects.insert(root, Object::Dictionary(d));
    root
}

/// Writes `items`, siblings under `parent`, and what is beneath them.
/// Returns the first and last item's ids and how many items show beneath
/// the parent when it is open.
fn write_items(
    lo: &mut lopdf::Document,
    page_ids: &[ObjectId],
    items: &[Item],
    parent: ObjectId,
) -> (Option<(ObjectId, ObjectId)>, i64) {
    let ids: Vec<ObjectId> = items.iter().map(|_| lo.new_object_id()).collect();
    let mut visible = 0;
    for (i, item) in items.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&item.title));
        d.set("Parent", parent);
        if let Some(page) = page_ids.get(item.page) {
            d.set(
                "Dest",
                vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(item.y),
                    Object::Null,
                ],
            );
        }
        if let Some(p) = i.checked_sub(1) {
            d.set("Prev", ids[p]);
        }
        if let Some(n) = ids.get(i + 1) {
            d.set("Next", *n);
        }
        let (ends, beneath) = write_items(lo, page_ids, &item.children, ids[i]);
        if let Some((first, last)) = ends {
            d.set("First", first);
            d.set("Last", last);
            // Positive: open, with this many items showing beneath;
            // negative: closed.
            d.set("Count", if item.open { beneath } else { -beneath });
        }
        visible += 1 + if item.open { beneath } else { 0 };
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    let ends = ids.first().zip(ids.last()).map(|(f, l)| (*f, *l));
    (ends, visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f32) -> String {
        let mut out = Vec::new();
        push_num(&mut out, v);
        String::from_utf8(out).expect("ASCII")
    }

    #[test]
    fn numbers_are_written_in_hundredths_without_trailing_zeros() {
        assert_eq!(num(0.0), "0 ");
        assert_eq!(num(12.0), "12 ");
        assert_eq!(num(12.5), "12.5 ");
        assert_eq!(num(841.889), "841.89 ");
        assert_eq!(num(0.05), "0.05 ");
        assert_eq!(num(-3.25), "-3.25 ");
        assert_eq!(num(1e7), "10000000 ");
    }

    #[test]
    fn a_content_stream_shows_glyph_ids_and_notes_the_characters_behind_them() {
        let fonts = builtin_fonts().expect("the built-in fonts load");
        let marks = vec![
            Mark::Text {
                x: 72.0,
                y: 100.0,
                size: 11.0,
                style: Style::Regular,
                text: "A(b)\\".to_owned(),
                tag: Tag::Element(Structure::ROOT),
            },
            Mark::Text {
                x: 72.0,
                y: 120.0,
                size: 14.0,
                style: Style::Heading,
                text: "É".to_owned(),
                tag: Tag::Artifact,
            },
        ];
        let mut out = Vec::new();
        let mut shown = [Vec::new(), Vec::new()];
        let structure = Structure::new();
        let mut mcids = Vec::new();
        let marked = Marked {
            structure: &structure,
            mcids: &mut mcids,
        };
        page_content(fonts, &[b"R", b"B"], &marks, 842.0, &mut out, &mut shown, marked);
        // Two lines, two text objects; the heading in the bold font; each
        // string is the glyph ids, two bytes each.
        let ops = lopdf::content::Content::decode(&out)
            .expect("the stream parses")
            .operations;
        let names: Vec<&str> = ops.iter().map(|op| op.operator.as_str()).collect();
        assert_eq!(names.iter().filter(|n| **n == "BT").count(), 2, "{names:?}");
        let fonts_set: Vec<(Vec<u8>, f32)> = ops
            .iter()
            .filter(|op| op.operator == "Tf")
            .map(|op| {
                let name = op.operands[0].as_name().expect("a font name").to_vec();
                (name, op.operands[1].as_float().expect("a size"))
            })
            .collect();
        assert_eq!(fonts_set, [(b"R".to_vec(), 11.0), (b"B".to_vec(), 14.0)]);
        let shown_bytes: Vec<Vec<u8>> = ops
            .iter()
            .filter(|op| op.operator == "Tj")
            .map(|op| op.operands[0].as_str().expect("a string").to_vec())
            .collect();
        let ids = |style: Style, s: &str| -> Vec<u8> {
            s.chars().flat_map(|c| fonts.glyph_id(style, c).to_be_bytes()).collect()
        };
        assert_eq!(shown_bytes, [ids(Style::Regular, "A(b)\\"), ids(Style::Bold, "É")]);
        let positions: Vec<(f32, f32)> = ops
            .iter()
            .filter(|op| op.operator == "Tm")
            .map(|op| {
                (
                    op.operands[4].as_float().expect("x"),
                    op.operands[5].as_float().expect("y"),
                )
            })
            .collect();
        assert_eq!(positions, [(72.0, 742.0), (72.0, 722.0)]);
        for (face, style, s) in [(0, Style::Regular, "A(b)\\"), (1, Style::Bold, "É")] {
            for c in s.chars() {
                let g = usize::from(fonts.glyph_id(style, c));
                assert_ne!(g, 0, "{c} has a glyph");
                assert_eq!(shown[face][g], c);
            }
        }
        assert_eq!(shown[0].iter().filter(|c| **c != NOT_SHOWN).count(), 5);
    }

    #[test]
    fn a_literal_string_carries_every_byte_through_a_pdf_reader() {
        let bytes: Vec<u8> = (0..=255u8).chain([b'(', b')', b'\\', b'\r', b'\n', b'\r']).collect();
        let mut content = b"BT (".to_vec();
        for byte in &bytes {
            push_literal_byte(&mut content, *byte);
        }
        content.extend_from_slice(b") Tj ET");
        let ops = lopdf::content::Content::decode(&content)
            .expect("the stream parses")
            .operations;
        assert_eq!(ops.len(), 3);
        assert_eq!(ops[1].operands[0].as_str().expect("a string"), bytes.as_slice());
    }
}
