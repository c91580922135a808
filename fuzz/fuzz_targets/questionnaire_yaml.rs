//! Loading a questionnaire (and a sample answers file, the other single
//! YAML file the app reads) from arbitrary text: either it loads or it
//! gives located diagnostics; it never panics, hangs or runs out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_builder::policy::model::answers::Answers;
use policy_builder::policy::model::questionnaire::Questionnaire;
use policy_builder::policy::sample::Sample;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Questionnaire::load("q.yaml", text) {
        Ok(q) => {
            // A checked questionnaire must work with no answers at all.
            let none = Answers::default();
            let _ = q.warnings(&none);
            let _ = q.unanswered_required(&none);
            assert!(q.check_answers(&none).is_empty());
        }
        Err(d) => {
            assert!(!d.is_empty(), "a refusal names at least one problem");
            for problem in d.iter() {
                assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
            }
        }
    }
    if let Ok(sample) = Sample::load("s.yaml", text) {
        let _ = sample.answers.0.len();
    }
});
