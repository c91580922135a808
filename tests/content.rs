//! The shipped content: every file loads, every question and clause can be
//! reached, every sample organization fills completely with the warnings
//! it is meant to have, reads at grade 10 or lower, and matches its
//! reviewed snapshot; the coverage map names real clauses for every topic.

use std::collections::{BTreeMap, BTreeSet};

use policy_builder::policy::document::DocumentKind;
use policy_builder::policy::document::{BlockKind, Document, Run, Text};
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::answers::{Answer, Answers};
use policy_builder::policy::model::library::{ClauseBody, ClauseLibrary};
use policy_builder::policy::model::questionnaire::Questionnaire;
use policy_builder::policy::readability::document_counts;
use policy_builder::policy::render::layout::{layout_as, Fonts, BOLD, REGULAR};
use serde::Deserialize;

mod common;
use common::{neighbours, policy, samples};

/// Every run of a text, for finding placeholders.
fn texts(doc: &Document) -> Vec<&Text> {
    doc.all_sections()
        .into_iter()
        .flat_map(|s| s.blocks.iter())
        .flat_map(|b| match &b.kind {
            BlockKind::Paragraph(t) | BlockKind::Notice(t) => vec![t],
            BlockKind::Bullets(items) | BlockKind::Numbered(items) => items.iter().collect(),
        })
        .collect()
}

fn placeholders(doc: &Document) -> Vec<String> {
    texts(doc)
        .into_iter()
        .flat_map(|t| t.0.iter())
        .filter_map(|r| match r {
            Run::Missing { question, .. } => Some(question.to_string()),
            Run::Plain(_) => None,
        })
        .collect()
}

#[test]
fn every_sample_answers_every_question_it_is_shown_with_fitting_answers() {
    let p = policy();
    for (name, sample) in samples() {
        assert_eq!(p.questionnaire.check_answers(&sample.answers), vec![], "{name}");
        let visible = p.questionnaire.visible_answers(&sample.answers);
        let unanswered: Vec<_> = p
            .questionnaire
            .questions()
            .filter(|q| p.questionnaire.is_shown(q, &visible) && visible.get(&q.id).is_none())
            .map(|q| q.id.to_string())
            .collect();
        assert_eq!(
            unanswered,
            Vec::<String>::new(),
            "{name} leaves shown questions unanswered"
        );
    }
}

#[test]
fn every_sample_fills_completely_with_no_placeholder_or_problem() {
    let p = policy();
    for (name, sample) in samples() {
        for lib in [&p.library, &p.quick_reference] {
            let doc = fill(&p.questionnaire, lib, &sample.answers);
            assert!(doc.problems.is_empty(), "{name}: {:?}", doc.problems);
            assert_eq!(placeholders(&doc), Vec::<String>::new(), "{name}");
        }
    }
}

#[test]
fn each_sample_has_exactly_the_consistency_warnings_it_is_meant_to_have() {
    let expected: BTreeMap<&str, &[&str]> = EXPECTED_WARNINGS.iter().copied().collect();
    let p = policy();
    for (name, sample) in samples() {
        let got: Vec<&str> = p
            .questionnaire
            .warnings(&sample.answers)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        let want = expected
            .get(name.as_str())
            .unwrap_or_else(|| panic!("no expectation for {name}"));
        assert_eq!(got, want.to_vec(), "{name}");
    }
}

/// The warnings each sample is written to trigger, as check ids.
const EXPECTED_WARNINGS: &[(&str, &[&str])] = &[
    ("ontario-hospital", &[]),
    ("us-primary-care", &["us_retention_unconfirmed"]),
    ("uk-nhs-community", &["anyone_posts_without_approval"]),
    ("quebec-long-term-care", &[]),
    ("australia-allied-health", &["encouraged_without_practice_space"]),
];

#[test]
fn every_sample_policy_reads_at_grade_10_or_lower() {
    let p = policy();
    for (name, sample) in samples() {
        for lib in [&p.library, &p.quick_reference] {
            let doc = fill(&p.questionnaire, lib, &sample.answers);
            let counts = document_counts(&doc);
            assert!(counts.words > 0, "{name}");
            let grade = counts.grade();
            assert!(
                grade <= 10.0,
                "{name}: {} reads at grade {grade:.1} ({counts:?})",
                doc.title
            );
        }
    }
}

#[test]
fn every_sample_policy_matches_its_reviewed_snapshot() {
    let p = policy();
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        insta::assert_yaml_snapshot!(format!("policy-{name}"), doc);
        let quick = fill(&p.questionnaire, &p.quick_reference, &sample.answers);
        insta::assert_yaml_snapshot!(format!("quick-reference-{name}"), quick);
    }
}

#[test]
fn every_sample_exports_a_pdf_with_its_name_and_every_glyph() {
    let p = policy();
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        let pdf = policy_builder::policy::render::pdf::render_pdf(&doc).expect("pdf");
        assert_eq!(pdf.missing_glyphs, Vec::<char>::new(), "{name}");
        let parsed = lopdf::Document::load_mem(&pdf.bytes).expect("a readable PDF");
        let pages: Vec<u32> = parsed.get_pages().keys().copied().collect();
        assert_eq!(pages.len(), pdf.pages, "{name}");
        let text = parsed
            .extract_text(&pages)
            .expect("text")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&doc.author), "{name}: the PDF lacks {}", doc.author);
        assert!(text.contains("not legal advice"), "{name}");
    }
}

