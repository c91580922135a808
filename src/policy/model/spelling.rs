//! The Englishes a policy can be written in, and the words that differ
//! between them: `policy-templates/spelling.yaml`, loaded and checked
//! against the questionnaire like the other template files.
//!
//! The clauses, the quick reference and the scenarios are written once, in
//! one English (`written_in`). The file names the question whose answer
//! says which English an organization reads (the country) and, for each
//! word the Englishes spell differently, its form in each. The fill stage
//! respells the templates' own text with it, word by word (see
//! `fill::punctuation`), and never an answer the user typed.
//!
//! The table is English only: a translation (French) is a parallel text
//! with its own words, so it has nothing to respell and this file does not
//! apply to it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;

use crate::policy::diag::{Diagnostics, Problem, SourceFile, YamlPath};
use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::ids::QuestionId;

/// The version of the spelling-file format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// An English, by its language tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum English {
    /// Canadian English: -our, mostly -ize, "practise" as a verb, "cheque", "centre".
    #[serde(rename = "en-CA")]
    Canada,
    /// British English: -our, -ise.
    #[serde(rename = "en-GB")]
    Britain,
    /// Australian English: -our, -ise.
    #[serde(rename = "en-AU")]
    Australia,
    /// American English: -or, -ize, "practice" for noun and verb.
    #[serde(rename = "en-US")]
    UnitedStates,
}

impl English {
    /// Every English, in the order a row of the file lists them.
    pub const ALL: [English; 4] = [
        English::Canada,
        English::Britain,
        English::Australia,
        English::UnitedStates,
    ];

    /// Its language tag (BCP 47), such as `en-CA`.
    pub fn tag(self) -> &'static str {
        match self {
            English::Canada => "en-CA",
            English::Britain => "en-GB",
            English::Australia => "en-AU",
            English::UnitedStates => "en-US",
        }
    }

    /// The English with language tag `tag`, if this build knows it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.tag() == tag)
    }
}

impl fmt::Display for English {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpelling {
    version: u32,
    written_in: String,
    question: String,
    answers: BTreeMap<String, String>,
    words: Vec<RawWord>,
}

/// One word in every English.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWord {
    #[serde(rename = "en-CA")]
    canada: String,
    #[serde(rename = "en-GB")]
    britain: String,
    #[serde(rename = "en-AU")]
    australia: String,
    #[serde(rename = "en-US")]
    united_states: String,
}

impl RawWord {
    fn form(&self, english: English) -> &str {
        match english {
            English::Canada => &self.canada,
            English::Britain => &self.britain,
            English::Australia => &self.australia,
            English::UnitedStates => &self.united_states,
        }
    }
}

/// The checked spelling table. [`Spelling::default`] respells nothing: a
/// questionnaire loaded on its own reads as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spelling {
    /// The English the templates are written in.
    pub written_in: Option<English>,
    /// The question whose answer chooses the English.
    pub question: Option<QuestionId>,
    /// The English of each option of that question; other answers, and no
    /// answer, read as written.
    pub answers: BTreeMap<String, English>,
    /// For each other English, each written form (lower case) that it
    /// spells differently, and its own form.
    respell: BTreeMap<English, BTreeMap<String, String>>,
}

/// What the questionnaire has under a question id, as far as the spelling
/// file needs to know (given by the questionnaire, which this module does
/// not import: the questionnaire holds the checked table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionOptions<'q> {
    /// There is no such question.
    Missing,
    /// The question is not a one-of question.
    NotOneOf,
    /// The ids of its options.
    OneOf(Vec<&'q str>),
}

impl Spelling {
    /// Parses and checks a spelling file from `source`, where `options`
    /// says what the questionnaire has under a question id (see
    /// `Questionnaire::spelling_from_source`): the question and its options
    /// must exist, every tag must be one this build knows, and every row
    /// must give one lower-case word for each English, with no written form
    /// in two rows.
    pub fn from_source<'q>(
        source: &SourceFile<'_>,
        options: impl Fn(&QuestionId) -> QuestionOptions<'q>,
    ) -> Result<Self, Diagnostics> {
        let raw: RawSpelling = source.parse()?;
        let mut problems = Vec::new();
        let checked = check(raw, options, &mut problems);
        if problems.is_empty() {
            Ok(checked)
        } else {
            Err(source.locate(problems))
        }
    }

    /// The English the (visible) `answers` choose: the one their answer to
    /// the spelling question names, or the one the text is written in.
    pub fn english_for(&self, answers: &Answers) -> Option<English> {
        let chosen = self.question.as_ref().and_then(|q| match answers.get(q) {
            Some(Answer::Text(option)) => self.answers.get(option).copied(),
            _ => None,
        });
        chosen.or(self.written_in)
    }

    /// The forms `english` spells differently from the written text, keyed
    /// by the written form in lower case; `None` when it spells none
    /// differently (the English the text is written in).
    pub fn changes_for(&self, english: Option<English>) -> Option<&BTreeMap<String, String>> {
        english
            .and_then(|e| self.respell.get(&e))
            .filter(|words| !words.is_empty())
    }
}

