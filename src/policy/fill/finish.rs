//! The last stage before every exporter: the filled policy made ready to
//! leave the app. The preview, the PDF and Word writers, the web page, the
//! quick reference, the staff sign-off sheet and the trainer handout all
//! take their Document from here, so that what is exported is what the
//! native tests check; the UI only chooses options.

use crate::policy::bundle::Policy;
use crate::policy::document::{Approval, Document};
use crate::policy::files::history::with_history;
use crate::policy::files::review::{approval_section, Review, Verdict};
use crate::policy::fill::fill;
use crate::policy::fill::lifecycle;
use crate::policy::model::answers::Answers;
use crate::policy::trainer::scenario::{Deck, HandoutOptions, ScenarioLibrary};

/// What an exported policy includes beside its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PolicyOptions<'a> {
    /// Append the approval record (decisions, sections approved, version
    /// history) when someone has decided.
    pub approval_record: bool,
    /// Append the review and revision history, from these answers.
    pub history: Option<History<'a>>,
}

impl Default for PolicyOptions<'_> {
    fn default() -> Self {
        Self {
            approval_record: true,
            history: None,
        }
    }
}

/// What the review and revision history is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct History<'a> {
    /// The draft's answers (the effective date and the review cycle).
    pub answers: &'a Answers,
    /// Today (`YYYY-MM-DD`), to say whether the next review has passed.
    pub today: &'a str,
}

/// The policy as exported: `filled` with the cover's status following the
/// latest decision of `review` (an approval whose sections have changed
/// since reads "In review") and, if `options` ask for them, the approval
/// record and the revision history appended. The PDF, the Word file and
/// the web page are all made from this one Document.
pub fn policy(filled: &Document, review: &Review, options: PolicyOptions<'_>) -> Document {
    let mut doc = filled.clone();
    if let Some(last) = review.decisions.last() {
        // An approval holds only while no approved section has changed.
        doc.cover.approval = match last.verdict {
            Verdict::Approved if review.approvals_out_of_date(filled).is_empty() => Approval::Approved,
            Verdict::Approved | Verdict::ChangesRequested => Approval::InReview,
        };
    }
    if options.approval_record {
        doc.sections.extend(approval_section(review, &doc));
    }
    match options.history {
        Some(h) => with_history(doc, review, h.answers, h.today),
        None => doc,
    }
}

/// The one-page staff sign-off sheet for the version of `filled`.
pub fn signoff_sheet(filled: &Document) -> Document {
    lifecycle::signoff_sheet(filled)
}

/// The one-page staff quick reference, from the same answers.
pub fn quick_reference(templates: &Policy, answers: &Answers) -> Document {
    fill(&templates.questionnaire, &templates.quick_reference, answers)
}

/// The trainer's handout of `deck`: every scenario with this
/// organization's verdict, worked out from `answers` and the filled
/// `policy`, laid out as `options` say (verdicts under each scenario, or
/// at the back for a quiz).
pub fn handout(
    scenarios: &ScenarioLibrary,
    deck: &Deck,
    templates: &Policy,
    answers: &Answers,
    policy: &Document,
    options: &HandoutOptions,
) -> Document {
    let verdicts = scenarios.deck_verdicts(deck, &templates.questionnaire, answers, policy);
    scenarios.handout_with(deck, &verdicts, policy, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::files::review::Decision;
    use crate::policy::sample::Sample;

    fn ontario() -> (Policy, Document) {
        let templates = Policy::builtin().expect("the shipped templates load");
        let (_, sample) = Sample::builtin()
            .into_iter()
            .find(|(file, _)| file.contains("ontario"))
            .expect("the Ontario sample ships");
        let filled = fill(&templates.questionnaire, &templates.library, &sample.answers);
        (templates, filled)
    }

    fn decided(verdict: Verdict) -> Review {
        Review {
            decisions: vec![Decision {
                reviewer: "Sam Lee".into(),
                role: "HR business partner".into(),
                date: "2026-12-01".into(),
                verdict,
                version: String::new(),
            }],
            ..Review::default()
        }
    }

    #[test]
    fn a_policy_nobody_has_decided_on_leaves_unchanged() {
        let (_, filled) = ontario();
        assert_eq!(policy(&filled, &Review::default(), PolicyOptions::default()), filled);
    }

    #[test]
    fn the_cover_follows_the_latest_decision_and_the_record_is_appended_when_asked() {
        let (_, filled) = ontario();
        let approved = policy(&filled, &decided(Verdict::Approved), PolicyOptions::default());
        assert_eq!(approved.cover.approval, Approval::Approved);
        assert_eq!(approved.sections.len(), filled.sections.len() + 1);
        let asked = policy(
            &filled,
            &decided(Verdict::ChangesRequested),
            PolicyOptions {
                approval_record: false,
                ..PolicyOptions::default()
            },
        );
        assert_eq!(asked.cover.approval, Approval::InReview);
        assert_eq!(asked.sections, filled.sections);
    }

    #[test]
    fn an_approval_of_a_section_changed_since_leaves_the_cover_in_review() {
        let (_, filled) = ontario();
        let mut review = decided(Verdict::Approved);
        let id = filled.sections[1].id.to_string();
        review.set_verdict(&id, Some(Verdict::Approved), &filled);
        assert_eq!(
            policy(&filled, &review, PolicyOptions::default()).cover.approval,
            Approval::Approved
        );
        let mut edited = filled.clone();
        edited.sections[1].title.push_str(" (edited)");
        assert_eq!(
            policy(&edited, &review, PolicyOptions::default()).cover.approval,
            Approval::InReview
        );
    }

    #[test]
    fn the_revision_history_is_appended_last_when_asked() {
        let (_, filled) = ontario();
        let (_, sample) = Sample::builtin()
            .into_iter()
            .find(|(f, _)| f.contains("ontario"))
            .expect("ships");
        let options = PolicyOptions {
            history: Some(History {
                answers: &sample.answers,
                today: "2026-12-03",
            }),
            ..PolicyOptions::default()
        };
        let review = decided(Verdict::Approved);
        let doc = policy(&filled, &review, options);
        assert_eq!(
            doc.sections.len(),
            filled.sections.len() + 2,
            "the record, then the history"
        );
        let last = doc.sections.last().expect("a history section");
        assert_eq!(last.title, "Review and revision history");
        assert_eq!(last.number, (filled.sections.len() + 2).to_string());
        assert!(last.to_plain().contains("Next review: "), "{}", last.to_plain());
    }

    #[test]
    fn the_quick_reference_is_filled_from_its_own_clauses() {
        let (templates, filled) = ontario();
        let (_, sample) = Sample::builtin()
            .into_iter()
            .find(|(f, _)| f.contains("ontario"))
            .expect("ships");
        let quick = quick_reference(&templates, &sample.answers);
        // No cover page, but the facts it prints under its title: the
        // policy's version and effective date.
        assert_eq!(quick.cover.version, filled.cover.version);
        assert_eq!(quick.cover.effective_date, filled.cover.effective_date);
        assert_ne!(quick.sections, filled.sections);
        assert!(quick.problems.is_empty(), "{:?}", quick.problems);
    }
}
