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

/// `(file name, YAML text)` of a shipped sample.
#[cfg(feature = "yaml")]
macro_rules! yaml {
    ($stem:literal) => {
        (
            concat!("samples/", $stem, ".yaml"),
            include_str!(concat!("../../policy-templates/samples/", $stem, ".yaml")),
        )
    };
}

/// The shipped samples, as (file name, YAML text).
#[cfg(feature = "yaml")]
pub const SAMPLES: &[(&str, &str)] = &[
    yaml!("ontario-hospital"),
    yaml!("us-primary-care"),
    yaml!("uk-nhs-community"),
    yaml!("quebec-long-term-care"),
    yaml!("australia-allied-health"),
];

/// [`SAMPLES`] as JSON, as build.rs wrote them (under the YAML file names).
pub const SAMPLES_JSON: &[(&str, &str)] = &[
    crate::policy::bundle::json!("samples/ontario-hospital"),
    crate::policy::bundle::json!("samples/us-primary-care"),
    crate::policy::bundle::json!("samples/uk-nhs-community"),
    crate::policy::bundle::json!("samples/quebec-long-term-care"),
    crate::policy::bundle::json!("samples/australia-allied-health"),
];

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
