//! Entry point: sets the panic hook, fetches the interface's words when
//! they are not built in (French), and mounts the app with the parts of
//! the page's WebAssembly it fetches when first needed.
//!
//! The split points live here, in the page binary, so that no other binary
//! of the crate links them. `wasm-split-cli` cuts out what only these
//! functions reach into parts of their own after the build
//! (`.ci/split-page.mjs`); see `app::shell::part`. The split macro declares
//! the loader functions the tool links (`unsafe extern "C"` and
//! `#[unsafe(no_mangle)]`), hence the only place where unsafe code is
//! allowed.

use leptos::prelude::*;
use policy_builder::app::{demo_view, draft_view, panic_screen, prepare_language, App, DemoPage, DraftPages, Parts};
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// The part that holds a draft's pages (questions, preview, checks,
/// export, review, trainer): the function that shows draft `id`.
#[allow(unsafe_code)]
#[wasm_split(draft, fallible, preload(#[allow(unsafe_code, dead_code)] preload_draft))]
fn draft_part() -> Result<DraftPages, SplitLoaderError> {
    Ok(draft_view)
}

/// The part that holds the trainer's demo page, which a shared demo link
/// opens. (Its file is `split_link-<hash>.wasm`: a name that says nothing
/// about the link, whose sample and deck never reach a request.)
#[allow(unsafe_code)]
#[wasm_split(link, fallible, preload(#[allow(unsafe_code, dead_code)] preload_link))]
fn demo_part() -> Result<DemoPage, SplitLoaderError> {
    Ok(demo_view)
}

const PARTS: Parts = Parts {
    draft: || Box::pin(draft_part()),
    demo: || Box::pin(demo_part()),
};

fn main() {
    panic_screen::install();
    // The loading note stays on the page while French is fetched, so that a
    // French visit opens in French; English opens at once.
    wasm_bindgen_futures::spawn_local(async {
        prepare_language().await;
        leptos::mount::mount_to_body(|| view! { <App parts=PARTS /> });
        // Support and the browser tests open the app at `#selftest-panic`
        // to see the error screen; it panics only once the app is on the
        // page.
        panic_screen::selftest();
    });
}
