//! Refusals written for a person (issue 18, part 4): every way an imported
//! file can be wrong is said in the words of the formats' documentation, at
//! the place the problem is, for the reason it is, and with no problem
//! hiding the others; text that is not what it looks like is refused.

use policy_builder::policy::diag::text::{decode, show_bidi};
use policy_builder::policy::diag::Diagnostics;
use policy_builder::policy::files::answer_file::read;
use policy_builder::policy::files::jobs::run;
use policy_builder::policy::files::worker_protocol::{FileJob, FileRequest, Reply};

mod common;
use common::policy;

const HEAD: &str = "format: social-media-policy-builder/answers\nversion: 1\ndraft: {id: a}\n";

fn answer_errors(text: &str) -> Vec<String> {
    match read("answers.yaml", text, &policy().questionnaire) {
        Ok(d) => panic!("expected problems, read {d:?}"),
        Err(d) => lines(&d),
    }
}

/// The problems the worker answers for a clause library imported as
/// `ours.yaml`, as the page asks for them.
fn library_errors(text: &str) -> Vec<String> {
    let request = FileRequest {
        id: 1,
        job: FileJob::ReadLibrary {
            file: "ours.yaml".into(),
            text: text.into(),
        },
        questionnaire: String::new(),
    };
    match run(request, &policy().questionnaire) {
        Reply::Problems { diagnostics, .. } => lines(&Diagnostics(diagnostics)),
        other => panic!("expected problems in:\n{text}\ngot {other:?}"),
    }
}

fn lines(d: &Diagnostics) -> Vec<String> {
    d.iter().map(ToString::to_string).collect()
}

/// No message of serde's own vocabulary reaches a person.
fn assert_plain(messages: &[String]) {
    for m in messages {
        for developer in [
            "invalid type",
            "expected struct",
            "Raw",
            "missing field",
            "unknown field",
            "any YAML value",
        ] {
            assert!(!m.contains(developer), "{developer:?} in {m:?}");
        }
    }
}

const LIBRARY: &str = "version: 1\ntitle: T\nauthor: A\nsections:\n  - id: s\n    title: S\n    clauses:\n      - id: c\n        text: Be kind.\n";

#[test]
fn type_errors_say_what_the_file_should_hold() {
    let tag = answer_errors(&format!("{HEAD}answers:\n  legal_name: !evil Lakeside\n"));
    assert_eq!(tag.len(), 1, "{tag:?}");
    assert!(tag[0].starts_with("answers.yaml:5:15: "), "{tag:?}");
    assert!(tag[0].contains("a YAML tag (`!name`)"), "{tag:?}");

    let list = library_errors("- version: 1\n- title: T\n");
    assert_eq!(
        list,
        ["ours.yaml:1:1: this is not a clause library: a clause library is a mapping with `version`, `title`, `author` and `sections`"]
    );

    let missing = library_errors("title: T\nauthor: A\nsections: []\n");
    assert_eq!(missing, ["ours.yaml:1:1: `version:` is missing here: add it"]);

    let wrong = library_errors(&LIBRARY.replace("title: S\n", "title: [S]\n"));
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert!(
        wrong[0].starts_with("ours.yaml:6:12: this is a list, but it should be text"),
        "{wrong:?}"
    );
    assert_plain(&[tag, list, missing, wrong].concat());
}

#[test]
fn a_key_that_does_not_belong_is_named_with_what_belongs() {
    let d = answer_errors(&format!("{HEAD}answers: {{}}\nanswerz: {{}}\n"));
    assert_eq!(
        d,
        ["answers.yaml:5:1: `answerz` does not belong here: this part of the file holds `format`, `version`, `draft`, `answers`, `library` or `review`"]
    );
    let nested =
        answer_errors("format: social-media-policy-builder/answers\nversion: 1\ndraft:\n  id: a\n  answers: {}\n");
    assert_eq!(nested.len(), 1, "{nested:?}");
    assert!(
        nested[0].starts_with("answers.yaml:5:3: `answers` does not belong here"),
        "{nested:?}"
    );
    assert_plain(&[d, nested].concat());
}

#[test]
fn a_file_of_the_other_kind_is_named_and_sent_to_its_import() {
    let answer_file = format!("{HEAD}answers: {{}}\n");
    assert_eq!(
        library_errors(&answer_file),
        ["ours.yaml:1:1: this is an answer file, not a clause library: import it on the drafts page, under Import an answer file"]
    );
    assert_eq!(
        answer_errors(LIBRARY),
        ["answers.yaml:1:1: this is a clause library, not an answer file: import it on the check answers page, under Clause library"]
    );
}

#[test]
fn a_duplicate_key_is_reported_at_the_duplicate() {
    let d = answer_errors(&format!(
        "{HEAD}answers:\n  legal_name: A\n  short_name: B\n  legal_name: C\n"
    ));
    assert_eq!(
        d,
        ["answers.yaml:7:3: `legal_name` is given twice in the same place (first on line 5): keep one"]
    );
    let lib = library_errors(&LIBRARY.replace(
        "        text: Be kind.\n",
        "        text: Be kind.\n        text: Be fair.\n",
    ));
    assert_eq!(
        lib,
        ["ours.yaml:10:9: `text` is given twice in the same place (first on line 9): keep one"]
    );
}

