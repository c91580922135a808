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
//!
//! A bilingual document is two finished Documents (the same answers
//! filled in two languages), not a Document that knows two languages:
//! [`layout::layout_bilingual`] lays each out as it would be alone and
//! joins them, each version a `Part` of the structure in its own
//! language, and the exporters that hold two take the pair.

use crate::policy::document::Document;

#[cfg(feature = "docx")]
pub mod docx;
pub mod fonts;
mod furniture;
pub mod html;
pub mod labels;
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

/// The title of a bilingual document: both versions' titles, the first's
/// first ("Titre / Title"), or the one title when they are the same.
pub fn bilingual_title(docs: [&Document; 2]) -> String {
    if docs[0].title == docs[1].title {
        docs[0].title.clone()
    } else {
        format!("{} / {}", docs[0].title, docs[1].title)
    }
}
