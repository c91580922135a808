//! The "new version" notice, shown when the service worker
//! (`browser::service_worker`) says a new version is ready.

use leptos::prelude::*;

use crate::app::browser::service_worker::{apply_update, Update};
use crate::app::i18n::tr;

/// The "new version" notice.
#[component]
pub fn UpdateBanner(
    /// What the page knows of a new version.
    update: RwSignal<Update>,
) -> impl IntoView {
    move || {
        let (told, act) = match update.get() {
            Update::None => return None,
            Update::Waiting => (tr!("update-waiting"), tr!("update-use-now")),
            Update::TakenOver => (tr!("update-taken-over"), tr!("update-reload-now")),
        };
        Some(view! {
                <p class="update-banner" role="status">
                    {told}" "
                    <button type="button" class="link" on:click=|_| apply_update()>{act}</button>
                    " "{tr!("update-reload-note")}
                </p>
        })
    }
}
