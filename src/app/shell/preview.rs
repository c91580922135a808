//! The live preview: the filled [`Document`] as HTML. It only maps blocks
//! to elements; every word comes from the document. Text that changed since
//! the last render is marked for a moment, so the user sees what an answer
//! did.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::app::shell::session::use_session;
use crate::policy::document::{Block, BlockKind, Run, Section, Text};

/// Block texts of the last render, by clause and position, to find what
/// changed.
type Seen = HashMap<String, String>;

/// The policy as it stands, updated as the user answers.
#[component]
pub fn Preview() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let document = session.document;
    let review = session.review_edits();
    let seen = StoredValue::new(None::<Seen>);
    let body = move || {
        review.track();
        document.with(|d| {
            let before = seen.get_value();
            let mut now = Seen::new();
            let changes = review.with_untracked(|r| r.changes_since(d));
            let view = d
                .sections
                .iter()
                .map(|s| {
                    let changed = changes.iter().find(|(id, _)| id == s.id.as_str()).map(|(_, c)| c);
                    let notes = crate::app::shell::review_notes::review_notes(s.id.as_str(), review, changed);
                    let anchor = format!("preview-{}", s.id);
                    view! { {notes}{section(s, 2, before.as_ref(), &mut now, Some(anchor))} }
                })
                .collect_view();
            seen.set_value(Some(now));
            view
        })
    };
    view! {
        <aside class="preview" id="preview" aria-labelledby="preview-heading" tabindex="0">
            <h2 id="preview-heading" class="visually-hidden">"Policy preview"</h2>
            {move || document.with(|d| (!d.problems.is_empty()).then(|| {
                let items = d.problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view();
                view! {
                    <div class="notice-box" role="alert">
                        <h3>"Some clauses could not be filled"</h3>
                        <p>"They are left out of the policy. Check the clause library:"</p>
                        <ul>{items}</ul>
                    </div>
                }
            }))}
            <article class="policy">
                <h1>{move || document.with(|d| d.title.clone())}</h1>
                <p class="author">{move || document.with(|d| d.author.clone())}</p>
                {body}
            </article>
        </aside>
    }
    .into_any()
}

/// One section of the policy as HTML, as the preview shows it, its
/// heading at `level` (2 to 5).
pub fn render_section(s: &Section, level: u8) -> AnyView {
    section(s, level, None, &mut Seen::new(), None)
}

/// `anchor` is an id for the heading, which can then take focus.
fn section(s: &Section, level: u8, before: Option<&Seen>, now: &mut Seen, anchor: Option<String>) -> AnyView {
    let heading = format!("{} {}", s.number, s.title);
    let focusable = anchor.as_ref().map(|_| "-1");
    let heading = match level {
        2 => view! { <h2 id=anchor tabindex=focusable>{heading}</h2> }.into_any(),
        3 => view! { <h3>{heading}</h3> }.into_any(),
        4 => view! { <h4>{heading}</h4> }.into_any(),
        _ => view! { <h5>{heading}</h5> }.into_any(),
    };
    let blocks = s
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let key = format!("{}#{i}", b.clause);
            let plain = plain(b);
            // Nothing is "changed" on the first render.
            let changed = before.is_some_and(|seen| seen.get(&key) != Some(&plain));
            now.insert(key, plain);
            block(&b.kind, changed)
        })
        .collect_view();
    let subs = s
        .subsections
        .iter()
        .map(|sub| section(sub, level + 1, before, now, None))
        .collect_view();
    view! { <section>{heading}{blocks}{subs}</section> }.into_any()
}

fn plain(b: &Block) -> String {
    match &b.kind {
        BlockKind::Paragraph(t) | BlockKind::Notice(t) => t.to_plain(),
        BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
            items.iter().map(Text::to_plain).collect::<Vec<_>>().join("\n")
        }
    }
}

fn block(kind: &BlockKind, changed: bool) -> AnyView {
    match kind {
        BlockKind::Paragraph(t) => view! { <p class:changed=changed>{text(t)}</p> }.into_any(),
        BlockKind::Notice(t) => view! { <p class="notice" class:changed=changed role="note">{text(t)}</p> }.into_any(),
        BlockKind::Bullets(items) => view! {
            <ul class:changed=changed>{items.iter().map(|t| view! { <li>{text(t)}</li> }).collect_view()}</ul>
        }
        .into_any(),
        BlockKind::Numbered(items) => view! {
            <ol class:changed=changed>{items.iter().map(|t| view! { <li>{text(t)}</li> }).collect_view()}</ol>
        }
        .into_any(),
    }
}

fn text(t: &Text) -> AnyView {
    t.0.iter()
        .map(|run| match run {
            Run::Plain(s) => s.clone().into_any(),
            Run::Missing { label, .. } => {
                view! { <mark class="placeholder" title="Not answered yet">{format!("[{label}]")}</mark> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}
