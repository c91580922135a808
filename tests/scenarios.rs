//! The trainer's scenarios: the shipped file loads cleanly, bad files are
//! reported where the problem is, every verdict for every sample rests on
//! clauses that are in that sample's policy, verdicts change with the
//! answers as the content intends, handouts hold whole decks, every card
//! reads in the words of its kind of organization, and the situations read
//! at grade 10 or lower.

use std::collections::{BTreeMap, BTreeSet};

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::diag::Diagnostics;
use policy_builder::policy::document::{BlockKind, Document, Run, Text};
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::answers::{Answer, Answers};
use policy_builder::policy::model::ids::QuestionId;
use policy_builder::policy::model::questionnaire::QuestionKind;
use policy_builder::policy::readability::counts;
use policy_builder::policy::trainer::scenario::{
    DeckId, HandoutOptions, ScenarioId, ScenarioLibrary, Verdict, VerdictKind,
};
use serde::Deserialize;

mod common;
use common::{neighbours, policy};

fn scenarios(p: &Policy) -> ScenarioLibrary {
    match ScenarioLibrary::builtin(&p.questionnaire, &p.library) {
        Ok(s) => s,
        Err(d) => panic!("scenarios.yaml has problems:\n{d}"),
    }
}

/// The samples by short name, such as `ontario-hospital`.
fn samples() -> BTreeMap<String, Answers> {
    common::samples()
        .into_iter()
        .map(|(name, s)| (name, s.answers))
        .collect()
}

fn sample(name: &str) -> Answers {
    samples().remove(name).unwrap_or_else(|| panic!("no sample {name}"))
}

fn verdict_on(p: &Policy, lib: &ScenarioLibrary, id: &str, answers: &Answers) -> Verdict {
    let doc = fill(&p.questionnaire, &p.library, answers);
    let scenario = lib
        .scenario(&ScenarioId::from(id))
        .unwrap_or_else(|| panic!("no scenario {id}"));
    lib.verdict(scenario, &p.questionnaire, answers, &doc)
}

fn placeholders(t: &Text) -> Vec<String> {
    t.0.iter()
        .filter_map(|r| match r {
            Run::Missing { question, .. } => Some(question.to_string()),
            Run::Plain(_) => None,
        })
        .collect()
}

#[derive(Deserialize)]
struct Coverage {
    topics: Vec<Topic>,
}

#[derive(Deserialize)]
struct Topic {
    id: String,
}

#[test]
fn the_shipped_scenarios_load_with_zero_diagnostics() {
    let p = policy();
    let lib = scenarios(&p);
    assert!(lib.scenarios.len() >= 24, "only {} scenarios", lib.scenarios.len());
    let decks: Vec<&str> = lib.decks.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        decks,
        ["privacy_basics", "speaking_for_us", "everything", "worked_examples"]
    );
}

#[test]
fn the_situations_the_issue_asks_for_are_all_there() {
    let p = policy();
    let lib = scenarios(&p);
    for id in [
        "whiteboard_selfie",
        "friend_request",
        "review_general_reply",
        "ed_livestream",
        "reporter_outbreak",
        "supplement_endorsement",
        "closed_group_case",
        "colleague_award",
        "flu_myth_thread",
    ] {
        assert!(lib.scenario(&ScenarioId::from(id)).is_some(), "missing {id}");
    }
}

#[test]
fn every_scenario_names_known_topics_and_together_they_span_the_coverage_map() {
    let coverage: Coverage =
        serde_yaml::from_str(include_str!("../policy-templates/coverage.yaml")).expect("coverage.yaml parses");
    let known: BTreeSet<&str> = coverage.topics.iter().map(|t| t.id.as_str()).collect();
    let p = policy();
    let lib = scenarios(&p);
    let mut used = BTreeSet::new();
    for s in &lib.scenarios {
        assert!(!s.topics.is_empty(), "{} has no topic", s.id);
        for t in &s.topics {
            assert!(known.contains(t.as_str()), "{} names unknown topic {t}", s.id);
            used.insert(t.as_str());
        }
    }
    // Topics about the document itself (its laws, review cycle and the
    // legal notice) are not situations staff meet, so they have no card.
    let untouched: Vec<&&str> = known.difference(&used).collect();
    assert_eq!(untouched, [&"laws", &"legal_notice", &"review"]);
}

#[test]
fn the_everything_deck_holds_every_scenario_once_in_file_order() {
    let p = policy();
    let lib = scenarios(&p);
    let everything = lib.deck(&DeckId::from("everything")).expect("the everything deck");
    let all: Vec<&ScenarioId> = lib.scenarios.iter().map(|s| &s.id).collect();
    let deck: Vec<&ScenarioId> = everything.scenarios.iter().collect();
    assert_eq!(deck, all);
}

#[test]
fn good_examples_deserve_applause_not_only_violations() {
    let p = policy();
    let lib = scenarios(&p);
    let doc_answers = sample("ontario-hospital");
    let doc = fill(&p.questionnaire, &p.library, &doc_answers);
    let verdicts = lib.verdicts(&p.questionnaire, &doc_answers, &doc);
    let count = |k: VerdictKind| verdicts.iter().filter(|v| v.kind == k).count();
    assert!(count(VerdictKind::Fine) >= 8, "{}", count(VerdictKind::Fine));
    assert!(count(VerdictKind::NotFine) >= 8, "{}", count(VerdictKind::NotFine));
    assert!(count(VerdictKind::FineWithConditions) >= 2);
}

// ---------------------------------------------------------------------------
// Bad files

