//! Reading a file the user picked, and offering a draft as an answer file.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{GetUntracked, RwSignal, Set};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::browser::download::{download, DownloadError};
use crate::app::browser::storage::{js_message, today_iso};
use crate::app::browser::worker_client::{write_answer_file, WorkerError};
use crate::policy::diag::text::decode;
use crate::policy::diag::{Diagnostic, Diagnostics};
use crate::policy::files::draft::StoredDraft;

/// The largest file the app reads; anything bigger is refused unread.
pub const MAX_FILE_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// The first file chosen in the file input that fired `ev`, if any.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0);
    // Clear the input so that choosing the same file again fires again.
    input.set_value("");
    file
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// It is over [`MAX_FILE_BYTES`]; it was not read.
    #[error("the file is {megabytes:.1} MB; the largest the app reads is 2 MB")]
    TooBig {
        /// Its size.
        megabytes: f64,
    },
    /// The browser could not read it (the message is the browser's).
    #[error("{0}")]
    Unreadable(String),
    /// It is not UTF-8 text: where the first byte that is not is.
    #[error("{}", .0.message)]
    NotUtf8(Diagnostic),
}

impl ReadError {
    /// The refusal as a problem of the file `file`, for the problem list
    /// (an error, not a status line): located when it has a place.
    pub fn diagnostics(&self, file: &str) -> Diagnostics {
        Diagnostics(vec![match self {
            ReadError::NotUtf8(d) => d.clone(),
            other => Diagnostic {
                file: file.to_owned(),
                line: 0,
                column: 0,
                message: other.to_string(),
            },
        }])
    }
}

/// Reads `file` as UTF-8 text. The browser's own reading as text would
/// turn bytes that are not UTF-8 into replacement characters without a
/// word, so the bytes are read and decoded here, and refused with the
/// place of the first that is not UTF-8.
pub async fn read_text(file: &web_sys::File) -> Result<String, ReadError> {
    if file.size() > MAX_FILE_BYTES {
        return Err(ReadError::TooBig {
            megabytes: file.size() / 1024.0 / 1024.0,
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| ReadError::Unreadable(js_message(&e)))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode(&file.name(), &bytes).map_err(ReadError::NotUtf8)
}

/// Why an answer file could not be offered.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerFileError {
    /// The worker could not write it.
    #[error(transparent)]
    Write(#[from] WorkerError),
    /// It was written but the browser would not download it.
    #[error(transparent)]
    Download(#[from] DownloadError),
}

/// Offers `draft` as a YAML answer file named after it, written by the
/// PDF worker. While the worker writes, `status` says so if it takes long
/// enough to notice.
pub async fn download_answer_file(draft: StoredDraft, status: RwSignal<String>) -> Result<(), AnswerFileError> {
    let name = answer_file_name(&draft);
    let busy = Busy::start(status, "Writing the answer file…");
    let text = write_answer_file(draft).await;
    busy.done();
    Ok(download(text?.as_bytes(), &name, "application/yaml")?)
}

/// How long work may take before the user is told it is under way.
pub const BUSY_AFTER: Duration = Duration::from_millis(100);

/// Work under way (in the PDF worker), announced in a status line if it
/// takes longer than [`BUSY_AFTER`]. It holds no reactive value of its own,
/// so it outlives the page that started it without harm.
pub struct Busy {
    running: Rc<Cell<bool>>,
    status: RwSignal<String>,
    message: String,
}

impl Busy {
    /// Starts the work: `status` shows `message` if it is still running
    /// after [`BUSY_AFTER`].
    pub fn start(status: RwSignal<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        let running = Rc::new(Cell::new(true));
        let (still, shown) = (running.clone(), message.clone());
        leptos::prelude::set_timeout(
            move || {
                if still.get() {
                    status.try_set(shown);
                }
            },
            BUSY_AFTER,
        );
        Self {
            running,
            status,
            message,
        }
    }

    /// Ends the work; its message goes, unless something else was shown
    /// since.
    pub fn done(&self) {
        self.running.set(false);
        if self.status.try_get_untracked().as_deref() == Some(self.message.as_str()) {
            self.status.try_set(String::new());
        }
    }
}

/// `lakeside-answers-2026-11-25.yaml`.
pub fn answer_file_name(draft: &StoredDraft) -> String {
    let slug: String = draft
        .display_name()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).take(6).collect();
    let slug = if slug.is_empty() {
        "policy".to_owned()
    } else {
        slug.join("-")
    };
    format!("{slug}-answers-{}.yaml", today_iso())
}
