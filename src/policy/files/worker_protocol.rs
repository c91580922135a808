//! Messages between the page and the PDF worker, and nothing else: the
//! page sends a [`Request`] (a PDF to make) or a [`FileRequest`] (a YAML
//! file to read or write: the page has no YAML parser) as JSON; the worker
//! answers with a [`Reply`] as JSON and, for a finished PDF, the bytes
//! beside it (transferred, not copied). The file jobs themselves are done
//! by [`crate::policy::files::jobs`].

use serde::{Deserialize, Serialize};

use crate::policy::diag::Diagnostic;
use crate::policy::document::Document;
use crate::policy::document::DocumentKind;
use crate::policy::files::draft::StoredDraft;
use crate::policy::files::review::{Review, SignatureState};
use crate::policy::files::word_template::WordTemplate;

/// Identifies a build, so that a page never talks to a worker of another
/// version (the worker's files are not content-hashed). The number after
/// the slash changes with the messages' shape.
pub const PROTOCOL_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/9");

/// A PDF to make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Echoed in the reply.
    pub id: u32,
    /// What to lay out.
    pub document: Document,
    /// The policy (cover, contents) or the one-page staff quick reference.
    #[serde(default)]
    pub kind: DocumentKind,
    /// Present when the file to make is a Word file rather than a PDF.
    /// Boxed: it carries the review and any template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word: Option<Box<WordRequest>>,
    /// The same answers filled in another language, for one PDF (or Word
    /// file) holding both versions, `document`'s first (see
    /// `crate::policy::render::pdf::render_bilingual` and
    /// `crate::policy::render::docx::render_docx_bilingual`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second: Option<Box<Document>>,
}

/// What a Word file needs beside the Document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WordRequest {
    /// The document language, a BCP 47 tag such as `en-CA`.
    pub language: String,
    /// Now (ISO 8601), for the properties and the tracked changes.
    pub now: String,
    /// The review: its open comments become Word comments, and its
    /// sections changed since their verdict tracked changes.
    #[serde(default)]
    pub review: Review,
    /// The organization's .docx or .dotx, whose styles, theme and fonts
    /// the file takes (base64 on the wire, as it is stored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<WordTemplate>,
}

/// A YAML file for the worker to read or write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRequest {
    /// Echoed in the reply.
    pub id: u32,
    /// What to do.
    pub job: FileJob,
    /// The shipped questionnaire as JSON, from the page's content file,
    /// which the jobs check files against: the worker carries no template.
    #[serde(default)]
    pub questionnaire: String,
}

/// The work a [`FileRequest`] asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileJob {
    /// Read an answer file against the shipped questionnaire: answered
    /// with [`Reply::Draft`] or [`Reply::Problems`].
    ReadAnswers {
        /// The file name, for the diagnostics.
        file: String,
        /// The file's text.
        text: String,
    },
    /// Check a clause library against the shipped questionnaire: answered
    /// with [`Reply::Library`] or [`Reply::Problems`].
    ReadLibrary {
        /// The file name, for the diagnostics.
        file: String,
        /// The file's text.
        text: String,
    },
    /// Write a draft as an answer file: answered with [`Reply::Yaml`].
    WriteAnswers {
        /// The draft.
        draft: Box<StoredDraft>,
    },
    /// Write the review reminder as an iCalendar file: answered with
    /// [`Reply::Calendar`].
    WriteReminder(Box<ReminderRequest>),
    /// Check the signatures of reviews again, such as those of a backup's
    /// drafts before they are restored: answered with [`Reply::Signatures`].
    CheckSignatures {
        /// The reviews.
        reviews: Vec<Review>,
    },
}

/// What the review reminder says, as the page sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderRequest {
    /// The policy's title.
    pub title: String,
    /// The organization.
    pub organization: String,
    /// The role that owns the policy.
    pub owner: String,
    /// The version in force.
    pub version: String,
    /// When the review is due (`YYYY-MM-DD`).
    pub due: String,
    /// The draft's id, for a stable event id.
    pub draft_id: String,
    /// Now, as RFC 5545's UTC form (`YYYYMMDDTHHMMSSZ`).
    pub stamp: String,
    /// The policy's language tag, which the reminder is written in
    /// (English when empty).
    #[serde(default)]
    pub language: String,
}

/// Anything the page sends the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// A PDF to make (boxed: a Document is far larger than a file job).
    Pdf(Box<Request>),
    /// A file to read or write.
    File(FileRequest),
}

