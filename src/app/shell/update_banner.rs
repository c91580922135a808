//! The "new version" notice, shown when the service worker
//! (`browser::service_worker`) says a new version is ready.

use leptos::prelude::*;

use crate::app::browser::service_worker::{apply_update, Update};

/// The "new version" notice.
#[component]
pub fn UpdateBanner(
    /// What the page knows of a new version.
    update: RwSignal<Update>,
) -> impl IntoView {
    move || {
        let (told, act) = match update.get() {
            Update::None => return None,
            Update::Waiting => (
                "A new version of the app is ready. It will be used once every tab of the app is closed. ",
                "Use it now",
            ),
            Update::TakenOver => (
                "A new version of the app is installed; this page still runs the old one. ",
                "Reload now",
            ),
        };
        Some(view! {
                <p class="update-banner" role="status">
                    {told}
                    <button type="button" class="link" on:click=|_| apply_update()>{act}</button>
                    " (this reloads the page: first check that your draft says it is saved)."
                </p>
        })
    }
}
