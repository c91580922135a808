//! Messages between the page and the PDF worker. The page sends a
//! [`Request`] as JSON; the worker answers with a [`Reply`] as JSON and, for
//! a finished PDF, the bytes beside it (transferred, not copied).

use serde::{Deserialize, Serialize};

use super::document::Document;
use super::layout::DocumentKind;

/// Identifies a build, so that a page never talks to a worker of another
/// version (the worker's files are not content-hashed). The number after
/// the slash changes with the messages' shape.
pub const PROTOCOL_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/2");

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
}

/// What the worker says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
    /// The PDF could not be made.
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
        Self { id, document, kind }
    }

    /// Reads a request; the message says why it is not one.
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("the PDF request could not be read ({e})"))
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Reply {
    /// Reads a reply; the message says why it is not one.
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("the PDF worker's answer could not be read ({e})"))
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
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
                title: "T \"quoted\" </script>".into(),
                author: "A".into(),
                cover: Default::default(),
                sections: vec![],
                problems: vec![Text::plain("x").to_plain()],
            },
            kind: DocumentKind::QuickReference,
        };
        assert_eq!(Request::parse(&request.to_json()), Ok(request));
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
            assert_eq!(Reply::parse(&reply.to_json()), Ok(reply));
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
    fn garbage_is_an_error_not_a_panic() {
        assert!(Request::parse("{").is_err());
        assert!(Reply::parse("{\"kind\":\"exploded\"}").is_err());
    }
}
