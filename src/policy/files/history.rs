//! The revision history: one entry per review round (version, date, what
//! changed, who approved), built from the draft's review decisions and the
//! current version, and the appendix section that prints it with the next
//! review date. The PDF, the DOCX and the web page all show this section.

use crate::policy::document::{Block, BlockKind, Document, Section, Text};
use crate::policy::files::review::{Review, Verdict};
use crate::policy::fill::lifecycle::NextReview;
use crate::policy::fill::words::Words;
use crate::policy::model::answers::Answers;
use crate::policy::model::ids::{ClauseId, SectionId};

/// One version of the policy as the history records it, in the
/// Document's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The version number, or "Unnumbered".
    pub version: String,
    /// The date of the decision in long form, or "Not yet reviewed".
    pub date: String,
    /// What changed in this version.
    pub changes: String,
    /// Who approved it, or why it is not approved.
    pub approved_by: String,
}

/// The history of `review`'s decisions, oldest first, and a last entry for
/// `current_version` when it has not been reviewed yet. The text of the
/// policy is `doc`, to name the sections changed since their review, and
/// its language is the history's.
pub fn revisions(review: &Review, doc: &Document, current_version: &str) -> Vec<Revision> {
    let w = Words::of(&doc.language);
    let version = |v: &str| {
        let v = v.trim();
        if v.is_empty() {
            w.unnumbered.to_owned()
        } else {
            v.to_owned()
        }
    };
    let mut out: Vec<Revision> = Vec::new();
    let mut previous: Option<Verdict> = None;
    for d in &review.decisions {
        let changes = match previous {
            None => w.first_issue,
            Some(Verdict::ChangesRequested) => w.revised_as_asked,
            Some(Verdict::Approved) => w.revised_after_approval,
        };
        // A decision edited after its reviewer signed it approves nothing.
        let approved_by = match d.verdict {
            _ if !d.state().counts() => w.edited_after_review.to_owned(),
            Verdict::Approved => (w.approver)(d.reviewer.trim(), d.role.trim()),
            Verdict::ChangesRequested => (w.not_approved)(d.reviewer.trim()),
        };
        out.push(Revision {
            version: version(&d.version),
            date: w.date(&d.date),
            changes: changes.to_owned(),
            approved_by,
        });
        previous = Some(d.verdict);
    }
    let changed: Vec<String> = review
        .changes_since(doc)
        .iter()
        .filter_map(|(id, _)| doc.sections.iter().find(|s| s.id.as_str() == id))
        .map(|s| format!("{} {}", s.number, s.title))
        .collect();
    let reviewed_as_is = review
        .decisions
        .last()
        .is_some_and(|d| d.version.trim() == current_version.trim());
    if !reviewed_as_is || !changed.is_empty() {
        let changes = if changed.is_empty() {
            if out.is_empty() {
                w.first_issue.to_owned()
            } else {
                w.not_recorded.to_owned()
            }
        } else {
            (w.changed_since)(&changed.join(w.list_separator))
        };
        out.push(Revision {
            version: version(current_version),
            date: w.not_yet_reviewed.to_owned(),
            changes,
            approved_by: w.not_yet_approved.to_owned(),
        });
    }
    out
}

/// The appendix: the next review date and the revision history, numbered
/// after the last section of `doc`, in its language.
pub fn history_section(revisions: &[Revision], next: Option<NextReview>, doc: &Document) -> Section {
    let w = Words::of(&doc.language);
    let block = |clause: &str, kind: BlockKind| Block {
        clause: ClauseId::from(clause),
        kind,
    };
    let next_text = next.map_or_else(|| w.next_review_not_set.to_owned(), |n| format!("{}.", n.label_in(w)));
    let items = revisions
        .iter()
        .map(|r| Text::plain((w.revision)(&r.version, &r.date, &r.changes, &r.approved_by)))
        .collect();
    Section {
        id: SectionId::from("revision_history"),
        number: (doc.sections.len() + 1).to_string(),
        title: w.history_title.to_owned(),
        blocks: vec![
            block("history.next_review", BlockKind::Paragraph(Text::plain(next_text))),
            block("history.revisions", BlockKind::Numbered(items)),
        ],
        subsections: Vec::new(),
    }
}

/// `doc` with the appendix added: its revisions from `review`, and the
/// next review from `answers` as seen on `today` (`YYYY-MM-DD`).
pub fn with_history(mut doc: Document, review: &Review, answers: &Answers, today: &str) -> Document {
    let list = revisions(review, &doc, &doc.cover.version.to_plain());
    let next = NextReview::from_answers(answers, today);
    let section = history_section(&list, next, &doc);
    doc.sections.push(section);
    doc
}

