//! Keeping drafts safe, on the drafts page: what the browser promises about
//! keeping them (and asking it to keep them once there is a draft worth
//! keeping), which drafts changed since they were last kept as a file, a
//! warning before storage is too full to save, and a backup of every draft
//! as one file that restores into this browser or any other, asking about
//! each draft whose id is already used here. The file format is
//! [`crate::policy::files::backup`].

use leptos::prelude::*;

use crate::app::browser::download::download;
use crate::app::browser::focus::focus_id;
use crate::app::browser::persistence;
use crate::app::browser::storage::{self, local_time, today_iso, Entry, SaveError};
use crate::app::browser::worker_client;
use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::files::{read_chosen_up_to, ReportTo};
use crate::policy::files::backup::{self, Backup, DraftCopy};

/// A restore under way: the drafts still to put in, and what happened so far.
#[derive(Clone)]
struct Restoring {
    /// The backup's drafts from the one being decided on.
    queue: Vec<DraftCopy>,
    restored: usize,
    skipped: usize,
    reviewer_name: Option<String>,
}

/// What the browser said about keeping the site's storage.
#[derive(Clone, Copy, PartialEq)]
enum Kept {
    Checking,
    Persistent,
    NotPersistent,
    Unknown,
}

/// The "Keep your drafts safe" section of the drafts page.
#[component]
pub fn Safekeeping(
    /// The drafts as the page lists them.
    entries: Signal<Result<Vec<Entry>, SaveError>>,
    /// Called once drafts were restored, to list them.
    on_restored: Callback<()>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let restoring = RwSignal::new(None::<Restoring>);
    let backed_up = RwSignal::new(storage::backed_up_at());
    let kept = RwSignal::new(Kept::Checking);
    let estimate = RwSignal::new(None::<(f64, f64)>);

    // Ask the browser to keep storage once there is a draft worth keeping
    // (one with an answer); the browser remembers a grant, so asking on
    // each visit until then costs nothing.
    let worth_keeping = move || {
        entries.with(|e| {
            e.as_ref().is_ok_and(|l| {
                l.iter()
                    .any(|d| matches!(d, Entry::Draft(d) if !d.answers.0.is_empty()))
            })
        })
    };
    Effect::new(move |asked: Option<bool>| {
        let asked = asked.unwrap_or(false);
        let ask = worth_keeping() && !asked;
        leptos::task::spawn_local(async move {
            let _ = estimate.try_set(persistence::estimate().await);
        });
        // Firefox asks the user, and its promise waits for the answer:
        // until then the line says nothing rather than guess.
        leptos::task::spawn_local(async move {
            let now = persistence::persisted().await;
            let granted = match now {
                Some(false) if ask => persistence::persist().await.or(Some(false)),
                other => other,
            };
            let _ = kept.try_set(match granted {
                Some(true) => Kept::Persistent,
                Some(false) => Kept::NotPersistent,
                None => Kept::Unknown,
            });
        });
        asked || ask
    });

    let kept_line = move || match kept.get() {
        Kept::Checking => String::new(),
        Kept::Persistent => tr!("safe-persistent"),
        Kept::NotPersistent => tr!("safe-not-persistent"),
        Kept::Unknown => tr!("safe-unknown"),
    };

    let changed_line = move || {
        let since = backed_up.get();
        entries.with(|e| {
            let drafts: Vec<_> = e
                .as_ref()
                .map(|l| {
                    l.iter()
                        .filter_map(|d| match d {
                            Entry::Draft(d) => Some(d),
                            Entry::Unreadable { .. } => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            if drafts.is_empty() {
                return String::new();
            }
            let changed = drafts
                .iter()
                .filter(|d| {
                    backup::changed_since_kept(&d.saved_at, since.as_deref(), storage::downloaded_at(&d.id).as_deref())
                })
                .count();
            let when = since.as_deref().map(local_time);
            match (changed, when) {
                (0, Some(when)) => tr!("safe-all-kept-since", time = when),
                (0, None) => tr!("safe-all-downloaded"),
                (n, Some(when)) => tr!("safe-changed-since", count = n, time = when),
                (n, None) => tr!("safe-never-backed-up", count = n),
            }
        })
    };

    // The real size of the entries against localStorage's limit, and the
    // browser's own estimate against its quota: whichever is nearer.
    let quota_warning = move || {
        entries.track();
        let used = storage::used_bytes() as f64;
        let limit = storage::LOCAL_STORAGE_LIMIT as f64;
        let near_entries = backup::near_limit(used, limit);
        let near_quota = estimate.get().is_some_and(|(u, q)| backup::near_limit(u, q));
        (near_entries || near_quota).then(|| {
            let mb = |b: f64| crate::app::i18n::megabytes(b / 1024.0 / 1024.0, 1);
            view! {
                <div class="alert" role="alert">
                    <h3>{tv!("safe-full-heading")}</h3>
                    <p>{move || if near_entries {
                        tr!("safe-full-entries", used = mb(used), limit = mb(limit))
                    } else {
                        tr!("safe-full-quota")
                    }}</p>
                    <p>{tv!("safe-full-advice")}</p>
                </div>
            }
        })
    };

    let back_up = move |_| {
        problem.set(String::new());
        let (copies, reviewer) = match storage::backup_copies() {
            Ok(found) => found,
            Err(e) => return problem.set(tr!("safe-backup-read-failed", error = e.said())),
        };
        let now = storage::now_iso();
        let n = copies.len();
        let file = format!("policy-builder-backup-{}.json", today_iso());
        let text = Backup::new(now.clone(), copies, reviewer).to_json();
        match download(text.as_bytes(), &file, "application/json") {
            Ok(()) => {
                storage::remember_backup(&now);
                backed_up.set(Some(now));
                status.set(tr!("safe-backed-up", count = n, file = file.clone()));
            }
            Err(e) => problem.set(tr!("safe-backup-download-failed", error = e.said())),
        }
    };

    // Puts in every draft of the queue whose id is free, and stops at the
    // first whose id is taken, for the user to decide.
    let advance = move |mut r: Restoring| {
        let here = storage::draft_ids();
        while let Some(copy) = r.queue.first().cloned() {
            if here.contains(&copy.id) {
                restoring.set(Some(r));
                request_animation_frame(|| focus_id("restore-skip"));
                return;
            }
            if let Err(e) = storage::restore_copy(&copy) {
                problem.set(tr!(
                    "safe-restore-stopped",
                    name = copy.display_name(),
                    error = e.said(),
                    count = r.restored
                ));
                restoring.set(None);
                on_restored.run(());
                return;
            }
            r.restored += 1;
            r.queue.remove(0);
        }
        if let Some(name) = &r.reviewer_name {
            storage::restore_reviewer_name(name);
        }
        restoring.set(None);
        status.set(match r.skipped {
            0 => tr!("safe-restored", count = r.restored),
            s => tr!("safe-restored-some", count = r.restored, skipped = s),
        });
        on_restored.run(());
    };

    let on_restore = move |ev: web_sys::Event| {
        status.set(String::new());
        problem.set(String::new());
        read_chosen_up_to(
            &ev,
            backup::MAX_BYTES as f64,
            ReportTo::Line(problem),
            move |name, text| match Backup::parse(&text) {
                Err(e) => problem.set(tr!(
                    "safe-restore-failed",
                    name = name.to_string(),
                    error = e.to_string()
                )),
                // Every review signature is checked again, as on an import:
                // the state a backup claims for its decisions is never taken.
                Ok(b) => {
                    status.set(tr!("safe-checking-signatures"));
                    leptos::task::spawn_local(async move {
                        let checked = worker_client::check_signatures(backup::reviews(&b.drafts))
                            .await
                            .map(|states| backup::with_states(b.drafts, states));
                        match checked {
                            Ok(Some(queue)) => {
                                status.set(String::new());
                                advance(Restoring {
                                    queue,
                                    restored: 0,
                                    skipped: 0,
                                    reviewer_name: b.reviewer_name,
                                });
                            }
                            failed => {
                                let why = match failed {
                                    Err(e) => e.said(),
                                    _ => tr!("safe-restore-other-answer"),
                                };
                                status.set(String::new());
                                problem.set(tr!("safe-restore-unchecked", name = name.to_string(), error = why));
                            }
                        }
                    });
                }
            },
        );
    };

    // The choices for the draft whose id is taken.
    let decide = move |choice: backup::Choice| {
        let Some(mut r) = restoring.get_untracked() else {
            return;
        };
        let Some(copy) = r.queue.first().cloned() else {
            return;
        };
        match choice {
            backup::Choice::Restore => {
                if let Err(e) = storage::restore_copy(&copy) {
                    problem.set(tr!(
                        "drafts-restore-failed",
                        name = copy.display_name(),
                        error = e.said()
                    ));
                    r.skipped += 1;
                } else {
                    r.restored += 1;
                }
            }
            backup::Choice::KeepBoth => match backup::renamed(&copy, &storage::fresh_id()) {
                Some(moved) if storage::restore_copy(&moved).is_ok() => r.restored += 1,
                _ => r.skipped += 1,
            },
            backup::Choice::Skip => r.skipped += 1,
        }
        r.queue.remove(0);
        advance(r);
    };

    let dialog = move || {
        restoring.get().and_then(|r| {
            let copy = r.queue.first()?.clone();
            let readable = copy.draft().is_ok();
            let here = match storage::load(&copy.id) {
                Ok(Some(Entry::Draft(d))) => tr!("safe-here", name = d.display_name(), time = local_time(&d.saved_at)),
                _ => tr!("safe-here-unreadable"),
            };
            let incoming = match copy.draft() {
                Ok(d) => tr!("safe-incoming", name = d.display_name(), time = local_time(&d.saved_at)),
                Err(_) => tr!("safe-incoming-unreadable", name = copy.display_name()),
            };
            Some(view! {
                <div class="alert" role="alertdialog" aria-labelledby="restore-heading" aria-describedby="restore-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { decide(backup::Choice::Skip) }>
                    <h3 id="restore-heading">{tv!("safe-clash-heading")}</h3>
                    <p id="restore-text">
                        {tr!("safe-clash-text", incoming = incoming, here = here)}
                    </p>
                    <div class="actions">
                        <button type="button" on:click=move |_| decide(backup::Choice::Restore)>{tv!("clash-replace")}</button>
                        {readable.then(|| view! { <button type="button" on:click=move |_| decide(backup::Choice::KeepBoth)>{tv!("clash-keep-both")}</button> })}
                        <button type="button" id="restore-skip" on:click=move |_| decide(backup::Choice::Skip)>{tv!("safe-leave-out")}</button>
                    </div>
                </div>
            })
        })
    };

    view! {
        <section class="safekeeping" aria-labelledby="safe-heading">
            <h2 id="safe-heading">{tv!("safe-heading")}</h2>
            <p>{kept_line}</p>
            <p>{changed_line}</p>
            {quota_warning}
            <div class="actions">
                <button type="button" on:click=back_up>{tv!("safe-back-up")}</button>
            </div>
            <label for="restore-file">{tv!("safe-restore")}</label>
            <p class="hint" id="restore-hint">{tv!("safe-restore-hint")}</p>
            <input type="file" id="restore-file" accept=".json,application/json" aria-describedby="restore-hint" on:change=on_restore />
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || (!problem.get().is_empty()).then(|| view! { <p class="notice-box" role="alert">{problem.get()}</p> })}
            {dialog}
        </section>
    }
}
