//! The export buttons: the current policy as a PDF or a Word file (made by
//! the worker so the page never freezes) or a web page, the staff quick
//! reference, the cover note for approvers, the staff sign-off sheet and
//! the review reminder. An export that would print placeholders asks first.

use leptos::prelude::*;

use crate::app::browser::download::download;
use crate::app::browser::focus::focus_id;
use crate::app::browser::storage::{self, now_iso, today_iso};
use crate::app::browser::worker_client::{make_docx, write_reminder};
use crate::app::builder::word_template_picker::WordTemplatePicker;
use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::export_languages::{self, in_languages, ExportIn, ExportLanguages, PdfJob};
use crate::app::shell::files::Busy;
use crate::app::shell::session::use_session;
use crate::policy::bundle::Policy;
use crate::policy::document::{Document, DocumentKind, Placeholders};
use crate::policy::files::worker_protocol::{FileJob, ReminderRequest, WordRequest};
use crate::policy::fill::finish::{self, History, PolicyOptions};
use crate::policy::fill::lifecycle::NextReview;
use crate::policy::model::answers::Answers;
use crate::policy::model::language::Language;
use crate::policy::render::html::{render_html, render_html_bilingual};

/// The Word file's MIME type.
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// `name` (a PDF's file name) with the extension `ext` instead.
fn named(name: &str, ext: &str) -> String {
    format!("{}.{ext}", name.strip_suffix(".pdf").unwrap_or(name))
}

/// One of the exports the buttons offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Export {
    Pdf,
    WebPage,
    Word,
    QuickReference,
    ApproverNotes,
}

impl Export {
    /// The id of its button, where focus returns after a cancelled export.
    fn button(self) -> &'static str {
        match self {
            Export::Pdf => "export-pdf",
            Export::WebPage => "export-html",
            Export::Word => "export-word",
            Export::QuickReference => "export-quick",
            Export::ApproverNotes => "export-notes",
        }
    }

    /// What the confirmation calls the document (a selector of the
    /// `export-placeholders` message).
    fn noun(self) -> &'static str {
        match self {
            Export::Pdf | Export::WebPage | Export::Word => "policy",
            Export::QuickReference => "quick",
            Export::ApproverNotes => "notes",
        }
    }
}

/// The question to ask before exporting `what` with `left` placeholders,
/// or `None` when nothing is left to answer.
fn placeholder_question(what: Export, left: Placeholders) -> Option<String> {
    (left.count > 0).then(|| {
        tr!(
            "export-placeholders",
            what = what.noun(),
            sections = left.sections,
            cover = if left.on_cover { "yes" } else { "no" },
            questions = left.questions,
            count = left.count,
        )
    })
}

