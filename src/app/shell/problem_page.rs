//! A page that says why the page asked for cannot be shown (a draft not
//! found, a broken demo link, a part of the app that could not be fetched):
//! the app's name and the language switch, the heading, what is wrong, and
//! the way back to the drafts.

use leptos::prelude::*;

use crate::app::i18n::tv;
use crate::app::shell::language_switch::LanguageSwitch;
use crate::app::shell::route::Route;

/// The whole page: `heading`, then `children` (what is wrong, and what to
/// do), then a link to the drafts.
#[component]
pub fn ProblemPage(
    /// The page's heading, in the interface language.
    heading: impl IntoView + 'static,
    /// What is wrong, and what can be done.
    children: Children,
) -> impl IntoView {
    view! {
        <header class="topbar">
            <p class="app-name">{tv!("app-name")}</p>
            <LanguageSwitch />
        </header>
        <main class="drafts-page" id="main">
            <h1>{heading}</h1>
            {children()}
            <p><a href=Route::Drafts.href()>{tv!("go-to-drafts")}</a></p>
        </main>
    }
}
