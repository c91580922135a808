//! The interface-language switch in every page's header: English or
//! Français. Choosing one changes the words on the page at once (the page,
//! the answers and the focus stay), `<html lang>` follows, and the choice
//! is remembered for the next visit. French is fetched the first time it is
//! chosen; if it cannot be, the switch says so and the page stays in
//! English.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::browser::language::{fetch_messages, remember, show_choice, show_on_page};
use crate::app::i18n::{self, text_in, tv, Lang};

/// A labelled drop-down of the two interface languages, each option named
/// in its own language (and marked as such for screen readers), and the
/// message when a language's words could not be fetched.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let contents = crate::app::shell::use_app().map(|app| app.contents);
    let select = NodeRef::<leptos::html::Select>::new();
    let choose = move |ev: leptos::ev::Event| {
        let Some(lang) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        // The questions and samples are content: that language's comes
        // too, and shows once it is there.
        if let Some(contents) = contents {
            contents.want(crate::app::shell::content::language_of(lang));
        }
        spawn_local(async move {
            match fetch_messages(lang).await {
                Ok(()) => {
                    i18n::set_unavailable(None);
                    i18n::set_lang(lang);
                    show_on_page(lang);
                    remember(lang);
                }
                Err(_) => {
                    i18n::set_unavailable(Some(lang));
                    if let Some(select) = select.get_untracked() {
                        show_choice(&select, i18n::lang_untracked());
                    }
                }
            }
        });
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
            <select id="interface-language" node_ref=select on:change=choose
                prop:value=move || i18n::lang().code()>
                {options}
            </select>
            // Said in English and in French, since the one who chose French
            // may not read English; both are built in.
            {move || i18n::unavailable().map(|_| view! {
                <p class="language-unavailable" role="alert">
                    {tv!("language-unavailable")} " "
                    <span lang="fr-CA">{text_in(Lang::En, "language-unavailable-in-french", None)}</span>
                </p>
            })}
        </div>
    }
}