/// Exports the current policy as a PDF, a Word file or a web page, or the
/// documents beside it, and reports the outcome. When the document still shows
/// placeholders, it asks first, in place, with Export anyway and Cancel.
#[component]
pub fn ExportButton() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let job = PdfJob::new();
    let PdfJob { busy, status } = job;
    let review = session.review();
    let decided = move || review.with(|r| !r.decisions.is_empty());
    let include_approval = RwSignal::new(true);
    // The policy as exported, with the revision history and the next
    // review appended; the PDF, the Word file and the web page are all
    // made from it. Copy, so that every button's handler can hold it.
    let languages = session.languages();
    let stored = StoredValue::new(session);
    // A bilingual policy exports both languages in one file (PDF, Word
    // file or web page), or one of them; the user chooses (above the
    // buttons' row).
    let export_in = RwSignal::new(ExportIn::Both);
    let main = move || languages.get_untracked().main();
    // The languages the exports are in now, the main one first.
    let chosen = move || export_languages::chosen(languages.get_untracked(), export_in.get_untracked());
    // The policy as exported in `language`, or `None` while that
    // language's content is on its way (or with an imported library).
    let finished_in = move |language: Language| {
        let today = today_iso();
        stored.with_value(|s| {
            let filled = s.document_in(language)?;
            Some(s.answers().with_untracked(|answers| {
                let options = PolicyOptions {
                    approval_record: include_approval.get_untracked(),
                    history: Some(History { answers, today: &today }),
                };
                review.with_untracked(|r| finish::policy(&filled, r, options))
            }))
        })
    };
    // The policy in the first chosen language, whose placeholders the
    // question before an export counts.
    let finished = move || {
        let (first, _) = chosen();
        finished_in(first)
            .or_else(|| finished_in(main()))
            .unwrap_or_else(|| stored.with_value(|s| s.document.get_untracked()))
    };
    // A PDF in the chosen languages of what `doc` makes in one language.
    let make_chosen = move |doc: &dyn Fn(Language) -> Option<Document>,
                            kind: DocumentKind,
                            stem: Option<&str>,
                            what: &'static str| {
        let Some(docs) = in_languages(chosen(), doc) else {
            status.set(tr!("export-language-not-ready"));
            return;
        };
        let file_name = match stem {
            Some(stem) => docs.0.file_name_as(stem, &today_iso()),
            None => docs.0.file_name(&today_iso()),
        };
        job.run(docs, kind, file_name, what, None);
    };
    let export_pdf = move || make_chosen(&finished_in, DocumentKind::Policy, None, "pdf");
    // The policy in the chosen languages, or why not yet.
    let finished_chosen = move || {
        let docs = in_languages(chosen(), finished_in);
        if docs.is_none() {
            status.set(tr!("export-language-not-ready"));
        }
        docs
    };
    // The same policy as one self-contained web page, made in the page.
    let export_html = move || {
        let Some((doc, second)) = finished_chosen() else {
            return;
        };
        let file_name = named(&doc.file_name(&today_iso()), "html");
        let html = match &second {
            Some(second) => render_html_bilingual([&doc, second]),
            None => render_html(&doc),
        };
        status.set(match download(html.as_bytes(), &file_name, "text/html") {
            Ok(()) => tr!("export-web-downloaded"),
            Err(e) => tr!("export-web-failed", error = e.said()),
        });
    };
    // Makes `doc` (and `second` after it) as a Word file in the worker and
    // downloads it as `file_name`; `with_review` sends the review (comments
    // and tracked changes, on `doc` only) and the draft's Word template.
    let make_word =
        move |doc: Document, second: Option<Document>, with_review: bool, file_name: String, what: &'static str| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let word = WordRequest {
                // The Word file says the language the Document was filled in.
                language: doc.language.clone(),
                now: now_iso(),
                review: if with_review {
                    review.get_untracked()
                } else {
                    Default::default()
                },
                // The draft's template, read at export time so that a template
                // picked a moment ago is used.
                template: if with_review {
                    stored.with_value(|s| storage::word_template(&s.id))
                } else {
                    None
                },
            };
            let note = Busy::start(status, tr!("making", what = what));
            leptos::task::spawn_local(async move {
                let result = make_docx(doc, second, word).await;
                note.done();
                busy.try_set(false);
                let said = match result {
                    Ok(bytes) => match download(&bytes, &file_name, DOCX) {
                        Ok(()) => tr!("made-downloaded", what = what),
                        Err(e) => tr!("made-not-downloaded", what = what, error = e.said()),
                    },
                    Err(e) => tr!("made-failed", what = what, error = e.said()),
                };
                status.try_set(said);
            });
        };
    let export_word = move || {
        let Some((doc, second)) = finished_chosen() else {
            return;
        };
        let file_name = named(&doc.file_name(&today_iso()), "docx");
        make_word(doc, second, true, file_name, "word");
    };
    // The staff acknowledgement sheet for the current version.
    let signoff = move || stored.with_value(|s| s.document.with_untracked(finish::signoff_sheet));
    let signoff_pdf = move |_| {
        let doc = signoff();
        let file_name = doc.file_name_as("staff-acknowledgement", &today_iso());
        job.run((doc, None), DocumentKind::QuickReference, file_name, "signoff", None);
    };
    let signoff_word = move |_| {
        let doc = signoff();
        let file_name = named(&doc.file_name_as("staff-acknowledgement", &today_iso()), "docx");
        make_word(doc, None, false, file_name, "signoff");
    };
    // The next review, once the effective date and cycle are answered.
    let next_review = move || stored.with_value(|s| s.answers().with(|a| NextReview::from_answers(a, &today_iso())));
    let reminder = move |_| {
        let Some(next) = next_review() else {
            return;
        };
        let (doc, draft_id) = stored.with_value(|s| (s.document.get_untracked(), s.id.clone()));
        let stamp: String = now_iso()
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == 'T')
            .take(15)
            .chain(std::iter::once('Z'))
            .collect();
        let job = FileJob::WriteReminder(Box::new(ReminderRequest {
            title: doc.title.clone(),
            organization: doc.author.clone(),
            owner: doc.cover.owner.to_plain(),
            version: doc.cover.version.to_plain(),
            due: next.due.iso(),
            draft_id,
            stamp,
            language: doc.language.clone(),
        }));
        let file_name = crate::policy::files::history::reminder_file_name(next.due);
        leptos::task::spawn_local(async move {
            let said = match write_reminder(job).await {
                Ok(text) => match download(text.as_bytes(), &file_name, "text/calendar") {
                    Ok(()) => tr!("made-downloaded", what = "reminder"),
                    Err(e) => tr!("made-not-downloaded", what = "reminder", error = e.said()),
                },
                Err(e) => tr!("made-failed", what = "reminder", error = e.said()),
            };
            status.try_set(said);
        });
    };
    let draft = stored.with_value(|s| s.id.clone());
    // The one-page sheet for staff and the cover note for approvers
    // (which is not part of the policy), filled by `make` from the same
    // answers in `language`, once that language's content is there.
    let companion_in = move |language: Language, make: fn(&Policy, &Answers) -> Document| {
        stored.with_value(|s| {
            let shipped = untrack(|| s.content_in(language))?;
            Some(s.answers().with_untracked(|a| make(&shipped.policy, a)))
        })
    };
    let companion = move |make: fn(&Policy, &Answers) -> Document| {
        companion_in(chosen().0, make)
            .unwrap_or_else(|| stored.with_value(|s| s.answers().with_untracked(|a| make(&s.policy, a))))
    };
    let quick_in = move |language: Language| companion_in(language, finish::quick_reference);
    let quick = move || companion(finish::quick_reference);
    let export_quick = move || {
        make_chosen(
            &quick_in,
            DocumentKind::QuickReference,
            Some("staff-quick-reference"),
            "quick",
        )
    };
    let notes_in = move |language: Language| companion_in(language, finish::approver_notes);
    let notes = move || companion(finish::approver_notes);
    let export_notes = move || make_chosen(&notes_in, DocumentKind::Note, Some("notes-for-approvers"), "notes");
    let run = move |what: Export| match what {
        Export::Pdf => export_pdf(),
        Export::WebPage => export_html(),
        Export::Word => export_word(),
        Export::QuickReference => export_quick(),
        Export::ApproverNotes => export_notes(),
    };
    // The export waiting for the user's answer, and the question asked.
    let pending: RwSignal<Option<(Export, String)>> = RwSignal::new(None);
    let ask = move |what: Export| {
        let doc = match what {
            Export::Pdf | Export::WebPage | Export::Word => finished(),
            Export::QuickReference => quick(),
            Export::ApproverNotes => notes(),
        };
        match placeholder_question(what, doc.placeholders()) {
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
                        {tv!("export-placeholder-help")}
                    </p>
                    <button type="button" class="primary" id="export-anyway" on:click=move |_| answer(true)>
                        {tv!("export-anyway")}
                    </button>
                    " "
                    <button type="button" on:click=move |_| answer(false)>{tv!("cancel")}</button>
                </div>
            }
        })
    };
    view! {
        <div class="export">
            <ExportLanguages languages=languages choice=export_in.read_only()
                on_choose=Callback::new(move |choice: ExportIn| export_in.set(choice)) name="export-in"
                legend=|| tr!("export-languages") hint=|| tr!("export-in-hint") />
            {move || decided().then(|| view! {
                <div class="choice">
                    <input type="checkbox" id="include-approval" prop:checked=move || include_approval.get()
                        on:change=move |ev| include_approval.set(event_target_checked(&ev)) />
                    <label for="include-approval">{tv!("export-include-approval")}</label>
                </div>
            })}
            <button type="button" class="primary" id="export-pdf" aria-busy=move || busy.get().to_string()
                on:click=move |_| ask(Export::Pdf)>
                {tv!("export-pdf")}
            </button>
            " "
            <button type="button" id="export-html" on:click=move |_| ask(Export::WebPage)>{tv!("export-web")}</button>
            " "
            <button type="button" id="export-word" aria-busy=move || busy.get().to_string()
                on:click=move |_| ask(Export::Word)>
                {tv!("export-word")}
            </button>
            " "
            <button type="button" id="export-quick" aria-busy=move || busy.get().to_string()
                on:click=move |_| ask(Export::QuickReference)>
                {tv!("export-quick")}
            </button>
            " "
            <button type="button" id="export-notes" aria-busy=move || busy.get().to_string()
                on:click=move |_| ask(Export::ApproverNotes)>
                {tv!("export-notes")}
            </button>
            " "
            <button type="button" aria-busy=move || busy.get().to_string() on:click=signoff_pdf>
                {tv!("export-signoff-pdf")}
            </button>
            " "
            <button type="button" aria-busy=move || busy.get().to_string() on:click=signoff_word>
                {tv!("export-signoff-word")}
            </button>
            {move || next_review().map(|next| view! {
                <p class="next-review">{crate::app::shell::labels::next_review(&next)}" "
                    <button type="button" on:click=reminder>{tv!("export-reminder")}</button>
                </p>
            })}
            {confirmation}
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            <WordTemplatePicker draft=draft />
        </div>
    }
    .into_any()
}
