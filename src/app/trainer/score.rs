//! The quiz score of one deck for one draft, and the line that shows it
//! with a way to start again.
//!
//! The score is kept in this browser under
//! `policy-builder/quiz/<draft id>/<deck id>`, apart from the drafts, so
//! it never travels in an answer file. It holds one record per scenario:
//! the room's latest vote and the verdict it was checked against, so
//! going back to a card and voting again replaces that card's record
//! instead of counting it twice.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::policy::trainer::scenario::{ScenarioId, VerdictKind};

/// Where quiz scores live: this prefix, the draft's id and the deck's id.
pub const QUIZ_PREFIX: &str = "policy-builder/quiz/";

/// The room's vote on one scenario, as checked at the reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// What the room said.
    pub vote: VerdictKind,
    /// What the policy said.
    pub verdict: VerdictKind,
}

/// A deck's quiz score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizScore {
    /// The room's votes, by scenario.
    pub votes: BTreeMap<ScenarioId, Vote>,
}

impl QuizScore {
    /// The storage key of the score of `deck` for draft `draft`.
    pub fn key(draft: &str, deck: &str) -> String {
        format!("{QUIZ_PREFIX}{draft}/{deck}")
    }

    /// Reads a stored score. A damaged one counts as no score: it is only
    /// a tally, and the next vote replaces it.
    pub fn parse(text: &str) -> Self {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The score as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Records the room's `vote` on `scenario`, whose verdict is `verdict`.
    pub fn record(&mut self, scenario: ScenarioId, vote: VerdictKind, verdict: VerdictKind) {
        self.votes.insert(scenario, Vote { vote, verdict });
    }

    /// The room's last vote on `scenario`.
    pub fn vote_on(&self, scenario: &ScenarioId) -> Option<VerdictKind> {
        self.votes.get(scenario).map(|v| v.vote)
    }

    /// How many votes matched the policy.
    pub fn right(&self) -> usize {
        self.votes.values().filter(|v| v.vote == v.verdict).count()
    }

    /// The score in words: "No votes yet", "2 right out of 3".
    pub fn summary(&self) -> String {
        match self.votes.len() {
            0 => "No votes yet".to_owned(),
            n => format!("{} right out of {n}", self.right()),
        }
    }

    /// The stored score of `deck` for draft `draft`; empty when there is
    /// none or storage cannot be read.
    pub fn load(draft: &str, deck: &str) -> Self {
        local_storage()
            .and_then(|s| s.get_item(&Self::key(draft, deck)).ok().flatten())
            .map_or_else(Self::default, |text| Self::parse(&text))
    }

    /// Stores the score of `deck` for draft `draft`.
    pub fn save(&self, draft: &str, deck: &str) -> Result<(), String> {
        let store = local_storage().ok_or("this browser is not letting the page save")?;
        store
            .set_item(&Self::key(draft, deck), &self.to_json())
            .map_err(|e| crate::app::browser::storage::js_message(&e))
    }

    /// Forgets the score of `deck` for draft `draft`.
    pub fn clear(draft: &str, deck: &str) {
        if let Some(store) = local_storage() {
            let _ = store.remove_item(&Self::key(draft, deck));
        }
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The room's score, with a button to start again.
#[component]
pub fn TrainerScore(
    /// The score to show.
    score: Signal<QuizScore>,
    /// Called when the trainer resets the score.
    on_reset: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="trainer-score">
            <p>"Score: "{move || score.with(QuizScore::summary)}</p>
            <button type="button" on:click=move |_| on_reset.run(())>"Reset score"</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vote_again_on_the_same_scenario_replaces_the_first() {
        let mut score = QuizScore::default();
        assert_eq!(score.summary(), "No votes yet");
        score.record("a".into(), VerdictKind::Fine, VerdictKind::NotFine);
        score.record("b".into(), VerdictKind::NotFine, VerdictKind::NotFine);
        assert_eq!(score.summary(), "1 right out of 2");
        score.record("a".into(), VerdictKind::NotFine, VerdictKind::NotFine);
        assert_eq!(score.summary(), "2 right out of 2");
        assert_eq!(score.vote_on(&"a".into()), Some(VerdictKind::NotFine));
        assert_eq!(score.vote_on(&"c".into()), None);
    }

    #[test]
    fn scores_round_trip_and_a_damaged_one_reads_as_empty() {
        let mut score = QuizScore::default();
        score.record(
            "whiteboard_selfie".into(),
            VerdictKind::FineWithConditions,
            VerdictKind::NotFine,
        );
        let text = score.to_json();
        assert!(text.contains("\"fine_with_conditions\""), "{text}");
        assert_eq!(QuizScore::parse(&text), score);
        for junk in ["", "{", "[]", r#"{"votes":{"a":{"vote":"maybe","verdict":"fine"}}}"#] {
            assert_eq!(QuizScore::parse(junk), QuizScore::default(), "{junk}");
        }
    }

    #[test]
    fn scores_are_kept_apart_from_the_drafts() {
        let key = QuizScore::key("k3j2", "privacy_basics");
        assert_eq!(key, "policy-builder/quiz/k3j2/privacy_basics");
        assert!(!key.starts_with(crate::app::browser::storage::DRAFT_PREFIX));
    }
}
