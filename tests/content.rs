//! The shipped content: every file loads, every question and clause can be
//! reached, every sample organization fills completely with the warnings
//! it is meant to have, reads at grade 10 or lower, and matches its
//! reviewed snapshot; the coverage map names real clauses for every topic.

use std::collections::{BTreeMap, BTreeSet};

use policy_builder::policy::document::DocumentKind;
use policy_builder::policy::document::{BlockKind, Document, Run, Text};
use policy_builder::policy::fill::{fill, finish};
use policy_builder::policy::model::answers::{Answer, Answers};
use policy_builder::policy::model::library::{ClauseBody, ClauseLibrary};
use policy_builder::policy::model::questionnaire::Questionnaire;
use policy_builder::policy::readability::document_counts;
use policy_builder::policy::render::layout::{layout_as, Fonts, BOLD, REGULAR};
use policy_builder::policy::trainer::scenario::ScenarioLibrary;
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
    let scenarios = ScenarioLibrary::builtin(&p.questionnaire, &p.library).expect("the shipped scenarios load");
    for (name, sample) in samples() {
        // The policy as the app previews and exports it, worked examples
        // included.
        let doc = finish::draft(&p, &p.library, Some(&scenarios), &sample.answers);
        insta::assert_yaml_snapshot!(format!("policy-{name}"), doc);
        let quick = fill(&p.questionnaire, &p.quick_reference, &sample.answers);
        insta::assert_yaml_snapshot!(format!("quick-reference-{name}"), quick);
    }
}

#[test]
fn the_appendices_of_a_reviewed_policy_match_their_reviewed_snapshot() {
    // The approval record, the revision history, the next review, the
    // cover's approval line and the sign-off sheet, in every form they
    // take, as English policies have always had them.
    let p = policy();
    let (_, sample) = samples()
        .into_iter()
        .find(|(name, _)| name == "ontario-hospital")
        .expect("the Ontario sample");
    let filled = finish::draft(&p, &p.library, None, &sample.answers);
    let exports = common::reviewed_exports(&filled, &sample.answers, "2026-12-03");
    insta::assert_snapshot!("appendices-ontario-hospital", common::appendices(&filled, &exports));
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
        // The notice is for the approvers, in their cover note, not in
        // the policy staff read.
        assert!(!text.contains("not legal advice"), "{name}");
        let notes = finish::approver_notes(&p, &sample.answers);
        let pdf = policy_builder::policy::render::pdf::render_pdf_as(&notes, DocumentKind::Note).expect("pdf");
        assert_eq!(pdf.missing_glyphs, Vec::<char>::new(), "{name}");
        let parsed = lopdf::Document::load_mem(&pdf.bytes).expect("a readable PDF");
        let pages: Vec<u32> = parsed.get_pages().keys().copied().collect();
        let text = parsed
            .extract_text(&pages)
            .expect("text")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains("not legal advice"), "{name}: {text}");
        assert!(text.contains("Notes for approvers"), "{name}: {text}");
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

/// Explores outwards from the samples and from a blank draft, one answer
/// at a time, keeping every answer set that reaches a question, clause or
/// list item no earlier set reached. Returns what was reached and the
/// answer sets kept.
fn explore(p: &policy_builder::policy::bundle::Policy) -> (Reached, Vec<Answers>) {
    let libs = [&p.library, &p.quick_reference, &p.approver_notes];
    let mut reached = Reached::default();
    let mut queue: Vec<Answers> = samples().into_iter().map(|(_, s)| s.answers).collect();
    queue.push(Answers::default());
    for a in &queue {
        reached.record(&p.questionnaire, &libs, a);
    }
    let mut kept = queue.clone();
    while let Some(answers) = queue.pop() {
        for next in neighbours(&p.questionnaire, &answers) {
            if reached.record(&p.questionnaire, &libs, &next) {
                kept.push(next.clone());
                queue.push(next);
            }
        }
    }
    (reached, kept)
}

