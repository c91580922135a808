//! Loading bad template files: every kind of problem is reported with the
//! file, the line and column it concerns, and a message an author can act on.

use policy_builder::policy::diag::Diagnostics;
use policy_builder::policy::model::answers::{Answer, Answers};
use policy_builder::policy::model::library::ClauseLibrary;
use policy_builder::policy::model::questionnaire::Questionnaire;

const QUESTIONS: &str = "\
version: 1
title: Test
sections:
  - id: org
    title: Organization
    questions:
      - id: name
        label: Name
        type: text
      - id: kind
        label: Kind
        type: one_of
        options:
          - { id: clinic, label: Clinic }
          - { id: hospital, label: Hospital }
      - id: photos
        label: Photos?
        type: yes_no
      - id: platforms
        label: Platforms
        type: several_of
        options:
          - { id: x, label: X }
          - { id: facebook, label: Facebook }
";

fn questionnaire() -> Questionnaire {
    Questionnaire::load("q.yaml", QUESTIONS).expect("the base questionnaire loads")
}

fn q_errors(text: &str) -> Diagnostics {
    Questionnaire::load("q.yaml", text).expect_err("the questionnaire should be rejected")
}

fn lib_errors(text: &str) -> Diagnostics {
    ClauseLibrary::load("clauses.yaml", text, &questionnaire()).expect_err("the library should be rejected")
}

/// The one diagnostic, as `file:line:column: message`.
fn only(d: &Diagnostics) -> String {
    assert_eq!(d.0.len(), 1, "expected one diagnostic, got:\n{d}");
    d.0[0].to_string()
}

fn with_question(extra: &str) -> String {
    format!("{QUESTIONS}{extra}")
}

#[test]
fn a_yaml_syntax_error_is_located() {
    let d = q_errors("version: 1\ntitle: Test\nsections:\n  - id: a\n    title: \"unclosed\n");
    let msg = only(&d);
    assert!(
        msg.starts_with(
            "q.yaml:5:21: found unexpected end of stream, while scanning a quoted scalar at line 5 column 12"
        ),
        "{msg}"
    );
}

#[test]
fn an_unknown_field_is_named_and_located() {
    let text = QUESTIONS.replace("        label: Kind\n", "        label: Kind\n        lable: Kind\n");
    let msg = only(&q_errors(&text));
    assert!(msg.starts_with("q.yaml:12:9:"), "{msg}");
    assert!(
        msg.contains("`lable` does not belong here: this part of the file holds `id`, `label`"),
        "{msg}"
    );
}

#[test]
fn a_missing_required_field_is_reported() {
    let text = QUESTIONS.replace("        label: Name\n", "");
    let msg = only(&q_errors(&text));
    assert!(msg.contains("`label:` is missing here: add it"), "{msg}");
    assert!(msg.starts_with("q.yaml:7:"), "{msg}");
}

#[test]
fn a_condition_on_an_unknown_question_is_located_at_the_id() {
    let text = with_question(
        "      - id: consent\n        label: Consent form\n        type: text\n        show_if: { yes: photoz }\n",
    );
    let msg = only(&q_errors(&text));
    assert_eq!(
        msg,
        "q.yaml:28:25: there is no question \"photoz\" (conditions may only name questions that come before them)"
    );
}

#[test]
fn a_condition_may_not_look_ahead() {
    let text = QUESTIONS.replace(
        "        label: Name\n        type: text\n",
        "        label: Name\n        type: text\n        show_if: { yes: photos }\n",
    );
    let msg = only(&q_errors(&text));
    assert!(msg.starts_with("q.yaml:10:"), "{msg}");
    assert!(msg.contains("there is no question \"photos\""), "{msg}");
}

#[test]
fn conditions_must_fit_the_question_kind_and_its_options() {
    let text = with_question(
        "      - id: a\n        label: A\n        type: text\n        show_if: { equals: { question: kind, value: pharmacy } }\n\
         \x20     - id: b\n        label: B\n        type: text\n        show_if: { yes: name }\n\
         \x20     - id: c\n        label: C\n        type: text\n        show_if: { includes: { question: kind, value: clinic } }\n",
    );
    let d = q_errors(&text);
    let all = d.to_string();
    assert_eq!(d.0.len(), 3, "{all}");
    assert!(
        all.contains("q.yaml:28:53: question \"kind\" has no option \"pharmacy\"; it has \"clinic\", \"hospital\""),
        "{all}"
    );
    assert!(
        all.contains("q.yaml:32:25: \"yes\" needs a yes/no question, and \"name\" is not one"),
        "{all}"
    );
    assert!(
        all.contains("q.yaml:36:42: \"includes\" needs a several-of question, and \"kind\" is not one"),
        "{all}"
    );
}

