//! The worker's file jobs, pure and tested natively: an answer file read
//! into a draft (or its located problems), a clause library checked into
//! its JSON form, a draft written as an answer file. The worker binary only
//! moves messages; the page has no YAML parser, so these run there.

use crate::policy::diag::Diagnostics;
#[cfg(feature = "pdf")]
use crate::policy::files::worker_protocol::Request;
use crate::policy::files::worker_protocol::{FileJob, FileRequest, ReminderRequest, Reply};
use crate::policy::files::{answer_file, signature};
use crate::policy::model::library::ClauseLibrary;
use crate::policy::model::questionnaire::Questionnaire;
#[cfg(feature = "pdf")]
use crate::policy::render::pdf::{render_bilingual, render_pdf_as, Pdf, PdfError};

/// Makes the PDF a page's `request` asks for: of its Document as its
/// kind, or, when it carries a second Document, of both versions in one
/// file. (A request for a Word file is the Word writer's.)
#[cfg(feature = "pdf")]
pub fn pdf(request: &Request) -> Result<Pdf, PdfError> {
    match &request.second {
        Some(second) => render_bilingual([&request.document, second], request.kind),
        None => render_pdf_as(&request.document, request.kind),
    }
}

/// Does `request`'s job against the shipped `questionnaire`.
pub fn run(request: FileRequest, questionnaire: &Questionnaire) -> Reply {
    let id = request.id;
    let problems = |d: Diagnostics| Reply::Problems { id, diagnostics: d.0 };
    match request.job {
        FileJob::ReadAnswers { file, text } => match answer_file::read(&file, &text, questionnaire) {
            Ok(draft) => Reply::Draft {
                id,
                draft: Box::new(draft),
            },
            Err(d) => problems(d),
        },
        FileJob::ReadLibrary { file, text } => {
            // An answer file picked here by mistake is named as one.
            let read = match answer_file::picked_as_library(&file, &text) {
                Some(d) => Err(d),
                None => ClauseLibrary::yaml_to_json(&file, &text, questionnaire),
            };
            match read {
                Ok(json) => Reply::Library { id, json },
                Err(d) => problems(d),
            }
        }
        FileJob::WriteAnswers { draft } => Reply::Yaml {
            id,
            text: answer_file::write(&draft),
        },
        FileJob::WriteReminder(asked) => reminder(id, &asked),
        FileJob::CheckSignatures { reviews } => Reply::Signatures {
            id,
            states: reviews
                .iter()
                .map(|r| signature::check(r, signature::verify_p256))
                .collect(),
        },
    }
}

