//! Trainer mode's first page: the decks to choose from, with how many
//! scenarios each holds and how this organization's verdicts fall, and
//! the keys that run a presentation.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::browser::focus::focus_id;
use crate::app::shell::route::Route;
use crate::app::shell::session::use_session;
use crate::policy::trainer::scenario::{ScenarioLibrary, VerdictKind};

/// The deck picker.
#[component]
pub fn TrainerDecks(
    /// The scenarios and decks.
    library: Arc<ScenarioLibrary>,
    /// A deck a link asked for that does not exist.
    missing: Option<String>,
) -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    request_animation_frame(|| focus_id("trainer-heading"));
    let draft = session.id.clone();
    let decks = {
        let library = library.clone();
        move || {
            let q = &session.policy.questionnaire;
            session.document.with(|doc| {
                session.answers().with(|answers| {
                    library
                        .decks
                        .iter()
                        .map(|deck| {
                            let verdicts = library.deck_verdicts(deck, q, answers, doc);
                            let tally = VerdictKind::ALL
                                .iter()
                                .map(|k| {
                                    let n = verdicts.iter().filter(|v| v.kind == *k).count();
                                    let what = match k {
                                        VerdictKind::Fine => "fine",
                                        VerdictKind::FineWithConditions => "fine with conditions",
                                        VerdictKind::NotFine => "not fine",
                                    };
                                    format!("{n} {what}")
                                })
                                .collect::<Vec<_>>()
                                .join(", ");
                            let href = Route::Trainer {
                                draft: draft.clone(),
                                deck: Some(deck.id.to_string()),
                                card: None,
                            }
                            .href();
                            let count = match deck.scenarios.len() {
                                1 => "1 scenario".to_owned(),
                                n => format!("{n} scenarios"),
                            };
                            view! {
                                <li class="deck">
                                    <h3><a href=href>{deck.title.clone()}</a></h3>
                                    <p class="meta">{format!("{count}. For this policy: {tally}.")}</p>
                                </li>
                            }
                        })
                        .collect_view()
                })
            })
        }
    };
    let missing = missing.map(|id| {
        view! {
            <p class="notice-box" role="alert">{format!("There is no deck called \"{id}\". Choose one of these.")}</p>
        }
    });
    view! {
        <main class="trainer-page" id="main">
            <h2 id="trainer-heading" class="page-heading" tabindex="-1">"Trainer mode"</h2>
            <p class="lede">
                "Show staff real situations one at a time and reveal what this policy says about each. "
                "The verdicts follow this draft's answers, and cite the policy's own section numbers."
            </p>
            {missing}
            <section aria-labelledby="decks-heading">
                <h3 id="decks-heading">"Choose a deck"</h3>
                <ul class="deck-list">{decks}</ul>
            </section>
            <section aria-labelledby="keys-heading">
                <h3 id="keys-heading">"Presenting"</h3>
                <p>"Each card fills the window. Every control is also a button; these keys work too:"</p>
                <dl class="trainer-key-list">
                    <dt>"Right arrow, Page Down or N"</dt><dd>"Next scenario"</dd>
                    <dt>"Left arrow, Page Up or P"</dt><dd>"Previous scenario"</dd>
                    <dt>"Space, Enter or R"</dt><dd>"Reveal the verdict"</dd>
                    <dt>"1, 2 or 3"</dt><dd>"In quiz mode, the room's vote: fine, fine with conditions, not fine"</dd>
                </dl>
                <p>"In quiz mode the room votes before each reveal. The score is kept in this browser only."</p>
            </section>
        </main>
    }
    .into_any()
}
