//! The templates that ship with the app, compiled into the binary so the
//! app works offline and loads them without a request.

use super::diag::Diagnostics;
use super::library::ClauseLibrary;
use super::questionnaire::Questionnaire;

/// The shipped questionnaire.
pub const QUESTIONNAIRE: (&str, &str) = (
    "questionnaire.yaml",
    include_str!("../../policy-templates/questionnaire.yaml"),
);
/// The shipped clause library.
pub const CLAUSES: (&str, &str) = ("clauses.yaml", include_str!("../../policy-templates/clauses.yaml"));

/// A questionnaire and the clause library written against it.
#[derive(Debug)]
pub struct Policy {
    /// The questions.
    pub questionnaire: Questionnaire,
    /// The clauses.
    pub library: ClauseLibrary,
}

impl Policy {
    /// Loads and checks a questionnaire and a clause library, given as
    /// (file name, text) pairs.
    pub fn load(questionnaire: (&str, &str), clauses: (&str, &str)) -> Result<Self, Diagnostics> {
        let questionnaire = Questionnaire::load(questionnaire.0, questionnaire.1)?;
        let library = ClauseLibrary::load(clauses.0, clauses.1, &questionnaire)?;
        Ok(Self { questionnaire, library })
    }

    /// The shipped templates.
    pub fn builtin() -> Result<Self, Diagnostics> {
        Self::load(QUESTIONNAIRE, CLAUSES)
    }
}
