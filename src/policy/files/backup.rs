//! The backup file: every draft in a browser, each with what belongs to it
//! (its reviews and imported clause library, which live inside the stored
//! draft, its quiz scores and the demo links that open it), and the
//! reviewer's name, in one JSON file that restores them into any browser.
//!
//! Each draft is kept as the exact text that was stored, not re-encoded,
//! so that a restore gives back entries identical to the originals, and a
//! damaged entry or one from a newer version is kept as it is rather than
//! lost. Pure: the app gathers the entries from storage and puts them
//! back; deciding what a restore does with each draft happens here, where
//! it is tested natively.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::policy::files::draft::{DraftError, StoredDraft};
use crate::policy::files::review::{Review, SignatureState};
use crate::policy::files::signature::{self, Verification};
use crate::policy::model::ids::DraftId;

/// What the `format` field says.
pub const FORMAT: &str = "social-media-policy-builder/backup";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;
/// The largest backup read: far above 200 drafts of the longest sample,
/// and below what a browser's storage could take back anyway.
pub const MAX_BYTES: usize = 50_000_000;

/// A whole backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Always [`FORMAT`].
    pub format: String,
    /// The version of this layout.
    pub version: u32,
    /// When it was made, as an ISO 8601 timestamp from the browser.
    pub made_at: String,
    /// Every draft.
    pub drafts: Vec<DraftCopy>,
    /// The name the reviewer gave last, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer_name: Option<String>,
}

/// One draft and what belongs to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftCopy {
    /// The draft's id, the end of its storage key.
    pub id: String,
    /// The stored draft, exactly as it was stored (its reviews and library
    /// are inside it).
    pub stored: String,
    /// Quiz scores by deck id, each as stored.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quiz_scores: BTreeMap<String, String>,
    /// The samples whose demo link opens this draft.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demo_links: Vec<String>,
    /// The organization's Word template kept with the draft, as stored
    /// (see [`crate::policy::files::word_template::WordTemplate::to_json`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_template: Option<String>,
}

impl DraftCopy {
    /// The name to show for this draft: its own, or its id when the stored
    /// text cannot be read by this version.
    pub fn display_name(&self) -> String {
        match StoredDraft::parse(&self.stored, &self.id) {
            Ok(d) => d.display_name(),
            Err(_) => format!("draft {}", self.id),
        }
    }

    /// The draft, when this version can read it.
    pub fn draft(&self) -> Result<StoredDraft, DraftError> {
        StoredDraft::parse(&self.stored, &self.id)
    }
}

/// Why a file cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// Over [`MAX_BYTES`].
    #[error("the file is {size} bytes, more than a backup can be ({MAX_BYTES} bytes)")]
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// Not JSON, or JSON of another shape.
    #[error("this is not a backup of drafts: line {line}, column {column}: {message}")]
    Unreadable {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A JSON file of another kind (an answer file, for instance).
    #[error("this file is not a backup of drafts (it does not say format: {FORMAT})")]
    NotABackup,
    /// Made by a newer version.
    #[error(
        "this backup was made by a newer version of the app (version {found}, this version reads up to {VERSION})"
    )]
    TooNew {
        /// The version found.
        found: u32,
    },
    /// An id that cannot be a storage key, or twice the same id.
    #[error("the backup's draft {index} has {problem}")]
    BadDraft {
        /// Its place in the file, from 1.
        index: usize,
        /// What is wrong with it.
        problem: String,
    },
}

impl Backup {
    /// A backup of `drafts`, made at `made_at`.
    pub fn new(made_at: String, drafts: Vec<DraftCopy>, reviewer_name: Option<String>) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            made_at,
            drafts,
            reviewer_name: reviewer_name.filter(|n| !n.is_empty()),
        }
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"))
    }

    /// Reads a backup file, checking what a restore relies on: the format,
    /// the version, and ids that are usable and unique.
    pub fn parse(text: &str) -> Result<Self, BackupError> {
        if text.len() > MAX_BYTES {
            return Err(BackupError::TooLarge { size: text.len() });
        }
        /// Only the header, to tell another kind of file from a damaged backup.
        #[derive(Deserialize)]
        struct Header {
            format: Option<String>,
            version: Option<u64>,
        }
        let unreadable = |e: serde_json::Error| BackupError::Unreadable {
            line: e.line(),
            column: e.column(),
            message: e.to_string().split(" at line ").next().unwrap_or_default().to_owned(),
        };
        let header: Header = serde_json::from_str(text).map_err(unreadable)?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(BackupError::NotABackup);
        }
        if let Some(found) = header.version.filter(|v| *v > u64::from(VERSION)) {
            return Err(BackupError::TooNew {
                found: u32::try_from(found).unwrap_or(u32::MAX),
            });
        }
        let backup: Backup = serde_json::from_str(text).map_err(unreadable)?;
        let mut seen = BTreeSet::new();
        for (i, copy) in backup.drafts.iter().enumerate() {
            let bad = |problem: &str| BackupError::BadDraft {
                index: i + 1,
                problem: problem.to_owned(),
            };
            if DraftId::parse(&copy.id).is_err() {
                return Err(bad("an id that cannot be used (letters, digits, - and _ only)"));
            }
            if !seen.insert(copy.id.as_str()) {
                return Err(bad(&format!("the same id as an earlier one ({})", copy.id)));
            }
        }
        Ok(backup)
    }
}

