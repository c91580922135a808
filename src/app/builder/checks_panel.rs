//! The consistency checks and the required questions still unanswered,
//! each with a button that opens the question concerned.

use leptos::prelude::*;

use crate::app::i18n::{tr, tv};
use crate::app::shell::session::use_session;

/// Warnings from the content's consistency rules and a count of required
/// questions left, updated as the user answers.
#[component]
pub fn ChecksPanel() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    // The questions' words in the interface language.
    let policy = session.questions();
    let answers = session.answers();
    // (message, question label, section index, question id)
    let findings = Memo::new(move |_| {
        let q = &policy.questionnaire;
        answers.with(|a| {
            let locate = |id: &crate::policy::model::ids::QuestionId| {
                q.sections
                    .iter()
                    .position(|s| s.questions.iter().any(|qn| &qn.id == id))
                    .unwrap_or(0)
            };
            let warnings: Vec<(String, String, usize, String)> = q
                .warnings(a)
                .into_iter()
                .map(|c| {
                    let label = q.question(&c.question).map_or_else(String::new, |qn| qn.label.clone());
                    (
                        c.message.trim().to_owned(),
                        label,
                        locate(&c.question),
                        c.question.to_string(),
                    )
                })
                .collect();
            let missing: Vec<(String, usize, String)> = q
                .unanswered_required(a)
                .into_iter()
                .map(|qn| (qn.label.clone(), locate(&qn.id), qn.id.to_string()))
                .collect();
            (warnings, missing)
        })
    });
    // Copy, so that every row's button can hold it.
    let stored = StoredValue::new(session.clone());
    let open = move |index: usize, id: String| {
        stored.with_value(|s| s.go_to_section(index));
        // Focus the question once its section has rendered.
        // A choice question is a fieldset: focus its first option.
        request_animation_frame(move || {
            crate::app::browser::focus::focus_question(&id);
        });
    };
    view! {
        <section class="checks" aria-labelledby="checks-heading">
            <h2 id="checks-heading">{tv!("checks-heading")}</h2>
            // The live region stays in place; only its text changes, so
            // screen readers announce each new summary.
            <p role="status" aria-live="polite">{move || summary(&findings.get())}</p>
            {move || {
                let (warnings, missing) = findings.get();
                let items = warnings
                    .into_iter()
                    .map(|(message, label, index, id)| {
                        view! {
                            <li class="warning">
                                <p>{message}</p>
                                <button type="button" class="link" on:click=move |_| open(index, id.clone())>
                                    {move || tr!("checks-revisit", label = label.clone())}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                let missing_items = missing
                    .into_iter()
                    .map(|(label, index, id)| {
                        view! {
                            <li>
                                <button type="button" class="link" on:click=move |_| open(index, id.clone())>
                                    {label}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <ul class="findings">{items}</ul>
                    <details>
                        <summary>{tv!("checks-missing-summary")}</summary>
                        <ul>{missing_items}</ul>
                    </details>
                }
            }}
        </section>
    }
    .into_any()
}

type Findings = (Vec<(String, String, usize, String)>, Vec<(String, usize, String)>);

fn summary((warnings, missing): &Findings) -> String {
    match (warnings.len(), missing.len()) {
        (0, 0) => tr!("checks-none"),
        (w, m) => tr!("checks-summary", warnings = w, missing = m),
    }
}
