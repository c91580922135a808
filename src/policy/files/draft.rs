//! Drafts as they are stored in the browser: answers in a versioned
//! envelope, one storage entry per draft. Reading is pure so that every way
//! a stored value can be wrong is tested natively; the app only moves
//! strings in and out of storage.
//!
//! Older schemas are migrated on read, one step at a time, on the JSON
//! value: each step is a pure function from schema `n` to `n + 1`.
//!
//! A draft records the version of each clause pack it was made on
//! (`made_on`). The field was added within schema 2 because a draft without
//! it reads correctly: it was made before packs were versioned, on version 1
//! of each, which is what an absent entry means (see
//! [`crate::policy::fill::changes`]). An older build ignores the field, so a
//! draft stays readable in both directions.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::policy::files::review::Review;
use crate::policy::model::answers::Answers;
use crate::policy::model::ids::QuestionId;
use crate::policy::model::language::PolicyLanguages;
use crate::policy::model::library::PackVersions;

/// The schema this build writes.
pub const SCHEMA: u32 = 2;

/// What a draft is called when nobody has named it and it has no
/// organization name yet.
pub const UNTITLED: &str = "Untitled draft";

/// A stored draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDraft {
    /// Schema version of this envelope.
    pub schema: u32,
    /// Stable id; also the end of the storage key.
    pub id: String,
    /// The name the user gave, or empty to name it after the organization.
    #[serde(default)]
    pub name: String,
    /// When it was created, as an ISO 8601 timestamp from the browser.
    pub created_at: String,
    /// When it was last saved, as an ISO 8601 timestamp from the browser.
    pub saved_at: String,
    /// The answers.
    pub answers: Answers,
    /// A clause library the user imported to use instead of the shipped one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<CustomLibrary>,
    /// What reviewers said, section by section.
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub review: Review,
    /// The version of each clause pack the draft was made on; a pack not
    /// named was version 1.
    #[serde(default, skip_serializing_if = "PackVersions::is_empty")]
    pub made_on: PackVersions,
    /// The languages the policy is written in; English when not given.
    #[serde(default, skip_serializing_if = "PolicyLanguages::is_english_only")]
    pub languages: PolicyLanguages,
}

/// An imported clause library, kept as the text the user gave so that it
/// can be checked again by a later version and exported unchanged, and as
/// JSON, which the page reads without a YAML parser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomLibrary {
    /// The file name it was imported from.
    pub file: String,
    /// The YAML text.
    pub text: String,
    /// The library's raw form as JSON, made by the PDF worker from `text`
    /// when it was imported. Drafts stored before there was one have none;
    /// the page then has the worker make it. Never written to answer files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub json: Option<String>,
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

