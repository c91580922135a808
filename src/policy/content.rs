//! The shipped content of one language as one data file: the questionnaire,
//! the clauses, the quick reference, the approver notes, the spelling
//! table, the trainer's scenarios and the sample organizations.
//!
//! The page carries no template: it fetches the file of the language a
//! draft or the trainer needs (`content/<tag>-<hash>.json`, written into
//! the build by `src/bin/content.rs` from `policy-templates/`), so that a
//! second language costs a user of the first nothing. Reading a file
//! checks its format and language, then loads every part with the same
//! loaders as the YAML, so a broken or foreign file gets a clear message
//! and never a half-loaded policy.
//!
//! ```text
//! policy-templates/**.yaml --(build: Content::shipped, per language)--> content/<tag>-<hash>.json
//!     --(page: Content::read)--> Content --(Content::index)--> Index { packs, samples }   (drafts page)
//!                                        --(Content::load)--> Shipped { policy, scenarios, samples }   (a draft, the trainer)
//! ```
//!
//! The drafts page needs only the index: the samples to start from and the
//! clause packs a new draft records. The full check of the templates runs
//! when a draft or the trainer first needs them, in the part of the page's
//! WebAssembly that holds those pages, and it checks the index again.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::policy::bundle::{Companions, Policy};
use crate::policy::diag::{Diagnostics, SourceFile};
use crate::policy::model::language::Language;
use crate::policy::model::library::{ClauseLibrary, PackVersions};
use crate::policy::sample::Sample;
use crate::policy::trainer::scenario::ScenarioLibrary;

/// The version of the content file format this build reads and writes.
pub const FORMAT: u32 = 2;

/// One shipped file, as JSON under the name of the YAML it was made from
/// (the name problems are reported against).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The YAML file's path under `policy-templates/`.
    pub file: String,
    /// Its content as JSON, kept as text until it is loaded.
    pub data: Box<RawValue>,
}

impl Part {
    /// The part as a source to load.
    fn source(&self) -> SourceFile<'_> {
        SourceFile::json(&self.file, self.data.get())
    }
}

/// The shipped content of one language.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// [`FORMAT`] when written.
    pub format: u32,
    /// The language of its text.
    pub language: Language,
    /// The version of each clause pack: what a new draft records. Written
    /// beside the clauses so that the drafts page need not load them;
    /// [`Content::load`] refuses a file where the two disagree.
    pub packs: PackVersions,
    /// The questions.
    pub questionnaire: Part,
    /// The clause files, in document order.
    pub clauses: Vec<Part>,
    /// The staff quick reference.
    pub quick_reference: Part,
    /// The cover note for approvers.
    pub approver_notes: Part,
    /// The words each English spells differently (read for English only).
    pub spelling: Part,
    /// The trainer's scenarios and decks.
    pub scenarios: Part,
    /// The sample organizations, their free text in this language.
    pub samples: Vec<Part>,
}

/// Why a content file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// The text is not a content file at all (truncated, not JSON, or of
    /// another shape).
    #[error("the content file is damaged: {0}")]
    Damaged(String),
    /// A content file of another format version.
    #[error("the content file has format {found}; this version reads format {expected}")]
    Format {
        /// What the file says.
        found: u32,
        /// What this build reads.
        expected: u32,
    },
    /// A content file of another language than the one asked for.
    #[error("the content file is in {found}, not in {expected}")]
    Language {
        /// What the file holds.
        found: Language,
        /// What was asked for.
        expected: Language,
    },
    /// The file reads, but its templates do not load.
    #[error("the content has problems: {0}")]
    Problems(Diagnostics),
}

/// What the drafts page needs of one language's content, read without
/// loading the templates.
#[derive(Debug, Clone)]
pub struct Index {
    /// The language of its text.
    pub language: Language,
    /// The version of each clause pack, as the file says.
    pub packs: PackVersions,
    /// The sample organizations as (file name, sample), in file order.
    pub samples: Vec<(String, Sample)>,
}

impl Index {
    /// The sample made from the file `file`, if it ships.
    pub fn sample(&self, file: &str) -> Option<&Sample> {
        self.samples.iter().find(|(f, _)| f == file).map(|(_, s)| s)
    }
}

