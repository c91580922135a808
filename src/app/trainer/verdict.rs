//! The verdict of a card once revealed: what the policy says, in words as
//! well as colour, why, and the numbers of the policy sections it rests
//! on; in quiz mode, whether the room was right.

use leptos::prelude::*;

use crate::app::i18n::{tr, tv};
use crate::policy::trainer::scenario::{Verdict, VerdictKind};

/// The revealed verdict. The region is always in the page and announced
/// politely, so a screen reader hears the verdict when it appears.
#[component]
pub fn TrainerVerdict(
    /// The verdict on the card on screen.
    verdict: Signal<Option<Verdict>>,
    /// Whether it is shown.
    revealed: Signal<bool>,
    /// Whether the room votes.
    quiz: Signal<bool>,
    /// The room's vote, if it voted.
    room: Signal<Option<VerdictKind>>,
) -> impl IntoView {
    let body = move || {
        if !revealed.get() {
            return None;
        }
        let v = verdict.get()?;
        let quiz_line = quiz.get().then(|| match room.get() {
            None => view! { <p class="room-result">{tv!("verdict-no-vote")}</p> }.into_any(),
            Some(said) if said == v.kind => view! {
                <p class="room-result right">{tr!("verdict-right", said = label(said))}</p>
            }
            .into_any(),
            Some(said) => view! {
                <p class="room-result wrong">{tr!("verdict-wrong", said = label(said))}</p>
            }
            .into_any(),
        });
        let clauses = (!v.citations.is_empty()).then(|| {
            let titles = v
                .citations
                .iter()
                .map(|c| view! { <li>{format!("{} {}", c.number, c.title)}</li> })
                .collect_view();
            view! {
                <p class="verdict-clauses">{tr!("verdict-clauses", numbers = v.numbers())}</p>
                <ul class="verdict-sections">{titles}</ul>
            }
        });
        let problems = (!v.problems.is_empty() || !v.unplaced.is_empty()).then(|| {
            let unplaced = (!v.unplaced.is_empty()).then(|| {
                let ids: Vec<&str> = v.unplaced.iter().map(|c| c.as_str()).collect();
                tr!("verdict-missing-clauses", ids = ids.join(", "))
            });
            let items = v
                .problems
                .iter()
                .cloned()
                .chain(unplaced)
                .map(|p| view! { <li>{p}</li> })
                .collect_view();
            view! { <ul class="verdict-problems">{items}</ul> }
        });
        Some(view! {
            <div class=format!("verdict verdict-{}", v.kind.id())>
                <p class="verdict-label">
                    <span class="verdict-mark" aria-hidden="true">{mark(v.kind)}</span>
                    {tr!("verdict-label", verdict = label(v.kind))}
                </p>
                {quiz_line}
                <p class="verdict-why">{v.explanation.to_plain()}</p>
                {clauses}
                {problems}
            </div>
        })
    };
    view! { <div id="trainer-verdict" class="trainer-verdict" aria-live="polite">{body}</div> }
}

/// How a verdict reads in the interface language: "Fine, with conditions",
/// « Acceptable sous conditions ». The policy's own label is for the
/// handout, in the policy's language.
pub fn label(kind: VerdictKind) -> String {
    match kind {
        VerdictKind::Fine => tr!("verdict-fine"),
        VerdictKind::FineWithConditions => tr!("verdict-fine-with-conditions"),
        VerdictKind::NotFine => tr!("verdict-not-fine"),
    }
}

/// A sign for each verdict, beside its words (never instead of them).
fn mark(kind: VerdictKind) -> &'static str {
    match kind {
        VerdictKind::Fine => "\u{2713}",
        VerdictKind::FineWithConditions => "!",
        VerdictKind::NotFine => "\u{2717}",
    }
}
