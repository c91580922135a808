//! Answer files: a draft written as YAML, to keep, send or edit by hand,
//! and read back with every problem listed by line and column.
//!
//! ```yaml
//! format: social-media-policy-builder/answers
//! version: 1
//! draft: { id: k3j2h1, name: Board version, created_at: ..., saved_at: ... }
//! answers:
//!   legal_name: Lakeside Community Hospital
//!   platforms: [facebook, linkedin]
//! library:          # only when the draft uses an imported clause library
//!   file: our-clauses.yaml
//!   text: |
//!     ...
//! ```

//!
//! Reading and writing need the `yaml` feature: the page asks the PDF
//! worker to do both (see [`crate::policy::files::worker_protocol`]).

use serde::{Deserialize, Serialize};

use crate::policy::files::draft::CustomLibrary;
#[cfg(feature = "yaml")]
use crate::policy::files::draft::{StoredDraft, SCHEMA};
use crate::policy::files::review::Review;
#[cfg(feature = "yaml")]
use crate::policy::files::signature;
use crate::policy::model::answers::Answers;
#[cfg(feature = "yaml")]
use crate::policy::model::ids::DraftId;
#[cfg(feature = "yaml")]
use crate::policy::{
    diag::limits::Limits,
    diag::text::bidi_problems,
    diag::{deserialize_all, Diagnostic, Diagnostics, Problem, SourceFile, YamlPath},
    model::library::ClauseLibrary,
    model::questionnaire::Questionnaire,
};

/// The value of the `format` key.
pub const FORMAT: &str = "social-media-policy-builder/answers";
/// The answer-file version this build writes and reads.
pub const VERSION: u32 = 1;

/// The draft's identity inside an answer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "the draft: a mapping with its `id` and, if you like, `name`, `created_at`, `saved_at` and `made_on`"
)]
pub struct DraftInfo {
    /// The draft's id, used to recognise a file of a draft already here.
    pub id: String,
    /// The name the user gave, if any.
    #[serde(default)]
    pub name: String,
    /// When the draft was created.
    #[serde(default)]
    pub created_at: String,
    /// When it was last saved.
    #[serde(default)]
    pub saved_at: String,
    /// The version of each clause pack the draft was made on (see
    /// [`crate::policy::files::draft::StoredDraft::made_on`]); absent in files written before it was kept.
    #[serde(
        default,
        skip_serializing_if = "crate::policy::model::library::PackVersions::is_empty"
    )]
    pub made_on: crate::policy::model::library::PackVersions,
    /// The languages the policy is written in (see
    /// [`crate::policy::files::draft::StoredDraft::languages`]); English
    /// when absent.
    #[serde(
        default,
        skip_serializing_if = "crate::policy::model::language::PolicyLanguages::is_english_only"
    )]
    pub languages: crate::policy::model::language::PolicyLanguages,
}

/// An answer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an answer file: a mapping with `format`, `version`, `draft` and `answers`"
)]
pub struct AnswerFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// The file version.
    pub version: u32,
    /// Which draft this is.
    pub draft: DraftInfo,
    /// The answers, by question id.
    #[serde(default)]
    pub answers: Answers,
    /// An imported clause library the draft uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<CustomLibrary>,
    /// Reviewers' comments and decisions.
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub review: Review,
}

#[cfg(feature = "yaml")]
const HEADER: &str = "# Answers for the Social Media Policy Builder. Open this file in the\n\
# app (Drafts, Import an answer file) to keep working on the policy.\n";

/// Writes `draft` as an answer file.
#[cfg(feature = "yaml")]
pub fn write(draft: &StoredDraft) -> String {
    let file = AnswerFile {
        format: FORMAT.to_owned(),
        version: VERSION,
        draft: DraftInfo {
            id: draft.id.clone(),
            name: draft.name.clone(),
            created_at: draft.created_at.clone(),
            saved_at: draft.saved_at.clone(),
            made_on: draft.made_on.clone(),
            languages: draft.languages,
        },
        answers: draft.answers.clone(),
        // The JSON form kept for the page is not part of the file.
        library: draft.library.as_ref().map(|l| CustomLibrary {
            file: l.file.clone(),
            text: l.text.clone(),
            json: None,
        }),
        review: {
            // What this app found of the signatures stays in this browser.
            let mut review = draft.review.clone();
            for d in &mut review.decisions {
                d.checked = None;
            }
            review
        },
    };
    // Serializing plain strings, booleans and lists cannot fail; an empty
    // body would still be refused on import rather than misread.
    format!("{HEADER}{}", serde_yaml::to_string(&file).unwrap_or_default())
}

