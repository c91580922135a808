//! Filling again after an answer changed: each template's finished text,
//! kept with the answers it read, so that the next fill renders only the
//! templates that read a changed answer.
//!
//! A keystroke in one answer changes a few of the policy's hundreds of
//! templates, but [`super::fill`] would render them all again (upon, the
//! answer markers, the organization's words, tidying). What a template
//! prints depends only on the values of the variables it looks up, and a
//! variable's value only on its question's answer and the organization's
//! [`Words`]: so a template whose read answers are the same prints the
//! same text. Rendering notes which questions a template reads on the way
//! it takes ([`Templates::render_reading`]), so an answer that switches a
//! branch on, and the new branch's variables with it, is read and noted
//! too. The memo holds nothing of the browser and never reads the clock:
//! the session keeps one beside its answers, and a native test checks that
//! a remembered fill equals a fresh one.

use super::punctuation::WordsKey;
use super::{paragraphs, tidy};
use crate::policy::document::Text;
use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::ids::QuestionId;
use crate::policy::model::template::{TemplateId, Templates};

/// What a fill made of a template's rendered text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// The text as rendered.
    Raw,
    /// Tidied (see [`tidy`]).
    Tidy,
    /// Split into tidied paragraphs (see [`paragraphs`]).
    Paragraphs,
}

impl Shape {
    /// `text` made into this shape.
    pub(super) fn make(self, text: Text) -> Vec<Text> {
        match self {
            Shape::Raw => vec![text],
            Shape::Tidy => vec![tidy(text)],
            Shape::Paragraphs => paragraphs(text),
        }
    }
}

/// A template's text as last made, and what it was made from.
#[derive(Debug)]
struct Entry {
    /// Each question the template read, with its (visible) answer then.
    read: Vec<(QuestionId, Option<Answer>)>,
    /// What was made of the rendered text.
    shape: Shape,
    /// The text, in that shape.
    texts: Vec<Text>,
    /// Why the template did not render, if it did not.
    problem: Option<String>,
}

/// Each template's text as a fill last made it, for one questionnaire and
/// one clause library: a new library needs a new memo, since its
/// templates are other templates under the same ids.
#[derive(Debug, Default)]
pub struct FillMemo {
    /// The words the texts are in; other words make every text again.
    words: Option<WordsKey>,
    /// By template id.
    entries: Vec<Option<Entry>>,
}

/// A template made by a fill: its text, in its shape, and why it did not
/// render, if it did not (its text is then empty).
pub(super) struct Made {
    /// The texts.
    pub texts: Vec<Text>,
    /// The render's error, if any.
    pub problem: Option<String>,
}

impl Made {
    /// What `rendered` makes in `shape`: an error gives the empty text.
    pub(super) fn of(shape: Shape, rendered: Result<Text, String>) -> Self {
        match rendered {
            Ok(text) => Self {
                texts: shape.make(text),
                problem: None,
            },
            Err(e) => Self {
                texts: shape.make(Text::plain("")),
                problem: Some(e),
            },
        }
    }
}

impl FillMemo {
    /// An empty memo.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a fill of `templates` in `words`: texts made in other words
    /// are forgotten.
    pub(super) fn start(&mut self, templates: &Templates, words: WordsKey) {
        if self.words != Some(words) || self.entries.len() != templates.len() {
            self.entries.clear();
            self.entries.resize_with(templates.len(), || None);
            self.words = Some(words);
        }
    }

