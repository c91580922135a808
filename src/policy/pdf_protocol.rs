//! Messages between the page and the PDF worker. The page sends a
//! [`Request`] as JSON; the worker answers with a [`Reply`] as JSON and, for
//! a finished PDF, the bytes beside it (transferred, not copied).

use serde::{Deserialize, Serialize};

use super::document::Document;

/// Identifies a build, so that a page never talks to a worker of another
/// version (the worker's files are not content-hashed).
pub const PROTOCOL_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "/1");

/// A PDF to make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Echoed in the reply.
    pub id: u32,
    /// What to lay out.
    pub document: Document,
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
                sections: vec![],
                problems: vec![Text::plain("x").to_plain()],
            },
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
    fn garbage_is_an_error_not_a_panic() {
        assert!(Request::parse("{").is_err());
        assert!(Reply::parse("{\"kind\":\"exploded\"}").is_err());
    }
}
