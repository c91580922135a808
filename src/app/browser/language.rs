//! The interface language's browser edges: the languages the browser
//! prefers (read once, for a first visit), the choice remembered in
//! storage (through `browser::storage`, which owns every key), fetching
//! the French messages when French is chosen, and `<html lang>`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::browser::storage;
use crate::app::i18n::{self, text_in, Lang, LoadError};

/// Where the French messages are, beside the page: Trunk copies
/// `src/app/i18n/fr.ftl` there (see index.html), and the service worker
/// keeps it with the app's other files, so that French works offline after
/// one visit.
const FRENCH_FILE: &str = "i18n/fr.ftl";

/// Why a language's messages could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// No answer: offline on a first visit, or the request was refused.
    #[error("no answer for {0}")]
    Unreachable(&'static str),
    /// The host answered with an error status (404 when the file is missing).
    #[error("{file} answered {status}")]
    Status {
        /// The file asked for.
        file: &'static str,
        /// The HTTP status.
        status: u16,
    },
    /// The file came but is not a whole Fluent file.
    #[error(transparent)]
    Broken(#[from] LoadError),
}

/// The language chosen on an earlier visit, or on a first visit the one the
/// browser's languages point to, whether or not its messages are here yet.
fn wanted() -> Lang {
    storage::interface_language()
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_else(|| Lang::from_browser(&preferred()))
}

/// Fetches the messages of the language to open in, before the app is on
/// the page (nothing to do for English), so that a French visit opens in
/// French rather than in English for a moment. When they cannot be
/// fetched, the app opens in English and the language switch says why.
pub async fn prepare() {
    let lang = wanted();
    if fetch_messages(lang).await.is_err() {
        i18n::set_unavailable(Some(lang));
    }
}

/// The language to open in: the one [`prepare`] found, or English when its
/// messages could not be fetched.
pub fn initial() -> Lang {
    let lang = wanted();
    if i18n::has_messages(lang) {
        lang
    } else {
        Lang::En
    }
}

/// Makes sure the messages of `lang` are here, fetching them once (English
/// is built in). A failure is also written to the console with its cause,
/// for support; the page says it in words.
pub async fn fetch_messages(lang: Lang) -> Result<(), FetchError> {
    if i18n::has_messages(lang) {
        return Ok(());
    }
    // English is built in, so the one file to fetch is the French one.
    let added = match fetch_text(FRENCH_FILE).await {
        Ok(source) => i18n::add_messages(lang, source).map_err(FetchError::from),
        Err(problem) => Err(problem),
    };
    if let Err(problem) = &added {
        web_sys::console::warn_1(&problem.to_string().into());
    }
    added
}

/// The text of a file of the app's own origin. The request revalidates any
/// copy in the HTTP cache (the file's name does not change between
/// versions); with the service worker in charge, its copy of this version
/// answers, offline too.
async fn fetch_text(file: &'static str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Unreachable(file))?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let answer = JsFuture::from(window.fetch_with_str_and_init(file, &init))
        .await
        .map_err(|_| FetchError::Unreachable(file))?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| FetchError::Unreachable(file))?;
    if !response.ok() {
        return Err(FetchError::Status {
            file,
            status: response.status(),
        });
    }
    let text = response.text().map_err(|_| FetchError::Unreachable(file))?;
    let text = JsFuture::from(text).await.map_err(|_| FetchError::Unreachable(file))?;
    text.as_string().ok_or(FetchError::Unreachable(file))
}

/// Shows `lang` as the choice of a language drop-down, for a choice that
/// could not be made (the drop-down would otherwise still show it).
pub fn show_choice(select: &web_sys::HtmlSelectElement, lang: Lang) {
    select.set_value(lang.code());
}

/// `navigator.languages`, most preferred first (empty when unknown).
fn preferred() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Remembers the choice for the next visit. When storage is unavailable
/// the choice still holds for this page, and the next visit asks the
/// browser again.
pub fn remember(lang: Lang) {
    storage::remember_interface_language(lang.code());
}

/// Sets `<html lang>` to the interface language, so that screen readers
/// speak the page in it and the browser hyphenates and spells in it, and
/// the window's title to the app's name in it.
pub fn show_on_page(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(&text_in(lang, "app-name", None));
}
