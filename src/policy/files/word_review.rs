//! The review as Word shows it: the open comments and the word-level
//! changes since each section's review, in the form the DOCX writer takes.

use crate::policy::document::{Document, DocumentKind};
use crate::policy::files::review::{Change, Review};
use crate::policy::files::worker_protocol::WordRequest;
use crate::policy::render::docx::{
    render_docx, render_docx_bilingual, DocxError, DocxFile, DocxOptions, Tracked, TrackedSection, WordComment,
};
use crate::policy::render::labels::Labels;

/// Writes `document` as the Word file `word` asks for: the review's open
/// comments and changes since review in it, in the template's styles; with
/// `second` (the same answers in another language) after it in the same
/// file, the review on `document` only (see [`render_docx_bilingual`]).
pub fn word_file(document: &Document, second: Option<&Document>, word: WordRequest) -> Result<DocxFile, DocxError> {
    let template = word
        .template
        .map(|t| t.bytes())
        .transpose()
        .map_err(|e| DocxError::Template(e.to_string()))?;
    // The properties are in the language of the first version.
    let labels = Labels::of(&document.language);
    let options = DocxOptions {
        language: word.language,
        subject: labels.subject(DocumentKind::Policy).to_owned(),
        keywords: labels.word_keywords.into_iter().map(str::to_owned).collect(),
        now: word.now,
        changes_author: labels.drafters.to_owned(),
        comments: word_comments(&word.review, document),
        tracked: word_changes(&word.review, document),
        template,
    };
    match second {
        Some(second) => render_docx_bilingual([document, second], &options),
        None => render_docx(document, &options),
    }
}

/// The open comments on `doc`'s sections, with their replies, in the
/// policy's order.
pub fn word_comments(review: &Review, doc: &Document) -> Vec<WordComment> {
    review
        .open_comments(doc)
        .into_iter()
        .map(|(section, c)| WordComment {
            section: section.to_owned(),
            author: c.author.clone(),
            date: c.at.clone(),
            text: c.text.clone(),
            replies: c
                .replies
                .iter()
                .map(|r| (r.author.clone(), r.at.clone(), r.text.clone()))
                .collect(),
        })
        .collect()
}

/// The sections changed since their review, as tracked changes.
pub fn word_changes(review: &Review, doc: &Document) -> Vec<TrackedSection> {
    review
        .word_changes_since(doc)
        .into_iter()
        .map(|(section, changes)| TrackedSection {
            section,
            changes: changes
                .into_iter()
                .map(|c| match c {
                    Change::Same(s) => Tracked::Same(s),
                    Change::Added(s) => Tracked::Added(s),
                    Change::Removed(s) => Tracked::Removed(s),
                })
                .collect(),
        })
        .collect()
}
