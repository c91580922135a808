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

use policy_builder::policy::document::Document;
use policy_builder::policy::files::review::{Decision, Review, SignatureState, Verdict};
use policy_builder::policy::fill::finish::{self, History, PolicyOptions};

fn decision(verdict: Verdict, version: &str, date: &str, checked: Option<SignatureState>) -> Decision {
    Decision {
        reviewer: "Dominique Roy".into(),
        role: "RH".into(),
        date: date.into(),
        verdict,
        version: version.into(),
        signature: None,
        checked,
    }
}

/// `filled` as exported after its reviews, in every form the approval
/// record, the revision history and the next review can take: a review
/// with a signed request for changes, a decision edited after signing, an
/// approval and a section edited since it was approved; a policy never
/// reviewed, with no next review; one reviewed at an earlier version
/// with nothing changed since, seen after its next review was due; and the staff sign-off sheet. With a
/// review round that every phrase of the appendices is in, as `today`
/// (`YYYY-MM-DD`) sees the next review from `answers`.
pub fn reviewed_exports(filled: &Document, answers: &Answers, today: &str) -> Vec<Document> {
    let mut review = Review::default();
    let id = |i: usize| filled.sections[i].id.to_string();
    review.set_verdict(&id(0), Some(Verdict::Approved), filled);
    review.set_verdict(&id(1), Some(Verdict::ChangesRequested), filled);
    review.set_verdict(&id(2), Some(Verdict::Approved), filled);
    review.decisions = vec![
        decision(
            Verdict::ChangesRequested,
            "1.0",
            "2026-10-01",
            Some(SignatureState::Verified {
                fingerprint: "ab12 cd34".into(),
            }),
        ),
        decision(
            Verdict::Approved,
            "",
            "2026-11-02",
            Some(SignatureState::EditedAfterReview {
                fingerprint: "ab12 cd34".into(),
            }),
        ),
        decision(Verdict::Approved, "1.1", "2026-12-01", None),
    ];
    // The third section is edited after its approval.
    let mut edited = filled.clone();
    edited.sections[2].title.push_str(" (2)");
    fn history<'a>(answers: &'a Answers, today: &'a str) -> PolicyOptions<'a> {
        PolicyOptions {
            approval_record: true,
            history: Some(History { answers, today }),
        }
    }
    let unanswered = Answers::default();
    let earlier = Review {
        decisions: vec![decision(Verdict::Approved, "0.9", "2026-11-20", None)],
        ..Review::default()
    };
    vec![
        finish::policy(&edited, &review, history(answers, today)),
        finish::policy(filled, &Review::default(), history(&unanswered, today)),
        // Long after the next review was due.
        finish::policy(filled, &earlier, history(answers, "2035-01-01")),
        finish::signoff_sheet(filled),
        finish::signoff_sheet(&Document {
            cover: Default::default(),
            ..filled.clone()
        }),
    ]
}

/// What `reviewed_exports` add to `filled`: the cover's approval line,
/// the sections after the policy's own and the sign-off sheets, as text.
pub fn appendices(filled: &Document, exports: &[Document]) -> String {
    let mut out = String::new();
    for doc in exports {
        out.push_str(&format!("== {}\n", doc.title));
        if !doc.cover.approved_by.is_empty() {
            out.push_str(&format!("approved by: {}\n", doc.cover.approved_by.to_plain()));
        }
        let own = if doc.title == filled.title {
            filled.sections.len()
        } else {
            0
        };
        for s in &doc.sections[own..] {
            out.push_str(&s.to_plain());
            out.push('\n');
        }
    }
    out
}