impl Incoming {
    /// Reads a message: one with a `job` is a [`FileRequest`], any other a
    /// [`Request`]. The error says why it is neither, with the id when it
    /// could be read.
    pub fn parse(text: &str) -> Result<Self, (Option<u32>, String)> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| (None, format!("the request could not be read ({e})")))?;
        let id = value
            .get("id")
            .and_then(serde_json::Value::as_u64)
            .and_then(|id| u32::try_from(id).ok());
        if value.get("job").is_some() {
            serde_json::from_value(value)
                .map(Incoming::File)
                .map_err(|e| (id, format!("the file request could not be read ({e})")))
        } else {
            serde_json::from_value(value)
                .map(|r| Incoming::Pdf(Box::new(r)))
                .map_err(|e| (id, format!("the PDF request could not be read ({e})")))
        }
    }
}

/// Why a message could not be written as JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the message could not be written ({0})")]
pub struct ProtocolError(String);

fn to_json(message: &impl Serialize) -> Result<String, ProtocolError> {
    serde_json::to_string(message).map_err(|e| ProtocolError(e.to_string()))
}

impl FileRequest {
    /// The JSON form.
    pub fn to_json(&self) -> Result<String, ProtocolError> {
        to_json(self)
    }
}

/// What the worker says. Externally tagged (`{"done": {...}}`): the page
/// reads it straight, where an internally tagged enum would buffer each
/// reply and carry a second copy of every reader (the draft's among them)
/// in the page's WebAssembly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker has started and listens; sent once.
    Ready {
        /// The worker's [`PROTOCOL_VERSION`].
        version: String,
    },
    /// The PDF is made; its bytes travel beside this message.
    Done {
        /// The request's id.
        id: u32,
        /// Number of pages.
        pages: usize,
        /// Characters the font lacks, printed as `?`.
        missing_glyphs: Vec<char>,
        /// How long the worker took to make the PDF, in milliseconds
        /// (`performance.now()` around layout and writing).
        #[serde(default)]
        millis: f64,
    },
    /// An answer file was read: the draft, ready to store.
    Draft {
        /// The request's id.
        id: u32,
        /// The draft.
        draft: Box<StoredDraft>,
    },
    /// A clause library was checked: its raw form as JSON.
    Library {
        /// The request's id.
        id: u32,
        /// See [`crate::policy::files::draft::CustomLibrary::json`].
        json: String,
    },
    /// A file could not be read: every problem, located.
    Problems {
        /// The request's id.
        id: u32,
        /// The problems, as the user sees them.
        diagnostics: Vec<Diagnostic>,
    },
    /// A draft written as an answer file.
    Yaml {
        /// The request's id.
        id: u32,
        /// The file's text.
        text: String,
    },
    /// A review reminder written as an iCalendar file.
    Calendar {
        /// The request's id.
        id: u32,
        /// The file's text.
        text: String,
    },
    /// The state of each decision of each review, as its signature holds.
    Signatures {
        /// The request's id.
        id: u32,
        /// One list per review, in order.
        states: Vec<Vec<SignatureState>>,
    },
    /// The PDF could not be made, or the request could not be done.
    Failed {
        /// The request's id, when it could be read.
        id: Option<u32>,
        /// Why, for the user.
        message: String,
    },
}

impl Request {
    /// A request to lay out `document` as a `kind`.
    pub fn new(id: u32, document: Document, kind: DocumentKind) -> Self {
        Self {
            id,
            document,
            kind,
            word: None,
            second: None,
        }
    }

    /// A request to lay out `first` and then `second` (the same answers in
    /// another language) as one PDF, each a `kind`.
    pub fn bilingual(id: u32, first: Document, second: Document, kind: DocumentKind) -> Self {
        Self {
            second: Some(Box::new(second)),
            ..Self::new(id, first, kind)
        }
    }

    /// A request to write `document` as a Word file, followed in the same
    /// file by `second` (the same answers in another language) if given.
    pub fn word(id: u32, document: Document, second: Option<Document>, word: WordRequest) -> Self {
        Self {
            id,
            kind: DocumentKind::of(&document),
            document,
            word: Some(Box::new(word)),
            second: second.map(Box::new),
        }
    }

    /// Reads a request; the message says why it is not one.
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("the PDF request could not be read ({e})"))
    }

    /// The JSON form.
    pub fn to_json(&self) -> Result<String, ProtocolError> {
        to_json(self)
    }
}

