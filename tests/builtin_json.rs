//! The page reads the shipped templates as JSON that build.rs makes from
//! the YAML. Both forms must load to the same checked model, or the page
//! would show a policy other than the one the YAML (and every other test)
//! describes.

use policy_builder::policy::bundle::{Policy, QUESTIONNAIRE, QUESTIONNAIRE_JSON, SCENARIOS};
use policy_builder::policy::diag::SourceFile;
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::answers::Answers;
use policy_builder::policy::model::questionnaire::Questionnaire;
use policy_builder::policy::sample::{Sample, SAMPLES, SAMPLES_JSON};
use policy_builder::policy::trainer::scenario::ScenarioLibrary;

fn both() -> (Policy, Policy) {
    let json = Policy::builtin().unwrap_or_else(|d| panic!("{d}"));
    let yaml = Policy::builtin_yaml().unwrap_or_else(|d| panic!("{d}"));
    (json, yaml)
}

#[test]
fn the_json_questionnaire_is_the_yaml_questionnaire() {
    let yaml = Questionnaire::load(QUESTIONNAIRE.0, QUESTIONNAIRE.1).unwrap_or_else(|d| panic!("{d}"));
    let (file, json) = QUESTIONNAIRE_JSON;
    assert_eq!(file, QUESTIONNAIRE.0, "the JSON keeps the YAML file's name");
    let json = Questionnaire::from_source(&SourceFile::json(file, json)).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(json, yaml);
    assert!(json.questions().count() > 10, "the questionnaire is not empty");
}

#[test]
fn the_json_clause_libraries_are_the_yaml_ones() {
    let (json, yaml) = both();
    assert_eq!(json.questionnaire, yaml.questionnaire);
    assert_eq!(format!("{:?}", json.library), format!("{:?}", yaml.library));
    assert_eq!(
        format!("{:?}", json.quick_reference),
        format!("{:?}", yaml.quick_reference)
    );
    assert_eq!(
        format!("{:?}", json.approver_notes),
        format!("{:?}", yaml.approver_notes)
    );
    assert!(json.library.clauses().count() > 20, "the library is not empty");
}

#[test]
fn the_json_samples_are_the_yaml_samples() {
    assert_eq!(SAMPLES_JSON.len(), SAMPLES.len());
    let json = Sample::builtin();
    assert_eq!(json.len(), SAMPLES.len(), "every JSON sample parses");
    for ((file, text), (json_file, json_sample)) in SAMPLES.iter().zip(&json) {
        let yaml = Sample::load(file, text).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(file, json_file);
        assert_eq!(&yaml, json_sample, "{file}");
    }
}

#[test]
fn both_forms_fill_the_same_documents() {
    let (json, yaml) = both();
    let mut answer_sets: Vec<Answers> = Sample::builtin().into_iter().map(|(_, s)| s.answers).collect();
    answer_sets.push(Answers::default());
    for answers in &answer_sets {
        for (a, b) in [
            (&json.library, &yaml.library),
            (&json.quick_reference, &yaml.quick_reference),
        ] {
            assert_eq!(
                fill(&json.questionnaire, a, answers),
                fill(&yaml.questionnaire, b, answers)
            );
        }
    }
}

#[test]
fn the_json_scenarios_are_the_yaml_scenarios() {
    let (json, yaml) = both();
    let from_json = ScenarioLibrary::builtin(&json.questionnaire, &json.library).unwrap_or_else(|d| panic!("{d}"));
    let (file, text) = SCENARIOS;
    let from_yaml =
        ScenarioLibrary::load(file, text, &yaml.questionnaire, &yaml.library).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        format!("{:?}", from_json.scenarios),
        format!("{:?}", from_yaml.scenarios)
    );
    assert_eq!(format!("{:?}", from_json.decks), format!("{:?}", from_yaml.decks));
    assert!(!from_json.scenarios.is_empty());
}

#[test]
fn problems_in_json_name_their_path() {
    let q =
        "{\"version\": 1, \"title\": \"T\", \"sections\": [{\"id\": \"Bad Id\", \"title\": \"S\", \"questions\": []}]}";
    let err = Questionnaire::from_source(&SourceFile::json("q.yaml", q)).expect_err("a bad id is refused");
    let text = err.to_string();
    assert!(text.starts_with("q.yaml:1:1: sections[0].id: "), "{text}");
    let broken = Questionnaire::from_source(&SourceFile::json("q.yaml", "{\"version\": ")).expect_err("refused");
    assert_eq!(broken.0.len(), 1, "{broken}");
}
