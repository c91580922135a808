//! Everything the app keeps in localStorage, and the only module that
//! opens it (a test in `tests/architecture.rs` holds that): drafts, one
//! entry per draft under `policy-builder/drafts/<id>`, and beside them the
//! trainer's quiz scores, the demo links' notes, each draft's Word template
//! and the reviewer's name.
//! Every key is made here, so deleting a draft (and backing it up) can find
//! everything that belongs to it. Every way storage can fail (disabled,
//! full, a damaged entry, an entry from a newer version, a change made in
//! another tab) comes back as a value the UI shows; nothing here panics and
//! nothing overwrites an entry it could not read.
//!
//! gloo-storage gives the `Storage` handle, but only after we have checked
//! that the browser lets us have one (its own accessor throws otherwise),
//! and reads and writes go through the handle's fallible methods, because
//! a throwing `setItem` must become a message, not a crash.

use gloo_storage::{LocalStorage, Storage};

use std::collections::BTreeSet;

use crate::app::i18n::{tr, Said};
use crate::policy::files::backup::DraftCopy;
use crate::policy::files::draft::{DraftError, StoredDraft};
use crate::policy::files::word_template::WordTemplate;

/// The start of every key the app writes.
pub const APP_PREFIX: &str = "policy-builder/";
/// Where each draft lives: this prefix and the draft's id.
pub const DRAFT_PREFIX: &str = "policy-builder/drafts/";
/// Quiz scores: this prefix, the draft's id, `/` and the deck's id.
const QUIZ_PREFIX: &str = "policy-builder/quiz/";
/// The draft made for each sample's demo link: this prefix and the
/// sample's stem, holding the draft's id.
const DEMO_PREFIX: &str = "policy-builder/demo/";
/// The interface language chosen on the switch (`en` or `fr`).
const LANGUAGE_KEY: &str = "policy-builder/interface-language";
/// The reviewer's name, remembered between reviews.
const REVIEWER_KEY: &str = "policy-builder/reviewer";
/// The reviewers' keys this author trusts: a JSON list of
/// `[reviewer name, key fingerprint]` pairs.
const TRUSTED_KEY: &str = "policy-builder/trusted-reviewers";
/// The IndexedDB database that keeps this browser's signing key (see
/// `browser::signing`): CryptoKey objects cannot live in localStorage.
pub const KEY_DATABASE: &str = "policy-builder-keys";
/// Its object store.
pub const KEY_STORE: &str = "keys";
/// The entry of the reviewer's key pair in it.
pub const REVIEWER_KEY_ID: &str = "reviewer";
/// Where the single draft of schema 1 lived.
pub const LEGACY_KEY: &str = "policy-builder/draft";
/// When the last backup of every draft was made (an ISO timestamp).
const BACKED_UP_KEY: &str = "policy-builder/backed-up-at";
/// When each draft was last downloaded as an answer file: this prefix and
/// the draft's id, holding the draft's `saved_at` at that moment.
const DOWNLOADED_PREFIX: &str = "policy-builder/downloaded/";
/// Each draft's Word template: this prefix and the draft's id, holding the
/// template as JSON with the file in base64. Apart from the draft, so that
/// listing and saving drafts never reads or rewrites it.
const WORD_TEMPLATE_PREFIX: &str = "policy-builder/word-template/";
/// The most localStorage takes from one site in the browsers the app
/// supports (5 MiB, counted as UTF-16 code units of keys and values, two
/// bytes each); the browsers do not say theirs, so the smallest is used.
pub const LOCAL_STORAGE_LIMIT: u64 = 5 * 1024 * 1024;

/// A stored entry as found.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A draft that was read.
    Draft(StoredDraft),
    /// An entry that cannot be used; it is kept untouched.
    Unreadable {
        /// Its storage key.
        key: String,
        /// What is wrong, for the user.
        error: DraftError,
        /// The stored text, offered as a download.
        raw: String,
    },
}

/// Why storage could not be used.
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

impl Said for SaveError {
    fn said(&self) -> String {
        match self {
            SaveError::Unavailable => tr!("error-storage-unavailable"),
            SaveError::Refused(reason) => tr!("error-storage-refused", reason = reason.as_str()),
            SaveError::Mismatch => tr!("error-storage-mismatch"),
        }
    }
}

