//! The questionnaire: sections of questions with stable ids, answer kinds,
//! conditions that show or hide them, and consistency checks over answers.
//!
//! Loaded in two stages: [`RawQuestionnaire`] mirrors the YAML and rejects
//! unknown fields; [`Questionnaire::load`] checks every id and reference and
//! returns all problems at once, each located in the file.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;

use crate::policy::diag::{Diagnostics, Problem, SourceFile, YamlPath};
use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::condition::{Condition, RawCondition};
use crate::policy::model::ids::{check_id, IdShape, QuestionId, SectionId};
use crate::policy::model::spelling::{QuestionOptions, Spelling};

/// The questionnaire file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionnaire {
    version: u32,
    title: String,
    sections: Vec<RawSection>,
    #[serde(default)]
    checks: Vec<RawCheck>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: String,
    #[serde(default)]
    intro: Option<String>,
    questions: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    label: String,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    term: Option<String>,
    #[serde(rename = "type")]
    kind: RawKind,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    options: Option<Vec<RawChoice>>,
    #[serde(default)]
    show_if: Option<RawCondition>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawKind {
    YesNo,
    OneOf,
    SeveralOf,
    Text,
    LongText,
    Date,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: String,
    label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    when: RawCondition,
    question: String,
    message: String,
}

/// The version of the questionnaire format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A checked questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questionnaire {
    /// Shown above the questions.
    pub title: String,
    /// The sections, in order.
    pub sections: Vec<QuestionSection>,
    /// Consistency checks over a set of answers.
    pub checks: Vec<Check>,
    /// Which English the answers choose, and the words it spells
    /// differently; empty (the text as written) until
    /// [`Questionnaire::with_spelling`] gives the shipped table.
    pub spelling: Spelling,
    index: HashMap<QuestionId, (usize, usize)>,
}

/// A section of questions, shown one at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionSection {
    /// Stable id.
    pub id: SectionId,
    /// Heading.
    pub title: String,
    /// Optional text under the heading.
    pub intro: Option<String>,
    /// The questions, in order.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable id; answers are keyed by it and templates refer to it.
    pub id: QuestionId,
    /// The question as the user reads it.
    pub label: String,
    /// Why it matters, citing a source where one applies.
    pub help: Option<String>,
    /// A short name for the answer, shown in the policy while it is missing
    /// ("organization's legal name"); the label when not given.
    pub term: Option<String>,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
    /// Whether the policy is incomplete without an answer.
    pub required: bool,
    /// When the question is shown; always when `None`.
    pub show_if: Option<Condition>,
}

/// The kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// Exactly one of the options.
    OneOf(Vec<Choice>),
    /// Any number of the options.
    SeveralOf(Vec<Choice>),
    /// A line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Stable id, stored in answers and named by conditions.
    pub id: String,
    /// What the user reads, and what the policy text says.
    pub label: String,
}

/// A consistency rule: when `when` holds, the answers contradict each other
/// or leave a gap, and the user should revisit `question`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Stable id.
    pub id: String,
    /// When the warning applies.
    pub when: Condition,
    /// The question to revisit.
    pub question: QuestionId,
    /// What is wrong, in plain words.
    pub message: String,
}

/// A problem with one answer against its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerProblem {
    /// The question the answer is for.
    pub question: QuestionId,
    /// What is wrong.
    pub message: String,
}

impl Questionnaire {
    /// Parses and checks a YAML questionnaire file named `file`.
    #[cfg(feature = "yaml")]
    pub fn load(file: &str, text: &str) -> Result<Self, Diagnostics> {
        Self::from_source(&SourceFile::yaml(file, text))
    }

    /// Parses and checks a questionnaire from `source`.
    pub fn from_source(source: &SourceFile<'_>) -> Result<Self, Diagnostics> {
        let raw: RawQuestionnaire = source.parse()?;
        let mut problems = Vec::new();
        let checked = check(raw, &mut problems);
        if problems.is_empty() {
            Ok(checked)
        } else {
            Err(source.locate(problems))
        }
    }

    /// This questionnaire with `spelling`, which was checked against it
    /// (see [`Spelling::from_source`]).
    pub fn with_spelling(self, spelling: Spelling) -> Self {
        Self { spelling, ..self }
    }

