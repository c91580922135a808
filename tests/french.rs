//! The policy content in Canadian French: every translation lays over its
//! English file with the same ids, texts and template variables (the parity
//! test), and the French content loads as a whole.

use policy_builder::policy::bundle::{translations, APPROVER_NOTES, CLAUSES, QUESTIONNAIRE, QUICK_REFERENCE};
use policy_builder::policy::diag::SourceFile;
use policy_builder::policy::model::language::Language;
use policy_builder::policy::model::translation::{lay_over, translation_name};

const FRENCH: Language = Language::CanadianFrench;

/// The English files that are translated, as (file name, YAML text).
fn english_files() -> Vec<(&'static str, &'static str)> {
    std::iter::once(QUESTIONNAIRE)
        .chain(CLAUSES.iter().copied())
        .chain([QUICK_REFERENCE, APPROVER_NOTES])
        .collect()
}

#[test]
fn every_french_file_has_the_english_ids_texts_and_variables() {
    let mut problems = Vec::new();
    for (name, text) in english_files() {
        let wanted = translation_name(name, FRENCH);
        let Some((file, french)) = translations(FRENCH).iter().find(|(n, _)| *n == wanted) else {
            continue;
        };
        if let Err(d) = lay_over(&SourceFile::yaml(name, text), &SourceFile::yaml(file, french), FRENCH) {
            problems.push(d.to_string());
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