/// The checked content of one language, ready for drafts and the trainer.
#[derive(Debug)]
pub struct Shipped {
    /// The questionnaire, clauses and companion documents.
    pub policy: Arc<Policy>,
    /// The scenarios file, checked against [`Self::policy`] at load.
    scenarios: Part,
    /// The samples and pack versions, checked against the clauses.
    pub index: Index,
}

impl Shipped {
    /// The language of its text.
    pub fn language(&self) -> Language {
        self.policy.library.language
    }

    /// The trainer's scenarios checked against `library` (the shipped
    /// library or an imported one), which they may not fit.
    pub fn scenarios(&self, library: &ClauseLibrary) -> Result<ScenarioLibrary, Diagnostics> {
        let mut scenarios =
            ScenarioLibrary::from_source(&self.scenarios.source(), &self.policy.questionnaire, library)?;
        scenarios.language = self.language();
        Ok(scenarios)
    }
}

impl Content {
    /// The name of `language`'s content file in the build, for content
    /// whose text hashes to `hash`.
    pub fn file_name(language: Language, hash: &str) -> String {
        format!("content/{}-{hash}.json", language.tag())
    }

    /// Reads a content file that should hold `language`'s content. Only
    /// the envelope is checked here; [`Self::load`] checks the rest.
    pub fn read(text: &str, language: Language) -> Result<Self, ContentError> {
        #[derive(Deserialize)]
        struct Envelope {
            format: u32,
        }
        // One parse when the file is good; the envelope is read only to
        // tell a file of another format from a damaged one.
        let content: Content = match serde_json::from_str(text) {
            Ok(content) => content,
            Err(e) => {
                return Err(match serde_json::from_str::<Envelope>(text) {
                    Ok(envelope) if envelope.format != FORMAT => ContentError::Format {
                        found: envelope.format,
                        expected: FORMAT,
                    },
                    _ => ContentError::Damaged(e.to_string()),
                });
            }
        };
        if content.format != FORMAT {
            return Err(ContentError::Format {
                found: content.format,
                expected: FORMAT,
            });
        }
        if content.language != language {
            return Err(ContentError::Language {
                found: content.language,
                expected: language,
            });
        }
        Ok(content)
    }

    /// The questionnaire as JSON, for the worker to check files against.
    pub fn questionnaire_json(&self) -> &str {
        self.questionnaire.data.get()
    }

    /// The samples and pack versions, without loading the templates.
    pub fn index(&self) -> Result<Index, ContentError> {
        let mut samples = Vec::new();
        let mut problems = Vec::new();
        for part in &self.samples {
            match part.source().parse::<Sample>() {
                Ok(sample) => samples.push((part.file.clone(), sample)),
                Err(d) => problems.extend(d.0),
            }
        }
        if !problems.is_empty() {
            return Err(ContentError::Problems(Diagnostics(problems)));
        }
        Ok(Index {
            language: self.language,
            packs: self.packs.clone(),
            samples,
        })
    }

    /// Loads and checks every part: the templates, the scenarios against
    /// them, the samples, and the pack versions against the clauses.
    /// Problems of every part are reported together.
    pub fn load(&self) -> Result<Shipped, ContentError> {
        let clauses: Vec<SourceFile<'_>> = self.clauses.iter().map(Part::source).collect();
        let companions = Companions {
            quick_reference: self.quick_reference.source(),
            approver_notes: self.approver_notes.source(),
            spelling: self.spelling.source(),
        };
        let policy = Policy::from_sources(&self.questionnaire.source(), &clauses, &companions)
            .map_err(ContentError::Problems)?
            .in_language(self.language);
        let mut problems = Vec::new();
        if let Err(d) = ScenarioLibrary::from_source(&self.scenarios.source(), &policy.questionnaire, &policy.library) {
            problems.extend(d.0);
        }
        let index = match self.index() {
            Ok(index) => Some(index),
            Err(ContentError::Problems(d)) => {
                problems.extend(d.0);
                None
            }
            Err(other) => return Err(other),
        };
        let packs = policy.library.pack_versions();
        if packs != self.packs {
            problems.push(crate::policy::diag::Diagnostic {
                file: format!("content/{}", self.language.tag()),
                line: 1,
                column: 1,
                message: format!(
                    "the file's pack versions ({}) are not those of its clauses ({})",
                    versions(&self.packs),
                    versions(&packs)
                ),
                kind: None,
            });
        }
        match index {
            Some(index) if problems.is_empty() => Ok(Shipped {
                policy: Arc::new(policy),
                scenarios: self.scenarios.clone(),
                index,
            }),
            _ => Err(ContentError::Problems(Diagnostics(problems))),
        }
    }

