//! Tells the user when the open draft is not safe in storage and offers a
//! way out: a download of what would otherwise be lost, or a choice when
//! another tab changed the same draft.

use leptos::prelude::*;

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
                    problem.try_set(format!("Your answers could not be downloaded: {e}."));
                }
            });
        }
    };
    let notice = move || match save_state.get() {
        SaveState::Failed(e) => {
            let keep_copy = keep_copy.clone();
            view! {
                <div class="alert" role="alert">
                    <h2>"Your answers are not being saved"</h2>
                    <p>{format!("{}. {}", capitalize(&e.to_string()), e.advice())}</p>
                    <div class="actions">
                        <button type="button" on:click=keep_copy>"Download your answers"</button>
                    </div>
                </div>
            }
            .into_any()
        }
        SaveState::ChangedElsewhere => {
            let (mine, theirs, copy) = (session.clone(), session.clone(), keep_copy.clone());
            view! {
                <div class="alert" role="alert">
                    <h2>"This draft was changed in another tab or window"</h2>
                    <p>"Saving has stopped so that neither version is lost. Choose which version to keep; you can download this one first."</p>
                    <p role="status">{move || problem.get()}</p>
                    <div class="actions">
                        <button type="button" on:click=copy>"Download this version"</button>
                        <button type="button" on:click=move |_| {
                            if !theirs.take_theirs() {
                                problem.set("The other version cannot be read by this version of the app. Download this version, then open your drafts, where the other one is listed with a download.".to_owned());
                            }
                        }>"Use the other version"</button>
                        <button type="button" on:click=move |_| mine.keep_mine()>"Keep this version"</button>
                    </div>
                </div>
            }
            .into_any()
        }
        SaveState::Saved => ().into_any(),
    };
    view! { {notice} }.into_any()
}
