//! The page's side of the PDF worker (`src/bin/pdf_worker.rs`). The worker
//! is started on first use, answers "ready" with its version, and then
//! turns each Document into PDF bytes off the main thread, and reads and
//! writes the YAML files the user brings or takes (the page has no YAML
//! parser). Each job is an async function returning a typed error, so a
//! caller reads top to bottom. A worker that never answers (missing file,
//! blocked by policy) is reported after a time-out instead of failing
//! silently.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::app::i18n::{tr, Said};
use crate::policy::diag::Diagnostics;
use crate::policy::document::Document;
use crate::policy::document::DocumentKind;
use crate::policy::files::draft::StoredDraft;
use crate::policy::files::review::{Review, SignatureState};
use crate::policy::files::worker_protocol::{
    FileJob, FileRequest, ProtocolError, Reply, Request, WordRequest, PROTOCOL_VERSION,
};

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

/// Why the worker could not do a job.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorkerError {
    /// The browser would not start it (the message is the browser's).
    #[error("{0}")]
    NotStarted(String),
    /// Its script could not be loaded.
    #[error("the app's file and PDF helper could not be loaded")]
    NotLoaded,
    /// It stopped with an exception.
    #[error("the app's file and PDF helper failed ({0})")]
    Crashed(String),
    /// It is from another build of the app.
    #[error("the app's file and PDF helper is from another version of this app ({0}); reload the page")]
    OtherVersion(String),
    /// It answered in a form this page does not read.
    #[error("{0}")]
    Garbled(String),
    /// The request could not be posted.
    #[error("the request could not be sent ({0})")]
    NotSent(String),
    /// A PDF was not made in time.
    #[error("the app's file and PDF helper did not answer in time; reload the page and try again")]
    PdfTimedOut,
    /// A file was not read or written in time.
    #[error("the file reader did not answer in time; reload the page and try again")]
    FileTimedOut,
    /// It could not do the job, and says why.
    #[error("{0}")]
    Refused(String),
    /// It answered with a reply of another job.
    #[error("the worker gave an unexpected answer; reload the page and try again")]
    Unexpected,
    /// The page went away while waiting (the future was dropped).
    #[error("the page stopped waiting for the answer")]
    Abandoned,
}

impl Said for WorkerError {
    fn said(&self) -> String {
        match self {
            WorkerError::NotStarted(reason) => tr!("error-worker-not-started", reason = reason.as_str()),
            WorkerError::NotLoaded => tr!("error-worker-not-loaded"),
            WorkerError::Crashed(reason) => tr!("error-worker-crashed", reason = reason.as_str()),
            WorkerError::OtherVersion(version) => tr!("error-worker-other-version", version = version.as_str()),
            WorkerError::Garbled(reason) => tr!("error-worker-garbled", reason = reason.as_str()),
            WorkerError::NotSent(reason) => tr!("error-worker-not-sent", reason = reason.as_str()),
            WorkerError::PdfTimedOut => tr!("error-worker-pdf-timed-out"),
            WorkerError::FileTimedOut => tr!("error-worker-file-timed-out"),
            // The worker's own words (a problem of the document or file).
            WorkerError::Refused(reason) => reason.clone(),
            WorkerError::Unexpected => tr!("error-worker-unexpected"),
            WorkerError::Abandoned => tr!("error-worker-abandoned"),
        }
    }
}

/// Why the worker could not read a file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    /// The file has problems, each located for the user.
    #[error("the file has problems")]
    Problems(Diagnostics),
    /// The worker could not do the job (not loaded, no answer, ...).
    #[error(transparent)]
    Worker(#[from] WorkerError),
}

impl Said for FileError {
    fn said(&self) -> String {
        match self {
            FileError::Problems(_) => tr!("error-file-problems"),
            FileError::Worker(e) => e.said(),
        }
    }
}

/// What a request in flight waits for: the reply and any bytes beside it,
/// or why there is none.
type Waiter = Box<dyn FnOnce(Result<(Reply, Vec<u8>), WorkerError>)>;

