//! The live preview: the filled [`Document`] as HTML. It only maps blocks
//! to elements; every word comes from the document.

use leptos::prelude::*;

use super::session::use_session;
use crate::policy::document::{BlockKind, Run, Section, Text};

/// The policy as it stands, updated as the user answers.
#[component]
pub fn Preview() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let document = session.document;
    view! {
        <aside class="preview" aria-labelledby="preview-heading" tabindex="0">
            <h2 id="preview-heading" class="visually-hidden">"Policy preview"</h2>
            <article class="policy">
                <h1>{move || document.with(|d| d.title.clone())}</h1>
                <p class="author">{move || document.with(|d| d.author.clone())}</p>
                {move || document.with(|d| d.sections.iter().map(|s| section(s, 2)).collect_view())}
            </article>
        </aside>
    }
    .into_any()
}

fn section(s: &Section, level: u8) -> AnyView {
    let heading = format!("{} {}", s.number, s.title);
    let heading = if level == 2 {
        view! { <h2>{heading}</h2> }.into_any()
    } else {
        view! { <h3>{heading}</h3> }.into_any()
    };
    let blocks = s.blocks.iter().map(|b| block(&b.kind)).collect_view();
    let subs = s.subsections.iter().map(|sub| section(sub, level + 1)).collect_view();
    view! { <section>{heading}{blocks}{subs}</section> }.into_any()
}

fn block(kind: &BlockKind) -> AnyView {
    match kind {
        BlockKind::Paragraph(t) => view! { <p>{text(t)}</p> }.into_any(),
        BlockKind::Notice(t) => view! { <p class="notice" role="note">{text(t)}</p> }.into_any(),
        BlockKind::Bullets(items) => {
            view! { <ul>{items.iter().map(|t| view! { <li>{text(t)}</li> }).collect_view()}</ul> }.into_any()
        }
        BlockKind::Numbered(items) => {
            view! { <ol>{items.iter().map(|t| view! { <li>{text(t)}</li> }).collect_view()}</ol> }.into_any()
        }
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
