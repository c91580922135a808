//! What this browser offers of the platform features the app is built on,
//! checked once at start-up, so that the shell can say what will not work
//! before the user finds out by losing something. Safari and other
//! browsers that no test here runs are covered by these checks rather
//! than by luck.
//!
//! Each check asks for the feature itself, never the browser's name.

use wasm_bindgen::JsValue;

/// The features the app needs, each `true` when this browser has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Web Workers: the file and PDF helper runs in one (a classic worker,
    /// Trunk's loader shim, so module workers are not needed).
    pub workers: bool,
    /// Saving a file the page made: a `Blob`, an object URL for it and a
    /// link's `download` attribute.
    pub blob_downloads: bool,
    /// Service workers, which make the app open with no network. Absent in
    /// Firefox's private windows and on pages that are not a secure
    /// context.
    pub service_workers: bool,
}
// Storage is not here: the drafts page and the storage notice already
// check it where it matters (on every read and save) and say so with a way
// to keep the answers as a file.

impl Features {
    /// Checks this browser.
    pub fn detect() -> Self {
        let Some(window) = web_sys::window() else {
            return Self {
                workers: false,
                blob_downloads: false,
                service_workers: false,
            };
        };
        let global: &JsValue = window.as_ref();
        Self {
            workers: has(global, "Worker"),
            blob_downloads: blob_downloads(&window),
            service_workers: has(&window.navigator(), "serviceWorker"),
        }
    }

    /// Whether every feature is there.
    pub fn complete(&self) -> bool {
        self.workers && self.blob_downloads && self.service_workers
    }
}

/// Whether `target[name]` is there. `Reflect::has` would also see a
/// property whose value was set to `undefined` to switch it off.
fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(target, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
}

fn blob_downloads(window: &web_sys::Window) -> bool {
    let global: &JsValue = window.as_ref();
    let url = js_sys::Reflect::get(global, &"URL".into()).unwrap_or(JsValue::UNDEFINED);
    // The attribute lives on the prototype; `in` sees it there.
    let link_downloads = window
        .document()
        .and_then(|d| d.create_element("a").ok())
        .is_some_and(|a| js_sys::Reflect::has(&a, &"download".into()).unwrap_or(false));
    has(global, "Blob") && has(&url, "createObjectURL") && link_downloads
}
