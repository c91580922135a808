//! French typography in the fill stage, so that the preview, the PDF and
//! the Word file all get it from the one Document.
//!
//! French puts a space before the high punctuation marks and inside
//! guillemets, and that space must never end a line: a colon alone at the
//! start of a line reads as an error. The text is written with ordinary
//! spaces (or none), and this pass makes each one the no-break space French
//! typography asks for: U+00A0 before a colon, ; ! and ?, and inside « ».
//! (The narrow U+202F is the finer choice before ; ! and ?, but the
//! embedded font has no glyph for it, so the PDF would print a question
//! mark; the content tests fail on any character of the French text that
//! the font lacks.) Straight double quotes become guillemets. The PDF's line breaker never breaks at either space (see
//! [`crate::policy::render::typeset`]).

use std::borrow::Cow;

/// The no-break space before a colon and inside guillemets.
pub(crate) const NO_BREAK_SPACE: char = '\u{A0}';

/// The narrow no-break space, which a line never breaks at either.
pub(crate) const NARROW_NO_BREAK_SPACE: char = '\u{202F}';

/// Whether a line may break at `c`: white space other than the no-break
/// spaces.
pub fn breaks_line(c: char) -> bool {
    c.is_whitespace() && !matches!(c, NO_BREAK_SPACE | NARROW_NO_BREAK_SPACE | '\u{2007}' | '\u{2060}')
}

/// The space French puts before `mark`, if it is one that takes a space.
fn space_before(mark: char) -> Option<char> {
    match mark {
        ':' | ';' | '!' | '?' => Some(NO_BREAK_SPACE),
        _ => None,
    }
}

/// `text` with French spacing around punctuation and guillemets in place
/// of straight double quotes. A mark inside a word or an address
/// ("https://", "12:30", "?q=") is left as it is: only a mark followed by a
/// space or the end of the text is spaced.
pub(crate) fn french(text: &str) -> Cow<'_, str> {
    let needs = text
        .chars()
        .any(|c| matches!(c, ':' | ';' | '!' | '?' | '«' | '»' | '"'));
    if !needs {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut open_quote = true;
    // Just after an opening guillemet, whose no-break space replaces the
    // spaces that follow it.
    let mut after_open = false;
    for (i, &c) in chars.iter().enumerate() {
        if after_open && c.is_whitespace() {
            continue;
        }
        after_open = false;
        let ends_phrase = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        let opens = c == '«' || (c == '"' && open_quote);
        let closes = c == '»' || (c == '"' && !open_quote);
        if c == '"' {
            open_quote = !open_quote;
        }
        if opens {
            out.push('«');
            out.push(NO_BREAK_SPACE);
            after_open = true;
        } else if closes {
            trim_space(&mut out);
            out.push(NO_BREAK_SPACE);
            out.push('»');
        } else if let Some(space) = space_before(c).filter(|_| ends_phrase && !out.is_empty()) {
            trim_space(&mut out);
            out.push(space);
            out.push(c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Drops the spaces at the end of `out`, which a no-break space replaces.
fn trim_space(out: &mut String) {
    while out.ends_with([' ', NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE]) {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_punctuation_gets_a_no_break_space_before_it() {
        assert_eq!(
            french("Elle vise : les publications; les messages! Vraiment?"),
            "Elle vise\u{A0}: les publications\u{A0}; les messages\u{A0}! Vraiment\u{A0}?"
        );
    }

    #[test]
    fn guillemets_and_straight_quotes_get_no_break_spaces_inside() {
        assert_eq!(french("voir « Langues » ici"), "voir «\u{A0}Langues\u{A0}» ici");
        assert_eq!(french("voir \"Langues\" ici"), "voir «\u{A0}Langues\u{A0}» ici");
    }

    #[test]
    fn marks_inside_words_and_addresses_are_left_alone() {
        let text = "https://example.ca/?q=1 à 12:30";
        assert_eq!(french(text), text);
        assert!(matches!(french("Rien à changer."), Cow::Borrowed(_)));
    }

    #[test]
    fn a_line_never_breaks_at_a_no_break_space() {
        assert!(breaks_line(' '));
        assert!(!breaks_line(NO_BREAK_SPACE));
        assert!(!breaks_line(NARROW_NO_BREAK_SPACE));
    }
}
