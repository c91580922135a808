//! The quiz score of one deck for one draft: one record per scenario, the
//! room's latest vote and the verdict it was checked against, so going
//! back to a card and voting again replaces that card's record instead of
//! counting it twice. The app keeps it in the browser, apart from the
//! drafts, so it never travels in an answer file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::policy::trainer::scenario::{ScenarioId, VerdictKind};

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
    /// Whether the deck is shown in quiz mode, so that a reload keeps it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quiz_mode: bool,
}

impl QuizScore {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vote_again_on_the_same_scenario_replaces_the_first() {
        let mut score = QuizScore::default();
        assert_eq!((score.right(), score.votes.len()), (0, 0));
        score.record("a".into(), VerdictKind::Fine, VerdictKind::NotFine);
        score.record("b".into(), VerdictKind::NotFine, VerdictKind::NotFine);
        assert_eq!((score.right(), score.votes.len()), (1, 2));
        score.record("a".into(), VerdictKind::NotFine, VerdictKind::NotFine);
        assert_eq!((score.right(), score.votes.len()), (2, 2));
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
    fn quiz_mode_is_kept_with_the_score_and_old_scores_read_without_it() {
        let mut s = QuizScore::parse(r#"{"votes":{}}"#);
        assert!(!s.quiz_mode);
        s.quiz_mode = true;
        assert!(QuizScore::parse(&s.to_json()).quiz_mode);
        assert!(!QuizScore::default().to_json().contains("quiz_mode"));
    }
}