const BASE: &str = "\
version: 1
scenarios:
  - id: selfie
    title: A selfie
    situation: A nurse posts a selfie.
    topics: [photos_video]
    rules:
      - when: { yes: patient_photos }
        verdict: not_fine
        explanation: Not with patients, {{ legal_name }}.
        cites: [privacy.photos_allowed]
      - verdict: fine_with_conditions
        explanation: Check the background.
        cites: [privacy.backgrounds]
decks:
  - id: basics
    title: Basics
    scenarios: [selfie]
";

fn load(text: &str) -> Result<ScenarioLibrary, Diagnostics> {
    let p = policy();
    ScenarioLibrary::load("scenarios.yaml", text, &p.questionnaire, &p.library)
}

fn errors(text: &str) -> Vec<String> {
    match load(text) {
        Ok(_) => panic!("the file should be rejected:\n{text}"),
        Err(d) => d.iter().map(ToString::to_string).collect(),
    }
}

fn edited(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE lacks {from:?}");
    BASE.replacen(from, to, 1)
}

#[test]
fn the_base_file_of_these_tests_loads() {
    let lib = load(BASE).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(lib.scenarios.len(), 1);
    assert_eq!(lib.scenarios[0].rules.len(), 1);
}

#[test]
fn an_unknown_question_in_a_rule_is_located() {
    let text = edited("{ yes: patient_photos }", "{ yes: patient_fotos }");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:8:22: there is no question \"patient_fotos\""]
    );
}

#[test]
fn an_unknown_option_in_a_rule_is_located_and_the_options_are_named() {
    let text = edited(
        "{ yes: patient_photos }",
        "{ equals: { question: livestreams, value: sometimes } }",
    );
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:8:57: question \"livestreams\" has no option \"sometimes\"; it has \"never\", \"with_approval\""]
    );
}

#[test]
fn a_condition_of_the_wrong_kind_is_located() {
    let text = edited("{ yes: patient_photos }", "{ yes: livestreams }");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:8:22: \"yes\" needs a yes/no question, and \"livestreams\" is not one"]
    );
}

#[test]
fn a_cited_clause_that_does_not_exist_is_located() {
    let text = edited("[privacy.backgrounds]", "[privacy.backgrounds, privacy.nope]");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:14:38: there is no clause \"privacy.nope\" in the clause library"]
    );
}

#[test]
fn a_quick_reference_clause_is_not_a_policy_clause() {
    let text = edited("[privacy.backgrounds]", "[quick.do]");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:14:17: there is no clause \"quick.do\" in the clause library"]
    );
}

#[test]
fn a_rule_must_cite_a_clause() {
    let text = edited("[privacy.backgrounds]", "[]");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:14:16: a verdict must cite at least one clause of the policy"]
    );
}

#[test]
fn a_scenario_without_a_default_rule_is_rejected() {
    let text = edited(
        "      - verdict: fine_with_conditions\n        explanation: Check the background.\n        cites: [privacy.backgrounds]\n",
        "",
    );
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:8:15: the last rule of scenario \"selfie\" must have no `when`: it is the default verdict when no other rule applies"]
    );
}

#[test]
fn a_rule_without_a_condition_must_be_the_last() {
    let text = edited(
        "      - when: { yes: patient_photos }\n",
        "      - verdict: fine\n        explanation: Fine.\n        cites: [privacy.core]\n      - when: { yes: patient_photos }\n",
    );
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:8:9: only the last rule may leave out `when`; the rules after this one could never apply"]
    );
}

#[test]
fn a_scenario_with_no_rules_is_rejected() {
    let start = BASE.find("    rules:").expect("rules");
    let end = BASE.find("decks:").expect("decks");
    let text = format!("{}    rules: []\n{}", &BASE[..start], &BASE[end..]);
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:7:12: scenario \"selfie\" has no rules; it needs at least a default rule without `when`"]
    );
}

#[test]
fn an_explanation_naming_an_unknown_answer_is_located() {
    let text = edited("{{ legal_name }}", "{{ legal_nam }}");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:10:22: the text refers to \"legal_nam\", which is not a question id"]
    );
}

#[test]
fn a_template_syntax_error_is_located() {
    let text = edited("{{ legal_name }}", "{{ legal_name }");
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("scenarios.yaml:10:22: template error on line 1 of the text"),
        "{errs:?}"
    );
}

#[test]
fn a_deck_naming_an_unknown_or_repeated_scenario_is_located() {
    let text = edited("[selfie]", "[selfie, selfy, selfie]");
    assert_eq!(
        errors(&text),
        [
            "scenarios.yaml:18:25: there is no scenario \"selfy\"",
            "scenarios.yaml:18:32: scenario \"selfie\" is in deck \"basics\" twice",
        ]
    );
}

#[test]
fn repeated_and_malformed_ids_are_located() {
    let second = "  - id: Selfie\n    title: B\n    situation: S.\n    rules:\n      - verdict: fine\n        explanation: E.\n        cites: [privacy.core]\n  - id: selfie\n    title: C\n    situation: S.\n    rules:\n      - verdict: fine\n        explanation: E.\n        cites: [privacy.core]\ndecks:\n";
    let text = edited("decks:\n", second);
    assert_eq!(
        errors(&text),
        [
            "scenarios.yaml:15:9: scenario id \"Selfie\" must start with a lowercase letter and use only lowercase letters, digits and '_'",
            "scenarios.yaml:22:9: scenario id \"selfie\" is used twice",
        ]
    );
}

