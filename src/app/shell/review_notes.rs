//! A reviewer's notes beside a section of the preview: the verdict, the
//! open comments (which drafters resolve here), and the words that changed
//! since the section was reviewed.

use leptos::prelude::*;

use crate::app::i18n::{tr, tv};
use crate::app::shell::session::ReviewEdits;
use crate::policy::files::review::{Change, DiffLine, Standing, Verdict};

/// The notes for top-level section `id`, if the review says anything.
/// `changes` is the difference since its verdict, when its text changed.
pub fn review_notes(id: &str, review: ReviewEdits, changes: Option<&Vec<DiffLine>>) -> Option<AnyView> {
    let (verdict, open) = review.with_untracked(|r| {
        let s = r.sections.get(id);
        let open: Vec<_> = s
            .map(|s| s.comments.iter().filter(|c| !c.resolved).cloned().collect())
            .unwrap_or_default();
        (s.and_then(|s| s.verdict), open)
    });
    if verdict.is_none() && open.is_empty() && changes.is_none() {
        return None;
    }
    // An approval counts only for the text that was approved.
    let standing = verdict.map(|v| match (v, changes.is_some()) {
        (Verdict::Approved, false) => Standing::Approved,
        (Verdict::Approved, true) => Standing::ApprovedBeforeChange,
        (Verdict::ChangesRequested, _) => Standing::ChangesRequested,
    });
    let verdict = standing.map(|v| {
        let class = match v {
            Standing::Approved => "verdict approved",
            Standing::ApprovedBeforeChange => "verdict outdated",
            Standing::ChangesRequested => "verdict changes",
        };
        view! { <p class=class>{tr!("notes-review", verdict = super::labels::standing(v))}</p> }
    });
    let ids: Vec<String> = open.iter().map(|c| c.id.clone()).collect();
    let comments = open
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let comment_id = c.id.clone();
            // Focus then goes to the next open comment of the section, or
            // the previous one, or the section's heading.
            let target = ids
                .get(i + 1)
                .or_else(|| i.checked_sub(1).and_then(|p| ids.get(p)))
                .map_or_else(|| format!("preview-{id}"), |n| format!("resolve-note-{n}"));
            let resolve = move |_| {
                review.update(|r| {
                    if let Some(c) = r.comment_mut(&comment_id) {
                        c.resolved = true;
                    }
                });
                let target = target.clone();
                request_animation_frame(move || crate::app::browser::focus::focus_id(&target));
            };
            let replies = c.replies.len();
            let label = {
                let text = c.text.clone();
                move || tr!("check-mark-resolved-of", text = text.clone())
            };
            view! {
                <li>
                    <p><strong>{c.author.clone()}": "</strong>{c.text.clone()}</p>
                    {(replies > 0).then(|| view! { <p class="meta">{move || tr!("notes-replies", count = replies)}</p> })}
                    <button type="button" class="link" id=format!("resolve-note-{}", c.id) aria-label=label on:click=resolve>{tv!("check-mark-resolved")}</button>
                </li>
            }
        })
        .collect_view();
    let diff = changes.map(|lines| {
        view! {
            <details class="since-review">
                <summary>{tv!("notes-changed")}</summary>
                <div class="diff">{diff_view(lines)}</div>
            </details>
        }
    });
    Some(
        view! {
            <div class="review-notes" role="note" aria-label=tv!("notes-label")>
                {verdict}
                <ul class="open-comments">{comments}</ul>
                {diff}
            </div>
        }
        .into_any(),
    )
}

/// The difference as paragraphs and lists, as the section reads.
fn diff_view(lines: &[DiffLine]) -> AnyView {
    let runs = |line: &DiffLine| {
        line.changes
            .iter()
            .map(|c| match c {
                Change::Same(t) => view! { <span>{t.clone()}</span> }.into_any(),
                Change::Added(t) => view! { <ins>{t.clone()}</ins> }.into_any(),
                Change::Removed(t) => view! { <del>{t.clone()}</del> }.into_any(),
            })
            .collect_view()
    };
    // Neighbouring list items make one list.
    let mut out = Vec::new();
    let mut items = Vec::new();
    for line in lines {
        if line.item {
            items.push(view! { <li>{runs(line)}</li> });
            continue;
        }
        if !items.is_empty() {
            out.push(view! { <ul>{std::mem::take(&mut items)}</ul> }.into_any());
        }
        out.push(view! { <p>{runs(line)}</p> }.into_any());
    }
    if !items.is_empty() {
        out.push(view! { <ul>{items}</ul> }.into_any());
    }
    out.into_any()
}
