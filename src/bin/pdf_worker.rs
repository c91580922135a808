//! The PDF worker: a second WebAssembly binary, loaded by the page on the
//! first export, that turns a Document into PDF bytes off the main thread.
//! It keeps printpdf out of the page's own WebAssembly, and also reads and
//! writes YAML files for the page (answer files, imported clause
//! libraries), which keeps the YAML parsers out of it too. It writes the
//! Word file and the review reminder as well, for the same reason.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// Built natively only so that `cargo build --all-targets` and clippy see
/// it; the worker only makes sense in a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pdf-worker runs in a browser as a Web Worker");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use policy_builder::policy::diag::{Diagnostics, SourceFile};
    use policy_builder::policy::files::jobs;
    use policy_builder::policy::files::word_review::word_file;
    use policy_builder::policy::files::worker_protocol::{
        FileRequest, Incoming, Reply, Request, WordRequest, PROTOCOL_VERSION,
    };
    use policy_builder::policy::model::questionnaire::Questionnaire;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        console_error_panic_hook::set_once();
        let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
            return;
        };
        let reply_scope = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            let (reply, bytes) = match Incoming::parse(&text) {
                Err((id, message)) => (Reply::Failed { id, message }, None),
                Ok(Incoming::File(request)) => (file(request), None),
                Ok(Incoming::Pdf(request)) => pdf(*request),
            };
            post(&reply_scope, &reply, bytes.as_deref());
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        post(
            &scope,
            &Reply::Ready {
                version: PROTOCOL_VERSION.to_owned(),
            },
            None,
        );
    }

    thread_local! {
        /// The questionnaire the page last sent (its JSON, and it checked),
        /// loaded again only when the page sends another.
        static QUESTIONNAIRE: RefCell<Option<(String, Result<Questionnaire, Diagnostics>)>> = const { RefCell::new(None) };
    }

    /// Reads or writes a YAML file for the page, against the questionnaire
    /// it sent from its content file (the worker carries no template).
    fn file(mut request: FileRequest) -> Reply {
        let json = std::mem::take(&mut request.questionnaire);
        if json.is_empty() {
            return Reply::Failed {
                id: Some(request.id),
                message: "the policy templates are still loading: try again in a moment".to_owned(),
            };
        }
        QUESTIONNAIRE.with(|cell| {
            let mut cell = cell.borrow_mut();
            if cell.as_ref().is_none_or(|(sent, _)| *sent != json) {
                let loaded = Questionnaire::from_source(&SourceFile::json("questionnaire.yaml", &json));
                *cell = Some((json, loaded));
            }
            match cell.as_ref().map(|(_, loaded)| loaded) {
                Some(Ok(questionnaire)) => jobs::run(request, questionnaire),
                Some(Err(d)) => Reply::Failed {
                    id: Some(request.id),
                    message: format!("the shipped templates do not load ({d})"),
                },
                None => Reply::Failed {
                    id: Some(request.id),
                    message: "the shipped templates do not load".to_owned(),
                },
            }
        })
    }

    /// Makes a PDF (of one Document, or of two versions in one file): the
    /// reply and the file's bytes.
    fn pdf(mut request: Request) -> (Reply, Option<Vec<u8>>) {
        if let Some(word) = request.word.take() {
            return docx(request, *word);
        }
        match timed(|| jobs::pdf(&request)) {
            (Ok(pdf), millis) => (
                Reply::Done {
                    id: request.id,
                    pages: pdf.pages,
                    missing_glyphs: pdf.missing_glyphs,
                    millis,
                },
                Some(pdf.bytes),
            ),
            (Err(e), _) => (
                Reply::Failed {
                    id: Some(request.id),
                    message: e.to_string(),
                },
                None,
            ),
        }
    }

    /// Makes a Word file: the reply (with no page count: Word lays out
    /// its own pages) and the file's bytes.
    fn docx(request: Request, word: WordRequest) -> (Reply, Option<Vec<u8>>) {
        match timed(|| word_file(&request.document, request.second.as_deref(), word)) {
            (Ok(file), millis) => (
                Reply::Done {
                    id: request.id,
                    pages: 0,
                    missing_glyphs: Vec::new(),
                    millis,
                },
                Some(file.bytes),
            ),
            (Err(e), _) => (
                Reply::Failed {
                    id: Some(request.id),
                    message: e.to_string(),
                },
                None,
            ),
        }
    }

    /// Runs `f`, timing it with `performance.now()` (0 where the worker
    /// has no clock).
    fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
        let performance = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok();
        let now = || -> f64 {
            performance
                .as_ref()
                .and_then(|p| {
                    let now = js_sys::Reflect::get(p, &JsValue::from_str("now")).ok()?;
                    now.dyn_ref::<js_sys::Function>()?.call0(p).ok()?.as_f64()
                })
                .unwrap_or(0.0)
        };
        let start = now();
        let out = f();
        (out, now() - start)
    }

    /// Posts `[reply JSON, bytes]`, transferring the bytes' buffer.
    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply, bytes: Option<&[u8]>) {
        let text = reply.to_json().unwrap_or_else(|e| {
            // A reply that cannot be written still says why, so the page
            // never waits for an answer that will not come.
            let failed = Reply::Failed {
                id: reply.id(),
                message: e.to_string(),
            };
            failed
                .to_json()
                .unwrap_or_else(|_| r#"{"failed":{"id":null,"message":"the reply could not be written"}}"#.to_owned())
        });
        let message = js_sys::Array::new();
        message.push(&JsValue::from_str(&text));
        let transfer = js_sys::Array::new();
        if let Some(bytes) = bytes {
            let array = js_sys::Uint8Array::from(bytes);
            transfer.push(&array.buffer());
            message.push(&array);
        }
        let _ = scope.post_message_with_transfer(&message, &transfer);
    }
}
