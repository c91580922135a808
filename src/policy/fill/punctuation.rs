//! Punctuation, capitals and words where an answer meets the clause
//! around it.
//!
//! Answers are printed inside sentences that end with their own full stop,
//! so an answer that ends with one ("Maple Grove Clinic Inc.") would print
//! "Inc.." at the end of every sentence that names it. An answer is written
//! once but read in many places: "A cross-team social media group" begins
//! one sentence and sits in the middle of the next. And the clauses speak of
//! patients, where a long-term care home speaks of residents.
//!
//! While the context is built, [`mark`] puts private markers around every
//! answer. After the template is rendered, [`settle`] drops the clause's
//! full stop that follows an answer's own, gives an answer that opens a
//! sentence a capital, writes a leading article ("A", "An", "The") in lower
//! case inside a sentence, puts the organization's own words (and its
//! English's spelling, see [`super::spelling`]) in the
//! clause's text (never in an answer), and removes every marker.

use std::borrow::Cow;

use super::spelling::{each_word, respell, respell_word, Changes};
use crate::policy::model::answers::{Answer, Answers};
use crate::policy::model::ids::QuestionId;
use crate::policy::model::language::Language;
use crate::policy::model::questionnaire::Questionnaire;
use crate::policy::model::spelling::English;

/// Comes before every answer. A private-use character, removed from user
/// text.
pub(crate) const ANSWER_START: char = '\u{E002}';

/// Comes after every answer. A private-use character, removed from user
/// text.
pub(crate) const ANSWER_STOP: char = '\u{E003}';

/// The words a kind of organization uses for the people in its care, put
/// in place of "patient" in the clauses' own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Care {
    /// Patients, as the clauses are written.
    #[default]
    Patients,
    /// Residents, as a long-term care home says.
    Residents,
}

/// The organization's own words for the templates' text: its word for the
/// people in its care, and its English's spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Words<'s> {
    care: Care,
    /// The forms the organization's English spells differently; `None`
    /// when it reads the text as written.
    spelling: Option<&'s Changes>,
    /// The English whose spelling that is, when it has one.
    english: Option<English>,
    /// The language of the templates' text, which says what the word for
    /// the people in its care is.
    language: Language,
}

/// What makes two [`Words`] of one questionnaire the same words: text
/// put in the one reads as it does in the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordsKey(Care, Option<English>, Language);

impl<'s> Words<'s> {
    /// The words for the organization the (visible) answers describe, with
    /// the spelling of the English they choose in `q`.
    pub(crate) fn for_answers(q: &'s Questionnaire, visible: &Answers) -> Self {
        let care = match visible.get(&QuestionId("org_type".to_owned())) {
            Some(Answer::Text(t)) if t == "long_term_care" => Care::Residents,
            _ => Care::Patients,
        };
        let english = q.spelling.english_for(visible);
        let spelling = q.spelling.changes_for(english);
        Self {
            care,
            spelling,
            english: spelling.and(english),
            language: Language::English,
        }
    }

    /// What these words are, without the questionnaire they come from.
    pub(crate) fn key(self) -> WordsKey {
        WordsKey(self.care, self.english, self.language)
    }

    /// These words for templates written in `language`. A translation
    /// has no English spelling to apply.
    pub(crate) fn in_language(self, language: Language) -> Self {
        Self {
            language,
            spelling: if language.is_english() { self.spelling } else { None },
            english: if language.is_english() { self.english } else { None },
            ..self
        }
    }

    /// The language of the text these words apply to.
    pub(crate) fn language(self) -> Language {
        self.language
    }

    /// Whether these words leave the templates' text as it is written
    /// (French text always gets its typography).
    fn as_written(self) -> bool {
        self.care == Care::Patients && self.spelling.is_none() && self.language.is_english()
    }

