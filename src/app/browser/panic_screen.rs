//! The last resort: a panic hook that logs the panic and replaces the page
//! with a plain error screen, from which the user can download the saved
//! draft and reload.
//!
//! Release builds abort on panic, and an aborted WebAssembly instance runs
//! no more code: no Leptos, no Rust event handler. So the screen is built
//! with plain DOM calls inside the hook itself, and both of its actions are
//! links that the browser follows on its own: each saved value as a `blob:`
//! file download, and the app's own address to reload. (The
//! Content-Security-Policy forbids inline event handlers, so links are the
//! one way to act without running code.) Stored values are offered exactly
//! as they are, never parsed: whatever broke the app may be in them.

use std::panic::PanicHookInfo;

use wasm_bindgen::{JsCast, JsValue};

use crate::app::i18n::{self, text_now};

/// The address fragment that makes the app panic on purpose once it has
/// started, so that tests and support staff can see the error screen.
pub const SELFTEST_FRAGMENT: &str = "#selftest-panic";

/// Installs the panic hook: the console message of
/// `console_error_panic_hook`, then the error screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        // If the screen cannot be shown, the console message is the report.
        let _ = show(&info.to_string());
    }));
}

/// Panics on purpose when the page's address ends in [`SELFTEST_FRAGMENT`].
pub fn selftest() {
    let url = web_sys::window().and_then(|w| w.document()).and_then(|d| d.url().ok());
    if url.is_some_and(|u| u.ends_with(SELFTEST_FRAGMENT)) {
        panic!("deliberate panic: the address ends in {SELFTEST_FRAGMENT}");
    }
}

/// What localStorage holds for the app.
enum Saved {
    /// (key, raw value) of every key of the app, in storage order.
    Values(Vec<(String, String)>),
    /// The browser does not let the page read storage.
    Unreadable,
}

fn saved() -> Saved {
    crate::app::browser::storage::app_entries().map_or(Saved::Unreadable, Saved::Values)
}

/// Replaces the page with the error screen.
fn show(details: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let page = Page { document: &document };

    let main = page.element("main", None)?;
    main.set_class_name("broken");
    main.set_attribute("aria-labelledby", "panic-heading")?;
    // The words come from the language chosen before the panic, read
    // without the reactive system (which may be what broke).
    let lang = i18n::lang_untracked();
    main.set_attribute("lang", lang.tag())?;
    let heading = page.child(&main, "h1", Some(&text_now("panic-heading")))?;
    heading.set_id("panic-heading");
    heading.set_attribute("tabindex", "-1")?;
    page.child(&main, "p", Some(&text_now("panic-text")))?;

    let note = page.child(&main, "p", None)?;
    let actions = page.element("p", None)?;
    actions.set_class_name("actions");
    note.set_text_content(Some(&match saved() {
        Saved::Unreadable => text_now("panic-unreadable"),
        Saved::Values(values) if values.is_empty() => text_now("panic-none-saved"),
        Saved::Values(values) => {
            let several = values.len() > 1;
            for (key, value) in &values {
                let label = if several {
                    format!("{} {key}", text_now("panic-download-copy"))
                } else {
                    text_now("panic-download-draft")
                };
                page.download_link(&actions, &label, key, value)?;
            }
            main.append_child(&actions)?;
            text_now("panic-download-first")
        }
    }));

    // Reload by loading the address without its fragment: a plain
    // navigation, which also leaves the self-test.
    let url = document.url()?;
    let reload_to = url.split('#').next().unwrap_or(&url);
    let reload = page.child(&page.child(&main, "p", None)?, "a", Some(&text_now("panic-reload")))?;
    reload.set_attribute("href", reload_to)?;

    let more = page.child(&main, "details", None)?;
    page.child(&more, "summary", Some(&text_now("panic-details")))?;
    page.child(&more, "pre", Some(details))?;

    // Whatever was on the page goes: it belonged to the app that stopped.
    body.set_text_content(None);
    body.append_child(&main)?;
    document.set_title(&text_now("panic-title"));
    if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
    Ok(())
}

/// Builds elements of one document.
struct Page<'a> {
    document: &'a web_sys::Document,
}

impl Page<'_> {
    /// A new element, with `text` if given.
    fn element(&self, tag: &str, text: Option<&str>) -> Result<web_sys::Element, JsValue> {
        let element = self.document.create_element(tag)?;
        if text.is_some() {
            element.set_text_content(text);
        }
        Ok(element)
    }

    /// A new element added at the end of `parent`.
    fn child(&self, parent: &web_sys::Element, tag: &str, text: Option<&str>) -> Result<web_sys::Element, JsValue> {
        let element = self.element(tag, text)?;
        parent.append_child(&element)?;
        Ok(element)
    }

    /// A link in `parent` that downloads `value` as a file named after `key`.
    fn download_link(&self, parent: &web_sys::Element, label: &str, key: &str, value: &str) -> Result<(), JsValue> {
        let looks_like_json = value.trim_start().starts_with(['{', '[']);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(if looks_like_json {
            "application/json"
        } else {
            "text/plain"
        });
        let parts = js_sys::Array::of1(&JsValue::from_str(value));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        // Never revoked: the page has stopped, and the link must keep working.
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link = self.child(parent, "a", Some(label))?;
        link.set_attribute("href", &url)?;
        link.set_attribute("download", &file_name(key, looks_like_json))?;
        Ok(())
    }
}

/// A file name for the value stored under `key`, such as
/// `policy-builder-draft.json` for `policy-builder/draft`.
fn file_name(key: &str, json: bool) -> String {
    let mut name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    name.truncate(80);
    let name = name.trim_matches('-');
    format!("{name}.{}", if json { "json" } else { "txt" })
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn stored_keys_become_safe_file_names() {
        assert_eq!(file_name("policy-builder/draft", true), "policy-builder-draft.json");
        assert_eq!(file_name("policy-builder/../x y", false), "policy-builder----x-y.txt");
    }
}
