//! Sample organizations: named answer sets shipped for demos, tests and
//! the benchmark.

use serde::Deserialize;

#[cfg(feature = "yaml")]
use crate::policy::diag::Diagnostics;
use crate::policy::diag::SourceFile;
use crate::policy::model::answers::Answers;

/// A sample organization.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// What the sample is called in the app.
    pub name: String,
    /// Its answers.
    pub answers: Answers,
}

#[cfg(feature = "yaml")]
pub use crate::policy::bundle::SAMPLES;
pub use crate::policy::bundle::SAMPLES_JSON;

impl Sample {
    /// Parses a YAML sample file.
    #[cfg(feature = "yaml")]
    pub fn load(file: &str, text: &str) -> Result<Self, Diagnostics> {
        SourceFile::yaml(file, text).parse()
    }

    /// The shipped samples as (file name, sample), read from their JSON.
    /// Samples that fail to parse are left out; the content tests check
    /// that every one loads.
    pub fn builtin() -> Vec<(&'static str, Self)> {
        SAMPLES_JSON
            .iter()
            .filter_map(|(file, json)| SourceFile::json(file, json).parse().ok().map(|s| (*file, s)))
            .collect()
    }
}
