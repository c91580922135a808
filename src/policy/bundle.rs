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
/// The cover note for approvers, a document of its own beside the policy.
#[cfg(feature = "yaml")]
pub const APPROVER_NOTES: (&str, &str) = yaml!("approver-notes");
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
/// [`APPROVER_NOTES`] as JSON.
pub const APPROVER_NOTES_JSON: (&str, &str) = json!("approver-notes");
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
    /// The cover note for approvers: what the drafter must still check or
    /// do, kept out of the policy staff read.
    pub approver_notes: ClauseLibrary,
}

/// The files of the documents filled beside the policy, as sources.
pub struct Companions<'a> {
    /// The staff quick reference.
    pub quick_reference: SourceFile<'a>,
    /// The cover note for approvers.
    pub approver_notes: SourceFile<'a>,
    /// The words each English spells differently.
    pub spelling: SourceFile<'a>,
}

impl Policy {
    /// Loads and checks a YAML questionnaire, clause library, quick
    /// reference, approver notes and spelling table, given as (file name,
    /// text) pairs (see
    /// [`Self::from_sources`]).
    #[cfg(feature = "yaml")]
    pub fn load(
        questionnaire: (&str, &str),
        clauses: &[(&str, &str)],
        quick_reference: (&str, &str),
        approver_notes: (&str, &str),
        spelling: (&str, &str),
    ) -> Result<Self, Diagnostics> {
        let clauses: Vec<SourceFile<'_>> = clauses.iter().map(|(n, t)| SourceFile::yaml(n, t)).collect();
        Self::from_sources(
            &SourceFile::yaml(questionnaire.0, questionnaire.1),
            &clauses,
            &Companions {
                quick_reference: SourceFile::yaml(quick_reference.0, quick_reference.1),
                approver_notes: SourceFile::yaml(approver_notes.0, approver_notes.1),
                spelling: SourceFile::yaml(spelling.0, spelling.1),
            },
        )
    }

    /// Loads and checks a questionnaire, a clause library and the
    /// documents filled beside it. Problems in the library and the
    /// companions are reported together.
    pub fn from_sources(
        questionnaire: &SourceFile<'_>,
        clauses: &[SourceFile<'_>],
        companions: &Companions<'_>,
    ) -> Result<Self, Diagnostics> {
        let questionnaire = Questionnaire::from_source(questionnaire)?;
        let library = ClauseLibrary::from_sources(clauses, &questionnaire);
        let one = |file: &SourceFile<'_>| ClauseLibrary::from_sources(std::slice::from_ref(file), &questionnaire);
        let quick_reference = one(&companions.quick_reference);
        let approver_notes = one(&companions.approver_notes);
        let spelling = questionnaire.spelling_from_source(&companions.spelling);
        match (library, quick_reference, approver_notes, spelling) {
            (Ok(library), Ok(quick_reference), Ok(approver_notes), Ok(spelling)) => Ok(Self {
                questionnaire: questionnaire.with_spelling(spelling),
                library,
                quick_reference,
                approver_notes,
            }),
            (library, quick_reference, approver_notes, spelling) => {
                let mut all = library.err().map(|d| d.0).unwrap_or_default();
                all.extend(quick_reference.err().map(|d| d.0).unwrap_or_default());
                all.extend(approver_notes.err().map(|d| d.0).unwrap_or_default());
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
        let companions = Companions {
            quick_reference: json(&QUICK_REFERENCE_JSON),
            approver_notes: json(&APPROVER_NOTES_JSON),
            spelling: json(&SPELLING_JSON),
        };
        let loaded = Self::from_sources(&json(&QUESTIONNAIRE_JSON), &clauses, &companions);
        #[cfg(feature = "yaml")]
        if loaded.is_err() {
            Self::builtin_yaml()?;
        }
        loaded
    }

    /// The shipped templates, read from their YAML.
    #[cfg(feature = "yaml")]
    pub fn builtin_yaml() -> Result<Self, Diagnostics> {
        Self::load(QUESTIONNAIRE, CLAUSES, QUICK_REFERENCE, APPROVER_NOTES, SPELLING)
    }
}
