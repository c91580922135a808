//! Saving bytes to the user's disk through a Blob and a temporary link.
//! Nothing is uploaded: the Blob lives in the page.

use wasm_bindgen::JsCast;

use crate::app::browser::storage::js_message;

/// Offers `bytes` as a file named `name` of type `mime`.
pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .dyn_into()
        .map_err(|_| "could not create a link")?;
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