    /// Parses and checks a spelling file against this questionnaire (see
    /// [`Spelling::from_source`]); give the result to [`Self::with_spelling`].
    pub fn spelling_from_source(&self, source: &SourceFile<'_>) -> Result<Spelling, Diagnostics> {
        Spelling::from_source(source, |id| match self.question(id).map(|q| &q.kind) {
            None => QuestionOptions::Missing,
            Some(QuestionKind::OneOf(choices)) => {
                QuestionOptions::OneOf(choices.iter().map(|c| c.id.as_str()).collect())
            }
            Some(_) => QuestionOptions::NotOneOf,
        })
    }

    /// The question with id `id`.
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.index.get(id).map(|&(s, q)| &self.sections[s].questions[q])
    }

    /// Every question, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// Checks a condition written in another file against this questionnaire.
    pub fn check_condition(&self, raw: &RawCondition, path: &YamlPath, problems: &mut Vec<Problem>) -> Condition {
        let kind_of = |id: &str| self.question(&QuestionId::from(id)).map(|q| &q.kind);
        check_condition(raw, path, &kind_of, "", problems)
    }

    /// Whether `question` is shown, given the answers to the questions before it.
    pub fn is_shown(&self, question: &Question, answers: &Answers) -> bool {
        question.show_if.as_ref().is_none_or(|c| c.holds(answers))
    }

    /// The answers that count: those to questions that are shown. A
    /// question's condition only reads earlier questions, so one pass in
    /// order settles every question.
    pub fn visible_answers(&self, answers: &Answers) -> Answers {
        let mut visible = Answers::default();
        for q in self.questions() {
            if self.is_shown(q, &visible) {
                if let Some(a) = answers.get(&q.id) {
                    visible.set(q.id.clone(), a.clone());
                }
            }
        }
        visible
    }

    /// Consistency warnings for a set of answers, in questionnaire order.
    pub fn warnings(&self, answers: &Answers) -> Vec<&Check> {
        let visible = self.visible_answers(answers);
        self.checks.iter().filter(|c| c.when.holds(&visible)).collect()
    }

    /// Required questions that are shown but have no answer.
    pub fn unanswered_required(&self, answers: &Answers) -> Vec<&Question> {
        let visible = self.visible_answers(answers);
        self.questions()
            .filter(|q| q.required && self.is_shown(q, &visible) && visible.get(&q.id).is_none())
            .collect()
    }

    /// Problems with answers that do not fit their questions: unknown
    /// questions, wrong kinds, unknown options, malformed dates.
    pub fn check_answers(&self, answers: &Answers) -> Vec<AnswerProblem> {
        let mut out = Vec::new();
        for (id, answer) in &answers.0 {
            let problem = |message: String| AnswerProblem {
                question: id.clone(),
                message,
            };
            let Some(q) = self.question(id) else {
                out.push(problem(format!("there is no question \"{id}\"")));
                continue;
            };
            if let Some(message) = answer_problem(&q.kind, answer) {
                out.push(problem(message));
            }
        }
        out
    }
}

fn answer_problem(kind: &QuestionKind, answer: &Answer) -> Option<String> {
    let known = |choices: &[Choice], v: &str| choices.iter().any(|c| c.id == v);
    match (kind, answer) {
        (QuestionKind::YesNo, Answer::YesNo(_)) => None,
        (QuestionKind::YesNo, _) => Some("expected yes or no (true or false)".into()),
        (QuestionKind::OneOf(choices), Answer::Text(v)) if v.is_empty() || known(choices, v) => None,
        (QuestionKind::OneOf(choices), Answer::Text(v)) => Some(format!("\"{v}\" is not one of {}", ids(choices))),
        (QuestionKind::OneOf(_), _) => Some("expected the id of one option".into()),
        (QuestionKind::SeveralOf(choices), Answer::Choices(vs)) => vs
            .iter()
            .find(|v| !known(choices, v))
            .map(|v| format!("\"{v}\" is not one of {}", ids(choices))),
        (QuestionKind::SeveralOf(_), _) => Some("expected a list of option ids".into()),
        (QuestionKind::Text | QuestionKind::LongText, Answer::Text(_)) => None,
        (QuestionKind::Text | QuestionKind::LongText, _) => Some("expected text".into()),
        (QuestionKind::Date, Answer::Text(v))
            if v.is_empty() || crate::policy::model::dates::parse_iso(v).is_some() =>
        {
            None
        }
        (QuestionKind::Date, _) => Some("expected a date written YYYY-MM-DD".into()),
    }
}

