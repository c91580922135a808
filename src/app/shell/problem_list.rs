//! The list of problems found in a file the user gave, GOV.UK style: a
//! titled box that takes focus, each problem with its line and column
//! (or the file alone, for a problem of the whole file such as its size).

use leptos::prelude::*;

use crate::app::i18n::tv;
use crate::policy::diag::Diagnostics;

/// A summary of the problems `d` in a box with id `id` and heading `title`.
pub fn problem_summary(id: &'static str, title: impl Into<String>, d: &Diagnostics) -> AnyView {
    let title = title.into();
    let items = d
        .iter()
        .map(|p| view! { <li><code>{p.place()}</code>" "{p.message.clone()}</li> })
        .collect_view();
    view! {
        <div class="error-summary" id=id tabindex="-1" role="alert" aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{title}</h2>
            <p>{tv!("problems-intro")}</p>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}
