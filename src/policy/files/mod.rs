//! File formats: the stored draft, the backup of every draft, answer and reviewed files, the review
//! itself and its reviewers' signatures, and the messages between the page and its worker.

pub mod answer_file;
pub mod backup;
pub mod draft;
#[cfg(feature = "yaml")]
pub mod jobs;
pub mod review;
pub mod signature;
pub mod worker_protocol;
