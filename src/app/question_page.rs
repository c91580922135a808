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
                    <button type="button" class="link" aria-current=current on:click=move |_| go(section, i)>
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
    // Keyed by question id, so a field that stays visible keeps its
    // element (and the keyboard focus) when another appears or goes.
    let fields = {
        let policy = policy.clone();
        move || {
            let visible = visible.get();
            policy
                .questionnaire
                .sections
                .get(section.get())
                .map(|s| {
                    s.questions
                        .iter()
                        .filter(|qn| visible.contains(&qn.id))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }
    };
    let heading = {
        let policy = policy.clone();
        move || {
            let s = policy.questionnaire.sections.get(section.get())?;
            let intro = s.intro.clone().map(|t| view! { <p class="intro">{t}</p> });
            Some(view! {
                <h2 id="section-heading" tabindex="-1">{s.title.clone()}</h2>
                {intro}
            })
        }
    };
    let body = move || {
        view! {
            {heading.clone()}
            <form class="questions-form" on:submit=|ev| ev.prevent_default()>
                <For each=fields.clone() key=|qn| qn.id.clone() children=|qn| view! { <QuestionField question=qn /> } />
            </form>
        }
    };

    view! {
        <section class="questions" aria-labelledby="section-heading">
            <nav aria-label="Sections">
                <ol class="section-list">{nav_items}</ol>
            </nav>
            {body}
            <div class="pager">
                <button type="button" disabled=move || { section.get() == 0 } on:click=move |_| go(section, section.get_untracked().saturating_sub(1))>
                    "Back"
                </button>
                <button type="button" disabled=move || { section.get() + 1 >= count } on:click=move |_| go(section, (section.get_untracked() + 1).min(count - 1))>
                    "Next"
                </button>
            </div>
        </section>
    }
    .into_any()
}

/// Shows section `index` and moves focus to its heading, so keyboard and
/// screen-reader users land at the start of the new questions.
fn go(section: RwSignal<usize>, index: usize) {
    section.set(index);
    request_animation_frame(|| super::focus::focus_id("section-heading"));
}
