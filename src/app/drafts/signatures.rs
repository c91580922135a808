//! What the signatures of an imported review say, for the author: each
//! decision verified (with its reviewer's key fingerprint), edited after
//! review (it counts nowhere), or unsigned; the first review from a key
//! asks the author to trust it, with the fingerprint to compare by phone
//! or in person; a known reviewer's name with another key is flagged.
//! The verification itself happened in the worker on import.

use leptos::prelude::*;

use crate::app::browser::focus::focus_id;
use crate::app::browser::storage;
use crate::app::i18n::{tr, tv, Said};
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
                let who = tr!("sig-who", verdict = crate::app::shell::labels::verdict(d.verdict), reviewer = d.reviewer.clone(), role = d.role.clone(), date = d.date.clone());
                match d.state() {
                    SignatureState::Verified { fingerprint } => {
                        let standing = match trust(&d.reviewer, &fingerprint, &known) {
                            Trust::Trusted => view! { <span>" "{tv!("sig-trusted")}</span> }.into_any(),
                            Trust::FirstFromKey => {
                                let ask = Asking {
                                    reviewer: d.reviewer.clone(),
                                    fingerprint: fingerprint.clone(),
                                };
                                view! {
                                    " "<button type="button" class="link" on:click=move |_| {
                                        asking.set(Some(ask.clone()));
                                        request_animation_frame(|| focus_id("trust-confirm"));
                                    }>{tr!("sig-check-and-trust", reviewer = d.reviewer.clone())}</button>
                                }
                                .into_any()
                            }
                            Trust::OtherKeyForName { known } => view! {
                                <strong class="flag">" "{tr!("sig-other-key", reviewer = d.reviewer.clone(), known = known.join(", "))}</strong>
                            }
                            .into_any(),
                        };
                        view! {
                            <li>
                                {tr!("sig-signed-with", who = who.clone())}" "<code class="fingerprint">{fingerprint.clone()}</code>
                                {tr!("sig-verified")}{standing}
                            </li>
                        }
                        .into_any()
                    }
                    SignatureState::EditedAfterReview { fingerprint } => view! {
                        <li>
                            <strong class="flag">{tr!("sig-edited")}" "</strong>
                            {tr!("sig-edited-text", who = who.clone(), fingerprint = fingerprint.clone())}
                        </li>
                    }
                    .into_any(),
                    SignatureState::Unsigned => view! { <li>{tr!("sig-unsigned", who = who.clone())}</li> }.into_any(),
                }
            })
            .collect_view()
    };
    let confirm = move |_| {
        if let Some(a) = asking.get_untracked() {
            match storage::trust_reviewer(&a.reviewer, &a.fingerprint) {
                Ok(()) => status.set(tr!(
                    "sig-now-trusted",
                    reviewer = a.reviewer.clone(),
                    fingerprint = a.fingerprint.clone()
                )),
                Err(e) => status.set(tr!("sig-trust-failed", error = e.said())),
            }
            trusted.set(storage::trusted_reviewers());
        }
        asking.set(None);
        request_animation_frame(|| focus_id("signatures-heading"));
    };
    let later = move || {
        asking.set(None);
        status.set(tr!("sig-later"));
        request_animation_frame(|| focus_id("signatures-heading"));
    };
    view! {
        <section class="signatures" aria-labelledby="signatures-heading">
            <h2 id="signatures-heading" tabindex="-1">{tv!("sig-heading")}</h2>
            <ul>{items}</ul>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || asking.get().map(|a| view! {
                <div class="alert" role="alertdialog" aria-modal="true" aria-labelledby="trust-heading" aria-describedby="trust-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { later() }>
                    <h2 id="trust-heading">{tr!("sig-trust-heading", reviewer = a.reviewer.clone())}</h2>
                    <p id="trust-text">
                        {tr!("sig-trust-text", reviewer = a.reviewer.clone())}
                    </p>
                    <p class="fingerprint"><code>{a.fingerprint.clone()}</code></p>
                    <div class="actions">
                        <button type="button" class="primary" id="trust-confirm" on:click=confirm>{tv!("sig-confirm")}</button>
                        <button type="button" on:click=move |_| later()>{tv!("sig-not-now")}</button>
                    </div>
                </div>
            })}
        </section>
    }
}
