//! The drafts page: every draft in this browser with its name and time of
//! last change; start one (empty, from a sample, or from an answer file);
//! rename, duplicate, download or delete (with undo). Damaged entries are
//! listed too, with a way to keep them as a file. Below the list, the
//! backup and what the browser promises about keeping drafts.

use leptos::prelude::*;

use crate::app::browser::download::download;
use crate::app::browser::file_input::chosen_file;
use crate::app::browser::focus::focus_id;
use crate::app::browser::storage::{self, local_time, Entry};
use crate::app::browser::worker_client::{read_answer_file, FileError};
use crate::app::drafts::safekeeping::Safekeeping;
use crate::app::drafts::signatures::ReviewSignatures;
use crate::app::shell::files::{download_answer_file, read_or_report, Busy, ReportTo, MAX_FILE_BYTES};
use crate::app::shell::route::{navigate, Route};
use crate::app::shell::{use_app, AppState};
use crate::policy::diag::Diagnostics;
use crate::policy::files::draft::StoredDraft;
use crate::policy::files::review::Review;
use crate::policy::fill::lifecycle::NextReview;
use crate::policy::fill::text::capitalize;
use crate::policy::sample::Sample;

/// A removal that can still be undone.
#[derive(Clone)]
struct Removed {
    key: String,
    raw: String,
    name: String,
    /// What went with the draft (quiz scores, the demo link's note), to
    /// put back with it.
    companions: Vec<(String, String)>,
}

/// An imported file that matches a draft already here.
#[derive(Clone)]
struct Clash {
    incoming: StoredDraft,
    has_review: bool,
    existing_name: String,
    existing_saved: String,
}

