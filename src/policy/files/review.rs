//! Reviews: what a reviewer (often HR) says about a draft, section by
//! section, and the overall decision. A review travels inside the draft and
//! its answer file. Each section keeps the text as it was reviewed, so that
//! later edits can be shown word by word.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use crate::policy::document::{Block, BlockKind, Document, Section, Text};
use crate::policy::fill::words::Words;
use crate::policy::model::ids::{ClauseId, SectionId};

/// A reviewer's verdict on a section or on the whole draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Fine as it is.
    Approved,
    /// Needs changes before approval.
    ChangesRequested,
}

/// A reply to a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a reply: a mapping with `author`, `at` and `text`")]
pub struct Reply {
    /// Who wrote it.
    pub author: String,
    /// When (ISO 8601).
    pub at: String,
    /// What they said.
    pub text: String,
}

/// A comment on a section, with its replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a comment: a mapping with `id`, `author`, `at` and `text`, and perhaps `replies` and `resolved`"
)]
pub struct Comment {
    /// Stable id within the review.
    pub id: String,
    /// Who wrote it.
    pub author: String,
    /// When (ISO 8601).
    pub at: String,
    /// What they said.
    pub text: String,
    /// Replies, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    /// Whether the drafters have dealt with it.
    #[serde(default)]
    pub resolved: bool,
}

/// What the reviewer said about one section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a section's review: a mapping with `verdict`, `reviewed_text` and `comments`"
)]
pub struct SectionReview {
    /// The verdict, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The section's text when the verdict was given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reviewed_text: String,
    /// Comments, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

/// The overall decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a decision: a mapping with `reviewer`, `role`, `date`, `verdict` and perhaps `version` and `signature`"
)]
pub struct Decision {
    /// The reviewer's name.
    pub reviewer: String,
    /// Their role, such as "HR business partner".
    pub role: String,
    /// The date of the decision (`YYYY-MM-DD`).
    pub date: String,
    /// Approved or changes requested.
    pub verdict: Verdict,
    /// The policy version that was reviewed, when the draft gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// The reviewer's signature, when their app signed the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<ReviewSignature>,
    /// Whether the signature held when the draft was last read from a
    /// file: set by the app on every import, never taken from the file,
    /// and not written to answer files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<SignatureState>,
}

impl Decision {
    /// How its signature stands; a decision never read from a file (made
    /// here) is taken as it is.
    pub fn state(&self) -> SignatureState {
        self.checked.clone().unwrap_or(SignatureState::Unsigned)
    }
}

/// A reviewer's signature on one decision, as the reviewed file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a signature: a mapping with `algorithm`, `public_key`, `covers` and `signature`"
)]
pub struct ReviewSignature {
    /// Always [`crate::policy::files::signature::ALGORITHM`].
    pub algorithm: String,
    /// The reviewer's public key: the uncompressed P-256 point (65 bytes,
    /// WebCrypto's "raw" export), in base64.
    pub public_key: String,
    /// [`crate::policy::files::signature::covers`] of the review when it was signed, in hex.
    pub covers: String,
    /// The signature over [`crate::policy::files::signature::signed_bytes`]: r and s, 32 bytes each
    /// (WebCrypto's form), in base64.
    pub signature: String,
}

/// Whether a decision's signature holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureState {
    /// No signature (a file from before signing, or one typed by hand).
    Unsigned,
    /// The signature holds for this decision and the review it covers.
    Verified {
        /// [`crate::policy::files::signature::fingerprint`] of the reviewer's key.
        fingerprint: String,
    },
    /// The decision, or the review the last signature covers, was changed
    /// after signing, or the signature is damaged.
    EditedAfterReview {
        /// [`crate::policy::files::signature::fingerprint`] of the key named in the file, if it reads.
        fingerprint: String,
    },
}

