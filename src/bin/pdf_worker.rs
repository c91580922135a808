//! The PDF worker: a second WebAssembly binary, loaded by the page on the
//! first export, that turns a Document into PDF bytes off the main thread.
//! It keeps printpdf out of the page's own WebAssembly.

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
    use policy_builder::policy::pdf::render_pdf;
    use policy_builder::policy::pdf_protocol::{Reply, Request, PROTOCOL_VERSION};
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
            let (reply, bytes) = match Request::parse(&text) {
                Err(message) => (Reply::Failed { id: None, message }, None),
                Ok(request) => match render_pdf(&request.document) {
                    Ok(pdf) => (
                        Reply::Done {
                            id: request.id,
                            pages: pdf.pages,
                            missing_glyphs: pdf.missing_glyphs,
                        },
                        Some(pdf.bytes),
                    ),
                    Err(e) => (
                        Reply::Failed {
                            id: Some(request.id),
                            message: e.to_string(),
                        },
                        None,
                    ),
                },
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

    /// Posts `[reply JSON, bytes]`, transferring the bytes' buffer.
    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply, bytes: Option<&[u8]>) {
        let message = js_sys::Array::new();
        message.push(&JsValue::from_str(&reply.to_json()));
        let transfer = js_sys::Array::new();
        if let Some(bytes) = bytes {
            let array = js_sys::Uint8Array::from(bytes);
            transfer.push(&array.buffer());
            message.push(&array);
        }
        let _ = scope.post_message_with_transfer(&message, &transfer);
    }
}