#[test]
fn a_newer_file_is_refused_as_newer_whatever_else_is_missing_or_new() {
    // No format line, new keys: still a newer answer file first.
    let d = answer_errors("version: 2\ndraft: {id: a}\nsignature: abc\n");
    assert_eq!(
        d,
        ["answers.yaml:1:10: this file was made by a newer version of the app (version 2; this one reads version 1)"]
    );
    let lib = library_errors("version: 2\ntitle: T\nauthor: A\nlayout: two-column\nsections: []\n");
    assert_eq!(
        lib,
        ["ours.yaml:1:10: this clause library was made for a newer version of the app (format version 2; this one reads version 1): open it in the newer version"]
    );
}

#[test]
fn one_type_error_does_not_hide_the_others() {
    let text = format!(
        "{HEAD}answers:\n  legal_name: {{first: Lake}}\n  favourite_colour: blue\n  mfa_required: perhaps\n  platforms: [facebook, [x]]\n\
         review:\n  sections:\n    privacy:\n      verdict: approved_by_ceo\n    scope:\n      comments:\n        - {{id: c1, author: Ana, at: t, text: [x]}}\n        - {{id: c2, author: Ana, at: t}}\n\
         \x20 decisions:\n    - {{reviewer: Ana, role: HR, date: 2026-13-45, verdict: approved}}\n"
    );
    let d = answer_errors(&text);
    let at: Vec<&str> = d.iter().map(|l| l.split(": ").next().unwrap_or_default()).collect();
    assert_eq!(
        at,
        [
            "answers.yaml:5:15",  // legal_name is a mapping
            "answers.yaml:6:21",  // no such question
            "answers.yaml:7:17",  // not yes or no
            "answers.yaml:8:25",  // a list in a list
            "answers.yaml:12:16", // no such verdict
            "answers.yaml:15:46", // a comment's text is a list
            "answers.yaml:16:11", // a comment without text
            "answers.yaml:18:39", // not a real date
        ],
        "{d:#?}"
    );
    assert_plain(&d);

    let lib = library_errors(&format!(
        "{LIBRARY}      - id: d\n        text: [x]\n      - id: e\n        bulets: [a]\n  - id: t\n    title: {{a: 1}}\n    clauses: []\n"
    ));
    let at: Vec<&str> = lib.iter().map(|l| l.split(": ").next().unwrap_or_default()).collect();
    assert_eq!(at, ["ours.yaml:11:15", "ours.yaml:13:9", "ours.yaml:15:12"], "{lib:#?}");
    assert_plain(&lib);
}

#[test]
fn a_wrong_answer_names_its_question() {
    let d = answer_errors(&format!("{HEAD}answers:\n  mfa_required: perhaps\n"));
    assert_eq!(
        d,
        ["answers.yaml:5:17: for \"Must official accounts use multi-factor sign-in and have at least two administrators?\", expected yes or no (true or false)"]
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused_where_they_are() {
    let mut bytes = format!("{HEAD}answers:\n  legal_name: Caf").into_bytes();
    bytes.extend([0xE9, b'\n']);
    let d = decode("answers.yaml", &bytes).expect_err("Latin-1 is not UTF-8");
    assert_eq!(d.place(), "answers.yaml:5:18");
    assert!(d.message.contains("not UTF-8 text"), "{d}");
    assert!(d.message.contains("save the file as UTF-8"), "{d}");
}

#[test]
fn invisible_direction_controls_are_refused_on_import_and_shown_when_typed() {
    let d = answer_errors(&format!("{HEAD}answers:\n  legal_name: \"\u{202E}live\u{202C}\"\n"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].starts_with("answers.yaml:5:16: "), "{d:?}");
    assert!(d[0].contains("RLO, U+202E"), "{d:?}");
    let named = answer_errors(
        "format: social-media-policy-builder/answers\nversion: 1\ndraft: {id: a, name: \"x\u{2067}y\"}\n",
    );
    assert!(named[0].starts_with("answers.yaml:3:24: "), "{named:?}");
    let lib = library_errors(&LIBRARY.replace("Be kind.", "Be \u{202D}kind."));
    assert_eq!(lib.len(), 1, "{lib:?}");
    assert!(lib[0].starts_with("ours.yaml:9:18: "), "{lib:?}");

    // Typed text keeps the control, and every reader sees it as a mark.
    use policy_builder::policy::files::draft::StoredDraft;
    use policy_builder::policy::fill::fill;
    use policy_builder::policy::model::answers::Answer;
    let p = policy();
    let mut draft = StoredDraft::new("d".into(), "2026-12-03T00:00:00Z".into(), Default::default());
    draft
        .answers
        .set("legal_name".into(), Answer::Text("\u{202E}live\u{202C} Clinic".into()));
    assert_eq!(draft.display_name(), "[RLO U+202E]live[PDF U+202C] Clinic");
    let doc = fill(&p.questionnaire, &p.library, &draft.answers);
    let text = doc.to_plain();
    assert!(text.contains("[RLO U+202E]live[PDF U+202C] Clinic"), "{text}");
    assert!(
        !text.contains('\u{202E}'),
        "the control itself never reaches the document"
    );
    assert_eq!(show_bidi("plain"), "plain");
}