#[test]
fn duplicate_and_malformed_ids_are_all_reported_at_once() {
    let text = with_question(
        "      - id: name\n        label: Again\n        type: text\n      - id: Bad-Id\n        label: Bad\n        type: text\n",
    );
    let d = q_errors(&text);
    let all = d.to_string();
    assert_eq!(d.0.len(), 2, "{all}");
    assert!(
        all.contains("q.yaml:25:13: question id \"name\" is used twice"),
        "{all}"
    );
    assert!(
        all.contains("q.yaml:28:13: question id \"Bad-Id\" must start with a lowercase letter"),
        "{all}"
    );
}

#[test]
fn choice_questions_need_options_and_others_take_none() {
    let text = with_question(
        "      - id: a\n        label: A\n        type: one_of\n      - id: b\n        label: B\n        type: text\n        options: [{ id: x, label: X }, { id: y, label: Y }]\n",
    );
    let all = q_errors(&text).to_string();
    assert!(
        all.contains("q.yaml:27:15: question \"a\" is a choice question but has no options"),
        "{all}"
    );
    assert!(
        all.contains("q.yaml:31:18: question \"b\" has options but its type takes none"),
        "{all}"
    );
}

#[test]
fn a_wrong_format_version_is_reported() {
    let msg = only(&q_errors(&QUESTIONS.replace("version: 1", "version: 7")));
    assert_eq!(
        msg,
        "q.yaml:1:10: this build reads questionnaire format version 1, not 7"
    );
}

#[test]
fn a_check_must_name_a_real_question() {
    let text =
        with_question("checks:\n  - id: gap\n    when: { yes: photos }\n    question: nothing\n    message: Fix it.\n");
    assert_eq!(only(&q_errors(&text)), "q.yaml:28:15: there is no question \"nothing\"");
}

const LIBRARY: &str = "\
version: 1
title: \"{{ name }} policy\"
author: \"{{ name }}\"
sections:
  - id: purpose
    title: Purpose
    clauses:
      - id: purpose.why
        text: \"{{ name }} uses social media.\"
";

#[test]
fn the_base_library_loads() {
    ClauseLibrary::load("clauses.yaml", LIBRARY, &questionnaire()).expect("loads");
}

#[test]
fn a_template_that_names_no_question_is_located() {
    let text = format!("{LIBRARY}      - id: purpose.more\n        text: \"Hello {{{{ nmae }}}}\"\n");
    assert_eq!(
        only(&lib_errors(&text)),
        "clauses.yaml:11:15: the text refers to \"nmae\", which is not a question id"
    );
}

#[test]
fn a_template_syntax_error_is_located() {
    let text = format!("{LIBRARY}      - id: purpose.more\n        text: \"{{% if name %}}unclosed\"\n");
    let msg = only(&lib_errors(&text));
    assert!(msg.starts_with("clauses.yaml:11:15: template error"), "{msg}");
}

#[test]
fn a_clause_needs_exactly_one_body() {
    let text =
        format!("{LIBRARY}      - id: purpose.two\n        text: One\n        notice: Two\n      - id: purpose.none\n");
    let all = lib_errors(&text).to_string();
    assert!(
        all.contains(
            "clauses.yaml:10:9: clause \"purpose.two\" needs exactly one of text, bullets, numbered, notice or pack_list"
        ),
        "{all}"
    );
    assert!(
        all.contains("clauses.yaml:13:9: clause \"purpose.none\" needs exactly one of"),
        "{all}"
    );
}

#[test]
fn clause_conditions_and_ids_are_checked() {
    let text = format!(
        "{LIBRARY}      - id: purpose.why\n        when: {{ equals: {{ question: kind, value: spa }} }}\n        bullets:\n          - text: Item\n            when: {{ yes: ghost }}\n"
    );
    let all = lib_errors(&text).to_string();
    assert!(
        all.contains("clauses.yaml:10:13: clause id \"purpose.why\" is used twice"),
        "{all}"
    );
    assert!(
        all.contains("clauses.yaml:11:50: question \"kind\" has no option \"spa\""),
        "{all}"
    );
    assert!(
        all.contains("clauses.yaml:14:26: there is no question \"ghost\""),
        "{all}"
    );
}

