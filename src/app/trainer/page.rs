//! Trainer mode for a draft (issue 5): the shipped scenarios, judged by
//! this draft's policy. Loads the scenario library against the draft's
//! clause library, then shows the deck picker or a deck.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::route::Route;
use crate::app::shell::session::{use_session, Session};
use crate::app::trainer::deck::TrainerDeck;
use crate::app::trainer::decks::TrainerDecks;
use crate::policy::diag::Diagnostics;
use crate::policy::trainer::scenario::{DeckId, ScenarioLibrary};

thread_local! {
    /// The scenarios checked against the shipped clause library, loaded
    /// once per page and language like the templates.
    static BUILTIN: RefCell<std::collections::BTreeMap<crate::policy::model::language::Language, Arc<ScenarioLibrary>>> =
        const { RefCell::new(std::collections::BTreeMap::new()) };
}

/// Trainer mode: the deck picker when `deck` is `None` (or names no
/// deck), else the deck from card `card` (counted from 1).
#[component]
pub fn TrainerPage(
    /// The deck's id, from the address.
    deck: Option<String>,
    /// The card to start on, counted from 1.
    card: Option<usize>,
) -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let library = match scenarios(&session) {
        Ok(library) => library,
        Err((file, problems)) => return cannot_load(file, &problems),
    };
    let chosen = deck.as_deref().and_then(|id| library.deck(&DeckId::from(id)).cloned());
    match chosen {
        Some(chosen) => {
            let start = card.unwrap_or(1).saturating_sub(1);
            view! { <TrainerDeck library=library deck=chosen start=start /> }.into_any()
        }
        None => view! { <TrainerDecks library=library missing=deck /> }.into_any(),
    }
}

/// The scenarios checked against the clause library the draft's policy is
/// filled from; on failure, the imported library's file name (if any) and
/// the problems.
fn scenarios(session: &Session) -> Result<Arc<ScenarioLibrary>, (Option<String>, Diagnostics)> {
    let (custom, loaded) = session
        .library()
        .with_untracked(|l| (l.custom().map(|c| c.file.clone()), l.loaded()));
    let shipped = session.shipped();
    if let Some(lib) = loaded {
        return shipped.scenarios(&lib).map(Arc::new).map_err(|d| (custom, d));
    }
    let language = shipped.language();
    if let Some(cached) = BUILTIN.with(|b| b.borrow().get(&language).cloned()) {
        return Ok(cached);
    }
    let library = Arc::new(shipped.scenarios(&shipped.policy.library).map_err(|d| (None, d))?);
    BUILTIN.with(|b| b.borrow_mut().insert(language, library.clone()));
    Ok(library)
}

fn cannot_load(file: Option<String>, problems: &Diagnostics) -> AnyView {
    let reason = match file {
        Some(file) => tr!("trainer-own-library", file = file),
        None => tr!("trainer-no-scenarios"),
    };
    let items = problems
        .iter()
        .map(|p| view! { <li><code>{format!("{}:{}:{}", p.file, p.line, p.column)}</code>" "{p.said()}</li> })
        .collect_view();
    view! {
        <main class="trainer-page" id="main">
            <h2 class="page-heading">{tv!("nav-trainer")}</h2>
            <div class="error-summary" role="alert" aria-labelledby="trainer-error">
                <h3 id="trainer-error">{tv!("trainer-misfit")}</h3>
                <p>{reason}</p>
                <details>
                    <summary>{tv!("trainer-misfit-details")}</summary>
                    <ul>{items}</ul>
                </details>
            </div>
            <p><a href=Route::Drafts.href()>{tv!("go-to-drafts")}</a></p>
        </main>
    }
    .into_any()
}
