//! Conditions on answers, written as data in the templates: they decide
//! whether a question is shown and whether a clause is included.

use serde::{Deserialize, Serialize};

use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::ids::QuestionId;

/// A condition as written in YAML, before its question ids are checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RawCondition {
    /// Every condition holds.
    All(Vec<RawCondition>),
    /// At least one condition holds.
    Any(Vec<RawCondition>),
    /// The condition does not hold.
    Not(Box<RawCondition>),
    /// A yes/no question was answered yes.
    Yes(String),
    /// A yes/no question was answered no.
    No(String),
    /// A question has an answer that is not blank.
    Answered(String),
    /// A one-of question has this option chosen.
    Equals(RawComparison),
    /// A several-of question includes this option.
    Includes(RawComparison),
}

/// `question` and `value` of an `equals` or `includes` condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComparison {
    /// The question's id.
    pub question: String,
    /// An option id of that question.
    pub value: String,
}

/// A checked condition: every question and option it names exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// Every condition holds (true when empty).
    All(Vec<Condition>),
    /// At least one condition holds (false when empty).
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// The yes/no question was answered with this value.
    Is(QuestionId, bool),
    /// The question has an answer that is not blank.
    Answered(QuestionId),
    /// The one-of question has this option chosen.
    Equals(QuestionId, String),
    /// The several-of question includes this option.
    Includes(QuestionId, String),
}

impl Condition {
    /// Whether the condition holds for `answers`.
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::All(cs) => cs.iter().all(|c| c.holds(answers)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(answers)),
            Condition::Not(c) => !c.holds(answers),
            Condition::Is(q, want) => answers.get(q) == Some(&Answer::YesNo(*want)),
            Condition::Answered(q) => answers.get(q).is_some(),
            Condition::Equals(q, v) => answers.text(q) == Some(v.as_str()),
            Condition::Includes(q, v) => {
                matches!(answers.get(q), Some(Answer::Choices(cs)) if cs.iter().any(|c| c == v))
            }
        }
    }

    /// Every question this condition reads.
    pub fn questions(&self) -> Vec<&QuestionId> {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().flat_map(Condition::questions).collect(),
            Condition::Not(c) => c.questions(),
            Condition::Is(q, _) | Condition::Answered(q) | Condition::Equals(q, _) | Condition::Includes(q, _) => {
                vec![q]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            a.set(QuestionId::from(*k), v.clone());
        }
        a
    }

    #[test]
    fn combinators_follow_boolean_logic() {
        let a = answers(&[
            ("photos", Answer::YesNo(true)),
            ("country", Answer::Text("canada".into())),
            ("platforms", Answer::Choices(vec!["facebook".into(), "x".into()])),
        ]);
        let photos = Condition::Is("photos".into(), true);
        let canada = Condition::Equals("country".into(), "canada".into());
        let tiktok = Condition::Includes("platforms".into(), "tiktok".into());
        assert!(Condition::All(vec![photos.clone(), canada.clone()]).holds(&a));
        assert!(!Condition::All(vec![photos.clone(), tiktok.clone()]).holds(&a));
        assert!(Condition::Any(vec![tiktok.clone(), canada]).holds(&a));
        assert!(Condition::Not(Box::new(tiktok)).holds(&a));
        assert!(Condition::Includes("platforms".into(), "x".into()).holds(&a));
        assert!(!Condition::Is("photos".into(), false).holds(&a));
        assert!(Condition::All(vec![]).holds(&a));
        assert!(!Condition::Any(vec![]).holds(&a));
    }

    #[test]
    fn blank_answers_count_as_unanswered() {
        let a = answers(&[("name", Answer::Text("  ".into())), ("list", Answer::Choices(vec![]))]);
        assert!(!Condition::Answered("name".into()).holds(&a));
        assert!(!Condition::Answered("list".into()).holds(&a));
        assert!(!Condition::Answered("absent".into()).holds(&a));
    }

    #[test]
    fn an_unanswered_yes_no_question_is_neither_yes_nor_no() {
        let a = Answers::default();
        assert!(!Condition::Is("photos".into(), true).holds(&a));
        assert!(!Condition::Is("photos".into(), false).holds(&a));
    }
}
