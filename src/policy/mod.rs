//! The pure pipeline. Nothing here touches the browser, the clock or the
//! network; every input is data.
//!
//! ```text
//! policy-templates/*.yaml --load+check--> Questionnaire, ClauseLibrary
//! Answers --fill--> Document --> HTML preview (app) and layout --> PDF
//! ```

pub mod answer_file;
pub mod answers;
pub mod bundle;
pub mod condition;
pub mod dates;
pub mod diag;
pub mod document;
pub mod draft;
pub mod fill;
pub mod ids;
pub mod layout;
pub mod library;
#[cfg(feature = "yaml")]
pub mod limits;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod pdf_protocol;
pub mod questionnaire;
pub mod readability;
pub mod review;
pub mod sample;
pub mod scenario;
pub mod template;
