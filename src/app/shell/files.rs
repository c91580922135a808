//! Reading a file the user picked, and offering a draft as an answer file.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{GetUntracked, RwSignal, Set};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::browser::download::download;
use crate::app::browser::storage::{js_message, today_iso};
use crate::app::browser::worker_client::write_answer_file;
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

/// Reads the file chosen in the input that fired `ev`, then calls
/// `then(file name, text)`; a file that cannot be read is reported in
/// `status`. Returns whether a file was chosen.
pub fn read_chosen(
    ev: &web_sys::Event,
    status: leptos::prelude::RwSignal<String>,
    then: impl FnOnce(String, String) + 'static,
) -> bool {
    read_chosen_up_to(ev, MAX_FILE_BYTES, status, then)
}

/// As [`read_chosen`], for files that may be larger (a backup of every
/// draft): at most `max_bytes`.
pub fn read_chosen_up_to(
    ev: &web_sys::Event,
    max_bytes: f64,
    status: leptos::prelude::RwSignal<String>,
    then: impl FnOnce(String, String) + 'static,
) -> bool {
    let Some(file) = chosen_file(ev) else {
        return false;
    };
    leptos::task::spawn_local(async move {
        let name = file.name();
        match read_text_up_to(&file, max_bytes).await {
            Ok(text) => then(name, text),
            Err(e) => status.set(format!("\"{name}\" could not be read: {e}.")),
        }
    });
    true
}

/// Reads `file` as text if it has at most `max_bytes`.
pub async fn read_text_up_to(file: &web_sys::File, max_bytes: f64) -> Result<String, String> {
    if file.size() > max_bytes {
        return Err(format!(
            "the file is {:.1} MB; the largest the app reads is {:.0} MB",
            file.size() / 1024.0 / 1024.0,
            max_bytes / 1024.0 / 1024.0
        ));
    }
    let text = JsFuture::from(file.text()).await.map_err(|e| js_message(&e))?;
    text.as_string().ok_or_else(|| "the file is not text".to_owned())
}

/// Offers `draft` as a YAML answer file named after it, written by the
/// PDF worker, then calls `done` with the outcome. While the worker writes,
/// `status` says so if it takes long enough to notice.
pub fn download_answer_file(
    draft: &StoredDraft,
    status: RwSignal<String>,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let name = answer_file_name(draft);
    let busy = Busy::start(status, "Writing the answer file…");
    let draft_now = draft.clone();
    write_answer_file(draft.clone(), move |text| {
        busy.done();
        let saved = text.and_then(|text| download(text.as_bytes(), &name, "application/yaml"));
        if saved.is_ok() {
            // The drafts page counts this draft as kept safe as it is now.
            crate::app::browser::storage::remember_download(&draft_now);
        }
        done(saved);
    });
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