    /// The content as the file the build writes.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// The shipped content in `language`, made from `policy-templates/`:
    /// the English as build.rs wrote it, another language with its
    /// translations laid over the English structure. It is loaded once to
    /// check it; problems are located in the YAML.
    #[cfg(feature = "yaml")]
    pub fn shipped(language: Language) -> Result<Self, Diagnostics> {
        use crate::policy::bundle::{
            translated, APPROVER_NOTES_JSON, CLAUSES_JSON, QUESTIONNAIRE_JSON, QUICK_REFERENCE_JSON, SAMPLES_JSON,
            SCENARIOS_JSON, SPELLING_JSON,
        };
        let part = |file: &str, json: String| -> Result<Part, Diagnostics> {
            let data = RawValue::from_string(json).map_err(|e| {
                Diagnostics(vec![crate::policy::diag::Diagnostic {
                    file: file.to_owned(),
                    line: 1,
                    column: 1,
                    message: format!("the build's JSON of this file does not read: {e}"),
                    kind: None,
                }])
            })?;
            Ok(Part {
                file: file.to_owned(),
                data,
            })
        };
        let english = |(file, json): &(&str, &str)| part(file, (*json).to_owned());
        // The English loads first: every translation is laid over it, and
        // its problems are located in the YAML.
        let english_policy = Policy::builtin()?;
        let (questionnaire, clauses, quick_reference, approver_notes) = if language.is_english() {
            (
                english(&QUESTIONNAIRE_JSON)?,
                CLAUSES_JSON.iter().map(english).collect::<Result<Vec<_>, _>>()?,
                english(&QUICK_REFERENCE_JSON)?,
                english(&APPROVER_NOTES_JSON)?,
            )
        } else {
            let mut files = translated(language)?.into_iter().map(|(f, j)| part(f, j));
            let mut next = |what: &str| {
                files.next().unwrap_or_else(|| {
                    Err(Diagnostics(vec![crate::policy::diag::Diagnostic {
                        file: what.to_owned(),
                        line: 1,
                        column: 1,
                        message: "the shipped templates are incomplete".to_owned(),
                        kind: None,
                    }]))
                })
            };
            let questionnaire = next(QUESTIONNAIRE_JSON.0)?;
            let mut clauses = Vec::new();
            for (file, _) in CLAUSES_JSON {
                clauses.push(next(file)?);
            }
            (
                questionnaire,
                clauses,
                next(QUICK_REFERENCE_JSON.0)?,
                next(APPROVER_NOTES_JSON.0)?,
            )
        };
        let mut samples = Vec::new();
        for (file, json) in SAMPLES_JSON {
            let sample: Sample = SourceFile::json(file, json).parse()?;
            let sample = sample.in_language(file, language, &english_policy.questionnaire)?;
            let json = serde_json::to_string(&sample).map_err(|e| {
                Diagnostics(vec![crate::policy::diag::Diagnostic {
                    file: (*file).to_owned(),
                    line: 1,
                    column: 1,
                    message: format!("the sample could not be written as JSON: {e}"),
                    kind: None,
                }])
            })?;
            samples.push(part(file, json)?);
        }
        let content = Self {
            format: FORMAT,
            language,
            packs: english_policy.library.pack_versions(),
            questionnaire,
            clauses,
            quick_reference,
            approver_notes,
            spelling: english(&SPELLING_JSON)?,
            scenarios: part(SCENARIOS_JSON.0, crate::policy::bundle::scenarios_json_in(language)?)?,
            samples,
        };
        match content.load() {
            Ok(_) => Ok(content),
            Err(ContentError::Problems(d)) => {
                // Locate the scenarios' problems in their YAML.
                ScenarioLibrary::builtin(&english_policy.questionnaire, &english_policy.library)?;
                Err(d)
            }
            Err(other) => Err(Diagnostics(vec![crate::policy::diag::Diagnostic {
                file: format!("content/{}", language.tag()),
                line: 1,
                column: 1,
                message: other.to_string(),
                kind: None,
            }])),
        }
    }
}

