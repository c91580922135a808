//! Importing a custom clause library for the open draft: checked against
//! the questionnaire, with every problem by line and column; kept with the
//! draft once it loads.

use leptos::prelude::*;

use crate::app::browser::file_input::chosen_file;
use crate::app::browser::focus::focus_id;
use crate::app::browser::worker_client::{read_library, FileError};
use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::files::{read_or_report, Busy, ReportTo, MAX_FILE_BYTES};
use crate::app::shell::problem_list::problem_summary;
use crate::app::shell::session::{use_session, LibraryChoice};
use crate::policy::diag::Diagnostics;
use crate::policy::files::draft::CustomLibrary;

/// Which clause library the draft uses, and controls to change it.
#[component]
pub fn LibraryImport() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let problems = RwSignal::new(None::<Diagnostics>);
    let status = RwSignal::new(String::new());
    let library = session.library();
    let on_file = {
        let session = session.clone();
        move |ev: web_sys::Event| {
            let session = session.clone();
            problems.set(None);
            let Some(file) = chosen_file(&ev) else { return };
            leptos::task::spawn_local(async move {
                // Too large, unreadable or not UTF-8: an error of the
                // file, in the problem list.
                let report = ReportTo::Problems {
                    problems,
                    focus: "library-problems",
                };
                let Some((name, text)) = read_or_report(&file, MAX_FILE_BYTES, report).await else {
                    status.try_set(String::new());
                    return;
                };
                // The PDF worker reads the YAML; the page has no parser.
                let busy = Busy::start(status, tr!("library-reading"));
                let result = read_library(name.clone(), text.clone()).await;
                busy.done();
                let checked = match result {
                    Ok(json) => session.use_library(Some(CustomLibrary {
                        file: name.clone(),
                        text,
                        json: Some(json),
                    })),
                    Err(FileError::Problems(d)) => Err(d),
                    Err(FileError::Worker(e)) => {
                        status.try_set(tr!("file-read-failed", name = name.clone(), error = e.said()));
                        return;
                    }
                };
                match checked {
                    Ok(()) => {
                        status.try_set(tr!("library-now-uses", name = name.clone()));
                    }
                    Err(d) => {
                        status.try_set(String::new());
                        problems.try_set(Some(d));
                        request_animation_frame(|| focus_id("library-problems"));
                    }
                }
            });
        }
    };
    let standard = {
        let session = session.clone();
        move |_| {
            let _ = session.use_library(None);
            problems.set(None);
            status.set(tr!("library-now-standard"));
        }
    };
    let current = move || {
        library.with(|l| match l {
            LibraryChoice::Shipped => tr!("library-standard"),
            LibraryChoice::Pending(c) => tr!("library-pending", file = c.file.clone()),
            LibraryChoice::Failed { custom: c, reason } => {
                tr!("library-failed", file = c.file.clone(), reason = reason.to_string())
            }
            LibraryChoice::Loaded { custom: c, .. } => tr!("library-loaded", file = c.file.clone()),
            LibraryChoice::Refused { custom: c, .. } => tr!("library-refused", file = c.file.clone()),
        })
    };
    let stored_problems = move || {
        library
            .with(|l| l.problems().cloned())
            .map(|d| problem_summary("library-stored-problems", tr!("library-stored-problems"), &d))
    };
    view! {
        <section class="library" aria-labelledby="library-heading">
            <h2 id="library-heading">{tv!("library-heading")}</h2>
            <p>{current}</p>
            {stored_problems}
            {move || problems.get().map(|d| problem_summary("library-problems", tr!("library-problems"), &d))}
            <label for="library-file">{tv!("library-import")}</label>
            <p class="hint" id="library-hint">{tv!("library-hint")}</p>
            <input type="file" id="library-file" accept=".yaml,.yml,application/yaml,text/yaml" aria-describedby="library-hint" on:change=on_file />
            {move || library.with(|l| l.custom().is_some()).then(|| view! {
                <button type="button" on:click=standard.clone()>{tv!("library-use-standard")}</button>
            })}
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </section>
    }
    .into_any()
}