#[test]
fn every_problem_in_a_file_is_reported_at_once_in_file_order() {
    let text = edited("{ yes: patient_photos }", "{ yes: patient_fotos }")
        .replacen("[privacy.backgrounds]", "[privacy.nope]", 1)
        .replacen("version: 1", "version: 2", 1);
    let errs = errors(&text);
    let locations: Vec<&str> = errs.iter().filter_map(|e| e.split(": ").next()).collect();
    assert_eq!(
        locations,
        ["scenarios.yaml:1:10", "scenarios.yaml:8:22", "scenarios.yaml:14:17"],
        "{errs:?}"
    );
    assert!(errs[0].ends_with("this build reads scenario format version 1, not 2"));
}

#[test]
fn an_unknown_field_and_an_unknown_verdict_are_located_by_the_parser() {
    let errs = errors(&edited(
        "        cites: [privacy.backgrounds]",
        "        cite: [privacy.backgrounds]",
    ));
    // The misspelt key is named, and so is the key it should have been.
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs[0].contains("`cites:` is missing here"), "{errs:?}");
    assert!(errs[1].starts_with("scenarios.yaml:14:9: "), "{errs:?}");
    assert!(errs[1].contains("`cite` does not belong here"), "{errs:?}");

    let errs = errors(&edited("verdict: not_fine", "verdict: okay"));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("scenarios.yaml:9:18: "), "{errs:?}");
    assert!(
        errs[0].contains("\"okay\" is not one of the values allowed here"),
        "{errs:?}"
    );
}

// ---------------------------------------------------------------------------
// Verdicts against the sample organizations

#[test]
fn every_verdict_for_every_sample_cites_clause_numbers_that_exist_in_its_policy() {
    let p = policy();
    let lib = scenarios(&p);
    for (name, answers) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &answers);
        let sections = doc.all_sections();
        for v in lib.verdicts(&p.questionnaire, &answers, &doc) {
            let at = format!("{name}, {}", v.scenario);
            assert_eq!(v.unplaced, vec![], "{at}: cites clauses absent from the policy");
            assert_eq!(v.problems, Vec::<String>::new(), "{at}");
            assert!(!v.citations.is_empty(), "{at}: cites nothing");
            assert_eq!(placeholders(&v.explanation), Vec::<String>::new(), "{at}");
            assert!(!v.explanation.to_plain().trim().is_empty(), "{at}");
            for c in &v.citations {
                let section = sections
                    .iter()
                    .find(|s| s.number == c.number)
                    .unwrap_or_else(|| panic!("{at}: no section {} in the policy", c.number));
                assert_eq!(section.title, c.title, "{at}");
                for clause in &c.clauses {
                    assert!(
                        section.blocks.iter().any(|b| &b.clause == clause),
                        "{at}: clause {clause} is not in section {}",
                        c.number
                    );
                }
            }
            // The numbers read in document order, each once.
            let numbers: Vec<&str> = v.citations.iter().map(|c| c.number.as_str()).collect();
            let order: Vec<usize> = numbers
                .iter()
                .map(|n| sections.iter().position(|s| s.number == *n).unwrap_or(usize::MAX))
                .collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{at}: {numbers:?}");
        }
    }
}

#[test]
fn a_verdict_names_the_number_where_its_clause_landed() {
    let p = policy();
    let lib = scenarios(&p);
    let answers = sample("ontario-hospital");
    let doc = fill(&p.questionnaire, &p.library, &answers);
    let v = verdict_on(&p, &lib, "friend_request", &answers);
    assert_eq!(v.kind, VerdictKind::FineWithConditions);
    // Look the numbers up independently of the verdict code.
    let number_of = |clause: &str| {
        doc.all_sections()
            .into_iter()
            .find(|s| s.blocks.iter().any(|b| b.clause.as_str() == clause))
            .map(|s| s.number.clone())
            .unwrap_or_else(|| panic!("{clause} is not in the policy"))
    };
    let want = format!(
        "{}, {}",
        number_of("boundaries.contact_discouraged"),
        number_of("boundaries.no_clinical_care")
    );
    assert_eq!(v.numbers(), want);
    assert!(want.contains('.'), "both clauses sit in subsections: {want}");
}

#[test]
fn no_rule_cites_a_clause_that_is_absent_when_it_applies_and_every_rule_can_apply() {
    let p = policy();
    let lib = scenarios(&p);
    // The samples, a blank draft, and every answer set one change away
    // from them: the answers a trainer is likely to show.
    let mut starts: Vec<Answers> = samples().into_values().collect();
    starts.push(Answers::default());
    let mut sets = starts.clone();
    for s in &starts {
        sets.extend(neighbours(&p.questionnaire, s));
    }
    let mut reached: BTreeSet<(String, Option<usize>)> = BTreeSet::new();
    for answers in &sets {
        let doc = fill(&p.questionnaire, &p.library, answers);
        for v in lib.verdicts(&p.questionnaire, answers, &doc) {
            assert_eq!(
                v.unplaced,
                vec![],
                "{} (rule {:?}) cites clauses absent from the policy for answers {:?}",
                v.scenario,
                v.rule,
                answers
            );
            assert_eq!(v.problems, Vec::<String>::new());
            reached.insert((v.scenario.to_string(), v.rule));
        }
    }
    for s in &lib.scenarios {
        for rule in (0..s.rules.len()).map(Some).chain([None]) {
            assert!(
                reached.contains(&(s.id.to_string(), rule)),
                "rule {rule:?} of {} is never reached (None is the default)",
                s.id
            );
        }
    }
}

