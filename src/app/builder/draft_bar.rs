//! The bar above a draft's pages: the way back to the drafts, the draft's
//! name, whether it is saved, and its exports.

use leptos::prelude::*;

use crate::app::browser::storage::local_time;
use crate::app::builder::export_button::ExportButton;
use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::files::download_answer_file;
use crate::app::shell::language_switch::LanguageSwitch;
use crate::app::shell::route::Route;
use crate::app::shell::session::{use_session, SaveState};
use crate::app::shell::use_app;
use crate::policy::files::draft::display_name;

/// The draft's top bar.
#[component]
pub fn DraftBar() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let name = {
        let (meta, answers) = (session.meta(), session.answers());
        move || meta.with(|(name, _)| answers.with(|a| display_name(name, a)))
    };
    let (save_state, saved_at) = (session.save_state(), session.saved_at());
    let state = move || match save_state.get() {
        SaveState::Saved => tr!("bar-saved", time = local_time(&saved_at.get())),
        SaveState::Failed(_) => tr!("bar-not-saved"),
        SaveState::ChangedElsewhere => tr!("bar-changed-elsewhere"),
    };
    let status = RwSignal::new(String::new());
    let download = {
        let session = session.clone();
        move |_| {
            let draft = session.snapshot();
            leptos::task::spawn_local(async move {
                match download_answer_file(draft, status).await {
                    Ok(()) => status.try_set(tr!("bar-downloaded")),
                    Err(e) => status.try_set(tr!("bar-download-failed", error = e.said())),
                };
            });
        }
    };
    let id = session.id.clone();
    // Back to the section the author was on, not the first.
    let questions = {
        let (policy, section, id) = (session.policy.clone(), session.section(), id.clone());
        move || match policy.questionnaire.sections.get(section.get()) {
            Some(s) => Route::Section(id.clone(), s.id.to_string()).href(),
            None => Route::Questions(id.clone()).href(),
        }
    };
    let on_check = {
        let route = use_app().map(|app| app.route);
        move || route.is_some_and(|r| r.with(|r| matches!(r, Route::Check(_))))
    };
    view! {
        <header class="topbar">
            <nav aria-label=tv!("bar-nav") class="draft-nav">
                <a href=Route::Drafts.href()>{tv!("nav-all-drafts")}</a>
                <a href=questions>{tv!("nav-questions")}</a>
                <a href=Route::Check(id.clone()).href()>{tv!("nav-check")}</a>
                <a href=Route::Review(id.clone()).href()>{tv!("nav-review")}</a>
                <a href=Route::Trainer { draft: id, deck: None, card: None }.href()>{tv!("nav-trainer")}</a>
            </nav>
            <LanguageSwitch />
            <div class="draft-title">
                <h1>{name}</h1>
                <p class="save-state" role="status" aria-live="polite">{state}</p>
            </div>
            <div class="draft-actions">
                <button type="button" on:click=download>{tv!("download-answer-file")}</button>
                // The check-answers page ends with the export buttons, so
                // they are not offered twice there.
                {move || (!on_check()).then(|| view! { <ExportButton /> })}
            </div>
            <p class="status visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        </header>
    }
    .into_any()
}
