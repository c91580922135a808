//! A part of the page's WebAssembly, shown once it is there. The page's
//! module holds the drafts page; a draft's pages and the trainer's demo are
//! split points (in the page binary, `src/main.rs`, which hands them to
//! `App` as [`Parts`]), cut out into modules of their own after
//! the build (`.ci/split-page.mjs`) and fetched the first time they are
//! needed, or earlier when the page is idle. The service worker keeps them
//! for offline use like every other file of the build.
//!
//! A split function hands back a plain function pointer into its part, and
//! [`Part::show`] builds the view with it inside its own reactive owner, so the
//! part's components see the app's context as if they were in the first
//! module. Natively, and in a build that is not split, the split functions
//! are ordinary calls.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use wasm_split_helpers::SplitLoaderError;

use crate::app::i18n::tv;
use crate::app::shell::problem_page::ProblemPage;

/// A part's fetch: what its split function gives once the part is there.
pub type PartFuture<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// What the draft part gives: the function that shows draft `id`.
pub type DraftPages = fn(String) -> AnyView;

/// What the demo part gives: the function that shows the demo page.
pub type DemoPage = fn() -> AnyView;

/// How the app fetches its parts. The page binary holds the split points,
/// so that no other binary of the crate (the PDF worker) links them: a
/// split point's function is exported from every module that has it, and
/// would keep all of a draft's pages alive in the worker.
#[derive(Clone, Copy)]
pub struct Parts {
    /// The part with a draft's pages: the function that shows draft `id`.
    pub draft: fn() -> PartFuture<DraftPages>,
    /// The part with the trainer's demo page.
    pub demo: fn() -> PartFuture<DemoPage>,
}

/// Where a part stands.
#[derive(Clone, Copy)]
enum Loading<T> {
    /// Not asked for yet.
    Idle,
    /// On its way.
    Coming,
    Ready(T),
    Failed,
}

/// One part of the page's WebAssembly: fetched at most once at a time,
/// whoever asks (the app when the drafts page is ready, or the page that
/// shows it), and kept once it is there. A second asker follows this
/// state rather than starting a fetch of its own, and a failed fetch is
/// started again by the next asker (or Try again).
pub struct Part<T: Copy + Send + Sync + 'static> {
    load: fn() -> PartFuture<T>,
    state: RwSignal<Loading<T>>,
}

impl<T: Copy + Send + Sync + 'static> Clone for Part<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Copy + Send + Sync + 'static> Copy for Part<T> {}

impl<T: Copy + Send + Sync + 'static> Part<T> {
    /// The part `load` fetches, not fetched yet.
    pub fn new(load: fn() -> PartFuture<T>) -> Self {
        Self {
            load,
            state: RwSignal::new(Loading::Idle),
        }
    }

    /// Fetches the part unless it is there or on its way.
    pub fn fetch(self) {
        if !matches!(self.state.get_untracked(), Loading::Idle | Loading::Failed) {
            return;
        }
        self.state.set(Loading::Coming);
        leptos::task::spawn_local(async move {
            let got = (self.load)().await;
            self.state.try_set(match got {
                Ok(part) => Loading::Ready(part),
                Err(_) => Loading::Failed,
            });
        });
    }

    /// Shows what `show` makes of the part: nothing while it comes (it is
    /// usually there within a frame, and the page's loading line stays
    /// meanwhile), and a message with a way to try
    /// again if it cannot be fetched (offline before the app was ever kept
    /// for offline use, say).
    pub fn show<S>(self, show: S) -> AnyView
    where
        S: Fn(T) -> AnyView + Send + Sync + 'static,
    {
        self.fetch();
        (move || match self.state.get() {
            // A node to put the part in place of: a view that is nothing
            // has no place on the page, and the part would be built but
            // never shown. index.html's loading line stays meanwhile.
            Loading::Idle | Loading::Coming => view! { <div hidden></div> }.into_any(),
            Loading::Ready(part) => untrack(|| show(part)),
            Loading::Failed => view! {
                <ProblemPage heading=tv!("part-failed-title")>
                    <p role="alert">{tv!("part-failed")}</p>
                    <p><button type="button" on:click=move |_| self.fetch()>{tv!("part-retry")}</button></p>
                </ProblemPage>
            }
            .into_any(),
        })
        .into_any()
    }
}
