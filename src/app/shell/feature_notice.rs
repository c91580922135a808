//! Says, on every page, which features the app relies on this browser
//! lacks, what stops working because of it and what to do instead. The
//! checks themselves are in [`crate::app::browser::features`].

use leptos::prelude::*;

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
        lines.push(
            "This browser cannot run the app's file and PDF helper (it has no Web Workers), so PDFs cannot be \
             exported and answer files cannot be read or written. Your answers are still saved in this browser. \
             To export them, open the app in a current version of Firefox, Chrome, Edge or Safari.",
        );
    }
    if !features.blob_downloads {
        lines.push(
            "This browser cannot save files that the page makes, so PDFs and answer files cannot be downloaded. \
             Your answers are still saved in this browser. To download them, open the app in a current version \
             of Firefox, Chrome, Edge or Safari.",
        );
    }
    if !features.service_workers {
        lines.push(
            "This browser does not let the app work offline (private windows often do not), so it opens only while \
             this site can be reached. Everything else works. To use it offline, open it once in a normal window \
             of a current browser.",
        );
    }
    view! {
        <section class="alert feature-notice" aria-labelledby="feature-notice-heading">
            <h2 id="feature-notice-heading">"Some features do not work in this browser"</h2>
            {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
        </section>
    }
    .into_any()
}