#[test]
fn unanswered_questions_show_as_placeholders_in_explanations() {
    let p = policy();
    let lib = scenarios(&p);
    let v = verdict_on(&p, &lib, "whiteboard_selfie", &Answers::default());
    assert_eq!(v.kind, VerdictKind::NotFine);
    assert_eq!(placeholders(&v.explanation), ["privacy_contact"]);
    assert!(v.explanation.to_plain().contains("[privacy contact]"));
    assert_eq!(v.unplaced, vec![]);
}

#[test]
fn the_same_scenarios_get_different_verdicts_in_different_organizations() {
    let p = policy();
    let lib = scenarios(&p);
    let mut kinds: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for answers in samples().values() {
        let doc = fill(&p.questionnaire, &p.library, answers);
        for v in lib.verdicts(&p.questionnaire, answers, &doc) {
            kinds.entry(v.scenario.to_string()).or_default().insert(v.kind.id());
        }
    }
    let varying: Vec<&String> = kinds.iter().filter(|(_, k)| k.len() > 1).map(|(s, _)| s).collect();
    assert!(varying.len() >= 12, "only these vary across the samples: {varying:?}");
}

/// A verdict that one answer flips: `scenario` is `before` for `sample`,
/// and `after` once `question` is answered `answer`; `other` is a sample
/// that gives that answer itself, and gets `after` too.
struct Flip {
    scenario: &'static str,
    sample: &'static str,
    before: VerdictKind,
    question: &'static str,
    answer: Answer,
    after: VerdictKind,
    other: &'static str,
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn flips() -> Vec<Flip> {
    use VerdictKind::{Fine, FineWithConditions, NotFine};
    let flip = |scenario, sample, before, question, answer, after, other| Flip {
        scenario,
        sample,
        before,
        question,
        answer,
        after,
        other,
    };
    vec![
        flip(
            "supplement_endorsement",
            "us-primary-care",
            Fine,
            "endorsements",
            text("not_allowed"),
            NotFine,
            "ontario-hospital",
        ),
        flip(
            "closed_group_case",
            "ontario-hospital",
            Fine,
            "deidentified_cases",
            text("not_allowed"),
            NotFine,
            "us-primary-care",
        ),
        flip(
            "flu_myth_thread",
            "ontario-hospital",
            Fine,
            "medical_advice",
            text("none"),
            NotFine,
            "us-primary-care",
        ),
        flip(
            "patient_story",
            "ontario-hospital",
            Fine,
            "testimonials",
            text("not_used"),
            NotFine,
            "quebec-long-term-care",
        ),
        flip(
            "review_general_reply",
            "ontario-hospital",
            Fine,
            "review_replies",
            text("no_public_reply"),
            NotFine,
            "us-primary-care",
        ),
        flip(
            "porter_scroll",
            "uk-nhs-community",
            Fine,
            "work_time_use",
            text("breaks_only"),
            NotFine,
            "ontario-hospital",
        ),
        flip(
            "ward_computer",
            "uk-nhs-community",
            Fine,
            "work_devices",
            Answer::YesNo(false),
            NotFine,
            "ontario-hospital",
        ),
        flip(
            "uniform_profile",
            "australia-allied-health",
            Fine,
            "logo_personal",
            Answer::YesNo(false),
            NotFine,
            "ontario-hospital",
        ),
        flip(
            "unit_account",
            "ontario-hospital",
            Fine,
            "new_accounts",
            text("owner_team_only"),
            NotFine,
            "quebec-long-term-care",
        ),
        flip(
            "staff_exercise_video",
            "uk-nhs-community",
            Fine,
            "who_may_post",
            text("owner_team_only"),
            NotFine,
            "quebec-long-term-care",
        ),
        flip(
            "late_breach_report",
            "australia-allied-health",
            Fine,
            "breach_report_time",
            text("immediately"),
            NotFine,
            "ontario-hospital",
        ),
        flip(
            "ed_livestream",
            "ontario-hospital",
            FineWithConditions,
            "livestreams",
            text("never"),
            NotFine,
            "us-primary-care",
        ),
        flip(
            "friend_request",
            "ontario-hospital",
            FineWithConditions,
            "patient_contact",
            text("never"),
            NotFine,
            "quebec-long-term-care",
        ),
        flip(
            "blog_disclaimer",
            "ontario-hospital",
            FineWithConditions,
            "disclaimer_required",
            Answer::YesNo(false),
            Fine,
            "ontario-hospital",
        ),
        flip(
            "colleague_award",
            "ontario-hospital",
            Fine,
            "staff_participation",
            text("restrict"),
            FineWithConditions,
            "quebec-long-term-care",
        ),
        flip(
            "hand_hygiene_video",
            "ontario-hospital",
            FineWithConditions,
            "languages",
            Answer::Choices(vec!["english".into()]),
            Fine,
            "australia-allied-health",
        ),
        flip(
            "patient_story",
            "quebec-long-term-care",
            NotFine,
            "testimonials",
            text("with_consent"),
            Fine,
            "ontario-hospital",
        ),
    ]
}

#[test]
fn verdicts_change_with_the_answers_as_the_content_intends() {
    let p = policy();
    let lib = scenarios(&p);
    let all = flips();
    let strong = all
        .iter()
        .filter(|f| {
            let pair = [f.before, f.after];
            pair.contains(&VerdictKind::Fine) && pair.contains(&VerdictKind::NotFine)
        })
        .map(|f| f.scenario)
        .collect::<BTreeSet<_>>();
    assert!(strong.len() >= 6, "fine for one, not fine for another: {strong:?}");
    for f in all {
        let at = format!("{} in {} with {} = {:?}", f.scenario, f.sample, f.question, f.answer);
        let mut answers = sample(f.sample);
        let before = verdict_on(&p, &lib, f.scenario, &answers);
        assert_eq!(before.kind, f.before, "{at}: before the change");
        answers.set(f.question.into(), f.answer.clone());
        let after = verdict_on(&p, &lib, f.scenario, &answers);
        assert_eq!(after.kind, f.after, "{at}: after the change");
        assert_ne!(
            before.explanation, after.explanation,
            "{at}: the reason should change too"
        );
        assert_eq!(after.unplaced, vec![], "{at}");
        if f.other != f.sample {
            let other = verdict_on(&p, &lib, f.scenario, &sample(f.other));
            assert_eq!(other.kind, f.after, "{} in {}", f.scenario, f.other);
        }
    }
}

#[test]
fn the_blog_disclaimer_verdict_quotes_the_organizations_own_wording() {
    let p = policy();
    let lib = scenarios(&p);
    let v = verdict_on(&p, &lib, "blog_disclaimer", &sample("uk-nhs-community"));
    assert!(
        v.explanation
            .to_plain()
            .contains("\"Views are my own and do not represent Northfold Community Health NHS Trust.\""),
        "{}",
        v.explanation.to_plain()
    );
}

// ---------------------------------------------------------------------------
// Handouts

#[test]
fn a_handout_holds_every_scenario_of_its_deck_with_verdict_reason_and_clauses() {
    let p = policy();
    let lib = scenarios(&p);
    for (name, answers) in samples() {
        let policy_doc = fill(&p.questionnaire, &p.library, &answers);
        for deck in &lib.decks {
            let verdicts = lib.deck_verdicts(deck, &p.questionnaire, &answers, &policy_doc);
            let handout = lib.handout(deck, &verdicts, &policy_doc);
            let at = format!("{name}, {}", deck.id);
            assert!(handout.problems.is_empty(), "{at}: {:?}", handout.problems);
            assert_eq!(handout.author, policy_doc.author, "{at}");
            assert!(handout.title.starts_with(&deck.title), "{at}");
            assert_eq!(handout.sections.len(), deck.scenarios.len(), "{at}");
            for (i, (section, id)) in handout.sections.iter().zip(&deck.scenarios).enumerate() {
                let scenario = lib.scenario(id).expect("a deck names known scenarios");
                let verdict = verdicts.iter().find(|v| &v.scenario == id).expect("a verdict");
                // The scenario as this organization reads it: in its setting's words and its English.
                let read = lib.read(scenario, &p.questionnaire, &answers);
                assert_eq!(section.number, (i + 1).to_string(), "{at}");
                assert_eq!(section.title, read.title, "{at}");
                let texts: Vec<String> = section
                    .blocks
                    .iter()
                    .map(|b| match &b.kind {
                        BlockKind::Paragraph(t) | BlockKind::Notice(t) => t.to_plain(),
                        BlockKind::Bullets(ts) | BlockKind::Numbered(ts) => {
                            ts.iter().map(Text::to_plain).collect::<Vec<_>>().join("\n")
                        }
                    })
                    .collect();
                assert_eq!(
                    texts,
                    [
                        read.situation.clone(),
                        format!("Verdict: {}.", verdict.kind.label()),
                        verdict.explanation.to_plain(),
                        format!("Policy clauses: {}", verdict.numbers()),
                    ],
                    "{at}"
                );
                assert!(matches!(section.blocks[1].kind, BlockKind::Notice(_)), "{at}");
            }
        }
    }
}

#[test]
fn a_handout_names_scenarios_it_has_no_verdict_for() {
    let p = policy();
    let lib = scenarios(&p);
    let answers = sample("ontario-hospital");
    let policy_doc = fill(&p.questionnaire, &p.library, &answers);
    let deck = lib.deck(&DeckId::from("privacy_basics")).expect("deck");
    let mut verdicts = lib.deck_verdicts(deck, &p.questionnaire, &answers, &policy_doc);
    let dropped = verdicts.remove(0).scenario;
    let handout = lib.handout(deck, &verdicts, &policy_doc);
    assert_eq!(handout.sections.len(), deck.scenarios.len() - 1);
    let problems: Vec<String> = handout.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [format!("no verdict was worked out for scenario \"{dropped}\"")]
    );
}

