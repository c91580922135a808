//! Prints, as JSON, the finished policy Document of an answer file: what
//! the app hands its PDF worker when "Export PDF" is pressed with the
//! approval record included. The browser tests compare the two, so that
//! the exported Document is the one `fill::finish` makes natively.
//!
//! `cargo run --example finish -- answers.yaml [YYYY-MM-DD]`: with a date
//! (the page's today), the review and revision history is appended as the
//! export appends it.

use std::process::ExitCode;

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::files::answer_file;
use policy_builder::policy::fill::finish::{self, History, PolicyOptions};
use policy_builder::policy::trainer::scenario::ScenarioLibrary;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: finish <answer file> [today as YYYY-MM-DD]");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let policy = match Policy::builtin_yaml() {
        Ok(policy) => policy,
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::FAILURE;
        }
    };
    let draft = match answer_file::read(&path, &text, &policy.questionnaire) {
        Ok(draft) => draft,
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::FAILURE;
        }
    };
    if draft.library.is_some() {
        eprintln!("{path}: drafts with their own clause library are not supported here");
        return ExitCode::FAILURE;
    }
    let scenarios = ScenarioLibrary::builtin(&policy.questionnaire, &policy.library).ok();
    let filled = finish::draft(&policy, &policy.library, scenarios.as_ref(), &draft.answers);
    let today = std::env::args().nth(2);
    let options = PolicyOptions {
        history: today.as_deref().map(|today| History {
            answers: &draft.answers,
            today,
        }),
        ..PolicyOptions::default()
    };
    let finished = finish::policy(&filled, &draft.review, options);
    match serde_json::to_string(&finished) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
