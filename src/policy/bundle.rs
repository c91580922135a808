//! The templates that ship with the app, compiled into the binary so the
//! app works offline and loads them without a request.
//!
//! The YAML files are the source of truth. build.rs writes each as JSON
//! (`*_JSON` here, under the YAML file's name); the page reads only those,
//! so it needs no YAML parser. Builds with the `yaml` feature also carry the
//! YAML, which gives authors located errors.

use crate::policy::diag::{Diagnostics, SourceFile};
use crate::policy::model::library::ClauseLibrary;
use crate::policy::model::questionnaire::Questionnaire;

/// `(file name, YAML text)` of a shipped template, by its path under
/// `policy-templates/` without `.yaml`.
#[cfg(feature = "yaml")]
macro_rules! yaml {
    ($path:literal) => {
        (
            concat!($path, ".yaml"),
            include_str!(concat!("../../policy-templates/", $path, ".yaml")),
        )
    };
}

/// `(file name, JSON text)` of a shipped template, as build.rs wrote it.
macro_rules! json {
    ($path:literal) => {
        (
            concat!($path, ".yaml"),
            include_str!(concat!(env!("OUT_DIR"), "/templates/", $path, ".json")),
        )
    };
}

/// The shipped questionnaire.
#[cfg(feature = "yaml")]
pub const QUESTIONNAIRE: (&str, &str) = yaml!("questionnaire");
/// The staff quick reference, a document of its own.
#[cfg(feature = "yaml")]
pub const QUICK_REFERENCE: (&str, &str) = yaml!("quick-reference");
/// The words each English spells differently, and which answer chooses
/// which English (see [`crate::policy::model::spelling`]).
#[cfg(feature = "yaml")]
pub const SPELLING: (&str, &str) = yaml!("spelling");
/// The trainer's scenarios and decks, checked against the questionnaire
/// and the clause library (see [`crate::policy::trainer::scenario`]).
#[cfg(feature = "yaml")]
pub const SCENARIOS: (&str, &str) = yaml!("scenarios");

/// [`QUESTIONNAIRE`] as JSON.
pub const QUESTIONNAIRE_JSON: (&str, &str) = json!("questionnaire");
// `CLAUSES`, `CLAUSES_JSON`, `SAMPLES` and `SAMPLES_JSON`: found in
// their folders by build.rs, so they are written once.
include!(concat!(env!("OUT_DIR"), "/templates/bundle_lists.rs"));
/// [`QUICK_REFERENCE`] as JSON.
pub const QUICK_REFERENCE_JSON: (&str, &str) = json!("quick-reference");
/// [`SPELLING`] as JSON.
pub const SPELLING_JSON: (&str, &str) = json!("spelling");
/// [`SCENARIOS`] as JSON.
pub const SCENARIOS_JSON: (&str, &str) = json!("scenarios");

/// A questionnaire (with the spelling table checked against it) and the
/// clause library written against it.
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
    /// Loads and checks a YAML questionnaire, clause library, quick
    /// reference and spelling table, given as (file name, text) pairs (see
    /// [`Self::from_sources`]).
    #[cfg(feature = "yaml")]
    pub fn load(
        questionnaire: (&str, &str),
        clauses: &[(&str, &str)],
        quick_reference: (&str, &str),
        spelling: (&str, &str),
    ) -> Result<Self, Diagnostics> {
        let clauses: Vec<SourceFile<'_>> = clauses.iter().map(|(n, t)| SourceFile::yaml(n, t)).collect();
        Self::from_sources(
            &SourceFile::yaml(questionnaire.0, questionnaire.1),
            &clauses,
            &SourceFile::yaml(quick_reference.0, quick_reference.1),
            &SourceFile::yaml(spelling.0, spelling.1),
        )
    }

    /// Loads and checks a questionnaire, a clause library, a quick
    /// reference and the spelling table. Problems in the library, the quick
    /// reference and the spelling table are reported together.
    pub fn from_sources(
        questionnaire: &SourceFile<'_>,
        clauses: &[SourceFile<'_>],
        quick_reference: &SourceFile<'_>,
        spelling: &SourceFile<'_>,
    ) -> Result<Self, Diagnostics> {
        let questionnaire = Questionnaire::from_source(questionnaire)?;
        let library = ClauseLibrary::from_sources(clauses, &questionnaire);
        let quick_reference = ClauseLibrary::from_sources(std::slice::from_ref(quick_reference), &questionnaire);
        let spelling = questionnaire.spelling_from_source(spelling);
        match (library, quick_reference, spelling) {
            (Ok(library), Ok(quick_reference), Ok(spelling)) => Ok(Self {
                questionnaire: questionnaire.with_spelling(spelling),
                library,
                quick_reference,
            }),
            (library, quick_reference, spelling) => {
                let mut all = library.err().map(|d| d.0).unwrap_or_default();
                all.extend(quick_reference.err().map(|d| d.0).unwrap_or_default());
                all.extend(spelling.err().map(|d| d.0).unwrap_or_default());
                Err(Diagnostics(all))
            }
        }
    }

    /// The shipped templates, read from the JSON build.rs made (the page's
    /// way). With the `yaml` feature, problems are located in the YAML.
    pub fn builtin() -> Result<Self, Diagnostics> {
        let json = |(name, text): &(&'static str, &'static str)| SourceFile::json(name, text);
        let clauses: Vec<SourceFile<'static>> = CLAUSES_JSON.iter().map(json).collect();
        let loaded = Self::from_sources(
            &json(&QUESTIONNAIRE_JSON),
            &clauses,
            &json(&QUICK_REFERENCE_JSON),
            &json(&SPELLING_JSON),
        );
        #[cfg(feature = "yaml")]
        if loaded.is_err() {
            Self::builtin_yaml()?;
        }
        loaded
    }

    /// The shipped templates, read from their YAML.
    #[cfg(feature = "yaml")]
    pub fn builtin_yaml() -> Result<Self, Diagnostics> {
        Self::load(QUESTIONNAIRE, CLAUSES, QUICK_REFERENCE, SPELLING)
    }
}
