//! Native timings of the pipeline, printed for the benchmark command
//! (`.ci/bench`). Not a test: it asserts nothing and only reports.
//!
//! With `BENCH_DOCUMENT_JSON` set to a path, it also writes the longest
//! sample's Document there as JSON, for the side-by-side comparison with
//! jsPDF and pdfmake in `tests/bench/browser.mjs`.

use std::time::{Duration, Instant};

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::document::Document;
use policy_builder::policy::files::review::Review;
use policy_builder::policy::fill::finish::{self, PolicyOptions};
use policy_builder::policy::fill::{fill, FillMemo};
use policy_builder::policy::model::answers::Answer;
use policy_builder::policy::model::ids::QuestionId;
use policy_builder::policy::render::layout::{layout, Fonts, BOLD, REGULAR};
use policy_builder::policy::render::pdf::{render_pdf, render_quick_reference, write_pdf};
use policy_builder::policy::sample::{Sample, SAMPLES};
use policy_builder::policy::trainer::scenario::ScenarioLibrary;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn fail(message: impl std::fmt::Display) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

fn main() {
    let policy = Policy::builtin().unwrap_or_else(|d| fail(format!("templates do not load:\n{d}")));
    let runs = 25;
    // The preview's Document: the filled policy and its worked examples.
    let scenarios = ScenarioLibrary::builtin(&policy.questionnaire, &policy.library)
        .unwrap_or_else(|d| fail(format!("scenarios do not load:\n{d}")));
    let mut longest: Option<(usize, String, Document)> = None;
    for (file, text) in SAMPLES {
        let sample = Sample::load(file, text).unwrap_or_else(|d| fail(d));
        let mut fills = Vec::new();
        let mut drafts = Vec::new();
        let mut pdfs = Vec::new();
        let mut quick = Vec::new();
        let mut size = 0;
        let mut pages = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let doc = fill(&policy.questionnaire, &policy.library, &sample.answers);
            fills.push(t.elapsed());
            let t = Instant::now();
            finish::draft(&policy, &policy.library, Some(&scenarios), &sample.answers);
            drafts.push(t.elapsed());
            let t = Instant::now();
            let pdf = render_pdf(&doc).unwrap_or_else(|e| fail(format!("pdf failed: {e}")));
            pdfs.push(t.elapsed());
            size = pdf.bytes.len();
            pages = pdf.pages;
            let sheet = fill(&policy.questionnaire, &policy.quick_reference, &sample.answers);
            let t = Instant::now();
            render_quick_reference(&sheet).unwrap_or_else(|e| fail(format!("pdf failed: {e}")));
            quick.push(t.elapsed());
        }
        println!(
            "native  {:<44} fill  median {:>8.3} ms ({runs} runs)",
            sample.name,
            ms(median(fills))
        );
        println!(
            "native  {:<44} draft median {:>8.3} ms ({runs} runs; fill and worked examples, as the preview)",
            sample.name,
            ms(median(drafts))
        );
        // The preview's Document after a keystroke in the organization's
        // name, as the session makes it (a remembered fill).
        let mut memo = FillMemo::new();
        let mut typed = sample.answers.clone();
        finish::draft_remembering(&policy, &policy.library, Some(&scenarios), &typed, &mut memo);
        let name = QuestionId::from("legal_name");
        let mut keys = Vec::new();
        for i in 0..runs {
            typed.set(name.clone(), Answer::Text(format!("{} {i}", sample.name)));
            let t = Instant::now();
            finish::draft_remembering(&policy, &policy.library, Some(&scenarios), &typed, &mut memo);
            keys.push(t.elapsed());
        }
        println!(
            "native  {:<44} keystroke median {:>8.3} ms ({runs} runs; the draft again after one in the legal name)",
            sample.name,
            ms(median(keys))
        );
        println!(
            "native  {:<44} pdf   median {:>8.3} ms ({runs} runs), {pages} pages, {size} bytes; quick reference {:.3} ms",
            sample.name,
            ms(median(pdfs)),
            ms(median(quick))
        );
        // The Document the worker is given: the filled policy finished for
        // export, as the app finishes it for a draft nobody has reviewed.
        let filled = fill(&policy.questionnaire, &policy.library, &sample.answers);
        let doc = finish::policy(&filled, &Review::default(), PolicyOptions::default());
        let words = doc.to_plain().split_whitespace().count();
        if longest.as_ref().is_none_or(|(w, _, _)| words > *w) {
            longest = Some((words, sample.name.clone(), doc));
        }
    }
    let Some((words, name, doc)) = longest else { return };
    // Where the time of the longest goes: layout, then writing the PDF.
    let fonts = Fonts::new(REGULAR, BOLD).unwrap_or_else(|e| fail(e));
    let mut lays = Vec::new();
    let mut writes = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let laid = layout(&doc, &fonts);
        lays.push(t.elapsed());
        let t = Instant::now();
        write_pdf(&doc, policy_builder::policy::document::DocumentKind::Policy, &laid)
            .unwrap_or_else(|e| fail(format!("pdf failed: {e}")));
        writes.push(t.elapsed());
    }
    println!(
        "native  longest ({name}, {words} words): layout {:.3} ms, PDF writing {:.3} ms (medians)",
        ms(median(lays)),
        ms(median(writes))
    );
    if let Ok(path) = std::env::var("BENCH_DOCUMENT_JSON") {
        let json = serde_json::to_string(&doc).unwrap_or_else(|e| fail(e));
        std::fs::write(&path, json).unwrap_or_else(|e| fail(format!("{path}: {e}")));
    }
}
