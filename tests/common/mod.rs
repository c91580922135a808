//! What the integration tests share: the shipped policy and samples, and
//! the one-answer walk over the questionnaire. Each test crate uses part
//! of it.
#![allow(dead_code)]

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::model::answers::{Answer, Answers};
use policy_builder::policy::model::questionnaire::{QuestionKind, Questionnaire};
use policy_builder::policy::sample::{Sample, SAMPLES};

/// The shipped templates, loaded and checked.
pub fn policy() -> Policy {
    match Policy::builtin() {
        Ok(p) => p,
        Err(d) => panic!("shipped templates have problems:\n{d}"),
    }
}

/// The sample organizations, each named by its file's stem.
pub fn samples() -> Vec<(String, Sample)> {
    SAMPLES
        .iter()
        .map(|(file, text)| match Sample::load(file, text) {
            Ok(s) => (
                file.trim_start_matches("samples/").trim_end_matches(".yaml").to_owned(),
                s,
            ),
            Err(d) => panic!("{d}"),
        })
        .collect()
}

/// Every way of changing one answer of `answers`: each value of each
/// question (one choice, all choices, a text, a date), and no answer.
pub fn neighbours(q: &Questionnaire, answers: &Answers) -> Vec<Answers> {
    let mut out = Vec::new();
    for question in q.questions() {
        let values: Vec<Option<Answer>> = match &question.kind {
            QuestionKind::YesNo => vec![Some(Answer::YesNo(true)), Some(Answer::YesNo(false)), None],
            QuestionKind::OneOf(choices) => choices
                .iter()
                .map(|c| Some(Answer::Text(c.id.clone())))
                .chain([None])
                .collect(),
            QuestionKind::SeveralOf(choices) => choices
                .iter()
                .map(|c| Some(Answer::Choices(vec![c.id.clone()])))
                .chain([
                    Some(Answer::Choices(choices.iter().map(|c| c.id.clone()).collect())),
                    None,
                ])
                .collect(),
            QuestionKind::Text | QuestionKind::LongText => vec![Some(Answer::Text("Example".into())), None],
            QuestionKind::Date => vec![Some(Answer::Text("2027-01-01".into())), None],
        };
        for value in values {
            let mut next = answers.clone();
            match value {
                Some(v) => next.set(question.id.clone(), v),
                None => next.clear(&question.id),
            }
            out.push(next);
        }
    }
    out
}
