//! The Leptos shell: questions on the left, the live preview on the right,
//! export at the top. It holds state and talks to the browser; all policy
//! wording comes from [`crate::policy`].

mod checks_panel;
mod download;
mod export_button;
mod focus;
pub mod panic_screen;
mod pdf_client;
mod preview;
mod question_field;
mod question_page;
mod sample_picker;
mod session;
mod storage;
mod storage_notice;

use std::sync::Arc;

use leptos::prelude::*;

use crate::policy::bundle::Policy;
use checks_panel::ChecksPanel;
use export_button::ExportButton;
use preview::Preview;
use question_page::QuestionPage;
use sample_picker::SamplePicker;
use session::Session;
use storage_notice::StorageNotice;

/// The whole app: loads the shipped templates and shows the builder, or
/// the template problems if the templates are broken.
#[component]
pub fn App() -> impl IntoView {
    match Policy::builtin() {
        Ok(policy) => {
            let session = Session::start(Arc::new(policy));
            provide_context(session);
            view! { <Builder /> }.into_any()
        }
        Err(diagnostics) => {
            let items = diagnostics
                .0
                .into_iter()
                .map(|d| view! { <li>{d.to_string()}</li> })
                .collect_view();
            view! {
                <main class="broken">
                    <h1>"The policy templates could not be loaded"</h1>
                    <p>"Nothing has been changed. These problems must be fixed in the templates:"</p>
                    <ul>{items}</ul>
                </main>
            }
            .into_any()
        }
    }
}

/// The builder page.
#[component]
fn Builder() -> impl IntoView {
    view! {
        <header class="topbar">
            <h1>"Social Media Policy Builder"</h1>
            <SamplePicker />
            <ExportButton />
        </header>
        <StorageNotice />
        <main class="workspace">
            <div class="left">
                <QuestionPage />
                <ChecksPanel />
            </div>
            <Preview />
        </main>
    }
}
