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
/// The shipped clause library, in document order.
pub const CLAUSES: &[(&str, &str)] = &[
    (
        "clauses/10-foundations.yaml",
        include_str!("../../policy-templates/clauses/10-foundations.yaml"),
    ),
    (
        "clauses/20-governance.yaml",
        include_str!("../../policy-templates/clauses/20-governance.yaml"),
    ),
    (
        "clauses/30-conduct.yaml",
        include_str!("../../policy-templates/clauses/30-conduct.yaml"),
    ),
    (
        "clauses/40-support.yaml",
        include_str!("../../policy-templates/clauses/40-support.yaml"),
    ),
    (
        "clauses/50-laws.yaml",
        include_str!("../../policy-templates/clauses/50-laws.yaml"),
    ),
];
/// The staff quick reference, a document of its own.
pub const QUICK_REFERENCE: (&str, &str) = (
    "quick-reference.yaml",
    include_str!("../../policy-templates/quick-reference.yaml"),
);

/// The trainer's scenarios and decks, checked against the questionnaire
/// and the clause library (see [`super::scenario`]).
pub const SCENARIOS: (&str, &str) = ("scenarios.yaml", include_str!("../../policy-templates/scenarios.yaml"));

/// A questionnaire and the clause library written against it.
#[derive(Debug)]
pub struct Policy {
    /// The questions.
    pub questionnaire: Questionnaire,
    /// The clauses.
    pub library: ClauseLibrary,
    /// The one-page staff quick reference.
    pub quick_reference: ClauseLibrary,
}

impl Policy {
    /// Loads and checks a questionnaire, a clause library and a quick
    /// reference, given as (file name, text) pairs. Problems in the library
    /// and the quick reference are reported together.
    pub fn load(
        questionnaire: (&str, &str),
        clauses: &[(&str, &str)],
        quick_reference: (&str, &str),
    ) -> Result<Self, Diagnostics> {
        let questionnaire = Questionnaire::load(questionnaire.0, questionnaire.1)?;
        let library = ClauseLibrary::load_files(clauses, &questionnaire);
        let quick_reference = ClauseLibrary::load(quick_reference.0, quick_reference.1, &questionnaire);
        match (library, quick_reference) {
            (Ok(library), Ok(quick_reference)) => Ok(Self {
                questionnaire,
                library,
                quick_reference,
            }),
            (library, quick_reference) => {
                let mut all = library.err().map(|d| d.0).unwrap_or_default();
                all.extend(quick_reference.err().map(|d| d.0).unwrap_or_default());
                Err(Diagnostics(all))
            }
        }
    }

    /// The shipped templates.
    pub fn builtin() -> Result<Self, Diagnostics> {
        Self::load(QUESTIONNAIRE, CLAUSES, QUICK_REFERENCE)
    }
}