impl Reply {
    /// The id of the request this answers, if any.
    pub fn id(&self) -> Option<u32> {
        match self {
            Reply::Ready { .. } => None,
            Reply::Failed { id, .. } => *id,
            Reply::Done { id, .. }
            | Reply::Draft { id, .. }
            | Reply::Library { id, .. }
            | Reply::Problems { id, .. }
            | Reply::Yaml { id, .. }
            | Reply::Calendar { id, .. }
            | Reply::Signatures { id, .. } => Some(*id),
        }
    }

    /// Reads a reply; the message says why it is not one.
    /// Our worker only sends replies this page reads, unless it is from
    /// another version of the app (its files are not content-hashed).
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| {
            format!(
                "the app's file and PDF helper answered in a form this page does not know ({e}); it may be from another version of the app: reload the page"
            )
        })
    }

    /// The JSON form.
    pub fn to_json(&self) -> Result<String, ProtocolError> {
        to_json(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::document::Text;

    #[test]
    fn requests_and_replies_survive_the_trip_as_json() {
        let request = Request {
            id: 7,
            document: Document {
                language: "en".to_owned(),
                title: "T \"quoted\" </script>".into(),
                author: "A".into(),
                cover: Default::default(),
                sections: vec![],
                problems: vec![crate::policy::document::FillProblem {
                    clause: Some("privacy.core".into()),
                    message: Text::plain("x").to_plain(),
                }],
            },
            kind: DocumentKind::QuickReference,
            word: None,
            second: None,
        };
        assert_eq!(
            Request::parse(&request.to_json().expect("a message is written")),
            Ok(request.clone())
        );
        let mut french = request.document.clone();
        french.language = "fr-CA".to_owned();
        let both = Request::bilingual(8, french, request.document.clone(), DocumentKind::Policy);
        let read = Request::parse(&both.to_json().expect("a message is written")).expect("it reads");
        assert_eq!(read.second.as_ref().map(|d| d.language.as_str()), Some("en"));
        assert_eq!(read, both);
        // A Word file of both versions carries the second the same way.
        let word = Request::word(
            9,
            both.document.clone(),
            Some(request.document.clone()),
            WordRequest::default(),
        );
        let read = Request::parse(&word.to_json().expect("a message is written")).expect("it reads");
        assert!(read.word.is_some());
        assert_eq!(read.second.as_ref().map(|d| d.language.as_str()), Some("en"));
        assert_eq!(read, word);
        for reply in [
            Reply::Ready {
                version: PROTOCOL_VERSION.into(),
            },
            Reply::Done {
                id: 3,
                pages: 2,
                missing_glyphs: vec!['\u{4e2d}'],
                millis: 12.5,
            },
            Reply::Failed {
                id: None,
                message: "no".into(),
            },
        ] {
            assert_eq!(Reply::parse(&reply.to_json().expect("a message is written")), Ok(reply));
        }
    }

    #[test]
    fn a_request_without_a_kind_asks_for_the_policy() {
        let json = r#"{"id":1,"document":{"title":"T","author":"A","sections":[],"problems":[]}}"#;
        let request = Request::parse(json).expect("a request of the first protocol still reads");
        assert_eq!(request.kind, DocumentKind::Policy);
        assert!(request.document.cover.is_empty());
    }

    #[test]
    fn file_requests_are_told_from_pdf_requests_and_survive_the_trip() {
        let request = FileRequest {
            id: 4,
            job: FileJob::ReadLibrary {
                file: "ours.yaml".into(),
                text: "version: 1\n".into(),
            },
            questionnaire: "{}".into(),
        };
        assert_eq!(
            Incoming::parse(&request.to_json().expect("a message is written")),
            Ok(Incoming::File(request))
        );
        let pdf = Request::new(
            5,
            Document {
                language: "en".to_owned(),
                title: "T".into(),
                author: "A".into(),
                cover: Default::default(),
                sections: vec![],
                problems: vec![],
            },
            DocumentKind::Policy,
        );
        assert_eq!(
            Incoming::parse(&pdf.to_json().expect("a message is written")),
            Ok(Incoming::Pdf(Box::new(pdf)))
        );
        let bad = r#"{"id": 6, "job": {"kind": "explode"}}"#;
        assert!(matches!(Incoming::parse(bad), Err((Some(6), _))), "the id is kept");
        assert!(matches!(Incoming::parse("{"), Err((None, _))));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(Request::parse("{").is_err());
        assert!(Reply::parse("{\"exploded\":{}}").is_err());
        // A worker of the version before this one: told apart, with advice.
        let old = Reply::parse("{\"kind\":\"ready\",\"version\":\"0.1.0/3\"}");
        assert!(old.is_err_and(|e| e.contains("reload the page")));
    }
}