impl SaveError {
    /// What the user can do about it.
    pub fn advice(&self) -> String {
        match self {
            SaveError::Unavailable => tr!("storage-advice-unavailable"),
            SaveError::Refused(_) => tr!("storage-advice-refused"),
            SaveError::Mismatch => tr!("storage-advice-mismatch"),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Whatever is read or written next, a save asked for earlier comes
    // first: storage never shows an older draft than the page has.
    save_pending();
    // Accessing localStorage throws when it is disabled; check before
    // asking gloo for the handle.
    web_sys::window()?.local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

thread_local! {
    /// The save asked for by [`save_soon`] and not made yet.
    static PENDING: std::cell::RefCell<Option<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(None) };
    /// Whether the page's hiding and leaving make the pending save.
    static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `save` (which saves the open draft) once the current task is
/// over, so that a keystroke's preview is drawn before its save; a later
/// call before then replaces it, so changes made together are saved
/// together. Nothing waits long enough to be lost: the save is made
/// first thing when storage is used for anything else, when the page is
/// hidden (another tab, a minimized window, a phone's home screen) and
/// when it is left or reloaded, and the app makes it before it leaves a
/// draft's pages (see [`save_pending`]).
pub fn save_soon(save: impl FnOnce() + 'static) {
    let waiting = PENDING.with(|p| p.borrow_mut().replace(Box::new(save)).is_some());
    if !waiting {
        leptos::prelude::set_timeout(save_pending, std::time::Duration::ZERO);
    }
    if !WATCHING.with(|w| w.replace(true)) {
        watch_leaving();
    }
}

/// Makes the save asked for by [`save_soon`] now, if one waits.
pub fn save_pending() {
    // Taken out first: the save itself uses storage.
    let save = PENDING.with(|p| p.borrow_mut().take());
    if let Some(save) = save {
        save();
    }
}

/// Makes the pending save when the page is hidden, reloaded or closed,
/// for as long as the page lives. `pagehide` comes on every way of
/// leaving a page (`unload` does not on mobile browsers, nor when the
/// page may be kept for the back button); `visibilitychange` comes
/// earlier when the page is only hidden, and a hidden page may be ended
/// without another event.
fn watch_leaving() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_leave = wasm_bindgen::closure::Closure::<dyn Fn()>::new(save_pending);
    let f: &js_sys::Function = wasm_bindgen::JsCast::unchecked_ref(on_leave.as_ref());
    let _ = window.add_event_listener_with_callback("pagehide", f);
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", f);
    }
    // The listener lives as long as the page.
    on_leave.forget();
}

/// The storage key of draft `id`.
pub fn key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// Every stored draft and damaged entry, most recently saved first.
pub fn list() -> Result<Vec<Entry>, SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let count = store.length().map_err(|_| SaveError::Unavailable)?;
    let keys: Vec<String> = (0..count).filter_map(|i| store.key(i).ok().flatten()).collect();
    let mut entries: Vec<Entry> = keys
        .into_iter()
        .filter(|k| k.starts_with(DRAFT_PREFIX) || k == LEGACY_KEY)
        .filter_map(|k| read_key(&store, &k))
        .collect();
    entries.sort_by(|a, b| match (a, b) {
        (Entry::Draft(a), Entry::Draft(b)) => b.saved_at.cmp(&a.saved_at),
        (Entry::Unreadable { key: a, .. }, Entry::Unreadable { key: b, .. }) => a.cmp(b),
        (Entry::Unreadable { .. }, Entry::Draft(_)) => std::cmp::Ordering::Less,
        (Entry::Draft(_), Entry::Unreadable { .. }) => std::cmp::Ordering::Greater,
    });
    Ok(entries)
}

