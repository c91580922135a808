//! PDF writing: laid-out pages to PDF bytes with printpdf.
//!
//! Fonts are embedded (printpdf subsets them to the glyphs used), so the
//! text is extractable and prints the same everywhere.

use printpdf::{
    Color, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

use super::document::Document;
use super::layout::{layout, Fonts, Laid, Mark, Style, BOLD, REGULAR};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font could not be read.
    #[error(transparent)]
    Font(#[from] super::layout::FontError),
    /// printpdf could not read a font.
    #[error("the {0} font could not be embedded")]
    Embed(&'static str),
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

/// Lays out and writes `doc` with the built-in fonts.
pub fn render_pdf(doc: &Document) -> Result<Pdf, PdfError> {
    let fonts = Fonts::new(REGULAR, BOLD)?;
    let laid = layout(doc, &fonts);
    write_pdf(doc, &laid)
}

/// Writes laid-out pages as a PDF.
pub fn write_pdf(doc: &Document, laid: &Laid) -> Result<Pdf, PdfError> {
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(REGULAR, 0, &mut warnings).ok_or(PdfError::Embed("regular"))?;
    let bold = ParsedFont::from_bytes(BOLD, 0, &mut warnings).ok_or(PdfError::Embed("bold"))?;
    let mut pdf = PdfDocument::new(&doc.title);
    pdf.metadata.info.author = doc.author.clone();
    pdf.metadata.info.subject = "Social media policy".to_owned();
    pdf.metadata.info.creator = "Social Media Policy Builder".to_owned();
    let regular = PdfFontHandle::External(pdf.add_font(&regular));
    let bold = PdfFontHandle::External(pdf.add_font(&bold));
    let to_mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    let black = Color::Rgb(Rgb::new(0.1, 0.1, 0.12, None));
    let grey = Color::Rgb(Rgb::new(0.42, 0.42, 0.45, None));
    let shade = Color::Rgb(Rgb::new(0.93, 0.95, 0.98, None));
    let pages = laid
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::with_capacity(page.marks.len() * 6);
            for mark in &page.marks {
                match mark {
                    Mark::Rect { x, y, w, h } => {
                        ops.push(Op::SetFillColor { col: shade.clone() });
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
                    Mark::Text {
                        x,
                        y,
                        size,
                        style,
                        text,
                    } => {
                        let (font, col) = match style {
                            Style::Regular => (regular.clone(), black.clone()),
                            Style::Bold => (bold.clone(), black.clone()),
                            Style::Placeholder => (regular.clone(), grey.clone()),
                        };
                        ops.push(Op::SetFillColor { col });
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont { font, size: Pt(*size) });
                        ops.push(Op::SetTextCursor {
                            pos: Point {
                                x: Pt(*x),
                                y: Pt(laid.height - y),
                            },
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(text.clone())],
                        });
                        ops.push(Op::EndTextSection);
                    }
                }
            }
            PdfPage::new(to_mm(laid.width), to_mm(laid.height), ops)
        })
        .collect();
    let bytes = pdf.with_pages(pages).save(&PdfSaveOptions::default(), &mut Vec::new());
    Ok(Pdf {
        bytes,
        pages: laid.pages.len(),
        missing_glyphs: laid.missing_glyphs.iter().copied().collect(),
    })
}