#[test]
fn the_handout_of_every_scenario_exports_as_a_pdf_with_every_glyph() {
    let p = policy();
    let lib = scenarios(&p);
    for name in ["ontario-hospital", "quebec-long-term-care"] {
        let answers = sample(name);
        let policy_doc = fill(&p.questionnaire, &p.library, &answers);
        let deck = lib.deck(&DeckId::from("everything")).expect("deck");
        let verdicts = lib.deck_verdicts(deck, &p.questionnaire, &answers, &policy_doc);
        let handout: Document = lib.handout(deck, &verdicts, &policy_doc);
        let pdf = policy_builder::policy::render::pdf::render_pdf(&handout).expect("pdf");
        assert_eq!(pdf.missing_glyphs, Vec::<char>::new(), "{name}");
        let parsed = lopdf::Document::load_mem(&pdf.bytes).expect("a readable PDF");
        let pages: Vec<u32> = parsed.get_pages().keys().copied().collect();
        assert!(pages.len() > 3, "{name}: {} pages", pages.len());
        let text = parsed
            .extract_text(&pages)
            .expect("text")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains("Everything: practice scenarios"), "{name}");
        assert!(text.contains(&policy_doc.author), "{name}");
        assert!(text.contains("Verdict: Not fine."), "{name}");
        assert!(text.contains("Policy clauses: "), "{name}");
    }
}

// ---------------------------------------------------------------------------
// Plain language

