//! Sample organizations: named answer sets shipped for demos, tests and
//! the benchmark.

use serde::{Deserialize, Serialize};

use crate::policy::diag::SourceFile;
#[cfg(feature = "yaml")]
use crate::policy::diag::{Diagnostics, Problem, YamlPath};
#[cfg(feature = "yaml")]
use crate::policy::model::answers::Answer;
use crate::policy::model::answers::Answers;
use crate::policy::model::language::Language;
#[cfg(feature = "yaml")]
use crate::policy::model::questionnaire::{QuestionKind, Questionnaire};

/// A sample organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// What the sample is called in the app.
    pub name: String,
    /// Its answers.
    pub answers: Answers,
    /// The language its policy is written in first; the app can open the
    /// sample in it. English when not given.
    #[serde(default)]
    pub language: Language,
}

/// A sample's translation: its name and its free-text answers in another
/// language. Choices, dates and yes/no answers are shared with the English.
#[cfg(feature = "yaml")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    language: String,
    version: u64,
    name: String,
    #[serde(default)]
    answers: std::collections::BTreeMap<String, String>,
}

#[cfg(feature = "yaml")]
pub use crate::policy::bundle::SAMPLES;
pub use crate::policy::bundle::SAMPLES_JSON;

impl Sample {
    /// Parses a YAML sample file.
    #[cfg(feature = "yaml")]
    pub fn load(file: &str, text: &str) -> Result<Self, Diagnostics> {
        SourceFile::yaml(file, text).parse()
    }

    /// The shipped samples as (file name, sample), read from their JSON.
    /// Samples that fail to parse are left out; the content tests check
    /// that every one loads.
    pub fn builtin() -> Vec<(&'static str, Self)> {
        SAMPLES_JSON
            .iter()
            .filter_map(|(file, json)| SourceFile::json(file, json).parse().ok().map(|s| (*file, s)))
            .collect()
    }

    /// This sample in `language`, from its shipped translation (the
    /// sample `file` under the language's folder): its name and every
    /// free-text answer come from the translation, which must give each
    /// one and nothing else; problems are located in the translation.
    #[cfg(feature = "yaml")]
    pub fn in_language(&self, file: &str, language: Language, q: &Questionnaire) -> Result<Self, Diagnostics> {
        use crate::policy::model::translation::{translation_name, FORMAT_VERSION};
        if language.is_english() {
            return Ok(self.clone());
        }
        let name = translation_name(file, language);
        let Some((name, text)) = crate::policy::bundle::translations(language)
            .iter()
            .find(|(n, _)| *n == name)
        else {
            return Err(Diagnostics(vec![crate::policy::diag::Diagnostic {
                file: name,
                line: 1,
                column: 1,
                message: format!("sample {file} has no {language} translation: add this file"),
                kind: None,
            }]));
        };
        let source = SourceFile::yaml(name, text);
        let raw: RawTranslation = source.parse()?;
        let root = YamlPath::root();
        let mut problems = Vec::new();
        if raw.language != language.tag() {
            problems.push(Problem::new(
                root.key("language"),
                format!("this translation must say `language: {language}`"),
            ));
        }
        if raw.version != FORMAT_VERSION {
            problems.push(Problem::new(
                root.key("version"),
                format!("this build reads translation format version {FORMAT_VERSION}"),
            ));
        }
        let free_text = |id: &crate::policy::model::ids::QuestionId| {
            q.question(id)
                .is_some_and(|question| matches!(question.kind, QuestionKind::Text | QuestionKind::LongText))
        };
        let mut answers = self.answers.clone();
        for (id, text) in &raw.answers {
            let id = crate::policy::model::ids::QuestionId::from(id.as_str());
            let at = root.key("answers").key(id.as_str());
            if !free_text(&id) || self.answers.get(&id).is_none() {
                problems.push(Problem::at_key(
                    at,
                    format!("\"{id}\" is not a free-text answer of the English sample, so it is not translated"),
                ));
            } else if text.trim().is_empty() {
                problems.push(Problem::new(at, "the translated answer is empty"));
            } else {
                answers.set(id, Answer::Text(text.clone()));
            }
        }
        for (id, answer) in &self.answers.0 {
            if free_text(id) && !answer.is_blank() && !raw.answers.contains_key(id.as_str()) {
                problems.push(Problem::new(
                    root.key("answers"),
                    format!("the {language} answer to \"{id}\" is missing"),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(source.locate(problems));
        }
        Ok(Self {
            name: raw.name,
            answers,
            language: self.language,
        })
    }
}
