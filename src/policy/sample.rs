//! Sample organizations: named answer sets shipped for demos, tests and
//! the benchmark.

use serde::Deserialize;

use super::answers::Answers;
use super::diag::{from_yaml, Diagnostics, SourceFile};

/// A sample organization.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// What the sample is called in the app.
    pub name: String,
    /// Its answers.
    pub answers: Answers,
}

/// The shipped samples, as (file name, text).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "samples/ontario-hospital.yaml",
        include_str!("../../policy-templates/samples/ontario-hospital.yaml"),
    ),
    (
        "samples/us-primary-care.yaml",
        include_str!("../../policy-templates/samples/us-primary-care.yaml"),
    ),
    (
        "samples/uk-nhs-community.yaml",
        include_str!("../../policy-templates/samples/uk-nhs-community.yaml"),
    ),
    (
        "samples/quebec-long-term-care.yaml",
        include_str!("../../policy-templates/samples/quebec-long-term-care.yaml"),
    ),
    (
        "samples/australia-allied-health.yaml",
        include_str!("../../policy-templates/samples/australia-allied-health.yaml"),
    ),
];

impl Sample {
    /// Parses a sample file.
    pub fn load(file: &str, text: &str) -> Result<Self, Diagnostics> {
        from_yaml(text).map_err(|e| SourceFile { name: file, text }.serde_error(&e))
    }
}
