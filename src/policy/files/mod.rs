//! File formats: the stored draft, the backup of every draft, answer and reviewed files, the review
//! itself and its reviewers' signatures, the revision history and the review reminder, and the
//! messages between the page and its worker.

pub mod answer_file;
pub mod backup;
#[cfg(feature = "calendar")]
pub mod calendar;
pub mod draft;
pub mod history;
#[cfg(feature = "yaml")]
pub mod jobs;
pub mod review;
pub mod signature;
#[cfg(feature = "docx")]
pub mod word_review;
pub mod word_template;
pub mod worker_protocol;