    /// `text` in these words: each whole word "patient" or "patients", with
    /// its capital, becomes the organization's word, and each word its
    /// English spells differently is respelled.
    pub(crate) fn apply<'a>(self, text: &'a str) -> Cow<'a, str> {
        if self.as_written() {
            return Cow::Borrowed(text);
        }
        let worded = self.worded(text);
        if !self.language.is_english() {
            if let Cow::Owned(typeset) = super::typography::french(&worded) {
                return Cow::Owned(typeset);
            }
        }
        worded
    }

    /// `text` with the organization's word for the people in its care and
    /// its English's spelling.
    fn worded<'a>(self, text: &'a str) -> Cow<'a, str> {
        // The French words are of the same gender, so the articles and
        // adjectives around them still agree.
        let (one, many) = match (self.care, self.language) {
            (Care::Patients, _) => ("patient", "patients"),
            (Care::Residents, Language::English) => ("resident", "residents"),
            (Care::Residents, Language::CanadianFrench) => ("résident", "résidents"),
        };
        if self.care == Care::Patients && self.spelling.is_none() {
            return Cow::Borrowed(text);
        }
        each_word(text, |word| {
            let cared = match (self.care, word) {
                (Care::Patients, _) => None,
                (_, "patient") => Some(one.to_owned()),
                (_, "patients") => Some(many.to_owned()),
                (_, "Patient") => Some(capital(one)),
                (_, "Patients") => Some(capital(many)),
                _ => None,
            };
            cared.or_else(|| self.spelling.and_then(|changes| respell_word(changes, word)))
        })
    }

    /// `text` in the organization's English only: for option labels and
    /// the terms of unanswered questions, which are the templates' words
    /// but name things, so keep "patient".
    pub(crate) fn respell<'a>(self, text: &'a str) -> Cow<'a, str> {
        match self.spelling {
            Some(changes) => respell(changes, text),
            None => Cow::Borrowed(text),
        }
    }
}

use super::text::capitalize as capital;

/// The answer between its markers. An empty answer stays empty, so that
/// `{% if %}` still reads it as not given.
pub(crate) fn mark(answer: String) -> String {
    let trimmed = answer.trim_end();
    if trimmed.is_empty() {
        return answer;
    }
    let mut marked = String::with_capacity(trimmed.len() + 6);
    marked.push(ANSWER_START);
    marked.push_str(trimmed);
    marked.push(ANSWER_STOP);
    marked
}

/// Whether text written so far leaves the next word at the start of a
/// sentence: nothing yet, a full stop, question or exclamation mark and a
/// space, or an opening quotation mark.
fn at_sentence_start(before: &str) -> bool {
    let trimmed = before.trim_end();
    match trimmed.chars().last() {
        None => true,
        Some('\u{201C}') => true,
        Some('"') => trimmed.chars().filter(|&c| c == '"').count() % 2 == 1,
        Some(c) => ['.', '?', '!'].contains(&c) && trimmed.len() < before.len(),
    }
}

/// The length of the leading article of an answer, if it has one: "A",
/// "An" or "The" followed by a space.
fn leading_article(answer: &str) -> Option<usize> {
    [
        "A ",
        "An ",
        "The ",
        "Le ",
        "La ",
        "Les ",
        "L\u{2019}",
        "L'",
        "Un ",
        "Une ",
    ]
    .iter()
    .find(|a| answer.starts_with(**a))
    .map(|a| a.len())
}

