//! Reading a file the user picked and reporting what could not be read
//! (the reading itself is `browser::file_input`), and offering a draft as
//! an answer file.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{request_animation_frame, GetUntracked, RwSignal, Set};

use crate::app::browser::download::{download, DownloadError};
use crate::app::browser::file_input::{chosen_file, read_text_up_to, ReadError};
use crate::app::browser::focus::focus_id;
use crate::app::browser::storage::today_iso;
use crate::app::browser::worker_client::{write_answer_file, WorkerError};
use crate::app::i18n::{tr, Said};
use crate::policy::diag::Diagnostics;
use crate::policy::files::draft::StoredDraft;

/// The largest file the app reads; anything bigger is refused unread.
pub const MAX_FILE_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// Where a file that cannot be read is reported.
#[derive(Clone, Copy)]
pub enum ReportTo {
    /// A line of its own (the message names the file).
    Line(RwSignal<String>),
    /// A problem list, which then takes focus: the element with id
    /// `focus` shows `problems`.
    Problems {
        /// The problems shown.
        problems: RwSignal<Option<Diagnostics>>,
        /// The id of the list, focused once it shows.
        focus: &'static str,
    },
}

impl ReportTo {
    fn report(self, name: &str, e: &ReadError) {
        match self {
            ReportTo::Line(line) => {
                line.try_set(tr!("file-read-failed", name = name, error = e.said()));
            }
            ReportTo::Problems { problems, focus } => {
                problems.try_set(Some(e.diagnostics(name)));
                request_animation_frame(move || focus_id(focus));
            }
        }
    }
}

/// Reads `file` as text if it has at most `max_bytes`: its name and text,
/// or `None` after reporting to `report` why it could not be read.
pub async fn read_or_report(file: &web_sys::File, max_bytes: f64, report: ReportTo) -> Option<(String, String)> {
    let name = file.name();
    match read_text_up_to(file, max_bytes).await {
        Ok(text) => Some((name, text)),
        Err(e) => {
            report.report(&name, &e);
            None
        }
    }
}

/// Reads the file chosen in the input that fired `ev` if it has at most
/// `max_bytes` (a backup of every draft may be larger than an answer
/// file), then calls `then(file name, text)`; a file that cannot be read
/// is reported to `report`. Returns whether a file was chosen.
pub fn read_chosen_up_to(
    ev: &web_sys::Event,
    max_bytes: f64,
    report: ReportTo,
    then: impl FnOnce(String, String) + 'static,
) -> bool {
    let Some(file) = chosen_file(ev) else {
        return false;
    };
    leptos::task::spawn_local(async move {
        if let Some((name, text)) = read_or_report(&file, max_bytes, report).await {
            then(name, text);
        }
    });
    true
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

impl Said for AnswerFileError {
    fn said(&self) -> String {
        match self {
            AnswerFileError::Write(e) => e.said(),
            AnswerFileError::Download(e) => e.said(),
        }
    }
}

/// Offers `draft` as a YAML answer file named after it, written by the
/// PDF worker. While the worker writes, `status` says so if it takes long
/// enough to notice.
pub async fn download_answer_file(draft: StoredDraft, status: RwSignal<String>) -> Result<(), AnswerFileError> {
    let name = answer_file_name(&draft);
    download_answer_file_as(draft, &name, status).await
}

/// Offers `draft` as a YAML answer file called `name` (a reviewed file is
/// named after its reviewer), as [`download_answer_file`] does.
pub async fn download_answer_file_as(
    draft: StoredDraft,
    name: &str,
    status: RwSignal<String>,
) -> Result<(), AnswerFileError> {
    let busy = Busy::start(status, tr!("files-writing"));
    let text = write_answer_file(draft.clone()).await;
    busy.done();
    download(text?.as_bytes(), name, "application/yaml")?;
    // The drafts page counts this draft as kept safe as it is now.
    crate::app::browser::storage::remember_download(&draft);
    Ok(())
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