#[test]
fn every_situation_reads_at_grade_10_or_lower_in_every_setting() {
    let p = policy();
    let lib = scenarios(&p);
    let mut hard = BTreeSet::new();
    for (name, answers) in every_kind_of_every_sample(&p) {
        for s in &lib.scenarios {
            let c = counts(&lib.read(s, &p.questionnaire, &answers).situation);
            if c.grade() > 10.0 {
                hard.insert(format!("{}, {name}: grade {:.1} ({c:?})", s.id, c.grade()));
            }
        }
    }
    assert_eq!(hard, BTreeSet::new());
}

#[test]
fn every_explanation_reads_at_grade_10_or_lower_for_every_sample() {
    let p = policy();
    let lib = scenarios(&p);
    let mut hard = BTreeSet::new();
    for (name, answers) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &answers);
        for v in lib.verdicts(&p.questionnaire, &answers, &doc) {
            let c = counts(&v.explanation.to_plain());
            if c.grade() > 10.0 {
                hard.insert(format!(
                    "{}, rule {:?} ({name}): grade {:.1} ({c:?})",
                    v.scenario,
                    v.rule,
                    c.grade()
                ));
            }
        }
    }
    assert_eq!(hard, BTreeSet::new());
}

#[test]
fn the_new_2026_scenarios_reach_different_verdicts_for_different_samples() {
    let p = policy();
    let lib = scenarios(&p);
    for id in [
        "ai_team_cartoon",
        "doxxed_after_news",
        "staff_room_dance",
        "paid_creator",
        "crash_night_share",
    ] {
        let kinds: BTreeSet<&str> = samples()
            .values()
            .map(|answers| verdict_on(&p, &lib, id, answers).kind.id())
            .collect();
        assert!(kinds.len() >= 2, "{id} gives every sample the same verdict: {kinds:?}");
    }
}

#[test]
fn every_sample_policy_ends_with_worked_examples_from_the_trainer_engine() {
    let p = policy();
    let lib = scenarios(&p);
    let mut verdict_lines = BTreeSet::new();
    for (name, answers) in samples() {
        let filled = fill(&p.questionnaire, &p.library, &answers);
        let doc = lib.with_worked_examples(&p.questionnaire, &answers, filled.clone());
        assert_eq!(doc.sections.len(), filled.sections.len() + 1, "{name}");
        let appendix = doc.sections.last().expect("an appendix");
        assert_eq!(appendix.title, "Appendix: worked examples", "{name}");
        assert!(
            (4..=6).contains(&appendix.subsections.len()),
            "{name}: {} worked examples",
            appendix.subsections.len()
        );
        let deck = lib
            .deck(&DeckId::from("worked_examples"))
            .expect("the worked examples deck");
        let verdicts = lib.deck_verdicts(deck, &p.questionnaire, &answers, &filled);
        for (example, verdict) in appendix.subsections.iter().zip(&verdicts) {
            // The appendix says what trainer mode says, and names the
            // sections where the cited clauses are in this policy.
            let says = |want: &str| {
                example.blocks.iter().any(|b| match &b.kind {
                    BlockKind::Paragraph(t) | BlockKind::Notice(t) => t.to_plain().contains(want),
                    _ => false,
                })
            };
            assert!(
                says(&format!("Verdict: {}.", verdict.kind.label())),
                "{name}: {}",
                example.title
            );
            assert!(!verdict.citations.is_empty(), "{name}: {}", example.title);
            for c in &verdict.citations {
                assert!(
                    filled
                        .all_sections()
                        .iter()
                        .any(|s| s.number == c.number && s.title == c.title),
                    "{name}: {} cites {} {}, which is not in its policy",
                    example.title,
                    c.number,
                    c.title
                );
                assert!(says(&c.number), "{name}: {} does not name {}", example.title, c.number);
            }
            verdict_lines.insert((example.title.clone(), verdict.kind.id()));
        }
    }
    let differing = verdict_lines
        .iter()
        .filter(|(title, _)| verdict_lines.iter().filter(|(t, _)| t == title).count() > 1)
        .count();
    assert!(differing > 0, "every sample gets the same verdicts: {verdict_lines:?}");
}

#[test]
fn a_quiz_handout_names_the_organization_and_keeps_every_verdict_for_the_back() {
    let p = policy();
    let lib = scenarios(&p);
    let answers = sample("ontario-hospital");
    let policy_doc = fill(&p.questionnaire, &p.library, &answers);
    let deck = lib.deck(&DeckId::from("privacy_basics")).expect("deck");
    let verdicts = lib.deck_verdicts(deck, &p.questionnaire, &answers, &policy_doc);
    let plain = lib.handout(deck, &verdicts, &policy_doc);
    assert_eq!(plain.cover.organization, policy_doc.cover.organization);
    assert!(!plain.cover.organization.is_empty());
    let quiz = lib.handout_with(deck, &verdicts, &policy_doc, &HandoutOptions { verdicts_at_back: true });
    assert_eq!(quiz.cover.organization, policy_doc.cover.organization);
    let (back, scenarios_first) = quiz.sections.split_last().expect("sections");
    assert_eq!(back.title, "Verdicts");
    assert_eq!(back.subsections.len(), deck.scenarios.len());
    assert_eq!(scenarios_first.len(), deck.scenarios.len());
    for s in scenarios_first {
        assert!(!s.to_plain().contains("Verdict: "), "{}", s.title);
    }
    let verdict_lines = back.to_plain().matches("Verdict: ").count();
    assert_eq!(verdict_lines, deck.scenarios.len());
    assert_eq!(
        quiz.to_plain().matches("Verdict: ").count(),
        plain.to_plain().matches("Verdict: ").count()
    );
}

