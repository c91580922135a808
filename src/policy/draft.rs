//! Drafts as they are stored in the browser: answers in a versioned
//! envelope. Reading is pure so that every way a stored value can be wrong
//! is tested natively; the app only moves strings in and out of storage.

use serde::{Deserialize, Serialize};

use super::answers::Answers;

/// The schema this build writes.
pub const SCHEMA: u32 = 1;

/// A stored draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDraft {
    /// Schema version of this envelope.
    pub schema: u32,
    /// When it was last saved, as an ISO 8601 timestamp from the browser.
    pub saved_at: String,
    /// The answers.
    pub answers: Answers,
}

/// Why a stored draft could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// The text is not a draft at all.
    #[error("the saved draft is damaged and cannot be read ({0})")]
    Corrupt(String),
    /// Saved by a newer version of the app.
    #[error(
        "the saved draft was made by a newer version of this app (schema {found}, this version reads up to {SCHEMA})"
    )]
    TooNew {
        /// The schema found.
        found: u32,
    },
}

#[derive(Deserialize)]
struct Envelope {
    schema: u32,
}

impl StoredDraft {
    /// A draft of `answers` saved at `saved_at`.
    pub fn new(answers: Answers, saved_at: String) -> Self {
        Self {
            schema: SCHEMA,
            saved_at,
            answers,
        }
    }

    /// Reads a stored draft, migrating older schemas.
    pub fn parse(text: &str) -> Result<Self, DraftError> {
        let envelope: Envelope = serde_json::from_str(text).map_err(|e| DraftError::Corrupt(e.to_string()))?;
        if envelope.schema > SCHEMA {
            return Err(DraftError::TooNew { found: envelope.schema });
        }
        // Schema 1 is the first; migrations from older schemas go here as
        // they appear, each a pure function from one schema to the next.
        serde_json::from_str(text).map_err(|e| DraftError::Corrupt(e.to_string()))
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::answers::Answer;

    #[test]
    fn a_draft_survives_a_round_trip() {
        let mut answers = Answers::default();
        answers.set("legal_name".into(), Answer::Text("Lakeside \"Health\" <script>".into()));
        answers.set("photos".into(), Answer::YesNo(true));
        answers.set("platforms".into(), Answer::Choices(vec!["x".into()]));
        let draft = StoredDraft::new(answers, "2026-11-25T10:00:00Z".into());
        assert_eq!(StoredDraft::parse(&draft.to_json()), Ok(draft));
    }

    #[test]
    fn damaged_text_is_reported_as_corrupt() {
        for text in [
            "",
            "{",
            "null",
            "[1,2]",
            "{\"schema\":1}",
            "{\"schema\":\"one\",\"answers\":{}}",
        ] {
            assert!(
                matches!(StoredDraft::parse(text), Err(DraftError::Corrupt(_))),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_draft_from_a_newer_version_is_refused_not_misread() {
        let text = r#"{"schema": 99, "saved_at": "x", "answers": {}}"#;
        assert_eq!(StoredDraft::parse(text), Err(DraftError::TooNew { found: 99 }));
    }
}