/// The review of each of `copies`, in order, for the worker to check its
/// signatures again before a restore (an empty review for a copy this
/// version cannot read).
pub fn reviews(copies: &[DraftCopy]) -> Vec<Review> {
    copies
        .iter()
        .map(|c| c.draft().map(|d| d.review).unwrap_or_default())
        .collect()
}

/// `copies` with each review decision's state replaced by `states`, what
/// the worker found of its signature ([`signature::check`] of each of
/// [`reviews`]), as an import replaces them: what a backup file says of
/// its decisions' states is never taken, so an edited backup cannot turn
/// a decision edited after review into a verified one. A copy whose states
/// stay the same keeps its exact stored text; one this version cannot read
/// is kept as it is (its review is not shown until a version that reads
/// it checks it again). `None` when `states` is not one list per copy.
pub fn with_states(copies: Vec<DraftCopy>, states: Vec<Vec<SignatureState>>) -> Option<Vec<DraftCopy>> {
    if states.len() != copies.len() {
        return None;
    }
    copies
        .into_iter()
        .zip(states)
        .map(|(copy, states)| {
            let Ok(mut draft) = copy.draft() else {
                return Some(copy);
            };
            if states.len() != draft.review.decisions.len() {
                return None;
            }
            let mut changed = false;
            for (d, state) in draft.review.decisions.iter_mut().zip(states) {
                if d.state() != state {
                    d.checked = Some(state);
                    changed = true;
                }
            }
            Some(if changed {
                DraftCopy {
                    stored: draft.to_json(),
                    ..copy
                }
            } else {
                copy
            })
        })
        .collect()
}

/// [`with_states`] with the signatures checked here by `verify`: what a
/// restore does, in one step.
pub fn recheck(copies: Vec<DraftCopy>, verify: impl Fn(&Verification) -> bool) -> Vec<DraftCopy> {
    let states = reviews(&copies).iter().map(|r| signature::check(r, &verify)).collect();
    with_states(copies, states).unwrap_or_default()
}

/// What a restore does with one draft of the backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Put it in (its id is free, or the user chose to replace).
    Restore,
    /// Put it in under a new id, beside the draft already there.
    KeepBoth,
    /// Leave it out.
    Skip,
}

/// The drafts of `backup` whose ids are already used in this browser, in
/// the backup's order: the restore asks about each.
pub fn clashes<'a>(backup: &'a Backup, here: &BTreeSet<String>) -> Vec<&'a DraftCopy> {
    backup.drafts.iter().filter(|c| here.contains(&c.id)).collect()
}

/// `copy` moved to id `new_id`, as a draft beside the one already there:
/// named as restored, so that the two can be told apart. `None` when this
/// version cannot read the draft (it can then only replace or be skipped).
pub fn renamed(copy: &DraftCopy, new_id: &str) -> Option<DraftCopy> {
    let mut draft = copy.draft().ok()?;
    draft.name = format!("{} (restored)", draft.display_name());
    draft.id = new_id.to_owned();
    Some(DraftCopy {
        id: new_id.to_owned(),
        stored: draft.to_json(),
        quiz_scores: copy.quiz_scores.clone(),
        // A demo link opens one draft: it stays with the one already here.
        demo_links: Vec::new(),
        word_template: copy.word_template.clone(),
    })
}

/// Whether a draft last saved at `saved_at` has changed since it was last
/// kept as a file: in the backup made at `backed_up_at`, or as an answer
/// file downloaded when it was saved at `downloaded_saved_at`. Timestamps
/// are the browser's ISO 8601 form, which sorts as text.
pub fn changed_since_kept(saved_at: &str, backed_up_at: Option<&str>, downloaded_saved_at: Option<&str>) -> bool {
    let in_backup = backed_up_at.is_some_and(|b| b >= saved_at);
    let downloaded = downloaded_saved_at.is_some_and(|d| d >= saved_at);
    !(in_backup || downloaded)
}

