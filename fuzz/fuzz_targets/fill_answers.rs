//! Filling the shipped policy with arbitrary answers: the right kind, the
//! wrong kind, unknown options, odd dates and hostile text, for any subset
//! of the questions. Filling, the checks, the quick reference and saving a
//! draft never panic, and a draft of any answers reads back the same.
#![no_main]

use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use policy_builder::policy::model::answers::{Answer, Answers};
use policy_builder::policy::bundle::Policy;
use policy_builder::policy::files::draft::StoredDraft;
use policy_builder::policy::fill::fill;
use policy_builder::policy::model::ids::QuestionId;
use policy_builder::policy::model::questionnaire::{Question, QuestionKind};
use policy_builder::policy::readability::document_counts;

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(|| Policy::builtin().expect("the shipped templates load"))
}

/// Text that has broken renderers before, mixed with arbitrary text.
const NASTY: &[&str] = &[
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "javascript:alert(1)",
    ") Tj ET BT (",
    "\\",
    "\u{202e}evil\u{202c}",
    "\u{e000}legal_name\u{e001}",
    "{{ legal_name }}",
    "{% raw %}",
    "\u{1f600}\u{200d}\u{1f4bb}",
    "e\u{301}\u{301}\u{301}",
    "\t\r\n\u{0}",
    "",
    " ",
];

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    let mut out = String::new();
    for _ in 0..u.int_in_range(0..=4)? {
        if u.arbitrary()? {
            out.push_str(u.choose(NASTY)?);
        } else {
            out.push_str(u.arbitrary::<&str>()?);
        }
    }
    if u.ratio(1, 64)? {
        // A long paste, repeated to size.
        out = out.repeat(u.int_in_range(1..=4096)?);
    }
    Ok(out)
}

fn option_id(u: &mut Unstructured<'_>, q: &Question) -> Result<String> {
    let options = match &q.kind {
        QuestionKind::OneOf(o) | QuestionKind::SeveralOf(o) => o.as_slice(),
        _ => &[],
    };
    if !options.is_empty() && u.ratio(7, 8)? {
        Ok(u.choose(options)?.id.as_str().to_owned())
    } else {
        text(u)
    }
}

fn date(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=2)? {
        0 => format!(
            "{:04}-{:02}-{:02}",
            u.int_in_range(0..=9999)?,
            u.int_in_range(0..=13)?,
            u.int_in_range(0..=32)?
        ),
        1 => format!(
            "{}-{}-{}",
            u.arbitrary::<i32>()?,
            u.arbitrary::<i16>()?,
            u.arbitrary::<i16>()?
        ),
        _ => text(u)?,
    })
}

/// An answer of the question's own kind, or, sometimes, of any kind.
fn answer(u: &mut Unstructured<'_>, q: &Question) -> Result<Answer> {
    let fitting = u.ratio(3, 4)?;
    Ok(match (&q.kind, fitting) {
        (QuestionKind::YesNo, true) => Answer::YesNo(u.arbitrary()?),
        (QuestionKind::Text | QuestionKind::LongText, true) => Answer::Text(text(u)?),
        (QuestionKind::Date, true) => Answer::Text(date(u)?),
        (QuestionKind::OneOf(_), true) => Answer::Text(option_id(u, q)?),
        (QuestionKind::SeveralOf(_), true) => {
            let mut chosen = Vec::new();
            for _ in 0..u.int_in_range(0..=6)? {
                chosen.push(option_id(u, q)?);
            }
            Answer::Choices(chosen)
        }
        (_, false) => match u.int_in_range(0..=2)? {
            0 => Answer::YesNo(u.arbitrary()?),
            1 => Answer::Text(text(u)?),
            _ => Answer::Choices(vec![text(u)?, option_id(u, q)?]),
        },
    })
}

fn answers(u: &mut Unstructured<'_>, policy: &Policy) -> Result<Answers> {
    let mut answers = Answers::default();
    for q in policy.questionnaire.questions() {
        if u.ratio(2, 3)? {
            answers.set(q.id.clone(), answer(u, q)?);
        }
    }
    // Answers to questions that do not exist, as an old draft may hold.
    for _ in 0..u.int_in_range(0..=2)? {
        answers.set(QuestionId(text(u)?), Answer::Text(text(u)?));
    }
    Ok(answers)
}

fuzz_target!(|data: &[u8]| {
    let policy = policy();
    let mut u = Unstructured::new(data);
    let Ok(answers) = answers(&mut u, policy) else { return };
    let q = &policy.questionnaire;
    let doc = fill(q, &policy.library, &answers);
    assert!(!doc.sections.is_empty(), "the policy always has sections");
    let _ = fill(q, &policy.quick_reference, &answers);
    let _ = q.warnings(&answers);
    let _ = q.unanswered_required(&answers);
    let _ = q.check_answers(&answers);
    let _ = document_counts(&doc).grade();
    let name = doc.file_name("2026-11-25");
    assert!(
        name.ends_with(".pdf") && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'),
        "{name}"
    );
    let mut draft = StoredDraft::new("k3j2h1".into(), "2026-11-25T10:00:00Z".into(), Default::default());
    draft.answers = answers;
    assert_eq!(
        StoredDraft::parse(&draft.to_json(), &draft.id),
        Ok(draft),
        "a draft reads back the same"
    );
});
