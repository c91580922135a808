//! The export button: the current document to a PDF download, made by the
//! PDF worker so the page never freezes.

use leptos::prelude::*;

use crate::app::browser::download::download;
use crate::app::browser::storage::today_iso;
use crate::app::browser::worker_client::{make_pdf, outcome};
use crate::app::shell::files::Busy;
use crate::app::shell::session::use_session;
use crate::policy::document::{Document, DocumentKind};
use crate::policy::fill::finish::{self, PolicyOptions};
use crate::policy::render::html::render_html;

/// Exports the current policy as a PDF and reports the outcome.
#[component]
pub fn ExportButton() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let status = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let review = session.review();
    let decided = move || review.with(|r| !r.decisions.is_empty());
    let include_approval = RwSignal::new(true);
    // Makes `doc` as a `kind` in the worker, saying so if it takes long
    // enough to notice, and reports the download as a `noun`.
    let make = move |doc: Document, kind: DocumentKind, file_name: String, noun: &'static str| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        // The page may be gone when the PDF comes back: nothing here reads
        // a reactive value that could have been disposed by then.
        let note = Busy::start(status, format!("Making the {noun}…"));
        leptos::task::spawn_local(async move {
            let result = make_pdf(doc, kind).await;
            note.done();
            busy.try_set(false);
            status.try_set(outcome(result, &file_name, noun));
        });
    };
    // The policy as exported; the PDF and the web page are made from it.
    let finished = {
        let session = session.clone();
        move || {
            let options = PolicyOptions {
                approval_record: include_approval.get_untracked(),
            };
            session
                .document
                .with_untracked(|filled| review.with_untracked(|r| finish::policy(filled, r, options)))
        }
    };
    let export = move |_| {
        let doc = finished();
        let file_name = doc.file_name(&today_iso());
        make(doc, DocumentKind::Policy, file_name, "PDF");
    };
    // The same policy as one self-contained web page, made in the page.
    let export_html = move |_| {
        let doc = finished();
        let pdf_name = doc.file_name(&today_iso());
        let file_name = format!("{}.html", pdf_name.strip_suffix(".pdf").unwrap_or(&pdf_name));
        status.set(match download(render_html(&doc).as_bytes(), &file_name, "text/html") {
            Ok(()) => "Web page downloaded.".to_owned(),
            Err(e) => format!("The web page could not be downloaded: {e}."),
        });
    };
    // The one-page sheet for staff, from the same answers.
    let export_quick = move |_| {
        let doc = session
            .answers()
            .with_untracked(|a| finish::quick_reference(&session.policy, a));
        let file_name = doc.file_name_as("staff-quick-reference", &today_iso());
        make(doc, DocumentKind::QuickReference, file_name, "quick reference");
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
            <button type="button" on:click=export_html>"Download as web page"</button>
            " "
            <button type="button" aria-busy=move || busy.get().to_string() on:click=export_quick>
                "Staff quick reference (PDF)"
            </button>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
    .into_any()
}
