//! The policy's life after approval, from the answers: when it is next
//! due for review, and the staff sign-off sheet for the current version.
//! Both are pure: today's date comes in as data.

use crate::policy::document::{Block, BlockKind, Cover, Document, Section, Text};
use crate::policy::fill::words::Words;
use crate::policy::model::answers::Answers;
use crate::policy::model::dates::{parse_iso, Date};
use crate::policy::model::ids::{ClauseId, QuestionId, SectionId};

/// How often the policy is reviewed: the options of the questionnaire's
/// `review_cycle` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewCycle {
    /// Every year.
    Annually,
    /// Every two years.
    EveryTwoYears,
    /// Every three years.
    EveryThreeYears,
}

impl ReviewCycle {
    /// The cycle an option id names, if any.
    pub fn from_option(id: &str) -> Option<Self> {
        match id {
            "annually" => Some(Self::Annually),
            "every_two_years" => Some(Self::EveryTwoYears),
            "every_three_years" => Some(Self::EveryThreeYears),
            _ => None,
        }
    }

    /// The cycle's length in months.
    pub fn months(self) -> u32 {
        match self {
            Self::Annually => 12,
            Self::EveryTwoYears => 24,
            Self::EveryThreeYears => 36,
        }
    }
}

/// `date` moved on by `months`, kept on the last day of the month when the
/// day does not exist there (31 January + 1 month is 28 or 29 February).
/// `None` past the year 9999.
pub fn add_months(date: Date, months: u32) -> Option<Date> {
    let index = u32::from(date.year) * 12 + u32::from(date.month) - 1 + months;
    let year = u16::try_from(index / 12).ok().filter(|y| *y <= 9999)?;
    let month = u8::try_from(index % 12 + 1).ok()?;
    let day = date.day.min(days_in_month(year, month));
    Some(Date { year, month, day })
}

/// The number of days in `month` of `year`.
fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// When the review is due, from the answers (`effective_date`,
/// `review_cycle`); `None` while either is unanswered.
pub fn next_review_due(answers: &Answers) -> Option<Date> {
    let effective = answers.text(&QuestionId::from("effective_date")).and_then(parse_iso)?;
    let cycle = answers
        .text(&QuestionId::from("review_cycle"))
        .and_then(ReviewCycle::from_option)?;
    add_months(effective, cycle.months())
}

/// When the policy is next reviewed, and whether that day has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextReview {
    /// The date the review is due.
    pub due: Date,
    /// Whether `due` is today or before it.
    pub passed: bool,
}

impl NextReview {
    /// The review due one `cycle` after `effective`, as seen on `today`.
    pub fn after(effective: Date, cycle: ReviewCycle, today: Date) -> Option<Self> {
        let due = add_months(effective, cycle.months())?;
        Some(Self {
            due,
            passed: due <= today,
        })
    }

    /// The review from the answers (`effective_date`, `review_cycle`), as
    /// seen on `today` (`YYYY-MM-DD`); `None` while either is unanswered.
    pub fn from_answers(answers: &Answers, today: &str) -> Option<Self> {
        let due = next_review_due(answers)?;
        // Without a readable today the review is shown as not yet due,
        // which says less rather than raise a false alarm.
        let today = parse_iso(today).unwrap_or(Date {
            year: 1000,
            month: 1,
            day: 1,
        });
        Some(Self {
            due,
            passed: due <= today,
        })
    }

    /// How the history appendix says it with the words `w` of the
    /// Document's language: "Next review: 1 March 2027", "Review was due
    /// on 1 March 2027", « Prochaine révision : 1er mars 2027 ».
    pub fn label_in(&self, w: &Words) -> String {
        let date = self.due.long_in(w.language);
        if self.passed {
            (w.review_was_due)(&date)
        } else {
            (w.next_review)(&date)
        }
    }
}

