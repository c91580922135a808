//! One scenario card of the presentation: the count, the title and the
//! situation, in type large enough to read across a room. What follows the
//! situation (the room's vote, the verdict) comes as children.

use leptos::prelude::*;

/// A scenario card. The elements stay in place as the trainer moves
/// through the deck; only their text changes, so keyboard focus is kept.
#[component]
pub fn TrainerCard(
    /// "Scenario 3 of 13", announced when it changes.
    count: Signal<String>,
    /// The scenario's title.
    title: Signal<String>,
    /// What happened, as staff would meet it.
    situation: Signal<String>,
    /// The vote and the verdict.
    children: Children,
) -> impl IntoView {
    view! {
        <article class="trainer-card" aria-labelledby="card-title">
            <p class="trainer-count" role="status" aria-live="polite" aria-atomic="true">{count}</p>
            <h2 id="card-title" tabindex="-1">{title}</h2>
            <p class="trainer-situation">{situation}</p>
            {children()}
        </article>
    }
}
