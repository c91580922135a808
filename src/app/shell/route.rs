//! Which page is on screen, kept in the URL fragment so that the browser's
//! back button and bookmarks work and nothing is sent to a server.
//!
//! `#/` drafts, `#/draft/<id>` questions, `#/draft/<id>/<section>` one
//! section of the questions, `#/draft/<id>/check` check
//! answers, `#/draft/<id>/change/<question>` one question, from the check
//! page, `#/draft/<id>/trainer[/<deck>[/<n>]]` trainer mode (the deck
//! picker, a deck, its `n`th card), `#/demo/<sample>/<deck>[/<n>]` a demo
//! link that opens a sample organization's deck.

use leptos::prelude::*;

use crate::app::browser::{address, storage};
use crate::policy::model::ids::DraftId;

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of drafts.
    Drafts,
    /// A draft's questions and preview.
    Questions(String),
    /// A draft's questions at one section (by its id), so that a reload
    /// and the browser's Back and Forward return to it.
    Section(String, String),
    /// A draft's answers, to check before export.
    Check(String),
    /// One question of a draft, reached from the check page.
    Change(String, String),
    /// A draft in review mode.
    Review(String),
    /// Trainer mode for a draft: the deck picker, or a deck from card
    /// `card` (counted from 1).
    Trainer {
        /// The draft whose answers give the verdicts.
        draft: String,
        /// The deck on screen; `None` for the deck picker.
        deck: Option<String>,
        /// The card on screen, counted from 1; `None` for the first.
        card: Option<usize>,
    },
    /// A demo link: a sample organization's deck, opened in a draft made
    /// from the sample.
    Demo {
        /// The sample's file stem, such as `ontario-hospital`.
        sample: String,
        /// The deck to show.
        deck: String,
        /// The card to start on, counted from 1.
        card: Option<usize>,
    },
}

/// The words after a draft's id that name a page, never a section.
const RESERVED: [&str; 4] = ["check", "review", "change", "trainer"];

/// The most cards a link may name; decks are far smaller.
const MAX_CARD: usize = 999;

/// A card number from a link: 1 to [`MAX_CARD`].
fn card_number(s: &str) -> Option<usize> {
    s.parse::<usize>().ok().filter(|n| (1..=MAX_CARD).contains(n))
}

impl Route {
    /// Reads a fragment such as `#/draft/abc/check`.
    pub fn parse(hash: &str) -> Self {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        // Every part of an address has a draft id's shape (sample stems,
        // decks, sections and questions too): one check for them all.
        let ok = |s: &str| DraftId::parse(s).is_ok();
        match parts.as_slice() {
            ["draft", id] if ok(id) => Self::Questions((*id).to_owned()),
            ["draft", id, "check"] if ok(id) => Self::Check((*id).to_owned()),
            ["draft", id, "review"] if ok(id) => Self::Review((*id).to_owned()),
            ["draft", id, "change", q] if ok(id) && ok(q) => Self::Change((*id).to_owned(), (*q).to_owned()),
            // After the fixed words above, so a section can never hide a page.
            ["draft", id, section] if ok(id) && ok(section) && !RESERVED.contains(section) => {
                Self::Section((*id).to_owned(), (*section).to_owned())
            }
            ["draft", id, "trainer", rest @ ..] if ok(id) => match rest {
                [] => Self::trainer(id, None, None),
                [deck] if ok(deck) => Self::trainer(id, Some(deck), None),
                [deck, n] if ok(deck) && card_number(n).is_some() => Self::trainer(id, Some(deck), card_number(n)),
                _ => Self::Drafts,
            },
            ["demo", sample, deck, rest @ ..] if ok(sample) && ok(deck) => match rest {
                [] => Self::Demo {
                    sample: (*sample).to_owned(),
                    deck: (*deck).to_owned(),
                    card: None,
                },
                [n] if card_number(n).is_some() => Self::Demo {
                    sample: (*sample).to_owned(),
                    deck: (*deck).to_owned(),
                    card: card_number(n),
                },
                _ => Self::Drafts,
            },
            _ => Self::Drafts,
        }
    }

    /// The fragment for this page.
    pub fn href(&self) -> String {
        match self {
            Self::Drafts => "#/".to_owned(),
            Self::Questions(id) => format!("#/draft/{id}"),
            Self::Section(id, section) => format!("#/draft/{id}/{section}"),
            Self::Check(id) => format!("#/draft/{id}/check"),
            Self::Change(id, q) => format!("#/draft/{id}/change/{q}"),
            Self::Review(id) => format!("#/draft/{id}/review"),
            Self::Trainer { draft, deck, card } => match (deck, card) {
                (None, _) => format!("#/draft/{draft}/trainer"),
                (Some(deck), None) => format!("#/draft/{draft}/trainer/{deck}"),
                (Some(deck), Some(n)) => format!("#/draft/{draft}/trainer/{deck}/{n}"),
            },
            Self::Demo { sample, deck, card } => match card {
                None => format!("#/demo/{sample}/{deck}"),
                Some(n) => format!("#/demo/{sample}/{deck}/{n}"),
            },
        }
    }

    fn trainer(draft: &str, deck: Option<&str>, card: Option<usize>) -> Self {
        Self::Trainer {
            draft: draft.to_owned(),
            deck: deck.map(str::to_owned),
            card,
        }
    }

