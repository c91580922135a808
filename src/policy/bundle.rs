//! The templates that ship with the app, compiled into the binary so the
//! app works offline and loads them without a request.
//!
//! The YAML files are the source of truth. build.rs writes each as JSON
//! (`*_JSON` here, under the YAML file's name); the page reads only those,
//! so it needs no YAML parser. Builds with the `yaml` feature also carry the
//! YAML, which gives authors located errors.

#[cfg(feature = "yaml")]
use crate::policy::diag::Diagnostic;
use crate::policy::diag::{Diagnostics, SourceFile};
use crate::policy::model::language::Language;
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

/// The shipped translations into `language`, as (file name, YAML text),
/// each named by [`crate::policy::model::translation::translation_name`].
#[cfg(feature = "yaml")]
pub fn translations(language: Language) -> &'static [(&'static str, &'static str)] {
    match language {
        Language::English => &[],
        Language::CanadianFrench => TRANSLATIONS_FR_CA,
    }
}

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

    /// The shipped templates in `language`: the English structure with
    /// the translation of each file laid over it (see [`translated`]).
    #[cfg(feature = "yaml")]
    pub fn builtin_in(language: Language) -> Result<Self, Diagnostics> {
        if language.is_english() {
            return Self::builtin_yaml();
        }
        let laid = translated(language)?;
        let sources: Vec<SourceFile<'_>> = laid.iter().map(|(name, json)| SourceFile::json(name, json)).collect();
        let [questionnaire, clauses @ .., quick_reference, approver_notes] = sources.as_slice() else {
            return Err(incomplete());
        };
        let companions = Companions {
            quick_reference: *quick_reference,
            approver_notes: *approver_notes,
            spelling: SourceFile::yaml(SPELLING.0, SPELLING.1),
        };
        Ok(Self::from_sources(questionnaire, clauses, &companions)?.in_language(language))
    }

    /// These templates as the text of `language`: the English spelling
    /// table is left out of a translation (it respells English words
    /// only), and every library says its language.
    pub fn in_language(mut self, language: Language) -> Self {
        if !language.is_english() {
            self.questionnaire.spelling = Default::default();
        }
        for library in [&mut self.library, &mut self.quick_reference, &mut self.approver_notes] {
            library.language = language;
        }
        self
    }
}

/// The problem of a shipped set of templates that lacks a file.
#[cfg(feature = "yaml")]
fn incomplete() -> Diagnostics {
    Diagnostics(vec![Diagnostic {
        file: QUESTIONNAIRE.0.to_owned(),
        line: 1,
        column: 1,
        message: "the shipped templates are incomplete".to_owned(),
        kind: None,
    }])
}

/// The shipped questionnaire, clause files, quick reference and approver
/// notes with the translation into `language` of each laid over it (see
/// [`crate::policy::model::translation`]), as (English file name, JSON),
/// in that order. Every English file needs its translation and every
/// translation its English file; problems are located in the
/// translations.
#[cfg(feature = "yaml")]
pub fn translated(language: Language) -> Result<Vec<(&'static str, String)>, Diagnostics> {
    use crate::policy::model::translation::{lay_over, translation_name};
    let shipped = translations(language);
    let english: Vec<(&'static str, &'static str)> = std::iter::once(QUESTIONNAIRE)
        .chain(CLAUSES.iter().copied())
        .chain([QUICK_REFERENCE, APPROVER_NOTES])
        .collect();
    let mut problems = Vec::new();
    let mut laid = Vec::new();
    for (name, text) in &english {
        let wanted = translation_name(name, language);
        match shipped.iter().find(|(n, _)| *n == wanted) {
            Some((file, translated)) => {
                match lay_over(
                    &SourceFile::yaml(name, text),
                    &SourceFile::yaml(file, translated),
                    language,
                ) {
                    Ok(json) => laid.push((*name, json)),
                    Err(d) => problems.extend(d.0),
                }
            }
            None => problems.push(Diagnostic {
                file: wanted,
                line: 1,
                column: 1,
                message: format!("{name} has no {language} translation: add this file"),
                kind: None,
            }),
        }
    }
    let samples = translation_name("samples/", language);
    for (file, _) in shipped {
        // The scenarios' translation is laid over by
        // [`scenarios_json_in`], with the trainer's library.
        let translates = english
            .iter()
            .chain([&SCENARIOS])
            .any(|(n, _)| translation_name(n, language) == *file);
        if !translates && !file.starts_with(&samples) {
            problems.push(Diagnostic {
                file: (*file).to_owned(),
                line: 1,
                column: 1,
                message: "this translation has no English file at the same path under policy-templates/".to_owned(),
                kind: None,
            });
        }
    }
    if problems.is_empty() {
        Ok(laid)
    } else {
        Err(Diagnostics(problems))
    }
}

/// The shipped scenarios in `language`, as JSON for
/// [`crate::policy::trainer::scenario::ScenarioLibrary::from_source`]
/// under the name of `scenarios.yaml`: the English file itself in English,
/// and otherwise the English structure with the translation at
/// `policy-templates/<language tag>/scenarios.yaml` laid over it (see
/// [`crate::policy::model::translation`]). Problems are located in the
/// translation.
#[cfg(feature = "yaml")]
pub fn scenarios_json_in(language: Language) -> Result<String, Diagnostics> {
    use crate::policy::model::translation::{lay_over, translation_name};
    if language.is_english() {
        return Ok(SCENARIOS_JSON.1.to_owned());
    }
    let wanted = translation_name(SCENARIOS.0, language);
    let Some((file, translated)) = translations(language).iter().find(|(n, _)| *n == wanted) else {
        return Err(Diagnostics(vec![Diagnostic {
            file: wanted,
            line: 1,
            column: 1,
            message: format!("{} has no {language} translation: add this file", SCENARIOS.0),
            kind: None,
        }]));
    };
    lay_over(
        &SourceFile::yaml(SCENARIOS.0, SCENARIOS.1),
        &SourceFile::yaml(file, translated),
        language,
    )
}