impl SignatureState {
    /// Whether the decision may reach the cover and the approval record.
    pub fn counts(&self) -> bool {
        !matches!(self, SignatureState::EditedAfterReview { .. })
    }

    /// The key's fingerprint, when the decision names a key.
    pub fn fingerprint(&self) -> Option<&str> {
        match self {
            SignatureState::Unsigned => None,
            SignatureState::Verified { fingerprint } | SignatureState::EditedAfterReview { fingerprint } => {
                Some(fingerprint)
            }
        }
    }
}

/// A review of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a review: a mapping with `sections` and `decisions`"
)]
pub struct Review {
    /// Per top-level section id.
    #[serde(default)]
    pub sections: BTreeMap<String, SectionReview>,
    /// Overall decisions, oldest first: each review round adds one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
}

/// Whether `a` and `b` decide the same about the same review: their
/// signatures, if any, cover the same review with the same key.
fn same_decision(a: &Decision, b: &Decision) -> bool {
    let signed = |d: &Decision| d.signature.as_ref().map(|s| (s.covers.clone(), s.public_key.clone()));
    (&a.reviewer, &a.role, &a.date, a.verdict, &a.version) == (&b.reviewer, &b.role, &b.date, b.verdict, &b.version)
        && signed(a) == signed(b)
}

/// Where a section stands with its reviewer now: an approval counts only
/// while the section's text is the text that was approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Approved, and the text is unchanged since.
    Approved,
    /// Approved, but the text has changed since: to be reviewed again.
    ApprovedBeforeChange,
    /// Changes requested.
    ChangesRequested,
}

/// What recording a decision did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// A new decision was added.
    Added,
    /// The same reviewer's decision of the same day and version was
    /// replaced (they changed their mind).
    Replaced,
    /// The very same decision was already recorded: nothing changed.
    AlreadyRecorded,
}

/// One paragraph, list item or heading of a section, as a difference from
/// the reviewed text to the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    /// Whether the line is a list item (its marker is not in `changes`).
    pub item: bool,
    /// The line's runs.
    pub changes: Vec<Change>,
}

/// A run of a word-level difference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Text in both.
    Same(String),
    /// Text only in the current version.
    Added(String),
    /// Text only in the reviewed version.
    Removed(String),
}