// ---------------------------------------------------------------------------
// Scenarios fit the kind of organization

/// Every sample as it is, and every sample again as each kind of
/// organization (`org_type`), named `sample as kind`.
fn every_kind_of_every_sample(p: &Policy) -> Vec<(String, Answers)> {
    let org_type = QuestionId::from("org_type");
    let kinds: Vec<String> = match p.questionnaire.question(&org_type).map(|q| &q.kind) {
        Some(QuestionKind::OneOf(choices)) => choices.iter().map(|c| c.id.clone()).collect(),
        other => panic!("org_type is not a one-of question: {other:?}"),
    };
    assert!(kinds.len() >= 10, "{kinds:?}");
    let mut out = Vec::new();
    for (name, answers) in samples() {
        for kind in &kinds {
            let mut a = answers.clone();
            a.set(org_type.clone(), text(kind));
            out.push((format!("{name} as {kind}"), a));
        }
        out.push((name, answers));
    }
    out
}

/// The words a kind of organization would not use of itself, written here
/// apart from the scenario file's settings: a clinic or a care home has no
/// wards, porters or emergency department; a practice without nurses has
/// no nurse; a care home speaks of residents, not patients.
fn foreign_words(kind: &str) -> Vec<&'static str> {
    let not_a_hospital = [
        "ward",
        "wards",
        "bed number",
        "bed numbers",
        "in their beds",
        "emergency department",
        "nurses' station",
        "porter",
        "porters",
        "maternity",
        "name band",
        "children's ward",
        "cancer ward",
        "pager",
    ];
    let mut words = Vec::new();
    if kind != "hospital" {
        words.extend(not_a_hospital);
    }
    if matches!(kind, "allied_health" | "dental" | "pharmacy" | "charity" | "research") {
        words.extend(["nurse", "nurses", "nurse's"]);
    }
    if kind == "long_term_care" {
        words.extend(["patient", "patients", "patient's", "waiting room"]);
    }
    words
}

/// Whether `text` holds `phrase` as whole words, in any case.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase().replace('\u{2019}', "'");
    let is_word = |c: char| c.is_alphanumeric() || c == '\'';
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        // "patient" is not found in "patient's", which has its own entry.
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[test]
fn the_phrase_matcher_finds_whole_words_only() {
    assert!(has_phrase("A Ward clerk", "ward"));
    assert!(has_phrase("on the ward.", "ward"));
    assert!(!has_phrase("walks toward them", "ward"));
    assert!(!has_phrase("a wardrobe", "ward"));
    assert!(has_phrase("the patient's file", "patient's"));
    assert!(!has_phrase("the patient's file", "patient"));
    assert!(has_phrase("at the nurses' station", "nurses' station"));
}

#[test]
fn every_card_handout_and_explanation_reads_in_the_words_of_its_kind_of_organization() {
    let p = policy();
    let lib = scenarios(&p);
    let mut wrong = BTreeSet::new();
    for (name, answers) in every_kind_of_every_sample(&p) {
        let kind = answers
            .text(&QuestionId::from("org_type"))
            .unwrap_or_default()
            .to_owned();
        let is_sample = !name.contains(" as ");
        // The organization's own answers (a form's name with "Patient" in
        // it) are its words, not the scenario's: they are left out of the
        // check for foreign words.
        let own: Vec<String> = p
            .questionnaire
            .questions()
            .filter_map(|q| answers.text(&q.id))
            .filter(|t| t.len() > 3)
            .map(str::to_owned)
            .collect();
        let doc = fill(&p.questionnaire, &p.library, &answers);
        for v in lib.verdicts(&p.questionnaire, &answers, &doc) {
            let at = format!("{}, {name}", v.scenario);
            if !v.problems.is_empty() {
                wrong.insert(format!("{at}: {:?}", v.problems));
            }
            let explanation = v.explanation.to_plain();
            for (part, text) in [
                ("title", v.text.title.as_str()),
                ("situation", v.text.situation.as_str()),
                ("explanation", explanation.as_str()),
            ] {
                if text.trim().is_empty() {
                    wrong.insert(format!("{at}: the {part} is empty"));
                }
                for mark in ["{{", "}}", "{%", "%}", "setting."] {
                    if text.contains(mark) {
                        wrong.insert(format!("{at}: the {part} holds {mark:?}: {text}"));
                    }
                }
                // A sample answers every question its cards read, so no
                // placeholder shows on its cards.
                if is_sample && part != "explanation" && text.contains('[') {
                    wrong.insert(format!("{at}: the {part} holds a placeholder: {text}"));
                }
                let template_text = own.iter().fold(text.to_owned(), |t, a| t.replace(a.as_str(), " "));
                for word in foreign_words(&kind) {
                    if has_phrase(&template_text, word) {
                        wrong.insert(format!("{at}: the {part} says {word:?}: {text}"));
                    }
                }
            }
            if is_sample && !placeholders(&v.explanation).is_empty() {
                wrong.insert(format!("{at}: placeholders {:?}", placeholders(&v.explanation)));
            }
        }
    }
    let shown: Vec<&String> = wrong.iter().take(40).collect();
    assert!(wrong.is_empty(), "{} problems, the first:\n{shown:#?}", wrong.len());
}

