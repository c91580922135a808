//! One question as a form control, chosen by the question's kind.

use leptos::prelude::*;

use crate::app::i18n::{tr, tv};
use crate::app::shell::session::use_session;
use crate::policy::model::answers::Answer;
use crate::policy::model::questionnaire::{Choice, Question, QuestionKind};

/// A labelled control for `question`, with its help text, bound to the
/// session's answers.
#[component]
pub fn QuestionField(
    /// The question to ask.
    question: Question,
) -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let id = question.id.clone();
    let dom_id = format!("q-{}", question.id);
    let help_id = format!("{dom_id}-help");
    let help = question
        .help
        .clone()
        .map(|h| view! { <p class="hint" id=help_id.clone()>{h}</p> });
    let required = question.required;
    let label_text = question.label.clone();
    let optional = (!required).then(|| view! { <span class="optional">" (optional)"</span> });

    let answers = session.answers();
    // A memo, so that a keystroke in another field leaves this one's
    // control alone (a closure on the answers set every field's value
    // again on every keystroke anywhere).
    let current_text = Memo::new({
        let id = id.clone();
        move |_| match answers.with(|a| a.0.get(&id).cloned()) {
            Some(Answer::Text(t)) => t,
            _ => String::new(),
        }
    });
    let current_text = move || current_text.get();
    let set_text = {
        let (session, id) = (session.clone(), id.clone());
        move |value: String| session.answer(&id, Some(Answer::Text(value)))
    };

    // Consistency warnings that concern this question, shown with it.
    let has_warnings = {
        let (all, id) = (session.warnings, id.clone());
        move || all.with(|w| w.iter().any(|(q, _)| *q == id))
    };
    let checks_id = format!("{dom_id}-checks");
    let warnings = {
        let (all, id) = (session.warnings, id.clone());
        let list = move || {
            all.with(|w| {
                w.iter()
                    .filter(|(q, _)| *q == id)
                    .map(|(_, m)| view! { <p class="field-warning"><strong>{tv!("field-check")}" "</strong>{m.clone()}</p> })
                    .collect_view()
            })
        };
        view! { <div id=checks_id.clone()>{list}</div> }
    };
    // Invisible direction controls make text show in another order than it
    // is typed; the preview and the PDF show them as marks, and so does
    // this note.
    let bidi_id = format!("{dom_id}-bidi");
    let has_bidi = {
        let id = id.clone();
        move || {
            answers.with(|a| match a.0.get(&id) {
                Some(Answer::Text(t)) => crate::policy::diag::text::has_bidi(t),
                _ => false,
            })
        }
    };
    let bidi_note = {
        let (has_bidi, bidi_id) = (has_bidi.clone(), bidi_id.clone());
        move || {
            has_bidi().then(|| view! {
                <p class="field-warning" id=bidi_id.clone()><strong>{tv!("field-check")}" "</strong>{tv!("field-bidi")}</p>
            })
        }
    };
    // After Next was pressed with this required question unanswered, say so
    // at the field too (the GOV.UK error message pattern).
    let unanswered = {
        let (section, flagged, id) = (session.section(), session.flagged(), id.clone());
        move || required && flagged.get() == Some(section.get()) && answers.with(|a| a.get(&id).is_none())
    };
    let error_id = format!("{dom_id}-error");
    let error = {
        let (unanswered, error_id) = (unanswered.clone(), error_id.clone());
        move || {
            unanswered().then(|| view! { <p class="field-error" id=error_id.clone()><span class="visually-hidden">{tv!("field-error")}" "</span>{tv!("field-unanswered")}</p> })
        }
    };
    // What a screen reader reads with the control: the error, the help and
    // the checks, whichever are showing.
    let described = {
        let (unanswered, has_help, has_bidi) = (unanswered.clone(), question.help.is_some(), has_bidi.clone());
        Signal::derive(move || {
            let ids: Vec<&str> = [
                (unanswered(), error_id.as_str()),
                (has_help, help_id.as_str()),
                (has_warnings(), checks_id.as_str()),
                (has_bidi(), bidi_id.as_str()),
            ]
            .into_iter()
            .filter_map(|(shown, id)| shown.then_some(id))
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let field = match question.kind.clone() {
        QuestionKind::Text | QuestionKind::Date | QuestionKind::LongText => {
            let input_type = if question.kind == QuestionKind::Date {
                "date"
            } else {
                "text"
            };
            let control = if question.kind == QuestionKind::LongText {
                view! {
                    <textarea
                        id=dom_id.clone()
                        rows="3"
                        aria-describedby=described
                        prop:value=current_text
                        on:input=move |ev| set_text(event_target_value(&ev))
                    ></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input
                        id=dom_id.clone()
                        type=input_type
                        autocomplete="off"
                        aria-describedby=described
                        prop:value=current_text
                        on:input=move |ev| set_text(event_target_value(&ev))
                    />
                }
                .into_any()
            };
            view! {
                <div class="field">
                    <label for=dom_id>{label_text}{optional}</label>
                    {help}
                    {control}
                </div>
            }
            .into_any()
        }
        QuestionKind::YesNo => {
            let choices = vec![
                Choice {
                    id: "yes".into(),
                    label: tr!("yes"),
                },
                Choice {
                    id: "no".into(),
                    label: tr!("no"),
                },
            ];
            let checked = {
                let id = id.clone();
                move |choice: &str| {
                    let want = choice == "yes";
                    answers.with(|a| a.0.get(&id) == Some(&Answer::YesNo(want)))
                }
            };
            let set = {
                let (session, id) = (session.clone(), id.clone());
                move |choice: &str| session.answer(&id, Some(Answer::YesNo(choice == "yes")))
            };
            choice_group(
                ChoiceGroup {
                    dom_id,
                    legend: label_text,
                    described,
                    choices,
                    pick: Pick::One,
                    layout: Layout::Inline,
                },
                optional,
                help,
                checked,
                set,
            )
        }
        QuestionKind::OneOf(choices) => {
            let checked = {
                let id = id.clone();
                move |choice: &str| answers.with(|a| a.text(&id) == Some(choice))
            };
            let set = {
                let (session, id) = (session.clone(), id.clone());
                move |choice: &str| session.answer(&id, Some(Answer::Text(choice.to_owned())))
            };
            let inline = choices.len() <= 2;
            choice_group(
                ChoiceGroup {
                    dom_id,
                    legend: label_text,
                    described,
                    choices,
                    pick: Pick::One,
                    layout: if inline { Layout::Inline } else { Layout::Stacked },
                },
                optional,
                help,
                checked,
                set,
            )
        }
        QuestionKind::SeveralOf(choices) => {
            let checked = {
                let id = id.clone();
                move |choice: &str| {
                    answers
                        .with(|a| matches!(a.0.get(&id), Some(Answer::Choices(cs)) if cs.iter().any(|c| c == choice)))
                }
            };
            let set = {
                let (session, id) = (session.clone(), id.clone());
                move |choice: &str| {
                    let mut chosen = match session.answers().with_untracked(|a| a.0.get(&id).cloned()) {
                        Some(Answer::Choices(cs)) => cs,
                        _ => Vec::new(),
                    };
                    if let Some(i) = chosen.iter().position(|c| c == choice) {
                        chosen.remove(i);
                    } else {
                        chosen.push(choice.to_owned());
                    }
                    session.answer(&id, Some(Answer::Choices(chosen)));
                }
            };
            choice_group(
                ChoiceGroup {
                    dom_id,
                    legend: label_text,
                    described,
                    choices,
                    pick: Pick::Several,
                    layout: Layout::Stacked,
                },
                optional,
                help,
                checked,
                set,
            )
        }
    };
    view! {
        <div class="question" class:has-error=unanswered>
            {error}
            {field}
            {bidi_note}
            {warnings}
        </div>
    }
    .into_any()
}

/// The kind of input a choice group uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// Radio buttons: one answer.
    One,
    /// Checkboxes: any number.
    Several,
}

/// How a choice group's options are laid out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Side by side (short lists such as yes and no).
    Inline,
    /// One under another.
    Stacked,
}

