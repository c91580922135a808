//! The languages a draft's exports are made in, shared by every feature
//! that makes one (the policy's PDF, Word file and web page, the trainer's
//! handout): a bilingual policy's file holds both versions, or the one the
//! user chose, as the draft's policy languages say; and the PDF job that
//! makes a PDF in the worker and reports the download.

use leptos::prelude::*;

use crate::app::browser::worker_client::{make_pdf, outcome};
use crate::app::i18n::tr;
use crate::app::shell::files::Busy;
use crate::policy::document::{Document, DocumentKind};
use crate::policy::model::language::{Language, PolicyLanguages};

/// The languages the exports of a bilingual policy are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportIn {
    /// Both, in one file (an export that has one language only, such as
    /// the sign-off sheet, takes the main one).
    Both,
    /// One of them.
    Only(Language),
}

/// A policy language's name in the interface language.
pub fn language_name(language: Language) -> String {
    match language {
        Language::English => tr!("language-english"),
        Language::CanadianFrench => tr!("language-french"),
    }
}

/// The languages an export is made in when the policy is written in `all` and
/// the user chose `export_in`: the first, and the second if both.
pub fn chosen(all: PolicyLanguages, export_in: ExportIn) -> (Language, Option<Language>) {
    match (export_in, all.second()) {
        (ExportIn::Both, Some(second)) => (all.main(), Some(second)),
        (ExportIn::Only(language), Some(_)) => (language, None),
        (_, None) => (all.main(), None),
    }
}

/// The documents `doc` makes in the `chosen` languages, the first one
/// first; `None` while one of them cannot be made yet (its content is on
/// its way, or an imported clause library has no other language).
pub fn in_languages(
    (first, second): (Language, Option<Language>),
    doc: impl Fn(Language) -> Option<Document>,
) -> Option<(Document, Option<Document>)> {
    let one = doc(first)?;
    match second {
        None => Some((one, None)),
        Some(language) => Some((one, Some(doc(language)?))),
    }
}

/// For a bilingual policy: which languages its exports are in (nothing for a
/// policy in one language).
#[component]
pub fn ExportLanguages(
    /// The languages the policy is written in.
    languages: ReadSignal<PolicyLanguages>,
    /// The choice made.
    choice: ReadSignal<ExportIn>,
    /// Called with the user's new choice.
    on_choose: Callback<ExportIn>,
    /// The radio buttons' name, and their ids' start.
    name: &'static str,
    /// What the group is called, in the interface language.
    legend: fn() -> String,
    /// What is said under the choices, if anything.
    #[prop(optional)]
    hint: Option<fn() -> String>,
) -> impl IntoView {
    move || {
        let all = languages.get();
        let second = all.second()?;
        let option = |id: String, value: ExportIn, label: String| {
            view! {
                <div class="choice">
                    <input type="radio" name=name id=id.clone() prop:checked=move || choice.get() == value
                        on:change=move |_| on_choose.run(value) />
                    <label for=id>{label}</label>
                </div>
            }
        };
        let only = |language| tr!("export-in-only", language = language_name(language));
        Some(view! {
            <fieldset class="export-languages">
                <legend>{legend()}</legend>
                {option(format!("{name}-both"), ExportIn::Both, tr!("export-in-both"))}
                {option(format!("{name}-main"), ExportIn::Only(all.main()), only(all.main()))}
                {option(format!("{name}-second"), ExportIn::Only(second), only(second))}
                {hint.map(|hint| view! { <p class="hint">{hint()}</p> })}
            </fieldset>
        })
    }
}

/// A PDF made in the worker: whether one is being made, and what the
/// status line says. Copy, so that every handler can hold it.
#[derive(Clone, Copy)]
pub struct PdfJob {
    /// Whether a file is being made.
    pub busy: RwSignal<bool>,
    /// What the status line says.
    pub status: RwSignal<String>,
}

impl Default for PdfJob {
    fn default() -> Self {
        Self::new()
    }
}

impl PdfJob {
    /// Nothing made yet.
    pub fn new() -> Self {
        Self {
            busy: RwSignal::new(false),
            status: RwSignal::new(String::new()),
        }
    }

    /// Makes `first` (and `second` after it, in the same PDF), each a
    /// `kind`, saying so if it takes long enough to notice, downloads it as
    /// `file_name` and reports it as a `what`, followed by `note` if there
    /// is one. Nothing happens while another file is being made.
    pub fn run(
        self,
        (first, second): (Document, Option<Document>),
        kind: DocumentKind,
        file_name: String,
        what: &'static str,
        note: Option<String>,
    ) {
        let PdfJob { busy, status } = self;
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        // The page may be gone when the PDF comes back: nothing here reads
        // a reactive value that could have been disposed by then.
        let making = Busy::start(status, tr!("making", what = what));
        leptos::task::spawn_local(async move {
            let result = make_pdf(first, second, kind).await;
            making.done();
            busy.try_set(false);
            let mut said = outcome(result, &file_name, what);
            if let Some(note) = note {
                said.push(' ');
                said.push_str(&note);
            }
            status.try_set(said);
        });
    }
}
