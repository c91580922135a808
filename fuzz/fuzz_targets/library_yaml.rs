//! Loading a clause library from arbitrary text against the shipped
//! questionnaire, then filling whatever loads with the shipped samples'
//! answers and with none: no panic, hang or runaway memory anywhere.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policy_builder::policy::model::answers::Answers;
use policy_builder::policy::bundle::QUESTIONNAIRE;
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::library::ClauseLibrary;
use policy_builder::policy::model::questionnaire::Questionnaire;
use policy_builder::policy::sample::{Sample, SAMPLES};

struct Shipped {
    questionnaire: Questionnaire,
    answers: Vec<Answers>,
}

fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let questionnaire =
            Questionnaire::load(QUESTIONNAIRE.0, QUESTIONNAIRE.1).expect("the shipped questionnaire loads");
        let mut answers = vec![Answers::default()];
        for (name, text) in SAMPLES {
            answers.push(Sample::load(name, text).expect("the shipped samples load").answers);
        }
        Shipped { questionnaire, answers }
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let shipped = shipped();
    match ClauseLibrary::load("clauses.yaml", text, &shipped.questionnaire) {
        Ok(library) => {
            for answers in &shipped.answers {
                let doc = fill(&shipped.questionnaire, &library, answers);
                let _ = doc.to_plain();
            }
        }
        Err(d) => {
            assert!(!d.is_empty(), "a refusal names at least one problem");
            for problem in d.iter() {
                assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
            }
        }
    }
});
