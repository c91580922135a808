//! Rendering a finished Document: for print, layout on pages with the
//! font's real glyph widths, then the PDF writer; for the intranet, one
//! self-contained web page ([`html`]); for editing in Word, the Word file
//! ([`docx`]), all from the same Document.
//!
//! [`layout`] runs the stages: [`typeset`] breaks the text into lines
//! measured with [`fonts`], [`paginate`] cuts them into the pages of
//! [`page`], and [`furniture`] adds the cover, the contents, the running
//! header and the footers. [`pdf`] writes the pages out, `tagged` adds
//! the structure tree and `pdf_file` writes the file's bytes.

#[cfg(feature = "docx")]
pub mod docx;
pub mod fonts;
mod furniture;
pub mod html;
pub mod layout;
pub mod page;
mod paginate;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "pdf")]
mod pdf_file;
pub mod structure;
#[cfg(feature = "pdf")]
mod tagged;
mod typeset;
