//! PDF writing: laid-out pages to PDF bytes with printpdf.
//!
//! Fonts are embedded (printpdf subsets them to the glyphs used), so the
//! text is extractable and prints the same everywhere. printpdf draws the
//! pages; the outline (a tree of bookmarks in reading order), the document
//! language and the viewer preferences are added to its object model
//! (`lopdf`) before it is saved, since printpdf's own bookmarks are a flat
//! list sorted by page and name.

use std::io::Write;
use std::sync::OnceLock;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, Destination, LineCapStyle, LineDashPattern, LinePoint, LinkAnnotation, Mm, Op,
    ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

use super::document::Document;
use super::layout::{layout_as, Anchor, DocumentKind, Fonts, Laid, Mark, Style, BOLD, REGULAR};

/// The language of the policy text, for the PDF's `/Lang`.
const LANGUAGE: &str = "en";

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be read.
    #[error(transparent)]
    Font(#[from] super::layout::FontError),
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
    let fonts = Fonts::new(REGULAR, BOLD)?;
    let laid = layout_as(doc, &fonts, kind);
    write_pdf(doc, kind, &laid)
}

/// What the PDF's metadata says about a kind of document.
fn subject(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Policy => "Social media policy",
        DocumentKind::QuickReference => "Social media quick reference for staff",
    }
}