#[test]
fn answers_that_do_not_fit_their_questions_are_listed() {
    let q = questionnaire();
    let mut a = Answers::default();
    a.set("name".into(), Answer::YesNo(true));
    a.set("kind".into(), Answer::Text("spa".into()));
    a.set("photos".into(), Answer::Text("yes".into()));
    a.set("platforms".into(), Answer::Choices(vec!["x".into(), "myspace".into()]));
    a.set("ghost".into(), Answer::Text("boo".into()));
    let problems: Vec<String> = q
        .check_answers(&a)
        .into_iter()
        .map(|p| format!("{}: {}", p.question, p.message))
        .collect();
    assert_eq!(
        problems,
        vec![
            "ghost: there is no question \"ghost\"",
            "kind: \"spa\" is not one of \"clinic\", \"hospital\"",
            "name: expected text",
            "photos: expected yes or no (true or false)",
            "platforms: \"myspace\" is not one of \"x\", \"facebook\"",
        ]
    );
}

#[test]
fn clauses_after_a_left_out_heading_keep_its_subsection_and_empty_sections_go() {
    use policy_builder::policy::fill::fill;
    let text = format!(
        "{LIBRARY}      - id: purpose.photos_yes\n        heading: Photos\n        when: {{ yes: photos }}\n        text: Photos allowed.\n\
         \x20     - id: purpose.photos_no\n        heading: Photos\n        when: {{ no: photos }}\n        text: No photos.\n\
         \x20     - id: purpose.photos_more\n        text: Check backgrounds.\n\
         \x20     - id: purpose.kind\n        heading: Kind\n        when: {{ answered: kind }}\n        text: A kind.\n\
         \x20     - id: purpose.kind_more\n        text: More on kind.\n\
         \x20 - id: empty\n    title: Empty\n    clauses:\n      - id: empty.only\n        when: {{ yes: photos }}\n        text: Only with photos.\n\
         \x20 - id: last\n    title: Last\n    clauses:\n      - id: last.one\n        text: The end.\n"
    );
    let q = questionnaire();
    let lib = ClauseLibrary::load("clauses.yaml", &text, &q).expect("loads");
    let mut a = Answers::default();
    a.set("photos".into(), Answer::YesNo(false));
    let doc = fill(&q, &lib, &a);
    let outline: Vec<String> = doc
        .all_sections()
        .iter()
        .map(|s| format!("{} {} ({})", s.number, s.title, s.blocks.len()))
        .collect();
    // "Photos" holds the "no" clause and its continuation; "More on kind"
    // keeps the "Kind" heading though its heading clause is left out; the
    // empty section is dropped and "Last" is numbered 2.
    assert_eq!(
        outline,
        vec!["1 Purpose (1)", "1.1 Photos (2)", "1.2 Kind (1)", "2 Last (1)"]
    );
}

/// `LIBRARY` with these packs declared, and `purpose.why` in pack `pack`.
fn with_packs(packs: &str, pack: &str) -> String {
    LIBRARY
        .replace("sections:\n", &format!("packs:\n{packs}sections:\n"))
        .replace(
            "      - id: purpose.why\n",
            &format!("      - id: purpose.why\n        pack: {pack}\n"),
        )
}

const PACKS: &str = r"  - id: general
    title: General rules
    version: 1
    as_of: 2026-12-03
  - id: quebec
    title: Quebec law
    version: 2
    as_of: 2026-12-03
    changes:
      - version: 2
        summary: The incident rules changed.
        clauses: [purpose.why]
";

#[test]
fn packs_load_with_their_versions_and_clauses_name_their_pack_or_the_general_one() {
    let text = format!(
        "{}      - id: purpose.how\n        text: Plainly.\n",
        with_packs(PACKS, "quebec")
    );
    let lib = ClauseLibrary::load("clauses.yaml", &text, &questionnaire()).expect("loads");
    let versions: Vec<(String, u32)> = lib.pack_versions().into_iter().collect();
    assert_eq!(versions, vec![("general".to_owned(), 1), ("quebec".to_owned(), 2)]);
    let packs: Vec<Option<&str>> = lib.clauses().map(|c| c.pack.as_deref()).collect();
    assert_eq!(packs, vec![Some("quebec"), Some("general")]);
    assert_eq!(lib.pack("quebec").map(|p| p.as_of.iso()), Some("2026-12-03".to_owned()));
}

