//! Quiz mode's vote: before the reveal, the room says what it thinks the
//! policy allows.

use leptos::prelude::*;

use crate::app::i18n::tv;
use crate::app::trainer::verdict::label;
use crate::policy::trainer::scenario::VerdictKind;

/// Three buttons, one per verdict, the room's choice pressed. Once the
/// verdict is shown the vote is kept as it was (the buttons stay, so focus
/// is not lost, but do nothing).
#[component]
pub fn TrainerVote(
    /// The room's choice so far.
    vote: Signal<Option<VerdictKind>>,
    /// Whether the verdict is shown, which closes the vote.
    closed: Signal<bool>,
    /// Called with the room's choice.
    on_vote: Callback<VerdictKind>,
) -> impl IntoView {
    let buttons = VerdictKind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            view! {
                <button type="button" class=format!("vote vote-{}", kind.id())
                    aria-pressed=move || (vote.get() == Some(kind)).to_string()
                    aria-disabled=move || closed.get().to_string()
                    aria-keyshortcuts=(i + 1).to_string()
                    on:click=move |_| if !closed.get_untracked() { on_vote.run(kind) }>
                    {move || label(kind)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="trainer-vote" role="group" aria-labelledby="vote-heading">
            <p id="vote-heading" class="vote-heading">{tv!("vote-heading")}</p>
            <div class="vote-buttons">{buttons}</div>
        </div>
    }
}