/// The review reminder's file, or why there is none.
fn reminder(id: u32, asked: &ReminderRequest) -> Reply {
    let failed = |message: String| Reply::Failed { id: Some(id), message };
    #[cfg(feature = "calendar")]
    {
        use crate::policy::files::calendar::{reminder_ics, Reminder};
        let Some(due) = crate::policy::model::dates::parse_iso(&asked.due) else {
            return failed(format!("the review date {} is not a date", asked.due));
        };
        let reminder = Reminder {
            title: &asked.title,
            organization: &asked.organization,
            owner: &asked.owner,
            version: &asked.version,
            due,
            draft_id: &asked.draft_id,
            stamp: &asked.stamp,
            language: &asked.language,
        };
        match reminder_ics(&reminder) {
            Ok(text) => Reply::Calendar { id, text },
            Err(e) => failed(e.to_string()),
        }
    }
    #[cfg(not(feature = "calendar"))]
    {
        let _ = asked;
        failed("this build cannot write calendar files".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::bundle::Policy;
    use crate::policy::files::draft::StoredDraft;

    #[cfg(feature = "pdf")]
    #[test]
    fn a_request_with_a_second_document_makes_one_pdf_holding_both() {
        use crate::policy::document::DocumentKind;
        use crate::policy::fill::fill;
        use crate::policy::model::language::Language;
        use crate::policy::sample::{Sample, SAMPLES};
        let english = Policy::builtin().expect("the shipped templates load");
        let french = Policy::builtin_in(Language::CanadianFrench).expect("the French templates load");
        let (file, text) = SAMPLES
            .iter()
            .find(|(file, _)| file.contains("quebec"))
            .expect("the Quebec sample");
        let sample = Sample::load(file, text).expect("the sample loads");
        let in_french = sample
            .in_language(file, Language::CanadianFrench, &french.questionnaire)
            .expect("the sample in French");
        let fr = fill(&french.questionnaire, &french.library, &in_french.answers);
        let en = fill(&english.questionnaire, &english.library, &sample.answers);
        let alone = |doc: &crate::policy::document::Document| {
            let request = Request::new(1, doc.clone(), DocumentKind::Policy);
            pdf(&request).expect("a PDF").pages
        };
        let (fr_pages, en_pages) = (alone(&fr), alone(&en));
        // Through the wire, as the page sends it.
        let json = Request::bilingual(2, fr, en, DocumentKind::Policy)
            .to_json()
            .expect("a message is written");
        let request = Request::parse(&json).expect("the request reads");
        let both = pdf(&request).expect("a bilingual PDF");
        assert_eq!(both.pages, fr_pages + en_pages);
        let parsed = lopdf::Document::load_mem(&both.bytes).expect("a readable PDF");
        let parts = parsed
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"Part".as_slice()))
            .count();
        assert_eq!(parts, 2, "a Part a version");
    }

    #[test]
    fn the_worker_writes_the_review_reminder_and_refuses_a_date_that_is_not_one() {
        let policy = Policy::builtin().expect("the shipped templates load");
        let asked = ReminderRequest {
            title: "Lakeside Social Media Policy".into(),
            organization: "Lakeside Community Hospital".into(),
            owner: "Communications".into(),
            version: "2.0".into(),
            due: "2028-02-29".into(),
            draft_id: "d1".into(),
            stamp: "20261203T120000Z".into(),
            language: "en-CA".into(),
        };
        // The page sends the job as JSON: it reads back as it was sent.
        let job = FileJob::WriteReminder(Box::new(asked.clone()));
        let json = serde_json::to_string(&job).expect("a job is written");
        assert_eq!(serde_json::from_str::<FileJob>(&json).expect("and read"), job);
        let Reply::Calendar { text, .. } = run(
            FileRequest {
                id: 3,
                job,
                questionnaire: String::new(),
            },
            &policy.questionnaire,
        ) else {
            panic!("a reminder is written");
        };
        assert!(text.contains("BEGIN:VCALENDAR"), "{text}");
        assert!(text.contains("20280229"), "{text}");
        let wrong = FileJob::WriteReminder(Box::new(ReminderRequest {
            due: "2028-02-30".into(),
            ..asked
        }));
        let Reply::Failed { id, message } = run(
            FileRequest {
                id: 4,
                job: wrong,
                questionnaire: String::new(),
            },
            &policy.questionnaire,
        ) else {
            panic!("a date that is not one is refused");
        };
        assert_eq!(id, Some(4));
        assert_eq!(message, "the review date 2028-02-30 is not a date");
    }

    #[test]
    fn the_worker_reads_and_writes_files_for_the_page() {
        let policy = Policy::builtin().expect("the shipped templates load");
        let q = &policy.questionnaire;
        let ask = |job| {
            run(
                FileRequest {
                    id: 1,
                    job,
                    questionnaire: String::new(),
                },
                q,
            )
        };

        let mut draft = StoredDraft::new("d1".into(), "2026-11-26T00:00:00Z".into(), Default::default());
        draft.answers.set(
            "legal_name".into(),
            crate::policy::model::answers::Answer::Text("Lakeside".into()),
        );
        let Reply::Yaml { text, .. } = ask(FileJob::WriteAnswers {
            draft: Box::new(draft.clone()),
        }) else {
            panic!("a draft is written");
        };
        let Reply::Draft { draft: back, .. } = ask(FileJob::ReadAnswers {
            file: "a.yaml".into(),
            text: text.clone(),
        }) else {
            panic!("the written file reads back");
        };
        assert_eq!(*back, draft);

        let broken = text.replace("Lakeside", "\"Lakeside");
        let Reply::Problems { diagnostics, .. } = ask(FileJob::ReadAnswers {
            file: "a.yaml".into(),
            text: broken,
        }) else {
            panic!("a broken file is refused");
        };
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].file, "a.yaml");
        assert!(diagnostics[0].line > 1, "{:?}", diagnostics[0]);

        let library = "version: 1\ntitle: T\nauthor: A\nsections:\n  - id: s\n    title: S\n    clauses:\n      - id: c\n        text: \"{{ nobody }}\"\n";
        let Reply::Problems { diagnostics, .. } = ask(FileJob::ReadLibrary {
            file: "ours.yaml".into(),
            text: library.into(),
        }) else {
            panic!("a library naming no question is refused");
        };
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (9, 15), "{diagnostics:?}");
        let Reply::Library { json, .. } = ask(FileJob::ReadLibrary {
            file: "ours.yaml".into(),
            text: library.replace("{{ nobody }}", "{{ legal_name }}"),
        }) else {
            panic!("a good library is taken");
        };
        let source = crate::policy::diag::SourceFile::json("ours.yaml", &json);
        assert!(crate::policy::model::library::ClauseLibrary::from_sources(&[source], q).is_ok());
    }
}