/// Reads an answer file named `file` against the questionnaire, checking
/// every answer and any clause library it carries. On success the draft is
/// ready to store (its schema is this build's); otherwise every problem is
/// listed with its line and column. An imported clause library is given
/// its JSON form (see [`CustomLibrary::json`]).
///
/// What the file is comes first: another kind of file, or one from a newer
/// version of the app, is refused as that alone. Then every problem of
/// shape (a list where text belongs, a key that does not belong) and of
/// content (an answer that does not fit its question) is listed together.
#[cfg(feature = "yaml")]
pub fn read(file: &str, text: &str, questionnaire: &Questionnaire) -> Result<StoredDraft, Diagnostics> {
    let source = SourceFile::yaml(file, text);
    let at_root = |message: &str| {
        Diagnostics(vec![Diagnostic {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: message.to_owned(),
            kind: None,
        }])
    };
    // A syntax error or a key given twice is reported where it is; a
    // document that parses but is not a mapping is not an answer file.
    let value = source.yaml_value()?;
    if !value.is_mapping() {
        return Err(at_root(
            "this is not an answer file from the Social Media Policy Builder (an answer file is a mapping that starts with `format: social-media-policy-builder/answers`)",
        ));
    }
    let format = value.get("format");
    let ours = format.and_then(serde_yaml::Value::as_str) == Some(FORMAT);
    let version = value.get("version").and_then(serde_yaml::Value::as_u64);
    if format.is_some() && !ours {
        let problem = Problem::new(
            YamlPath::root().key("format"),
            format!("this is not an answer file from the Social Media Policy Builder (expected `format: {FORMAT}`)"),
        );
        return Err(source.locate(vec![problem]));
    }
    // A newer version may write its files differently: say so first,
    // even if the line this version looks for is missing.
    if let Some(v) = version.filter(|v| *v > u64::from(VERSION)) {
        let problem = Problem::new(
            YamlPath::root().key("version"),
            format!("this file was made by a newer version of the app (version {v}; this one reads version {VERSION})"),
        );
        return Err(source.locate(vec![problem]));
    }
    if format.is_none() {
        let library = value.get("sections").is_some() || value.get("title").is_some();
        return Err(at_root(if library {
            "this is a clause library, not an answer file: import it on the check answers page, under Clause library"
        } else {
            "this is not an answer file from the Social Media Policy Builder (add `format: social-media-policy-builder/answers`)"
        }));
    }
    if version != Some(u64::from(VERSION)) {
        let problem = Problem::new(
            YamlPath::root().key("version"),
            format!("the file version must be {VERSION}"),
        );
        return Err(locate_or_root(&source, problem, value.get("version").is_some()));
    }
    let free_maps = [
        YamlPath::root().key("answers"),
        YamlPath::root().key("review").key("sections"),
    ];
    let collected = deserialize_all::<AnswerFile>(&value, &free_maps);
    let mut problems = collected.problems;
    let Some(parsed) = collected.rest else {
        let mut all = source.locate(problems).0;
        all.extend(bidi_problems(file, text));
        all.sort_by_key(|d| (d.line, d.column));
        return Err(Diagnostics(all));
    };
    let labels: std::collections::BTreeMap<_, _> = questionnaire
        .questions()
        .map(|q| (q.id.as_str(), q.label.as_str()))
        .collect();
    for p in questionnaire.check_answers(&parsed.answers) {
        let message = match labels.get(p.question.as_str()) {
            Some(label) => format!("for \"{label}\", {}", p.message),
            None => p.message,
        };
        problems.push(Problem::new(
            YamlPath::root().key("answers").key(p.question.as_str()),
            message,
        ));
    }
    if let Err(e) = DraftId::parse(&parsed.draft.id) {
        problems.push(Problem::new(YamlPath::root().key("draft").key("id"), e.to_string()));
    }
    review_problems(&parsed.review, &mut problems);
    // Every signature is checked on the way in; what the file says of its
    // own state is never taken.
    let mut parsed = parsed;
    let states = signature::check(&parsed.review, signature::verify_p256);
    for (d, state) in parsed.review.decisions.iter_mut().zip(states) {
        d.checked = Some(state);
    }
    let mut all = source.locate(problems).0;
    all.extend(bidi_problems(file, text));
    all.sort_by_key(|d| (d.line, d.column));
    let mut library = parsed.library;
    if let Some(lib) = &mut library {
        lib.json = None;
        match ClauseLibrary::yaml_to_json(&lib.file, &lib.text, questionnaire) {
            Ok(json) => lib.json = Some(json),
            Err(d) => all.extend(d.0),
        }
    }
    if !all.is_empty() {
        return Err(Diagnostics(all));
    }
    let draft = StoredDraft {
        schema: SCHEMA,
        id: parsed.draft.id,
        name: parsed.draft.name,
        created_at: parsed.draft.created_at,
        saved_at: parsed.draft.saved_at,
        answers: parsed.answers,
        library,
        review: parsed.review,
        made_on: parsed.draft.made_on,
        languages: parsed.draft.languages,
    };
    // Aliases (`*name`) can repeat one long text many times: the file is
    // small, the draft is not. Refuse a draft whose own answer file could
    // not be imported again.
    let max = Limits::DEFAULT.max_bytes;
    let size = write(&draft).len();
    if size > max {
        return Err(at_root(&format!(
            "this file is too large once its repeated parts (YAML aliases) are filled in: \
             {size} bytes, more than the limit of {max} bytes"
        )));
    }
    Ok(draft)
}