impl Review {
    /// Whether nothing has been said yet.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
            && self
                .sections
                .values()
                .all(|s| s.verdict.is_none() && s.comments.is_empty())
    }

    /// Comments not yet resolved, with their section id, in the order of
    /// the sections in `doc`; comments on sections the policy no longer has
    /// come last.
    pub fn open_comments(&self, doc: &Document) -> Vec<(&str, &Comment)> {
        let place = |id: &str| {
            doc.sections
                .iter()
                .position(|s| s.id.as_str() == id)
                .unwrap_or(usize::MAX)
        };
        let mut open: Vec<_> = self
            .sections
            .iter()
            .flat_map(|(id, s)| s.comments.iter().filter(|c| !c.resolved).map(move |c| (id.as_str(), c)))
            .collect();
        // Stable: within a section, comments keep the order they were made.
        open.sort_by_key(|(id, _)| place(id));
        open
    }

    /// Where section `id` stands now against `doc`, if it has a verdict.
    pub fn standing(&self, id: &str, doc: &Document) -> Option<Standing> {
        let s = self.sections.get(id)?;
        match s.verdict? {
            Verdict::ChangesRequested => Some(Standing::ChangesRequested),
            Verdict::Approved if section_text(doc, id).unwrap_or_default() == s.reviewed_text => {
                Some(Standing::Approved)
            }
            Verdict::Approved => Some(Standing::ApprovedBeforeChange),
        }
    }

    /// The approved sections of `doc` whose text has changed since.
    pub fn approvals_out_of_date<'d>(&self, doc: &'d Document) -> Vec<&'d Section> {
        doc.sections
            .iter()
            .filter(|s| self.standing(s.id.as_str(), doc) == Some(Standing::ApprovedBeforeChange))
            .collect()
    }

    /// Records `decision`. A second press with the same decision records
    /// nothing; the same reviewer deciding again on the same day about the
    /// same version replaces their earlier decision.
    pub fn decide(&mut self, decision: Decision) -> Recorded {
        let same_round =
            |d: &Decision| d.reviewer == decision.reviewer && d.date == decision.date && d.version == decision.version;
        match self.decisions.iter().position(same_round) {
            // Two signatures of the same decision differ (ECDSA signs with
            // a fresh random number each time): the same decision over the
            // same review is the same, signed or not.
            Some(i) if same_decision(&self.decisions[i], &decision) => Recorded::AlreadyRecorded,
            Some(i) => {
                self.decisions[i] = decision;
                Recorded::Replaced
            }
            None => {
                self.decisions.push(decision);
                Recorded::Added
            }
        }
    }

    /// Gives `verdict` on section `id`, recording its text as reviewed.
    pub fn set_verdict(&mut self, id: &str, verdict: Option<Verdict>, doc: &Document) {
        let text = section_text(doc, id).unwrap_or_default();
        let entry = self.sections.entry(id.to_owned()).or_default();
        entry.verdict = verdict;
        entry.reviewed_text = text;
    }

    /// Adds a comment to section `id` and returns its id.
    pub fn comment(&mut self, id: &str, author: &str, at: &str, text: &str) -> String {
        // One more than the highest number in use, so that a hand-edited
        // file with gaps never gets a duplicate. A file can hold any id, up
        // to `c18446744073709551615`: past the last number, the first free
        // one is taken instead.
        let used: std::collections::BTreeSet<&str> = self
            .sections
            .values()
            .flat_map(|s| &s.comments)
            .map(|c| c.id.as_str())
            .collect();
        let highest = used
            .iter()
            .filter_map(|id| id.strip_prefix('c').and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0);
        let comment_id = highest
            .checked_add(1)
            .into_iter()
            .chain(1..)
            .map(|n| format!("c{n}"))
            .find(|id| !used.contains(id.as_str()))
            .unwrap_or_default();
        self.sections.entry(id.to_owned()).or_default().comments.push(Comment {
            id: comment_id.clone(),
            author: author.trim().to_owned(),
            at: at.to_owned(),
            text: text.trim().to_owned(),
            replies: Vec::new(),
            resolved: false,
        });
        comment_id
    }

    /// The comment with `comment_id`, to reply to or resolve.
    pub fn comment_mut(&mut self, comment_id: &str) -> Option<&mut Comment> {
        self.sections
            .values_mut()
            .flat_map(|s| s.comments.iter_mut())
            .find(|c| c.id == comment_id)
    }

    /// The sections whose text changed since their verdict, with a
    /// word-level difference from the reviewed text to the current one,
    /// line by line (paragraphs and list items stay apart).
    pub fn changes_since(&self, doc: &Document) -> Vec<(String, Vec<DiffLine>)> {
        self.word_changes_since(doc)
            .into_iter()
            .map(|(id, changes)| (id, diff_lines(&changes)))
            .collect()
    }

    /// The same difference as [`Review::changes_since`], as one run of
    /// changes a section with its line breaks in the text (the Word
    /// writer lines them up with its own paragraphs).
    pub fn word_changes_since(&self, doc: &Document) -> Vec<(String, Vec<Change>)> {
        self.sections
            .iter()
            .filter(|(_, s)| s.verdict.is_some())
            .filter_map(|(id, s)| {
                let now = section_text(doc, id).unwrap_or_default();
                (now != s.reviewed_text).then(|| (id.clone(), word_diff(&s.reviewed_text, &now)))
            })
            .collect()
    }
}

