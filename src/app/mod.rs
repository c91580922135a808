//! The Leptos shell: the drafts page, and for each draft its questions with
//! the live preview and its check-answers page. It holds state and talks
//! to the browser; all policy wording comes from [`crate::policy`].

mod browser;
mod builder;
mod drafts;
mod i18n;
mod review;
mod shell;
mod trainer;

pub use browser::language::prepare as prepare_language;
pub use browser::panic_screen;

use leptos::either::{EitherOf3, EitherOf4};
use leptos::prelude::*;

use browser::storage::Entry;
use builder::check_page::CheckPage;
use builder::checks_panel::ChecksPanel;
use builder::draft_bar::DraftBar;
use builder::policy_language::PolicyLanguageChoice;
use builder::question_page::QuestionPage;
use drafts::drafts_page::DraftsPage;
use i18n::{tr, tv};
use review::review_page::ReviewPage;
use shell::part::Part;
pub use shell::part::{DemoPage, DraftPages, PartFuture, Parts};
use shell::preview::Preview;
use shell::problem_page::ProblemPage;
use shell::route::{current_route, Route};
use shell::session::Session;
use shell::storage_notice::StorageNotice;
use shell::{use_app, AppState};

/// The whole app: loads the shipped templates and shows the page the URL
/// names, or the template problems if the templates are broken. `parts`
/// fetches the parts of the page's WebAssembly that are not in its first
/// module (the page binary's split points).
#[component]
pub fn App(parts: Parts) -> impl IntoView {
    // The interface language first, so that even the template problems
    // below are told in it.
    let lang = browser::language::initial();
    i18n::set_lang(lang);
    browser::language::show_on_page(lang);
    // The policy content comes as a data file per language: the
    // interface language's is fetched at once (the build preloads the
    // English), others when a draft or a sample needs them.
    let contents = shell::content::Contents::new();
    contents.want(shell::content::language_of(lang));
    // A draft saved by the first version of the app moves to its own entry.
    let _ = browser::storage::migrate_legacy(&browser::storage::fresh_id());
    let app = AppState {
        contents,
        route: current_route(),
        scratch: RwSignal::new(None),
    };
    provide_context(app.clone());
    let features = browser::features::Features::detect();
    let update = RwSignal::new(browser::service_worker::Update::None);
    browser::service_worker::register(update);
    // A draft's pages and the demo are parts of the page's WebAssembly,
    // fetched when first needed (`shell::part`). Once the drafts page can
    // be used, the draft part comes while the user reads it, so that
    // opening a draft does not wait.
    let draft_part = Part::new(parts.draft);
    let demo_part = Part::new(parts.demo);
    let first = app.contents;
    leptos::task::spawn_local(async move {
        if first.wait(shell::content::language_of(lang)).await.is_ok() {
            // A failure is said when a draft is opened, and tried again there.
            draft_part.fetch();
        }
    });
    let route = app.route;
    let open = Memo::new(move |_| route.with(|r| r.draft().map(str::to_owned)));
    // Each demo link is opened afresh, even when one follows another.
    let demo = Memo::new(move |_| route.with(|r| matches!(r, Route::Demo { .. }).then(|| r.clone())));
    view! {
        <shell::update_banner::UpdateBanner update=update />
        <shell::feature_notice::FeatureNotice features=features />
        // One variant per page, so that changing page replaces the view
        // whole (with erased components every page has the same view type,
        // and an `AnyView` would be patched node by node instead, moving
        // where the next Tab starts).
        {move || match open.get() {
            None if demo.get().is_some() => EitherOf3::A(demo_part.show(|demo: DemoPage| demo())),
            None => EitherOf3::B(view! { <DraftsPage /> }),
            Some(id) => EitherOf3::C(draft_part.show(move |draft: DraftPages| draft(id.clone()))),
        }}
    }
    .into_any()
}

/// Draft `id`'s pages: what the page binary's draft part shows.
pub fn draft_view(id: String) -> AnyView {
    view! { <DraftView id=id /> }.into_any()
}

/// The trainer's demo page: what the page binary's demo part shows.
pub fn demo_view() -> AnyView {
    view! { <trainer::demo::TrainerDemo /> }.into_any()
}

/// One draft's pages, sharing its session while the user moves between
/// the questions and the check-answers page. Opened again, with the draft
/// as it stands, when the policy's main language changes.
#[component]
fn DraftView(id: String) -> impl IntoView {
    let Some(app) = use_app() else {
        return ().into_any();
    };
    let generation = RwSignal::new(0_u32);
    let handed = StoredValue::new(None::<crate::policy::files::draft::StoredDraft>);
    let reopen = Callback::new(move |draft| {
        handed.set_value(Some(draft));
        generation.update(|g| *g += 1);
        // The language choice that did it is made again: focus goes back there.
        request_animation_frame(|| browser::focus::focus_id("policy-language"));
    });
    (move || {
        generation.track();
        let draft = handed.try_update_value(Option::take).flatten();
        // Nothing read while opening (the interface language, for one)
        // opens the draft again.
        untrack(|| draft_pages(&app, &id, draft, reopen))
    })
    .into_any()
}