/// The English named `tag` at `path`, or a problem.
fn english(tag: &str, path: &YamlPath, problems: &mut Vec<Problem>) -> Option<English> {
    let found = English::from_tag(tag);
    if found.is_none() {
        let known: Vec<&str> = English::ALL.iter().map(|e| e.tag()).collect();
        problems.push(Problem::new(
            path.clone(),
            format!(
                "\"{tag}\" is not an English this build knows (use one of {})",
                known.join(", ")
            ),
        ));
    }
    found
}

/// Whether `form` is one word of lower-case letters: what whole-word
/// matching can find (the fill stage cuts text into words at every
/// character that is not a letter or digit).
fn is_word(form: &str) -> bool {
    !form.is_empty() && form.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

fn check<'q>(
    raw: RawSpelling,
    options_of: impl Fn(&QuestionId) -> QuestionOptions<'q>,
    problems: &mut Vec<Problem>,
) -> Spelling {
    let root = YamlPath::root();
    if raw.version != FORMAT_VERSION {
        problems.push(Problem::new(
            root.key("version"),
            format!(
                "this build reads spelling format version {FORMAT_VERSION}, not {}",
                raw.version
            ),
        ));
    }
    let written_in = english(&raw.written_in, &root.key("written_in"), problems);
    let question = QuestionId::from(raw.question.as_str());
    let options: Option<BTreeSet<&str>> = match options_of(&question) {
        QuestionOptions::OneOf(ids) => Some(ids.into_iter().collect()),
        QuestionOptions::NotOneOf => {
            problems.push(Problem::new(
                root.key("question"),
                format!("question \"{question}\" is not a one-of question, so its answer cannot name an English"),
            ));
            None
        }
        QuestionOptions::Missing => {
            problems.push(Problem::new(
                root.key("question"),
                format!("there is no question \"{question}\""),
            ));
            None
        }
    };
    let mut answers = BTreeMap::new();
    for (option, tag) in &raw.answers {
        let path = root.key("answers").key(option);
        if let Some(options) = &options {
            if !options.contains(option.as_str()) {
                problems.push(Problem::new(
                    path.clone(),
                    format!("question \"{question}\" has no option \"{option}\""),
                ));
            }
        }
        if let Some(e) = english(tag, &path, problems) {
            answers.insert(option.clone(), e);
        }
    }
    let mut respell: BTreeMap<English, BTreeMap<String, String>> = BTreeMap::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, word) in raw.words.iter().enumerate() {
        let path = root.key("words").index(i);
        for e in English::ALL {
            let form = word.form(e);
            if !is_word(form) {
                problems.push(Problem::new(
                    path.key(e.tag()),
                    format!(
                        "\"{form}\" is not a word in lower case (capitals are matched from it: \"colour\" also \
                         respells \"Colour\" and \"COLOUR\")"
                    ),
                ));
            }
        }
        if English::ALL.iter().all(|&e| word.form(e) == word.canada) {
            problems.push(Problem::new(
                path.clone(),
                format!(
                    "\"{}\" is spelled the same in every English, so it needs no row",
                    word.canada
                ),
            ));
        }
        let Some(written_in) = written_in else { continue };
        let written = word.form(written_in);
        if let Some(first) = seen.insert(written.to_owned(), i) {
            problems.push(Problem::new(
                path.key(written_in.tag()),
                format!(
                    "\"{written}\" already has a row (words[{first}]); a written word can be respelled only one way"
                ),
            ));
        }
        for e in English::ALL {
            if word.form(e) != written {
                respell
                    .entry(e)
                    .or_default()
                    .insert(written.to_owned(), word.form(e).to_owned());
            }
        }
    }
    Spelling {
        written_in,
        question: options.map(|_| question),
        answers,
        respell,
    }
}
