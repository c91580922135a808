//! Review mode: read the policy one section at a time, comment (with
//! replies), give each section a verdict, record an overall decision and
//! download the reviewed file to send back. Works with no network: the
//! draft is in this browser and the file is made here.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::app::browser::focus::focus_id;
use crate::app::browser::signing;
use crate::app::browser::storage::{local_time, now_iso, today_iso};
use crate::app::i18n::{tr, tv, Said};
use crate::app::shell::files::download_answer_file_as;
use crate::app::shell::labels;
use crate::app::shell::preview::{render_section, Place};
use crate::app::shell::session::{use_session, ReviewEdits};
use crate::policy::files::review::{
    reviewed_file_name, Decision, Recorded, Review, ReviewSignature, SignatureState, Verdict,
};
use crate::policy::files::signature::{covers, fingerprint, signed_bytes, ALGORITHM};

/// A part of the decision form that is not filled in yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Missing {
    Name,
    Role,
    Date,
    Decision,
}

impl Missing {
    /// The id of the field to fix.
    fn field(self) -> &'static str {
        match self {
            Missing::Name => "reviewer-name",
            Missing::Role => "reviewer-role",
            Missing::Date => "decision-date",
            Missing::Decision => "decision-approved",
        }
    }

    /// What to do, at the field and in the summary.
    fn message(self) -> String {
        match self {
            Missing::Name => tr!("review-missing-name"),
            Missing::Role => tr!("review-missing-role"),
            Missing::Date => tr!("review-missing-date"),
            Missing::Decision => tr!("review-missing-decision"),
        }
    }
}

