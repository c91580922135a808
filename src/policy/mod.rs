//! The pure pipeline. Nothing here touches the browser, the clock or the
//! network; every input is data. Its folders are its stages, and imports
//! only run down this list (a test reads the `use` lines to hold it):
//!
//! ```text
//! policy-templates/*.yaml --diag+model: load, check--> Questionnaire, ClauseLibrary
//! Answers --fill--> Document --fill::finish--> the finished Document
//!     --> HTML preview (app), render: layout --> PDF
//! files: drafts, answer and review files, the worker's messages
//! trainer: scenarios and their verdicts, read from the same answers
//! ```

pub mod bundle;
pub mod content;
pub mod diag;
pub mod document;
pub mod files;
pub mod fill;
pub mod model;
pub mod readability;
pub mod readability_fr;
pub mod render;
pub mod sample;
pub mod trainer;