/// The approval record appended to an exported policy: who decided what
/// and when, with each reviewer's key fingerprint and whether the
/// signature was verified, which sections were approved, and the version
/// history. A decision edited after review is left out, with a note; so
/// are the section verdicts when the last signature does not cover them.
/// `None` when nobody has decided yet.
pub fn approval_section(review: &Review, doc: &Document) -> Option<Section> {
    if review.decisions.is_empty() {
        return None;
    }
    let w = Words::of(&doc.language);
    let verdict = |v: Verdict| match v {
        Verdict::Approved => w.verdicts[0],
        Verdict::ChangesRequested => w.verdicts[1],
    };
    // Names typed in the review page may hold invisible direction controls;
    // the record shows them as marks.
    let shown = crate::policy::diag::text::show_bidi;
    let block = |clause: &str, kind: BlockKind| Block {
        clause: ClauseId::from(clause),
        kind,
    };
    let counted: Vec<(&Decision, SignatureState)> = review
        .decisions
        .iter()
        .map(|d| (d, d.state()))
        .filter(|(_, s)| s.counts())
        .collect();
    let left_out = review.decisions.len() - counted.len();
    let decisions = counted
        .iter()
        .map(|(d, state)| {
            let signed = match state {
                SignatureState::Verified { fingerprint } => (w.signed_with)(fingerprint),
                _ => w.not_signed.to_owned(),
            };
            Text::plain((w.decision)(
                &shown(&d.reviewer),
                &shown(&d.role),
                verdict(d.verdict),
                &w.date(&d.date),
                &signed,
            ))
        })
        .collect();
    let titles = |standing: Standing| -> Vec<String> {
        doc.sections
            .iter()
            .filter(|s| review.standing(s.id.as_str(), doc) == Some(standing))
            .map(|s| format!("{} {}", s.number, s.title))
            .collect()
    };
    let mut blocks = vec![
        block("approval.intro", BlockKind::Paragraph(Text::plain(w.record_intro))),
        block("approval.decisions", BlockKind::Bullets(decisions)),
    ];
    if left_out > 0 {
        blocks.push(block(
            "approval.edited",
            BlockKind::Paragraph(Text::plain((w.edited_decisions)(left_out))),
        ));
    }
    // The section verdicts are only as good as the last signature over them.
    let sections_hold = review
        .decisions
        .iter()
        .rev()
        .find(|d| d.signature.is_some())
        .is_none_or(|d| matches!(d.state(), SignatureState::Verified { .. }));
    for (standing, lead) in [
        (Standing::Approved, w.sections_approved),
        (Standing::ApprovedBeforeChange, w.sections_approved_before_change),
        (Standing::ChangesRequested, w.sections_changes_requested),
    ] {
        let list = titles(standing);
        if sections_hold && !list.is_empty() {
            blocks.push(block(
                "approval.sections",
                BlockKind::Paragraph(Text::plain(format!(
                    "{}.",
                    (w.labelled)(lead, &list.join(w.list_separator))
                ))),
            ));
        }
    }
    let history = counted
        .iter()
        .map(|(d, _)| {
            let version = if d.version.trim().is_empty() {
                w.unnumbered_version.to_owned()
            } else {
                (w.version_no)(d.version.trim())
            };
            Text::plain((w.reviewed_by)(
                &version,
                &w.date(&d.date),
                &shown(&d.reviewer),
                verdict(d.verdict),
            ))
        })
        .collect();
    // The policy has a "Version history" of its own; this is the record
    // of which version each review was about, and stays inside the record.
    blocks.push(block(
        "approval.history_intro",
        BlockKind::Paragraph(Text::plain(w.reviews_by_version)),
    ));
    blocks.push(block("approval.history", BlockKind::Numbered(history)));
    Some(Section {
        id: SectionId::from("approval_record"),
        number: (doc.sections.len() + 1).to_string(),
        title: w.record_title.to_owned(),
        blocks,
        subsections: Vec::new(),
    })
}

