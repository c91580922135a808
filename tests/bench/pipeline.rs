//! Native timings of the pipeline, printed for the benchmark command
//! (`.ci/bench`). Not a test: it asserts nothing and only reports.

use std::time::{Duration, Instant};

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::fill::fill;
use policy_builder::policy::pdf::render_pdf;
use policy_builder::policy::sample::{Sample, SAMPLES};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let policy = match Policy::builtin() {
        Ok(p) => p,
        Err(d) => {
            eprintln!("templates do not load:\n{d}");
            std::process::exit(1);
        }
    };
    for (file, text) in SAMPLES {
        let sample = match Sample::load(file, text) {
            Ok(s) => s,
            Err(d) => {
                eprintln!("{d}");
                std::process::exit(1);
            }
        };
        let runs = 25;
        let mut fills = Vec::new();
        let mut pdfs = Vec::new();
        let mut size = 0;
        let mut pages = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let doc = fill(&policy.questionnaire, &policy.library, &sample.answers);
            fills.push(t.elapsed());
            let t = Instant::now();
            match render_pdf(&doc) {
                Ok(pdf) => {
                    size = pdf.bytes.len();
                    pages = pdf.pages;
                }
                Err(e) => {
                    eprintln!("pdf failed: {e}");
                    std::process::exit(1);
                }
            }
            pdfs.push(t.elapsed());
        }
        println!(
            "native  {:<44} fill  median {:>8.3} ms ({runs} runs)",
            sample.name,
            median(fills).as_secs_f64() * 1e3
        );
        println!(
            "native  {:<44} pdf   median {:>8.3} ms ({runs} runs), {pages} pages, {size} bytes",
            sample.name,
            median(pdfs).as_secs_f64() * 1e3
        );
    }
}
