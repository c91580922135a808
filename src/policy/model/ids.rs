//! Stable identifiers. Keys never change when labels are edited or
//! translated; each kind of id has its own type so they cannot be mixed up.

use serde::{Deserialize, Serialize};
use std::fmt;

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

/// Whether `s` is usable as an id: lowercase ASCII letters, digits, `_` and
/// `.`, starting with a letter. Ids become template variables, so they must
/// also be valid identifiers there (dots are only allowed in clause ids).
pub fn is_valid_id(s: &str, allow_dots: bool) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || (allow_dots && c == '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_must_be_lowercase_identifiers() {
        assert!(is_valid_id("legal_name", false));
        assert!(is_valid_id("privacy.photos2", true));
        assert!(!is_valid_id("privacy.photos", false));
        assert!(!is_valid_id("Legal", false));
        assert!(!is_valid_id("2fa", false));
        assert!(!is_valid_id("", false));
        assert!(!is_valid_id("a-b", true));
    }
}
