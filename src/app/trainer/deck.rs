//! A deck on screen as a presentation: one card at a time filling the
//! window, the verdict revealed on demand, quiz mode with the room's vote
//! and a score, and keyboard controls that a presenter's clicker also
//! sends (Page Up, Page Down).
//!
//! The card number is written into the address as the trainer moves, so a
//! reload comes back to the same card, but without a history entry per
//! card: the back button leaves the deck.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use crate::app::browser::focus::{focus_id, key_target, KeyTarget};
use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::route::{record, Route};
use crate::app::shell::session::use_session;
use crate::app::trainer::card::TrainerCard;
use crate::app::trainer::fullscreen::TrainerFullscreen;
use crate::app::trainer::handout::TrainerHandout;
use crate::app::trainer::score::{self as quiz, QuizScore, TrainerScore};
use crate::app::trainer::share::TrainerShare;
use crate::app::trainer::verdict::TrainerVerdict;
use crate::app::trainer::vote::TrainerVote;
use crate::policy::trainer::scenario::{Deck, ScenarioId, ScenarioLibrary, VerdictKind};

/// What a key does in the presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The next card.
    Next,
    /// The previous card.
    Previous,
    /// Show the verdict.
    Reveal,
    /// In quiz mode, the room's vote.
    Vote(VerdictKind),
}

/// The action of a key, by its `KeyboardEvent.key` value.
pub fn action(key: &str) -> Option<Action> {
    Some(match key {
        "ArrowRight" | "PageDown" | "n" | "N" => Action::Next,
        "ArrowLeft" | "PageUp" | "p" | "P" => Action::Previous,
        " " | "Enter" | "r" | "R" => Action::Reveal,
        "1" => Action::Vote(VerdictKind::Fine),
        "2" => Action::Vote(VerdictKind::FineWithConditions),
        "3" => Action::Vote(VerdictKind::NotFine),
        _ => return None,
    })
}

/// Whether the presentation, rather than the focused element, should act
/// on `key`: never while typing or choosing in a form control, and Space
/// and Enter on a button or link do what they always do (press it).
fn ours(target: KeyTarget, key: &str) -> bool {
    match target {
        KeyTarget::Typing => false,
        KeyTarget::Pressable => !matches!(key, " " | "Enter"),
        KeyTarget::Other => true,
    }
}

/// A scenario as the card shows it.
struct Card {
    id: ScenarioId,
    title: String,
    situation: String,
}