    /// Template `id` in `shape` for the `visible` answers: as remembered
    /// when every answer it read is the same, else made by `render`, which
    /// renders it and tells which variables it read.
    pub(super) fn get(
        &mut self,
        id: TemplateId,
        shape: Shape,
        visible: &Answers,
        render: impl FnOnce(&mut dyn FnMut(&str)) -> Result<Text, String>,
    ) -> Made {
        if let Some(Some(entry)) = self.entries.get(id.index()) {
            if entry.shape == shape && entry.read.iter().all(|(q, a)| visible.get(q) == a.as_ref()) {
                return Made {
                    texts: entry.texts.clone(),
                    problem: entry.problem.clone(),
                };
            }
        }
        let mut read: Vec<(QuestionId, Option<Answer>)> = Vec::new();
        let rendered = render(&mut |name: &str| {
            // `setting.front_desk` reads the question `setting`.
            let question = name.split('.').next().unwrap_or(name);
            if !read.iter().any(|(q, _)| q.as_str() == question) {
                let id = QuestionId(question.to_owned());
                let answer = visible.get(&id).cloned();
                read.push((id, answer));
            }
        });
        let made = Made::of(shape, rendered);
        if let Some(slot) = self.entries.get_mut(id.index()) {
            *slot = Some(Entry {
                read,
                shape,
                texts: made.texts.clone(),
                problem: made.problem.clone(),
            });
        }
        made
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::bundle::Policy;
    use crate::policy::fill::finish::{draft, draft_remembering};
    use crate::policy::fill::{fill, fill_remembering};
    use crate::policy::model::language::Language;
    use crate::policy::model::library::ClauseLibrary;
    use crate::policy::model::questionnaire::{Question, QuestionKind, Questionnaire};
    use crate::policy::sample::Sample;
    use crate::policy::trainer::scenario::ScenarioLibrary;

    /// Other answers to `question` than `answer`, as an author changes it:
    /// typed on, each other option, a choice more or less, the other yes
    /// or no, another date.
    fn changes(question: &Question, answer: Option<&Answer>) -> Vec<Answer> {
        let ids = |choices: &[crate::policy::model::questionnaire::Choice]| -> Vec<String> {
            choices.iter().map(|c| c.id.clone()).collect()
        };
        match (&question.kind, answer) {
            (QuestionKind::YesNo, Some(Answer::YesNo(b))) => vec![Answer::YesNo(!b)],
            (QuestionKind::YesNo, _) => vec![Answer::YesNo(true), Answer::YesNo(false)],
            (QuestionKind::OneOf(choices), _) => ids(choices).into_iter().map(Answer::Text).collect(),
            (QuestionKind::SeveralOf(choices), Some(Answer::Choices(chosen))) => {
                vec![
                    Answer::Choices(chosen.iter().skip(1).cloned().collect()),
                    Answer::Choices(ids(choices)),
                ]
            }
            (QuestionKind::SeveralOf(choices), _) => vec![Answer::Choices(ids(choices))],
            (QuestionKind::Date, _) => vec![Answer::Text("2031-02-28".to_owned())],
            (_, Some(Answer::Text(t))) => vec![
                Answer::Text(format!("{t} Inc.")),
                Answer::Text(format!("{t} Inc")),
                Answer::Text(t.chars().take(3).collect()),
            ],
            (_, _) => vec![Answer::Text("the Director".to_owned())],
        }
    }

    /// What is filled and checked: a library alone, or the policy's draft
    /// with its worked examples, as the preview makes it.
    enum Memo<'a> {
        Fill(&'a ClauseLibrary, FillMemo),
        Draft(&'a Policy, &'a ScenarioLibrary, FillMemo),
    }

    /// Fills `answers` with the memo and afresh, and says where they differ.
    fn same(q: &Questionnaire, memo: &mut Memo<'_>, answers: &Answers, step: &str) {
        match memo {
            Memo::Fill(lib, memo) => {
                let remembered = fill_remembering(q, lib, answers, memo);
                assert!(
                    remembered == fill(q, lib, answers),
                    "a remembered fill differs at {step}"
                );
            }
            Memo::Draft(policy, scenarios, memo) => {
                let lib = &policy.library;
                let remembered = draft_remembering(policy, lib, Some(scenarios), answers, memo);
                let fresh = draft(policy, lib, Some(scenarios), answers);
                assert!(remembered == fresh, "a remembered draft differs at {step}");
            }
        }
    }

    /// Answers the sample's questions one by one (a text typed in steps),
    /// then changes each answer in every way [`changes`] gives and puts it
    /// back, checking each fill with the memo against a fresh one.
    fn check_every_change(policy: &Policy, scenarios: &ScenarioLibrary, sample: &Sample, file: &str) {
        let q = &policy.questionnaire;
        let memos = [
            Memo::Draft(policy, scenarios, FillMemo::new()),
            Memo::Fill(&policy.quick_reference, FillMemo::new()),
            Memo::Fill(&policy.approver_notes, FillMemo::new()),
        ];
        for mut memo in memos {
            let memo = &mut memo;
            let mut answers = Answers::default();
            same(q, memo, &answers, &format!("{file}: no answer"));
            for question in q.questions() {
                let Some(answer) = sample.answers.get(&question.id) else {
                    continue;
                };
                if let Answer::Text(t) = answer {
                    let half: String = t.chars().take(t.chars().count() / 2).collect();
                    answers.set(question.id.clone(), Answer::Text(half));
                    same(q, memo, &answers, &format!("{file}: {} half typed", question.id));
                }
                answers.set(question.id.clone(), answer.clone());
                same(q, memo, &answers, &format!("{file}: {} answered", question.id));
            }
            for question in q.questions() {
                let was = answers.get(&question.id).cloned();
                for change in changes(question, was.as_ref()) {
                    answers.set(question.id.clone(), change.clone());
                    same(q, memo, &answers, &format!("{file}: {} is {change:?}", question.id));
                }
                answers.clear(&question.id);
                same(q, memo, &answers, &format!("{file}: {} cleared", question.id));
                if let Some(was) = was {
                    answers.set(question.id.clone(), was);
                }
                same(q, memo, &answers, &format!("{file}: {} put back", question.id));
            }
        }
    }

    #[test]
    fn a_remembered_fill_and_draft_equal_fresh_ones_through_every_change_to_every_sample() {
        let samples = Sample::builtin();
        assert!(samples.len() >= 5, "{}", samples.len());
        for language in [Language::English, Language::CanadianFrench] {
            let policy = Policy::builtin_in(language).expect("the shipped templates load");
            let scenarios = ScenarioLibrary::builtin_in(language, &policy.questionnaire, &policy.library)
                .expect("the shipped scenarios load");
            for (file, sample) in &samples {
                check_every_change(&policy, &scenarios, sample, file);
            }
        }
    }

    #[test]
    fn only_the_templates_that_read_a_changed_answer_are_rendered_again() {
        let policy = Policy::builtin().expect("the shipped templates load");
        let (q, lib) = (&policy.questionnaire, &policy.library);
        let (_, sample) = Sample::builtin()
            .into_iter()
            .find(|(f, _)| f.contains("ontario"))
            .expect("ships");
        let mut memo = FillMemo::new();
        let mut answers = sample.answers.clone();
        fill_remembering(q, lib, &answers, &mut memo);
        let before: Vec<bool> = memo.entries.iter().map(Option::is_some).collect();
        let texts = |memo: &FillMemo| -> Vec<Option<Vec<Text>>> {
            memo.entries
                .iter()
                .map(|e| e.as_ref().map(|e| e.texts.clone()))
                .collect()
        };
        let kept = texts(&memo);
        let name = QuestionId("legal_name".to_owned());
        answers.set(name.clone(), Answer::Text("Lakeside Community Hospital 7".to_owned()));
        fill_remembering(q, lib, &answers, &mut memo);
        let after = texts(&memo);
        assert_eq!(before, memo.entries.iter().map(Option::is_some).collect::<Vec<_>>());
        let changed: Vec<usize> = (0..after.len()).filter(|&i| after[i] != kept[i]).collect();
        let reading: Vec<usize> = (0..after.len())
            .filter(|&i| {
                memo.entries[i]
                    .as_ref()
                    .is_some_and(|e| e.read.iter().any(|(q, _)| *q == name))
            })
            .collect();
        assert!(!changed.is_empty());
        assert!(changed.iter().all(|i| reading.contains(i)), "{changed:?} {reading:?}");
        assert!(reading.len() * 10 < after.len(), "{} of {}", reading.len(), after.len());
    }
}
