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

use std::sync::Arc;

use leptos::either::{EitherOf3, EitherOf4};
use leptos::prelude::*;

use crate::policy::bundle::Policy;
use browser::storage::Entry;
use builder::check_page::CheckPage;
use builder::checks_panel::ChecksPanel;
use builder::draft_bar::DraftBar;
use builder::question_page::QuestionPage;
use drafts::drafts_page::DraftsPage;
use i18n::{tr, tv};
use review::review_page::ReviewPage;
use shell::preview::Preview;
use shell::route::{current_route, Route};
use shell::session::Session;
use shell::storage_notice::StorageNotice;
use shell::{use_app, AppState};

/// The whole app: loads the shipped templates and shows the page the URL
/// names, or the template problems if the templates are broken.
#[component]
pub fn App() -> impl IntoView {
    // The interface language first, so that even the template problems
    // below are told in it.
    let lang = browser::language::initial();
    i18n::set_lang(lang);
    browser::language::show_on_page(lang);
    let policy = match Policy::builtin() {
        Ok(policy) => Arc::new(policy),
        Err(diagnostics) => {
            let items = diagnostics
                .0
                .into_iter()
                .map(|d| view! { <li>{d.to_string()}</li> })
                .collect_view();
            return view! {
                <main class="broken">
                    <h1>{tv!("broken-heading")}</h1>
                    <p>{tv!("broken-text")}</p>
                    <ul>{items}</ul>
                </main>
            }
            .into_any();
        }
    };
    // A draft saved by the first version of the app moves to its own entry.
    let _ = browser::storage::migrate_legacy(&browser::storage::fresh_id());
    let app = AppState {
        policy,
        route: current_route(),
        scratch: RwSignal::new(None),
    };
    provide_context(app.clone());
    let features = browser::features::Features::detect();
    let update = RwSignal::new(browser::service_worker::Update::None);
    browser::service_worker::register(update);
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
            None if demo.get().is_some() => EitherOf3::A(view! { <trainer::demo::TrainerDemo /> }),
            None => EitherOf3::B(view! { <DraftsPage /> }),
            Some(id) => EitherOf3::C(view! { <DraftView id=id /> }),
        }}
    }
    .into_any()
}

/// One draft's pages, sharing its session while the user moves between
/// the questions and the check-answers page.
#[component]
fn DraftView(id: String) -> impl IntoView {
    let Some(app) = use_app() else {
        return ().into_any();
    };
    let found = match browser::storage::load(&id) {
        Ok(Some(Entry::Draft(d))) => Ok(d),
        Ok(Some(Entry::Unreadable { error, .. })) => Err(tr!("draft-unreadable", error = error.to_string())),
        _ => match app.scratch.get_untracked().filter(|d| d.id == id) {
            Some(d) => Ok(d),
            None => Err(tr!("draft-not-here")),
        },
    };
    let draft = match found {
        Ok(d) => d,
        Err(message) => {
            return view! {
                <header class="topbar">
                    <p class="app-name">{tv!("app-name")}</p>
                    <shell::language_switch::LanguageSwitch />
                </header>
                <main class="drafts-page" id="main">
                    <h1>{tv!("draft-not-found")}</h1>
                    <p>{message}</p>
                    <p><a href=Route::Drafts.href()>{tv!("go-to-drafts")}</a></p>
                </main>
            }
            .into_any();
        }
    };
    let session = Session::open(app.policy.clone(), draft, app.scratch);
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
            Route::Check(_) => EitherOf4::A(view! { <CheckPage /> }),
            Route::Review(_) => EitherOf4::B(view! { <ReviewPage /> }),
            Route::Trainer { deck, card, .. } => EitherOf4::C(view! { <trainer::page::TrainerPage deck=deck card=card /> }),
            _ => EitherOf4::D(view! { <Builder /> }),
        }}
    }
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
                <QuestionPage />
                <ChecksPanel />
            </div>
            <Preview />
        </main>
    }
}
