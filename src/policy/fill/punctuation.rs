//! Punctuation where an answer meets the clause around it.
//!
//! Answers are printed inside sentences that end with their own full stop,
//! so an answer that ends with one ("Maple Grove Clinic Inc.") would print
//! "Inc.." at the end of every sentence that names it. While the context is
//! built, [`mark_end`] puts a private marker after an answer that ends a
//! sentence on its own; after the template is rendered, [`settle`] drops
//! the clause's full stop that follows such a marker, and every marker.

use std::borrow::Cow;

/// Follows an answer that ends with a full stop, question mark or
/// exclamation mark. A private-use character, removed from user text.
pub(crate) const ANSWER_END: char = '\u{E002}';

/// The answer with [`ANSWER_END`] after it when it ends a sentence itself.
pub(crate) fn mark_end(answer: String) -> String {
    if answer.trim_end().ends_with(['.', '?', '!']) {
        let mut marked = answer.trim_end().to_owned();
        marked.push(ANSWER_END);
        marked
    } else {
        answer
    }
}

/// Rendered text with the full stop after a marked answer dropped, and
/// with no marker left.
pub(crate) fn settle(rendered: &str) -> Cow<'_, str> {
    if !rendered.contains(ANSWER_END) {
        return Cow::Borrowed(rendered);
    }
    let mut out = String::with_capacity(rendered.len());
    let mut chars = rendered.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ANSWER_END {
            if chars.peek() == Some(&'.') {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_ends_with_a_full_stop_ends_the_sentence_once() {
        let name = mark_end("Maple Grove Clinic Inc.".to_owned());
        assert_eq!(settle(&format!("This is {name}.")), "This is Maple Grove Clinic Inc.");
    }

    #[test]
    fn other_punctuation_after_the_answer_is_kept() {
        let name = mark_end("Maple Grove Clinic Inc.".to_owned());
        assert_eq!(
            settle(&format!("{name}, our clinic, and ({name})")),
            "Maple Grove Clinic Inc., our clinic, and (Maple Grove Clinic Inc.)"
        );
    }

    #[test]
    fn a_question_or_exclamation_also_ends_the_sentence() {
        let q = mark_end("Is it safe?".to_owned());
        assert_eq!(settle(&format!("Ask: {q}.")), "Ask: Is it safe?");
    }

    #[test]
    fn answers_that_end_otherwise_are_untouched() {
        assert_eq!(mark_end("Lakeside".to_owned()), "Lakeside");
        assert_eq!(settle("Lakeside..."), "Lakeside...");
    }
}