/// An answer file picked where a clause library is imported: the problem
/// that says what it is and where it goes, or `None` if it is not one.
#[cfg(feature = "yaml")]
pub fn picked_as_library(file: &str, text: &str) -> Option<Diagnostics> {
    let value = SourceFile::yaml(file, text).yaml_value().ok()?;
    (value.get("format").and_then(serde_yaml::Value::as_str) == Some(FORMAT)).then(|| {
        Diagnostics(vec![Diagnostic {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: "this is an answer file, not a clause library: import it on the drafts page, under Import an answer file"
                .to_owned(), kind: None,
        }])
    })
}

/// A review that was edited by hand or damaged: every comment needs an
/// author, text and an id of its own; decisions need a name, a role and a
/// real date.
#[cfg(feature = "yaml")]
fn review_problems(review: &Review, problems: &mut Vec<Problem>) {
    let root = YamlPath::root().key("review");
    let mut seen = std::collections::BTreeSet::new();
    for (id, section) in &review.sections {
        let at = root.key("sections").key(id);
        for (i, c) in section.comments.iter().enumerate() {
            let at = at.key("comments").index(i);
            if !seen.insert(c.id.as_str()) {
                problems.push(Problem::new(
                    at.key("id"),
                    format!("the comment id \"{}\" is used twice", c.id),
                ));
            }
            if c.author.trim().is_empty() {
                problems.push(Problem::new(at.key("author"), "a comment needs the name of its author"));
            }
            if c.text.trim().is_empty() {
                problems.push(Problem::new(at.key("text"), "a comment needs some text"));
            }
            for (j, r) in c.replies.iter().enumerate() {
                if r.author.trim().is_empty() || r.text.trim().is_empty() {
                    problems.push(Problem::new(
                        at.key("replies").index(j),
                        "a reply needs the name of its author and some text",
                    ));
                }
            }
        }
    }
    for (i, d) in review.decisions.iter().enumerate() {
        let at = root.key("decisions").index(i);
        if d.reviewer.trim().is_empty() {
            problems.push(Problem::new(at.key("reviewer"), "a decision needs the reviewer's name"));
        }
        if d.role.trim().is_empty() {
            problems.push(Problem::new(at.key("role"), "a decision needs the reviewer's role"));
        }
        if crate::policy::model::dates::parse_iso(&d.date).is_none() {
            problems.push(Problem::new(
                at.key("date"),
                "the decision date must be a real date written YYYY-MM-DD",
            ));
        }
    }
}

#[cfg(feature = "yaml")]
fn locate_or_root(source: &SourceFile<'_>, problem: Problem, present: bool) -> Diagnostics {
    if present {
        source.locate(vec![problem])
    } else {
        Diagnostics(vec![Diagnostic {
            file: source.name.to_owned(),
            line: 1,
            column: 1,
            message: problem.message.replace("expected `", "add `"),
            kind: None,
        }])
    }
}
