//! The file input: the file a user picked, read as UTF-8 text or as bytes
//! up to a size limit, with typed refusals.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::browser::storage::js_message;
use crate::app::i18n::{megabytes, tr, Said};
use crate::policy::diag::text::decode;
use crate::policy::diag::{Diagnostic, Diagnostics};

/// The first file chosen in the file input that fired `ev`, if any.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0);
    // Clear the input so that choosing the same file again fires again.
    input.set_value("");
    file
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// It is over the size limit; it was not read.
    #[error("the file is {megabytes:.1} MB; the largest the app reads is {limit:.0} MB")]
    TooBig {
        /// Its size.
        megabytes: f64,
        /// The limit.
        limit: f64,
    },
    /// The browser could not read it (the message is the browser's).
    #[error("{0}")]
    Unreadable(String),
    /// It is not UTF-8 text: where the first byte that is not is.
    #[error("{}", .0.message)]
    NotUtf8(Diagnostic),
}

impl Said for ReadError {
    fn said(&self) -> String {
        match self {
            ReadError::TooBig { megabytes: size, limit } => {
                tr!(
                    "error-file-too-big",
                    size = megabytes(*size, 1),
                    limit = megabytes(*limit, 0)
                )
            }
            ReadError::Unreadable(reason) => tr!("error-file-unreadable", reason = reason.as_str()),
            ReadError::NotUtf8(d) => d.message.clone(),
        }
    }
}

impl ReadError {
    /// The refusal as a problem of the file `file`, for the problem list
    /// (an error, not a status line): located when it has a place.
    pub fn diagnostics(&self, file: &str) -> Diagnostics {
        Diagnostics(vec![match self {
            ReadError::NotUtf8(d) => d.clone(),
            other => Diagnostic {
                file: file.to_owned(),
                line: 0,
                column: 0,
                message: other.said(),
                kind: None,
            },
        }])
    }
}

/// Reads `file` as UTF-8 text if it has at most `max_bytes`. The
/// browser's own reading as text would turn bytes that are not UTF-8 into
/// replacement characters without a word, so the bytes are read and
/// decoded here, and refused with the place of the first that is not
/// UTF-8.
pub async fn read_text_up_to(file: &web_sys::File, max_bytes: f64) -> Result<String, ReadError> {
    let bytes = read_bytes_up_to(file, max_bytes).await?;
    decode(&file.name(), &bytes).map_err(ReadError::NotUtf8)
}

/// Reads `file`'s bytes if it has at most `max_bytes`.
pub async fn read_bytes_up_to(file: &web_sys::File, max_bytes: f64) -> Result<Vec<u8>, ReadError> {
    if file.size() > max_bytes {
        return Err(ReadError::TooBig {
            megabytes: file.size() / 1024.0 / 1024.0,
            limit: max_bytes / 1024.0 / 1024.0,
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| ReadError::Unreadable(js_message(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
