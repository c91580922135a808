//! The policy content of each language a page has asked for: fetched once
//! from the build's data file, read, and shared by every page. A page
//! asks for a language with [`Contents::want`] while it is set up or from
//! an event handler (never from an effect), and shows what
//! [`Contents::get`] says: loading, ready, or why not, with a way to try
//! again.
//!
//! Fetching reads the file and its [`Index`] (the samples, the pack
//! versions): all the drafts page needs. The templates are loaded and
//! checked once, by [`Fetched::shipped`], when a draft or the trainer first
//! needs them; only the pages of the draft part of the page's WebAssembly
//! call it, so the check is not in the first module.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use futures_channel::oneshot;
use leptos::prelude::*;

use crate::app::browser::content::{fetch, FetchError};
use crate::app::i18n::{tr, tv, Lang, Said};
use crate::policy::content::{Content, ContentError, Index, Shipped};
use crate::policy::model::language::Language;

/// Why a language's content is not there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentProblem {
    /// The file could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The file was fetched but cannot be used.
    #[error(transparent)]
    Content(#[from] ContentError),
}

impl Said for ContentProblem {
    fn said(&self) -> String {
        match self {
            ContentProblem::Fetch(e) => e.said(),
            // The content's own check, for the app's makers.
            ContentProblem::Content(e) => e.to_string(),
        }
    }
}

/// One language's content file, read and indexed.
#[derive(Debug)]
pub struct Fetched {
    /// What the drafts page needs.
    pub index: Index,
    content: Content,
    shipped: OnceLock<Result<Arc<Shipped>, ContentError>>,
}

impl Fetched {
    /// The templates, loaded and checked the first time they are asked for.
    pub fn shipped(&self) -> Result<Arc<Shipped>, ContentError> {
        self.shipped.get_or_init(|| self.content.load().map(Arc::new)).clone()
    }
}

/// One language's content, as far as it has come.
#[derive(Clone, Debug)]
pub enum Loaded {
    /// Being fetched.
    Loading,
    /// Fetched and read.
    Ready(Arc<Fetched>),
    /// Not usable, and why.
    Failed(ContentProblem),
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Loaded::Loading, Loaded::Loading) => true,
            (Loaded::Ready(a), Loaded::Ready(b)) => Arc::ptr_eq(a, b),
            (Loaded::Failed(a), Loaded::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Who waits for a language's content: [`Contents::wait`]'s callers.
type Waiting = BTreeMap<Language, Vec<oneshot::Sender<Result<Arc<Fetched>, ContentProblem>>>>;

/// The content of every language asked for, shared through [`super::AppState`].
#[derive(Clone, Copy)]
pub struct Contents {
    loaded: RwSignal<BTreeMap<Language, Loaded>>,
    waiting: StoredValue<Waiting>,
}

impl Default for Contents {
    fn default() -> Self {
        Self::new()
    }
}

impl Contents {
    /// Nothing asked for yet.
    pub fn new() -> Self {
        Self {
            loaded: RwSignal::new(BTreeMap::new()),
            waiting: StoredValue::new(BTreeMap::new()),
        }
    }

    /// Starts fetching `language`'s content, unless it is there or on its
    /// way. A failed one is fetched again.
    pub fn want(&self, language: Language) {
        let asked = self
            .loaded
            .with_untracked(|m| matches!(m.get(&language), Some(Loaded::Loading | Loaded::Ready(_))));
        if !asked {
            self.fetch(language);
        }
    }

    /// Fetches `language`'s content again unless a fetch is on its way:
    /// what Try again does, also when the file read but its templates did
    /// not load.
    fn again(&self, language: Language) {
        let coming = self
            .loaded
            .with_untracked(|m| matches!(m.get(&language), Some(Loaded::Loading)));
        if !coming {
            self.fetch(language);
        }
    }

    /// Fetches `language`'s content, whatever is there.
    fn fetch(&self, language: Language) {
        self.loaded.update(|m| {
            m.insert(language, Loaded::Loading);
        });
        let (map, waiting) = (self.loaded, self.waiting);
        leptos::task::spawn_local(async move {
            let result = load(language).await.map(Arc::new);
            let loaded = match &result {
                Ok(fetched) => Loaded::Ready(fetched.clone()),
                Err(problem) => Loaded::Failed(problem.clone()),
            };
            map.try_update(|m| {
                m.insert(language, loaded);
            });
            for waiter in waiting
                .try_update_value(|w| w.remove(&language))
                .flatten()
                .unwrap_or_default()
            {
                let _ = waiter.send(result.clone());
            }
        });
    }

    /// Where `language`'s content is (tracked); `None` if never asked for.
    pub fn get(&self, language: Language) -> Option<Loaded> {
        self.loaded.with(|m| m.get(&language).cloned())
    }

    /// `language`'s content if it is fetched (tracked).
    pub fn ready(&self, language: Language) -> Option<Arc<Fetched>> {
        match self.get(language) {
            Some(Loaded::Ready(fetched)) => Some(fetched),
            _ => None,
        }
    }

    /// `language`'s templates if they are fetched and load (tracked).
    pub fn shipped(&self, language: Language) -> Option<Arc<Shipped>> {
        self.ready(language).and_then(|fetched| fetched.shipped().ok())
    }

    /// `language`'s content, fetched now if it is not there yet.
    ///
    /// It waits for the fetch [`Self::want`] started, if one is on its way,
    /// rather than fetching again: a second fetch would replace the content
    /// every page shows with a copy, and a page would be drawn twice.
    pub async fn wait(&self, language: Language) -> Result<Arc<Fetched>, ContentProblem> {
        if let Some(fetched) = self.ready_untracked(language) {
            return Ok(fetched);
        }
        let (sender, answer) = oneshot::channel();
        self.waiting
            .update_value(|w| w.entry(language).or_default().push(sender));
        self.want(language);
        match answer.await {
            Ok(result) => result,
            // The app is gone, and with it whoever waited.
            Err(oneshot::Canceled) => std::future::pending().await,
        }
    }

    /// `language`'s content if it is fetched, without tracking.
    pub fn ready_untracked(&self, language: Language) -> Option<Arc<Fetched>> {
        self.loaded.with_untracked(|m| match m.get(&language) {
            Some(Loaded::Ready(fetched)) => Some(fetched.clone()),
            _ => None,
        })
    }
}

/// What the loading note and the failure page stand in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Around {
    /// A page's main landmark of their own (the content is the whole page).
    Main,
    /// Nothing: they sit inside a page that has its landmarks.
    Nothing,
}

