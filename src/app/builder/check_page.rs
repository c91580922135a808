//! Check answers: every answer by section with a Change link, the
//! consistency warnings, the notes for approvers, the sections that read differently since the draft
//! was made on older clause packs, the required questions left, and the
//! draft's clause library, and last the export buttons. The GOV.UK "check
//! answers" pattern is the model.

use leptos::prelude::*;

use crate::app::browser::focus::{focus_id, try_focus_id};
use crate::app::builder::export_button::ExportButton;
use crate::app::builder::library_import::LibraryImport;
use crate::app::i18n::{tr, tv};
use crate::app::shell::route::Route;
use crate::app::shell::session::use_session;
use crate::policy::document::BlockKind;
use crate::policy::fill::changes::changed_sections;
use crate::policy::fill::finish;
use crate::policy::model::answers::Answer;
use crate::policy::model::questionnaire::{Question, QuestionKind};

/// The check-answers page.
#[component]
pub fn CheckPage() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    // The questions' words in the interface language.
    let policy = session.questions();
    let answers = session.answers();
    let id = session.id.clone();
    // Back from changing an answer: land on it (focus scrolls its row
    // into view); otherwise, and if the question is no longer shown, on
    // the heading.
    let changed = session.at_check_page();
    request_animation_frame(move || {
        if !changed.is_some_and(|q| try_focus_id(&format!("change-{q}"))) {
            focus_id("check-heading");
        }
    });

    let warnings = {
        let (policy, id) = (policy.clone(), id.clone());
        move || {
            let q = &policy.questionnaire;
            let items: Vec<_> = answers.with(|a| {
                q.warnings(a)
                    .into_iter()
                    .map(|c| {
                        let label = q.question(&c.question).map_or_else(String::new, |qn| qn.label.clone());
                        let href = Route::Change(id.clone(), c.question.to_string()).href();
                        view! {
                            <li>
                                <p>{c.message.trim().to_owned()}</p>
                                <a href=href>{tv!("check-change-answer")}<span class="visually-hidden">" "{move || tr!("check-change-answer-to", label = label.clone())}</span></a>
                            </li>
                        }
                    })
                    .collect()
            });
            (!items.is_empty()).then(|| {
                view! {
                    <section class="check-warnings" aria-labelledby="warnings-heading">
                        <h2 id="warnings-heading">{tv!("check-warnings-heading")}</h2>
                        <ul class="findings">{items}</ul>
                    </section>
                }
            })
        }
    };
    let changed = {
        let session = session.clone();
        move || {
            let policy = &session.policy;
            let loaded = session.library().with(|l| l.loaded());
            let lib = loaded.as_deref().unwrap_or(&policy.library);
            let found = session
                .document
                .with(|d| session.made_on().with(|m| changed_sections(lib, d, m)));
            (!found.is_empty()).then(|| {
                let items = found
                    .into_iter()
                    .map(|c| {
                        let changes = c.changes.into_iter().map(|t| view! { <li>{t}</li> }).collect_view();
                        view! {
                            <li>
                                <strong>{format!("{} {}", c.number, c.title)}</strong>
                                <ul>{changes}</ul>
                            </li>
                        }
                    })
                    .collect_view();
                let session = session.clone();
                let read = move |_| {
                    session.mark_changes_read();
                    request_animation_frame(|| focus_id("check-heading"));
                };
                view! {
                    <section class="check-warnings" aria-labelledby="changed-heading">
                        <h2 id="changed-heading">{tv!("check-changed-heading")}</h2>
                        <p>{tv!("check-changed-text")}</p>
                        <ul class="findings">{items}</ul>
                        <button type="button" on:click=read>{tv!("check-changed-read")}</button>
                    </section>
                }
            })
        }
    };
    let unknown = {
        let policy = policy.clone();
        move || {
            let problems = answers.with(|a| policy.questionnaire.check_answers(a));
            (!problems.is_empty()).then(|| {
                let items = problems
                    .into_iter()
                    .map(|p| view! { <li><code>{p.question.to_string()}</code>": "{p.message}</li> })
                    .collect_view();
                view! {
                    <section aria-labelledby="unused-heading">
                        <h2 id="unused-heading">{tv!("check-unused-heading")}</h2>
                        <p>{tv!("check-unused-text")}</p>
                        <ul>{items}</ul>
                    </section>
                }
            })
        }
    };
    let sections = {
        let (policy, id) = (policy.clone(), id.clone());
        move || {
            let q = &policy.questionnaire;
            answers.with(|a| {
                let visible = q.visible_answers(a);
                q.sections
                    .iter()
                    .map(|s| {
                        let heading_id = format!("check-{}", s.id);
                        let labelled_by = heading_id.clone();
                        let rows = s
                            .questions
                            .iter()
                            .filter(|qn| q.is_shown(qn, &visible))
                            .map(|qn| row(qn, visible.get(&qn.id), &id))
                            .collect_view();
                        view! {
                            <section aria-labelledby=labelled_by>
                                <h2 id=heading_id>{s.title.clone()}</h2>
                                <dl class="summary-list">{rows}</dl>
                            </section>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let open_comments = {
        let id = id.clone();
        let review = session.review_edits();
        let document = session.document;
        move || {
            let open: Vec<_> = review.with(|r| {
                document.with(|d| {
                    r.open_comments(d)
                        .into_iter()
                        .map(|(section, c)| {
                            let title = d
                                .sections
                                .iter()
                                .find(|s| s.id.as_str() == section)
                                .map(|s| format!("{} {}", s.number, s.title));
                            (title, c.clone())
                        })
                        .collect()
                })
            });
            let ids: Vec<String> = open.iter().map(|(_, c)| c.id.clone()).collect();
            let items: Vec<_> = open
                .into_iter()
                .enumerate()
                .map(|(i, (title, c))| {
                    // After resolving, focus goes to the next comment's
                    // button, or the previous one's, or the heading.
                    let after = ids
                        .get(i + 1)
                        .or_else(|| i.checked_sub(1).and_then(|p| ids.get(p)))
                        .cloned();
                    let comment_id = c.id.clone();
                    let resolve = move |_| {
                        review.update(|r| {
                            if let Some(c) = r.comment_mut(&comment_id) {
                                c.resolved = true;
                            }
                        });
                        let target = after
                            .as_ref()
                            .map_or_else(|| "check-heading".to_owned(), |n| format!("resolve-{n}"));
                        request_animation_frame(move || focus_id(&target));
                    };
                    let section = match title {
                        Some(t) => view! { <strong>{t}</strong> }.into_any(),
                        None => view! { <strong>{tv!("check-section-gone")}</strong> }.into_any(),
                    };
                    view! {
                        <li>
                            {section}" - "{c.author.clone()}": "{c.text.clone()}" "
                            <button type="button" class="link" id=format!("resolve-{}", c.id)
                                aria-label={
                                    let text = c.text.clone();
                                    move || tr!("check-mark-resolved-of", text = text.clone())
                                } on:click=resolve>{tv!("check-mark-resolved")}</button>
                        </li>
                    }
                })
                .collect();
            (!items.is_empty()).then(|| view! {
                <section class="check-warnings" aria-labelledby="comments-heading">
                    <h2 id="comments-heading">{tv!("check-comments-heading")}</h2>
                    <p>{tv!("check-comments-text")}" "<a href=Route::Review(id.clone()).href()>{tv!("check-comments-link")}</a></p>
                    <ul>{items}</ul>
                </section>
            })
        }
    };
    // An approval holds only for the text that was approved.
    let outdated = {
        let (review, document) = (session.review(), session.document);
        let id = id.clone();
        move || {
            let items: Vec<_> = review.with(|r| {
                document.with(|d| {
                    r.approvals_out_of_date(d)
                        .into_iter()
                        .map(|s| view! { <li>{format!("{} {}", s.number, s.title)}</li> })
                        .collect()
                })
            });
            (!items.is_empty()).then(|| view! {
                <section class="check-warnings" aria-labelledby="outdated-heading">
                    <h2 id="outdated-heading">{tv!("check-outdated-heading")}</h2>
                    <p>{tv!("check-outdated-text")}" "<a href=Route::Review(id.clone()).href()>{tv!("check-outdated-link")}</a></p>
                    <ul>{items}</ul>
                </section>
            })
        }
    };
    // What the drafter must still check or do, for the people who approve
    // the policy: kept here and in its own cover note, never in the policy.
    let approver_notes = {
        let policy = policy.clone();
        move || {
            let notes = answers.with(|a| finish::approver_notes(&policy, a));
            let blocks = notes
                .all_sections()
                .into_iter()
                .flat_map(|s| s.blocks.iter())
                .map(|b| match &b.kind {
                    BlockKind::Paragraph(t) => view! { <p>{t.to_plain()}</p> }.into_any(),
                    BlockKind::Notice(t) => view! { <p class="notice"><strong>{t.to_plain()}</strong></p> }.into_any(),
                    BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                        let items = items.iter().map(|t| view! { <li>{t.to_plain()}</li> }).collect_view();
                        view! { <ul>{items}</ul> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <section class="check-warnings" aria-labelledby="approver-notes-heading">
                    <h2 id="approver-notes-heading">{tv!("check-notes-heading")}</h2>
                    {blocks}
                    <p>{tv!("check-notes-text")}</p>
                </section>
            }
        }
    };
    let missing = {
        let policy = policy.clone();
        move || answers.with(|a| policy.questionnaire.unanswered_required(a).len())
    };
    // Back to the section the author was on, not the first.
    let back_to_questions = {
        let (policy, section, id) = (policy.clone(), session.section(), id.clone());
        move || match policy.questionnaire.sections.get(section.get()) {
            Some(s) => Route::Section(id.clone(), s.id.to_string()).href(),
            None => Route::Questions(id.clone()).href(),
        }
    };
    view! {
        <main class="check-page" id="main">
            <h2 id="check-heading" class="page-heading" tabindex="-1">{tv!("check-heading")}</h2>
            <p role="status" aria-live="polite">
                {move || tr!("check-missing", count = missing())}
            </p>
            {warnings}
            {changed}
            {open_comments}
            {outdated}
            {approver_notes}
            {unknown}
            {sections}
            <LibraryImport />
            <p><a href=back_to_questions>{tv!("check-back")}</a></p>
            // The way on, once the answers are checked.
            <section class="check-export" aria-labelledby="export-heading">
                <h2 id="export-heading">{tv!("check-export-heading")}</h2>
                <ExportButton />
            </section>
        </main>
    }
    .into_any()
}

fn row(question: &Question, answer: Option<&Answer>, draft: &str) -> impl IntoView {
    let shown = answer.map(|a| answer_text(question, a));
    let missing = shown.is_none();
    let shown = shown.unwrap_or_else(|| {
        if question.required {
            tr!("check-not-answered-required")
        } else {
            tr!("check-not-answered")
        }
    });
    let href = Route::Change(draft.to_owned(), question.id.to_string()).href();
    let action = if missing {
        tr!("check-answer")
    } else {
        tr!("check-change")
    };
    view! {
        <div class="summary-row">
            <dt>{question.label.clone()}</dt>
            <dd class:missing=missing>{shown}</dd>
            <dd class="summary-action">
                <a href=href id=format!("change-{}", question.id)>
                    {action}<span class="visually-hidden">{format!(" {}", question.label)}</span>
                </a>
            </dd>
        </div>
    }
}

/// An answer as the user chose it: option labels, "Yes"/"No", the text.
fn answer_text(question: &Question, answer: &Answer) -> String {
    let label = |choices: &[crate::policy::model::questionnaire::Choice], id: &str| {
        choices
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.label.clone())
    };
    match (&question.kind, answer) {
        (_, Answer::YesNo(true)) => tr!("yes"),
        (_, Answer::YesNo(false)) => tr!("no"),
        (QuestionKind::OneOf(choices), Answer::Text(t)) => label(choices, t),
        (QuestionKind::SeveralOf(choices), Answer::Choices(ids)) => {
            ids.iter().map(|i| label(choices, i)).collect::<Vec<_>>().join(", ")
        }
        (QuestionKind::Date, Answer::Text(t)) => {
            crate::policy::model::dates::parse_iso(t).map_or_else(|| t.clone(), |d| d.long())
        }
        (_, Answer::Text(t)) => t.clone(),
        (_, Answer::Choices(ids)) => ids.join(", "),
    }
}