/// The review reminder's file name, such as
/// `social-media-policy-review-2027-03-01.ics`.
pub fn reminder_file_name(due: crate::policy::model::dates::Date) -> String {
    format!("social-media-policy-review-{}.ics", due.iso())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::document::Cover;
    use crate::policy::files::review::Decision;
    use crate::policy::fill::lifecycle::ReviewCycle;
    use crate::policy::model::dates::parse_iso;

    fn doc() -> Document {
        Document {
            language: "en".to_owned(),
            title: "T".into(),
            author: "A".into(),
            cover: Cover::default(),
            sections: vec![Section {
                id: SectionId::from("privacy"),
                number: "1".into(),
                title: "Patient privacy".into(),
                blocks: vec![Block {
                    clause: ClauseId::from("p"),
                    kind: BlockKind::Paragraph(Text::plain("Staff must ask first.")),
                }],
                subsections: vec![],
            }],
            problems: vec![],
        }
    }

    fn decision(verdict: Verdict, version: &str, date: &str) -> Decision {
        Decision {
            reviewer: "Ana".into(),
            role: "HR".into(),
            date: date.into(),
            verdict,
            version: version.into(),
            signature: None,
            checked: None,
        }
    }

    #[test]
    fn a_decision_edited_after_review_approves_nothing_in_the_history() {
        let mut edited = decision(Verdict::Approved, "1.0", "2026-11-25");
        edited.checked = Some(crate::policy::files::review::SignatureState::EditedAfterReview {
            fingerprint: "ab12".into(),
        });
        let review = Review {
            decisions: vec![edited],
            ..Review::default()
        };
        let h = revisions(&review, &doc(), "1.0");
        assert_eq!(h[0].approved_by, "Not counted: the decision was edited after review");
        assert!(!h[0].approved_by.contains("Ana"));
    }

    #[test]
    fn a_policy_never_reviewed_has_one_unapproved_entry() {
        let h = revisions(&Review::default(), &doc(), "1.0");
        assert_eq!(
            h,
            vec![Revision {
                version: "1.0".into(),
                date: "Not yet reviewed".into(),
                changes: "First issue.".into(),
                approved_by: "Not yet approved".into(),
            }]
        );
    }

    #[test]
    fn each_review_round_is_an_entry_and_later_edits_name_their_sections() {
        let mut d = doc();
        let mut r = Review::default();
        r.set_verdict("privacy", Some(Verdict::ChangesRequested), &d);
        r.decisions
            .push(decision(Verdict::ChangesRequested, "1.0", "2026-10-01"));
        r.decisions.push(decision(Verdict::Approved, "1.1", "2026-11-25"));
        let h = revisions(&r, &d, "1.1");
        assert_eq!(h.len(), 2, "{h:?}");
        assert_eq!(h[0].approved_by, "Not approved: Ana asked for changes");
        assert_eq!(h[1].date, "25 November 2026");
        assert_eq!(h[1].changes, "Revised as the previous review asked.");
        assert_eq!(h[1].approved_by, "Ana (HR)");

        // The text changes after the review: a new, unreviewed entry says where.
        d.sections[0].blocks[0].kind = BlockKind::Paragraph(Text::plain("Staff should ask first."));
        let h = revisions(&r, &d, "1.2");
        assert_eq!(h.len(), 3);
        assert_eq!(h[2].version, "1.2");
        assert_eq!(h[2].changes, "Changed since the last review: 1 Patient privacy.");

        let next = NextReview::after(
            parse_iso("2026-11-25").expect("date"),
            ReviewCycle::Annually,
            parse_iso("2026-12-03").expect("date"),
        );
        let s = history_section(&h, next, &d);
        assert_eq!(s.number, "2");
        let text = s.to_plain();
        assert!(
            text.starts_with("2 Review and revision history\nNext review: 25 November 2027.\n"),
            "{text}"
        );
        assert!(
            text.contains("- Version 1.1, 25 November 2026. What changed: Revised as the previous review asked. Approved by: Ana (HR)."),
            "{text}"
        );
        assert!(history_section(&h, None, &d)
            .to_plain()
            .contains("Next review: not set"));
    }

    #[test]
    fn a_french_policy_has_its_history_in_french() {
        let d = Document {
            language: "fr-CA".to_owned(),
            ..doc()
        };
        let mut r = Review::default();
        r.decisions.push(decision(Verdict::ChangesRequested, "", "2026-12-01"));
        let h = revisions(&r, &d, "1.0");
        assert_eq!(
            h[0],
            Revision {
                version: "non numérotée".into(),
                date: "1er décembre 2026".into(),
                changes: "première publication.".into(),
                approved_by: "non accordée, Ana ayant demandé des modifications".into(),
            }
        );
        assert_eq!(h[1].date, "pas encore révisée");
        let next = NextReview::after(
            parse_iso("2026-12-02").expect("date"),
            ReviewCycle::Annually,
            parse_iso("2026-12-03").expect("date"),
        );
        let text = history_section(&h, next, &d).to_plain();
        assert!(
            text.starts_with(
                "2 Historique des révisions et des versions\nProchaine révision\u{a0}: 2 décembre 2027.\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("Modifications\u{a0}: non consignées. Approbation\u{a0}: pas encore accordée."),
            "{text}"
        );
    }
}
