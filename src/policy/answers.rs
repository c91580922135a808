//! Answers to the questionnaire, as the user gives them and as drafts and
//! answer files store them. Their meaning comes from the question's kind:
//! [`crate::policy::questionnaire::Questionnaire::check_answers`] says whether
//! an answer fits its question.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ids::QuestionId;

/// One answer. Free text, dates (`YYYY-MM-DD`) and single choices (the
/// option id) are all text; several choices are a list of option ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A yes/no answer.
    YesNo(bool),
    /// Free text, a date, or the id of the one option chosen.
    Text(String),
    /// The ids of the options chosen.
    Choices(Vec<String>),
}

impl Answer {
    /// Whether this answer says nothing: empty text or no option chosen.
    pub fn is_blank(&self) -> bool {
        match self {
            Answer::YesNo(_) => false,
            Answer::Text(t) => t.trim().is_empty(),
            Answer::Choices(c) => c.is_empty(),
        }
    }
}

/// All answers of one draft, keyed by question id. Answers to questions
/// that are hidden stay here, so that showing the question again restores
/// them; [`crate::policy::questionnaire::Questionnaire::visible_answers`]
/// gives the ones that count.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<QuestionId, Answer>);

impl Answers {
    /// The answer to `id`, if it is given and not blank.
    pub fn get(&self, id: &QuestionId) -> Option<&Answer> {
        self.0.get(id).filter(|a| !a.is_blank())
    }

    /// Sets or replaces the answer to `id`.
    pub fn set(&mut self, id: QuestionId, answer: Answer) {
        self.0.insert(id, answer);
    }

    /// Removes the answer to `id`.
    pub fn clear(&mut self, id: &QuestionId) {
        self.0.remove(id);
    }

    /// Text of a text, date or single-choice answer.
    pub fn text(&self, id: &QuestionId) -> Option<&str> {
        match self.get(id) {
            Some(Answer::Text(t)) => Some(t.as_str()),
            _ => None,
        }
    }
}
