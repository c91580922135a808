//! The export button: the current document to a PDF download.

use leptos::prelude::*;

use super::download::download;
use super::session::use_session;
use super::storage::today_iso;
use crate::policy::pdf::render_pdf;

/// Exports the current policy as a PDF and reports the outcome.
#[component]
pub fn ExportButton() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let status = RwSignal::new(String::new());
    let export = move |_| {
        let doc = session.document.get_untracked();
        let message = match render_pdf(&doc) {
            Err(e) => format!("The PDF could not be made: {e}."),
            Ok(pdf) => match download(&pdf.bytes, &doc.file_name(&today_iso()), "application/pdf") {
                Err(e) => format!("The PDF was made but could not be downloaded: {e}."),
                Ok(()) if pdf.missing_glyphs.is_empty() => {
                    format!("PDF downloaded ({} pages).", pdf.pages)
                }
                Ok(()) => {
                    let chars: String = pdf
                        .missing_glyphs
                        .iter()
                        .map(|c| format!(" {c} (U+{:04X})", *c as u32))
                        .collect();
                    format!(
                        "PDF downloaded ({} pages). The PDF font has no glyph for these characters, which were printed as \"?\":{chars}.",
                        pdf.pages
                    )
                }
            },
        };
        status.set(message);
    };
    view! {
        <div class="export">
            <button type="button" class="primary" on:click=export>"Export PDF"</button>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </div>
    }
    .into_any()
}
