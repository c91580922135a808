//! Rendering a finished Document for print: layout on pages with the
//! font's real glyph widths, then the PDF writer.

pub mod layout;
#[cfg(feature = "pdf")]
pub mod pdf;
