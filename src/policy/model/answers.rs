//! Answers to the questionnaire, as the user gives them and as drafts and
//! answer files store them. Their meaning comes from the question's kind:
//! [`crate::policy::model::questionnaire::Questionnaire::check_answers`] says whether
//! an answer fits its question.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::policy::model::ids::QuestionId;

/// One answer. Free text, dates (`YYYY-MM-DD`) and single choices (the
/// option id) are all text; several choices are a list of option ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// A yes/no answer.
    YesNo(bool),
    /// Free text, a date, or the id of the one option chosen.
    Text(String),
    /// The ids of the options chosen.
    Choices(Vec<String>),
}

/// Read by the form of the value (a boolean, a string, a list), as an
/// untagged enum would be, but without buffering the value first: that
/// costs code in the page's WebAssembly, and says less when it fails.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Form;
        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = Answer;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("yes/no (true or false), a text, or a list of option ids")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Answer, E> {
                Ok(Answer::YesNo(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Answer, E> {
                Ok(Answer::Text(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Answer, E> {
                Ok(Answer::Text(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Answer, A::Error> {
                Vec::deserialize(serde::de::value::SeqAccessDeserializer::new(seq)).map(Answer::Choices)
            }
        }
        deserializer.deserialize_any(Form)
    }
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
/// them; [`crate::policy::model::questionnaire::Questionnaire::visible_answers`]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_read_by_its_form_and_any_other_form_is_refused_with_what_is_expected() {
        let read = |json: &str| serde_json::from_str::<Answer>(json);
        assert_eq!(read("true").ok(), Some(Answer::YesNo(true)));
        assert_eq!(read("\"2026-01-05\"").ok(), Some(Answer::Text("2026-01-05".into())));
        assert_eq!(
            read("[\"a\", \"b\"]").ok(),
            Some(Answer::Choices(vec!["a".into(), "b".into()]))
        );
        assert_eq!(read("[]").ok(), Some(Answer::Choices(vec![])));
        for bad in ["3", "null", "{\"a\": 1}", "[1]"] {
            let e = read(bad).expect_err(bad).to_string();
            assert!(e.contains("expected"), "{bad}: {e}");
        }
        let e = read("3").expect_err("a number").to_string();
        assert!(e.contains("yes/no"), "{e}");
        // Written back the same way.
        for json in ["true", "\"x\"", "[\"a\"]"] {
            let answer = read(json).expect(json);
            assert_eq!(serde_json::to_string(&answer).ok().as_deref(), Some(json));
        }
    }
}