/// The presentation of `deck`, starting at card `start` (counted from 0).
#[component]
pub fn TrainerDeck(
    /// The scenarios.
    library: Arc<ScenarioLibrary>,
    /// The deck to present.
    deck: Deck,
    /// The card to start on, counted from 0.
    start: usize,
) -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    // Each card reads in the organization's English, as its policy does.
    let q = &session.policy.questionnaire;
    let cards: Vec<Card> = session.answers().with_untracked(|answers| {
        deck.scenarios
            .iter()
            .filter_map(|id| library.scenario(id))
            .map(|s| {
                let text = library.read(s, q, answers);
                Card {
                    id: s.id.clone(),
                    title: text.title,
                    situation: text.situation,
                }
            })
            .collect()
    });
    let total = cards.len();
    if total == 0 {
        return view! {
            <main class="trainer-page" id="main"><p>{tv!("deck-empty")}</p></main>
        }
        .into_any();
    }
    let cards = StoredValue::new(cards);
    let here = StoredValue::new((session.id.clone(), deck.id.to_string()));
    let index = RwSignal::new(start.min(total - 1));
    let revealed = RwSignal::new(false);
    let score = RwSignal::new(quiz::load(&session.id, deck.id.as_str()));
    // Quiz mode is kept with the deck's score, so a reload keeps it.
    let quiz = RwSignal::new(score.with_untracked(|s| s.quiz_mode));
    let status = RwSignal::new(String::new());
    let id_at = move |i: usize| cards.with_value(|c| c.get(i).map(|c| c.id.clone()));
    let remembered = move |i: usize| id_at(i).and_then(|id| score.with_untracked(|s| s.vote_on(&id)));
    let vote = RwSignal::new(remembered(index.get_untracked()));

    let verdicts = {
        let (library, deck, policy) = (library.clone(), deck.clone(), session.policy.clone());
        let (document, answers) = (session.document, session.answers());
        Memo::new(move |_| {
            document.with(|doc| answers.with(|a| library.deck_verdicts(&deck, &policy.questionnaire, a, doc)))
        })
    };
    let verdict = Memo::new(move |_| {
        let id = id_at(index.get());
        verdicts.with(|vs| vs.iter().find(|v| Some(&v.scenario) == id.as_ref()).cloned())
    });

    let go = move |i: usize| {
        if i >= total || i == index.get_untracked() {
            return;
        }
        index.set(i);
        revealed.set(false);
        vote.set(remembered(i));
        here.with_value(|(draft, deck)| {
            record(&Route::Trainer {
                draft: draft.clone(),
                deck: Some(deck.clone()),
                card: Some(i + 1),
            });
        });
    };
    let next = move || go(index.get_untracked() + 1);
    let previous = move || go(index.get_untracked().wrapping_sub(1));
    let reveal = move || {
        if revealed.get_untracked() {
            return;
        }
        revealed.set(true);
        if !quiz.get_untracked() {
            return;
        }
        let (Some(room), Some(v)) = (vote.get_untracked(), verdict.get_untracked()) else {
            return;
        };
        score.update(|s| s.record(v.scenario.clone(), room, v.kind));
        here.with_value(|(draft, deck)| {
            if let Err(e) = score.with_untracked(|s| quiz::save(s, draft, deck)) {
                status.set(tr!("deck-score-not-saved", error = e.said()));
            }
        });
    };
    let choose = move |kind: VerdictKind| {
        if quiz.get_untracked() && !revealed.get_untracked() {
            vote.set(Some(kind));
        }
    };
    let set_quiz = move |on: bool| {
        quiz.set(on);
        score.update(|s| s.quiz_mode = on);
        here.with_value(|(draft, deck)| {
            if let Err(e) = score.with_untracked(|s| quiz::save(s, draft, deck)) {
                status.set(tr!("deck-quiz-not-saved", error = e.said()));
            }
        });
    };
    let reset = move |()| {
        // Starting again keeps quiz mode on.
        score.set(QuizScore {
            quiz_mode: quiz.get_untracked(),
            ..QuizScore::default()
        });
        here.with_value(|(draft, deck)| {
            if quiz.get_untracked() {
                let _ = score.with_untracked(|s| quiz::save(s, draft, deck));
            } else {
                crate::app::browser::storage::clear_quiz_score(draft, deck);
            }
        });
        if !revealed.get_untracked() {
            vote.set(None);
        }
        status.set(tr!("deck-score-reset"));
    };

    let keys = window_event_listener(ev::keydown, move |e| {
        if e.default_prevented() || e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        let key = e.key();
        let Some(act) = action(&key) else {
            return;
        };
        if !ours(key_target(&e), &key) {
            return;
        }
        match act {
            Action::Next => next(),
            Action::Previous => previous(),
            Action::Reveal => reveal(),
            Action::Vote(kind) if quiz.get_untracked() => choose(kind),
            Action::Vote(_) => return,
        }
        // Space and Page Down would otherwise scroll the page as well.
        e.prevent_default();
    });
    on_cleanup(move || keys.remove());
    request_animation_frame(|| focus_id("card-title"));

    let text_of = move |f: fn(&Card) -> String| {
        Signal::derive(move || cards.with_value(|c| c.get(index.get()).map(f).unwrap_or_default()))
    };
    let count = Signal::derive(move || tr!("deck-count", number = index.get() + 1, total = total));
    let picker = Route::Trainer {
        draft: session.id.clone(),
        deck: None,
        card: None,
    }
    .href();
    let document = session.document;
    let org = move || document.with(|d| d.author.clone());
    let deck_id = deck.id.to_string();
    view! {
        <main class="trainer-stage" id="main">
            <div class="trainer-bar">
                <a href=picker>{tv!("deck-all")}</a>
                <div class="trainer-deck-title">
                    <h1>{deck.title.clone()}</h1>
                    <p class="trainer-org">{org}</p>
                </div>
                <div class="choice">
                    <input type="checkbox" id="quiz-mode" prop:checked=move || quiz.get()
                        on:change=move |ev| set_quiz(event_target_checked(&ev)) />
                    <label for="quiz-mode">{tv!("deck-quiz-mode")}</label>
                </div>
                {move || quiz.get().then(|| view! {
                    <TrainerScore score=score.into() on_reset=Callback::new(reset) />
                })}
                <TrainerFullscreen target="main" />
            </div>
            <TrainerCard count=count title=text_of(|c| c.title.clone()) situation=text_of(|c| c.situation.clone())>
                {move || quiz.get().then(|| view! {
                    <TrainerVote vote=vote.into() closed=revealed.into() on_vote=Callback::new(choose) />
                })}
                <TrainerVerdict verdict=verdict.into() revealed=revealed.into() quiz=quiz.into() room=vote.into() />
            </TrainerCard>
            <div class="trainer-controls" role="group" aria-label=tv!("deck-controls")>
                <button type="button" aria-keyshortcuts="ArrowLeft PageUp P"
                    aria-disabled=move || (index.get() == 0).to_string() on:click=move |_| previous()>
                    <span aria-hidden="true">"\u{2190} "</span>{tv!("deck-previous")}
                </button>
                <button type="button" class="primary" aria-controls="trainer-verdict" aria-keyshortcuts="R Space Enter"
                    aria-expanded=move || revealed.get().to_string()
                    on:click=move |_| if revealed.get_untracked() { revealed.set(false) } else { reveal() }>
                    {move || if revealed.get() { tr!("deck-hide-verdict") } else { tr!("deck-reveal-verdict") }}
                </button>
                <button type="button" aria-keyshortcuts="ArrowRight PageDown N"
                    aria-disabled=move || (index.get() + 1 >= total).to_string() on:click=move |_| next()>
                    {tv!("deck-next")}<span aria-hidden="true">" \u{2192}"</span>
                </button>
            </div>
            <p class="trainer-keys">{move || if quiz.get() { tr!("deck-keys-quiz") } else { tr!("deck-keys") }}</p>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            <details class="trainer-tools">
                <summary>{tv!("deck-tools")}</summary>
                <TrainerHandout library=library deck=deck />
                <TrainerShare deck=deck_id card=index.into() />
            </details>
        </main>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_a_keyboard_and_a_presenters_clicker_map_to_actions() {
        for key in ["ArrowRight", "PageDown", "n", "N"] {
            assert_eq!(action(key), Some(Action::Next), "{key}");
        }
        for key in ["ArrowLeft", "PageUp", "p", "P"] {
            assert_eq!(action(key), Some(Action::Previous), "{key}");
        }
        for key in [" ", "Enter", "r", "R"] {
            assert_eq!(action(key), Some(Action::Reveal), "{key:?}");
        }
        assert_eq!(action("3"), Some(Action::Vote(VerdictKind::NotFine)));
        for key in ["Tab", "Escape", "ArrowDown", "x", "4", "Spacebar"] {
            assert_eq!(action(key), None, "{key}");
        }
    }
}
