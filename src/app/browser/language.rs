//! The interface language's browser edges: the languages the browser
//! prefers (read once, for a first visit), the choice remembered in
//! storage (through `browser::storage`, which owns every key), and
//! `<html lang>`.

use crate::app::browser::storage;
use crate::app::i18n::{text_in, Lang};

/// The language to open in: the one chosen on an earlier visit, or on a
/// first visit the one the browser's languages point to.
pub fn initial() -> Lang {
    storage::interface_language()
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_else(|| Lang::from_browser(&preferred()))
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