/// The drafts page.
#[component]
pub fn DraftsPage() -> impl IntoView {
    let Some(app) = use_app() else {
        return ().into_any();
    };
    let entries = RwSignal::new(storage::list());
    let refresh = move || entries.set(storage::list());
    let status = RwSignal::new(String::new());
    let removed = RwSignal::new(None::<Removed>);
    let import_problems = RwSignal::new(None::<Diagnostics>);
    let clash = RwSignal::new(None::<Clash>);
    // The review of the file just imported, when a decision in it is signed.
    let signed_review = RwSignal::new(None::<Review>);

    let start = {
        let app = app.clone();
        move |draft: StoredDraft| open_new(&app, draft)
    };
    // A new draft records the clause packs it is made on.
    let made_on = app.policy.library.pack_versions();

    // Samples that fail to parse are left out rather than shown broken;
    // the content tests guarantee the shipped ones parse.
    let samples: Vec<Sample> = Sample::builtin().into_iter().map(|(_, s)| s).collect();
    let sample_buttons = samples
        .into_iter()
        .map(|sample| {
            let start = start.clone();
            let name = sample.name.clone();
            let made_on = made_on.clone();
            view! {
                <li>
                    <button type="button" on:click=move |_| {
                        let mut draft = StoredDraft::new(storage::fresh_id(), storage::now_iso(), made_on.clone());
                        draft.answers = sample.answers.clone();
                        start(draft);
                    }>{name}</button>
                </li>
            }
        })
        .collect_view();
    let start_empty = {
        let start = start.clone();
        let made_on = made_on.clone();
        move |_| {
            start(StoredDraft::new(
                storage::fresh_id(),
                storage::now_iso(),
                made_on.clone(),
            ))
        }
    };

    // Whether the file being imported is to be reviewed: then it opens in
    // review mode once stored.
    let for_review = RwSignal::new(false);
    let store_import = move |draft: StoredDraft, verb: &str| {
        let name = draft.display_name();
        let signed = draft.review.decisions.iter().any(|d| d.signature.is_some());
        signed_review.set(signed.then(|| draft.review.clone()));
        match storage::save(&draft) {
            Ok(_) if for_review.try_get_untracked().unwrap_or(false) => navigate(&Route::Review(draft.id.clone())),
            Err(e) if for_review.try_get_untracked().unwrap_or(false) => {
                status.set(format!("The file was read but could not be stored for review: {e}."))
            }
            Ok(_) => {
                status.set(format!("{verb} \"{name}\"."));
                refresh();
                let id = draft.id.clone();
                request_animation_frame(move || focus_id(&format!("open-{id}")));
            }
            Err(e) => status.set(format!("The file was read but could not be stored: {e}.")),
        }
    };
    let on_import = move |ev: web_sys::Event, review: bool| {
        for_review.set(review);
        signed_review.set(None);
        import_problems.set(None);
        status.set(String::new());
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            // Too large, unreadable or not UTF-8: an error of the file, in
            // the problem list.
            let report = ReportTo::Problems {
                problems: import_problems,
                focus: "import-problems",
            };
            let Some((file, text)) = read_or_report(&file, MAX_FILE_BYTES, report).await else {
                return;
            };
            // The PDF worker reads the YAML; the page has no parser.
            let busy = Busy::start(status, "Reading the file…");
            let result = read_answer_file(file.clone(), text).await;
            busy.done();
            match result {
                Err(FileError::Worker(e)) if review => {
                    status.try_set(format!("\"{file}\" could not be opened for review: {e}."));
                }
                Err(FileError::Worker(e)) => {
                    status.try_set(format!("\"{file}\" could not be read: {e}."));
                }
                Err(FileError::Problems(problems)) => {
                    import_problems.set(Some(problems));
                    request_animation_frame(|| focus_id("import-problems"));
                }
                Ok(draft) => match storage::load(&draft.id) {
                    Ok(Some(existing)) => {
                        let (existing_name, existing_saved) = match existing {
                            Entry::Draft(d) => (d.display_name(), local_time(&d.saved_at)),
                            Entry::Unreadable { .. } => ("a damaged draft".to_owned(), String::new()),
                        };
                        clash.set(Some(Clash {
                            has_review: !draft.review.is_empty(),
                            incoming: draft,
                            existing_name,
                            existing_saved,
                        }));
                        request_animation_frame(|| focus_id("clash-cancel"));
                    }
                    _ => store_import(draft, "Imported"),
                },
            }
        });
    };
    let replace_existing = move |_| {
        if let Some(c) = clash.get_untracked() {
            clash.set(None);
            store_import(c.incoming, "Replaced with the file:");
        }
    };
    // A reviewed file coming back: keep the draft here as it is and take
    // only the reviewers' comments and decisions from the file.
    let add_review = move |_| {
        if let Some(c) = clash.get_untracked() {
            clash.set(None);
            match storage::load(&c.incoming.id) {
                Ok(Some(Entry::Draft(mut here))) => {
                    here.review = c.incoming.review;
                    here.saved_at = storage::now_iso();
                    store_import(here, "Added the review to");
                }
                _ => status.set("The draft here cannot be read, so the review could not be added to it.".to_owned()),
            }
        }
    };
    let keep_both = move |_| {
        if let Some(c) = clash.get_untracked() {
            clash.set(None);
            let mut draft = c.incoming;
            draft.id = storage::fresh_id();
            draft.name = format!("{} (imported)", draft.display_name());
            store_import(draft, "Imported a copy:");
        }
    };
    let cancel_clash = move || {
        clash.set(None);
        status.set("Nothing was imported.".to_owned());
        request_animation_frame(|| focus_id("import-file"));
    };

    let remove = move |key: String, name: String| match storage::remove_key(&key) {
        Ok(Some(raw)) => {
            // A draft's scores and demo notes go with it (and come back
            // with an undo).
            let companions: Vec<_> = storage::companions(&key)
                .into_iter()
                .filter(|(k, _)| storage::remove_key(k).is_ok())
                .collect();
            removed.set(Some(Removed {
                key,
                raw,
                name: name.clone(),
                companions,
            }));
            status.set(format!("Deleted \"{name}\"."));
            refresh();
            request_animation_frame(|| focus_id("undo-delete"));
        }
        Ok(None) => refresh(),
        Err(e) => status.set(format!("\"{name}\" could not be deleted: {e}.")),
    };
    let undo = move |_| {
        if let Some(r) = removed.get_untracked() {
            match storage::restore_key(&r.key, &r.raw) {
                Ok(()) => {
                    for (key, raw) in &r.companions {
                        // A demo link may have made a new note since; keep that.
                        let _ = storage::restore_key(key, raw);
                    }
                    status.set(format!("Restored \"{}\".", r.name));
                    // Focus goes to the draft that came back, where the
                    // Delete button was, not the page's body.
                    if let Some(id) = r.key.strip_prefix(storage::DRAFT_PREFIX) {
                        let target = format!("open-{id}");
                        request_animation_frame(move || focus_id(&target));
                    }
                }
                Err(e) => status.set(format!("\"{}\" could not be restored: {e}.", r.name)),
            }
            removed.set(None);
            refresh();
        }
    };

    let rows = move || match entries.get() {
        Err(_) => view! {
            <p class="notice-box" role="alert">
                "This browser is not letting the page save, so drafts cannot be kept here. "
                "You can still start a draft; download it as an answer file before you close the page."
            </p>
        }
        .into_any(),
        Ok(list) if list.is_empty() => view! { <p>"You have no drafts yet."</p> }.into_any(),
        Ok(list) => {
            // Two drafts with the same name are told apart by their ids.
            let names: Vec<String> = list
                .iter()
                .filter_map(|e| match e {
                    Entry::Draft(d) => Some(d.display_name()),
                    Entry::Unreadable { .. } => None,
                })
                .collect();
            let items = list
                .into_iter()
                .map(|entry| match entry {
                    Entry::Draft(d) => {
                        let shared = names.iter().filter(|n| **n == d.display_name()).count() > 1;
                        draft_row(d, RowOptions { shared_name: shared }, remove, refresh, status).into_any()
                    }
                    Entry::Unreadable { key, error, raw } => damaged_row(key, error.to_string(), raw, remove, status),
                })
                .collect_view();
            view! { <ul class="draft-list">{items}</ul> }.into_any()
        }
    };

    let has_drafts = move || entries.with(|e| e.as_ref().is_ok_and(|l| !l.is_empty()));
    let saved = move || {
        view! {
            <section aria-labelledby="list-heading">
                <h2 id="list-heading">"Saved in this browser"</h2>
                {rows}
            </section>
        }
    };
    view! {
        // The address holds the page, so the skip link moves focus itself
        // instead of following `#main`.
        <a class="skip-link" href="#main" on:click=move |ev| { ev.prevent_default(); focus_id("main"); }>"Skip to main content"</a>
        <header class="topbar">
            <p class="app-name">"Social Media Policy Builder"</p>
        </header>
        <main class="drafts-page" id="main" tabindex="-1">
            <h1>"Your drafts"</h1>
            <p class="lede">
                "Answer questions about your healthcare organization and get a social media policy for its staff, ready to review and export as a PDF. "
                "Drafts stay in this browser. Nothing you type is sent anywhere. "
                "Download an answer file to keep a copy or send it to a reviewer."
            </p>
            <p class="status" role="status" aria-live="polite">
                {move || status.get()}
                {move || removed.get().map(|_| view! { " " <button type="button" id="undo-delete" class="link" on:click=undo>"Undo"</button> })}
            </p>
            {move || clash.get().map(|c| view! {
                <div class="alert" role="alertdialog" aria-labelledby="clash-heading" aria-describedby="clash-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { cancel_clash() }>
                    <h2 id="clash-heading">"You already have this draft"</h2>
                    <p id="clash-text">
                        {format!("The file is a version of \"{}\"", c.existing_name)}
                        {(!c.existing_saved.is_empty()).then(|| format!(", last changed here {}", c.existing_saved))}
                        {if c.has_review {
                            ". Add the file's review to the draft here, replace the draft here with the file, or keep both?"
                        } else {
                            ". The file holds no review. Replace the draft here with the file, or keep both?"
                        }}
                    </p>
                    <div class="actions">
                        {c.has_review.then(|| view! { <button type="button" class="primary" on:click=add_review>"Add the review to the draft here"</button> })}
                        <button type="button" on:click=replace_existing>"Replace the draft here"</button>
                        <button type="button" on:click=keep_both>"Keep both"</button>
                        <button type="button" id="clash-cancel" on:click=move |_| cancel_clash()>"Cancel"</button>
                    </div>
                </div>
            })}
            {move || signed_review.get().map(|review| view! { <ReviewSignatures review /> })}
            // Say what the user was doing: importing, or opening a file to review.
            {move || import_problems.get().map(|d| {
                let title = if for_review.get_untracked() {
                    "The draft file could not be opened for review"
                } else {
                    "The answer file could not be imported"
                };
                crate::app::shell::problem_list::problem_summary("import-problems", title, &d)
            })}
            // Saved drafts come first when there are any, so that they show
            // without scrolling.
            {move || has_drafts().then(saved)}
            <section class="start" aria-labelledby="start-heading">
                <h2 id="start-heading">"Start a draft"</h2>
                <div class="start-options">
                    <div class="start-option">
                        <button type="button" class="primary" on:click=start_empty>"Start a new draft"</button>
                    </div>
                    <div class="start-option">
                        <h3 id="samples-heading">"Start from a sample organization"</h3>
                        <ul class="sample-list" aria-labelledby="samples-heading">{sample_buttons}</ul>
                    </div>
                    <div class="start-option">
                        <label for="import-file">"Import an answer file"</label>
                        <p class="hint" id="import-hint">"A .yaml file downloaded from this app."</p>
                        <input type="file" id="import-file" accept=".yaml,.yml,application/yaml,text/yaml" aria-describedby="import-hint" on:change=move |ev| on_import(ev, false) />
                    </div>
                    <div class="start-option">
                        <label for="review-file">"Review a draft file"</label>
                        <p class="hint" id="review-hint">"Open a draft someone sent you, to comment and approve it. It works with no network."</p>
                        <input type="file" id="review-file" accept=".yaml,.yml,application/yaml,text/yaml" aria-describedby="review-hint" on:change=move |ev| on_import(ev, true) />
                    </div>
                </div>
            </section>
            {move || (!has_drafts()).then(saved)}
            <Safekeeping entries=entries.into() on_restored=Callback::new(move |_| refresh()) />
        </main>
    }
    .into_any()
}