/// The staff acknowledgement sheet for `policy`: one page with the
/// policy's title, version and effective date, the statement staff sign,
/// and lines for name, role, signature and date, in the policy's language.
pub fn signoff_sheet(policy: &Document) -> Document {
    let w = Words::of(&policy.language);
    let cover = &policy.cover;
    let shown = |value: &Text| {
        if value.is_empty() {
            w.not_given.to_owned()
        } else {
            value.to_plain()
        }
    };
    let block = |clause: &str, kind: BlockKind| Block {
        clause: ClauseId::from(clause),
        kind,
    };
    // Lines to write on: underscores print in every font and survive a
    // conversion to text, where a drawn rule would not.
    let line = |label: &str| Text::plain((w.labelled)(label, &"_".repeat(40)));
    let [name, role, signature, date] = w.lines;
    let section = Section {
        id: SectionId::from("acknowledgement"),
        number: "1".to_owned(),
        title: w.acknowledgement.to_owned(),
        blocks: vec![
            block(
                "signoff.facts",
                BlockKind::Bullets(vec![
                    Text::plain((w.labelled)(w.policy, &policy.title)),
                    Text::plain((w.labelled)(w.version, &shown(&cover.version))),
                    Text::plain((w.labelled)(w.effective_date, &shown(&cover.effective_date))),
                ]),
            ),
            block(
                "signoff.statement",
                BlockKind::Paragraph(Text::plain((w.statement)(&policy.title, &shown(&cover.version)))),
            ),
            block("signoff.name", BlockKind::Paragraph(line(name))),
            block("signoff.role", BlockKind::Paragraph(line(role))),
            block("signoff.signature", BlockKind::Paragraph(line(signature))),
            block("signoff.date", BlockKind::Paragraph(line(date))),
            block("signoff.return", BlockKind::Notice(Text::plain(w.return_sheet))),
        ],
        subsections: Vec::new(),
    };
    Document {
        language: policy.language.clone(),
        title: (w.signoff_title)(&policy.title),
        author: policy.author.clone(),
        // The sheet carries the facts in its text, not on a cover page of
        // its own: it is one page.
        cover: Cover::default(),
        sections: vec![section],
        problems: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::fill::words::{ENGLISH, FRENCH};
    use crate::policy::model::answers::Answer;

    fn date(s: &str) -> Date {
        parse_iso(s).expect("a real date")
    }

    #[test]
    fn months_are_added_keeping_to_the_end_of_short_months() {
        assert_eq!(add_months(date("2026-01-31"), 1), Some(date("2026-02-28")));
        assert_eq!(add_months(date("2028-01-31"), 1), Some(date("2028-02-29")));
        assert_eq!(add_months(date("2026-03-31"), 1), Some(date("2026-04-30")));
        assert_eq!(add_months(date("2026-11-15"), 2), Some(date("2027-01-15")));
        assert_eq!(add_months(date("9999-06-01"), 12), None);
    }

    #[test]
    fn a_review_from_the_twenty_ninth_of_february_falls_on_a_real_day() {
        let from = date("2024-02-29");
        let today = date("2024-03-01");
        let due = |cycle| NextReview::after(from, cycle, today).map(|r| r.due);
        assert_eq!(due(ReviewCycle::Annually), Some(date("2025-02-28")));
        assert_eq!(due(ReviewCycle::EveryTwoYears), Some(date("2026-02-28")));
        assert_eq!(add_months(from, 48), Some(date("2028-02-29")));
        // 2100 is not a leap year, 2000 was.
        assert_eq!(add_months(date("2096-02-29"), 48), Some(date("2100-02-28")));
        assert_eq!(add_months(date("1996-02-29"), 48), Some(date("2000-02-29")));
    }

    #[test]
    fn the_next_review_comes_from_the_answers_and_says_when_it_has_passed() {
        let mut answers = Answers::default();
        assert_eq!(NextReview::from_answers(&answers, "2026-12-03"), None);
        answers.set("effective_date".into(), Answer::Text("2025-12-03".into()));
        answers.set("review_cycle".into(), Answer::Text("annually".into()));
        let due_today = NextReview::from_answers(&answers, "2026-12-03").expect("both answered");
        assert_eq!(due_today.due, date("2026-12-03"));
        assert!(due_today.passed, "a review due today is due");
        assert_eq!(due_today.label_in(&ENGLISH), "Review was due on 3 December 2026");
        let before = NextReview::from_answers(&answers, "2026-12-02").expect("both answered");
        assert!(!before.passed);
        assert_eq!(before.label_in(&ENGLISH), "Next review: 3 December 2026");
        assert_eq!(before.label_in(&FRENCH), "Prochaine révision\u{a0}: 3 décembre 2026");
        assert_eq!(
            due_today.label_in(&FRENCH),
            "La révision était prévue le 3 décembre 2026"
        );
        answers.set("review_cycle".into(), Answer::Text("every_three_years".into()));
        let later = NextReview::from_answers(&answers, "2026-12-03").expect("both answered");
        assert_eq!((later.due, later.passed), (date("2028-12-03"), false));
        answers.set("review_cycle".into(), Answer::Text("whenever".into()));
        assert_eq!(NextReview::from_answers(&answers, "2026-12-03"), None);
    }

    #[test]
    fn the_signoff_sheet_names_the_policy_and_has_lines_to_sign() {
        let policy = Document {
            language: "en".to_owned(),
            title: "Social Media Policy".into(),
            author: "Lakeside".into(),
            cover: Cover {
                version: Text::plain("2.1"),
                effective_date: Text::plain("1 March 2027"),
                ..Cover::default()
            },
            sections: vec![],
            problems: vec![],
        };
        let sheet = signoff_sheet(&policy);
        let text = sheet.to_plain();
        for expected in [
            "Social Media Policy: staff acknowledgement",
            "1 Staff acknowledgement",
            "- Policy: Social Media Policy",
            "- Version: 2.1",
            "- Effective date: 1 March 2027",
            "I have read and understood the Social Media Policy (version 2.1), and I agree to follow it.",
            "Name: ____",
            "Role: ____",
            "Signature: ____",
            "Date: ____",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
        assert!(sheet.cover.is_empty(), "one page, no cover");
        let unnumbered = signoff_sheet(&Document {
            cover: Cover::default(),
            ..policy
        });
        assert!(unnumbered.to_plain().contains("- Version: not given"));
    }
}