/// The review page.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let document = session.document;
    let review = session.review_edits();
    let session_answers = session.answers();
    let reviewer = RwSignal::new(crate::app::browser::storage::reviewer_name());
    let current = RwSignal::new(0_usize);
    let status = RwSignal::new(String::new());
    // Half-written replies, by comment id: kept here, above the comment
    // list, so that they survive its rebuild when anything else changes.
    let reply_drafts = RwSignal::new(HashMap::<String, String>::new());
    request_animation_frame(|| focus_id("review-heading"));

    let sections = Memo::new(move |_| {
        document.with(|d| {
            d.sections
                .iter()
                .map(|s| (s.id.to_string(), format!("{} {}", s.number, s.title)))
                .collect::<Vec<_>>()
        })
    });
    let count = move || sections.with(Vec::len);
    let current_id = move || sections.with(|s| s.get(current.get()).map(|(id, _)| id.clone()));

    let nav = move || {
        sections
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (id, title))| {
                let state = move || {
                    review.with(|r| {
                        let s = r.sections.get(&id);
                        let standing = document.with(|d| r.standing(&id, d));
                        let verdict = standing.map_or_else(|| tr!("review-not-reviewed"), labels::standing);
                        let comments = s.map_or(0, |s| s.comments.len());
                        match comments {
                            0 => verdict,
                            n => tr!("review-verdict-comments", verdict = verdict, count = n),
                        }
                    })
                };
                view! {
                    <li>
                        <button type="button" class="link" aria-current=move || (current.get() == i).then_some("step")
                            on:click=move |_| { current.set(i); request_animation_frame(|| focus_id("review-section")); }>
                            {title}
                        </button>
                        " "<span class="progress">{state}</span>
                    </li>
                }
            })
            .collect_view()
    };

    let body = move || {
        let Some(id) = current_id() else {
            return ().into_any();
        };
        let shown = document.with(|d| {
            d.sections.iter().find(|s| s.id.as_str() == id).map(|s| {
                // The title is the heading above (an h3); only
                // subsections keep theirs, one level down (h4).
                let place = Place {
                    level: 3,
                    anchor: None,
                    heading: false,
                };
                render_section(s, &place)
            })
        });
        let verdict_of = {
            let id = id.clone();
            move || review.with(|r| r.sections.get(&id).and_then(|s| s.verdict))
        };
        let set_verdict = {
            let id = id.clone();
            move |v: Verdict| {
                document.with_untracked(|d| review.update(|r| r.set_verdict(&id, Some(v), d)));
                status.set(tr!("review-marked", verdict = labels::verdict(v)));
            }
        };
        let comments = {
            let id = id.clone();
            move || {
                review
                    .with(|r| r.sections.get(&id).map(|s| s.comments.clone()).unwrap_or_default())
                    .into_iter()
                    .map(|c| comment_view(c, review, reviewer, status, reply_drafts))
                    .collect_view()
            }
        };
        let draft_comment = RwSignal::new(String::new());
        let add_comment = {
            let id = id.clone();
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let text = draft_comment.get_untracked();
                let author = reviewer.get_untracked();
                if author.trim().is_empty() {
                    status.set(tr!("review-name-first"));
                    focus_id("reviewer-name");
                    return;
                }
                if text.trim().is_empty() {
                    status.set(tr!("review-comment-first"));
                    return;
                }
                review.update(|r| {
                    r.comment(&id, &author, &now_iso(), &text);
                });
                draft_comment.set(String::new());
                status.set(tr!("review-comment-added"));
            }
        };
        let (v1, v2) = (verdict_of.clone(), verdict_of);
        let (s1, s2) = (set_verdict.clone(), set_verdict);
        view! {
            <section class="review-section" aria-labelledby="review-section">
                <h3 id="review-section" tabindex="-1">
                    {sections.with(|s| s.get(current.get_untracked()).map(|(_, t)| t.clone()))}
                </h3>
                <div class="policy review-text">{shown}</div>
                <fieldset class="field">
                    <legend>{tv!("review-verdict-legend")}</legend>
                    <div class="choices inline">
                        <div class="choice">
                            <input type="radio" id="verdict-approved" name="verdict" prop:checked=move || v1() == Some(Verdict::Approved)
                                on:change=move |_| s1(Verdict::Approved) />
                            <label for="verdict-approved">{tv!("review-approved")}</label>
                        </div>
                        <div class="choice">
                            <input type="radio" id="verdict-changes" name="verdict" prop:checked=move || v2() == Some(Verdict::ChangesRequested)
                                on:change=move |_| s2(Verdict::ChangesRequested) />
                            <label for="verdict-changes">{tv!("review-changes-requested")}</label>
                        </div>
                    </div>
                </fieldset>
                <h4>{tv!("review-comments")}</h4>
                <ul class="comments">{comments}</ul>
                <form class="comment-form" on:submit=add_comment>
                    <label for="new-comment">{tv!("review-add-comment-label")}</label>
                    <textarea id="new-comment" rows="3" prop:value=move || draft_comment.get()
                        on:input=move |ev| draft_comment.set(event_target_value(&ev))></textarea>
                    <button type="submit">{tv!("review-add-comment")}</button>
                </form>
            </section>
        }
        .into_any()
    };

    let go = move |delta: isize| {
        let next = current.get_untracked() as isize + delta;
        if next >= 0 && (next as usize) < count() {
            current.set(next as usize);
            request_animation_frame(|| focus_id("review-section"));
        }
    };

    // The last section's Next is disabled; a closure outside `view!`,
    // because the macro reads a `>=` written inside it as markup.
    let at_last = move || current.get() + 1 >= count();

    // The overall decision.
    let role = RwSignal::new(String::new());
    let date = RwSignal::new(today_iso());
    let decision = RwSignal::new(None::<Verdict>);
    // What the last press of "Record decision" found missing: shown as a
    // summary above the form and an error at each field (the GOV.UK error
    // summary pattern, as the question pages use).
    let missing = RwSignal::new(Vec::<Missing>::new());
    // The fingerprint of this browser's signing key, once it has signed:
    // the author compares it by phone or in person.
    let my_key = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (name, role_text, when) = (reviewer.get_untracked(), role.get_untracked(), date.get_untracked());
        let mut gaps = Vec::new();
        if name.trim().is_empty() {
            gaps.push(Missing::Name);
        }
        if role_text.trim().is_empty() {
            gaps.push(Missing::Role);
        }
        if crate::policy::model::dates::parse_iso(&when).is_none() {
            gaps.push(Missing::Date);
        }
        let verdict = decision.get_untracked();
        if verdict.is_none() {
            gaps.push(Missing::Decision);
        }
        let (Some(verdict), true) = (verdict, gaps.is_empty()) else {
            missing.set(gaps);
            status.set(String::new());
            request_animation_frame(|| focus_id("decision-errors"));
            return;
        };
        missing.set(Vec::new());
        let version = session_answers
            .with_untracked(|a| {
                a.text(&crate::policy::model::ids::QuestionId::from("policy_version"))
                    .map(str::to_owned)
            })
            .unwrap_or_default();
        let mut decided = Decision {
            reviewer: name.trim().to_owned(),
            role: role_text.trim().to_owned(),
            date: when,
            verdict,
            version,
            signature: None,
            checked: None,
        };
        // The decision is signed over the review as it stands (this
        // browser's key, made on first use); a browser that cannot sign
        // still records it, unsigned, and says why.
        let covered = review.with_untracked(covers);
        leptos::task::spawn_local(async move {
            let signed = match signing::reviewer_key().await {
                Ok(key) => {
                    let bytes = signed_bytes(&decided, &covered, &key.public_key);
                    signing::sign(&key, &bytes).await.map(|s| (key.public_key, s))
                }
                Err(e) => Err(e),
            };
            let unsigned = match signed {
                Ok((public_key, signature)) => {
                    let fingerprint = fingerprint(&public_key).unwrap_or_default();
                    decided.checked = Some(SignatureState::Verified {
                        fingerprint: fingerprint.clone(),
                    });
                    decided.signature = Some(ReviewSignature {
                        algorithm: ALGORITHM.to_owned(),
                        public_key,
                        covers: covered,
                        signature,
                    });
                    my_key.try_set(Some(fingerprint));
                    String::new()
                }
                Err(e) => format!(" {}", tr!("review-not-signed", error = e.said())),
            };
            // A second press records nothing new (and leaves the review as it is).
            let Some(mut next) = review.try_with_untracked(Review::clone) else {
                return;
            };
            let label = labels::verdict(verdict);
            let message = match next.decide(decided) {
                Recorded::AlreadyRecorded => tr!("review-already-recorded", decision = label),
                Recorded::Added => {
                    review.update(|r| *r = next);
                    tr!("review-recorded", decision = label, unsigned = unsigned.clone())
                }
                Recorded::Replaced => {
                    review.update(|r| *r = next);
                    tr!("review-changed", decision = label, unsigned = unsigned.clone())
                }
            };
            status.try_set(message);
        });
    };
    let field_error = move |which: Missing| {
        move || {
            missing.with(|m| m.contains(&which)).then(|| {
                view! {
                    <p class="field-error" id=format!("{}-error", which.field())>
                        <span class="visually-hidden">{tv!("field-error")}" "</span>{move || which.message()}
                    </p>
                }
            })
        }
    };
    let flagged = move |which: Missing| move || missing.with(|m| m.contains(&which));
    let invalid = move |which: Missing| move || flagged(which)().then_some("true");
    let described = move |which: Missing| {
        move || {
            missing
                .with(|m| m.contains(&which))
                .then(|| format!("{}-error", which.field()))
        }
    };
    let error_summary = move || {
        let gaps = missing.get();
        (!gaps.is_empty()).then(|| {
            let links = gaps
                .into_iter()
                .map(|m| {
                    view! {
                        <li><a href=format!("#{}", m.field()) on:click=move |ev| { ev.prevent_default(); focus_id(m.field()); }>{move || m.message()}</a></li>
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" id="decision-errors" tabindex="-1" role="alert" aria-labelledby="decision-errors-title">
                    <h4 id="decision-errors-title">{tv!("review-decision-errors")}</h4>
                    <ul>{links}</ul>
                </div>
            }
        })
    };
    let decisions = move || {
        review.with(|r| {
            r.decisions
                .iter()
                .map(|d| view! { <li>{tr!("sig-who", verdict = labels::verdict(d.verdict), reviewer = d.reviewer.clone(), role = d.role.clone(), date = d.date.clone())}</li> })
                .collect_view()
        })
    };
    let export = {
        let session = session.clone();
        move |_| {
            // Named as reviewed (by whom, when), so that it is not taken
            // for the file it came from.
            let draft = session.snapshot();
            // The authors' app checks that the last signature covers the
            // review as the file holds it; a comment or verdict added after
            // it would show the file as edited after review.
            let now = covers(&draft.review);
            let stale = draft
                .review
                .decisions
                .iter()
                .rev()
                .find_map(|d| d.signature.as_ref())
                .is_some_and(|s| s.covers != now);
            if stale {
                status.set(tr!("review-changed-after-signing"));
                focus_id("decision-heading");
                return;
            }
            let name = reviewed_file_name(&draft.display_name(), &reviewer.get_untracked(), &today_iso());
            leptos::task::spawn_local(async move {
                match download_answer_file_as(draft, &name, status).await {
                    Ok(()) => status.try_set(tr!("review-downloaded", name = name.clone())),
                    Err(e) => status.try_set(tr!("review-download-failed", error = e.said())),
                };
            });
        }
    };

    view! {
        <main class="review-page" id="main">
            <h2 id="review-heading" class="page-heading" tabindex="-1">{tv!("review-heading")}</h2>
            <p class="lede">{tv!("review-lede")}</p>
            <div class="field" class:has-error=flagged(Missing::Name)>
                <label for="reviewer-name">{tv!("review-your-name")}</label>
                {field_error(Missing::Name)}
                <input id="reviewer-name" type="text" autocomplete="name" aria-invalid=invalid(Missing::Name)
                    aria-describedby=described(Missing::Name) prop:value=move || reviewer.get()
                    on:input=move |ev| reviewer.set(event_target_value(&ev))
                    on:change=move |ev| crate::app::browser::storage::remember_reviewer_name(&event_target_value(&ev)) />
            </div>
            <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            <div class="review-layout">
                <nav aria-label=tv!("review-sections")>
                    // A list without numbers: each title carries its own.
                    <ul class="review-nav">{nav}</ul>
                </nav>
                <div>
                    {body}
                    <div class="pager">
                        <button type="button" disabled=move || current.get() == 0 on:click=move |_| go(-1)>{tv!("review-previous")}</button>
                        <button type="button" disabled=at_last on:click=move |_| go(1)>{tv!("review-next")}</button>
                    </div>
                </div>
            </div>
            <section class="decision" aria-labelledby="decision-heading">
                <h3 id="decision-heading">{tv!("review-decision-heading")}</h3>
                <ul>{decisions}</ul>
                {move || my_key.get().map(|fp| view! {
                    <p class="fingerprint-note">{tv!("review-fingerprint")}" "<code>{fp}</code></p>
                })}
                {error_summary}
                <form on:submit=record novalidate>
                    <div class="field" class:has-error=flagged(Missing::Role)>
                        <label for="reviewer-role">{tv!("review-your-role")}</label>
                        {field_error(Missing::Role)}
                        <input id="reviewer-role" type="text" aria-invalid=invalid(Missing::Role) aria-describedby=described(Missing::Role)
                            prop:value=move || role.get() on:input=move |ev| role.set(event_target_value(&ev)) />
                    </div>
                    <div class="field" class:has-error=flagged(Missing::Date)>
                        <label for="decision-date">{tv!("review-date")}</label>
                        {field_error(Missing::Date)}
                        <input id="decision-date" type="date" aria-invalid=invalid(Missing::Date) aria-describedby=described(Missing::Date)
                            prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                    </div>
                    <fieldset class="field" class:has-error=flagged(Missing::Decision) aria-describedby=described(Missing::Decision)>
                        <legend>{tv!("review-decision-legend")}</legend>
                        {field_error(Missing::Decision)}
                        <div class="choices inline">
                            <div class="choice">
                                <input type="radio" id="decision-approved" name="decision" on:change=move |_| decision.set(Some(Verdict::Approved)) />
                                <label for="decision-approved">{tv!("review-approve")}</label>
                            </div>
                            <div class="choice">
                                <input type="radio" id="decision-changes" name="decision" on:change=move |_| decision.set(Some(Verdict::ChangesRequested)) />
                                <label for="decision-changes">{tv!("review-request-changes")}</label>
                            </div>
                        </div>
                    </fieldset>
                    <button type="submit">{tv!("review-record")}</button>
                </form>
                <p><button type="button" class="primary" on:click=export>{tv!("review-download")}</button></p>
            </section>
        </main>
    }
    .into_any()
}

fn comment_view(
    c: crate::policy::files::review::Comment,
    review: ReviewEdits,
    reviewer: RwSignal<String>,
    status: RwSignal<String>,
    reply_drafts: RwSignal<HashMap<String, String>>,
) -> impl IntoView {
    let reply_id = format!("reply-{}", c.id);
    let id = c.id.clone();
    let draft = {
        let id = id.clone();
        move || reply_drafts.with(|m| m.get(&id).cloned().unwrap_or_default())
    };
    let set_draft = {
        let id = id.clone();
        move |text: String| {
            reply_drafts.update(|m| {
                if text.is_empty() {
                    m.remove(&id);
                } else {
                    m.insert(id.clone(), text);
                }
            })
        }
    };
    let send = {
        let (id, set_draft) = (id.clone(), set_draft.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let author = reviewer.get_untracked();
            let text = reply_drafts.with_untracked(|m| m.get(&id).cloned().unwrap_or_default());
            if author.trim().is_empty() || text.trim().is_empty() {
                status.set(tr!("review-reply-first"));
                return;
            }
            review.update(|r| {
                if let Some(c) = r.comment_mut(&id) {
                    c.replies.push(crate::policy::files::review::Reply {
                        author: author.trim().to_owned(),
                        at: now_iso(),
                        text: text.trim().to_owned(),
                    });
                }
            });
            set_draft(String::new());
            status.set(tr!("review-reply-added"));
        }
    };
    let replies = c
        .replies
        .iter()
        .map(|r| view! { <li><p class="meta">{format!("{}, {}", r.author, local_time(&r.at))}</p><p>{r.text.clone()}</p></li> })
        .collect_view();
    view! {
        <li class="comment" class:resolved=c.resolved>
            <p class="meta">{
                let (author, at, resolved) = (c.author.clone(), local_time(&c.at), c.resolved);
                move || if resolved {
                    tr!("review-comment-meta-resolved", author = author.clone(), time = at.clone())
                } else {
                    format!("{author}, {at}")
                }
            }</p>
            <p class="comment-text">{c.text.clone()}</p>
            <ul class="replies">{replies}</ul>
            <form class="reply-form" on:submit=send>
                <label for=reply_id.clone()>{
                    let author = c.author.clone();
                    move || tr!("review-reply-to", author = author.clone())
                }</label>
                <textarea id=reply_id rows="2" prop:value=draft on:input=move |ev| set_draft(event_target_value(&ev))></textarea>
                <button type="submit">{tv!("review-reply")}</button>
            </form>
        </li>
    }
}
