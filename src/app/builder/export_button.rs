//! The export buttons: the current policy as a PDF (made by the PDF
//! worker so the page never freezes) or a web page, and the staff quick
//! reference. An export that would print placeholders asks first.

use leptos::prelude::*;

use crate::app::browser::download::download;
use crate::app::browser::focus::focus_id;
use crate::app::browser::storage::today_iso;
use crate::app::browser::worker_client::{make_pdf, outcome};
use crate::app::shell::files::Busy;
use crate::app::shell::session::use_session;
use crate::policy::document::{Document, DocumentKind};
use crate::policy::fill::finish::{self, PolicyOptions};
use crate::policy::render::html::render_html;

/// One of the exports the buttons offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    Pdf,
    WebPage,
    QuickReference,
    ApproverNotes,
}

impl Export {
    /// The id of its button, where focus returns after a cancelled export.
    fn button(self) -> &'static str {
        match self {
            Export::Pdf => "export-pdf",
            Export::WebPage => "export-html",
            Export::QuickReference => "export-quick",
            Export::ApproverNotes => "export-notes",
        }
    }

    /// What the confirmation calls the document.
    fn noun(self) -> &'static str {
        match self {
            Export::Pdf | Export::WebPage => "policy",
            Export::QuickReference => "quick reference",
            Export::ApproverNotes => "cover note",
        }
    }
}

/// Exports the current policy as a PDF or a web page, or the staff quick
/// reference, and reports the outcome. When the document still shows
/// placeholders, it asks first, in place, with Export anyway and Cancel.
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
    // Copy, so that every button's handler can hold it.
    let stored = StoredValue::new(session);
    let finished = move || {
        let options = PolicyOptions {
            approval_record: include_approval.get_untracked(),
        };
        stored.with_value(|s| {
            s.document
                .with_untracked(|filled| review.with_untracked(|r| finish::policy(filled, r, options)))
        })
    };
    let export_pdf = move || {
        let doc = finished();
        let file_name = doc.file_name(&today_iso());
        make(doc, DocumentKind::Policy, file_name, "PDF");
    };
    // The same policy as one self-contained web page, made in the page.
    let export_html = move || {
        let doc = finished();
        let pdf_name = doc.file_name(&today_iso());
        let file_name = format!("{}.html", pdf_name.strip_suffix(".pdf").unwrap_or(&pdf_name));
        status.set(match download(render_html(&doc).as_bytes(), &file_name, "text/html") {
            Ok(()) => "Web page downloaded.".to_owned(),
            Err(e) => format!("The web page could not be downloaded: {e}."),
        });
    };
    // The one-page sheet for staff, from the same answers.
    let quick = move || stored.with_value(|s| s.answers().with_untracked(|a| finish::quick_reference(&s.policy, a)));
    let export_quick = move || {
        let doc = quick();
        let file_name = doc.file_name_as("staff-quick-reference", &today_iso());
        make(doc, DocumentKind::QuickReference, file_name, "quick reference");
    };
    // The cover note for approvers, which is not part of the policy.
    let notes = move || stored.with_value(|s| s.answers().with_untracked(|a| finish::approver_notes(&s.policy, a)));
    let export_notes = move || {
        let doc = notes();
        let file_name = doc.file_name_as("notes-for-approvers", &today_iso());
        make(doc, DocumentKind::Note, file_name, "cover note");
    };
    let run = move |what: Export| match what {
        Export::Pdf => export_pdf(),
        Export::WebPage => export_html(),
        Export::QuickReference => export_quick(),
        Export::ApproverNotes => export_notes(),
    };
    // The export waiting for the user's answer, and the question asked.
    let pending: RwSignal<Option<(Export, String)>> = RwSignal::new(None);
    let ask = move |what: Export| {
        let doc = match what {
            Export::Pdf | Export::WebPage => finished(),
            Export::QuickReference => quick(),
            Export::ApproverNotes => notes(),
        };
        match doc.placeholders().question(what.noun()) {
            None => run(what),
            Some(question) => {
                pending.set(Some((what, question)));
                request_animation_frame(|| focus_id("export-anyway"));
            }
        }
    };
    let answer = move |go: bool| {
        let Some((what, _)) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        if go {
            run(what);
        }
        request_animation_frame(move || focus_id(what.button()));
    };
    let confirmation = move || {
        pending.get().map(|(_, question)| {
            view! {
                <div class="confirm" role="alertdialog" aria-labelledby="export-question"
                    aria-describedby="export-question-help"
                    on:keydown=move |ev| if ev.key() == "Escape" { answer(false) }>
                    <p id="export-question"><strong>{question}</strong></p>
                    <p id="export-question-help">
                        "A placeholder prints the question's topic in square brackets where its answer will go. "
                        "Check your answers lists every question not answered yet."
                    </p>
                    <button type="button" class="primary" id="export-anyway" on:click=move |_| answer(true)>
                        "Export anyway"
                    </button>
                    " "
                    <button type="button" on:click=move |_| answer(false)>"Cancel"</button>
                </div>
            }
        })
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
            <button type="button" class="primary" id="export-pdf" aria-busy=move || busy.get().to_string()
                on:click=move |_| ask(Export::Pdf)>
                "Export PDF"
            </button>
            " "
            <button type="button" id="export-html" on:click=move |_| ask(Export::WebPage)>"Download as web page"</button>
            " "
            <button type="button" id="export-quick" aria-busy=move || busy.get().to_string()
                on:click=move |_| ask(Export::QuickReference)>
                "Staff quick reference (PDF)"
            </button>
            " "
            <button type="button" id="export-notes" aria-busy=move || busy.get().to_string()
                on:click=move |_| ask(Export::ApproverNotes)>
                "Cover note for approvers (PDF)"
            </button>
            {confirmation}
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
    .into_any()
}
