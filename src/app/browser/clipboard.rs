//! The clipboard, where the browser offers one.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard. Fails where there is no clipboard (pages
/// not served over HTTPS, some embedded browsers) or the browser refuses.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let navigator = web_sys::window().ok_or(())?.navigator();
    // `navigator.clipboard` is undefined outside secure contexts; calling
    // through the undefined value would throw.
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !present {
        return Err(());
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}
