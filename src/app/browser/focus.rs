//! Moving keyboard focus after the view changes.

use wasm_bindgen::JsCast;

/// Focuses the element with `id`, if there is one that can take focus.
pub fn focus_id(id: &str) {
    let _ = try_focus_id(id);
}

/// Focuses the element with `id`, if there is one that can take focus,
/// and says whether there was. Focusing scrolls it into view.
pub fn try_focus_id(id: &str) -> bool {
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Focuses the element with `id` when nothing else has the focus (the
/// page has just changed): a control the user is on keeps it.
pub fn focus_id_on_arrival(id: &str) {
    let idle = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| match (d.active_element(), d.body()) {
            (None, _) => true,
            (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
            (Some(_), None) => false,
        })
        .unwrap_or(false);
    if idle {
        focus_id(id);
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

/// Scrolls the element with id `container` (a scrolling box) so that its
/// first descendant matching `selector` is in view, without scrolling the
/// window: the author's place in the questions stays where it is. Returns
/// whether it scrolled.
pub fn scroll_within(container: &str, selector: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(boxed) = document.get_element_by_id(container) else {
        return false;
    };
    let Some(target) = boxed
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    // Offsets are measured from the box only when it is the target's
    // offset parent (the preview is positioned, so it is).
    let parent = target.offset_parent();
    if !parent.is_some_and(|p| p.is_same_node(Some(boxed.as_ref()))) {
        return false;
    }
    let (top, height) = (target.offset_top(), target.offset_height());
    let (shown, room) = (boxed.scroll_top(), boxed.client_height());
    if room <= 0 || (top >= shown && top + height <= shown + room) {
        return false;
    }
    // A quarter down the box, so the text before it gives context.
    boxed.set_scroll_top((top - room / 4).max(0));
    true
}

/// Takes the class `class` off every element inside `container` that does
/// not also match `keep`: marks a keyed render left in place from an
/// earlier pass.
pub fn clear_marks_except(container: &str, class: &str, keep: &str) {
    let Some(boxed) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(container))
    else {
        return;
    };
    let Ok(marked) = boxed.query_selector_all(&format!(".{class}")) else {
        return;
    };
    for i in 0..marked.length() {
        let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        if !el.matches(keep).unwrap_or(false) {
            let _ = el.class_list().remove_1(class);
        }
    }
}

/// Selects the text of the input with `id`, so that the user can copy it.
pub fn select_text(id: &str) {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// What a key press lands on, for shortcuts that must not take keys from
/// the control the user is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    /// A form control or editable text: every key is the user's typing.
    Typing,
    /// A button, link or summary: Space and Enter press it.
    Pressable,
    /// Anything else, or nothing.
    Other,
}

/// What the key press `e` lands on.
pub fn key_target(e: &web_sys::KeyboardEvent) -> KeyTarget {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return KeyTarget::Other;
    };
    let tag = el.tag_name().to_ascii_uppercase();
    if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.is_content_editable())
    {
        return KeyTarget::Typing;
    }
    if matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY") {
        KeyTarget::Pressable
    } else {
        KeyTarget::Other
    }
}
