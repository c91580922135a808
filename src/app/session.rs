//! The root session value: the loaded templates, the answers and the save
//! state, provided once as context.

use std::sync::Arc;

use leptos::prelude::*;

use super::storage::{self, Loaded, SaveError};
use crate::policy::answers::{Answer, Answers};
use crate::policy::bundle::Policy;
use crate::policy::document::Document;
use crate::policy::fill::fill;
use crate::policy::ids::QuestionId;

/// Whether the current answers are safely stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Stored and read back.
    Saved,
    /// Not stored, and why.
    Failed(SaveError),
    /// Saving is paused until the user decides what to do with a saved
    /// draft that could not be read.
    Paused,
}

/// The session, shared with every component through context.
#[derive(Clone)]
pub struct Session {
    /// The templates.
    pub policy: Arc<Policy>,
    /// The user's answers.
    pub answers: RwSignal<Answers>,
    /// The filled policy, recomputed when answers change.
    pub document: Memo<Document>,
    /// What start-up found in storage.
    pub loaded: RwSignal<Loaded>,
    /// The save state.
    pub save_state: RwSignal<SaveState>,
    /// The index of the question section on screen.
    pub section: RwSignal<usize>,
}

impl Session {
    /// Loads the saved draft and starts autosaving.
    pub fn start(policy: Arc<Policy>) -> Self {
        let loaded = storage::load();
        let (answers, paused) = match &loaded {
            Loaded::Draft(d) => (d.answers.clone(), false),
            Loaded::Unreadable { .. } => (Answers::default(), true),
            Loaded::Empty | Loaded::Unavailable => (Answers::default(), false),
        };
        let answers = RwSignal::new(answers);
        let p = policy.clone();
        let document = Memo::new(move |_| answers.with(|a| fill(&p.questionnaire, &p.library, a)));
        let save_state = RwSignal::new(if paused { SaveState::Paused } else { SaveState::Saved });
        let session = Self {
            policy,
            answers,
            document,
            loaded: RwSignal::new(loaded),
            save_state,
            section: RwSignal::new(0),
        };
        session.autosave();
        session
    }

    /// Saves after every change of answers, unless saving is paused. The
    /// first run only records the loaded state, so opening the app never
    /// writes.
    fn autosave(&self) {
        let answers = self.answers;
        let save_state = self.save_state;
        Effect::new(move |first: Option<()>| {
            let current = answers.get();
            if first.is_none() || save_state.get_untracked() == SaveState::Paused {
                return;
            }
            let state = match storage::save(&current, storage::now_iso()) {
                Ok(()) => SaveState::Saved,
                Err(e) => SaveState::Failed(e),
            };
            save_state.set(state);
        });
    }

    /// Sets the answer to `id`.
    pub fn answer(&self, id: &QuestionId, answer: Option<Answer>) {
        self.answers.update(|a| match answer {
            Some(v) => a.set(id.clone(), v),
            None => a.clear(id),
        });
    }

    /// Throws away an unreadable saved draft (after the user chose to) and
    /// saves the current answers in its place.
    pub fn replace_unreadable(&self) {
        self.loaded.set(Loaded::Empty);
        self.save_state.set(SaveState::Saved);
        let state = match storage::save(&self.answers.get_untracked(), storage::now_iso()) {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        };
        self.save_state.set(state);
    }
}

/// The session from context; `None` only outside the app's tree.
pub fn use_session() -> Option<Session> {
    use_context::<Session>()
}