fn ids(choices: &[Choice]) -> String {
    let ids: Vec<String> = choices.iter().map(|c| format!("\"{}\"", c.id)).collect();
    ids.join(", ")
}

fn check(raw: RawQuestionnaire, problems: &mut Vec<Problem>) -> Questionnaire {
    let root = YamlPath::root();
    if raw.version != FORMAT_VERSION {
        problems.push(Problem::new(
            root.key("version"),
            format!(
                "this build reads questionnaire format version {FORMAT_VERSION}, not {}",
                raw.version
            ),
        ));
    }
    let mut index: HashMap<QuestionId, (usize, usize)> = HashMap::new();
    let mut kinds: HashMap<String, QuestionKind> = HashMap::new();
    let mut section_ids = BTreeSet::new();
    let mut sections = Vec::new();
    for (si, rs) in raw.sections.into_iter().enumerate() {
        let spath = root.key("sections").index(si);
        check_id(&rs.id, IdShape::Plain, &spath.key("id"), "section", problems);
        if !section_ids.insert(rs.id.clone()) {
            problems.push(Problem::new(
                spath.key("id"),
                format!("section id \"{}\" is used twice", rs.id),
            ));
        }
        let mut questions = Vec::new();
        for (qi, rq) in rs.questions.into_iter().enumerate() {
            let qpath = spath.key("questions").index(qi);
            check_id(&rq.id, IdShape::Plain, &qpath.key("id"), "question", problems);
            let kind = check_kind(&rq, &qpath, problems);
            // Conditions may only read questions defined before this one, so
            // visibility never depends on itself.
            let show_if = rq
                .show_if
                .as_ref()
                .map(|c| check_condition(c, &qpath.key("show_if"), &|id| kinds.get(id), LOOKAHEAD, problems));
            let id = QuestionId(rq.id.clone());
            if index.insert(id.clone(), (si, questions.len())).is_some() {
                problems.push(Problem::new(
                    qpath.key("id"),
                    format!("question id \"{}\" is used twice", rq.id),
                ));
            }
            kinds.insert(rq.id.clone(), kind.clone());
            questions.push(Question {
                id,
                label: rq.label,
                help: rq.help,
                term: rq.term,
                kind,
                required: rq.required,
                show_if,
            });
        }
        sections.push(QuestionSection {
            id: SectionId(rs.id),
            title: rs.title,
            intro: rs.intro,
            questions,
        });
    }
    let mut checks = Vec::new();
    for (ci, rc) in raw.checks.into_iter().enumerate() {
        let cpath = root.key("checks").index(ci);
        check_id(&rc.id, IdShape::Plain, &cpath.key("id"), "check", problems);
        let when = check_condition(&rc.when, &cpath.key("when"), &|id| kinds.get(id), "", problems);
        if !kinds.contains_key(&rc.question) {
            problems.push(Problem::new(
                cpath.key("question"),
                format!("there is no question \"{}\"", rc.question),
            ));
        }
        checks.push(Check {
            id: rc.id,
            when,
            question: QuestionId(rc.question),
            message: rc.message,
        });
    }
    Questionnaire {
        title: raw.title,
        sections,
        checks,
        spelling: Spelling::default(),
        index,
    }
}

fn check_kind(rq: &RawQuestion, path: &YamlPath, problems: &mut Vec<Problem>) -> QuestionKind {
    let choices = |problems: &mut Vec<Problem>| -> Vec<Choice> {
        let Some(options) = &rq.options else {
            problems.push(Problem::new(
                path.key("type"),
                format!("question \"{}\" is a choice question but has no options", rq.id),
            ));
            return Vec::new();
        };
        if options.len() < 2 {
            problems.push(Problem::new(
                path.key("options"),
                "a choice question needs at least two options",
            ));
        }
        let mut seen = BTreeSet::new();
        for (i, o) in options.iter().enumerate() {
            check_id(
                &o.id,
                IdShape::Plain,
                &path.key("options").index(i).key("id"),
                "option",
                problems,
            );
            if !seen.insert(o.id.as_str()) {
                problems.push(Problem::new(
                    path.key("options").index(i).key("id"),
                    format!("option id \"{}\" is used twice in question \"{}\"", o.id, rq.id),
                ));
            }
        }
        options
            .iter()
            .map(|o| Choice {
                id: o.id.clone(),
                label: o.label.clone(),
            })
            .collect()
    };
    let kind = match rq.kind {
        RawKind::YesNo => QuestionKind::YesNo,
        RawKind::Text => QuestionKind::Text,
        RawKind::LongText => QuestionKind::LongText,
        RawKind::Date => QuestionKind::Date,
        RawKind::OneOf => return QuestionKind::OneOf(choices(problems)),
        RawKind::SeveralOf => return QuestionKind::SeveralOf(choices(problems)),
    };
    if rq.options.is_some() {
        problems.push(Problem::new(
            path.key("options"),
            format!("question \"{}\" has options but its type takes none", rq.id),
        ));
    }
    kind
}

