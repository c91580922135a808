//! The line that shows a deck's quiz score, with a way to start again,
//! and the score's place in the browser's storage.

use leptos::prelude::*;

use crate::app::browser::storage;
use crate::app::i18n::{tr, tv};
pub use crate::policy::trainer::score::QuizScore;

/// The stored score of `deck` for draft `draft`; empty when there is none
/// or storage cannot be read.
pub fn load(draft: &str, deck: &str) -> QuizScore {
    storage::quiz_score(draft, deck).map_or_else(QuizScore::default, |text| QuizScore::parse(&text))
}

/// Stores the score of `deck` for draft `draft`.
pub fn save(score: &QuizScore, draft: &str, deck: &str) -> Result<(), storage::SaveError> {
    storage::save_quiz_score(draft, deck, &score.to_json())
}

/// The score in words, in the interface language: "No votes yet",
/// "2 right out of 3".
fn summary(score: &QuizScore) -> String {
    match score.votes.len() {
        0 => tr!("score-none"),
        total => tr!("score-right", right = score.right(), total = total),
    }
}

/// The room's score, with a button to start again.
#[component]
pub fn TrainerScore(
    /// The score to show.
    score: Signal<QuizScore>,
    /// Called when the trainer resets the score.
    on_reset: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="trainer-score">
            <p>{tv!("score-label")}" "{move || score.with(summary)}</p>
            <button type="button" on:click=move |_| on_reset.run(())>{tv!("score-reset")}</button>
        </div>
    }
}
