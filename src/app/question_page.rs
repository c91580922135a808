//! The questions, one section at a time, with a list of sections to jump
//! between and back and next buttons.

use leptos::prelude::*;

use super::question_field::QuestionField;
use super::session::use_session;

/// The current section's questions, showing only those whose conditions hold.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let policy = session.policy.clone();
    let section = session.section;
    let count = policy.questionnaire.sections.len();

    let nav_items = policy
        .questionnaire
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let title = s.title.clone();
            let current = move || (section.get() == i).then_some("step");
            view! {
                <li>
                    <button type="button" class="link" aria-current=current on:click=move |_| section.set(i)>
                        {title}
                    </button>
                </li>
            }
        })
        .collect_view();

    // The visible questions change only when a condition flips, so the
    // form re-renders then, not on every keystroke.
    let visible = Memo::new({
        let policy = policy.clone();
        let answers = session.answers;
        move |_| {
            let q = &policy.questionnaire;
            answers.with(|a| {
                let v = q.visible_answers(a);
                q.questions()
                    .filter(|qn| q.is_shown(qn, &v))
                    .map(|qn| qn.id.clone())
                    .collect::<Vec<_>>()
            })
        }
    });
    let body = move || {
        let visible = visible.get();
        let Some(s) = policy.questionnaire.sections.get(section.get()) else {
            return ().into_any();
        };
        let fields = s
            .questions
            .iter()
            .filter(|qn| visible.contains(&qn.id))
            .map(|qn| view! { <QuestionField question=qn.clone() /> })
            .collect_view();
        let intro = s.intro.clone().map(|t| view! { <p class="intro">{t}</p> });
        view! {
            <h2 id="section-heading">{s.title.clone()}</h2>
            {intro}
            <form class="questions-form" on:submit=|ev| ev.prevent_default()>{fields}</form>
        }
        .into_any()
    };

    view! {
        <section class="questions" aria-labelledby="section-heading">
            <nav aria-label="Sections">
                <ol class="section-list">{nav_items}</ol>
            </nav>
            {body}
            <div class="pager">
                <button type="button" disabled=move || { section.get() == 0 } on:click=move |_| section.update(|s| *s = s.saturating_sub(1))>
                    "Back"
                </button>
                <button type="button" disabled=move || { section.get() + 1 >= count } on:click=move |_| section.update(|s| *s = (*s + 1).min(count - 1))>
                    "Next"
                </button>
            </div>
        </section>
    }
    .into_any()
}