/// The name to show for a draft named `name` with `answers` (see
/// [`StoredDraft::display_name`]), without a whole draft to ask: the
/// draft's bar shows it on every change.
pub fn display_name(name: &str, answers: &Answers) -> String {
    let text = |id: &str| {
        answers
            .text(&QuestionId::from(id))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let name = name.trim();
    let shown = if name.is_empty() {
        text("short_name").or_else(|| text("legal_name")).unwrap_or(UNTITLED)
    } else {
        name
    };
    crate::policy::diag::text::show_bidi(shown)
}

impl StoredDraft {
    /// A new, empty draft made on the clause packs `made_on` (see
    /// [`crate::policy::model::library::ClauseLibrary::pack_versions`]).
    pub fn new(id: String, now: String, made_on: PackVersions) -> Self {
        Self {
            schema: SCHEMA,
            id,
            name: String::new(),
            created_at: now.clone(),
            saved_at: now,
            answers: Answers::default(),
            library: None,
            review: Review::default(),
            made_on,
            languages: PolicyLanguages::default(),
        }
    }

    /// The name to show: the user's, else the organization's, else
    /// [`UNTITLED`]. Invisible direction controls in it are shown as marks
    /// (see [`crate::policy::diag::text::show_bidi`]), so that a name is
    /// never shown in another order than it is stored.
    pub fn display_name(&self) -> String {
        display_name(&self.name, &self.answers)
    }

    /// Reads a stored draft, migrating older schemas. `id` is the id from
    /// the storage key, used by schemas that did not store one.
    pub fn parse(text: &str, id: &str) -> Result<Self, DraftError> {
        let corrupt = |e: serde_json::Error| DraftError::Corrupt(e.to_string());
        /// Only the schema number, the rest skipped.
        #[derive(Deserialize)]
        struct Schema {
            schema: Option<u64>,
        }
        // A current draft (an object with this schema) is read at once;
        // anything else takes the path that says what is wrong with it.
        let current = text.trim_start().starts_with('{')
            && serde_json::from_str::<Schema>(text).is_ok_and(|s| s.schema == Some(u64::from(SCHEMA)));
        if current {
            return serde_json::from_str(text).map_err(corrupt);
        }
        let mut value: Value = serde_json::from_str(text).map_err(corrupt)?;
        let schema = value
            .get("schema")
            .and_then(Value::as_u64)
            .ok_or_else(|| DraftError::Corrupt("it has no schema number".into()))?;
        let schema = u32::try_from(schema).unwrap_or(u32::MAX);
        if schema > SCHEMA {
            return Err(DraftError::TooNew { found: schema });
        }
        if schema == 0 {
            return Err(DraftError::Corrupt("schema 0 does not exist".into()));
        }
        for from in schema..SCHEMA {
            value = migrate(from, value, id)?;
        }
        // Read from text, as a current draft is: reading from the `Value`
        // would put a second copy of the draft's reader in the page.
        serde_json::from_str(&value.to_string()).map_err(corrupt)
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// One migration step, from schema `from` to `from + 1`.
fn migrate(from: u32, value: Value, id: &str) -> Result<Value, DraftError> {
    let Value::Object(mut map) = value else {
        return Err(DraftError::Corrupt("it is not an object".into()));
    };
    match from {
        1 => v1_to_v2(&mut map, id),
        _ => return Err(DraftError::Corrupt(format!("no migration from schema {from}"))),
    }
    map.insert("schema".into(), Value::from(from + 1));
    Ok(Value::Object(map))
}

/// Schema 1 kept one draft under one key, with no id, name or creation
/// time: the draft takes the key's id, no name (so it is named after the
/// organization) and its save time as its creation time.
fn v1_to_v2(map: &mut Map<String, Value>, id: &str) {
    let saved = map.get("saved_at").cloned().unwrap_or_else(|| Value::from(""));
    map.insert("id".into(), Value::from(id));
    map.entry("name").or_insert_with(|| Value::from(""));
    map.insert("created_at".into(), saved);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::model::answers::Answer;

    fn sample() -> StoredDraft {
        let mut draft = StoredDraft::new("d1".into(), "2026-11-25T10:00:00Z".into(), PackVersions::new());
        draft
            .answers
            .set("legal_name".into(), Answer::Text("Lakeside \"Health\" <script>".into()));
        draft.answers.set("photos".into(), Answer::YesNo(true));
        draft.answers.set("platforms".into(), Answer::Choices(vec!["x".into()]));
        draft
    }

    #[test]
    fn a_draft_survives_a_round_trip() {
        let mut draft = sample();
        draft.library = Some(CustomLibrary {
            file: "ours.yaml".into(),
            text: "version: 1\n".into(),
            json: Some("{\"version\":1}".into()),
        });
        assert_eq!(StoredDraft::parse(&draft.to_json(), "d1"), Ok(draft));
    }

    #[test]
    fn damaged_text_is_reported_as_corrupt() {
        for text in [
            "",
            "{",
            "null",
            "[1,2]",
            "[3]",
            "[2]",
            "{\"schema\":1}",
            "{\"schema\":0,\"answers\":{}}",
            "{\"schema\":\"one\",\"answers\":{}}",
            "{\"schema\":2,\"answers\":{}}",
        ] {
            assert!(
                matches!(StoredDraft::parse(text, "x"), Err(DraftError::Corrupt(_))),
                "{text:?}"
            );
        }
        assert_eq!(
            StoredDraft::parse("{\"schema\":\"one\",\"answers\":{}}", "x"),
            Err(DraftError::Corrupt("it has no schema number".into()))
        );
    }

    #[test]
    fn a_draft_from_a_newer_version_is_refused_not_misread() {
        let text = r#"{"schema": 99, "saved_at": "x", "answers": {}}"#;
        assert_eq!(StoredDraft::parse(text, "x"), Err(DraftError::TooNew { found: 99 }));
        let huge = r#"{"schema": 99999999999, "answers": {}}"#;
        assert!(matches!(StoredDraft::parse(huge, "x"), Err(DraftError::TooNew { .. })));
    }

    #[test]
    fn a_schema_1_draft_is_migrated_with_its_answers() {
        let text =
            r#"{"schema":1,"saved_at":"2026-01-02T03:04:05Z","answers":{"legal_name":"Lakeside","photos":true}}"#;
        let draft = StoredDraft::parse(text, "old").expect("migrates");
        assert_eq!(draft.schema, SCHEMA);
        assert_eq!(draft.id, "old");
        assert_eq!(draft.created_at, "2026-01-02T03:04:05Z");
        assert_eq!(draft.saved_at, "2026-01-02T03:04:05Z");
        assert_eq!(draft.answers.text(&"legal_name".into()), Some("Lakeside"));
        assert_eq!(draft.answers.get(&"photos".into()), Some(&Answer::YesNo(true)));
        assert_eq!(draft.library, None);
        assert_eq!(draft.display_name(), "Lakeside");
    }

    #[test]
    fn the_pack_versions_a_draft_was_made_on_survive_and_old_drafts_have_none() {
        let mut draft = sample();
        draft.made_on = PackVersions::from([("general".to_owned(), 2), ("quebec".to_owned(), 3)]);
        let text = draft.to_json();
        assert!(text.contains(r#""made_on":{"general":2,"quebec":3}"#), "{text}");
        assert_eq!(StoredDraft::parse(&text, "d1"), Ok(draft));
        // A schema 2 draft written before packs were recorded.
        let old = r#"{"schema":2,"id":"d9","created_at":"t","saved_at":"t","answers":{}}"#;
        let read = StoredDraft::parse(old, "d9").expect("an old draft stays readable");
        assert!(read.made_on.is_empty());
        assert!(!read.to_json().contains("made_on"), "nothing is invented for it");
    }

    #[test]
    fn the_display_name_prefers_the_users_then_the_organizations() {
        let mut draft = StoredDraft::new("d".into(), "t".into(), PackVersions::new());
        assert_eq!(draft.display_name(), UNTITLED);
        draft
            .answers
            .set("legal_name".into(), Answer::Text("Lakeside Hospital".into()));
        assert_eq!(draft.display_name(), "Lakeside Hospital");
        draft
            .answers
            .set("short_name".into(), Answer::Text("  Lakeside ".into()));
        assert_eq!(draft.display_name(), "Lakeside");
        draft.name = "Board version".into();
        assert_eq!(draft.display_name(), "Board version");
    }
}