#[test]
fn pack_problems_are_located_where_the_author_must_fix_them() {
    let cases = [
        (
            with_packs(
                &PACKS.replace(
                    "    as_of: 2026-12-03\n  - id: quebec",
                    "    as_of: 2026-12-03\n    owner: me\n  - id: quebec",
                ),
                "quebec",
            ),
            "clauses.yaml:9:5: `owner` does not belong here: this part of the file holds `id`, `title`, `version`, `as_of` or `changes`",
        ),
        (
            with_packs(PACKS, "ontario"),
            "clauses.yaml:22:15: \"ontario\" is not a pack declared under `packs`",
        ),
        (
            with_packs(
                &PACKS.replace("clauses: [purpose.why]", "clauses: [purpose.gone]"),
                "quebec",
            ),
            "clauses.yaml:16:19: \"purpose.gone\" is not a clause of this library",
        ),
        (
            with_packs(
                &PACKS.replace(
                    "    as_of: 2026-12-03\n    changes",
                    "    as_of: 3 December 2026\n    changes",
                ),
                "quebec",
            ),
            "clauses.yaml:12:12: \"3 December 2026\" is not a date written as YYYY-MM-DD",
        ),
        (
            with_packs(
                &PACKS.replace("version: 2\n    as_of", "version: 3\n    as_of"),
                "quebec",
            ),
            "clauses.yaml:14:7: version 3 of pack \"quebec\" needs a `changes` entry",
        ),
        (
            with_packs(&PACKS.replace("      - version: 2\n", "      - version: 3\n"), "quebec"),
            "clauses.yaml:14:18: expected the change made by version 2 here",
        ),
        (
            with_packs(PACKS, "general"),
            "clauses.yaml:16:19: clause \"purpose.why\" is in pack \"general\", not \"quebec\"",
        ),
        (
            with_packs(&PACKS.replace("  - id: general\n", "  - id: generic\n"), "quebec"),
            "a library with packs must declare the \"general\" pack",
        ),
    ];
    for (text, expected) in cases {
        let all = lib_errors(&text);
        // One problem, one message: a broken pack is not also unknown where it is used.
        assert_eq!(all.0.len(), 1, "{all}");
        assert!(
            all.to_string().contains(expected),
            "expected {expected:?} in:\n{all}\n--- from:\n{text}"
        );
    }
}

#[test]
fn a_pack_list_reads_only_the_pack_its_version_and_the_date_checked() {
    let packs = with_packs(PACKS, "quebec");
    let good = format!("{packs}      - id: purpose.checked\n        pack_list: \"{{{{ pack }}}}: version {{{{ version }}}}, {{{{ checked }}}}.\"\n");
    let lib = ClauseLibrary::load("clauses.yaml", &good, &questionnaire()).expect("loads");
    let mut answers = Answers::default();
    answers.set("name".into(), Answer::Text("Lakeside".into()));
    let doc = policy_builder::policy::fill::fill(&questionnaire(), &lib, &answers);
    let lines: Vec<String> = doc.sections[0]
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            policy_builder::policy::document::BlockKind::Bullets(items) => {
                Some(items.iter().map(|t| t.to_plain()).collect::<Vec<_>>())
            }
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        lines,
        vec![
            "General rules: version 1, 3 December 2026.",
            "Quebec law: version 2, 3 December 2026."
        ]
    );
    let bad = good.replace("{{ checked }}", "{{ name }}");
    let msg = only(&lib_errors(&bad));
    assert!(
        msg.contains("the text refers to \"name\", which is not one of pack, version, checked"),
        "{msg}"
    );
}

// ---------------------------------------------------------------------------
// The spelling table

const SPELLING: &str = "\
version: 1
written_in: en-CA
question: kind
answers:
  clinic: en-US
words:
  - { en-CA: colour, en-GB: colour, en-AU: colour, en-US: color }
";

fn spelling_errors(text: &str) -> Diagnostics {
    use policy_builder::policy::diag::SourceFile;
    questionnaire()
        .spelling_from_source(&SourceFile::yaml("spelling.yaml", text))
        .expect_err("the spelling file should be rejected")
}