fn read_key(store: &web_sys::Storage, key: &str) -> Option<Entry> {
    let raw = store.get_item(key).ok().flatten()?;
    let id = key.strip_prefix(DRAFT_PREFIX).unwrap_or("");
    Some(match StoredDraft::parse(&raw, id) {
        Ok(_) if key == LEGACY_KEY => Entry::Unreadable {
            key: key.to_owned(),
            error: DraftError::Corrupt(
                "a draft from an older version that could not be moved; storage may be full".into(),
            ),
            raw,
        },
        Ok(draft) if draft.id == id => Entry::Draft(draft),
        Ok(_) => Entry::Unreadable {
            key: key.to_owned(),
            error: DraftError::Corrupt("its id does not match its place in storage".into()),
            raw,
        },
        Err(error) => Entry::Unreadable {
            key: key.to_owned(),
            error,
            raw,
        },
    })
}

/// Reads draft `id`: `None` when there is no such entry.
pub fn load(id: &str) -> Result<Option<Entry>, SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    Ok(read_key(&store, &key(id)))
}

/// The stored text of draft `id`, if any.
pub fn raw(id: &str) -> Option<String> {
    storage()?.get_item(&key(id)).ok().flatten()
}

/// A draft's entry as written or read, held on the browser's side: the
/// open draft compares it with the stored entry on every save (to notice
/// another tab's change), and a comparison of two JavaScript strings
/// copies neither into the page, where reading the entry as a `String`
/// copied the whole draft on each keystroke.
/// (The page has one thread; the wrapper lets the session, which Leptos
/// wants `Send`, hold it.)
#[derive(Debug, Clone)]
pub struct Written(send_wrapper::SendWrapper<wasm_bindgen::JsValue>);

impl PartialEq for Written {
    fn eq(&self, other: &Self) -> bool {
        // JavaScript's `===`: two strings are equal when their text is.
        *self.0 == *other.0
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `Storage`, with the two methods below that leave the
    /// entry's text a JavaScript string (web-sys's copy it into a `String`).
    #[wasm_bindgen(js_name = Storage)]
    type JsStorage;
    /// `Storage.getItem`.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &JsStorage, key: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    /// `Storage.setItem`.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &JsStorage, key: &str, value: &wasm_bindgen::JsValue) -> Result<(), wasm_bindgen::JsValue>;
}

/// The storage handle as [`JsStorage`].
fn js_storage(store: &web_sys::Storage) -> &JsStorage {
    wasm_bindgen::JsCast::unchecked_ref(store)
}

/// The stored entry of draft `id`, as [`Written`], if there is one.
pub fn written(id: &str) -> Option<Written> {
    let value = js_storage(&storage()?).get_item_js(&key(id)).ok()?;
    value
        .is_string()
        .then(|| Written(send_wrapper::SendWrapper::new(value)))
}

/// Moves a schema-1 draft to its own key, reading the copy back before the
/// old entry goes. An old entry that cannot be read stays where it is (the
/// drafts page lists it as damaged).
pub fn migrate_legacy(new_id: &str) -> Result<Option<StoredDraft>, SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let Some(raw) = store.get_item(LEGACY_KEY).ok().flatten() else {
        return Ok(None);
    };
    let Ok(draft) = StoredDraft::parse(&raw, new_id) else {
        return Ok(None);
    };
    save(&draft)?;
    let _ = store.remove_item(LEGACY_KEY);
    Ok(Some(draft))
}

/// Saves `draft` under its id, then reads the entry back and compares.
/// Returns the entry written, so that callers can tell later whether
/// someone else (another tab) has changed the entry since.
pub fn save(draft: &StoredDraft) -> Result<Written, SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let text = Written(send_wrapper::SendWrapper::new(wasm_bindgen::JsValue::from_str(
        &draft.to_json(),
    )));
    let key = key(&draft.id);
    let js = js_storage(&store);
    js.set_item_js(&key, &text.0)
        .map_err(|e| SaveError::Refused(js_message(&e)))?;
    match js.get_item_js(&key) {
        Ok(back) if back == *text.0 => Ok(text),
        _ => Err(SaveError::Mismatch),
    }
}

/// Removes the entry under `key` (a draft's or a damaged one's) and returns
/// the text it held, so that the removal can be undone.
pub fn remove_key(key: &str) -> Result<Option<String>, SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let old = store.get_item(key).ok().flatten();
    store.remove_item(key).map_err(|e| SaveError::Refused(js_message(&e)))?;
    Ok(old)
}