/// The plain text of top-level section `id` (with its subsections), as a
/// reader sees it.
pub fn section_text(doc: &Document, id: &str) -> Option<String> {
    doc.sections.iter().find(|s| s.id.as_str() == id).map(Section::to_plain)
}

/// A slug of `s` for a file name: ASCII letters and digits, lowercase,
/// words joined by `-`, at most six words.
fn slug(s: &str) -> String {
    let lower: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lower
        .split('-')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-")
}

/// The name of a reviewed answer file, told apart from the file it came
/// from by the reviewer and the date:
/// `lakeside-reviewed-by-ana-silva-2026-12-03.yaml`.
pub fn reviewed_file_name(draft_name: &str, reviewer: &str, date: &str) -> String {
    let draft = slug(draft_name);
    let draft = if draft.is_empty() { "policy".to_owned() } else { draft };
    let date: String = date.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
    match slug(reviewer) {
        who if who.is_empty() => format!("{draft}-reviewed-{date}.yaml"),
        who => format!("{draft}-reviewed-by-{who}-{date}.yaml"),
    }
}

/// `changes` cut at each line break into paragraphs, headings and list
/// items (lines that start with the `- ` marker of [`Section::to_plain`]).
pub fn diff_lines(changes: &[Change]) -> Vec<DiffLine> {
    let mut lines = vec![DiffLine {
        item: false,
        changes: Vec::new(),
    }];
    for change in changes {
        let (text, make): (&str, fn(String) -> Change) = match change {
            Change::Same(t) => (t, Change::Same),
            Change::Added(t) => (t, Change::Added),
            Change::Removed(t) => (t, Change::Removed),
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(DiffLine {
                    item: false,
                    changes: Vec::new(),
                });
            }
            if part.is_empty() {
                continue;
            }
            if let Some(line) = lines.last_mut() {
                let mut part = part;
                if line.changes.is_empty() {
                    if let Some(rest) = part.strip_prefix("- ") {
                        line.item = true;
                        part = rest;
                    }
                }
                if !part.is_empty() {
                    line.changes.push(make(part.to_owned()));
                }
            }
        }
    }
    lines.retain(|l| !l.changes.is_empty());
    lines
}