#[test]
fn every_question_clause_and_list_item_is_reachable_by_some_answers() {
    let p = policy();
    let libs = [&p.library, &p.quick_reference, &p.approver_notes];
    let (reached, _) = explore(&p);
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
        .chain(p.approver_notes.clauses())
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

/// The text of a document in lower case, every run joined, for matching
/// phrases across clauses.
fn lower_text(doc: &Document) -> String {
    let mut out = String::new();
    for t in texts(doc) {
        for r in &t.0 {
            match r {
                Run::Plain(s) => out.push_str(s),
                Run::Missing { label, .. } => out.push_str(label),
            }
        }
        out.push('\n');
    }
    out.to_lowercase()
}

/// Two statements that must not stand together in one organization's
/// policy (`p`) and quick reference (`q`). Each names the phrases as the
/// text words them, so a rewording that brings a clash back fails here.
struct Clash {
    what: &'static str,
    clashes: fn(p: &str, q: &str) -> bool,
}

const CLASHES: &[Clash] = &[
    Clash {
        what:
            "one sequence after a mistaken post (capture, remove, report), not 'delete nothing' beside 'take it down'",
        clashes: |p, q| {
            let says_take_down = p.contains("take it down") || q.contains("take it down");
            says_take_down && (p.contains("do not delete anything") || q.contains("you can't delete"))
        },
    },
    Clash {
        what: "an official account is defined by purpose, not by a mention of our name or logo",
        clashes: |p, _| {
            p.contains("uses our name or logo")
                && (p.contains("say that you work for")
                    || p.contains("you may show our logo")
                    || p.contains("where you work"))
        },
    },
    Clash {
        what: "the scope and the personal-use section name the same reach",
        clashes: |p, _| {
            p.contains("about our work, our patients or your colleagues")
                && p.contains("when you mention your job, health care, our patients or your colleagues")
        },
    },
    Clash {
        what: "the quick reference keeps the policy's 'only for official accounts' on patient photos",
        clashes: |p, q| {
            p.contains("photos or video of patients only for official accounts")
                && q.contains("photo or video of a patient")
                && !q.contains("only for official accounts")
        },
    },
    Clash {
        what: "no 'never our right to share for them' beside published patient stories",
        clashes: |p, _| p.contains("never our right to share for them") && p.contains("we publish patient stories"),
    },
    Clash {
        what: "no blanket 'never confirm or deny in public' beside published patient stories",
        clashes: |p, _| p.contains("in public, never confirm or deny") && p.contains("we publish patient stories"),
    },
    Clash {
        what: "no patient stories anywhere when the policy publishes none",
        clashes: |p, q| {
            p.contains("we do not publish patient testimonials or stories")
                && (p.contains("patient stories and images")
                    || p.contains("before we share a patient's image or story")
                    || p.contains("consent forms for patient images and stories")
                    || q.contains("patient stories"))
        },
    },
    Clash {
        what: "no consent forms for patient images when staff take none",
        clashes: |p, _| {
            p.contains("staff do not take photos or video of patients")
                && p.contains("we do not publish patient testimonials or stories")
                && p.contains("signed consent form")
        },
    },
    Clash {
        what: "'say you work here' is not also 'remove every detail that could point to us'",
        clashes: |p, _| p.contains("say that you work for") && p.contains("could point to the patient or to us"),
    },
    Clash {
        what: "'do not endorse services' is not also 'if you praise our services, say you work here'",
        clashes: |p, _| p.contains("do not endorse products, services or companies") && p.contains("if you praise"),
    },
    Clash {
        what: "official posts are in French in Quebec, not in both languages",
        clashes: |p, _| {
            p.contains("post official content in both languages") && p.contains("write official posts in french")
        },
    },
    Clash {
        what: "no 'time to practise' beside 'no test account yet'",
        clashes: |p, _| p.contains("time to practise") && p.contains("do not yet have a test account"),
    },
    Clash {
        what: "no 'we applaud good use' beside 'no formal way to recognize good use'",
        clashes: |p, _| p.contains("we applaud good use") && p.contains("no formal way to recognize"),
    },
    Clash {
        what: "staff are not told to send drafts where only the owning team posts",
        clashes: |p, _| p.contains("send drafts early") && p.contains("only members of the owning team post"),
    },
    Clash {
        what: "the quick reference offers no practice or recognition the organization does not have",
        clashes: |p, q| {
            (q.contains("practise") && !p.contains("we give you a safe place to practise"))
                || (q.contains("share good examples") && !p.contains("we share good examples"))
        },
    },
];

/// The clashes `answers` make, by description.
fn clashes(p: &policy_builder::policy::bundle::Policy, answers: &Answers) -> Vec<&'static str> {
    let policy_text = lower_text(&fill(&p.questionnaire, &p.library, answers));
    let quick_text = lower_text(&fill(&p.questionnaire, &p.quick_reference, answers));
    CLASHES
        .iter()
        .filter(|c| (c.clashes)(&policy_text, &quick_text))
        .map(|c| c.what)
        .collect()
}

