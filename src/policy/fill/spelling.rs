//! Respelling: the templates' own text in the organization's English, as
//! `policy-templates/spelling.yaml` gives it (see
//! [`crate::policy::model::spelling`]).
//!
//! A pure step of the fill stage, run on the clause text around the
//! answers (never on an answer, see [`super::punctuation`]), on option
//! labels and on the terms that stand for unanswered questions. Whole words
//! only: text is cut into words at every character that is not a letter or
//! digit, so "colour-coded" respells its "colour", but "colourful" is a
//! word of its own and changes only if the table has a row for it.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::text::capitalize;

/// The forms one English spells differently from the written text, keyed
/// by the written form in lower case.
pub(crate) type Changes = BTreeMap<String, String>;

/// `word` in the other English, keeping its capitals: "colour" becomes
/// "color", "Colour" "Color" and "COLOUR" "COLOR". `None` when the table
/// has no row for it, or when its capitals are mixed ("ColourCo" is a
/// name, not the word).
pub(crate) fn respell_word(changes: &Changes, word: &str) -> Option<String> {
    // Most words are in lower case and have no row: answer those without
    // making a lower-case copy of every word of the policy.
    if let Some(replacement) = changes.get(word) {
        return Some(replacement.clone());
    }
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    let replacement = changes.get(&lower)?;
    if word == lower {
        Some(replacement.clone())
    } else if word == capitalize(&lower) {
        Some(capitalize(replacement))
    } else if word == lower.to_uppercase() {
        Some(replacement.to_uppercase())
    } else {
        None
    }
}

/// `text` with every whole word the table has respelled (see
/// [`respell_word`]).
pub(crate) fn respell<'a>(changes: &Changes, text: &'a str) -> Cow<'a, str> {
    each_word(text, |word| respell_word(changes, word))
}

/// `text` with each whole word (a run of letters and digits) that `change`
/// gives a replacement for replaced; borrowed when nothing changes.
pub(crate) fn each_word<'a>(text: &'a str, mut change: impl FnMut(&str) -> Option<String>) -> Cow<'a, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut start: Option<usize> = None;
    let mut visit = |from: usize, to: usize, out: &mut Option<String>, copied: &mut usize| {
        if let Some(new) = change(&text[from..to]) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            buf.push_str(&text[*copied..from]);
            buf.push_str(&new);
            *copied = to;
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                visit(from, i, &mut out, &mut copied);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        visit(from, text.len(), &mut out, &mut copied);
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> Changes {
        [
            ("colour", "color"),
            ("practise", "practice"),
            ("enquiries", "inquiries"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect()
    }

    #[test]
    fn a_word_keeps_its_capitals() {
        assert_eq!(respell(&us(), "colour, Colour, COLOUR"), "color, Color, COLOR");
        assert_eq!(
            respell(&us(), "Practise first. We practise."),
            "Practice first. We practice."
        );
    }

    #[test]
    fn only_whole_words_change_and_mixed_capitals_are_names() {
        // "colourful" is a word of its own: the table needs a row for it.
        assert_eq!(respell(&us(), "colourful discolour"), "colourful discolour");
        assert_eq!(respell(&us(), "ColourCo and cOlour"), "ColourCo and cOlour");
        // Hyphens, apostrophes and punctuation end a word.
        assert_eq!(
            respell(&us(), "colour-coded (colour's) \"enquiries\"."),
            "color-coded (color's) \"inquiries\"."
        );
    }

    #[test]
    fn text_with_nothing_to_respell_is_borrowed() {
        assert!(matches!(respell(&us(), "The same in every English."), Cow::Borrowed(_)));
        assert!(matches!(respell(&Changes::new(), "colour"), Cow::Borrowed(_)));
        assert_eq!(respell(&us(), ""), "");
        assert_eq!(respell(&us(), "colour"), "color");
        assert_eq!(respell(&us(), "é colour é"), "é color é");
    }

    /// A policy of one section whose clause, heading, option label and
    /// placeholder term all hold words the US spells differently.
    mod filled {
        use crate::policy::diag::SourceFile;
        use crate::policy::fill::fill;
        use crate::policy::model::answers::{Answer, Answers};
        use crate::policy::model::library::ClauseLibrary;
        use crate::policy::model::questionnaire::Questionnaire;

        const QUESTIONS: &str = "\
version: 1
title: Test
sections:
  - id: org
    title: Organization
    questions:
      - id: country
        label: Country
        type: one_of
        options:
          - { id: canada, label: Canada }
          - { id: united_states, label: United States }
      - id: print
        label: Printing
        type: one_of
        options:
          - { id: colour, label: Colour printing }
          - { id: plain, label: Plain printing }
      - id: name
        label: Name
        term: organization's favourite name
        type: text
";

        const SPELLING: &str = "\
version: 1
written_in: en-CA
question: country
answers: { canada: en-CA, united_states: en-US }
words:
  - { en-CA: colour, en-GB: colour, en-AU: colour, en-US: color }
  - { en-CA: favourite, en-GB: favourite, en-AU: favourite, en-US: favorite }
  - { en-CA: organization, en-GB: organisation, en-AU: organisation, en-US: organization }
";

        const CLAUSES: &str = "\
version: 1
title: Policy
author: \"{{ name }}\"
sections:
  - id: one
    title: Colour and patients
    clauses:
      - id: one.text
        heading: Our colour rules
        text: \"{{ name }} uses {{ print }}. Colour matters to patients.\"
";

        fn text_for(country: &str, name: Option<&str>) -> String {
            let q = Questionnaire::load("q.yaml", QUESTIONS).expect("loads");
            let spelling = q
                .spelling_from_source(&SourceFile::yaml("spelling.yaml", SPELLING))
                .expect("loads");
            let q = q.with_spelling(spelling);
            let lib = ClauseLibrary::load("c.yaml", CLAUSES, &q).expect("loads");
            let mut answers = Answers::default();
            answers.set("country".into(), Answer::Text(country.into()));
            answers.set("print".into(), Answer::Text("colour".into()));
            if let Some(name) = name {
                answers.set("name".into(), Answer::Text(name.into()));
            }
            let doc = fill(&q, &lib, &answers);
            assert!(doc.problems.is_empty(), "{:?}", doc.problems);
            doc.to_plain()
        }

        #[test]
        fn the_templates_words_are_respelled_and_the_answers_are_not() {
            let us = text_for("united_states", Some("Colourful Harbour Colour Co"));
            assert!(us.contains("1 Color and patients"), "{us}");
            assert!(us.contains("1.1 Our color rules"), "{us}");
            assert!(
                us.contains("Colourful Harbour Colour Co uses Color printing. Color matters to patients."),
                "{us}"
            );
            let canada = text_for("canada", Some("Colour Co"));
            assert!(
                canada.contains("Colour Co uses Colour printing. Colour matters to patients."),
                "{canada}"
            );
        }

        #[test]
        fn the_term_of_an_unanswered_question_is_respelled() {
            let us = text_for("united_states", None);
            assert!(
                us.contains("[organization's favorite name] uses Color printing"),
                "{us}"
            );
            let canada = text_for("canada", None);
            assert!(
                canada.contains("[organization's favourite name] uses Colour printing"),
                "{canada}"
            );
        }
    }
}