/// What a choice group shows, beside its callbacks.
struct ChoiceGroup {
    /// The fieldset's id; each input's id and name start with it.
    dom_id: String,
    /// The question.
    legend: String,
    /// The ids of the help and messages that describe the group.
    described: Signal<Option<String>>,
    /// The options.
    choices: Vec<Choice>,
    /// Radio buttons or checkboxes.
    pick: Pick,
    /// Side by side or stacked.
    layout: Layout,
}

/// A fieldset of radio buttons or checkboxes with a legend, the `optional`
/// mark after it and `help` under it; `checked` says whether an option is
/// chosen and `set` chooses (or toggles) one.
fn choice_group<H: IntoView + 'static, O: IntoView + 'static>(
    group: ChoiceGroup,
    optional: O,
    help: H,
    checked: impl Fn(&str) -> bool + Clone + Send + Sync + 'static,
    set: impl Fn(&str) + Clone + Send + Sync + 'static,
) -> AnyView {
    let ChoiceGroup {
        dom_id,
        legend,
        described,
        choices,
        pick,
        layout,
    } = group;
    let input_type = match pick {
        Pick::One => "radio",
        Pick::Several => "checkbox",
    };
    let inline = layout == Layout::Inline;
    let class = if inline { "choices inline" } else { "choices" };
    let items = choices
        .into_iter()
        .map(|choice| {
            let input_id = format!("{dom_id}-{}", choice.id);
            let value = choice.id.clone();
            let (checked, set) = (checked.clone(), set.clone());
            let is_checked = move || checked(&value);
            let value = choice.id.clone();
            view! {
                <div class="choice">
                    <input
                        type=input_type
                        id=input_id.clone()
                        name=dom_id.clone()
                        value=choice.id.clone()
                        prop:checked=is_checked
                        on:change=move |_| set(&value)
                    />
                    <label for=input_id>{choice.label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" id=dom_id.clone() aria-describedby=described>
            <legend>{legend}{optional}</legend>
            {help}
            <div class=class>{items}</div>
        </fieldset>
    }
    .into_any()
}