#[test]
fn no_reachable_answers_make_the_policy_contradict_itself() {
    let p = policy();
    let (_, kept) = explore(&p);
    let mut sets = kept;
    for (_, sample) in samples() {
        sets.extend(neighbours(&p.questionnaire, &sample.answers));
    }
    let mut found: BTreeMap<&str, usize> = BTreeMap::new();
    for answers in &sets {
        for what in clashes(&p, answers) {
            *found.entry(what).or_default() += 1;
        }
    }
    assert_eq!(
        found,
        BTreeMap::new(),
        "contradictions, with the number of answer sets that make each"
    );
}

#[test]
fn an_answer_that_ends_with_a_full_stop_never_doubles_it() {
    use policy_builder::policy::model::questionnaire::QuestionKind;
    let p = policy();
    for (name, sample) in samples() {
        let mut answers = sample.answers.clone();
        // Every text answer the sample gives now ends with a full stop, as
        // "Maple Grove Family Health Clinic Inc." does.
        for question in p.questionnaire.questions() {
            if matches!(question.kind, QuestionKind::Text | QuestionKind::LongText) {
                if let Some(Answer::Text(s)) = answers.get(&question.id).cloned() {
                    answers.set(question.id.clone(), Answer::Text(format!("{s} Inc.")));
                }
            }
        }
        for lib in [&p.library, &p.quick_reference] {
            let doc = fill(&p.questionnaire, lib, &answers);
            let text = lower_text(&doc);
            assert!(text.contains("inc."), "{name}: the answers' own full stops are kept");
            let doubled: Vec<&str> = text
                .lines()
                .filter(|l| l.contains("..") || l.contains(|c| ('\u{e000}'..='\u{e003}').contains(&c)))
                .collect();
            assert_eq!(doubled, Vec::<&str>::new(), "{name}: {}", doc.title);
            assert!(!doc.title.contains(".."), "{name}: {}", doc.title);
            assert!(!doc.author.contains(".."), "{name}: {}", doc.author);
        }
    }
}

/// The part of a policy every member of staff reads: the sections before
/// the first annex (the rules for running official accounts and the notes
/// for approvers come after it).
fn staff_part(doc: &Document) -> Document {
    Document {
        sections: doc
            .sections
            .iter()
            .take_while(|s| !s.title.starts_with("Annex"))
            .cloned()
            .collect(),
        ..doc.clone()
    }
}

