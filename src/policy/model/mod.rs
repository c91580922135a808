//! The content model: ids, answers, conditions, templates, dates, and the
//! checked questionnaire (with its spelling table) and clause library that
//! loading produces.

pub mod answers;
pub mod condition;
pub mod dates;
pub mod ids;
pub mod language;
pub mod library;
pub mod questionnaire;
pub mod spelling;
pub mod template;
#[cfg(feature = "yaml")]
pub mod translation;
