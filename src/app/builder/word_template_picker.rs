//! "Use our Word template": the organization's .docx or .dotx, picked once
//! for a draft and kept with it in storage, whose styles, theme and fonts
//! every Word export of the draft then takes. A file that is not a Word
//! document, or too big to keep, is refused with the reason, and the
//! template before it stays.

use leptos::prelude::*;

use crate::app::browser::file_input::{chosen_file, read_bytes_up_to};
use crate::app::browser::storage;
use crate::app::i18n::{tr, tv, Said};
use crate::policy::files::word_template::{WordTemplate, MAX_TEMPLATE_BYTES};

/// Picks, replaces or removes the Word template of draft `draft`.
#[component]
pub fn WordTemplatePicker(
    /// The draft's id: the template is kept under it.
    draft: String,
) -> impl IntoView {
    let kept = RwSignal::new(storage::word_template(&draft));
    let status = RwSignal::new(String::new());
    let pick = {
        let draft = draft.clone();
        move |ev: leptos::ev::Event| {
            let Some(file) = chosen_file(&ev) else {
                return;
            };
            let draft = draft.clone();
            leptos::task::spawn_local(async move {
                let name = file.name();
                // Read a little past the limit, so that the refusal says
                // how big the file is rather than that it could not be read.
                let said = match read_bytes_up_to(&file, (MAX_TEMPLATE_BYTES * 4) as f64).await {
                    Err(e) => tr!("file-read-failed", name = name.clone(), error = e.said()),
                    Ok(bytes) => match WordTemplate::from_file(&name, &bytes) {
                        Err(e) => format!("{}.", crate::policy::fill::text::capitalize(&e.to_string())),
                        Ok(template) => match storage::save_word_template(&draft, &template) {
                            Err(e) => tr!("word-not-kept", error = e.said(), advice = e.advice()),
                            Ok(()) => {
                                let said = tr!("word-now-uses", template = template.label());
                                kept.try_set(Some(template));
                                said
                            }
                        },
                    },
                };
                status.try_set(said);
            });
        }
    };
    let remove = move |_: leptos::ev::MouseEvent| {
        status.set(match storage::remove_word_template(&draft) {
            Ok(()) => {
                kept.set(None);
                tr!("word-removed")
            }
            Err(e) => tr!("word-remove-failed", error = e.said()),
        });
    };
    view! {
        <fieldset class="word-template">
            <legend>{tv!("word-legend")}</legend>
            <p class="hint" id="word-template-hint">
                {move || match kept.get() {
                    Some(t) => tr!("word-uses", template = t.label()),
                    None => tr!("word-own-styles", kb = MAX_TEMPLATE_BYTES / 1024),
                }}
            </p>
            <label for="word-template-file">{tv!("word-label")}</label>
            " "
            <input type="file" id="word-template-file" aria-describedby="word-template-hint"
                accept=".docx,.dotx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.wordprocessingml.template"
                on:change=pick />
            {move || kept.with(Option::is_some).then(|| view! {
                " "
                <button type="button" on:click=remove.clone()>{tv!("word-remove")}</button>
            })}
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
        </fieldset>
    }
}