/// Rendered text with each answer fitted to its sentence, the clause's own
/// text in the organization's words, and no marker left.
pub(crate) fn settle<'a>(rendered: &'a str, words: Words<'_>) -> Cow<'a, str> {
    if !rendered.contains(ANSWER_START) && words.as_written() {
        return Cow::Borrowed(rendered);
    }
    let mut out = String::with_capacity(rendered.len());
    let mut rest = rendered;
    let mut after_full_stop = false;
    while !rest.is_empty() {
        // The clause's own text, up to the next answer.
        let end = rest.find(ANSWER_START).unwrap_or(rest.len());
        let mut own = &rest[..end];
        if after_full_stop {
            own = own.strip_prefix('.').unwrap_or(own);
        }
        out.push_str(&words.apply(own));
        rest = &rest[end..];
        let Some(after) = rest.strip_prefix(ANSWER_START) else {
            break;
        };
        let stop = after.find(ANSWER_STOP).unwrap_or(after.len());
        let answer = &after[..stop];
        rest = after.get(stop + ANSWER_STOP.len_utf8()..).unwrap_or("");
        if at_sentence_start(&out) {
            out.push_str(&capital(answer));
        } else if let Some(len) = leading_article(answer) {
            out.push_str(&answer[..len].to_lowercase());
            out.push_str(&answer[len..]);
        } else {
            out.push_str(answer);
        }
        after_full_stop = answer.ends_with(['.', '?', '!']);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled(s: &str) -> String {
        settle(s, Words::default()).into_owned()
    }

    #[test]
    fn a_name_that_ends_with_a_full_stop_ends_the_sentence_once() {
        let name = mark("Maple Grove Clinic Inc.".to_owned());
        assert_eq!(settled(&format!("This is {name}.")), "This is Maple Grove Clinic Inc.");
    }

    #[test]
    fn other_punctuation_after_the_answer_is_kept() {
        let name = mark("Maple Grove Clinic Inc.".to_owned());
        assert_eq!(
            settled(&format!("{name}, our clinic, and ({name})")),
            "Maple Grove Clinic Inc., our clinic, and (Maple Grove Clinic Inc.)"
        );
    }

    #[test]
    fn a_question_or_exclamation_also_ends_the_sentence() {
        let q = mark("Is it safe?".to_owned());
        assert_eq!(settled(&format!("Ask: {q}.")), "Ask: Is it safe?");
    }

    #[test]
    fn answers_that_end_otherwise_keep_their_ending() {
        assert_eq!(settled(&format!("{}.", mark("Lakeside".to_owned()))), "Lakeside.");
        assert_eq!(settled("Lakeside..."), "Lakeside...");
        assert_eq!(mark(String::new()), "");
    }

    #[test]
    fn an_answer_fits_its_place_in_the_sentence() {
        let group = mark("A cross-team social media group".to_owned());
        assert_eq!(
            settled(&format!("{group} owns them. Training: {group}. Ask ({group}).")),
            "A cross-team social media group owns them. Training: a cross-team social media group. \
             Ask (a cross-team social media group)."
        );
        let owner = mark("the Director of Communications".to_owned());
        assert_eq!(
            settled(&format!("{owner} leads. Ask {owner}.")),
            "The Director of Communications leads. Ask the Director of Communications."
        );
        let quote = mark("The views I share are my own.".to_owned());
        assert_eq!(
            settled(&format!("Use these words: \"{quote}\"")),
            "Use these words: \"The views I share are my own.\""
        );
        let name = mark("Facebook".to_owned());
        assert_eq!(settled(&format!("We use {name}.")), "We use Facebook.");
    }

    #[test]
    fn a_care_home_speaks_of_residents_but_never_changes_an_answer() {
        let form = mark("Patient Consent Form".to_owned());
        assert_eq!(
            settle(
                &format!("Patients and a patient's family sign the {form}. Outpatients too."),
                Words {
                    care: Care::Residents,
                    spelling: None,
                    english: None,
                    language: Language::English,
                }
            ),
            "Residents and a resident's family sign the Patient Consent Form. Outpatients too."
        );
    }

    #[test]
    fn in_french_residents_are_résidents_and_an_answer_s_article_fits_the_sentence() {
        let form = mark("Le formulaire de consentement".to_owned());
        let french = Words {
            care: Care::Residents,
            spelling: None,
            english: None,
            language: Language::CanadianFrench,
        };
        assert_eq!(
            settle(&format!("Les patients signent {form}. Un patient aussi."), french),
            "Les résidents signent le formulaire de consentement. Un résident aussi."
        );
    }
}
