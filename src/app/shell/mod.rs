//! What every page shares: the session, the route, the preview, the update
//! banner, the language switch, the panic screen and shared pieces.

pub mod content;
pub mod export_languages;
pub mod feature_notice;
pub mod files;
pub mod labels;
pub mod language_switch;
pub mod part;
pub mod preview;
pub mod problem_list;
pub mod problem_page;
pub mod review_notes;
pub mod route;
pub mod session;
pub mod storage_notice;
pub mod update_banner;

use leptos::prelude::*;

use crate::policy::files::draft::StoredDraft;
use route::Route;

/// What every page shares.
#[derive(Clone)]
pub struct AppState {
    /// The shipped content of every language asked for.
    pub contents: content::Contents,
    /// The page on screen.
    pub route: RwSignal<Route>,
    /// A draft started while storage is unavailable, kept in memory only.
    pub scratch: RwSignal<Option<StoredDraft>>,
}

/// The app state from context.
pub fn use_app() -> Option<AppState> {
    use_context::<AppState>()
}
