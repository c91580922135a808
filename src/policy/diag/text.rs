//! Text that is not what it looks like: bytes that are not UTF-8, and the
//! invisible Unicode controls that change the order in which text is shown.
//!
//! A file read as text by the browser turns bytes that are not UTF-8 into
//! replacement characters without a word, so the page reads files as bytes
//! and [`decode`]s them here, refusing what is not UTF-8 with where it is.
//! A right-to-left override (U+202E) and its kin make "evil" display as
//! "live": imported files holding them are refused ([`bidi_problems`]),
//! and typed text keeps them but shows each as a visible mark in the
//! preview and the PDF ([`show_bidi`]).

use crate::policy::diag::Diagnostic;

/// The invisible characters that change the display order of text: the
/// embeddings, overrides and isolates of Unicode's bidirectional algorithm
/// (UAX #9). The marks (LRM, RLM, ALM) are left alone: they only settle
/// the direction of neutral characters such as punctuation, and
/// right-to-left writers use them in ordinary text.
pub const BIDI_CONTROLS: [(char, &str); 9] = [
    ('\u{202A}', "LRE"),
    ('\u{202B}', "RLE"),
    ('\u{202C}', "PDF"),
    ('\u{202D}', "LRO"),
    ('\u{202E}', "RLO"),
    ('\u{2066}', "LRI"),
    ('\u{2067}', "RLI"),
    ('\u{2068}', "FSI"),
    ('\u{2069}', "PDI"),
];

/// The short name of `c` if it is a bidirectional control.
pub fn bidi_name(c: char) -> Option<&'static str> {
    BIDI_CONTROLS.iter().find(|(b, _)| *b == c).map(|(_, n)| *n)
}

/// Whether `s` holds any bidirectional control.
pub fn has_bidi(s: &str) -> bool {
    s.chars().any(|c| bidi_name(c).is_some())
}

/// `s` with each bidirectional control shown as a visible mark such as
/// `[RLO U+202E]`, so that a reader sees the text in the order it is
/// stored and knows something invisible was there.
pub fn show_bidi(s: &str) -> String {
    if !has_bidi(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match bidi_name(c) {
            Some(name) => out.push_str(&format!("[{name} U+{:04X}]", u32::from(c))),
            None => out.push(c),
        }
    }
    out
}

/// One problem for each line of `text` that holds a bidirectional
/// control, at the first one on the line.
pub fn bidi_problems(file: &str, text: &str) -> Vec<Diagnostic> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (column, c) = line.chars().enumerate().find(|(_, c)| bidi_name(*c).is_some())?;
            let name = bidi_name(c).unwrap_or_default();
            Some(Diagnostic {
                file: file.to_owned(),
                line: i + 1,
                column: column + 1,
                message: format!(
                    "this line holds an invisible direction control ({name}, U+{:04X}), which makes text show in another order than it is written: remove it",
                    u32::from(c)
                ), kind: None,
            })
        })
        .collect()
}

/// `bytes` as UTF-8 text, or a problem at the first byte that is not.
/// A byte-order mark at the start is dropped.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            // Everything before the bad byte is valid, so it can be counted.
            let before = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = 1 + before.matches('\n').count();
            let column = 1 + before.rsplit('\n').next().unwrap_or_default().chars().count();
            Err(Diagnostic {
                file: file.to_owned(),
                line,
                column,
                message: format!(
                    "the file is not UTF-8 text: byte {} (0x{:02X}) here is not a character; save the file as UTF-8 and try again",
                    e.valid_up_to() + 1,
                    bytes.get(e.valid_up_to()).copied().unwrap_or_default()
                ), kind: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_is_shown_where_it_is_stored() {
        assert_eq!(show_bidi("\u{202E}evil\u{202C}"), "[RLO U+202E]evil[PDF U+202C]");
        assert_eq!(show_bidi("plain عربي"), "plain عربي");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_located() {
        let d = decode("a.yaml", b"name: ok\nlegal: caf\xE9 au lait\n").expect_err("latin-1");
        assert_eq!((d.line, d.column), (2, 11), "{d}");
        assert!(d.message.contains("not UTF-8"), "{d}");
        assert_eq!(decode("a.yaml", b"\xEF\xBB\xBFx: 1").ok().as_deref(), Some("x: 1"));
    }

    #[test]
    fn each_line_with_a_control_is_reported_once() {
        let d = bidi_problems("a.yaml", "a: 1\nname: \u{202E}evil\u{202C}\nb: \u{2067}x\n");
        let at: Vec<_> = d.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(2, 7), (3, 4)]);
        assert!(d[0].message.contains("RLO"), "{}", d[0]);
    }
}
