//! The choice of the languages a draft's policy is written in: English,
//! French, or both with either first. The questions stay in the interface
//! language; the preview and every export follow this choice.

use leptos::prelude::*;

use crate::app::i18n::{tr, tv};
use crate::app::shell::session::use_session;
use crate::policy::model::language::{Language, PolicyLanguages};

/// The name of a choice in the interface language.
fn label(choice: PolicyLanguages) -> String {
    match (choice.main(), choice.second()) {
        (Language::English, None) => tr!("policy-language-en"),
        (Language::CanadianFrench, None) => tr!("policy-language-fr"),
        (Language::CanadianFrench, Some(_)) => tr!("policy-language-fr-en"),
        (Language::English, Some(_)) => tr!("policy-language-en-fr"),
    }
}

/// A labelled drop-down of the policy's languages.
#[component]
pub fn PolicyLanguageChoice() -> impl IntoView {
    let Some(session) = use_session() else {
        return ().into_any();
    };
    let languages = session.languages();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(choice) = PolicyLanguages::from_code(&event_target_value(&ev)) {
            session.set_languages(choice);
        }
    };
    let options = PolicyLanguages::CHOICES
        .into_iter()
        .map(|choice| {
            view! {
                <option value=choice.code() selected=move || languages.get() == choice>
                    {move || label(choice)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="policy-language">
            <label for="policy-language">{tv!("policy-language-label")}</label>
            <select id="policy-language" aria-describedby="policy-language-hint" on:change=choose
                prop:value=move || languages.get().code()>
                {options}
            </select>
            <p class="hint" id="policy-language-hint">{tv!("policy-language-hint")}</p>
        </div>
    }
    .into_any()
}