    /// The draft this page shows, if any.
    pub fn draft(&self) -> Option<&str> {
        match self {
            Self::Drafts | Self::Demo { .. } => None,
            Self::Questions(id)
            | Self::Section(id, _)
            | Self::Check(id)
            | Self::Change(id, _)
            | Self::Review(id)
            | Self::Trainer { draft: id, .. } => Some(id),
        }
    }
}

/// The current route, following the fragment.
pub fn current_route() -> RwSignal<Route> {
    let route = RwSignal::new(Route::parse(&address::hash()));
    address::on_hash_change(move || {
        // The open draft's last change is saved before its pages go.
        storage::save_pending();
        let now = Route::parse(&address::hash());
        route.set(now.clone());
        // Copied out first: a listener may add or remove listeners.
        let listeners: Vec<Listener> = LISTENERS.with(|l| l.borrow().iter().map(|(_, f)| f.clone()).collect());
        for listener in listeners {
            listener(&now);
        }
    });
    route
}

type Listener = std::rc::Rc<dyn Fn(&Route)>;

thread_local! {
    static LISTENERS: std::cell::RefCell<Vec<(u32, Listener)>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_LISTENER: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Calls `f` with each new route, after the route signal has changed, from
/// the browser's `hashchange` event. Returns a handle for [`unlisten`].
pub fn listen(f: impl Fn(&Route) + 'static) -> u32 {
    let id = NEXT_LISTENER.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    LISTENERS.with(|l| l.borrow_mut().push((id, std::rc::Rc::new(f))));
    id
}

/// Stops the listener `id` made by [`listen`].
pub fn unlisten(id: u32) {
    LISTENERS.with(|l| l.borrow_mut().retain(|(i, _)| *i != id));
}

/// Goes to `route` (adding a history entry).
pub fn navigate(route: &Route) {
    address::go(&route.href());
}

/// Goes to `route` in place of the current history entry, so that the
/// back button skips the page being left (a demo link, once opened).
pub fn replace(route: &Route) {
    address::replace(&route.href());
}

/// Writes `route` into the address bar without a history entry and
/// without telling the app: the page on screen already shows it (the
/// trainer's current card), so a reload or a bookmark comes back to it.
pub fn record(route: &Route) {
    address::record(&route.href());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip_and_junk_goes_to_the_drafts() {
        for r in [
            Route::Drafts,
            Route::Questions("k3j2".into()),
            Route::Section("k3j2".into(), "privacy".into()),
            Route::Check("k3j2".into()),
            Route::Change("k3j2".into(), "legal_name".into()),
            Route::Review("k3j2".into()),
            Route::Trainer {
                draft: "k3j2".into(),
                deck: None,
                card: None,
            },
            Route::Trainer {
                draft: "k3j2".into(),
                deck: Some("privacy_basics".into()),
                card: None,
            },
            Route::Trainer {
                draft: "k3j2".into(),
                deck: Some("privacy_basics".into()),
                card: Some(13),
            },
            Route::Demo {
                sample: "ontario-hospital".into(),
                deck: "everything".into(),
                card: None,
            },
            Route::Demo {
                sample: "ontario-hospital".into(),
                deck: "everything".into(),
                card: Some(2),
            },
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        for junk in [
            "",
            "#",
            "#/nowhere",
            "#/draft/",
            "#/draft/<script>",
            "#/draft/k3j2/<b>",
            "#/draft/a/b/c/d/e",
            "#/draft/k3j2/trainer/deck/0",
            "#/draft/k3j2/trainer/deck/1000",
            "#/draft/k3j2/trainer/deck/two",
            "#/draft/k3j2/trainer/deck/2/more",
            "#/draft/k3j2/trainer/<b>",
            "#/demo",
            "#/demo/ontario-hospital",
            "#/demo/ontario-hospital/everything/-1",
            "#/demo/ontario-hospital/everything/3/4",
            "#/demo/../everything",
        ] {
            assert_eq!(Route::parse(junk), Route::Drafts, "{junk}");
        }
    }

    #[test]
    fn a_section_address_belongs_to_its_draft_and_never_hides_a_page() {
        assert_eq!(
            Route::parse("#/draft/k3j2/privacy"),
            Route::Section("k3j2".into(), "privacy".into())
        );
        assert_eq!(Route::parse("#/draft/k3j2/privacy").draft(), Some("k3j2"));
        assert_eq!(Route::parse("#/draft/k3j2/check"), Route::Check("k3j2".into()));
        assert_eq!(Route::parse("#/draft/k3j2/review"), Route::Review("k3j2".into()));
        assert_eq!(Route::parse("#/draft/k3j2/trainer").draft(), Some("k3j2"));
        assert_eq!(Route::parse("#/draft/k3j2/change"), Route::Drafts);
    }

    #[test]
    fn trainer_pages_belong_to_their_draft_and_demo_links_to_none() {
        let deck = Route::parse("#/draft/k3j2/trainer/privacy_basics/3");
        assert_eq!(
            deck,
            Route::Trainer {
                draft: "k3j2".into(),
                deck: Some("privacy_basics".into()),
                card: Some(3),
            }
        );
        assert_eq!(deck.draft(), Some("k3j2"));
        assert_eq!(Route::parse("#/draft/k3j2/trainer").draft(), Some("k3j2"));
        let demo = Route::parse("#/demo/us-primary-care/speaking_for_us/1");
        assert_eq!(
            demo,
            Route::Demo {
                sample: "us-primary-care".into(),
                deck: "speaking_for_us".into(),
                card: Some(1),
            }
        );
        assert_eq!(demo.draft(), None);
    }
}
