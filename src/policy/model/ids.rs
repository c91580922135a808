//! Stable identifiers. Keys never change when labels are edited or
//! translated; each kind of id has its own type so they cannot be mixed up.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::policy::diag::{Problem, YamlPath};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the templates.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// Identifies a question; answers are keyed by it.
    QuestionId
);
id_type!(
    /// Identifies a clause of the clause library.
    ClauseId
);
id_type!(
    /// Identifies a section of the questionnaire or of the policy.
    SectionId
);
id_type!(
    /// Identifies a trainer scenario; stable across wording changes, so
    /// quiz scores and demo links can refer to it.
    ScenarioId
);
id_type!(
    /// Identifies a deck of trainer scenarios.
    DeckId
);

/// Identifies a draft: it names the draft's storage entry and appears in
/// the page's address, so only ASCII letters, digits, `-` and `_`, 1 to 64
/// of them. The one check of that shape: an answer file, a backup and the
/// address all go through [`DraftId::parse`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DraftId(String);

/// Why a text cannot be a draft id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the draft id must be 1 to 64 letters, digits, \"-\" or \"_\"")]
pub struct BadDraftId;

impl DraftId {
    /// The longest draft id.
    pub const MAX_LEN: usize = 64;

    /// `id` as a draft id, when it has the shape of one.
    pub fn parse(id: &str) -> Result<Self, BadDraftId> {
        let fits = !id.is_empty()
            && id.len() <= Self::MAX_LEN
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if fits {
            Ok(Self(id.to_owned()))
        } else {
            Err(BadDraftId)
        }
    }

    /// The id as stored and addressed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DraftId {
    type Error = BadDraftId;
    fn try_from(s: String) -> Result<Self, BadDraftId> {
        Self::parse(&s)
    }
}

impl From<DraftId> for String {
    fn from(id: DraftId) -> Self {
        id.0
    }
}

impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which characters an id may use beyond lowercase ASCII letters, digits
/// and `_`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdShape {
    /// Nothing more: ids that become template variables (questions,
    /// sections, checks, scenarios).
    Plain,
    /// Also `.`, for clause ids such as `privacy.photos`.
    Dotted,
}

/// Whether `s` is usable as an id of `shape`: it starts with a lowercase
/// ASCII letter. Ids become template variables, so they must also be
/// valid identifiers there.
pub fn is_valid_id(s: &str, shape: IdShape) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || (shape == IdShape::Dotted && c == '.'))
}

/// Adds a problem at `path` when `id`, the id of a `what` ("question",
/// "clause"...), is not a valid id of `shape`.
pub fn check_id(id: &str, shape: IdShape, path: &YamlPath, what: &str, problems: &mut Vec<Problem>) {
    if !is_valid_id(id, shape) {
        let allowed = match shape {
            IdShape::Plain => "lowercase letters, digits and '_'",
            IdShape::Dotted => "lowercase letters, digits, '_' and '.'",
        };
        problems.push(Problem::new(
            path.clone(),
            format!("{what} id \"{id}\" must start with a lowercase letter and use only {allowed}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_id_is_one_to_64_letters_digits_dashes_or_underscores_and_reads_only_so() {
        for good in ["k3j2", "Draft-1_a", &"a".repeat(64)] {
            assert_eq!(DraftId::parse(good).map(|d| d.to_string()), Ok(good.to_owned()));
        }
        for bad in ["", "a/b", "a.b", "é", "a b", &"a".repeat(65)] {
            assert_eq!(DraftId::parse(bad), Err(BadDraftId), "{bad:?}");
        }
        let read: Result<DraftId, _> = serde_json::from_str("\"../x\"");
        assert!(read.is_err(), "a stored text of another shape is refused when read");
        assert_eq!(
            serde_json::to_string(&DraftId::parse("k1").ok()).ok(),
            Some("\"k1\"".to_owned())
        );
    }

    #[test]
    fn ids_must_be_lowercase_identifiers() {
        assert!(is_valid_id("legal_name", IdShape::Plain));
        assert!(is_valid_id("privacy.photos2", IdShape::Dotted));
        assert!(!is_valid_id("privacy.photos", IdShape::Plain));
        assert!(!is_valid_id("Legal", IdShape::Plain));
        assert!(!is_valid_id("2fa", IdShape::Plain));
        assert!(!is_valid_id("", IdShape::Plain));
        assert!(!is_valid_id("a-b", IdShape::Dotted));
    }
}