/// Stores a new draft and opens it; without storage it is kept in memory.
fn open_new(app: &AppState, draft: StoredDraft) {
    let id = draft.id.clone();
    if storage::save(&draft).is_err() {
        app.scratch.set(Some(draft));
    }
    navigate(&Route::Questions(id));
}

/// How a draft's row is shown.
struct RowOptions {
    /// Another draft has the same name: show the draft's id too.
    shared_name: bool,
}

fn draft_row(
    d: StoredDraft,
    options: RowOptions,
    remove: impl Fn(String, String) + Copy + Send + Sync + 'static,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
    status: RwSignal<String>,
) -> impl IntoView {
    let name = d.display_name();
    let id = d.id.clone();
    let renaming = RwSignal::new(false);
    // The field starts with the name the list shows, even when the draft
    // is named after its organization.
    let new_name = RwSignal::new(name.clone());
    // Read the entry again at each action: another tab may have changed it
    // since the list was drawn.
    let fresh = {
        let id = id.clone();
        move || match storage::load(&id) {
            Ok(Some(Entry::Draft(d))) => Ok(d),
            _ => Err("it has changed in another tab and can no longer be read; reload the page".to_owned()),
        }
    };
    let rename_input = format!("rename-{id}");
    let open_link = format!("open-{id}");
    let back_to_link = move || {
        let target = open_link.clone();
        request_animation_frame(move || focus_id(&target));
    };
    let save_name = {
        let (name, fresh) = (name.clone(), fresh.clone());
        move || {
            let mut d = match fresh() {
                Ok(d) => d,
                Err(e) => return status.set(format!("\"{name}\" could not be renamed: {e}.")),
            };
            d.name = new_name.get_untracked().trim().chars().take(200).collect();
            d.saved_at = storage::now_iso();
            match storage::save(&d) {
                Ok(_) => {
                    status.set(format!("Renamed \"{name}\" to \"{}\".", d.display_name()));
                    refresh();
                }
                Err(e) => status.set(format!("\"{name}\" could not be renamed: {e}.")),
            }
        }
    };
    let duplicate = {
        let (name, fresh) = (name.clone(), fresh.clone());
        move |_| {
            let mut copy = match fresh() {
                Ok(d) => d,
                Err(e) => return status.set(format!("\"{name}\" could not be copied: {e}.")),
            };
            copy.id = storage::fresh_id();
            copy.name = format!("Copy of {name}");
            copy.created_at = storage::now_iso();
            copy.saved_at = copy.created_at.clone();
            match storage::save(&copy) {
                Ok(_) => {
                    status.set(format!("Made \"{}\".", copy.name));
                    refresh();
                    let id = copy.id.clone();
                    request_animation_frame(move || focus_id(&format!("open-{id}")));
                }
                Err(e) => status.set(format!("\"{name}\" could not be copied: {e}.")),
            }
        }
    };
    let export = {
        let (name, fresh) = (name.clone(), fresh.clone());
        move |_| {
            let name = name.clone();
            let failed = move |e: String| status.try_set(format!("\"{name}\" could not be downloaded: {e}."));
            match fresh() {
                Ok(draft) => leptos::task::spawn_local(async move {
                    if let Err(e) = download_answer_file(draft, status).await {
                        failed(e.to_string());
                    }
                }),
                Err(e) => {
                    failed(e);
                }
            }
        }
    };
    let delete = {
        let name = name.clone();
        let key = storage::key(&id);
        move |_| remove(key.clone(), name.clone())
    };
    let open_id = format!("open-{id}");
    let href = Route::Questions(id.clone()).href();
    let trainer = Route::Trainer {
        draft: id.clone(),
        deck: None,
        card: None,
    }
    .href();
    let time_id = format!("time-{id}");
    let label = name.clone();
    let rename_label = format!("New name for \"{name}\"");
    view! {
        <li class="draft">
            <h3><a id=open_id.clone() href=href aria-describedby=time_id.clone()>{name.clone()}</a></h3>
            <p class="meta" id=time_id>
                {format!("Last changed {}", local_time(&d.saved_at))}
                {options.shared_name.then(|| format!(" (draft {id})"))}
            </p>
            {NextReview::from_answers(&d.answers, &storage::today_iso()).map(|next| view! {
                <p class=if next.passed { "meta review-due" } else { "meta" }>{next.label()}</p>
            })}
            {move || {
                if renaming.get() {
                    let save_name = save_name.clone();
                    let (back1, back2, back3) = (back_to_link.clone(), back_to_link.clone(), back_to_link.clone());
                    view! {
                        <form class="rename" on:submit=move |ev| { ev.prevent_default(); renaming.set(false); save_name(); back1(); }>
                            <label for=rename_input.clone()>{rename_label.clone()}</label>
                            <input id=rename_input.clone() type="text" maxlength="200" prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev))
                                on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false); back2(); } />
                            <button type="submit">"Save name"</button>
                            <button type="button" on:click=move |_| { renaming.set(false); back3(); }>"Cancel"</button>
                        </form>
                    }
                    .into_any()
                } else {
                    let label = label.clone();
                    let focus_target = rename_input.clone();
                    view! {
                        <div class="actions">
                            <button type="button" on:click=move |_| {
                                renaming.set(true);
                                let target = focus_target.clone();
                                request_animation_frame(move || focus_id(&target));
                            }>
                                "Rename"<span class="visually-hidden">{format!(" {label}")}</span>
                            </button>
                            <button type="button" on:click=duplicate.clone()>"Duplicate"<span class="visually-hidden">{format!(" {label}")}</span></button>
                            <button type="button" on:click=export.clone()>"Download answer file"<span class="visually-hidden">{format!(" of {label}")}</span></button>
                            <a href=trainer.clone() aria-describedby=open_id.clone()>"Trainer mode"</a>
                            <button type="button" class="danger" on:click=delete.clone()>"Delete"<span class="visually-hidden">{format!(" {label}")}</span></button>
                        </div>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}

fn damaged_row(
    key: String,
    error: String,
    raw: String,
    remove: impl Fn(String, String) + Copy + Send + Sync + 'static,
    status: RwSignal<String>,
) -> AnyView {
    let file = format!(
        "damaged-draft-{}.json",
        key.rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or("entry")
    );
    let keep = move |_| {
        if let Err(e) = download(raw.as_bytes(), &file, "application/json") {
            status.set(format!("The entry could not be downloaded: {e}."));
        }
    };
    let label = "damaged draft".to_owned();
    view! {
        <li class="draft damaged">
            <h3>"A saved draft that cannot be opened"</h3>
            <p>{capitalize(&error)}". It is kept as it is until you delete it."</p>
            <div class="actions">
                <button type="button" on:click=keep>"Download it as a file"</button>
                <button type="button" class="danger" on:click=move |_| remove(key.clone(), label.clone())>"Delete it"</button>
            </div>
        </li>
    }
    .into_any()
}
