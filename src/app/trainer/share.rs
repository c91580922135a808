//! "Copy demo link": a link that opens a sample organization at this deck
//! and card, for a trainer to put in slides or an invitation. A demo link
//! carries only the sample's name, the deck and the card, never anything
//! of the draft on screen.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::browser::address::page_address;
use crate::app::browser::clipboard::copy_text;
use crate::app::browser::focus::{focus_id, select_text};
use crate::app::i18n::{tr, tv};
use crate::app::shell::route::Route;
use crate::app::shell::session::use_session;
use crate::app::trainer::demo::samples;

/// The sample to link to and the button that copies the link. Where the
/// clipboard cannot be used, the link is shown in a box to copy by hand.
#[component]
pub fn TrainerShare(
    /// The deck's id.
    deck: String,
    /// The card on screen, counted from 0.
    card: Signal<usize>,
) -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let samples = samples(&session.shipped().index);
    // The draft's own sample when it is one unchanged, else the first.
    let matching = session.answers().with_untracked(|a| {
        samples
            .iter()
            .find(|(_, s)| &s.answers == a)
            .map(|(stem, _)| stem.clone())
    });
    let first = samples.first().map(|(stem, _)| stem.clone()).unwrap_or_default();
    let chosen = RwSignal::new(matching.unwrap_or(first));
    let options = samples
        .iter()
        .map(|(stem, s)| {
            let stem = stem.clone();
            let selected = stem == chosen.get_untracked();
            view! { <option value=stem selected=selected>{s.name.clone()}</option> }
        })
        .collect_view();
    let link = move || {
        let route = Route::Demo {
            sample: chosen.get(),
            deck: deck.clone(),
            card: Some(card.get() + 1),
        };
        format!("{}{}", page_address(), route.href())
    };
    let link = Signal::derive(link);
    let status = RwSignal::new(String::new());
    let show_box = RwSignal::new(false);
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => status.set(tr!("share-copied")),
                Err(()) => {
                    show_box.set(true);
                    status.set(tr!("share-not-copied"));
                    request_animation_frame(|| {
                        focus_id("demo-link");
                        select_text("demo-link");
                    });
                }
            }
        });
    };
    view! {
        <div class="trainer-share">
            <label for="demo-sample">{tv!("share-sample")}</label>
            <p class="hint" id="demo-hint">{tv!("share-hint")}</p>
            <select id="demo-sample" aria-describedby="demo-hint" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {options}
            </select>
            <button type="button" on:click=copy>{tv!("share-copy")}</button>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || show_box.get().then(|| view! {
                <label for="demo-link">{tv!("share-link")}</label>
                <input type="text" id="demo-link" readonly prop:value=move || link.get() />
            })}
        </div>
    }
    .into_any()
}