/// A word-level difference from `old` to `new`, with neighbouring runs of
/// the same kind joined.
pub fn word_diff(old: &str, new: &str) -> Vec<Change> {
    // Past this size a word diff costs too much to redo on every keystroke:
    // show the old text removed and the new added.
    const MAX_CHARS: usize = 20_000;
    if old.len() > MAX_CHARS || new.len() > MAX_CHARS {
        return vec![Change::Removed(old.to_owned()), Change::Added(new.to_owned())];
    }
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<Change> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Change::Same(s)))
            | (ChangeTag::Insert, Some(Change::Added(s)))
            | (ChangeTag::Delete, Some(Change::Removed(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => out.push(Change::Same(text.to_owned())),
            (ChangeTag::Insert, _) => out.push(Change::Added(text.to_owned())),
            (ChangeTag::Delete, _) => out.push(Change::Removed(text.to_owned())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_diff_marks_only_the_changed_words() {
        let d = word_diff("Staff must ask first.", "Staff should ask a manager first.");
        assert_eq!(
            d,
            vec![
                Change::Same("Staff ".into()),
                Change::Removed("must".into()),
                Change::Added("should".into()),
                Change::Same(" ask ".into()),
                Change::Added("a manager ".into()),
                Change::Same("first.".into()),
            ]
        );
        assert_eq!(word_diff("same", "same"), vec![Change::Same("same".into())]);
    }

    /// A document with empty sections of these ids, in this order.
    fn doc_of(ids: &[&str]) -> Document {
        Document {
            language: "en".to_owned(),
            cover: Default::default(),
            title: "T".into(),
            author: "A".into(),
            sections: ids
                .iter()
                .enumerate()
                .map(|(i, id)| Section {
                    id: SectionId::from(*id),
                    number: (i + 1).to_string(),
                    title: "Patient privacy".into(),
                    blocks: vec![],
                    subsections: vec![],
                })
                .collect(),
            problems: vec![],
        }
    }

    #[test]
    fn the_approval_record_lists_decisions_sections_and_versions() {
        let doc = doc_of(&["privacy"]);
        let mut r = Review::default();
        assert_eq!(approval_section(&r, &doc), None);
        r.set_verdict("privacy", Some(Verdict::Approved), &doc);
        r.decisions.push(Decision {
            reviewer: "Ana".into(),
            role: "HR".into(),
            date: "2026-11-25".into(),
            verdict: Verdict::Approved,
            version: "1.2".into(),
            signature: None,
            checked: None,
        });
        let s = approval_section(&r, &doc).expect("a record");
        assert_eq!(s.number, "2");
        let mut d = doc.clone();
        d.sections.push(s);
        let text = d.to_plain();
        assert!(text.contains("2 Approval record"), "{text}");
        assert!(
            text.contains("Ana (HR): approved on 25 November 2026. Not signed."),
            "{text}"
        );
        assert!(text.contains("Sections approved: 1 Patient privacy."), "{text}");
        assert!(!text.contains("Version history"), "the policy has its own: {text}");
        assert!(text.contains("Reviews by version:"), "{text}");
        assert!(
            text.contains("Version 1.2, 25 November 2026: reviewed by Ana, approved."),
            "{text}"
        );
    }

    /// A document with one section `privacy` holding `paragraph`.
    fn doc_saying(paragraph: &str) -> Document {
        let mut d = doc_of(&["privacy"]);
        d.sections[0].blocks.push(Block {
            clause: ClauseId::from("p"),
            kind: BlockKind::Paragraph(Text::plain(paragraph)),
        });
        d
    }

    #[test]
    fn an_approval_of_a_section_changed_since_is_out_of_date_in_the_record() {
        let before = doc_saying("Ask first.");
        let mut r = Review::default();
        r.set_verdict("privacy", Some(Verdict::Approved), &before);
        assert_eq!(r.standing("privacy", &before), Some(Standing::Approved));
        let after = doc_saying("Ask a manager first.");
        assert_eq!(r.standing("privacy", &after), Some(Standing::ApprovedBeforeChange));
        assert_eq!(r.approvals_out_of_date(&after).len(), 1);
        r.decide(Decision {
            reviewer: "Ana".into(),
            role: "HR".into(),
            date: "2026-11-25".into(),
            verdict: Verdict::Approved,
            version: String::new(),
            signature: None,
            checked: None,
        });
        let text = approval_section(&r, &after).map(|s| s.to_plain()).unwrap_or_default();
        assert!(!text.contains("Sections approved: "), "{text}");
        assert!(
            text.contains("Sections approved before their text changed, to be reviewed again: 1 Patient privacy."),
            "{text}"
        );
    }

    #[test]
    fn the_same_decision_twice_is_recorded_once_and_a_new_mind_replaces_it() {
        let mut r = Review::default();
        let ana = |verdict| Decision {
            reviewer: "Ana".into(),
            role: "HR".into(),
            date: "2026-11-25".into(),
            verdict,
            version: "1".into(),
            signature: None,
            checked: None,
        };
        assert_eq!(r.decide(ana(Verdict::ChangesRequested)), Recorded::Added);
        assert_eq!(r.decide(ana(Verdict::ChangesRequested)), Recorded::AlreadyRecorded);
        // Signed twice over the same review: the same decision.
        let signed = |signature: &str| {
            let mut d = ana(Verdict::ChangesRequested);
            d.signature = Some(ReviewSignature {
                algorithm: "ECDSA P-256 SHA-256".into(),
                public_key: "key".into(),
                covers: "abc".into(),
                signature: signature.into(),
            });
            d
        };
        assert_eq!(r.decide(signed("one")), Recorded::Replaced);
        assert_eq!(r.decide(signed("two")), Recorded::AlreadyRecorded);
        r.decisions.clear();
        assert_eq!(r.decide(ana(Verdict::ChangesRequested)), Recorded::Added);
        assert_eq!(r.decisions.len(), 1);
        assert_eq!(r.decide(ana(Verdict::Approved)), Recorded::Replaced);
        assert_eq!(r.decisions.len(), 1);
        assert_eq!(r.decisions[0].verdict, Verdict::Approved);
        let mut next_day = ana(Verdict::Approved);
        next_day.date = "2026-11-26".into();
        assert_eq!(r.decide(next_day), Recorded::Added);
        assert_eq!(r.decisions.len(), 2);
    }

    #[test]
    fn a_section_difference_keeps_its_paragraphs_and_list_items() {
        let old = "1 Purpose\nStaff ask first.\n- Photos\n- Videos\n";
        let new = "1 Purpose\nStaff ask a manager first.\n- Photos\n- Live streams\n";
        let lines = diff_lines(&word_diff(old, new));
        let shown: Vec<(bool, String)> = lines
            .iter()
            .map(|l| {
                let text = l
                    .changes
                    .iter()
                    .map(|c| match c {
                        Change::Same(t) => t.clone(),
                        Change::Added(t) => format!("+{t}"),
                        Change::Removed(t) => format!("-{t}"),
                    })
                    .collect::<String>();
                (l.item, text)
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                (false, "1 Purpose".to_owned()),
                (false, "Staff ask +a manager first.".to_owned()),
                (true, "Photos".to_owned()),
                (true, "-Videos+Live streams".to_owned()),
            ]
        );
    }

    #[test]
    fn a_reviewed_file_is_named_after_its_reviewer_and_date() {
        assert_eq!(
            reviewed_file_name("Lakeside", "Ana Silva", "2026-12-03"),
            "lakeside-reviewed-by-ana-silva-2026-12-03.yaml"
        );
        assert_eq!(
            reviewed_file_name("", " ", "2026-12-03"),
            "policy-reviewed-2026-12-03.yaml"
        );
    }

    #[test]
    fn comments_get_ids_replies_and_resolution() {
        let mut r = Review::default();
        assert!(r.is_empty());
        let a = r.comment("privacy", " Ana ", "t1", " Too strict? ");
        let b = r.comment("scope", "Ben", "t2", "Add volunteers");
        assert_ne!(a, b);
        // A hand-edited id with a gap does not cause a duplicate.
        r.sections.entry("scope".into()).or_default().comments[0].id = "c7".into();
        assert_eq!(r.comment("scope", "Cy", "t4", "Third"), "c8");
        r.sections.entry("scope".into()).or_default().comments.pop();
        let b = "c7".to_owned();
        assert!(!r.is_empty());
        if let Some(c) = r.comment_mut(&a) {
            c.replies.push(Reply {
                author: "Comms".into(),
                at: "t3".into(),
                text: "Softened.".into(),
            });
        }
        // In the policy's order (scope before privacy), not alphabetical;
        // a section the policy no longer has comes last.
        let doc = doc_of(&["scope", "privacy"]);
        let gone = r.comment("gone", "Di", "t5", "Old section");
        let order: Vec<_> = r.open_comments(&doc).iter().map(|(id, _)| *id).collect();
        assert_eq!(order, ["scope", "privacy", "gone"]);
        if let Some(c) = r.comment_mut(&gone) {
            c.resolved = true;
        }
        if let Some(c) = r.comment_mut(&b) {
            c.resolved = true;
        }
        let open = r.open_comments(&doc);
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].0, "privacy");
        assert_eq!(open[0].1.author, "Ana");
        assert_eq!(open[0].1.text, "Too strict?");
        assert_eq!(open[0].1.replies.len(), 1);
    }
}
