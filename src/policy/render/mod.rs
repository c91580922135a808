//! Rendering a finished Document for print: layout on pages with the
//! font's real glyph widths, then the PDF writer; and the Word writer,
//! from the same Document.

#[cfg(feature = "docx")]
pub mod docx;
pub mod layout;
#[cfg(feature = "pdf")]
pub mod pdf;
