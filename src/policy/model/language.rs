//! The language a policy is written in, chosen per draft and separate from
//! the interface's language.
//!
//! Loading takes it (the French content is the English structure with the
//! French text laid over it, see `translation.rs`), the clause library
//! carries it, and filling stamps the finished
//! [`crate::policy::document::Document`] with its tag, which every renderer
//! reads from there.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A language the policy content is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    /// English, the language the structure is written in.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Canadian French.
    #[serde(rename = "fr-CA")]
    CanadianFrench,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 2] = [Language::English, Language::CanadianFrench];

    /// Its tag (BCP 47) as written in files and in the folder of its
    /// translations under `policy-templates/`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::CanadianFrench => "fr-CA",
        }
    }

    /// The language with tag `tag`, if this build has its content.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// Whether this is English (what documents made before languages
    /// existed are written in).
    pub fn is_english(&self) -> bool {
        *self == Language::English
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_reads_back_from_its_tag() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
        }
        assert_eq!(
            Language::from_tag("fr"),
            None,
            "only the tags this build has content for"
        );
    }
}