/// Said of an unknown question in a `show_if`, where the usual cause is a
/// question that exists but comes later.
const LOOKAHEAD: &str = " (conditions may only name questions that come before them)";

/// Checks a raw condition, resolving question ids through `kind_of`;
/// `hint` is added to the message about an unknown question.
pub(crate) fn check_condition<'k>(
    raw: &RawCondition,
    path: &YamlPath,
    kind_of: &dyn Fn(&str) -> Option<&'k QuestionKind>,
    hint: &str,
    problems: &mut Vec<Problem>,
) -> Condition {
    let question = |id: &str, key: &str, problems: &mut Vec<Problem>| -> Option<&'k QuestionKind> {
        let kind = kind_of(id);
        if kind.is_none() {
            problems.push(Problem::new(
                path.key(key),
                format!("there is no question \"{id}\"{hint}"),
            ));
        }
        kind
    };
    match raw {
        RawCondition::All(cs) => Condition::All(
            cs.iter()
                .enumerate()
                .map(|(i, c)| check_condition(c, &path.key("all").index(i), kind_of, hint, problems))
                .collect(),
        ),
        RawCondition::Any(cs) => Condition::Any(
            cs.iter()
                .enumerate()
                .map(|(i, c)| check_condition(c, &path.key("any").index(i), kind_of, hint, problems))
                .collect(),
        ),
        RawCondition::Not(c) => Condition::Not(Box::new(check_condition(c, &path.key("not"), kind_of, hint, problems))),
        RawCondition::Yes(id) | RawCondition::No(id) => {
            let (key, value) = if matches!(raw, RawCondition::Yes(_)) {
                ("yes", true)
            } else {
                ("no", false)
            };
            if let Some(kind) = question(id, key, problems) {
                if *kind != QuestionKind::YesNo {
                    problems.push(Problem::new(
                        path.key(key),
                        format!("\"{key}\" needs a yes/no question, and \"{id}\" is not one"),
                    ));
                }
            }
            Condition::Is(QuestionId(id.clone()), value)
        }
        RawCondition::Answered(id) => {
            question(id, "answered", problems);
            Condition::Answered(QuestionId(id.clone()))
        }
        RawCondition::Equals(cmp) | RawCondition::Includes(cmp) => {
            let equals = matches!(raw, RawCondition::Equals(_));
            let key = if equals { "equals" } else { "includes" };
            let cpath = path.key(key);
            match kind_of(&cmp.question) {
                None => problems.push(Problem::new(
                    cpath.key("question"),
                    format!("there is no question \"{}\"{hint}", cmp.question),
                )),
                Some(QuestionKind::OneOf(choices)) if equals => check_option(choices, cmp, &cpath, problems),
                Some(QuestionKind::SeveralOf(choices)) if !equals => check_option(choices, cmp, &cpath, problems),
                Some(_) => problems.push(Problem::new(
                    cpath.key("question"),
                    if equals {
                        format!(
                            "\"equals\" needs a one-of question, and \"{}\" is not one",
                            cmp.question
                        )
                    } else {
                        format!(
                            "\"includes\" needs a several-of question, and \"{}\" is not one",
                            cmp.question
                        )
                    },
                )),
            }
            let q = QuestionId(cmp.question.clone());
            if equals {
                Condition::Equals(q, cmp.value.clone())
            } else {
                Condition::Includes(q, cmp.value.clone())
            }
        }
    }
}

fn check_option(
    choices: &[Choice],
    cmp: &crate::policy::model::condition::RawComparison,
    path: &YamlPath,
    problems: &mut Vec<Problem>,
) {
    if !choices.iter().any(|c| c.id == cmp.value) {
        problems.push(Problem::new(
            path.key("value"),
            format!(
                "question \"{}\" has no option \"{}\"; it has {}",
                cmp.question,
                cmp.value,
                ids(choices)
            ),
        ));
    }
}
