//! Says, on every page, which features the app relies on this browser
//! lacks, what stops working because of it and what to do instead. The
//! checks themselves are in [`crate::app::browser::features`].

use leptos::prelude::*;

use crate::app::i18n::{self, tv};
use crate::app::browser::features::Features;

/// The missing features, one paragraph each, with the way out; nothing
/// when the browser has them all.
#[component]
pub fn FeatureNotice(
    /// What this browser offers, checked at start-up.
    features: Features,
) -> impl IntoView {
    if features.complete() {
        return ().into_any();
    }
    let mut lines = Vec::new();
    if !features.workers {
        lines.push("features-no-workers");
    }
    if !features.blob_downloads {
        lines.push("features-no-downloads");
    }
    if !features.service_workers {
        lines.push("features-no-offline");
    }
    view! {
        <section class="alert feature-notice" aria-labelledby="feature-notice-heading">
            <h2 id="feature-notice-heading">{tv!("features-heading")}</h2>
            {lines.into_iter().map(|key| view! { <p>{move || i18n::text(key, None)}</p> }).collect_view()}
        </section>
    }
    .into_any()
}
