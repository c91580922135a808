//! Start from a sample organization: one choice and one click, with a
//! confirmation before any answers are replaced.

use leptos::prelude::*;

use super::download::download_answers;
use super::focus::focus_id;
use super::session::use_session;
use crate::policy::sample::{Sample, SAMPLES};

/// A list of the shipped sample organizations and a button that loads one.
#[component]
pub fn SamplePicker() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    // Samples that fail to parse are left out rather than shown broken;
    // the content tests guarantee the shipped ones parse.
    let samples: Vec<Sample> = SAMPLES
        .iter()
        .filter_map(|(file, text)| Sample::load(file, text).ok())
        .collect();
    let chosen = RwSignal::new(0_usize);
    let confirming = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let options = samples
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <option value=i.to_string()>{s.name.clone()}</option> })
        .collect_view();
    let samples = StoredValue::new(samples);
    let load = {
        let session = session.clone();
        move || {
            if let Some(sample) = samples.with_value(|s| s.get(chosen.get_untracked()).cloned()) {
                session.answers.set(sample.answers);
                session.section.set(0);
                status.set(format!("Loaded the sample \"{}\".", sample.name));
                request_animation_frame(|| focus_id("section-heading"));
            }
            confirming.set(false);
        }
    };
    let cancel = move || {
        confirming.set(false);
        request_animation_frame(|| focus_id("sample-start"));
    };
    let answers = session.answers;
    let keep_copy = move || {
        let _ = answers.with_untracked(download_answers);
    };
    let ask = {
        move |_| {
            if session.answers.with_untracked(|a| a.0.values().all(|v| v.is_blank())) {
                load();
            } else {
                confirming.set(true);
                request_animation_frame(|| focus_id("replace-keep"));
            }
        }
    };
    view! {
        <div class="sample-picker">
            <label for="sample-choice">"Sample organization"</label>
            <select id="sample-choice" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                {options}
            </select>
            <button type="button" id="sample-start" on:click=ask>"Start from this sample"</button>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
        {move || {
            confirming.get().then(|| view! {
                <div
                    class="alert"
                    role="alertdialog"
                    aria-labelledby="replace-heading"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            cancel();
                        }
                    }
                >
                    <h2 id="replace-heading">"Replace your answers with the sample?"</h2>
                    <p>"Your current answers will be replaced. Download them first if you want to keep them."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| keep_copy()>"Download my answers"</button>
                        <button type="button" on:click=move |_| load()>"Replace my answers"</button>
                        <button type="button" id="replace-keep" on:click=move |_| cancel()>"Keep my answers"</button>
                    </div>
                </div>
            })
        }}
    }
    .into_any()
}