/// Pack versions as `id 3, id 1`, for a message.
fn versions(packs: &PackVersions) -> String {
    let listed: Vec<String> = packs.iter().map(|(id, v)| format!("{id} {v}")).collect();
    listed.join(", ")
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;

    #[test]
    fn every_language_reads_back_from_its_file_and_loads() {
        for language in Language::ALL {
            let content = Content::shipped(language).expect("the shipped content is made");
            let json = content.to_json().expect("it is written");
            let read = Content::read(&json, language).expect("it reads back");
            let index = read.index().expect("it is indexed");
            let shipped = read.load().expect("it loads");
            assert_eq!(shipped.language(), language);
            assert_eq!(index.language, language);
            assert_eq!(index.packs, shipped.policy.library.pack_versions());
            assert!(!index.packs.is_empty(), "the clauses come in packs");
            let names = |samples: &[(String, Sample)]| {
                samples
                    .iter()
                    .map(|(f, s)| (f.clone(), s.name.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(names(&index.samples), names(&shipped.index.samples));
            assert_eq!(index.samples.len(), content.samples.len());
            let scenarios = shipped.scenarios(&shipped.policy.library).expect("the scenarios load");
            assert_eq!(scenarios.language, language);
            let privacy = scenarios.decks.first().expect("a deck");
            let title = if language.is_english() {
                "Privacy basics"
            } else {
                "L'essentiel de la confidentialité"
            };
            assert_eq!(privacy.title, title, "the scenarios are in the content's language");
        }
    }

    #[test]
    fn a_file_of_another_language_format_or_shape_is_refused_with_its_reason() {
        let english = Content::shipped(Language::English)
            .expect("made")
            .to_json()
            .expect("written");
        assert_eq!(
            Content::read(&english, Language::CanadianFrench).err(),
            Some(ContentError::Language {
                found: Language::English,
                expected: Language::CanadianFrench
            })
        );
        let later = english.replacen(&format!("\"format\":{FORMAT}"), "\"format\":99", 1);
        assert_eq!(
            Content::read(&later, Language::English).err(),
            Some(ContentError::Format {
                found: 99,
                expected: FORMAT
            })
        );
        let cut = &english[..english.len() / 2];
        assert!(matches!(
            Content::read(cut, Language::English),
            Err(ContentError::Damaged(_))
        ));
        assert!(matches!(
            Content::read("<html>", Language::English),
            Err(ContentError::Damaged(_))
        ));
    }

    #[test]
    fn a_file_whose_templates_are_broken_is_refused_with_located_problems() {
        let mut content = Content::shipped(Language::English).expect("made");
        content.clauses[0].data = RawValue::from_string("{\"sections\": 3}".to_owned()).expect("json");
        match content.load() {
            Err(ContentError::Problems(d)) => {
                assert!(d.0.iter().any(|p| p.file == content.clauses[0].file), "{d}");
            }
            other => panic!("a broken clause file must be refused, got {other:?}"),
        }
    }

    #[test]
    fn pack_versions_that_are_not_those_of_the_clauses_are_refused_by_the_full_check() {
        let mut content = Content::shipped(Language::English).expect("made");
        let (id, version) = content
            .packs
            .iter()
            .next()
            .map(|(i, v)| (i.clone(), *v))
            .expect("a pack");
        content.packs.insert(id.clone(), version + 1);
        // The drafts page's index takes the file at its word ...
        assert_eq!(content.index().expect("indexed").packs[&id], version + 1);
        // ... and the full check, before any draft uses it, does not.
        match content.load() {
            Err(ContentError::Problems(d)) => {
                assert!(d.to_string().contains(&format!("{id} {}", version + 1)), "{d}");
            }
            other => panic!("wrong pack versions must be refused, got {other:?}"),
        }
    }

    #[test]
    fn a_broken_sample_is_refused_by_the_index_with_its_file() {
        let mut content = Content::shipped(Language::English).expect("made");
        content.samples[0].data = RawValue::from_string("{\"name\": 3}".to_owned()).expect("json");
        match content.index() {
            Err(ContentError::Problems(d)) => assert!(d.0.iter().any(|p| p.file == content.samples[0].file), "{d}"),
            other => panic!("a broken sample must be refused, got {other:?}"),
        }
    }
}