/// Whether `used` bytes of a `limit` are close enough to it that the next
/// saves may fail: past 80%, which leaves room for about a fifth more
/// (several saves of the longest draft), so the warning comes first.
pub fn near_limit(used: f64, limit: f64) -> bool {
    limit > 0.0 && used >= 0.8 * limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::model::answers::Answer;

    fn copy(id: &str, name: &str) -> DraftCopy {
        let mut draft = StoredDraft::new(id.into(), "2026-12-03T10:00:00.000Z".into(), Default::default());
        draft.answers.set("legal_name".into(), Answer::Text(name.into()));
        DraftCopy {
            id: id.into(),
            stored: draft.to_json(),
            quiz_scores: BTreeMap::from([("basics".into(), "{\"right\":3}".into())]),
            demo_links: vec!["lakeside".into()],
            word_template: Some("{\"file\":\"house.dotx\",\"base64\":\"UEsDBA==\"}".into()),
        }
    }

    fn backup() -> Backup {
        Backup::new(
            "2026-12-03T11:00:00.000Z".into(),
            vec![copy("a1", "Lakeside"), copy("b2", "Harbour")],
            Some("Ana Silva".into()),
        )
    }

    #[test]
    fn a_backup_reads_back_as_written_with_every_entry_byte_for_byte() {
        let original = backup();
        let read = Backup::parse(&original.to_json()).expect("reads");
        assert_eq!(read, original);
        assert_eq!(read.drafts[0].stored, original.drafts[0].stored);
    }

    #[test]
    fn a_damaged_or_newer_draft_is_kept_as_its_text() {
        let mut original = backup();
        original.drafts.push(DraftCopy {
            id: "c3".into(),
            stored: "{\"schema\":99,\"answers\":{}".into(),
            quiz_scores: BTreeMap::new(),
            demo_links: Vec::new(),
            word_template: None,
        });
        let read = Backup::parse(&original.to_json()).expect("reads");
        assert_eq!(read.drafts[2].stored, "{\"schema\":99,\"answers\":{}");
        assert_eq!(read.drafts[2].display_name(), "draft c3");
        assert_eq!(renamed(&read.drafts[2], "new"), None);
    }

    #[test]
    fn other_files_are_refused_with_the_reason() {
        assert_eq!(
            Backup::parse("{\"format\":\"social-media-policy-builder/answers\"}"),
            Err(BackupError::NotABackup)
        );
        assert_eq!(
            Backup::parse("key: x\n"),
            Err(BackupError::Unreadable {
                line: 1,
                column: 1,
                message: "expected value".into()
            })
        );
        let newer = format!("{{\"format\":\"{FORMAT}\",\"version\":2,\"drafts\":[],\"extra\":1}}");
        assert_eq!(Backup::parse(&newer), Err(BackupError::TooNew { found: 2 }));
        let missing = format!("{{\"format\":\"{FORMAT}\",\"version\":1}}");
        assert!(matches!(
            Backup::parse(&missing),
            Err(BackupError::Unreadable { line: 1, .. })
        ));
        let huge = " ".repeat(MAX_BYTES + 1);
        assert_eq!(Backup::parse(&huge), Err(BackupError::TooLarge { size: MAX_BYTES + 1 }));
    }

    #[test]
    fn ids_that_are_not_keys_or_are_repeated_are_refused() {
        let mut twice = backup();
        twice.drafts[1].id = "a1".into();
        assert!(matches!(
            Backup::parse(&twice.to_json()),
            Err(BackupError::BadDraft { index: 2, .. })
        ));
        for id in ["", "../x", "a/b", "a b"] {
            let mut bad = backup();
            bad.drafts[0].id = id.into();
            assert!(
                matches!(
                    Backup::parse(&bad.to_json()),
                    Err(BackupError::BadDraft { index: 1, .. })
                ),
                "{id:?}"
            );
        }
    }

    #[test]
    fn only_drafts_whose_ids_are_taken_are_asked_about() {
        let b = backup();
        let here = BTreeSet::from(["b2".to_owned(), "zz".to_owned()]);
        let asked: Vec<&str> = clashes(&b, &here).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(asked, ["b2"]);
    }

    #[test]
    fn a_draft_is_changed_unless_a_backup_or_a_download_came_after_its_last_save() {
        let saved = "2026-12-03T10:00:00.000Z";
        assert!(changed_since_kept(saved, None, None));
        assert!(changed_since_kept(saved, Some("2026-12-03T09:59:59.999Z"), None));
        assert!(!changed_since_kept(saved, Some("2026-12-03T10:00:00.001Z"), None));
        assert!(!changed_since_kept(saved, None, Some(saved)));
        assert!(changed_since_kept(saved, None, Some("2026-12-02T10:00:00.000Z")));
    }

    #[test]
    fn storage_is_near_its_limit_past_four_fifths() {
        assert!(!near_limit(0.0, 0.0));
        assert!(!near_limit(3.9, 5.0));
        assert!(near_limit(4.0, 5.0));
        assert!(near_limit(6.0, 5.0));
    }

    #[test]
    fn keeping_both_moves_the_copy_to_the_new_id_and_names_it_restored() {
        let b = backup();
        let moved = renamed(&b.drafts[1], "n9").expect("readable");
        let draft = moved.draft().expect("reads");
        assert_eq!(draft.id, "n9");
        assert_eq!(draft.display_name(), "Harbour (restored)");
        assert_eq!(draft.answers, b.drafts[1].draft().expect("reads").answers);
        assert_eq!(moved.quiz_scores, b.drafts[1].quiz_scores);
        assert!(moved.demo_links.is_empty());
    }
}
