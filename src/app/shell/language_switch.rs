//! The interface-language switch in every page's header: English or
//! Français. Choosing one changes the words on the page at once (the page,
//! the answers and the focus stay), `<html lang>` follows, and the choice
//! is remembered for the next visit.

use leptos::prelude::*;

use crate::app::browser::language::{remember, show_on_page};
use crate::app::i18n::{self, tv, Lang};

/// A labelled drop-down of the two interface languages, each option named
/// in its own language (and marked as such for screen readers).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let contents = crate::app::shell::use_app().map(|app| app.contents);
    let choose = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            // The questions and samples are content: that language's
            // comes too, and shows once it is there.
            if let Some(contents) = contents {
                contents.want(crate::app::shell::content::language_of(lang));
            }
            i18n::set_lang(lang);
            show_on_page(lang);
            remember(lang);
        }
    };
    let options = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <option value=lang.code() lang=lang.tag() selected=move || i18n::lang() == lang>
                    {lang.name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="language-switch">
            <label for="interface-language">{tv!("language-label")}</label>
            <select id="interface-language" on:change=choose
                prop:value=move || i18n::lang().code()>
                {options}
            </select>
        </div>
    }
}
