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

use policy_builder::policy::bundle::Policy;
use policy_builder::policy::document::{BlockKind, Document, Run};
use policy_builder::policy::fill::fill;
use policy_builder::policy::sample::{Sample, SAMPLES};

/// The shipped templates in French, loaded and checked.
fn french() -> Policy {
    match Policy::builtin_in(FRENCH) {
        Ok(p) => p,
        Err(d) => panic!("the French templates have problems:\n{d}"),
    }
}

/// Every sample in French, by its file's stem.
fn french_samples(p: &Policy) -> Vec<(String, Sample)> {
    SAMPLES
        .iter()
        .map(|(file, text)| {
            let english = Sample::load(file, text).unwrap_or_else(|d| panic!("{d}"));
            let sample = english
                .in_language(file, FRENCH, &p.questionnaire)
                .unwrap_or_else(|d| panic!("{d}"));
            (file.trim_start_matches("samples/").trim_end_matches(".yaml").to_owned(), sample)
        })
        .collect()
}

/// Every line of text in `doc`: title, cover, headings and blocks.
fn lines(doc: &Document) -> Vec<String> {
    let mut out = vec![doc.title.clone()];
    let c = &doc.cover;
    for t in [&c.organization, &c.short_name, &c.owner, &c.purpose, &c.contact, &c.effective_date, &c.next_review] {
        out.push(t.to_plain());
    }
    for section in doc.all_sections() {
        out.push(section.title.clone());
        for block in &section.blocks {
            match &block.kind {
                BlockKind::Paragraph(t) | BlockKind::Notice(t) => out.push(t.to_plain()),
                BlockKind::Bullets(items) | BlockKind::Numbered(items) => {
                    out.extend(items.iter().map(|t| t.to_plain()));
                }
            }
        }
    }
    out.retain(|l| !l.trim().is_empty());
    out
}

fn placeholders(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for section in doc.all_sections() {
        for block in &section.blocks {
            let texts: Vec<_> = match &block.kind {
                BlockKind::Paragraph(t) | BlockKind::Notice(t) => vec![t],
                BlockKind::Bullets(items) | BlockKind::Numbered(items) => items.iter().collect(),
            };
            for t in texts {
                for run in &t.0 {
                    if let Run::Missing { question, .. } = run {
                        out.push(question.to_string());
                    }
                }
            }
        }
    }
    out
}

#[test]
fn the_french_content_loads_as_a_whole_and_says_it_is_french() {
    let p = french();
    for lib in [&p.library, &p.quick_reference, &p.approver_notes] {
        assert_eq!(lib.language, FRENCH);
    }
    assert!(p.questionnaire.title.starts_with("Questions pour"), "{}", p.questionnaire.title);
    let english = Policy::builtin_yaml().expect("the English loads");
    assert_eq!(
        english.library.clauses().map(|c| c.id.clone()).collect::<Vec<_>>(),
        p.library.clauses().map(|c| c.id.clone()).collect::<Vec<_>>(),
        "the French has the English clauses in the English order"
    );
    assert_eq!(english.questionnaire.checks.len(), p.questionnaire.checks.len());
}

#[test]
fn the_quebec_sample_says_its_policy_is_french() {
    let p = french();
    let (_, quebec) = french_samples(&p)
        .into_iter()
        .find(|(name, _)| name == "quebec-long-term-care")
        .expect("the Quebec sample");
    assert_eq!(quebec.language, FRENCH);
    assert_eq!(quebec.name, "Centre d'hébergement Saint-Éloi (Québec)");
}

#[test]
fn every_sample_fills_in_french_with_no_placeholder_and_the_french_tag() {
    let p = french();
    for (name, sample) in french_samples(&p) {
        for lib in [&p.library, &p.quick_reference, &p.approver_notes] {
            let doc = fill(&p.questionnaire, lib, &sample.answers);
            assert!(doc.problems.is_empty(), "{name}: {:?}", doc.problems);
            assert_eq!(placeholders(&doc), Vec::<String>::new(), "{name}: {}", doc.title);
            assert_eq!(doc.language, "fr-CA", "{name}");
        }
    }
}
