//! The organization's Word template, kept with a draft: the .docx or
//! .dotx the user picked once, whose styles, theme and fonts the Word
//! export takes. The page keeps it in the browser's storage as base64
//! (storage holds text only) and sends it to the worker with each Word
//! export; the worker reads the package itself
//! ([`crate::policy::render::docx`]). This module only checks what can be
//! told without unzipping: the name, the size and the zip signature.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// The largest template kept. Storage holds about 5 MB for every draft
/// together, and base64 text takes a third more room than the file; a
/// template of styles, theme and fonts is far smaller than this (a logo
/// or sample pages make it bigger).
pub const MAX_TEMPLATE_BYTES: usize = 512 * 1024;

/// A picked template, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordTemplate {
    /// The file's name, as the user knows it.
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// The file, in base64.
    pub base64: String,
}

/// Why a picked file is not kept as the template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// Its name is not a Word document's or template's.
    #[error("\"{0}\" is not a Word document: choose a .docx or .dotx file")]
    NotWord(String),
    /// It is named like one but is not a Word package inside.
    #[error("\"{0}\" is not a Word document inside (it is not a .docx or .dotx package); save it from Word as a .docx or .dotx and choose it again")]
    NotPackage(String),
    /// It is over [`MAX_TEMPLATE_BYTES`].
    #[error("\"{name}\" is {kilobytes} KB; the largest template the app keeps is {limit} KB (remove pictures and sample pages from it, or save an empty document in your house style)")]
    TooBig {
        /// Its name.
        name: String,
        /// Its size.
        kilobytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The stored copy is not base64.
    #[error("the stored Word template is damaged; choose it again")]
    Damaged,
}

impl WordTemplate {
    /// The file `name` with `bytes` as a template, or why not.
    pub fn from_file(name: &str, bytes: &[u8]) -> Result<Self, TemplateError> {
        let lower = name.to_lowercase();
        if !(lower.ends_with(".docx") || lower.ends_with(".dotx")) {
            return Err(TemplateError::NotWord(name.to_owned()));
        }
        if bytes.len() > MAX_TEMPLATE_BYTES {
            return Err(TemplateError::TooBig {
                name: name.to_owned(),
                kilobytes: bytes.len().div_ceil(1024),
                limit: MAX_TEMPLATE_BYTES / 1024,
            });
        }
        // Every Word package is a zip file, which starts with this
        // signature; anything else (an old .doc, a renamed PDF) is not one.
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(TemplateError::NotPackage(name.to_owned()));
        }
        Ok(Self {
            name: name.to_owned(),
            size: bytes.len(),
            base64: STANDARD.encode(bytes),
        })
    }

    /// The file's bytes.
    pub fn bytes(&self) -> Result<Vec<u8>, TemplateError> {
        STANDARD.decode(&self.base64).map_err(|_| TemplateError::Damaged)
    }

    /// How the page names it: "house.dotx (24 KB)".
    pub fn label(&self) -> String {
        format!("{} ({} KB)", self.name, self.size.div_ceil(1024))
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the stored form; `None` when it is not one.
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_package_is_kept_and_read_back_whole() {
        let bytes = b"PK\x03\x04 the rest of a zip".to_vec();
        let t = WordTemplate::from_file("House Style.DOTX", &bytes).expect("kept");
        assert_eq!(t.bytes(), Ok(bytes));
        assert_eq!(t.label(), "House Style.DOTX (1 KB)");
        assert_eq!(WordTemplate::from_json(&t.to_json()), Some(t));
    }

    #[test]
    fn a_file_that_is_not_a_word_document_is_refused_with_a_reason() {
        let not_word = WordTemplate::from_file("logo.png", b"PK\x03\x04").expect_err("refused");
        assert!(
            not_word.to_string().contains("choose a .docx or .dotx file"),
            "{not_word}"
        );
        let old = WordTemplate::from_file("old.docx", b"\xd0\xcf\x11\xe0 an old .doc").expect_err("refused");
        assert_eq!(old, TemplateError::NotPackage("old.docx".into()));
        let big = vec![b'P'; MAX_TEMPLATE_BYTES + 1];
        let too_big = WordTemplate::from_file("big.docx", &big).expect_err("refused");
        assert!(
            too_big
                .to_string()
                .contains("the largest template the app keeps is 512 KB"),
            "{too_big}"
        );
        let damaged = WordTemplate {
            name: "x.docx".into(),
            size: 1,
            base64: "not base64!".into(),
        };
        assert_eq!(damaged.bytes(), Err(TemplateError::Damaged));
    }
}
