//! The pipeline's typed values as the interface says them: a review
//! verdict, a section's standing and the next review date, in the
//! interface language. The pipeline stays free of the message files; its
//! own English labels are for the documents it writes.

use crate::app::i18n::{lang, tr, Lang};
use crate::policy::files::review::{Standing, Verdict};
use crate::policy::fill::lifecycle::NextReview;
use crate::policy::model::language::Language;

/// A reviewer's verdict: "Approved", "Changes requested".
pub fn verdict(v: Verdict) -> String {
    match v {
        Verdict::Approved => tr!("review-approved"),
        Verdict::ChangesRequested => tr!("review-changes-requested"),
    }
}

/// Where a section stands in the review, beside the section.
pub fn standing(s: Standing) -> String {
    match s {
        Standing::Approved => tr!("review-approved"),
        Standing::ApprovedBeforeChange => tr!("review-approved-before-change"),
        Standing::ChangesRequested => tr!("review-changes-requested"),
    }
}

/// The next review, with its date written in the interface language:
/// "Next review: 1 March 2027", "Review was due on 1 March 2027".
pub fn next_review(next: &NextReview) -> String {
    let language = match lang() {
        Lang::En => Language::English,
        Lang::Fr => Language::CanadianFrench,
    };
    let date = next.due.long_in(language);
    if next.passed {
        tr!("next-review-passed", date = date)
    } else {
        tr!("next-review", date = date)
    }
}
