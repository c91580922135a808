//! Trainer mode's first page: the decks to choose from, with how many
//! scenarios each holds and how this organization's verdicts fall, and
//! the keys that run a presentation.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::browser::focus::focus_id;
use crate::app::i18n::{tr, tv};
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
                            let n = |kind: VerdictKind| verdicts.iter().filter(|v| v.kind == kind).count();
                            let meta = tr!(
                                "decks-tally",
                                count = deck.scenarios.len(),
                                fine = n(VerdictKind::Fine),
                                conditions = n(VerdictKind::FineWithConditions),
                                notfine = n(VerdictKind::NotFine),
                            );
                            let href = Route::Trainer {
                                draft: draft.clone(),
                                deck: Some(deck.id.to_string()),
                                card: None,
                            }
                            .href();
                            view! {
                                <li class="deck">
                                    <h3><a href=href>{deck.title.clone()}</a></h3>
                                    <p class="meta">{meta}</p>
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
            <p class="notice-box" role="alert">{move || tr!("decks-missing", id = id.clone())}</p>
        }
    });
    view! {
        <main class="trainer-page" id="main">
            <h2 id="trainer-heading" class="page-heading" tabindex="-1">{tv!("nav-trainer")}</h2>
            <p class="lede">
                {tv!("decks-lede")}
            </p>
            {missing}
            <section aria-labelledby="decks-heading">
                <h3 id="decks-heading">{tv!("decks-choose")}</h3>
                <ul class="deck-list">{decks}</ul>
            </section>
            <section aria-labelledby="keys-heading">
                <h3 id="keys-heading">{tv!("decks-presenting")}</h3>
                <p>{tv!("decks-presenting-text")}</p>
                <dl class="trainer-key-list">
                    <dt>{tv!("decks-key-next")}</dt><dd>{tv!("decks-key-next-does")}</dd>
                    <dt>{tv!("decks-key-previous")}</dt><dd>{tv!("decks-key-previous-does")}</dd>
                    <dt>{tv!("decks-key-reveal")}</dt><dd>{tv!("decks-key-reveal-does")}</dd>
                    <dt>{tv!("decks-key-vote")}</dt><dd>{tv!("decks-key-vote-does")}</dd>
                </dl>
                <p>{tv!("decks-quiz-note")}</p>
            </section>
        </main>
    }
    .into_any()
}
