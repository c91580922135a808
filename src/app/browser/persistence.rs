//! The browser's promises about keeping the site's data: whether storage
//! is persistent (`navigator.storage.persisted()`), asking for it
//! (`persist()`), and how much the site uses of what it may
//! (`estimate()`). Each answer is `None` where the browser has no Storage
//! API (older Safari, insecure pages), so that the page can say it does
//! not know rather than guess.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &"storage".into()).is_ok_and(|v| !v.is_undefined());
    present.then(|| navigator.storage())
}

async fn boolean(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Whether the browser has promised not to clear the site's storage.
pub async fn persisted() -> Option<bool> {
    boolean(manager()?.persisted()).await
}

/// Asks the browser to keep the site's storage until the user clears it;
/// resolves to what it granted. Chromium decides without asking (from how
/// the site is used), Firefox asks the user once.
pub async fn persist() -> Option<bool> {
    boolean(manager()?.persist()).await
}

/// How much the site uses and may use, in bytes, as the browser estimates.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = JsFuture::from(manager()?.estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
