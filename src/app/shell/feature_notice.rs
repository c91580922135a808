//! Says, on every page, which features the app relies on this browser
//! lacks, what stops working because of it and what to do instead. The
//! checks themselves are in [`crate::app::browser::features`].

use leptos::prelude::*;

use crate::app::browser::features::Features;
use crate::app::i18n::{tr, tv};

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
    // Each line is its message, read again when the language changes.
    let mut lines: Vec<fn() -> String> = Vec::new();
    if !features.workers {
        lines.push(|| tr!("features-no-workers"));
    }
    if !features.blob_downloads {
        lines.push(|| tr!("features-no-downloads"));
    }
    if !features.service_workers {
        lines.push(|| tr!("features-no-offline"));
    }
    view! {
        <section class="alert feature-notice" aria-labelledby="feature-notice-heading">
            <h2 id="feature-notice-heading">{tv!("features-heading")}</h2>
            {lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
        </section>
    }
    .into_any()
}
