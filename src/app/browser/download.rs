//! Saving bytes to the user's disk through a Blob and a temporary link.
//! Nothing is uploaded: the Blob lives in the page.

use wasm_bindgen::JsCast;

use crate::app::browser::storage::js_message;
use crate::app::i18n::{tr, Said};

/// Offers `bytes` as a file named `name` of type `mime`.
/// Why a download could not be offered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DownloadError {
    /// The browser would not make the file (the message is the browser's).
    #[error("{0}")]
    File(String),
    /// The page has no document to put the link in.
    #[error("no document")]
    NoDocument,
    /// The link that starts the download could not be made.
    #[error("could not create a link")]
    NoLink,
}

impl Said for DownloadError {
    fn said(&self) -> String {
        match self {
            DownloadError::File(reason) => tr!("error-download-file", reason = reason.as_str()),
            DownloadError::NoDocument => tr!("error-download-no-document"),
            DownloadError::NoLink => tr!("error-download-no-link"),
        }
    }
}

pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), DownloadError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let failed = |e: wasm_bindgen::JsValue| DownloadError::File(js_message(&e));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoDocument)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| DownloadError::NoLink)?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser has started the download; the URL can go once it is read.
    let revoke = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
