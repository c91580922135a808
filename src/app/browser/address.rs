//! The address bar's fragment: read, written and watched here, so that the
//! router above (`shell::route`) holds no `web_sys`.

use wasm_bindgen::prelude::*;

/// The URL fragment, `#` included; empty when there is none.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `f` on every `hashchange`, for as long as the page lives.
pub fn on_hash_change(f: impl Fn() + 'static) {
    let on_change = Closure::<dyn Fn()>::new(f);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", on_change.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_change.forget();
}

/// Sets the fragment to `href` (a history entry, and a `hashchange`).
pub fn go(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(href);
    }
}

/// Goes to `href` in place of the current history entry.
pub fn replace(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(href);
    }
}

/// Writes `href` into the address bar without a history entry and without
/// a `hashchange`.
pub fn record(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(href));
    }
}

/// The page's address without its fragment.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}
