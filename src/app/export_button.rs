//! The export button: the current document to a PDF download, made by the
//! PDF worker so the page never freezes.

use std::time::Duration;

use leptos::prelude::*;

use super::pdf_client::{make_pdf, outcome};
use super::session::use_session;
use super::storage::today_iso;
use crate::policy::fill::fill;
use crate::policy::layout::DocumentKind;

/// Exports the current policy as a PDF and reports the outcome.
#[component]
pub fn ExportButton() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let review = session.review;
    let decided = move || review.with(|r| !r.decisions.is_empty());
    let include_approval = RwSignal::new(true);
    let export = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        // Say something only if it takes long enough to notice.
        set_timeout(
            move || {
                if busy.get_untracked() {
                    status.set("Making the PDF…".to_owned());
                }
            },
            Duration::from_millis(100),
        );
        let mut doc = session.document.get_untracked();
        // The cover's status follows the latest decision.
        if let Some(last) = review.with_untracked(|r| r.decisions.last().map(|d| d.verdict)) {
            doc.cover.approval = match last {
                crate::policy::review::Verdict::Approved => crate::policy::document::Approval::Approved,
                crate::policy::review::Verdict::ChangesRequested => crate::policy::document::Approval::InReview,
            };
        }
        if include_approval.get_untracked() {
            let record = review.with_untracked(|r| crate::policy::review::approval_section(r, &doc));
            doc.sections.extend(record);
        }
        let file_name = doc.file_name(&today_iso());
        make_pdf(doc, DocumentKind::Policy, move |result| {
            busy.set(false);
            status.set(outcome(result, &file_name, "PDF"));
        });
    };
    // The one-page sheet for staff, from the same answers.
    let export_quick = {
        let session = session.clone();
        move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            set_timeout(
                move || {
                    if busy.get_untracked() {
                        status.set("Making the quick reference…".to_owned());
                    }
                },
                Duration::from_millis(100),
            );
            let policy = &session.policy;
            let doc = session
                .answers
                .with_untracked(|a| fill(&policy.questionnaire, &policy.quick_reference, a));
            let file_name = doc.file_name_as("staff-quick-reference", &today_iso());
            make_pdf(doc, DocumentKind::QuickReference, move |result| {
                busy.set(false);
                status.set(outcome(result, &file_name, "quick reference"));
            });
        }
    };
    view! {
        <div class="export">
            {move || decided().then(|| view! {
                <div class="choice">
                    <input type="checkbox" id="include-approval" prop:checked=move || include_approval.get()
                        on:change=move |ev| include_approval.set(event_target_checked(&ev)) />
                    <label for="include-approval">"Include the approval record"</label>
                </div>
            })}
            <button type="button" class="primary" aria-busy=move || busy.get().to_string() on:click=export>
                "Export PDF"
            </button>
            " "
            <button type="button" aria-busy=move || busy.get().to_string() on:click=export_quick>
                "Staff quick reference (PDF)"
            </button>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
    .into_any()
}