struct Client {
    worker: Worker,
    ready: bool,
    broken: Option<WorkerError>,
    waiting: Vec<String>,
    pending: HashMap<u32, Waiter>,
    next_id: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Makes the PDF of `first` as a `kind`, followed in the same PDF by
/// `second` if there is one (the same answers in another language).
pub async fn make_pdf(first: Document, second: Option<Document>, kind: DocumentKind) -> Result<Made, WorkerError> {
    made(move |id| {
        match second {
            None => Request::new(id, first, kind),
            Some(second) => Request::bilingual(id, first, second, kind),
        }
        .to_json()
    })
    .await
}

/// Sends the PDF request `request` makes and reads the reply.
async fn made(request: impl FnOnce(u32) -> Result<String, ProtocolError>) -> Result<Made, WorkerError> {
    match ask(request, WorkerError::PdfTimedOut).await? {
        (
            Reply::Done {
                pages, missing_glyphs, ..
            },
            bytes,
        ) => Ok(Made {
            bytes,
            pages,
            missing_glyphs,
        }),
        (Reply::Failed { message, .. }, _) => Err(WorkerError::Refused(message)),
        _ => Err(WorkerError::Unexpected),
    }
}

/// Makes the Word file of `document` (and of `second` after it, in the
/// same file): its bytes.
pub async fn make_docx(
    document: Document,
    second: Option<Document>,
    word: WordRequest,
) -> Result<Vec<u8>, WorkerError> {
    let request = move |id| Request::word(id, document, second, word).to_json();
    match ask(request, WorkerError::PdfTimedOut).await? {
        (Reply::Done { .. }, bytes) => Ok(bytes),
        (Reply::Failed { message, .. }, _) => Err(WorkerError::Refused(message)),
        _ => Err(WorkerError::Unexpected),
    }
}

/// Has the worker write the review reminder `job` (a
/// [`FileJob::WriteReminder`]): the calendar file's text.
pub async fn write_reminder(job: FileJob) -> Result<String, WorkerError> {
    match ask_file(job).await? {
        Reply::Calendar { text, .. } => Ok(text),
        Reply::Failed { message, .. } => Err(WorkerError::Refused(message)),
        _ => Err(WorkerError::Unexpected),
    }
}

/// Has the worker read the answer file `file` with `text`: the draft, ready
/// to store, or its problems.
pub async fn read_answer_file(file: String, text: String) -> Result<StoredDraft, FileError> {
    match ask_file(FileJob::ReadAnswers { file, text }).await? {
        Reply::Draft { draft, .. } => Ok(*draft),
        reply => Err(file_error(reply)),
    }
}

/// Has the worker check the clause library `file` with `text`: its raw form
/// as JSON (see [`crate::policy::files::draft::CustomLibrary::json`]), or its problems.
pub async fn read_library(file: String, text: String) -> Result<String, FileError> {
    match ask_file(FileJob::ReadLibrary { file, text }).await? {
        Reply::Library { json, .. } => Ok(json),
        reply => Err(file_error(reply)),
    }
}

/// Has the worker write `draft` as an answer file: its text.
pub async fn write_answer_file(mut draft: StoredDraft) -> Result<String, WorkerError> {
    // The JSON form stays in the browser; the file never carries it.
    if let Some(lib) = &mut draft.library {
        lib.json = None;
    }
    match ask_file(FileJob::WriteAnswers { draft: Box::new(draft) }).await? {
        Reply::Yaml { text, .. } => Ok(text),
        Reply::Failed { message, .. } => Err(WorkerError::Refused(message)),
        _ => Err(WorkerError::Unexpected),
    }
}

/// Has the worker check the signatures of `reviews` again: the state of
/// each decision of each, in order.
pub async fn check_signatures(reviews: Vec<Review>) -> Result<Vec<Vec<SignatureState>>, WorkerError> {
    match ask_file(FileJob::CheckSignatures { reviews }).await? {
        Reply::Signatures { states, .. } => Ok(states),
        Reply::Failed { message, .. } => Err(WorkerError::Refused(message)),
        _ => Err(WorkerError::Unexpected),
    }
}

fn file_error(reply: Reply) -> FileError {
    match reply {
        Reply::Problems { diagnostics, .. } => FileError::Problems(Diagnostics(diagnostics)),
        Reply::Failed { message, .. } => FileError::Worker(WorkerError::Refused(message)),
        _ => FileError::Worker(WorkerError::Unexpected),
    }
}

thread_local! {
    /// The questionnaire's JSON from the content the page loaded, sent
    /// with every file job (the worker carries no template).
    static QUESTIONNAIRE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The questionnaire (as JSON) the worker checks files against: the same
/// structure in every language, so the last content loaded gives it.
pub fn use_questionnaire(json: &str) {
    QUESTIONNAIRE.with(|q| {
        if *q.borrow() != json {
            *q.borrow_mut() = json.to_owned();
        }
    });
}

async fn ask_file(job: FileJob) -> Result<Reply, WorkerError> {
    let questionnaire = QUESTIONNAIRE.with(|q| q.borrow().clone());
    let request = move |id| FileRequest { id, job, questionnaire }.to_json();
    Ok(ask(request, WorkerError::FileTimedOut).await?.0)
}

/// Sends the request `make(id)` and waits for its reply, or for
/// `time_out` after [`TIME_OUT`].
async fn ask(
    make: impl FnOnce(u32) -> Result<String, ProtocolError>,
    time_out: WorkerError,
) -> Result<(Reply, Vec<u8>), WorkerError> {
    let (tell, answer) = futures_channel::oneshot::channel();
    let make = move |id| make(id).map_err(|e| WorkerError::NotSent(e.to_string()));
    send(make, Box::new(move |reply| drop(tell.send(reply))), time_out);
    answer.await.unwrap_or(Err(WorkerError::Abandoned))
}

/// Sends the request `make(id)` (starting the worker on first use) and
/// calls `waiter` with the reply, or with `time_out` after [`TIME_OUT`].
fn send(make: impl FnOnce(u32) -> Result<String, WorkerError>, waiter: Waiter, time_out: WorkerError) {
    let sent = CLIENT.with(move |c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            match start() {
                Ok(client) => *c = Some(client),
                Err(reason) => return Err((reason, waiter)),
            }
        }
        let Some(client) = c.as_mut() else {
            return Err((
                WorkerError::NotStarted("the app's file and PDF helper could not start".to_owned()),
                waiter,
            ));
        };
        if let Some(reason) = &client.broken {
            return Err((reason.clone(), waiter));
        }
        let id = client.next_id;
        client.next_id += 1;
        let request = match make(id) {
            Ok(request) => request,
            Err(e) => return Err((e, waiter)),
        };
        client.pending.insert(id, waiter);
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
                if let Some(waiter) = take(id) {
                    waiter(Err(time_out));
                }
            },
            TIME_OUT,
        ),
        Err((reason, waiter)) => waiter(Err(reason)),
    }
}

