//! Which page is on screen, kept in the URL fragment so that the browser's
//! back button and bookmarks work and nothing is sent to a server.
//!
//! `#/` drafts, `#/draft/<id>` questions, `#/draft/<id>/check` check
//! answers, `#/draft/<id>/change/<question>` one question, from the check
//! page.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of drafts.
    Drafts,
    /// A draft's questions and preview.
    Questions(String),
    /// A draft's answers, to check before export.
    Check(String),
    /// One question of a draft, reached from the check page.
    Change(String, String),
    /// A draft in review mode.
    Review(String),
}

impl Route {
    /// Reads a fragment such as `#/draft/abc/check`.
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let ok = crate::policy::answer_file::valid_draft_id;
        match parts.as_slice() {
            ["draft", id] if ok(id) => Self::Questions((*id).to_owned()),
            ["draft", id, "check"] if ok(id) => Self::Check((*id).to_owned()),
            ["draft", id, "review"] if ok(id) => Self::Review((*id).to_owned()),
            ["draft", id, "change", q] if ok(id) && ok(q) => Self::Change((*id).to_owned(), (*q).to_owned()),
            _ => Self::Drafts,
        }
    }

    /// The fragment for this page.
    pub fn href(&self) -> String {
        match self {
            Self::Drafts => "#/".to_owned(),
            Self::Questions(id) => format!("#/draft/{id}"),
            Self::Check(id) => format!("#/draft/{id}/check"),
            Self::Change(id, q) => format!("#/draft/{id}/change/{q}"),
            Self::Review(id) => format!("#/draft/{id}/review"),
        }
    }

    /// The draft this page shows, if any.
    pub fn draft(&self) -> Option<&str> {
        match self {
            Self::Drafts => None,
            Self::Questions(id) | Self::Check(id) | Self::Change(id, _) | Self::Review(id) => Some(id),
        }
    }
}

/// The current route, following the fragment.
pub fn current_route() -> RwSignal<Route> {
    let route = RwSignal::new(Route::parse(&hash()));
    let on_change = Closure::<dyn Fn()>::new(move || route.set(Route::parse(&hash())));
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", on_change.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_change.forget();
    route
}

/// Goes to `route` (adding a history entry).
pub fn navigate(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip_and_junk_goes_to_the_drafts() {
        for r in [
            Route::Drafts,
            Route::Questions("k3j2".into()),
            Route::Check("k3j2".into()),
            Route::Change("k3j2".into(), "legal_name".into()),
            Route::Review("k3j2".into()),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        for junk in [
            "",
            "#",
            "#/nowhere",
            "#/draft/",
            "#/draft/<script>",
            "#/draft/a/b/c/d/e",
        ] {
            assert_eq!(Route::parse(junk), Route::Drafts, "{junk}");
        }
    }
}
