//! Importing an answer file from arbitrary text, as both "Import an answer
//! file" and "Review a draft file" do: the draft's answers, an imported
//! clause library and a review (comments, replies, verdicts, decisions)
//! travel in the one file, through the one reader.
//!
//! What must hold:
//! - a refusal names at least one problem, each at a line and column that
//!   lie inside the text;
//! - a draft that is read has a safe id and this build's schema, reads back
//!   the same from the answer file written from it and from its stored JSON;
//! - its review works against the policy filled from its answers (with its
//!   own clause library when it carries one): what changed since each
//!   verdict, the open comments and the approval record;
//! - what a reviewer then does in the app (a comment, a reply, a verdict, a
//!   decision) gives a file that reads back the same, with no comment id
//!   used twice.
#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policy_builder::policy::files::answer_file::AnswerFile;
use policy_builder::policy::files::answer_file::{read, valid_draft_id, write};
use policy_builder::policy::bundle::Policy;
use policy_builder::policy::diag::{from_yaml, Diagnostics};
use policy_builder::policy::document::Document;
use policy_builder::policy::files::draft::{StoredDraft, SCHEMA};
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::library::ClauseLibrary;
use policy_builder::policy::files::review::{approval_section, Decision, Reply, Review, Verdict};

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(|| Policy::builtin().expect("the shipped templates load"))
}

/// The policy as the app shows it for `draft`: filled with its own clause
/// library when it carries one that loads, else with the shipped one.
fn document(draft: &StoredDraft) -> Document {
    let p = policy();
    let custom = draft
        .library
        .as_ref()
        .and_then(|l| ClauseLibrary::load(&l.file, &l.text, &p.questionnaire).ok());
    fill(&p.questionnaire, custom.as_ref().unwrap_or(&p.library), &draft.answers)
}

/// Everything the app reads from a review, against `doc`.
fn use_review(review: &Review, doc: &Document) {
    for (id, changes) in review.changes_since(doc) {
        assert!(
            review.sections.contains_key(&id),
            "a change is about a reviewed section"
        );
        assert!(!changes.is_empty(), "a changed section shows what changed");
    }
    let open = review.open_comments(doc);
    let all: usize = review.sections.values().map(|s| s.comments.len()).sum();
    assert!(open.len() <= all);
    assert!(open.iter().all(|(_, c)| !c.resolved));
    match approval_section(review, doc) {
        Some(record) => {
            assert!(!review.decisions.is_empty());
            let mut exported = doc.clone();
            exported.sections.push(record);
            let text = exported.to_plain();
            for d in &review.decisions {
                assert!(text.contains(d.verdict.label().to_lowercase().as_str()));
            }
        }
        None => assert!(review.decisions.is_empty(), "decisions give an approval record"),
    }
}

/// The number of lines of `text` as YAML counts them (`\n`, `\r\n` or `\r`).
fn lines(text: &str) -> usize {
    1 + text
        .replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\r')
        .count()
}

/// A refusal names at least one problem, each at a line and column inside
/// the file it names: the answer file, or the clause library it carries.
fn refusal_is_located(text: &str, d: &Diagnostics) {
    assert!(!d.is_empty(), "a refusal names at least one problem");
    let library = from_yaml::<AnswerFile>(text).ok().and_then(|f| f.library);
    for problem in d.iter() {
        assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
        let mut most = 0;
        if problem.file == "answers.yaml" {
            most = lines(text);
        }
        if let Some(lib) = library.as_ref().filter(|l| l.file == problem.file) {
            most = most.max(lines(&lib.text));
        }
        assert!(most > 0, "{problem}: names a file that is not there");
        // The YAML parser places an error at the very end of a file that
        // has no final line break at the start of the line after the last,
        // as if the break were there: allowed, and nothing further.
        let at_end = problem.line == most + 1 && problem.column == 1;
        assert!(problem.line <= most || at_end, "{problem}: past the end ({most} lines)");
    }
}

/// The file written from `draft` reads back as `draft`.
fn round_trip(draft: &StoredDraft, what: &str) {
    let written = write(draft);
    match read("again.yaml", &written, &policy().questionnaire) {
        Ok(back) => assert_eq!(&back, draft, "{what}: the written file reads back the same\n{written}"),
        Err(d) => panic!("{what}: the written file is refused:\n{d}\n{written}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut draft = match read("answers.yaml", text, &policy().questionnaire) {
        Err(d) => {
            refusal_is_located(text, &d);
            return;
        }
        Ok(draft) => draft,
    };
    assert!(valid_draft_id(&draft.id), "{:?}", draft.id);
    assert_eq!(draft.schema, SCHEMA);
    round_trip(&draft, "as read");
    // Stored in the browser and opened again.
    assert_eq!(StoredDraft::parse(&draft.to_json(), &draft.id).as_ref(), Ok(&draft));

    let doc = document(&draft);
    use_review(&draft.review, &doc);

    // A reviewer opens the file, comments on a section, replies to every
    // open comment, gives a verdict on each section and decides; the file
    // goes back to the authors.
    let Some(first) = doc.sections.first().map(|s| s.id.as_str().to_owned()) else {
        return;
    };
    let id = draft
        .review
        .comment(&first, "Ana Silva", "2026-11-26T10:00:00Z", "Who approves stories?");
    let open: Vec<String> = draft.review.open_comments(&doc).iter().map(|(_, c)| c.id.clone()).collect();
    assert!(open.contains(&id), "the new comment is open");
    for c in &open {
        match draft.review.comment_mut(c) {
            Some(c) => c.replies.push(Reply {
                author: "Comms".into(),
                at: "2026-11-26T10:01:00Z".into(),
                text: "Done.".into(),
            }),
            None => panic!("an open comment {c} can be replied to"),
        }
    }
    let mut ids = BTreeSet::new();
    for c in draft.review.sections.values().flat_map(|s| &s.comments) {
        assert!(ids.insert(c.id.as_str()), "the comment id {:?} is used twice", c.id);
    }
    let sections: Vec<String> = doc.sections.iter().map(|s| s.id.as_str().to_owned()).collect();
    // As in the app: a verdict on some sections (two in three), never
    // taken back to none.
    for (i, s) in sections.iter().enumerate() {
        match i % 3 {
            0 => draft.review.set_verdict(s, Some(Verdict::Approved), &doc),
            1 => draft.review.set_verdict(s, Some(Verdict::ChangesRequested), &doc),
            _ => {}
        }
    }
    draft.review.decisions.push(Decision {
        reviewer: "Ana Silva".into(),
        role: "HR business partner".into(),
        date: "2026-11-26".into(),
        verdict: Verdict::ChangesRequested,
        version: String::new(),
        signature: None,
        checked: None,
    });
    for (id, _) in draft.review.changes_since(&doc) {
        let given = sections.iter().position(|s| *s == id).is_some_and(|i| i % 3 != 2);
        assert!(!given, "{id} changed since its verdict just now");
    }
    use_review(&draft.review, &doc);
    round_trip(&draft, "after the review");
});
