//! The page's side of the PDF worker (`src/bin/pdf_worker.rs`). The worker
//! is started on the first export, answers "ready" with its version, and
//! then turns each Document into PDF bytes off the main thread. A worker
//! that never answers (missing file, blocked by policy) is reported after
//! a time-out instead of failing silently.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::policy::document::Document;
use crate::policy::layout::DocumentKind;
use crate::policy::pdf_protocol::{Reply, Request, PROTOCOL_VERSION};

/// The loader Trunk writes for the worker binary (not content-hashed).
const WORKER_URL: &str = "./pdf-worker_loader.js";
/// How long a request may take before the user is told.
const TIME_OUT: Duration = Duration::from_secs(20);

/// A finished PDF.
pub struct Made {
    /// The file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters the font lacks, printed as `?`.
    pub missing_glyphs: Vec<char>,
}

type Done = Box<dyn FnOnce(Result<Made, String>)>;

struct Client {
    worker: Worker,
    ready: bool,
    broken: Option<String>,
    waiting: Vec<String>,
    pending: HashMap<u32, Done>,
    next_id: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Makes the PDF of `document` and calls `done` with it or with a message.
pub fn make_pdf(document: Document, kind: DocumentKind, done: impl FnOnce(Result<Made, String>) + 'static) {
    let done: Done = Box::new(done);
    let sent = CLIENT.with(move |c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            match start() {
                Ok(client) => *c = Some(client),
                Err(reason) => return Err((reason, done)),
            }
        }
        let Some(client) = c.as_mut() else {
            return Err(("the PDF maker could not start".to_owned(), done));
        };
        if let Some(reason) = &client.broken {
            return Err((reason.clone(), done));
        }
        let id = client.next_id;
        client.next_id += 1;
        client.pending.insert(id, done);
        let request = Request::new(id, document, kind).to_json();
        if !client.ready {
            client.waiting.push(request);
            return Ok(Ok(id));
        }
        Ok(post(&client.worker, &request).map(|()| id))
    });
    let sent = match sent {
        Ok(Err(reason)) => {
            break_all(reason);
            return;
        }
        Ok(Ok(id)) => Ok(id),
        Err(e) => Err(e),
    };
    match sent {
        Ok(id) => leptos::prelude::set_timeout(
            move || {
                if let Some(done) = take(id) {
                    done(Err(
                        "the PDF maker did not answer in time; reload the page and try again".to_owned(),
                    ));
                }
            },
            TIME_OUT,
        ),
        Err((reason, done)) => done(Err(reason)),
    }
}

fn start() -> Result<Client, String> {
    let worker = Worker::new(WORKER_URL).map_err(|e| super::storage::js_message(&e))?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| receive(&event));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A script that fails to load fires a plain `Event`; an exception in
    // the worker fires an `ErrorEvent` with a message.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        let message = event
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .unwrap_or_default();
        let reason = if message.is_empty() {
            "the PDF maker could not be loaded".to_owned()
        } else {
            format!("the PDF maker failed ({message})")
        };
        break_all(reason);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Client {
        worker,
        ready: false,
        broken: None,
        waiting: Vec::new(),
        pending: HashMap::new(),
        next_id: 1,
    })
}

/// Sends a request. The caller holds the client's borrow, so a failure is
/// returned and reported with [`break_all`] after the borrow ends.
fn post(worker: &Worker, request: &str) -> Result<(), String> {
    worker
        .post_message(&JsValue::from_str(request))
        .map_err(|e| format!("the PDF request could not be sent ({})", super::storage::js_message(&e)))
}

fn take(id: u32) -> Option<Done> {
    CLIENT.with(|c| c.borrow_mut().as_mut().and_then(|client| client.pending.remove(&id)))
}

/// Marks the worker unusable and fails every request in flight.
fn break_all(reason: String) {
    let pending: Vec<Done> = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let Some(client) = c.as_mut() else { return Vec::new() };
        client.broken = Some(reason.clone());
        client.waiting.clear();
        client.pending.drain().map(|(_, done)| done).collect()
    });
    for done in pending {
        done(Err(reason.clone()));
    }
}

fn receive(event: &MessageEvent) {
    let data = js_sys::Array::from(&event.data());
    let text = data.get(0).as_string().unwrap_or_default();
    match Reply::parse(&text) {
        Err(reason) => break_all(reason),
        Ok(Reply::Ready { version }) if version != PROTOCOL_VERSION => break_all(format!(
            "the PDF maker is from another version of this app ({version}); reload the page"
        )),
        Ok(Reply::Ready { .. }) => {
            let failed = CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let client = c.as_mut()?;
                client.ready = true;
                std::mem::take(&mut client.waiting)
                    .into_iter()
                    .find_map(|r| post(&client.worker, &r).err())
            });
            if let Some(reason) = failed {
                break_all(reason);
            }
        }
        Ok(Reply::Done {
            id,
            pages,
            missing_glyphs,
            ..
        }) => {
            let bytes = data
                .get(1)
                .dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            if let Some(done) = take(id) {
                done(Ok(Made {
                    bytes,
                    pages,
                    missing_glyphs,
                }));
            }
        }
        Ok(Reply::Failed { id: Some(id), message }) => {
            if let Some(done) = take(id) {
                done(Err(message));
            }
        }
        Ok(Reply::Failed { id: None, message }) => break_all(message),
    }
}

/// Downloads a made PDF and says what happened, for a status line: `noun`
/// names the file ("PDF", "handout"). Characters the font lacks are listed
/// with their code points, never dropped silently.
pub fn outcome(result: Result<Made, String>, file_name: &str, noun: &str) -> String {
    let pdf = match result {
        Ok(pdf) => pdf,
        Err(e) => return format!("The {noun} could not be made: {e}."),
    };
    if let Err(e) = super::download::download(&pdf.bytes, file_name, "application/pdf") {
        return format!("The {noun} was made but could not be downloaded: {e}.");
    }
    let pages = match pdf.pages {
        1 => "1 page".to_owned(),
        n => format!("{n} pages"),
    };
    let done = format!("{} downloaded ({pages}).", super::drafts_page::capitalize(noun));
    if pdf.missing_glyphs.is_empty() {
        return done;
    }
    let chars: String = pdf
        .missing_glyphs
        .iter()
        .map(|c| format!(" {c} (U+{:04X})", u32::from(*c)))
        .collect();
    format!("{done} The PDF font has no glyph for these characters, which were printed as \"?\":{chars}.")
}