/// Writes laid-out pages as a PDF.
pub fn write_pdf(doc: &Document, kind: DocumentKind, laid: &Laid) -> Result<Pdf, PdfError> {
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(REGULAR, 0, &mut warnings).ok_or(PdfError::Embed("regular"))?;
    let bold = ParsedFont::from_bytes(BOLD, 0, &mut warnings).ok_or(PdfError::Embed("bold"))?;
    let mut pdf = PdfDocument::new(&doc.title);
    // The worker's build blanks the ICC profile printpdf embeds for PDF/X
    // and PDF/A (`.ci/strip-worker-exports.mjs`): never ask for those.
    if pdf.metadata.info.conformance.must_have_icc_profile() {
        return Err(PdfError::Write(
            "a conformance level that needs an ICC profile".to_owned(),
        ));
    }
    pdf.metadata.info.author = doc.author.clone();
    pdf.metadata.info.subject = subject(kind).to_owned();
    pdf.metadata.info.keywords = ["social media", "policy", "health care", "privacy", "confidentiality"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    pdf.metadata.info.creator = "Social Media Policy Builder".to_owned();
    pdf.metadata.info.producer = "printpdf".to_owned();
    let regular = PdfFontHandle::External(pdf.add_font(&regular));
    let bold = PdfFontHandle::External(pdf.add_font(&bold));
    let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    let ink = Color::Rgb(Rgb::new(0.1, 0.1, 0.12, None));
    let accent = Color::Rgb(Rgb::new(0.08, 0.25, 0.42, None));
    let grey = Color::Rgb(Rgb::new(0.40, 0.40, 0.43, None));
    let shade = Color::Rgb(Rgb::new(0.93, 0.95, 0.98, None));
    let colour = |style: Style| match style {
        Style::Regular | Style::Bold => ink.clone(),
        Style::Heading => accent.clone(),
        Style::Placeholder | Style::Muted => grey.clone(),
    };
    let pages = laid
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::with_capacity(page.marks.len() * 3);
            // The baseline of the open text object, the font and size, and
            // the fill colour (font and colour outlast a text object).
            let mut line: Option<f32> = None;
            let mut text_font: Option<(&PdfFontHandle, f32)> = None;
            let mut fill: Option<Color> = None;
            for mark in &page.marks {
                // One text object a line, so that even extractors that
                // ignore positions see the line breaks.
                let same_line = matches!(mark, Mark::Text { y, .. } if line == Some(*y));
                if line.is_some() && !same_line {
                    ops.push(Op::EndTextSection);
                    line = None;
                }
                match mark {
                    Mark::Rect { x, y, w, h } => {
                        ops.push(Op::SetFillColor { col: shade.clone() });
                        fill = Some(shade.clone());
                        ops.push(Op::DrawRectangle {
                            rectangle: Rect {
                                x: Pt(*x),
                                y: Pt(laid.height - y - h),
                                width: Pt(*w),
                                height: Pt(*h),
                                mode: Some(printpdf::PaintMode::Fill),
                                winding_order: None,
                            },
                        });
                    }
                    Mark::Rule {
                        x,
                        x2,
                        y,
                        width,
                        dotted,
                        style,
                    } => {
                        ops.push(Op::SaveGraphicsState);
                        ops.push(Op::SetOutlineColor { col: colour(*style) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                        if *dotted {
                            ops.push(Op::SetLineCapStyle {
                                cap: LineCapStyle::Round,
                            });
                            ops.push(Op::SetLineDashPattern {
                                dash: LineDashPattern::new(0.0, &[0.0, 3.0]),
                            });
                        }
                        let at = |x: f32| LinePoint {
                            p: Point {
                                x: Pt(x),
                                y: Pt(laid.height - y),
                            },
                            bezier: false,
                        };
                        ops.push(Op::DrawLine {
                            line: printpdf::Line {
                                points: vec![at(*x), at(*x2)],
                                is_closed: false,
                            },
                        });
                        ops.push(Op::RestoreGraphicsState);
                    }
                    Mark::Link { x, y, w, h, page, top } => {
                        ops.push(Op::LinkAnnotation {
                            link: LinkAnnotation::new(
                                Rect {
                                    x: Pt(*x),
                                    y: Pt(laid.height - y - h),
                                    width: Pt(*w),
                                    height: Pt(*h),
                                    mode: None,
                                    winding_order: None,
                                },
                                Actions::Goto(Destination::Xyz {
                                    page: page + 1,
                                    left: Some(0.0),
                                    top: Some(laid.height - top + 12.0),
                                    zoom: None,
                                }),
                                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                                None,
                                None,
                            ),
                        });
                    }
                    Mark::Text {
                        x,
                        y,
                        size,
                        style,
                        text,
                    } => {
                        // The font and colour are set only when they change.
                        let font = if style.is_bold() { &bold } else { &regular };
                        let col = colour(*style);
                        if line.is_none() {
                            ops.push(Op::StartTextSection);
                            line = Some(*y);
                        }
                        if fill.as_ref() != Some(&col) {
                            ops.push(Op::SetFillColor { col: col.clone() });
                            fill = Some(col);
                        }
                        if text_font != Some((font, *size)) {
                            ops.push(Op::SetFont {
                                font: font.clone(),
                                size: Pt(*size),
                            });
                            text_font = Some((font, *size));
                        }
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(Pt(*x), Pt(laid.height - y)),
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(text.clone())],
                        });
                    }
                }
            }
            if line.is_some() {
                ops.push(Op::EndTextSection);
            }
            PdfPage::new(to_mm(laid.width), to_mm(laid.height), ops)
        })
        .collect();
    let options = PdfSaveOptions::default();
    let mut lo = pdf.with_pages(pages).to_lopdf_document(&options, &mut Vec::new());
    finish(&mut lo, laid).map_err(|e| PdfError::Write(e.to_string()))?;
    compress(&mut lo).map_err(|e| PdfError::Write(e.to_string()))?;
    // Object streams (PDF 1.5) compress the dictionaries too: the
    // outline, the links and the font metrics.
    lo.version = "1.5".to_owned();
    let mut bytes = Vec::new();
    lo.save_modern(&mut bytes).map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(Pdf {
        bytes,
        pages: laid.pages.len(),
        missing_glyphs: laid.missing_glyphs.iter().copied().collect(),
    })
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
fn compress(lo: &mut lopdf::Document) -> std::io::Result<()> {
    let fonts = match FONTS_COMPRESSED.get() {
        Some(fonts) => fonts,
        None => {
            let made = [
                deflate(REGULAR, Compression::default())?,
                deflate(BOLD, Compression::default())?,
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
            deflate(&stream.content, Compression::new(1))?
        };
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// A PDF text string: UTF-16BE with its byte-order mark, so that any
/// character survives.
fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Adds the outline, the language and the viewer preferences to the
/// catalog of the document printpdf made.
fn finish(lo: &mut lopdf::Document, laid: &Laid) -> lopdf::Result<()> {
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let outlines = if laid.anchors.is_empty() {
        None
    } else {
        Some(outline(lo, &page_ids, &laid.anchors, laid.height))
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
    catalog.set("Lang", Object::string_literal(LANGUAGE));
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

/// Writes the outline: one item a section, its subsections beneath it
/// (closed), all in reading order, each going to its heading. Returns the
/// outline dictionary's id.
fn outline(lo: &mut lopdf::Document, page_ids: &[ObjectId], anchors: &[Anchor], height: f32) -> ObjectId {
    let root = lo.new_object_id();
    // Sections and the indices of their subsections.
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, a) in anchors.iter().enumerate() {
        match tree.last_mut() {
            Some((_, subs)) if a.level > 1 => subs.push(i),
            _ => tree.push((i, Vec::new())),
        }
    }
    let ids: Vec<ObjectId> = anchors.iter().map(|_| lo.new_object_id()).collect();
    let item = |i: usize, parent: ObjectId, prev: Option<usize>, next: Option<usize>| {
        let a = &anchors[i];
        let mut d = Dictionary::new();
        d.set("Title", text_string(&format!("{} {}", a.number, a.title)));
        d.set("Parent", parent);
        if let Some(page) = page_ids.get(a.page) {
            d.set(
                "Dest",
                vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(height - a.top + 12.0),
                    Object::Null,
                ],
            );
        }
        if let Some(p) = prev {
            d.set("Prev", ids[p]);
        }
        if let Some(n) = next {
            d.set("Next", ids[n]);
        }
        d
    };
    for (ti, (section, subs)) in tree.iter().enumerate() {
        let prev = ti.checked_sub(1).map(|p| tree[p].0);
        let next = tree.get(ti + 1).map(|n| n.0);
        let mut d = item(*section, root, prev, next);
        if let (Some(first), Some(last)) = (subs.first(), subs.last()) {
            d.set("First", ids[*first]);
            d.set("Last", ids[*last]);
            // Negative: closed, with this many items beneath.
            d.set("Count", -(subs.len() as i64));
        }
        lo.objects.insert(ids[*section], Object::Dictionary(d));
        for (si, sub) in subs.iter().enumerate() {
            let prev = si.checked_sub(1).map(|p| subs[p]);
            let next = subs.get(si + 1).copied();
            let d = item(*sub, ids[*section], prev, next);
            lo.objects.insert(ids[*sub], Object::Dictionary(d));
        }
    }
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (tree.first(), tree.last()) {
        d.set("First", ids[first.0]);
        d.set("Last", ids[last.0]);
    }
    d.set("Count", tree.len() as i64);
    lo.objects.insert(root, Object::Dictionary(d));
    root
}
