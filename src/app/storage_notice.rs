//! Tells the user when their draft is not safe in storage and offers a way
//! out: a download of what would otherwise be lost.

use leptos::prelude::*;

use super::download::download;
use super::session::{use_session, SaveState};
use super::storage::{today_iso, Loaded};

/// The save status, and a warning with choices when storage fails.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let loaded = session.loaded;
    let save_state = session.save_state;
    let answers = session.answers;
    let download_answers = move |_| {
        let _ = answers.with_untracked(super::download::download_answers);
    };
    let unreadable = move || {
        let Loaded::Unreadable { error, raw } = loaded.get() else {
            return ().into_any();
        };
        let s = session.clone();
        let keep = move |_| {
            let _ = download(
                raw.as_bytes(),
                &format!("unreadable-draft-{}.json", today_iso()),
                "application/json",
            );
        };
        view! {
            <div class="alert" role="alert">
                <h2>"Your saved draft could not be opened"</h2>
                <p>{format!("{}{}", capitalize(&error.to_string()), ". It has not been changed, and nothing will be saved over it until you choose.")}</p>
                <div class="actions">
                    <button type="button" on:click=keep>"Download the saved data"</button>
                    <button type="button" on:click=move |_| s.replace_unreadable()>"Start a new draft and replace it"</button>
                </div>
            </div>
        }
        .into_any()
    };
    let failure = move || match save_state.get() {
        SaveState::Failed(e) => view! {
            <div class="alert" role="alert">
                <h2>"Your answers are not being saved"</h2>
                <p>{format!("{}. Download your answers so that you do not lose them.", capitalize(&e.to_string()))}</p>
                <div class="actions">
                    <button type="button" on:click=download_answers>"Download your answers"</button>
                </div>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    };
    let unavailable = move || {
        matches!(loaded.get(), Loaded::Unavailable).then(|| view! {
            <div class="alert" role="alert">
                <h2>"This browser is not letting the page save"</h2>
                <p>"You can still write and export a policy, but your answers will be lost when you close the tab."</p>
            </div>
        })
    };
    let status = move || match save_state.get() {
        SaveState::Saved => "All changes saved in this browser",
        SaveState::Paused => "Not saving until you decide about the saved draft",
        SaveState::Failed(_) => "Not saved",
    };
    view! {
        {unreadable}
        {unavailable}
        {failure}
        <p class="save-state" role="status" aria-live="polite">{status}</p>
    }
    .into_any()
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
