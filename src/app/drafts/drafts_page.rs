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
use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::content::{language_of, with_index, Around, Fetched};
use crate::app::shell::files::{download_answer_file, read_or_report, Busy, ReportTo, MAX_FILE_BYTES};
use crate::app::shell::language_switch::LanguageSwitch;
use crate::app::shell::route::{navigate, Route};
use crate::app::shell::{use_app, AppState};
use crate::policy::diag::Diagnostics;
use crate::policy::files::draft::StoredDraft;
use crate::policy::files::review::Review;
use crate::policy::fill::lifecycle::NextReview;
use crate::policy::fill::text::capitalize;
use crate::policy::model::language::PolicyLanguages;

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
    // Starting a draft needs the content of the interface language: its
    // sample names, and the clause packs a new draft records it is made
    // on (the same in every language). A sample written in another
    // language (the Quebec one is French) opens with that language's
    // content, fetched when it is chosen.
    let contents = app.contents;
    let starts = {
        let start = start.clone();
        move |fetched: std::sync::Arc<Fetched>| {
            let made_on = fetched.index.packs.clone();
            let sample_buttons = fetched
                .index
                .samples
                .iter()
                .map(|(file, sample)| {
                    let (start, file, made_on) = (start.clone(), file.clone(), made_on.clone());
                    let (name, language) = (sample.name.clone(), sample.language);
                    let open = move |_| {
                        let (start, file, made_on) = (start.clone(), file.clone(), made_on.clone());
                        leptos::task::spawn_local(async move {
                            match contents.wait(language).await {
                                Ok(there) => match there.index.sample(&file) {
                                    Some(sample) => {
                                        let mut draft =
                                            StoredDraft::new(storage::fresh_id(), storage::now_iso(), made_on);
                                        draft.answers = sample.answers.clone();
                                        draft.languages = PolicyLanguages::one(language);
                                        start(draft);
                                    }
                                    None => {
                                        status.try_set(tr!("sample-missing"));
                                    }
                                },
                                Err(e) => {
                                    status.try_set(tr!("content-fetch-failed", error = e.said()));
                                }
                            }
                        });
                    };
                    view! {
                        <li>
                            <button type="button" on:click=open>{name}</button>
                        </li>
                    }
                })
                .collect_view();
            let start = start.clone();
            let start_empty = move |_| {
                let mut draft = StoredDraft::new(storage::fresh_id(), storage::now_iso(), made_on.clone());
                // A new policy is written in the interface's language.
                draft.languages = PolicyLanguages::one(fetched.index.language);
                start(draft)
            };
            view! {
                <div class="start-option">
                    <button type="button" class="primary" on:click=start_empty>{tv!("start-new")}</button>
                </div>
                <div class="start-option">
                    <h3 id="samples-heading">{tv!("start-from-sample")}</h3>
                    <ul class="sample-list" aria-labelledby="samples-heading">{sample_buttons}</ul>
                </div>
            }
        }
    };
    let starts = move || {
        let language = language_of(crate::app::i18n::lang());
        with_index(contents, language, Around::Nothing, starts.clone())
    };

    // Whether the file being imported is to be reviewed: then it opens in
    // review mode once stored.
    let for_review = RwSignal::new(false);
    let store_import = move |draft: StoredDraft, how: Stored| {
        let name = draft.display_name();
        let signed = draft.review.decisions.iter().any(|d| d.signature.is_some());
        signed_review.set(signed.then(|| draft.review.clone()));
        match storage::save(&draft) {
            Ok(_) if for_review.try_get_untracked().unwrap_or(false) => navigate(&Route::Review(draft.id.clone())),
            Err(e) if for_review.try_get_untracked().unwrap_or(false) => {
                status.set(tr!("drafts-stored-for-review-failed", error = e.said()))
            }
            Ok(_) => {
                status.set(match how {
                    Stored::Imported => tr!("drafts-imported", name = name),
                    Stored::Replaced => tr!("drafts-replaced", name = name),
                    Stored::ReviewAdded => tr!("drafts-review-added", name = name),
                    Stored::Copy => tr!("drafts-imported-copy", name = name),
                });
                refresh();
                let id = draft.id.clone();
                request_animation_frame(move || focus_id(&format!("open-{id}")));
            }
            Err(e) => status.set(tr!("drafts-store-failed", error = e.said())),
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
            let busy = Busy::start(status, tr!("drafts-reading-file"));
            let result = read_answer_file(file.clone(), text).await;
            busy.done();
            match result {
                Err(FileError::Worker(e)) if review => {
                    status.try_set(tr!(
                        "drafts-open-for-review-failed",
                        file = file.clone(),
                        error = e.said()
                    ));
                }
                Err(FileError::Worker(e)) => {
                    status.try_set(tr!("drafts-read-failed", file = file.clone(), error = e.said()));
                }
                Err(FileError::Problems(problems)) => {
                    import_problems.set(Some(problems));
                    request_animation_frame(|| focus_id("import-problems"));
                }
                Ok(draft) => match storage::load(&draft.id) {
                    Ok(Some(existing)) => {
                        let (existing_name, existing_saved) = match existing {
                            Entry::Draft(d) => (d.display_name(), local_time(&d.saved_at)),
                            Entry::Unreadable { .. } => (tr!("drafts-a-damaged-draft"), String::new()),
                        };
                        clash.set(Some(Clash {
                            has_review: !draft.review.is_empty(),
                            incoming: draft,
                            existing_name,
                            existing_saved,
                        }));
                        request_animation_frame(|| focus_id("clash-cancel"));
                    }
                    _ => store_import(draft, Stored::Imported),
                },
            }
        });
    };
    let replace_existing = move |_| {
        if let Some(c) = clash.get_untracked() {
            clash.set(None);
            store_import(c.incoming, Stored::Replaced);
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
                    store_import(here, Stored::ReviewAdded);
                }
                _ => status.set(tr!("drafts-review-not-added")),
            }
        }
    };
    let keep_both = move |_| {
        if let Some(c) = clash.get_untracked() {
            clash.set(None);
            let mut draft = c.incoming;
            draft.id = storage::fresh_id();
            draft.name = tr!("drafts-imported-name", name = draft.display_name());
            store_import(draft, Stored::Copy);
        }
    };
    let cancel_clash = move || {
        clash.set(None);
        status.set(tr!("drafts-nothing-imported"));
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
            status.set(tr!("drafts-deleted", name = name));
            refresh();
            request_animation_frame(|| focus_id("undo-delete"));
        }
        Ok(None) => refresh(),
        Err(e) => status.set(tr!("drafts-delete-failed", name = name, error = e.said())),
    };
    let undo = move |_| {
        if let Some(r) = removed.get_untracked() {
            match storage::restore_key(&r.key, &r.raw) {
                Ok(()) => {
                    for (key, raw) in &r.companions {
                        // A demo link may have made a new note since; keep that.
                        let _ = storage::restore_key(key, raw);
                    }
                    status.set(tr!("drafts-restored", name = r.name.clone()));
                    // Focus goes to the draft that came back, where the
                    // Delete button was, not the page's body.
                    if let Some(id) = r.key.strip_prefix(storage::DRAFT_PREFIX) {
                        let target = format!("open-{id}");
                        request_animation_frame(move || focus_id(&target));
                    }
                }
                Err(e) => status.set(tr!("drafts-restore-failed", name = r.name.clone(), error = e.said())),
            }
            removed.set(None);
            refresh();
        }
    };

    let rows = move || match entries.get() {
        Err(_) => view! {
            <p class="notice-box" role="alert">
                {tv!("drafts-no-storage")}
            </p>
        }
        .into_any(),
        Ok(list) if list.is_empty() => view! { <p>{tv!("drafts-none-yet")}</p> }.into_any(),
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
            let count = names.len();
            view! {
                <p class="hint">{move || tr!("drafts-count", count = count)}</p>
                <ul class="draft-list">{items}</ul>
            }
            .into_any()
        }
    };

    let has_drafts = move || entries.with(|e| e.as_ref().is_ok_and(|l| !l.is_empty()));
    let saved = move || {
        view! {
            <section aria-labelledby="list-heading">
                <h2 id="list-heading">{tv!("drafts-saved-heading")}</h2>
                {rows}
            </section>
        }
    };
    view! {
        // The address holds the page, so the skip link moves focus itself
        // instead of following `#main`.
        <a class="skip-link" href="#main" on:click=move |ev| { ev.prevent_default(); focus_id("main"); }>{tv!("skip-to-main")}</a>
        <header class="topbar">
            <p class="app-name">{tv!("app-name")}</p>
            <LanguageSwitch />
        </header>
        <main class="drafts-page" id="main" tabindex="-1">
            <h1>{tv!("drafts-heading")}</h1>
            <p class="lede">
                {tv!("drafts-lede")}
            </p>
            <p class="status" role="status" aria-live="polite">
                {move || status.get()}
                {move || removed.get().map(|_| view! { " " <button type="button" id="undo-delete" class="link" on:click=undo>{tv!("drafts-undo")}</button> })}
            </p>
            {move || clash.get().map(|c| view! {
                <div class="alert" role="alertdialog" aria-labelledby="clash-heading" aria-describedby="clash-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { cancel_clash() }>
                    <h2 id="clash-heading">{tv!("clash-heading")}</h2>
                    <p id="clash-text">
                        {
                            let (name, saved, review) = (c.existing_name.clone(), c.existing_saved.clone(), c.has_review);
                            move || tr!("clash-text",
                                name = name.clone(),
                                saved = if saved.is_empty() { "none".to_owned() } else { saved.clone() },
                                review = if review { "yes" } else { "no" })
                        }
                    </p>
                    <div class="actions">
                        {c.has_review.then(|| view! { <button type="button" class="primary" on:click=add_review>{tv!("clash-add-review")}</button> })}
                        <button type="button" on:click=replace_existing>{tv!("clash-replace")}</button>
                        <button type="button" on:click=keep_both>{tv!("clash-keep-both")}</button>
                        <button type="button" id="clash-cancel" on:click=move |_| cancel_clash()>{tv!("cancel")}</button>
                    </div>
                </div>
            })}
            {move || signed_review.get().map(|review| view! { <ReviewSignatures review /> })}
            // Say what the user was doing: importing, or opening a file to review.
            {move || import_problems.get().map(|d| {
                let title = if for_review.get_untracked() {
                    tr!("drafts-review-problems-title")
                } else {
                    tr!("drafts-import-problems-title")
                };
                crate::app::shell::problem_list::problem_summary("import-problems", title, &d)
            })}
            // Saved drafts come first when there are any, so that they show
            // without scrolling.
            {move || has_drafts().then(saved)}
            <section class="start" aria-labelledby="start-heading">
                <h2 id="start-heading">{tv!("start-heading")}</h2>
                <div class="start-options">
                    {starts}
                    <div class="start-option">
                        <label for="import-file">{tv!("start-import")}</label>
                        <p class="hint" id="import-hint">{tv!("start-import-hint")}</p>
                        <input type="file" id="import-file" accept=".yaml,.yml,application/yaml,text/yaml" aria-describedby="import-hint" on:change=move |ev| on_import(ev, false) />
                    </div>
                    <div class="start-option">
                        <label for="review-file">{tv!("start-review")}</label>
                        <p class="hint" id="review-hint">{tv!("start-review-hint")}</p>
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

/// How an imported draft came to be stored, for the message that says so.
#[derive(Clone, Copy)]
enum Stored {
    /// A new draft from the file.
    Imported,
    /// The draft here replaced with the file.
    Replaced,
    /// The file's review added to the draft here.
    ReviewAdded,
    /// The file kept beside the draft here as a copy.
    Copy,
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
            _ => Err(tr!("drafts-changed-elsewhere")),
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
                Err(e) => return status.set(tr!("drafts-rename-failed", name = name.clone(), error = e)),
            };
            d.name = new_name.get_untracked().trim().chars().take(200).collect();
            d.saved_at = storage::now_iso();
            match storage::save(&d) {
                Ok(_) => {
                    status.set(tr!("drafts-renamed", name = name.clone(), new_name = d.display_name()));
                    refresh();
                }
                Err(e) => status.set(tr!("drafts-rename-failed", name = name.clone(), error = e.said())),
            }
        }
    };
    let duplicate = {
        let (name, fresh) = (name.clone(), fresh.clone());
        move |_| {
            let mut copy = match fresh() {
                Ok(d) => d,
                Err(e) => return status.set(tr!("drafts-copy-failed", name = name.clone(), error = e)),
            };
            copy.id = storage::fresh_id();
            copy.name = tr!("drafts-copy-name", name = name.clone());
            copy.created_at = storage::now_iso();
            copy.saved_at = copy.created_at.clone();
            match storage::save(&copy) {
                Ok(_) => {
                    status.set(tr!("drafts-copied", name = copy.name.clone()));
                    refresh();
                    let id = copy.id.clone();
                    request_animation_frame(move || focus_id(&format!("open-{id}")));
                }
                Err(e) => status.set(tr!("drafts-copy-failed", name = name.clone(), error = e.said())),
            }
        }
    };
    let export = {
        let (name, fresh) = (name.clone(), fresh.clone());
        move |_| {
            let name = name.clone();
            let failed = move |e: String| status.try_set(tr!("drafts-download-failed", name = name.clone(), error = e));
            match fresh() {
                Ok(draft) => leptos::task::spawn_local(async move {
                    if let Err(e) = download_answer_file(draft, status).await {
                        failed(e.said());
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
    let rename_label = {
        let name = name.clone();
        move || tr!("drafts-new-name-for", name = name.clone())
    };
    view! {
        <li class="draft">
            <h3><a id=open_id.clone() href=href aria-describedby=time_id.clone()>{name.clone()}</a></h3>
            <p class="meta" id=time_id>
                {
                    let (when, id, shared) = (local_time(&d.saved_at), id.clone(), options.shared_name);
                    move || if shared {
                        tr!("drafts-last-changed-id", time = when.clone(), id = id.clone())
                    } else {
                        tr!("drafts-last-changed", time = when.clone())
                    }
                }
            </p>
            {NextReview::from_answers(&d.answers, &storage::today_iso()).map(|next| view! {
                <p class=if next.passed { "meta review-due" } else { "meta" }>{crate::app::shell::labels::next_review(&next)}</p>
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
                            <button type="submit">{tv!("drafts-save-name")}</button>
                            <button type="button" on:click=move |_| { renaming.set(false); back3(); }>{tv!("cancel")}</button>
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
                                {tv!("drafts-rename")}<span class="visually-hidden">{format!(" {label}")}</span>
                            </button>
                            <button type="button" on:click=duplicate.clone()>{tv!("drafts-duplicate")}<span class="visually-hidden">{format!(" {label}")}</span></button>
                            <button type="button" on:click=export.clone()>{tv!("download-answer-file")}<span class="visually-hidden">{
                                let label = label.clone();
                                move || tr!("drafts-download-of", name = label.clone())
                            }</span></button>
                            <a href=trainer.clone() aria-describedby=open_id.clone()>{tv!("nav-trainer")}</a>
                            <button type="button" class="danger" on:click=delete.clone()>{tv!("drafts-delete")}<span class="visually-hidden">{format!(" {label}")}</span></button>
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
            status.set(tr!("drafts-entry-download-failed", error = e.said()));
        }
    };
    let label = tr!("drafts-damaged-label");
    view! {
        <li class="draft damaged">
            <h3>{tv!("drafts-damaged-heading")}</h3>
            <p>{move || tr!("drafts-damaged-text", error = capitalize(&error))}</p>
            <div class="actions">
                <button type="button" on:click=keep>{tv!("drafts-damaged-download")}</button>
                <button type="button" class="danger" on:click=move |_| remove(key.clone(), label.clone())>{tv!("drafts-damaged-delete")}</button>
            </div>
        </li>
    }
    .into_any()
}
