//! The review reminder: an iCalendar file (RFC 5545) with one all-day
//! event on the next review date, naming the policy and its owner, with a
//! short checklist and an alarm a week before. Written by the `icalendar`
//! crate; the time stamp comes in as data, the pipeline reads no clock.
//! It is written in the policy's language, in the words of
//! [`crate::policy::fill::words`].

use icalendar::{Alarm, Calendar, Component, EventLike, Trigger};

use crate::policy::fill::words::Words;
use crate::policy::model::dates::Date;

/// What the reminder says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder<'a> {
    /// The policy's title.
    pub title: &'a str,
    /// The organization.
    pub organization: &'a str,
    /// The role that owns the policy.
    pub owner: &'a str,
    /// The version now in force.
    pub version: &'a str,
    /// When the review is due.
    pub due: Date,
    /// The draft's id, which makes the event's UID stable: a second
    /// reminder for the same draft and date replaces the first in a
    /// calendar rather than adding another.
    pub draft_id: &'a str,
    /// Now, as `YYYYMMDDTHHMMSSZ` (RFC 5545's UTC form), for DTSTAMP.
    pub stamp: &'a str,
    /// The policy's language tag (`en-CA`, `fr-CA`): the reminder's words.
    pub language: &'a str,
}

/// Why a reminder could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The due date is not one the calendar library accepts.
    #[error("the review date {0} cannot be put in a calendar")]
    BadDate(String),
}

/// The reminder as an `.ics` file.
pub fn reminder_ics(r: &Reminder) -> Result<String, CalendarError> {
    let day = chrono::NaiveDate::from_ymd_opt(i32::from(r.due.year), u32::from(r.due.month), u32::from(r.due.day))
        .ok_or_else(|| CalendarError::BadDate(r.due.iso()))?;
    let words = Words::of(r.language);
    let mut description = (words.reminder_about)(r.title, r.organization, r.version, r.owner);
    description.push_str("\n\n");
    description.push_str(words.reminder_checklist_heading);
    description.push('\n');
    for step in words.reminder_checklist {
        description.push_str(&format!("- {step}\n"));
    }
    let uid = format!("review-{}-{}@policy-builder", r.draft_id, r.due.iso());
    let event = icalendar::Event::new()
        .uid(&uid)
        .add_property("DTSTAMP", r.stamp)
        .summary(&(words.reminder_summary)(r.title))
        .description(description.trim_end())
        .all_day(day)
        .alarm(Alarm::display(
            &(words.reminder_alarm)(r.title),
            Trigger::before_start(chrono::Duration::days(7)),
        ))
        .done();
    let mut calendar = Calendar::new();
    calendar.name(&(words.reminder_calendar)(r.organization)).push(event);
    Ok(calendar.done().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::model::dates::parse_iso;

    #[test]
    fn the_reminder_reads_back_as_one_all_day_event_with_its_checklist() {
        let due = parse_iso("2028-02-29").expect("a leap day");
        let text = reminder_ics(&Reminder {
            title: "Social Media Policy",
            organization: "Lakeside, Inc.",
            owner: "the Director of Communications",
            version: "2.1",
            due,
            draft_id: "d42",
            stamp: "20261203T091500Z",
            language: "en-US",
        })
        .expect("a real date");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
        assert!(text.lines().all(|l| l.len() <= 75), "lines are folded: {text}");

        let parsed: Calendar = text.parse().expect("the calendar library reads it back");
        let events: Vec<_> = parsed.events().collect();
        assert_eq!(events.len(), 1);
        let event = events[0];
        assert_eq!(event.get_summary(), Some("Review due: Social Media Policy"));
        assert_eq!(event.get_uid(), Some("review-d42-2028-02-29@policy-builder"));
        assert_eq!(
            event.get_start(),
            Some(icalendar::DatePerhapsTime::Date(
                chrono::NaiveDate::from_ymd_opt(2028, 2, 29).expect("date")
            ))
        );
        let description = event.get_description().expect("a description");
        assert!(
            description.contains("Owner: the Director of Communications."),
            "{description}"
        );
        assert!(description.contains("Lakeside, Inc., version 2.1"), "{description}");
        for step in crate::policy::fill::words::ENGLISH.reminder_checklist {
            assert!(description.contains(step), "{step} in {description}");
        }
        assert!(text.contains("BEGIN:VALARM") && text.contains("TRIGGER"), "{text}");
        assert!(text.contains("DTSTAMP:20261203T091500Z"), "{text}");
        assert_eq!(
            crate::policy::files::history::reminder_file_name(due),
            "social-media-policy-review-2028-02-29.ics"
        );
    }

    #[test]
    fn a_french_policy_gets_its_reminder_in_french() {
        let due = parse_iso("2027-06-01").expect("a date");
        let text = reminder_ics(&Reminder {
            title: "Politique sur les médias sociaux",
            organization: "Résidence Les Érables",
            owner: "la direction des communications",
            version: "1.0",
            due,
            draft_id: "d7",
            stamp: "20261208T091500Z",
            language: "fr-CA",
        })
        .expect("a real date");
        let parsed: Calendar = text.parse().expect("the calendar library reads it back");
        let event = parsed.events().next().expect("one event");
        assert_eq!(
            event.get_summary(),
            Some("Révision prévue\u{a0}: Politique sur les médias sociaux")
        );
        let description = event.get_description().expect("a description");
        assert!(
            description.contains("Responsable\u{a0}: la direction des communications."),
            "{description}"
        );
        for step in crate::policy::fill::words::FRENCH.reminder_checklist {
            assert!(description.contains(step), "{step} in {description}");
        }
        for english in ["Review", "Owner", "Checklist", "policy review", "due for review"] {
            assert!(!text.contains(english), "{english} in {text}");
        }
        assert!(text.contains("révision de la politique"), "the calendar's name: {text}");
    }
}