/// Every entry whose key starts with `prefix`, with the text it holds.
fn entries_with_prefix(prefix: &str) -> Vec<(String, String)> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let count = store.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .filter_map(|k| store.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect()
}

/// Puts `text` back under `key` (undoing a removal), refusing to replace
/// anything stored there since.
pub fn restore_key(key: &str, text: &str) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    if store.get_item(key).ok().flatten().is_some() {
        return Err(SaveError::Refused("something new is stored in its place".into()));
    }
    store
        .set_item(key, text)
        .map_err(|e| SaveError::Refused(js_message(&e)))?;
    match store.get_item(key) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(SaveError::Mismatch),
    }
}

/// The stored quiz score of `deck` for draft `draft`, as text.
pub fn quiz_score(draft: &str, deck: &str) -> Option<String> {
    storage()?.get_item(&quiz_key(draft, deck)).ok().flatten()
}

/// Stores the quiz score of `deck` for draft `draft`.
pub fn save_quiz_score(draft: &str, deck: &str, text: &str) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    store
        .set_item(&quiz_key(draft, deck), text)
        .map_err(|e| SaveError::Refused(js_message(&e)))
}

/// Forgets the quiz score of `deck` for draft `draft`.
pub fn clear_quiz_score(draft: &str, deck: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&quiz_key(draft, deck));
    }
}

/// The key of a quiz score: apart from the drafts, so that listing drafts
/// never reads one.
pub fn quiz_key(draft: &str, deck: &str) -> String {
    format!("{QUIZ_PREFIX}{draft}/{deck}")
}

/// The Word template kept with draft `draft`, if any. A damaged entry
/// reads as none.
pub fn word_template(draft: &str) -> Option<WordTemplate> {
    let text = storage()?
        .get_item(&format!("{WORD_TEMPLATE_PREFIX}{draft}"))
        .ok()
        .flatten()?;
    WordTemplate::from_json(&text)
}

/// Keeps `template` with draft `draft`, in place of any before it. A full
/// storage refuses it and keeps the one before.
pub fn save_word_template(draft: &str, template: &WordTemplate) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    store
        .set_item(&format!("{WORD_TEMPLATE_PREFIX}{draft}"), &template.to_json())
        .map_err(|e| SaveError::Refused(js_message(&e)))
}

/// Forgets draft `draft`'s Word template.
pub fn remove_word_template(draft: &str) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    store
        .remove_item(&format!("{WORD_TEMPLATE_PREFIX}{draft}"))
        .map_err(|e| SaveError::Refused(js_message(&e)))
}

/// The id of the draft last made for sample `stem`'s demo link.
pub fn demo_draft(stem: &str) -> Option<String> {
    storage()?.get_item(&format!("{DEMO_PREFIX}{stem}")).ok().flatten()
}

/// Remembers that draft `id` shows sample `stem`. Best effort: without it
/// the next demo link makes a new draft.
pub fn remember_demo_draft(stem: &str, id: &str) {
    if let Some(store) = storage() {
        let _ = store.set_item(&format!("{DEMO_PREFIX}{stem}"), id);
    }
}

/// The interface language chosen on an earlier visit, if any.
pub fn interface_language() -> Option<String> {
    storage()?.get_item(LANGUAGE_KEY).ok().flatten()
}

/// Remembers the interface language; a refusal only means the next visit
/// asks the browser again.
pub fn remember_interface_language(code: &str) {
    if let Some(store) = storage() {
        let _ = store.set_item(LANGUAGE_KEY, code);
    }
}

