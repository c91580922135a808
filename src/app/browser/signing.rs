//! The reviewer's signing key, at the browser's edge: an ECDSA P-256 key
//! pair made by WebCrypto, its private half not extractable, kept in
//! IndexedDB (one key per browser profile), and the signing itself. What
//! is signed, and how a signature is checked, is the pure part's
//! (`policy::files::signature`); this module only holds the key and signs
//! the bytes it is given.
//!
//! A browser without `crypto.subtle` (a page that is not a secure context)
//! or without IndexedDB (some private windows) cannot sign: each is a
//! [`SigningError`] the review page shows, never a panic.

use base64::Engine;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::app::browser::storage::{js_message, KEY_DATABASE, KEY_STORE, REVIEWER_KEY_ID};
use crate::app::i18n::{tr, Said};

/// Why a decision could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    /// No WebCrypto: the page is not a secure context, or the browser is old.
    #[error("this browser does not offer the cryptography needed to sign (WebCrypto); open the app over https or in a current browser")]
    NoCrypto,
    /// No IndexedDB, where the key is kept.
    #[error("this browser does not let the page keep a signing key (IndexedDB is off, as in some private windows)")]
    NoKeyStore,
    /// The browser refused (its own message).
    #[error("the browser could not sign: {0}")]
    Browser(String),
}

impl Said for SigningError {
    fn said(&self) -> String {
        match self {
            SigningError::NoCrypto => tr!("error-signing-no-crypto"),
            SigningError::NoKeyStore => tr!("error-signing-no-key-store"),
            SigningError::Browser(reason) => tr!("error-signing-browser", reason = reason.as_str()),
        }
    }
}

/// This browser's reviewer key: the private key (usable only to sign,
/// never readable) and the public key as the reviewed file carries it.
#[derive(Clone)]
pub struct ReviewerKey {
    private: web_sys::CryptoKey,
    /// The uncompressed public point, base64 (WebCrypto's "raw" export).
    pub public_key: String,
}

fn browser(e: JsValue) -> SigningError {
    SigningError::Browser(js_message(&e))
}

fn subtle() -> Result<web_sys::SubtleCrypto, SigningError> {
    let window = web_sys::window().ok_or(SigningError::NoCrypto)?;
    let crypto = window.crypto().map_err(|_| SigningError::NoCrypto)?;
    // Outside a secure context `crypto.subtle` is undefined, not missing.
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).map_err(|_| SigningError::NoCrypto)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(SigningError::NoCrypto);
    }
    Ok(subtle.unchecked_into())
}

fn object(pairs: &[(&str, &str)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

/// A promise settled by `request`'s success (with its result) or error.
fn settled(request: &web_sys::IdbRequest) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let bad = Closure::once_into_js(move |_: web_sys::Event| {
            let message = failed
                .error()
                .ok()
                .flatten()
                .map_or_else(|| "the key store could not be read".to_owned(), |e| e.message());
            let _ = reject.call1(&JsValue::NULL, &message.into());
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(bad.unchecked_ref()));
    });
    JsFuture::from(promise)
}

async fn database() -> Result<web_sys::IdbDatabase, SigningError> {
    let window = web_sys::window().ok_or(SigningError::NoKeyStore)?;
    let factory = window.indexed_db().ok().flatten().ok_or(SigningError::NoKeyStore)?;
    let open = factory
        .open_with_u32(KEY_DATABASE, 1)
        .map_err(|_| SigningError::NoKeyStore)?;
    let upgrading = open.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrading.result() {
            let db: web_sys::IdbDatabase = db.unchecked_into();
            let _ = db.create_object_store(KEY_STORE);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = settled(&open).await.map_err(|_| SigningError::NoKeyStore)?;
    Ok(db.unchecked_into())
}

fn store(
    db: &web_sys::IdbDatabase,
    mode: web_sys::IdbTransactionMode,
) -> Result<web_sys::IdbObjectStore, SigningError> {
    db.transaction_with_str_and_mode(KEY_STORE, mode)
        .and_then(|t| t.object_store(KEY_STORE))
        .map_err(browser)
}

async fn public_b64(subtle: &web_sys::SubtleCrypto, public: &web_sys::CryptoKey) -> Result<String, SigningError> {
    let raw = JsFuture::from(subtle.export_key("raw", public).map_err(browser)?)
        .await
        .map_err(browser)?;
    Ok(base64::engine::general_purpose::STANDARD.encode(js_sys::Uint8Array::new(&raw).to_vec()))
}

fn key_of(pair: &JsValue, half: &str) -> Option<web_sys::CryptoKey> {
    js_sys::Reflect::get(pair, &half.into())
        .ok()
        .and_then(|k| k.dyn_into::<web_sys::CryptoKey>().ok())
}

/// This browser's reviewer key, made and kept on first use.
pub async fn reviewer_key() -> Result<ReviewerKey, SigningError> {
    let subtle = subtle()?;
    let db = database().await?;
    let kept = settled(
        &store(&db, web_sys::IdbTransactionMode::Readonly)?
            .get(&REVIEWER_KEY_ID.into())
            .map_err(browser)?,
    )
    .await
    .map_err(browser)?;
    if let (Some(private), Some(public)) = (key_of(&kept, "privateKey"), key_of(&kept, "publicKey")) {
        return Ok(ReviewerKey {
            private,
            public_key: public_b64(&subtle, &public).await?,
        });
    }
    // The private key can sign but can never be read out of the browser.
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let params = object(&[("name", "ECDSA"), ("namedCurve", "P-256")]);
    let pair = JsFuture::from(
        subtle
            .generate_key_with_object(&params, false, &usages)
            .map_err(browser)?,
    )
    .await
    .map_err(browser)?;
    let (Some(private), Some(public)) = (key_of(&pair, "privateKey"), key_of(&pair, "publicKey")) else {
        return Err(SigningError::Browser("no key pair was made".to_owned()));
    };
    // CryptoKey objects are kept as they are (structured clone), so the
    // private key stays unreadable in the store too.
    settled(
        &store(&db, web_sys::IdbTransactionMode::Readwrite)?
            .put_with_key(&pair, &REVIEWER_KEY_ID.into())
            .map_err(browser)?,
    )
    .await
    .map_err(browser)?;
    Ok(ReviewerKey {
        private,
        public_key: public_b64(&subtle, &public).await?,
    })
}

/// Signs `message` with `key`: r and s (32 bytes each), base64.
pub async fn sign(key: &ReviewerKey, message: &[u8]) -> Result<String, SigningError> {
    let subtle = subtle()?;
    let params = object(&[("name", "ECDSA"), ("hash", "SHA-256")]);
    let data = js_sys::Uint8Array::from(message);
    let signature = JsFuture::from(
        subtle
            .sign_with_object_and_buffer_source(&params, &key.private, &data)
            .map_err(browser)?,
    )
    .await
    .map_err(browser)?;
    Ok(base64::engine::general_purpose::STANDARD.encode(js_sys::Uint8Array::new(&signature).to_vec()))
}
