//! The questions, one section at a time, with a list of sections to jump
//! between and back and next buttons.

use leptos::prelude::*;

use crate::app::builder::question_field::QuestionField;
use crate::app::i18n::{tr, tv};
use crate::app::shell::route::{navigate, Route};
use crate::app::shell::session::{use_session, Session};
use crate::app::shell::use_app;

/// The current section's questions, showing only those whose conditions hold.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    // The questions' words in the interface language.
    let policy = session.questions();
    let section = session.section();
    let count = policy.questionnaire.sections.len();
    let ids: Vec<String> = policy.questionnaire.sections.iter().map(|s| s.id.to_string()).collect();
    let ids = StoredValue::new(ids);
    let draft = session.id.clone();

    // The section is in the address (`#/draft/<id>/<section>`): a reload
    // comes back to it, and Back and Forward move between sections. The
    // address is the source; the route listener (an event handler, not an
    // effect) moves the session to the section it names.
    let wanted = move |route: &Route| match route {
        Route::Section(_, id) => ids.with_value(|ids| ids.iter().position(|s| s == id)),
        Route::Questions(_) => Some(0),
        _ => None,
    };
    if let Some(route) = use_app().map(|a| a.route) {
        if let Some(i) = wanted(&route.get_untracked()) {
            if i != section.get_untracked() {
                session.go_to_section(i);
            }
            // Arriving at the questions (a new draft, a draft opened from
            // the list), focus starts at the section's heading, not the
            // page's body.
            request_animation_frame(|| crate::app::browser::focus::focus_id_on_arrival("section-heading"));
        }
        let listener = crate::app::shell::route::listen({
            let session = session.clone();
            move |route| {
                if let Some(i) = wanted(route) {
                    if i != session.section().get_untracked() {
                        go(&session, i);
                    }
                }
            }
        });
        on_cleanup(move || crate::app::shell::route::unlisten(listener));
    }
    // Moving to section `i` adds it to the browser's history.
    let show = {
        let draft = draft.clone();
        let session = session.clone();
        move |i: usize| {
            go(&session, i);
            if let Some(id) = ids.with_value(|ids| ids.get(i).cloned()) {
                navigate(&Route::Section(draft.clone(), id));
            }
        }
    };

    // Per section: how many required questions on screen are unanswered.
    let left = Memo::new({
        let policy = policy.clone();
        let answers = session.answers();
        move |_| {
            let q = &policy.questionnaire;
            answers.with(|a| {
                let missing = q.unanswered_required(a);
                q.sections
                    .iter()
                    .map(|s| {
                        s.questions
                            .iter()
                            .filter(|qn| missing.iter().any(|m| m.id == qn.id))
                            .count()
                    })
                    .collect::<Vec<_>>()
            })
        }
    });
    let nav_items = policy
        .questionnaire
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let show = show.clone();
            let title = s.title.clone();
            let current = move || (section.get() == i).then_some("step");
            let progress = move || match left.with(|l| l.get(i).copied().unwrap_or(0)) {
                0 => view! { <span class="progress done">{tv!("questions-done")}</span> }.into_any(),
                n => view! { <span class="progress">{move || tr!("questions-to-answer", count = n)}</span> }.into_any(),
            };
            view! {
                <li>
                    <button type="button" class="link" aria-current=current on:click=move |_| show(i)>
                        {title}
                    </button>
                    " "
                    {progress}
                </li>
            }
        })
        .collect_view();

    // The visible questions change only when a condition flips, so the
    // form re-renders then, not on every keystroke.
    let visible = Memo::new({
        let policy = policy.clone();
        let answers = session.answers();
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

    // The GOV.UK pattern: leaving a section with required questions
    // unanswered lists them at the top, linked to the fields; pressing Next
    // again moves on (a draft may be incomplete).
    let flagged = session.flagged();
    let missing_here = {
        let policy = policy.clone();
        let answers = session.answers();
        move |index: usize| {
            let q = &policy.questionnaire;
            let Some(s) = q.sections.get(index) else {
                return Vec::new();
            };
            answers.with(|a| {
                q.unanswered_required(a)
                    .into_iter()
                    .filter(|m| s.questions.iter().any(|qn| qn.id == m.id))
                    .map(|m| (m.id.to_string(), m.label.clone()))
                    .collect::<Vec<_>>()
            })
        }
    };
    let next = {
        let missing_here = missing_here.clone();
        let show = show.clone();
        let session = session.clone();
        move |_| {
            let here = section.get_untracked();
            if flagged.get_untracked() != Some(here) && !missing_here(here).is_empty() {
                session.flag_section(Some(here));
                request_animation_frame(|| crate::app::browser::focus::focus_id("error-summary"));
                return;
            }
            show((here + 1).min(count - 1));
        }
    };
    let back = {
        let show = show.clone();
        move |_| show(section.get_untracked().saturating_sub(1))
    };
    // The last section ends with the way on: check the answers, then export.
    let last = move || section.get() + 1 >= count;
    let check_answers = Route::Check(draft.clone()).href();
    let summary = move || {
        let here = section.get();
        if flagged.get() != Some(here) {
            return None;
        }
        let items = missing_here(here);
        if items.is_empty() {
            return None;
        }
        let links = items
            .into_iter()
            .map(|(id, label)| view! { <li><a href=format!("#q-{id}") on:click=move |ev| { ev.prevent_default(); crate::app::browser::focus::focus_question(&id); }>{label}</a></li> })
            .collect_view();
        Some(view! {
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h3 id="error-summary-title">{tv!("questions-missing-heading")}</h3>
                // One rule, as the intro says: blanks are fine. Next reminds
                // once, and moves on when pressed again.
                <p>{tv!("questions-missing-text")}</p>
                <ul>{links}</ul>
            </div>
        })
    };
    let from_check = session.came_from_check();
    let check_href = crate::app::shell::route::Route::Check(session.id.clone()).href();

    let body = move || {
        view! {
            {heading.clone()}
            {summary.clone()}
            <form class="questions-form" on:submit=|ev| ev.prevent_default()>
                <For each=fields.clone() key=|qn| qn.id.clone() children=|qn| view! { <QuestionField question=qn /> } />
            </form>
        }
    };

    view! {
        <section class="questions" aria-labelledby="section-heading">
            <nav aria-label=tv!("questions-sections")>
                <ol class="section-list">{nav_items}</ol>
            </nav>
            {body}
            <div class="pager">
                <button type="button" disabled=move || { section.get() == 0 } on:click=back>
                    {tv!("questions-back")}
                </button>
                <Show when=move || !last() fallback=move || view! {
                    <a class="button primary" href=check_answers.clone()>{tv!("check-heading")}</a>
                }>
                    <button type="button" on:click=next.clone()>{tv!("questions-next")}</button>
                </Show>
                {move || (from_check.get() && !last()).then(|| view! {
                    <a class="button primary" href=check_href.clone()>{tv!("questions-return-to-check")}</a>
                })}
            </div>
        </section>
    }
    .into_any()
}

/// Shows section `index` and moves focus to its heading, so keyboard and
/// screen-reader users land at the start of the new questions.
fn go(session: &Session, index: usize) {
    session.go_to_section(index);
    request_animation_frame(|| crate::app::browser::focus::focus_id_on_arrival("section-heading"));
}
