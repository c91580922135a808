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

/// The languages a draft's policy is written in: one, or two with the
/// first shown in the preview and placed first in a bilingual export (a
/// Quebec employer puts French first). Stored with the draft as a list of
/// tags; a draft from before languages existed is English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<Language>", into = "Vec<Language>")]
pub struct PolicyLanguages {
    main: Language,
    second: Option<Language>,
}

impl Default for PolicyLanguages {
    fn default() -> Self {
        Self::one(Language::English)
    }
}

impl PolicyLanguages {
    /// The choices the app offers, in the order it lists them.
    pub const CHOICES: [PolicyLanguages; 4] = [
        Self::one(Language::English),
        Self::one(Language::CanadianFrench),
        Self::two(Language::CanadianFrench, Language::English),
        Self::two(Language::English, Language::CanadianFrench),
    ];

    /// The policy in `language` only.
    pub const fn one(language: Language) -> Self {
        Self {
            main: language,
            second: None,
        }
    }

    /// The policy in `main` and in `second`, `main` first.
    pub const fn two(main: Language, second: Language) -> Self {
        Self {
            main,
            second: Some(second),
        }
    }

    /// The language the preview shows and the export puts first.
    pub fn main(&self) -> Language {
        self.main
    }

    /// The other language of a bilingual policy.
    pub fn second(&self) -> Option<Language> {
        self.second
    }

    /// Every language, the main one first.
    pub fn all(&self) -> Vec<Language> {
        std::iter::once(self.main).chain(self.second).collect()
    }

    /// Whether this is English only (what is not written down).
    pub fn is_english_only(&self) -> bool {
        *self == Self::default()
    }

    /// A stable name for the choice, as a form value: the tags joined by `+`.
    pub fn code(&self) -> String {
        self.all().iter().map(|l| l.tag()).collect::<Vec<_>>().join("+")
    }

    /// The choice named by [`Self::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|c| c.code() == code)
    }
}

impl TryFrom<Vec<Language>> for PolicyLanguages {
    type Error = String;

    fn try_from(list: Vec<Language>) -> Result<Self, Self::Error> {
        match list.as_slice() {
            [one] => Ok(Self::one(*one)),
            [main, second] if main != second => Ok(Self::two(*main, *second)),
            [_, _] => Err("a policy's two languages must differ".to_owned()),
            _ => Err("a policy is written in one language or two".to_owned()),
        }
    }
}

impl From<PolicyLanguages> for Vec<Language> {
    fn from(languages: PolicyLanguages) -> Self {
        languages.all()
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

    #[test]
    fn policy_languages_are_one_or_two_different_ones_and_read_back() {
        for choice in PolicyLanguages::CHOICES {
            let json = serde_json::to_string(&choice).expect("written");
            assert_eq!(
                serde_json::from_str::<PolicyLanguages>(&json).ok(),
                Some(choice),
                "{json}"
            );
            assert_eq!(PolicyLanguages::from_code(&choice.code()), Some(choice));
        }
        assert_eq!(
            serde_json::to_string(&PolicyLanguages::two(Language::CanadianFrench, Language::English))
                .ok()
                .as_deref(),
            Some(r#"["fr-CA","en"]"#)
        );
        for bad in [r#"[]"#, r#"["en","en"]"#, r#"["en","fr-CA","en"]"#, r#"["de"]"#] {
            assert!(serde_json::from_str::<PolicyLanguages>(bad).is_err(), "{bad}");
        }
    }
}
