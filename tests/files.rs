//! Answer files: written from a draft, read back unchanged, and every way a
//! file can be wrong reported with its line and column.

use policy_builder::policy::bundle::CLAUSES;
use policy_builder::policy::diag::{Diagnostics, SourceFile};
use policy_builder::policy::files::answer_file::{read, write};
use policy_builder::policy::files::draft::{CustomLibrary, StoredDraft};
use policy_builder::policy::model::answers::Answer;
use policy_builder::policy::model::library::ClauseLibrary;
use policy_builder::policy::sample::{Sample, SAMPLES};

mod common;
use common::policy;

fn lakeside_draft() -> StoredDraft {
    let (file, text) = SAMPLES
        .iter()
        .find(|(file, _)| file.contains("ontario-hospital"))
        .copied()
        .expect("the Ontario hospital sample ships");
    let sample = Sample::load(file, text).unwrap_or_else(|d| panic!("{d}"));
    let mut draft = StoredDraft::new("k3j2h1".into(), "2026-11-25T10:00:00.000Z".into(), Default::default());
    draft.name = "Board version: \"final\"".into();
    draft.answers = sample.answers;
    draft
}

fn errors(text: &str) -> Diagnostics {
    match read("answers.yaml", text, &policy().questionnaire) {
        Ok(d) => panic!("expected problems, read {d:?}"),
        Err(d) => d,
    }
}

fn lines(d: &Diagnostics) -> Vec<String> {
    d.iter().map(ToString::to_string).collect()
}

#[test]
fn every_sample_survives_a_round_trip() {
    let p = policy();
    for (file, text) in SAMPLES {
        let sample = Sample::load(file, text).unwrap_or_else(|d| panic!("{d}"));
        let mut draft = StoredDraft::new("id1".into(), "2026-11-25T10:00:00Z".into(), Default::default());
        draft.answers = sample.answers;
        let yaml = write(&draft);
        let back = read("a.yaml", &yaml, &p.questionnaire).unwrap_or_else(|d| panic!("{file}: {d}"));
        assert_eq!(back, draft, "{file}");
    }
}

