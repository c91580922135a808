//! The list of problems found in a file the user gave, GOV.UK style: a
//! titled box that takes focus, each problem with its line and column
//! (or the file alone, for a problem of the whole file such as its size),
//! said in the interface language where its kind is known.

use leptos::prelude::*;

use crate::app::i18n::{tr, tv, Said};
use crate::policy::diag::{Diagnostic, Diagnostics, Kind};

impl Said for Diagnostic {
    /// The problem in the interface language where its kind is known, else
    /// the pipeline's English message.
    fn said(&self) -> String {
        let Some(kind) = &self.kind else {
            return self.message.clone();
        };
        match kind {
            Kind::MissingField { field } => tr!("diag-missing-field", field = field.as_str()),
            Kind::UnknownField { field, allowed } => match allowed.split_last() {
                None => tr!("diag-unknown-field", field = field.as_str()),
                Some((last, init)) => {
                    let code = |name: &String| format!("`{name}`");
                    let allowed = match init {
                        [] => code(last),
                        _ => format!(
                            "{} {} {}",
                            init.iter().map(code).collect::<Vec<_>>().join(", "),
                            tr!("diag-or"),
                            code(last)
                        ),
                    };
                    tr!("diag-unknown-field-allowed", field = field.as_str(), allowed = allowed)
                }
            },
            Kind::WrongType { found, expected } => {
                let (found, value) = found.parts();
                tr!(
                    "diag-wrong-type",
                    found = found,
                    value = value,
                    expected = expected.tag()
                )
            }
            Kind::Syntax { detail } => tr!("diag-syntax", detail = detail.as_str()),
            Kind::TooLarge { size, max } => tr!("diag-too-large", size = size.to_string(), max = max.to_string()),
        }
    }
}

/// A summary of the problems `d` in a box with id `id` and heading `title`.
pub fn problem_summary(id: &'static str, title: impl Into<String>, d: &Diagnostics) -> AnyView {
    let title = title.into();
    let items = d
        .iter()
        .map(|p| view! { <li><code>{p.place()}</code>" "{p.said()}</li> })
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
