//! Fetches the policy content of a language from the app's own origin:
//! the build names each language's file in the page's head
//! (`<meta name="policy-content" data-language=.. content=..>`, see
//! `.ci/content`), and the service worker keeps it for offline use.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::i18n::{tr, Said};
use crate::policy::model::language::Language;

/// Why a language's content file could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// This build does not name a file for the language.
    #[error("this version of the app has no content file for {0}")]
    NotInBuild(Language),
    /// The request failed: no network and no offline copy.
    #[error("the content file could not be fetched (offline, and not yet kept for offline use)")]
    Network,
    /// The server answered with an error.
    #[error("the content file could not be fetched (the server answered {0})")]
    Status(u16),
}

impl Said for FetchError {
    fn said(&self) -> String {
        match self {
            FetchError::NotInBuild(language) => tr!(
                "error-content-not-in-build",
                language = match language {
                    Language::English => "en",
                    Language::CanadianFrench => "fr",
                }
            ),
            FetchError::Network => tr!("error-content-offline"),
            FetchError::Status(status) => tr!("error-content-status", status = *status),
        }
    }
}

/// The address of `language`'s content file in this build, if it has one.
pub fn address(language: Language) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let selector = format!("meta[name=\"policy-content\"][data-language=\"{}\"]", language.tag());
    document.query_selector(&selector).ok()??.get_attribute("content")
}

/// The text of `language`'s content file.
pub async fn fetch(language: Language) -> Result<String, FetchError> {
    let address = address(language).ok_or(FetchError::NotInBuild(language))?;
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(&address))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = response.text().map_err(|_| FetchError::Network)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(FetchError::Network)
}