#[test]
fn a_physiotherapy_practice_reads_of_its_front_desk_where_a_hospital_reads_of_its_nurses_station() {
    let p = policy();
    let lib = scenarios(&p);
    let selfie = lib
        .scenario(&ScenarioId::from("whiteboard_selfie"))
        .expect("the selfie");
    let physio = lib.read(selfie, &p.questionnaire, &sample("australia-allied-health"));
    assert_eq!(physio.title, "A team selfie at the front desk");
    assert!(physio.situation.contains("appointment times"), "{}", physio.situation);
    assert!(!physio.situation.contains("bed numbers"), "{}", physio.situation);
    let hospital = lib.read(selfie, &p.questionnaire, &sample("ontario-hospital"));
    assert_eq!(hospital.title, "A team selfie at the nurses' station");
    assert!(hospital.situation.contains("bed numbers"), "{}", hospital.situation);
    let home = lib.read(selfie, &p.questionnaire, &sample("quebec-long-term-care"));
    assert!(
        home.situation.contains("residents' names and room numbers"),
        "{}",
        home.situation
    );
    // The unanswered kind reads a setting too, never a placeholder.
    let blank = lib.read(selfie, &p.questionnaire, &Answers::default());
    assert_eq!(blank.title, "A team selfie at the front desk");
}

#[test]
fn the_cards_the_handout_and_the_worked_examples_show_the_same_fitted_text() {
    let p = policy();
    let lib = scenarios(&p);
    for (name, answers) in samples() {
        let filled = fill(&p.questionnaire, &p.library, &answers);
        let deck = lib
            .deck(&DeckId::from("worked_examples"))
            .expect("the worked examples deck");
        let verdicts = lib.deck_verdicts(deck, &p.questionnaire, &answers, &filled);
        let handout = lib.handout(deck, &verdicts, &filled);
        let appendix = lib
            .worked_examples(&p.questionnaire, &answers, &filled)
            .expect("an appendix");
        for ((id, section), example) in deck.scenarios.iter().zip(&handout.sections).zip(&appendix.subsections) {
            let scenario = lib.scenario(id).expect("a known scenario");
            let card = lib.read(scenario, &p.questionnaire, &answers);
            let at = format!("{id}, {name}");
            for shown in [section, example] {
                assert_eq!(shown.title, card.title, "{at}");
                let situation = shown.blocks.first().map(|b| match &b.kind {
                    BlockKind::Paragraph(t) => t.to_plain(),
                    _ => String::new(),
                });
                assert_eq!(situation.as_deref(), Some(card.situation.as_str()), "{at}");
            }
        }
    }
}

#[test]
fn every_deck_keeps_all_its_scenarios_for_every_sample() {
    // No scenario is left out for a kind of organization: each reads true
    // in every setting, so every sample gets whole decks.
    let p = policy();
    let lib = scenarios(&p);
    for (name, answers) in samples() {
        let filled = fill(&p.questionnaire, &p.library, &answers);
        for deck in &lib.decks {
            let verdicts = lib.deck_verdicts(deck, &p.questionnaire, &answers, &filled);
            assert_eq!(verdicts.len(), deck.scenarios.len(), "{name}, {}", deck.id);
        }
    }
}

const SETTINGS: &str = "\
version: 1
settings:
  question: org_type
  kinds:
    hospital: hospital
    primary_care: clinic
    dental: clinic
    allied_health: clinic
    pharmacy: clinic
    mental_health: clinic
    long_term_care: clinic
    home_care: clinic
    public_health: clinic
    charity: clinic
    research: clinic
  unanswered: clinic
  words:
    front_desk:
      hospital: the nurses' station
      clinic: the front desk
scenarios:
  - id: selfie
    title: 'A selfie at {{ setting.front_desk }}'
    situation: A nurse posts a selfie.
    rules:
      - verdict: fine_with_conditions
        explanation: Check the background.
        cites: [privacy.backgrounds]
";

fn settings_edited(from: &str, to: &str) -> String {
    assert!(SETTINGS.contains(from), "SETTINGS lacks {from:?}");
    SETTINGS.replacen(from, to, 1)
}

#[test]
fn the_settings_file_of_these_tests_loads_and_reads_its_words() {
    let p = policy();
    let lib = load(SETTINGS).unwrap_or_else(|d| panic!("{d}"));
    let read = lib.read(&lib.scenarios[0], &p.questionnaire, &sample("ontario-hospital"));
    assert_eq!(read.title, "A selfie at the nurses' station");
}

#[test]
fn an_unknown_setting_word_is_located() {
    let text = settings_edited("{{ setting.front_desk }}", "{{ setting.front_dsek }}");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:23:12: the text refers to \"setting.front_dsek\", which is not a question id or a setting word (settings.words)"]
    );
}

#[test]
fn a_kind_without_a_setting_and_a_word_without_a_wording_are_located() {
    let text = settings_edited("    research: clinic\n", "");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:5:5: the kind of organization \"research\" has no setting; add it here"]
    );
    let text = settings_edited("      clinic: the front desk\n", "");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:18:5: the setting word \"front_desk\" has no wording for the setting \"clinic\""]
    );
}

#[test]
fn an_unknown_kind_or_setting_and_a_wrong_question_are_located() {
    let text = settings_edited("    research: clinic\n", "    research: clinic\n    spa: clinic\n");
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0]
            .starts_with("scenarios.yaml:16:5: \"spa\" is not an option of \"org_type\"; the options are hospital, "),
        "{errs:?}"
    );
    let text = settings_edited(
        "      clinic: the front desk\n",
        "      clinic: the front desk\n      clinik: the desk\n",
    );
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:21:7: \"clinik\" is not a setting of `kinds` or `unanswered`; the settings are clinic, hospital"]
    );
    let text = settings_edited("question: org_type", "question: org_kind");
    assert_eq!(
        errors(&text),
        ["scenarios.yaml:3:13: there is no question \"org_kind\""]
    );
}
