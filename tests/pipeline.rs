//! The pipeline end to end on the shipped templates: load, fill, lay out,
//! write a PDF and read its text back.

use policy_builder::policy::document::{BlockKind, Run};
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::answers::{Answer, Answers};
use policy_builder::policy::render::pdf::render_pdf;
use policy_builder::policy::sample::{Sample, SAMPLES};

mod common;
use common::policy;

/// The Ontario hospital sample: a complete answer set.
fn lakeside() -> Answers {
    let (file, text) = SAMPLES
        .iter()
        .find(|(file, _)| file.contains("ontario-hospital"))
        .copied()
        .expect("the Ontario hospital sample ships");
    match Sample::load(file, text) {
        Ok(sample) => sample.answers,
        Err(d) => panic!("{d}"),
    }
}

#[test]
fn shipped_templates_load_with_zero_diagnostics() {
    policy();
}

#[test]
fn a_complete_answer_set_fills_without_placeholders_or_warnings() {
    let p = policy();
    let answers = lakeside();
    assert_eq!(p.questionnaire.check_answers(&answers), vec![]);
    assert!(p.questionnaire.warnings(&answers).is_empty());
    let doc = fill(&p.questionnaire, &p.library, &answers);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert_eq!(doc.title, "Lakeside Social Media Policy");
    let text = doc.to_plain();
    assert!(!text.contains('['), "unexpected placeholder in:\n{text}");
    assert!(text.contains("Facebook, Instagram, LinkedIn and YouTube"), "{text}");
    assert!(text.contains("Media Consent Form MC-12"));
    assert!(text.contains("Personal Health Information Protection Act"));
}

#[test]
fn unanswered_questions_become_visible_placeholders() {
    let p = policy();
    let doc = fill(&p.questionnaire, &p.library, &Answers::default());
    assert_eq!(doc.title, "[organization's legal name] Social Media Policy");
    let placeholders: Vec<_> = doc
        .all_sections()
        .iter()
        .flat_map(|s| s.blocks.iter())
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph(t) | BlockKind::Notice(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| t.0.iter())
        .filter_map(|r| match r {
            Run::Missing { question, .. } => Some(question.as_str()),
            Run::Plain(_) => None,
        })
        .collect();
    assert!(placeholders.contains(&"legal_name"));
    assert!(placeholders.contains(&"account_owner"));
}

#[test]
fn hidden_answers_are_kept_but_do_not_count() {
    let p = policy();
    let mut answers = lakeside();
    answers.set("patient_photos".into(), Answer::YesNo(false));
    let doc = fill(&p.questionnaire, &p.library, &answers);
    let text = doc.to_plain();
    assert!(!text.contains("Media Consent Form MC-12"));
    assert!(text.contains("do not take photos or video of patients"));
    assert_eq!(answers.text(&"consent_form".into()), Some("Media Consent Form MC-12"));
    // Shown again, the kept answer is back in the policy.
    answers.set("patient_photos".into(), Answer::YesNo(true));
    let text = fill(&p.questionnaire, &p.library, &answers).to_plain();
    assert!(text.contains("Media Consent Form MC-12"));
}

#[test]
fn the_pdf_holds_the_organization_and_the_clauses_its_answers_bring_in() {
    let p = policy();
    let doc = fill(&p.questionnaire, &p.library, &lakeside());
    let pdf = render_pdf(&doc).expect("pdf");
    assert!(pdf.missing_glyphs.is_empty());
    let text = pdf_text(&pdf.bytes);
    assert!(text.contains("Lakeside Community Hospital"), "{text}");
    assert!(text.contains("Media Consent Form MC-12"), "{text}");
    // The cover has no footer; the numbered pages start with the contents.
    assert!(text.contains(&format!("Page 2 of {}", pdf.pages)), "{text}");
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    // Lines wrap anywhere; compare with whitespace collapsed.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
