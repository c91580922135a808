//! The "Full screen" button of the presentation, through the browser's
//! Fullscreen API. Where the API is missing or turned off (some embedded
//! browsers, iframes without permission) there is no button: the
//! presentation already fills the window.

use leptos::prelude::*;

use crate::app::i18n::tr;

/// Shows the element with id `target` on the whole screen, and back.
#[component]
pub fn TrainerFullscreen(
    /// The id of the element to show full screen.
    target: &'static str,
) -> impl IntoView {
    let doc = document();
    if !doc.fullscreen_enabled() {
        return ().into_any();
    }
    let active = RwSignal::new(doc.fullscreen_element().is_some());
    // Escape and the browser's own controls leave full screen too; follow
    // them.
    let handle = window_event_listener_untyped("fullscreenchange", move |_| {
        active.set(document().fullscreen_element().is_some());
    });
    on_cleanup(move || handle.remove());
    let toggle = move |_| {
        let doc = document();
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        } else if let Some(el) = doc.get_element_by_id(target) {
            let _ = el.request_fullscreen();
        }
    };
    view! {
        <button type="button" on:click=toggle>
            {move || if active.get() { tr!("fullscreen-leave") } else { tr!("fullscreen-enter") }}
        </button>
    }
    .into_any()
}