#[test]
fn a_well_formed_spelling_file_loads_and_chooses_the_english_by_answer() {
    use policy_builder::policy::diag::SourceFile;
    use policy_builder::policy::model::spelling::English;
    let spelling = questionnaire()
        .spelling_from_source(&SourceFile::yaml("spelling.yaml", SPELLING))
        .unwrap_or_else(|d| panic!("{d}"));
    let mut answers = Answers::default();
    assert_eq!(
        spelling.english_for(&answers),
        Some(English::Canada),
        "no answer reads as written"
    );
    answers.set("kind".into(), Answer::Text("clinic".into()));
    assert_eq!(spelling.english_for(&answers), Some(English::UnitedStates));
    assert!(spelling.changes_for(Some(English::UnitedStates)).is_some());
    assert!(
        spelling.changes_for(Some(English::Canada)).is_none(),
        "the written English changes nothing"
    );
    answers.set("kind".into(), Answer::Text("hospital".into()));
    assert_eq!(
        spelling.english_for(&answers),
        Some(English::Canada),
        "an unnamed option reads as written"
    );
}

#[test]
fn a_spelling_row_with_an_unknown_english_is_located_by_serde() {
    let bad = SPELLING.replace("en-US: color }", "en-US: color, en-NZ: colour }");
    let d = only(&spelling_errors(&bad));
    assert!(d.starts_with("spelling.yaml:7:"), "{d}");
    assert!(d.contains("en-NZ"), "{d}");
    let missing = SPELLING.replace(", en-US: color", "");
    let d = only(&spelling_errors(&missing));
    assert!(d.starts_with("spelling.yaml:7:"), "{d}");
    assert!(d.contains("en-US"), "{d}");
}

#[test]
fn every_problem_of_a_spelling_file_is_located() {
    let bad = "\
version: 1
written_in: en-XX
question: photos
answers:
  clinic: en-ZZ
words:
  - { en-CA: Colour, en-GB: colour, en-AU: colour, en-US: color }
  - { en-CA: centre, en-GB: centre, en-AU: centre, en-US: centre }
  - { en-CA: for ever, en-GB: for ever, en-AU: forever, en-US: forever }
";
    let d = spelling_errors(bad);
    let all = d.to_string();
    let expect = [
        ("spelling.yaml:2:13:", "\"en-XX\" is not an English this build knows"),
        ("spelling.yaml:3:11:", "question \"photos\" is not a one-of question"),
        ("spelling.yaml:5:11:", "\"en-ZZ\" is not an English this build knows"),
        ("spelling.yaml:7:", "\"Colour\" is not a word in lower case"),
        ("spelling.yaml:8:", "\"centre\" is spelled the same in every English"),
        ("spelling.yaml:9:", "\"for ever\" is not a word in lower case"),
    ];
    for (at, message) in expect {
        assert!(
            d.iter()
                .any(|p| p.to_string().starts_with(at) && p.message.contains(message)),
            "missing {at} {message} in:\n{all}"
        );
    }
    let twice = format!("{SPELLING}  - {{ en-CA: colour, en-GB: colour, en-AU: colour, en-US: colr }}\n");
    let d = only(&spelling_errors(&twice));
    assert!(d.starts_with("spelling.yaml:8:"), "{d}");
    assert!(d.contains("\"colour\" already has a row (words[0])"), "{d}");
    let unknown = SPELLING.replace("clinic: en-US", "surgery: en-US");
    let d = only(&spelling_errors(&unknown));
    assert!(d.starts_with("spelling.yaml:5:12:"), "{d}");
    assert!(d.contains("question \"kind\" has no option \"surgery\""), "{d}");
    let d = only(&spelling_errors(
        &SPELLING.replace("question: kind", "question: nobody"),
    ));
    assert!(d.contains("there is no question \"nobody\""), "{d}");
}

#[test]
fn the_shipped_policy_refuses_a_broken_spelling_file_with_the_others_problems() {
    use policy_builder::policy::bundle::{Policy, APPROVER_NOTES, CLAUSES, QUESTIONNAIRE, QUICK_REFERENCE};
    let broken = SPELLING
        .replace("question: kind", "question: country")
        .replace("clinic", "narnia");
    let d = Policy::load(
        QUESTIONNAIRE,
        CLAUSES,
        QUICK_REFERENCE,
        APPROVER_NOTES,
        ("spelling.yaml", &broken),
    )
    .expect_err("a broken spelling file stops the load");
    let d = only(&d);
    assert!(d.starts_with("spelling.yaml:5:11:"), "{d}");
    assert!(d.contains("question \"country\" has no option \"narnia\""), "{d}");
}
