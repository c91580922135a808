//! Tells the user when the open draft is not safe in storage and offers a
//! way out: a download of what would otherwise be lost, or a choice when
//! another tab changed the same draft.

use leptos::prelude::*;

use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::files::download_answer_file;
use crate::app::shell::session::{use_session, SaveState};
use crate::policy::fill::text::capitalize;

/// A warning with choices when saving fails or another tab interferes.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let save_state = session.save_state();
    let problem = RwSignal::new(String::new());
    let keep_copy = {
        let session = session.clone();
        move |_| {
            let draft = session.snapshot();
            leptos::task::spawn_local(async move {
                if let Err(e) = download_answer_file(draft, problem).await {
                    problem.try_set(tr!("notice-download-failed", error = e.said()));
                }
            });
        }
    };
    let notice = move || match save_state.get() {
        SaveState::Failed(e) => {
            let keep_copy = keep_copy.clone();
            view! {
                <div class="alert" role="alert">
                    <h2>{tv!("notice-not-saved")}</h2>
                    <p>{move || tr!("notice-not-saved-text", error = capitalize(&e.said()), advice = e.advice())}</p>
                    <div class="actions">
                        <button type="button" on:click=keep_copy>{tv!("notice-download-answers")}</button>
                    </div>
                </div>
            }
            .into_any()
        }
        SaveState::ChangedElsewhere => {
            let (mine, theirs, copy) = (session.clone(), session.clone(), keep_copy.clone());
            view! {
                <div class="alert" role="alert">
                    <h2>{tv!("notice-changed-elsewhere")}</h2>
                    <p>{tv!("notice-changed-elsewhere-text")}</p>
                    <p role="status">{move || problem.get()}</p>
                    <div class="actions">
                        <button type="button" on:click=copy>{tv!("notice-download-this")}</button>
                        <button type="button" on:click=move |_| {
                            if !theirs.take_theirs() {
                                problem.set(tr!("notice-other-unreadable"));
                            }
                        }>{tv!("notice-use-other")}</button>
                        <button type="button" on:click=move |_| mine.keep_mine()>{tv!("notice-keep-this")}</button>
                    </div>
                </div>
            }
            .into_any()
        }
        SaveState::Saved => ().into_any(),
    };
    view! { {notice} }.into_any()
}
