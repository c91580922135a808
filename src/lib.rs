//! Social Media Policy Builder for healthcare organizations.
//!
//! [`policy`] is the pure pipeline (templates, answers, document, layout,
//! PDF), tested natively. [`app`] is the thin Leptos shell over it.

pub mod app;
pub mod policy;