/// Fetches, reads and indexes `language`'s content.
async fn load(language: Language) -> Result<Fetched, ContentProblem> {
    let text = fetch(language).await?;
    let content = Content::read(&text, language)?;
    let index = content.index()?;
    // The worker reads answer files against the same questionnaire, and
    // checks them (the page does not load the templates to read a file).
    crate::app::browser::worker_client::use_questionnaire(content.questionnaire_json());
    Ok(Fetched {
        index,
        content,
        shipped: OnceLock::new(),
    })
}

/// The policy language that goes with an interface language: the content
/// a page in that language shows its questions and samples in.
pub fn language_of(lang: Lang) -> Language {
    match lang {
        Lang::En => Language::English,
        Lang::Fr => Language::CanadianFrench,
    }
}

/// Shows `ready` with `language`'s index once the content is fetched;
/// meanwhile a polite note, and on failure what went wrong with a way to
/// try again. Asks for the content if nobody has.
pub fn with_index<V: IntoView + 'static>(
    contents: Contents,
    language: Language,
    around: Around,
    ready: impl Fn(Arc<Fetched>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    with_stage(contents, language, around, Ok, ready)
}

/// As [`with_index`], with `language`'s templates loaded and checked.
pub fn with_shipped<V: IntoView + 'static>(
    contents: Contents,
    language: Language,
    around: Around,
    ready: impl Fn(Arc<Shipped>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let load = |fetched: Arc<Fetched>| fetched.shipped().map_err(ContentProblem::Content);
    with_stage(contents, language, around, load, ready)
}

/// Shows `ready` with what `stage` makes of `language`'s fetched content.
fn with_stage<T: 'static, V: IntoView + 'static>(
    contents: Contents,
    language: Language,
    around: Around,
    stage: fn(Arc<Fetched>) -> Result<T, ContentProblem>,
    ready: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView {
    contents.want(language);
    // Only this language's state shows again, not another language
    // arriving, and not the interface language changing.
    let state = Memo::new(move |_| contents.get(language));
    move || match state.get() {
        Some(Loaded::Ready(fetched)) => match stage(fetched) {
            Ok(made) => untrack(|| ready(made)).into_any(),
            Err(problem) => wrap(around, failed(contents, language, problem).into_any()),
        },
        Some(Loaded::Failed(problem)) => wrap(around, failed(contents, language, problem).into_any()),
        None | Some(Loaded::Loading) => wrap(
            around,
            view! { <p class="busy" role="status">{tv!("content-loading")}</p> }.into_any(),
        ),
    }
}

/// `inner` in what `around` says.
fn wrap(around: Around, inner: AnyView) -> AnyView {
    match around {
        Around::Main => view! { <main class="drafts-page" id="main">{inner}</main> }.into_any(),
        Around::Nothing => inner,
    }
}

/// The page shown when `language`'s content cannot be used.
fn failed(contents: Contents, language: Language, problem: ContentProblem) -> impl IntoView {
    let items = match problem.clone() {
        ContentProblem::Content(ContentError::Problems(d)) => {
            d.0.into_iter()
                .map(|d| view! { <li>{d.to_string()}</li> })
                .collect_view()
                .into_any()
        }
        _ => ().into_any(),
    };
    let reason = move || match &problem {
        ContentProblem::Fetch(FetchError::Network) => tr!("content-offline"),
        ContentProblem::Fetch(e) => tr!("content-fetch-failed", error = e.said()),
        ContentProblem::Content(ContentError::Problems(_)) => tr!("broken-text"),
        ContentProblem::Content(e) => tr!("content-damaged", error = e.to_string()),
    };
    view! {
        <div class="broken" role="alert">
            <h2>{tv!("broken-heading")}</h2>
            <p>{reason}</p>
            <ul>{items}</ul>
            <p>
                <button type="button" on:click=move |_| contents.again(language)>{tv!("content-retry")}</button>
            </p>
        </div>
    }
}