/// Words, sentences and grade of each section, for the failure message.
fn section_words(doc: &Document) -> String {
    doc.sections
        .iter()
        .map(|s| {
            let one = Document {
                sections: vec![s.clone()],
                ..doc.clone()
            };
            format!("{} {}: {} words", s.number, s.title, document_counts(&one).words)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest staff part any sample may have, in words.
const STAFF_PART_WORDS: usize = 2_500;

#[test]
fn the_part_every_member_of_staff_reads_comes_first_and_stays_short() {
    let p = policy();
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        let staff = staff_part(&doc);
        let counts = document_counts(&staff);
        eprintln!(
            "{name}: staff part {} words, grade {:.1}; whole policy {} words",
            counts.words,
            counts.grade(),
            document_counts(&doc).words
        );
        assert!(
            counts.words <= STAFF_PART_WORDS,
            "{name}: the staff part has {} words\n{}",
            counts.words,
            section_words(&doc)
        );
        assert!(
            staff.sections.len() < doc.sections.len(),
            "{name}: the rules for running official accounts are in an annex"
        );
    }
}

/// Words that only the drafter or the approvers need: the "not legal
/// advice" notice, questions for counsel and gaps stated as to-dos. They
/// belong in the app's checks or in the cover note for approvers.
const DRAFTER_ONLY: &[&str] = &[
    "legal advice",
    "counsel",
    "policy builder",
    "not yet",
    "until we do",
    "until there is",
    "confirm which",
    "confirm that it meets",
    "approver",
];

/// Drafter-only words that no part of the policy may hold, annexes and
/// related laws included: every employee may read those too. Questions
/// about which law applies to us are for counsel and the approvers (the
/// cover note asks them), not for staff; so are gaps stated as to-dos.
const DRAFTER_ONLY_ANYWHERE: &[&str] = &[
    "not legal advice",
    "policy builder",
    "approver",
    "confirm which",
    "confirms which",
    "which law applies",
    "which one applies",
    "whether a language law",
    "counsel where needed",
    "not yet",
    "until we do",
    "until there is",
];

#[test]
fn the_staff_part_holds_nothing_meant_only_for_the_drafter() {
    let p = policy();
    let (_, kept) = explore(&p);
    let notes: BTreeSet<String> = p.approver_notes.clauses().map(|c| c.id.to_string()).collect();
    let mut found: BTreeMap<String, usize> = BTreeMap::new();
    for answers in &kept {
        let doc = fill(&p.questionnaire, &p.library, answers);
        let staff = staff_part(&doc);
        // No note for approvers anywhere in the policy, annexes included:
        // they are in the cover note the app makes beside it.
        for section in doc.all_sections() {
            if section.title.to_lowercase().contains("approver") {
                *found.entry(format!("section {}", section.title)).or_default() += 1;
            }
            for block in &section.blocks {
                if notes.contains(block.clause.as_str()) {
                    *found
                        .entry(format!("{} is a note for approvers", block.clause))
                        .or_default() += 1;
                }
            }
        }
        for section in staff.all_sections() {
            for block in &section.blocks {
                let one = Document {
                    sections: vec![policy_builder::policy::document::Section {
                        blocks: vec![block.clone()],
                        subsections: Vec::new(),
                        ..section.clone()
                    }],
                    ..doc.clone()
                };
                let text = lower_text(&one);
                for phrase in DRAFTER_ONLY {
                    if text.contains(phrase) {
                        *found.entry(format!("{} says \"{phrase}\"", block.clause)).or_default() += 1;
                    }
                }
            }
        }
        let whole = lower_text(&doc);
        for phrase in DRAFTER_ONLY_ANYWHERE {
            if whole.contains(phrase) {
                *found.entry(format!("the policy says \"{phrase}\"")).or_default() += 1;
            }
        }
    }
    assert_eq!(found, BTreeMap::new(), "drafter-only text in the policy");
}

#[test]
fn the_cover_note_for_approvers_says_it_is_not_legal_advice_and_lists_each_gap_the_answers_leave() {
    let p = policy();
    for (name, sample) in samples() {
        let notes = finish::approver_notes(&p, &sample.answers);
        assert!(notes.problems.is_empty(), "{name}: {:?}", notes.problems);
        assert_eq!(placeholders(&notes), Vec::<String>::new(), "{name}");
        let text = lower_text(&notes);
        assert!(text.contains("not legal advice"), "{name}");
        assert!(text.contains("legal counsel"), "{name}");
        // Each gap is listed exactly when the answers leave it open.
        for (question, gap) in [
            ("crisis_plan", "no written crisis plan"),
            ("moderation_rules", "no rules for comments"),
            ("practice_space", "no test account or workshop"),
            ("onboarding_training", "not yet part of onboarding"),
            ("recognition", "no formal way yet to recognize"),
            ("manager_briefings", "managers are not yet briefed"),
        ] {
            let open = sample.answers.get(&question.into()) == Some(&Answer::YesNo(false));
            assert_eq!(text.contains(gap), open, "{name}: {question}");
        }
        // The questions for counsel that left the policy are asked here,
        // for the country the answers name.
        let country = sample.answers.get(&"country".into());
        for (value, question) in [
            ("canada", "whether pipeda or a provincial health information law"),
            ("united_states", "section 504 rule or the ada title ii rule"),
        ] {
            let here = country == Some(&Answer::Text(value.into()));
            assert_eq!(text.contains(question), here, "{name}: {value}");
        }
        let quebec = sample.answers.get(&"province".into()) == Some(&Answer::Text("quebec".into()));
        assert_eq!(text.contains("charter of the french language"), quebec, "{name}");
    }
}

#[test]
fn the_staff_part_names_each_contact_once_and_then_refers_to_it() {
    let p = policy();
    for (name, sample) in samples() {
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        let text = lower_text(&staff_part(&doc));
        for (question, most) in [
            ("privacy_contact", 1),
            ("media_contact", 1),
            ("after_hours_contact", 1),
            ("legal_name", 1),
        ] {
            let Some(Answer::Text(value)) = sample.answers.get(&question.into()) else {
                continue;
            };
            let times = text.matches(&value.to_lowercase()).count();
            assert!(times <= most, "{name}: the staff part names {question} {times} times");
        }
    }
}

#[test]
fn the_quick_reference_agrees_with_the_policy_on_photos_and_livestreams() {
    let p = policy();
    let (_, kept) = explore(&p);
    for answers in &kept {
        let policy_text = lower_text(&fill(&p.questionnaire, &p.library, answers));
        let quick = lower_text(&fill(&p.questionnaire, &p.quick_reference, answers));
        let never = policy_text.contains("no one livestreams from any area where we give care");
        let approved = policy_text.contains("only official accounts livestream from care areas");
        assert_eq!(
            quick.contains("don't livestream from any area where we give care"),
            never
        );
        assert_eq!(quick.contains("except on official accounts with approval"), approved);
        let photos_allowed = policy_text.contains("photos or video of patients only for official accounts");
        let photos_forbidden = policy_text.contains("staff do not take photos or video of patients");
        assert_eq!(quick.contains("patients only for official accounts"), photos_allowed);
        assert_eq!(
            quick.contains("don't take photos or video of patients"),
            photos_forbidden
        );
    }
}

// ---------------------------------------------------------------------------
// Spelling: each organization reads its own English.

/// Commonwealth forms: Canadian, British and Australian English write
/// these, American English never does.
const COMMONWEALTH_WORDS: &[&str] = &[
    "colour",
    "colours",
    "coloured",
    "favour",
    "favours",
    "favourable",
    "favourite",
    "behaviour",
    "behaviours",
    "honour",
    "labour",
    "neighbour",
    "neighbours",
    "rumour",
    "rumours",
    "humour",
    "centre",
    "centres",
    "licence",
    "licences",
    "offence",
    "offences",
    "defence",
    "practise",
    "practised",
    "practises",
    "practising",
    "labelled",
    "labelling",
    "travelled",
    "travelling",
    "cancelled",
    "counselling",
    "counsellor",
    "cheque",
    "catalogue",
    "programme",
    "enquiry",
    "enquiries",
    "enquire",
];

/// British and Australian -ise forms: Canadian and American English write
/// -ize.
const ISE_WORDS: &[&str] = &[
    "organisation",
    "organisations",
    "organisational",
    "organise",
    "organised",
    "organising",
    "recognise",
    "recognised",
    "recognises",
    "authorisation",
    "authorisations",
    "authorise",
    "authorised",
    "unauthorised",
    "criticise",
    "criticises",
    "criticised",
    "digitisation",
    "summarise",
    "summarised",
    "summarises",
    "analyse",
    "analysed",
    "apologise",
    "prioritise",
    "minimise",
    "realise",
    "emphasise",
    "specialise",
    "specialised",
    "personalised",
    "anonymised",
];

/// American -or, -er, -se and single-l forms.
const US_WORDS: &[&str] = &[
    "color",
    "colors",
    "colored",
    "favor",
    "favors",
    "favorable",
    "favorite",
    "behavior",
    "behaviors",
    "honor",
    "labor",
    "neighbor",
    "neighbors",
    "rumor",
    "rumors",
    "humor",
    "center",
    "centers",
    "offense",
    "offenses",
    "defense",
    "practiced",
    "practicing",
    "labeled",
    "labeling",
    "traveled",
    "traveling",
    "canceled",
    "counseling",
    "counselor",
    "catalog",
];

/// -ize forms: Canadian and American English write them, British and
/// Australian English write -ise.
const IZE_WORDS: &[&str] = &[
    "organization",
    "organizations",
    "organizational",
    "organize",
    "organized",
    "organizing",
    "recognize",
    "recognized",
    "recognizes",
    "authorization",
    "authorizations",
    "authorize",
    "authorized",
    "unauthorized",
    "criticize",
    "criticizes",
    "criticized",
    "digitization",
    "summarize",
    "summarized",
    "summarizes",
    "analyze",
    "analyzed",
    "apologize",
    "prioritize",
    "minimize",
    "realize",
    "emphasize",
    "specialize",
    "specialized",
    "personalized",
    "anonymized",
];

/// The words an English never writes, from the lists above (not from
/// `spelling.yaml`, which these tests check), by country answer.
fn foreign_words(country: &str) -> Vec<&'static str> {
    let lists: &[&[&str]] = match country {
        "united_states" => &[COMMONWEALTH_WORDS, ISE_WORDS],
        "united_kingdom" | "australia" => &[US_WORDS, IZE_WORDS],
        "canada" => &[US_WORDS, ISE_WORDS],
        _ => &[],
    };
    lists.iter().flat_map(|l| l.iter().copied()).collect()
}

/// Every word of `doc` as a reader sees it (title, cover, headings,
/// paragraphs, lists and the terms of unanswered questions), in lower case,
/// with the text of `answers` taken out: an answer is the organization's
/// own words and keeps its spelling.
fn words_outside_answers(doc: &Document, answers: &Answers) -> Vec<String> {
    let cover = &doc.cover;
    let mut text = doc.to_plain();
    for t in [
        &cover.organization,
        &cover.short_name,
        &cover.version,
        &cover.effective_date,
        &cover.owner,
    ] {
        text.push('\n');
        text.push_str(&t.to_plain());
    }
    text.push('\n');
    text.push_str(&doc.author);
    for answer in answers.0.values() {
        let given: Vec<&str> = match answer {
            Answer::Text(s) => vec![s.as_str()],
            Answer::Choices(c) => c.iter().map(String::as_str).collect(),
            Answer::YesNo(_) => vec![],
        };
        for s in given.into_iter().filter(|s| s.len() > 3) {
            text = text.replace(s.trim_end_matches('.'), " ");
        }
    }
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words of `doc` its organization's English never writes, and "for
/// ever" in a US or Canadian text, with how often each appears.
fn foreign_spellings(doc: &Document, answers: &Answers) -> BTreeMap<String, usize> {
    let country = match answers.get(&"country".into()) {
        Some(Answer::Text(c)) => c.clone(),
        _ => String::new(),
    };
    let foreign: BTreeSet<&str> = foreign_words(&country).into_iter().collect();
    let words = words_outside_answers(doc, answers);
    let mut found = BTreeMap::new();
    for w in &words {
        if foreign.contains(w.as_str()) {
            *found.entry(w.clone()).or_default() += 1;
        }
    }
    if matches!(country.as_str(), "united_states" | "canada") {
        for pair in words.windows(2).filter(|p| p[0] == "for" && p[1] == "ever") {
            *found.entry(pair.join(" ")).or_default() += 1;
        }
    }
    found
}

/// `answers` with the country (and nothing else) set to `country`.
fn in_country(answers: &Answers, country: &str) -> Answers {
    let mut a = answers.clone();
    a.set("country".into(), Answer::Text(country.to_owned()));
    a
}

const ENGLISH_COUNTRIES: [&str; 4] = ["canada", "united_states", "united_kingdom", "australia"];

#[test]
fn every_sample_reads_in_its_own_english_in_everything_it_exports() {
    use policy_builder::policy::files::review::Review;
    use policy_builder::policy::fill::finish;
    use policy_builder::policy::trainer::scenario::{HandoutOptions, ScenarioLibrary};
    let p = policy();
    let scenarios = ScenarioLibrary::builtin(&p.questionnaire, &p.library).unwrap_or_else(|d| panic!("{d}"));
    let mut checked = 0;
    for (name, sample) in samples() {
        // The sample as shipped, and moved to each English-speaking country.
        let mut sets = vec![(name.clone(), sample.answers.clone())];
        sets.extend(
            ENGLISH_COUNTRIES
                .iter()
                .map(|c| (format!("{name} in {c}"), in_country(&sample.answers, c))),
        );
        for (at, answers) in sets {
            let filled = fill(&p.questionnaire, &p.library, &answers);
            let exported = finish::policy(&filled, &Review::default(), finish::PolicyOptions::default());
            let mut docs = vec![
                (
                    "policy with worked examples",
                    scenarios.with_worked_examples(&p.questionnaire, &answers, exported),
                ),
                ("quick reference", finish::quick_reference(&p, &answers)),
            ];
            for deck in &scenarios.decks {
                for verdicts_at_back in [false, true] {
                    let options = HandoutOptions { verdicts_at_back };
                    docs.push((
                        "handout",
                        finish::handout(&scenarios, deck, &p, &answers, &filled, &options),
                    ));
                }
            }
            for (what, doc) in docs {
                assert_eq!(foreign_spellings(&doc, &answers), BTreeMap::new(), "{at}: {what}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 5 * 5 * 3, "{checked} documents checked");
}

#[test]
fn every_reachable_answer_set_reads_in_its_own_english() {
    let p = policy();
    // The same answer sets as the contradiction test: those the walk kept,
    // and every one-answer change of each sample.
    let (_, mut sets) = explore(&p);
    for (_, sample) in samples() {
        sets.extend(neighbours(&p.questionnaire, &sample.answers));
    }
    let mut checked = 0;
    // Each set in one of the four Englishes in turn, so that every English
    // meets every kind of answer set without filling each four times.
    for (i, answers) in sets.iter().enumerate() {
        let country = ENGLISH_COUNTRIES[i % ENGLISH_COUNTRIES.len()];
        let answers = in_country(answers, country);
        for lib in [&p.library, &p.quick_reference] {
            let doc = fill(&p.questionnaire, lib, &answers);
            assert_eq!(
                foreign_spellings(&doc, &answers),
                BTreeMap::new(),
                "{country}: {answers:?}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 900, "only {checked} answer sets checked");
}

#[test]
fn the_us_sample_now_reads_color_and_practice_and_the_uk_sample_organisation() {
    // The words the issue named, read back from the two samples, so that
    // the word-list tests above cannot pass on texts that lack them.
    let p = policy();
    let all = samples();
    let text_of = |stem: &str| {
        let (_, s) = all.iter().find(|(n, _)| n == stem).expect("the sample ships");
        let doc = fill(&p.questionnaire, &p.library, &s.answers);
        doc.to_plain()
    };
    let us = text_of("us-primary-care");
    assert!(
        us.contains("Use strong color contrast, and never rely on color alone."),
        "{us}"
    );
    assert!(us.contains("or practice on a personal account"), "{us}");
    let uk = text_of("uk-nhs-community");
    assert!(uk.contains("NHS organisations"), "{uk}");
    assert!(uk.contains("could recognise the case"), "{uk}");
    let ontario = text_of("ontario-hospital");
    assert!(ontario.contains("could recognize the case"), "{ontario}");
    // A term that stands for an unanswered question is respelled too, but
    // never the organization's own name.
    let (_, uk_sample) = all.iter().find(|(n, _)| n == "uk-nhs-community").expect("ships");
    let mut unnamed = uk_sample.answers.clone();
    unnamed.clear(&"legal_name".into());
    let placeholders: Vec<String> = placeholders_labels(&fill(&p.questionnaire, &p.library, &unnamed));
    assert!(
        placeholders.iter().any(|l| l == "organisation's legal name"),
        "{placeholders:?}"
    );
    let mut named = in_country(&uk_sample.answers, "united_states");
    named.set(
        "legal_name".into(),
        Answer::Text("Colourful Harbour Organisation".into()),
    );
    let doc = fill(&p.questionnaire, &p.library, &named);
    assert!(doc.to_plain().contains("Colourful Harbour Organisation"));
}

/// The labels of the placeholders of `doc`.
fn placeholders_labels(doc: &Document) -> Vec<String> {
    texts(doc)
        .into_iter()
        .flat_map(|t| t.0.iter())
        .filter_map(|r| match r {
            Run::Missing { label, .. } => Some(label.clone()),
            Run::Plain(_) => None,
        })
        .collect()
}

#[test]
fn each_english_policy_says_its_own_english_in_the_pdf_the_web_page_and_the_document() {
    use policy_builder::policy::render::html::render_html;
    use policy_builder::policy::render::pdf::render_pdf;
    let p = policy();
    let expected = [
        ("ontario-hospital", "en-CA"),
        ("quebec-long-term-care", "en-CA"),
        ("us-primary-care", "en-US"),
        ("uk-nhs-community", "en-GB"),
        ("australia-allied-health", "en-AU"),
    ];
    let samples = samples();
    for (name, tag) in expected {
        let (_, sample) = samples
            .iter()
            .find(|(n, _)| n.as_str() == name)
            .unwrap_or_else(|| panic!("sample {name}"));
        let doc = fill(&p.questionnaire, &p.library, &sample.answers);
        assert_eq!(doc.language, tag, "{name}");
        let html = render_html(&doc);
        assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{name}");
        let pdf = render_pdf(&doc).expect("pdf");
        let parsed = lopdf::Document::load_mem(&pdf.bytes).expect("a readable PDF");
        let lang = parsed
            .catalog()
            .and_then(|c| c.get(b"Lang"))
            .and_then(|l| l.as_str().map(|s| String::from_utf8_lossy(s).into_owned()))
            .expect("the catalog names a language");
        assert_eq!(lang, tag, "{name}");
    }
    // With no country answered, the English the templates are written in.
    let doc = fill(&p.questionnaire, &p.library, &Answers::default());
    assert_eq!(doc.language, "en-CA");
}