/// The reviewer's name given last time, or an empty string.
pub fn reviewer_name() -> String {
    storage()
        .and_then(|s| s.get_item(REVIEWER_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Remembers the reviewer's name for the next review. Best effort.
pub fn remember_reviewer_name(name: &str) {
    if let Some(store) = storage() {
        let _ = store.set_item(REVIEWER_KEY, name);
    }
}

/// The reviewers' keys this author trusts: (reviewer name, fingerprint).
/// Unreadable or missing, it is none.
pub fn trusted_reviewers() -> Vec<(String, String)> {
    storage()
        .and_then(|s| s.get_item(TRUSTED_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Trusts the key with `fingerprint` for reviewer `name` from now on.
pub fn trust_reviewer(name: &str, fingerprint: &str) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let mut trusted = trusted_reviewers();
    let pair = (name.trim().to_owned(), fingerprint.to_owned());
    if !trusted.contains(&pair) {
        trusted.push(pair);
    }
    // A list of pairs of strings always serializes.
    let text = serde_json::to_string(&trusted).unwrap_or_default();
    store
        .set_item(TRUSTED_KEY, &text)
        .map_err(|e| SaveError::Refused(js_message(&e)))
}

/// The entries that belong to the draft stored under `key`, with their
/// text: its quiz scores, and the demo links that open it. Deleting a
/// draft removes them too, and Undo puts them back.
pub fn companions(key: &str) -> Vec<(String, String)> {
    let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
        return Vec::new();
    };
    let mut found = entries_with_prefix(&format!("{QUIZ_PREFIX}{id}/"));
    found.extend(entries_with_prefix(DEMO_PREFIX).into_iter().filter(|(_, v)| v == id));
    // These two are keyed by the id itself: match it whole, so that draft
    // `k1` never takes `k10`'s entries with it.
    let own = [
        format!("{DOWNLOADED_PREFIX}{id}"),
        format!("{WORD_TEMPLATE_PREFIX}{id}"),
    ];
    found.extend(
        entries_with_prefix(DOWNLOADED_PREFIX)
            .into_iter()
            .filter(|(k, _)| own.contains(k)),
    );
    found.extend(
        entries_with_prefix(WORD_TEMPLATE_PREFIX)
            .into_iter()
            .filter(|(k, _)| own.contains(k)),
    );
    found
}

/// Every stored draft (damaged ones too, as their text) with its quiz
/// scores, demo links and Word template, and the reviewer's name: what a
/// backup holds.
pub fn backup_copies() -> Result<(Vec<DraftCopy>, Option<String>), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let all = entries_with_prefix(APP_PREFIX);
    let copies = all
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix(DRAFT_PREFIX)?, v)))
        .map(|(id, stored)| {
            let scores = format!("{QUIZ_PREFIX}{id}/");
            DraftCopy {
                id: id.to_owned(),
                stored: stored.clone(),
                quiz_scores: all
                    .iter()
                    .filter_map(|(k, v)| Some((k.strip_prefix(&scores)?.to_owned(), v.clone())))
                    .collect(),
                demo_links: all
                    .iter()
                    .filter(|(_, v)| v == id)
                    .filter_map(|(k, _)| Some(k.strip_prefix(DEMO_PREFIX)?.to_owned()))
                    .collect(),
                word_template: all
                    .iter()
                    .find(|(k, _)| k.strip_prefix(WORD_TEMPLATE_PREFIX) == Some(id))
                    .map(|(_, v)| v.clone()),
            }
        })
        .collect();
    let reviewer = store.get_item(REVIEWER_KEY).ok().flatten();
    Ok((copies, reviewer))
}

/// The ids of every stored draft, readable or not.
pub fn draft_ids() -> BTreeSet<String> {
    entries_with_prefix(DRAFT_PREFIX)
        .into_iter()
        .filter_map(|(k, _)| Some(k.strip_prefix(DRAFT_PREFIX)?.to_owned()))
        .collect()
}

/// Stores `copy` from a backup: the draft's text exactly as it was, its
/// quiz scores, its demo links and its Word template, replacing what is
/// under its id. The
/// draft is read back and compared; the others are best effort, as when
/// they were first written.
pub fn restore_copy(copy: &DraftCopy) -> Result<(), SaveError> {
    let store = storage().ok_or(SaveError::Unavailable)?;
    let key = key(&copy.id);
    store
        .set_item(&key, &copy.stored)
        .map_err(|e| SaveError::Refused(js_message(&e)))?;
    match store.get_item(&key) {
        Ok(Some(back)) if back == copy.stored => {}
        _ => return Err(SaveError::Mismatch),
    }
    for (deck, score) in &copy.quiz_scores {
        let _ = store.set_item(&quiz_key(&copy.id, deck), score);
    }
    for stem in &copy.demo_links {
        let _ = store.set_item(&format!("{DEMO_PREFIX}{stem}"), &copy.id);
    }
    // A restored draft has the backup's Word template or none, never one
    // left from the draft it replaces.
    let template = format!("{WORD_TEMPLATE_PREFIX}{}", copy.id);
    let _ = match &copy.word_template {
        Some(text) => store.set_item(&template, text),
        None => store.remove_item(&template),
    };
    Ok(())
}

