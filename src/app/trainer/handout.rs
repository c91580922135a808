//! The handout: the deck with this organization's verdicts and clause
//! numbers, as a PDF made by the PDF worker, to print for the session.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::browser::storage::today_iso;
use crate::app::browser::worker_client::{make_pdf, outcome};
use crate::app::i18n::{tr, tv};
use crate::app::shell::session::use_session;
use crate::policy::document::DocumentKind;
use crate::policy::fill::finish;
use crate::policy::trainer::scenario::{handout_file_name, Deck, HandoutOptions, ScenarioLibrary};

/// A button that downloads the handout PDF of `deck`.
#[component]
pub fn TrainerHandout(
    /// The scenarios.
    library: Arc<ScenarioLibrary>,
    /// The deck to print.
    deck: Deck,
) -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let busy = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let at_back = RwSignal::new(false);
    let make = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        status.set(tr!("making", what = "handout"));
        let handout = session.document.with_untracked(|doc| {
            let options = HandoutOptions {
                verdicts_at_back: at_back.get_untracked(),
            };
            session
                .answers()
                .with_untracked(|answers| finish::handout(&library, &deck, &session.policy, answers, doc, &options))
        });
        let problems = handout.problems.clone();
        let file_name = handout_file_name(&deck, &handout, &today_iso());
        // The deck may be closed when the PDF comes back.
        leptos::task::spawn_local(async move {
            let result = make_pdf(handout, DocumentKind::Policy).await;
            busy.try_set(false);
            let mut message = outcome(result, &file_name, "handout");
            if !problems.is_empty() {
                message.push_str(&format!(
                    " Some scenarios could not be filled: {}.",
                    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
                ));
            }
            status.try_set(message);
        });
    };
    view! {
        <div class="trainer-handout">
            <div class="choice">
                <input type="checkbox" id="handout-at-back" prop:checked=move || at_back.get()
                    on:change=move |ev| at_back.set(event_target_checked(&ev)) />
                <label for="handout-at-back">{tv!("handout-at-back")}</label>
            </div>
            <button type="button" aria-busy=move || busy.get().to_string() aria-describedby="handout-hint" on:click=make>
                {tv!("handout-download")}
            </button>
            <p class="hint" id="handout-hint">{tv!("handout-hint")}</p>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
    .into_any()
}
