//! Moving keyboard focus after the view changes.

use wasm_bindgen::JsCast;

/// Focuses the element with `id`, if there is one that can take focus.
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the first element matching the CSS `selector`, if any.
pub fn focus_selector(selector: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses question `id`'s control; a choice question is a fieldset, so
/// its first option.
pub fn focus_question(id: &str) {
    focus_id(&format!("q-{id}"));
    focus_selector(&format!("fieldset#q-{id} input"));
}