#[test]
fn a_breach_deadline_without_anyone_to_tell_is_flagged() {
    let p = policy();
    let mut answers = Answers::default();
    answers.set("breach_report_time".into(), Answer::Text("immediately".into()));
    let ids: Vec<&str> = p
        .questionnaire
        .warnings(&answers)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert!(ids.contains(&"breach_deadline_without_contact"), "{ids:?}");
    answers.set("privacy_contact".into(), Answer::Text("the Privacy Office".into()));
    let ids: Vec<&str> = p
        .questionnaire
        .warnings(&answers)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert!(!ids.contains(&"breach_deadline_without_contact"), "{ids:?}");
}

#[test]
fn the_quick_reference_fits_on_one_page_for_every_sample() {
    let p = policy();
    let fonts = Fonts::new(REGULAR, BOLD).expect("fonts");
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.quick_reference, &sample.answers);
        assert_eq!(
            layout_as(&doc, &fonts, DocumentKind::QuickReference).pages.len(),
            1,
            "{name}"
        );
    }
}

#[test]
fn every_clause_names_its_sources() {
    let p = policy();
    for lib in [&p.library, &p.quick_reference] {
        for clause in lib.clauses() {
            assert!(!clause.sources.is_empty(), "clause {} names no source", clause.id);
        }
    }
}

/// What some answer set reaches: questions shown, clauses and list items included.
#[derive(Default)]
struct Reached {
    questions: BTreeSet<String>,
    clauses: BTreeSet<String>,
    items: BTreeSet<(String, usize)>,
}

impl Reached {
    /// Records what `answers` reach; true if anything is new.
    fn record(&mut self, q: &Questionnaire, libs: &[&ClauseLibrary], answers: &Answers) -> bool {
        let visible = q.visible_answers(answers);
        let mut new = false;
        for question in q.questions() {
            if q.is_shown(question, &visible) {
                new |= self.questions.insert(question.id.to_string());
            }
        }
        for lib in libs {
            for section in &lib.sections {
                if !section.when.as_ref().is_none_or(|c| c.holds(&visible)) {
                    continue;
                }
                for clause in &section.clauses {
                    if !clause.when.as_ref().is_none_or(|c| c.holds(&visible)) {
                        continue;
                    }
                    new |= self.clauses.insert(clause.id.to_string());
                    if let ClauseBody::Bullets(items) | ClauseBody::Numbered(items) = &clause.body {
                        for (i, item) in items.iter().enumerate() {
                            if item.when.as_ref().is_none_or(|c| c.holds(&visible)) {
                                new |= self.items.insert((clause.id.to_string(), i));
                            }
                        }
                    }
                }
            }
        }
        new
    }
}

#[test]
fn every_question_clause_and_list_item_is_reachable_by_some_answers() {
    let p = policy();
    let libs = [&p.library, &p.quick_reference];
    let mut reached = Reached::default();
    // Explore outwards from the samples and from a blank draft, keeping
    // every answer set that reaches something new.
    let mut queue: Vec<Answers> = samples().into_iter().map(|(_, s)| s.answers).collect();
    queue.push(Answers::default());
    for a in &queue {
        reached.record(&p.questionnaire, &libs, a);
    }
    while let Some(answers) = queue.pop() {
        for next in neighbours(&p.questionnaire, &answers) {
            if reached.record(&p.questionnaire, &libs, &next) {
                queue.push(next);
            }
        }
    }
    let unreached_questions: Vec<_> = p
        .questionnaire
        .questions()
        .map(|q| q.id.to_string())
        .filter(|id| !reached.questions.contains(id))
        .collect();
    assert_eq!(unreached_questions, Vec::<String>::new());
    let mut unreached = Vec::new();
    for lib in libs {
        for clause in lib.clauses() {
            if !reached.clauses.contains(clause.id.as_str()) {
                unreached.push(clause.id.to_string());
            }
            if let ClauseBody::Bullets(items) | ClauseBody::Numbered(items) = &clause.body {
                for i in 0..items.len() {
                    if !reached.items.contains(&(clause.id.to_string(), i)) {
                        unreached.push(format!("{} item {}", clause.id, i + 1));
                    }
                }
            }
        }
    }
    assert_eq!(unreached, Vec::<String>::new(), "clauses no answers can include");
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Coverage {
    topics: Vec<Topic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Topic {
    id: String,
    topic: String,
    decides: String,
    clauses: Vec<String>,
}

#[test]
fn every_topic_of_the_coverage_map_has_clauses_that_exist() {
    let text = include_str!("../policy-templates/coverage.yaml");
    let coverage: Coverage = serde_yaml::from_str(text).expect("coverage.yaml parses");
    let p = policy();
    let ids: BTreeSet<String> = p
        .library
        .clauses()
        .chain(p.quick_reference.clauses())
        .map(|c| c.id.to_string())
        .collect();
    assert!(
        coverage.topics.len() >= 20,
        "the map should list every topic of the content brief"
    );
    for topic in &coverage.topics {
        assert!(!topic.topic.is_empty() && !topic.decides.is_empty(), "{}", topic.id);
        assert!(!topic.clauses.is_empty(), "topic {} has no clause", topic.id);
        for clause in &topic.clauses {
            assert!(
                ids.contains(clause),
                "topic {} names clause {clause}, which does not exist",
                topic.id
            );
        }
    }
}
