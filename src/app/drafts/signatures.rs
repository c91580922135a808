//! What the signatures of an imported review say, for the author: each
//! decision verified (with its reviewer's key fingerprint), edited after
//! review (it counts nowhere), or unsigned; the first review from a key
//! asks the author to trust it, with the fingerprint to compare by phone
//! or in person; a known reviewer's name with another key is flagged.
//! The verification itself happened in the worker on import.

use leptos::prelude::*;

use crate::app::browser::focus::focus_id;
use crate::app::browser::storage;
use crate::policy::files::review::{Review, SignatureState};
use crate::policy::files::signature::{trust, Trust};

/// A key the author is asked to trust.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Asking {
    reviewer: String,
    fingerprint: String,
}

/// The signatures of `review`, just imported, and the trust dialog.
#[component]
pub fn ReviewSignatures(
    /// The review as the import read it (its decisions' states set).
    review: Review,
) -> impl IntoView {
    let trusted = RwSignal::new(storage::trusted_reviewers());
    let asking = RwSignal::new(None::<Asking>);
    let status = RwSignal::new(String::new());
    let decisions = review.decisions.clone();
    // The first review from an unknown key asks at once.
    let first_unknown = decisions.iter().find_map(|d| match d.state() {
        SignatureState::Verified { fingerprint }
            if trust(&d.reviewer, &fingerprint, &trusted.get_untracked()) == Trust::FirstFromKey =>
        {
            Some(Asking {
                reviewer: d.reviewer.clone(),
                fingerprint,
            })
        }
        _ => None,
    });
    if let Some(a) = first_unknown {
        asking.set(Some(a));
        request_animation_frame(|| focus_id("trust-confirm"));
    }
    let items = move || {
        let known = trusted.get();
        decisions
            .iter()
            .map(|d| {
                let who = format!("{} by {} ({}), {}", d.verdict.label(), d.reviewer, d.role, d.date);
                match d.state() {
                    SignatureState::Verified { fingerprint } => {
                        let standing = match trust(&d.reviewer, &fingerprint, &known) {
                            Trust::Trusted => view! { <span>" You trust this key."</span> }.into_any(),
                            Trust::FirstFromKey => {
                                let ask = Asking {
                                    reviewer: d.reviewer.clone(),
                                    fingerprint: fingerprint.clone(),
                                };
                                view! {
                                    " "<button type="button" class="link" on:click=move |_| {
                                        asking.set(Some(ask.clone()));
                                        request_animation_frame(|| focus_id("trust-confirm"));
                                    }>{format!("Check and trust {}'s key", d.reviewer)}</button>
                                }
                                .into_any()
                            }
                            Trust::OtherKeyForName { known } => view! {
                                <strong class="flag">{format!(
                                    " Another key: {} signed before with {}. Ask them, by phone or in person, whether this key is theirs before you rely on this review.",
                                    d.reviewer,
                                    known.join(", ")
                                )}</strong>
                            }
                            .into_any(),
                        };
                        view! {
                            <li>
                                {format!("{who}: signed with key ")}<code class="fingerprint">{fingerprint.clone()}</code>
                                "; the signature was verified."{standing}
                            </li>
                        }
                        .into_any()
                    }
                    SignatureState::EditedAfterReview { fingerprint } => view! {
                        <li>
                            <strong class="flag">"Edited after review: "</strong>
                            {format!("{who}. The file was changed after the reviewer signed (key {fingerprint}), so this decision counts neither on the cover nor in the approval record.")}
                        </li>
                    }
                    .into_any(),
                    SignatureState::Unsigned => view! { <li>{format!("{who}: not signed.")}</li> }.into_any(),
                }
            })
            .collect_view()
    };
    let confirm = move |_| {
        if let Some(a) = asking.get_untracked() {
            match storage::trust_reviewer(&a.reviewer, &a.fingerprint) {
                Ok(()) => status.set(format!("You now trust {}'s key {}.", a.reviewer, a.fingerprint)),
                Err(e) => status.set(format!("The key could not be kept as trusted: {e}.")),
            }
            trusted.set(storage::trusted_reviewers());
        }
        asking.set(None);
        request_animation_frame(|| focus_id("signatures-heading"));
    };
    let later = move || {
        asking.set(None);
        status.set("The key is not trusted yet; you can check it later from this list.".to_owned());
        request_animation_frame(|| focus_id("signatures-heading"));
    };
    view! {
        <section class="signatures" aria-labelledby="signatures-heading">
            <h2 id="signatures-heading" tabindex="-1">"Signatures on the review"</h2>
            <ul>{items}</ul>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || asking.get().map(|a| view! {
                <div class="alert" role="alertdialog" aria-modal="true" aria-labelledby="trust-heading" aria-describedby="trust-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { later() }>
                    <h2 id="trust-heading">{format!("Trust {}'s key?", a.reviewer)}</h2>
                    <p id="trust-text">
                        {format!("This is the first review signed with this key. Before you trust it, ask {} by phone or in person to read you the fingerprint on their review page, and check that it is:", a.reviewer)}
                    </p>
                    <p class="fingerprint"><code>{a.fingerprint.clone()}</code></p>
                    <div class="actions">
                        <button type="button" class="primary" id="trust-confirm" on:click=confirm>"The fingerprints match: trust this key"</button>
                        <button type="button" on:click=move |_| later()>"Not now"</button>
                    </div>
                </div>
            })}
        </section>
    }
}
