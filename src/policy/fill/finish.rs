//! The last stage before every exporter: the filled policy made ready to
//! leave the app. The preview, the PDF and Word writers, the web page, the
//! quick reference, the staff sign-off sheet and the trainer handout all
//! take their Document from here, so that what is exported is what the
//! native tests check; the UI only chooses options.

use crate::policy::bundle::Policy;
use crate::policy::document::{Approval, Document, Text};
use crate::policy::files::history::with_history;
use crate::policy::files::review::{approval_section, Review, Verdict};
use crate::policy::fill::lifecycle;
use crate::policy::fill::words::Words;
use crate::policy::fill::{fill, fill_remembering, FillMemo};
use crate::policy::model::answers::Answers;
use crate::policy::model::library::ClauseLibrary;
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

/// The policy the author drafts, previews and exports: filled from
/// `answers` with `library`, ending with the appendix of worked examples
/// when `scenarios` (the trainer's, checked against `library`) are given.
/// A clause library of the author's own that the scenarios do not fit
/// gives `None`, and the policy has no worked examples.
pub fn draft(
    templates: &Policy,
    library: &ClauseLibrary,
    scenarios: Option<&ScenarioLibrary>,
    answers: &Answers,
) -> Document {
    let filled = fill(&templates.questionnaire, library, answers);
    match scenarios {
        Some(scenarios) => scenarios.with_worked_examples(&templates.questionnaire, answers, filled),
        None => filled,
    }
}

/// The [`draft`] as the live preview makes it on every change: the same
/// Document, with only the policy's templates that read a changed answer
/// rendered again (see [`FillMemo`]; one memo for each clause library).
pub fn draft_remembering(
    templates: &Policy,
    library: &ClauseLibrary,
    scenarios: Option<&ScenarioLibrary>,
    answers: &Answers,
    memo: &mut FillMemo,
) -> Document {
    let filled = fill_remembering(&templates.questionnaire, library, answers, memo);
    match scenarios {
        Some(scenarios) => scenarios.with_worked_examples(&templates.questionnaire, answers, filled),
        None => filled,
    }
}

/// The policy as exported: `filled` (the [`draft`]) with the cover's status following the
/// latest decision of `review` (an approval whose sections have changed
/// since reads "In review") and, if `options` ask for them, the approval
/// record and the revision history appended. The PDF, the Word file and
/// the web page are all made from this one Document.
pub fn policy(filled: &Document, review: &Review, options: PolicyOptions<'_>) -> Document {
    let mut doc = filled.clone();
    // A decision edited after its reviewer signed never sets the status,
    // and an approval holds only while no approved section has changed.
    if let Some(last) = review.decisions.iter().rev().find(|d| d.state().counts()) {
        doc.cover.approval = match last.verdict {
            Verdict::Approved if review.approvals_out_of_date(filled).is_empty() => Approval::Approved,
            Verdict::Approved | Verdict::ChangesRequested => Approval::InReview,
        };
        // The cover's approval block names who approved it, and when.
        if doc.cover.approval == Approval::Approved {
            let date = Words::of(&doc.language).date(&last.date);
            let who: Vec<&str> = [last.reviewer.trim(), last.role.trim(), date.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            doc.cover.approved_by = Text::plain(who.join(", "));
        }
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

/// The cover note for approvers, from the same answers: the "not legal
/// advice" notice and what the drafter must still check or do. It goes
/// to the people who approve the policy, never into the policy itself.
pub fn approver_notes(templates: &Policy, answers: &Answers) -> Document {
    fill(&templates.questionnaire, &templates.approver_notes, answers)
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
                signature: None,
                checked: None,
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
        assert_eq!(
            approved.cover.approved_by.to_plain(),
            "Sam Lee, HR business partner, 1 December 2026"
        );
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
        assert!(asked.cover.approved_by.is_empty());
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
    fn the_exported_policy_ends_with_worked_examples_before_the_approval_record() {
        let (templates, filled) = ontario();
        let (_, sample) = Sample::builtin()
            .into_iter()
            .find(|(f, _)| f.contains("ontario"))
            .expect("ships");
        let scenarios =
            ScenarioLibrary::builtin(&templates.questionnaire, &templates.library).expect("the shipped scenarios load");
        let drafted = draft(&templates, &templates.library, Some(&scenarios), &sample.answers);
        assert_eq!(drafted.sections.len(), filled.sections.len() + 1);
        let examples = drafted.sections.last().expect("an appendix");
        assert_eq!(examples.title, "Appendix: worked examples");
        assert!(
            (4..=6).contains(&examples.subsections.len()),
            "{}",
            examples.subsections.len()
        );
        // Without the scenarios (a library of the author's own that they
        // do not fit), the policy is the filled text alone.
        assert_eq!(draft(&templates, &templates.library, None, &sample.answers), filled);
        let exported = policy(&drafted, &decided(Verdict::Approved), PolicyOptions::default());
        let titles: Vec<&str> = exported
            .sections
            .iter()
            .rev()
            .take(2)
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles[1], "Appendix: worked examples");
        assert_ne!(titles[0], "Appendix: worked examples");
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