/// The pages of draft `id` (or of `handed`, the draft as it stood before
/// it was opened again), once its policy language's content is there.
fn draft_pages(
    app: &AppState,
    id: &str,
    handed: Option<crate::policy::files::draft::StoredDraft>,
    reopen: Callback<crate::policy::files::draft::StoredDraft>,
) -> AnyView {
    let found = match handed {
        Some(d) => Ok(d),
        None => match browser::storage::load(id) {
            Ok(Some(Entry::Draft(d))) => Ok(d),
            Ok(Some(Entry::Unreadable { error, .. })) => Err(tr!("draft-unreadable", error = error.to_string())),
            _ => match app.scratch.get_untracked().filter(|d| d.id == id) {
                Some(d) => Ok(d),
                None => Err(tr!("draft-not-here")),
            },
        },
    };
    let draft = match found {
        Ok(d) => d,
        Err(message) => {
            return view! {
                <ProblemPage heading=tv!("draft-not-found")>
                    <p>{message}</p>
                </ProblemPage>
            }
            .into_any();
        }
    };
    let languages = draft.languages;
    for language in languages.all() {
        app.contents.want(language);
    }
    let (app, draft) = (app.clone(), StoredValue::new(Some(draft)));
    shell::content::with_shipped(
        app.contents,
        languages.main(),
        shell::content::Around::Main,
        move |shipped| {
            match draft.try_update_value(Option::take).flatten() {
                Some(draft) => open_draft(&app, shipped, draft, reopen),
                // Shown once; a second call (content fetched again) has no draft.
                None => ().into_any(),
            }
        },
    )
    .into_any()
}

/// The session of `draft` and its pages.
fn open_draft(
    app: &AppState,
    shipped: std::sync::Arc<crate::policy::content::Shipped>,
    draft: crate::policy::files::draft::StoredDraft,
    reopen: Callback<crate::policy::files::draft::StoredDraft>,
) -> AnyView {
    let opening = shell::session::Opening {
        shipped,
        contents: app.contents,
        scratch: app.scratch,
        reopen,
    };
    let session = Session::open(opening, draft);
    provide_context(session.clone());
    let route = app.route;
    // Arriving to change one answer (a Change link, or a reload of its
    // address): open its section and focus the question. The route
    // listener is an event handler, so no effect writes the session.
    let arrive = {
        let session = session.clone();
        move |route: &Route| {
            if let Route::Change(_, question) = route {
                if session.change_answer(question) {
                    let question = question.clone();
                    request_animation_frame(move || browser::focus::focus_question(&question));
                }
            }
        }
    };
    arrive(&route.get_untracked());
    let listener = shell::route::listen(arrive);
    on_cleanup(move || shell::route::unlisten(listener));
    view! {
        <DraftBar />
        <StorageNotice />
        // As in `App`: one variant per page, replaced whole.
        {move || match route.get() {
            Route::Check(_) => EitherOf4::A(view! { <Questions><CheckPage /></Questions> }),
            Route::Review(_) => EitherOf4::B(view! { <ReviewPage /> }),
            Route::Trainer { deck, card, .. } => EitherOf4::C(view! { <trainer::page::TrainerPage deck=deck card=card /> }),
            _ => EitherOf4::D(view! { <Builder /> }),
        }}
    }
    .into_any()
}

/// `children`, shown again in the words of the interface language when it
/// changes (the questionnaire's text is content, not interface messages).
#[component]
fn Questions(children: ChildrenFn) -> impl IntoView {
    let Some(session) = shell::session::use_session() else {
        return ().into_any();
    };
    let shown = Memo::new(move |_| session.questions_language());
    (move || {
        // Read, not only tracked: a memo never read is never worked out,
        // and so never learns what it depends on.
        let _ = shown.get();
        untrack(|| children())
    })
    .into_any()
}

/// The questions with the checks beside them and the live preview.
#[component]
fn Builder() -> impl IntoView {
    let show_preview = RwSignal::new(false);
    view! {
        <div class="preview-toggle">
            <button type="button" aria-controls="preview" aria-expanded=move || show_preview.get().to_string()
                on:click=move |_| show_preview.update(|s| *s = !*s)>
                {move || if show_preview.get() { tr!("preview-hide") } else { tr!("preview-show") }}
            </button>
        </div>
        <main class="workspace" id="main" class:preview-open=move || show_preview.get()>
            <div class="left">
                <PolicyLanguageChoice />
                <Questions>
                    <QuestionPage />
                    <ChecksPanel />
                </Questions>
            </div>
            <Preview />
        </main>
    }
}