/// Restores the reviewer's name from a backup unless one is remembered here.
pub fn restore_reviewer_name(name: &str) {
    if reviewer_name().is_empty() {
        remember_reviewer_name(name);
    }
}

/// When the last backup was made, if ever.
pub fn backed_up_at() -> Option<String> {
    storage()?.get_item(BACKED_UP_KEY).ok().flatten()
}

/// Records that a backup of every draft was made at `now`.
pub fn remember_backup(now: &str) {
    if let Some(store) = storage() {
        let _ = store.set_item(BACKED_UP_KEY, now);
    }
}

/// Records that `draft` was downloaded as an answer file as it is now.
pub fn remember_download(draft: &StoredDraft) {
    if let Some(store) = storage() {
        let _ = store.set_item(&format!("{DOWNLOADED_PREFIX}{}", draft.id), &draft.saved_at);
    }
}

/// The `saved_at` of draft `id` when it was last downloaded, if ever.
pub fn downloaded_at(id: &str) -> Option<String> {
    storage()?.get_item(&format!("{DOWNLOADED_PREFIX}{id}")).ok().flatten()
}

/// What this site's entries take of localStorage (the app's and any
/// other's: the limit is for the whole site), in bytes as browsers count
/// them (UTF-16 code units of every key and value, two bytes each).
pub fn used_bytes() -> u64 {
    entries_with_prefix("")
        .iter()
        .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()) as u64)
        .sum()
}

/// Every entry the app wrote, with its text, in storage order; `None` when
/// the browser does not let the page read storage. Used by the panic
/// screen, which offers each as it is, without parsing it.
pub fn app_entries() -> Option<Vec<(String, String)>> {
    // Raw web_sys here, not gloo: this runs inside the panic hook.
    let store = web_sys::window()?.local_storage().ok().flatten()?;
    let count = store.length().ok()?;
    Some(
        (0..count)
            .filter_map(|i| store.key(i).ok().flatten())
            .filter(|k| k.starts_with(APP_PREFIX))
            .filter_map(|k| store.get_item(&k).ok().flatten().map(|v| (k, v)))
            .collect(),
    )
}

/// A new draft id: time and randomness in base 36, unique in practice and
/// checked against storage by the caller.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    let mut id = base36(now);
    id.push_str(&base36(random));
    id
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An id not used by any stored draft.
pub fn fresh_id() -> String {
    let mut id = new_id();
    while raw(&id).is_some() {
        id = new_id();
    }
    id
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

/// An ISO timestamp as the user's browser writes dates and times, such as
/// "25 Nov 2026, 14:05"; the timestamp itself when it cannot be read.
pub fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    // In the interface language, so that a French page says « 3 déc. 2026 ».
    let tag = crate::app::i18n::lang_untracked().tag();
    FORMATTER.with(|cached| {
        let mut cached = cached.borrow_mut();
        if cached.as_ref().is_none_or(|(t, _)| *t != tag) {
            *cached = Some((tag, date_time_format(tag)));
        }
        cached
            .as_ref()
            .and_then(|(_, format)| format.call1(&wasm_bindgen::JsValue::UNDEFINED, &date).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| iso.to_owned())
    })
}

thread_local! {
    /// The formatter of [`local_time`] and the language it formats in:
    /// `toLocaleString` makes a new one on every call, which cost the draft
    /// bar (it shows the time of the last save) a large part of each
    /// keystroke.
    static FORMATTER: std::cell::RefCell<Option<(&'static str, js_sys::Function)>> =
        const { std::cell::RefCell::new(None) };
}

/// The format function of an `Intl.DateTimeFormat` for `tag`, with the
/// medium date and short time that `toLocaleString` was given before.
fn date_time_format(tag: &str) -> js_sys::Function {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    };
    set("dateStyle", "medium");
    set("timeStyle", "short");
    let locales = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(tag));
    js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
}