fn start() -> Result<Client, WorkerError> {
    let worker =
        Worker::new(WORKER_URL).map_err(|e| WorkerError::NotStarted(crate::app::browser::storage::js_message(&e)))?;
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
            WorkerError::NotLoaded
        } else {
            WorkerError::Crashed(message)
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
fn post(worker: &Worker, request: &str) -> Result<(), WorkerError> {
    worker
        .post_message(&JsValue::from_str(request))
        .map_err(|e| WorkerError::NotSent(crate::app::browser::storage::js_message(&e)))
}

fn take(id: u32) -> Option<Waiter> {
    CLIENT.with(|c| c.borrow_mut().as_mut().and_then(|client| client.pending.remove(&id)))
}

/// Marks the worker unusable and fails every request in flight.
fn break_all(reason: WorkerError) {
    let pending: Vec<Waiter> = CLIENT.with(|c| {
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
        Err(reason) => break_all(WorkerError::Garbled(reason)),
        Ok(Reply::Ready { version }) if version != PROTOCOL_VERSION => break_all(WorkerError::OtherVersion(version)),
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
        Ok(Reply::Failed { id: None, message }) => break_all(WorkerError::Refused(message)),
        Ok(
            reply @ (Reply::Done { id, .. }
            | Reply::Draft { id, .. }
            | Reply::Library { id, .. }
            | Reply::Problems { id, .. }
            | Reply::Yaml { id, .. }
            | Reply::Calendar { id, .. }
            | Reply::Signatures { id, .. }
            | Reply::Failed { id: Some(id), .. }),
        ) => {
            let bytes = data
                .get(1)
                .dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            if let Some(waiter) = take(id) {
                waiter(Ok((reply, bytes)));
            }
        }
    }
}

/// Downloads a made PDF and says what happened, for a status line: `what`
/// names the file for the messages that choose their words by it (`pdf`,
/// `quick`, `notes`, `signoff`, `handout`; see `i18n/en.ftl`). Characters the font lacks are listed
/// with their code points, never dropped silently.
pub fn outcome(result: Result<Made, WorkerError>, file_name: &str, what: &'static str) -> String {
    let pdf = match result {
        Ok(pdf) => pdf,
        Err(e) => return tr!("made-failed", what = what, error = e.said()),
    };
    if let Err(e) = crate::app::browser::download::download(&pdf.bytes, file_name, "application/pdf") {
        return tr!("made-not-downloaded", what = what, error = e.said());
    }
    let done = tr!("made-downloaded-pages", what = what, pages = pdf.pages);
    if pdf.missing_glyphs.is_empty() {
        return done;
    }
    let chars: String = pdf
        .missing_glyphs
        .iter()
        .map(|c| format!(" {c} (U+{:04X})", u32::from(*c)))
        .collect();
    tr!("made-missing-glyphs", done = done, chars = chars)
}
