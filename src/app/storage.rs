//! Drafts in localStorage. Every way storage can fail (disabled, full,
//! damaged entry, entry from a newer version) comes back as a value the UI
//! shows; nothing here panics and nothing overwrites a draft it could not
//! read.
//!
//! gloo-storage gives the `Storage` handle, but only after we have checked
//! that the browser lets us have one (its own accessor throws otherwise),
//! and reads and writes go through the handle's fallible methods, because
//! a throwing `setItem` must become a message, not a crash.

use gloo_storage::{LocalStorage, Storage};

use crate::policy::answers::Answers;
use crate::policy::draft::{DraftError, StoredDraft};

/// The key of the current draft.
pub const DRAFT_KEY: &str = "policy-builder/draft";

/// What was found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Empty,
    /// A draft was read.
    Draft(StoredDraft),
    /// A saved value exists but cannot be used; it is kept untouched.
    Unreadable {
        /// What is wrong, for the user.
        error: DraftError,
        /// The stored text, offered as a download.
        raw: String,
    },
    /// The browser does not allow storage on this page.
    Unavailable,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// Storage is turned off or blocked.
    #[error("this browser is not letting the page save")]
    Unavailable,
    /// The browser refused the write, usually because storage is full.
    #[error("the browser refused to save the draft ({0})")]
    Refused(String),
    /// The write seemed to work but reading it back gave something else.
    #[error("the saved copy did not match the draft when read back")]
    Mismatch,
}

fn storage() -> Option<web_sys::Storage> {
    // Accessing localStorage throws when it is disabled; check before
    // asking gloo for the handle.
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

/// Reads the saved draft.
pub fn load() -> Loaded {
    let Some(store) = storage() else {
        return Loaded::Unavailable;
    };
    match store.get_item(DRAFT_KEY) {
        Err(_) => Loaded::Unavailable,
        Ok(None) => Loaded::Empty,
        Ok(Some(raw)) => match StoredDraft::parse(&raw) {
            Ok(draft) => Loaded::Draft(draft),
            Err(error) => Loaded::Unreadable { error, raw },
        },
    }
}

/// Saves `answers`, then reads the entry back and compares.
pub fn save(answers: &Answers, saved_at: String) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let text = StoredDraft::new(answers.clone(), saved_at).to_json();
    store
        .set_item(DRAFT_KEY, &text)
        .map_err(|e| SaveError::Refused(js_message(&e)))?;
    match store.get_item(DRAFT_KEY) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(SaveError::Mismatch),
    }
}

/// The message of a thrown JavaScript value, whatever its type.
pub fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".to_owned())
}

/// The current time as an ISO 8601 timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date, `YYYY-MM-DD`, in the user's time zone.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