#[test]
fn hostile_text_and_a_custom_library_survive_a_round_trip() {
    let p = policy();
    let mut draft = lakeside_draft();
    let hostile = "<script>alert(1)</script> ) \\ ( %PDF\n---\n- yes\n\"quoted\" 'single' # not a comment: true";
    draft.answers.set("legal_name".into(), Answer::Text(hostile.into()));
    draft.library = Some(CustomLibrary {
        file: "ours.yaml".into(),
        text: CLAUSES[0].1.to_owned(),
        json: None,
    });
    let mut back = read("a.yaml", &write(&draft), &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    // The library comes back with its JSON form, which the page checks
    // without a YAML parser and which answer files never carry.
    let lib = back.library.as_mut().expect("the library comes back");
    let json = lib.json.take().expect("the library comes back with its JSON form");
    let from_json = ClauseLibrary::from_sources(&[SourceFile::json("ours.yaml", &json)], &p.questionnaire)
        .unwrap_or_else(|d| panic!("{d}"));
    let from_yaml = ClauseLibrary::load("ours.yaml", CLAUSES[0].1, &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"));
    assert_eq!(back, draft);
    let mut with_json = draft.clone();
    with_json.library.as_mut().expect("set above").json = Some(json);
    assert_eq!(
        write(&with_json),
        write(&draft),
        "the JSON form is not written to the file"
    );
}

#[test]
fn a_file_of_another_kind_is_refused() {
    assert_eq!(
        lines(&errors("title: My policy\nsections: []\n")),
        ["answers.yaml:1:1: this is a clause library, not an answer file: import it on the check answers page, under Clause library"]
    );
    assert_eq!(
        lines(&errors("name: My policy\nanswers: {}\n")),
        ["answers.yaml:1:1: this is not an answer file from the Social Media Policy Builder (add `format: social-media-policy-builder/answers`)"]
    );
    assert_eq!(
        lines(&errors("just some words")),
        ["answers.yaml:1:1: this is not an answer file from the Social Media Policy Builder (an answer file is a mapping that starts with `format: social-media-policy-builder/answers`)"]
    );
    assert_eq!(
        lines(&errors("version: 1\nformat: something-else\n")),
        ["answers.yaml:2:9: this is not an answer file from the Social Media Policy Builder (expected `format: social-media-policy-builder/answers`)"]
    );
}

#[test]
fn a_newer_or_wrong_version_is_named() {
    let head = "format: social-media-policy-builder/answers\n";
    assert_eq!(
        lines(&errors(&format!("{head}version: 7\ndraft: {{id: a}}\n"))),
        ["answers.yaml:2:10: this file was made by a newer version of the app (version 7; this one reads version 1)"]
    );
    assert_eq!(
        lines(&errors(&format!("{head}version: one\n"))),
        ["answers.yaml:2:10: the file version must be 1"]
    );
}

#[test]
fn unknown_questions_and_bad_values_are_all_listed_with_their_lines() {
    let text = "\
format: social-media-policy-builder/answers
version: 1
draft:
  id: abc
answers:
  legal_name: Lakeside
  favourite_colour: blue
  mfa_required: perhaps
  platforms: [facebook, myspace]
  effective_date: 2026-02-30
";
    assert_eq!(
        lines(&errors(text)),
        [
            "answers.yaml:7:21: there is no question \"favourite_colour\"",
            "answers.yaml:8:17: for \"Must official accounts use multi-factor sign-in and have at least two administrators?\", expected yes or no (true or false)",
            "answers.yaml:9:14: for \"Which platforms does the organization use officially?\", \"myspace\" is not one of \"facebook\", \"instagram\", \"linkedin\", \"x\", \"youtube\", \"tiktok\", \"bluesky\"",
            "answers.yaml:10:19: for \"Date the policy takes effect\", expected a date written YYYY-MM-DD",
        ]
    );
}

#[test]
fn a_yaml_syntax_error_and_an_unknown_key_are_located() {
    let head = "format: social-media-policy-builder/answers\nversion: 1\ndraft: {id: a}\n";
    let broken = errors(&format!("{head}answers:\n  legal_name: \"Lakeside\n"));
    assert_eq!(broken.0.len(), 1);
    // The parser stops at the end of the file, after line 5: shown at the
    // end of the last line, where an editor can go.
    assert_eq!((broken.0[0].line, broken.0[0].column), (5, 24), "{broken}");
    assert!(broken.0[0].message.contains("quoted scalar at line 5"), "{broken}");
    let unknown = lines(&errors(&format!("{head}answerz: {{}}\n")));
    assert_eq!(unknown.len(), 1);
    assert!(
        unknown[0].starts_with("answers.yaml:4:1: `answerz` does not belong here"),
        "{unknown:?}"
    );
}

#[test]
fn a_broken_custom_library_is_reported_in_its_own_lines() {
    let mut draft = lakeside_draft();
    draft.library = Some(CustomLibrary {
        file: "ours.yaml".into(),
        text: "version: 1\ntitle: T\nauthor: A\nsections:\n  - id: s\n    title: S\n    clauses:\n      - id: c\n        text: \"{{ no_such_question }}\"\n".into(),
        json: None,
    });
    let d = errors(&write(&draft));
    assert_eq!(
        lines(&d),
        ["ours.yaml:9:15: the text refers to \"no_such_question\", which is not a question id"]
    );
}

#[test]
fn a_missing_or_unsafe_draft_id_is_reported() {
    let unsafe_id = "format: social-media-policy-builder/answers\nversion: 1\ndraft:\n  id: x/check\nanswers: {}\n";
    assert_eq!(
        lines(&errors(unsafe_id)),
        ["answers.yaml:4:7: the draft id must be 1 to 64 letters, digits, \"-\" or \"_\""]
    );
    let text = "format: social-media-policy-builder/answers\nversion: 1\ndraft:\n  id: \"\"\nanswers: {}\n";
    assert_eq!(
        lines(&errors(text)),
        ["answers.yaml:4:3: the draft id must be 1 to 64 letters, digits, \"-\" or \"_\""]
    );
}

#[test]
fn a_review_survives_a_round_trip() {
    use policy_builder::policy::files::review::{Decision, Verdict};
    use policy_builder::policy::fill::fill;
    let p = policy();
    let mut draft = lakeside_draft();
    let doc = fill(&p.questionnaire, &p.library, &draft.answers);
    let c = draft.review.comment(
        "privacy",
        "Ana (HR)",
        "2026-11-25T10:00:00Z",
        "Is \"never\" too strict?\nSee: #4",
    );
    draft
        .review
        .set_verdict("privacy", Some(Verdict::ChangesRequested), &doc);
    draft.review.set_verdict("scope", Some(Verdict::Approved), &doc);
    if let Some(comment) = draft.review.comment_mut(&c) {
        comment.resolved = true;
    }
    draft.review.decisions.push(Decision {
        reviewer: "Ana Silva".into(),
        role: "HR business partner".into(),
        date: "2026-11-25".into(),
        verdict: Verdict::ChangesRequested,
        version: "1.2".into(),
        signature: None,
        checked: None,
    });
    let mut back = read("a.yaml", &write(&draft), &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    // Reading checks the signature; this decision has none.
    for d in &mut back.review.decisions {
        assert_eq!(
            d.checked.take(),
            Some(policy_builder::policy::files::review::SignatureState::Unsigned)
        );
    }
    assert_eq!(back, draft);
    assert!(back.review.changes_since(&doc).is_empty());
}

#[test]
fn a_tampered_review_is_refused_with_its_lines() {
    let text = "\
format: social-media-policy-builder/answers
version: 1
draft: {id: a}
answers: {}
review:
  sections:
    privacy:
      comments:
        - {id: c1, author: Ana, at: t, text: Hello}
        - {id: c1, author: '', at: t, text: Again}
  decisions:
    - {reviewer: Ana, role: HR, date: 2026-13-45, verdict: approved}
";
    assert_eq!(
        lines(&errors(text)),
        [
            "answers.yaml:10:16: the comment id \"c1\" is used twice",
            "answers.yaml:10:20: a comment needs the name of its author",
            "answers.yaml:12:39: the decision date must be a real date written YYYY-MM-DD",
        ]
    );
    // A verdict that does not exist is one more problem, not the only one.
    let bad_verdict = text.replace("verdict: approved", "verdict: approved_by_ceo");
    let d = lines(&errors(&bad_verdict));
    assert_eq!(d.len(), 3, "{d:?}");
    assert!(d[2].starts_with("answers.yaml:12:"), "{d:?}");
    assert!(
        d[2].contains("\"approved_by_ceo\" is not one of the values allowed here"),
        "{d:?}"
    );
}

/// Found while fuzzing answer files: a review file may hold any comment
/// id, and the next id after `c18446744073709551615` overflowed (a panic in
/// debug builds; in the page, `c0`, which could be taken, so the reviewed
/// file was refused when it came back).
#[test]
fn a_comment_after_the_largest_id_gets_a_free_one() {
    let p = policy();
    let text = "\
format: social-media-policy-builder/answers
version: 1
draft: {id: a}
answers: {}
review:
  sections:
    privacy:
      comments:
        - {id: c18446744073709551615, author: Ana, at: t, text: Hello}
        - {id: c0, author: Ana, at: t, text: Zero}
        - {id: c1, author: Ana, at: t, text: One}
";
    let mut draft = read("a.yaml", text, &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    let id = draft.review.comment("scope", "Ben", "t2", "Another");
    assert_eq!(id, "c2");
    assert_eq!(draft.review.comment("scope", "Ben", "t3", "And another"), "c3");
    let back = read("a.yaml", &write(&draft), &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(back, draft);
}

/// A small file can name one long text many times over with YAML aliases.
/// Read as it was, it gave a draft whose own answer file was too large to
/// import again; it is refused on the way in instead.
#[test]
fn a_file_that_aliases_grow_past_the_size_limit_is_refused() {
    let big = "x".repeat(20_000);
    let mut text = format!(
        "format: social-media-policy-builder/answers\nversion: 1\ndraft: {{id: a}}\n\
         answers:\n  legal_name: &big {big}\nreview:\n  sections:\n    privacy:\n      comments:\n"
    );
    for i in 0..100 {
        text.push_str(&format!("        - {{id: c{i}, author: Ana, at: t, text: *big}}\n"));
    }
    assert!(text.len() < 30_000);
    let d = lines(&errors(&text));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].starts_with("answers.yaml:1:1: "), "{d:?}");
    assert!(d[0].contains("more than the limit of 1000000 bytes"), "{d:?}");

    // The same text named a few times stays well under the limit and reads.
    let few: String = text.lines().take(13).map(|l| format!("{l}\n")).collect();
    let p = policy();
    let draft = read("a.yaml", &few, &p.questionnaire).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(draft.review.sections["privacy"].comments.len(), 4);
    assert_eq!(read("a.yaml", &write(&draft), &p.questionnaire), Ok(draft));
}
