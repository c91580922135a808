//! Offline use: registers the service worker (`src/web/sw.js`), and says
//! (through a signal) when a new version is ready; the notice itself is
//! `shell::update_banner`. A version that is already waiting
//! when the page loads takes over then (a reload applies it), before the
//! user has typed anything, if no other tab of the app is open; one that arrives while the page is open is
//! announced and takes over once every tab is closed, or at once if the
//! user asks: never in the middle of an edit.

use leptos::prelude::{set_timeout, RwSignal, Set};
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    /// Whether the user has typed, clicked or pressed a key since the page
    /// loaded (a click may have started an export or opened a file picker).
    static EDITED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What the page knows of a new version of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Update {
    /// None, or none yet.
    #[default]
    None,
    /// One has installed and waits.
    Waiting,
    /// One has taken over this page without reloading it (the user had
    /// begun): only a reload finishes the update.
    TakenOver,
}

/// Notes the user's first input, click or key press, after which a waiting
/// version is only announced, never applied by itself.
fn watch_for_edits() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_input = Closure::<dyn Fn()>::new(|| EDITED.with(|e| e.set(true)));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_once(true);
    for event in ["input", "pointerdown", "keydown"] {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            on_input.as_ref().unchecked_ref(),
            &options,
        );
    }
    on_input.forget();
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on pages that are not a secure context.
    let present = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers the service worker; `update` says when a new version has
/// installed and waits, or has taken over.
pub fn register(update: RwSignal<Update>) {
    let Some(container) = container() else {
        return;
    };
    watch_for_edits();
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if let (Some(_), Some(_)) = (reg.waiting(), container.controller()) {
            // The page was just (re)loaded over an older version while a
            // newer one waited: switch once the page has settled, unless
            // the user has begun. The service worker declines when another
            // tab of the app is open, and says so: then the new version is
            // only announced.
            let container = container.clone();
            let reg = reg.clone();
            when_settled(move || {
                let Some(waiting) = reg.waiting() else {
                    return;
                };
                if EDITED.with(|e| e.get()) {
                    update.set(Update::Waiting);
                    return;
                }
                reload_on_takeover(&container, Some(update));
                let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                    if e.data().as_string().as_deref() == Some("update-waits") {
                        update.set(Update::Waiting);
                    }
                });
                container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                on_message.forget();
                let _ = waiting.post_message(&"skip-waiting-if-alone".into());
            });
        }
        let watched = reg.clone();
        let on_update = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let container = container.clone();
            // A first install (no controller yet) is not an update.
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && container.controller().is_some() {
                    update.set(Update::Waiting);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    });
}

/// Switches to the waiting version now and reloads once it has taken over;
/// reloads at once if a new version has already taken over this page.
/// Drafts are saved on every change, so nothing is lost.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    reload_on_takeover(&container, None);
    spawn_local(async move {
        let Ok(ready) = container.ready() else {
            return;
        };
        let Ok(reg) = JsFuture::from(ready).await else {
            return;
        };
        match reg
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting())
        {
            Some(waiting) => {
                let _ = waiting.post_message(&"skip-waiting".into());
            }
            None => reload(),
        }
    });
}

/// Runs `then` a second after the page has finished loading. The browser
/// asks for the page's icon just after the load, and in Chromium a request
/// that reaches the old version while it hands over can leave the new one
/// waiting until the old one has been idle for half a minute; by then the
/// user may have begun, so the switch is asked for once the page is quiet.
fn when_settled(then: impl FnOnce() + 'static) {
    let later = move || set_timeout(then, std::time::Duration::from_secs(1));
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.document().is_some_and(|d| d.ready_state() == "complete") {
        later();
        return;
    }
    let on_load = Closure::once(later);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "load",
        on_load.as_ref().unchecked_ref(),
        &options,
    );
    on_load.forget();
}

/// Reloads the page once a new version controls it. With `announce`, a
/// switch the page asked for by itself does not reload once the user has
/// begun: the takeover is announced instead, and "Reload now" reloads.
fn reload_on_takeover(container: &ServiceWorkerContainer, announce: Option<RwSignal<Update>>) {
    let on_change = Closure::<dyn Fn()>::new(move || match announce {
        Some(update) if EDITED.with(|e| e.get()) => update.set(Update::TakenOver),
        _ => reload(),
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
